"""An exam question in lettered parts: the numbered label names a topic, its parts ask.

    Question 2: Model Quality Offline [8p]
    (a) [4p] The numbers look promising. Suggest two baselines to compare against.
    (b) [4p] Explain why the dataset is split three ways.

"Model Quality Offline" asks nothing: it titles the parts, and each part is a question of its
own, answered (or left blank, as on an exam sheet) by what follows it up to the next part. The
label becomes a heading and each part a `**Q:**` line holding its wrapped lines; a part that is
only a field label ("(b) Leading indicator:") stays as it is, and when every part is one, the
question's stem above them is what asks. Points ("[4p]", "(5 points)") are
marks, not words of the question.

An exercise sheet whose headings give points (`# Ex.02: MLP (6P)`) asks the same way: each list
item that gives points first (`- (2P) Implement the forward pass.`) is a part, read to its end,
and so is a paragraph after them that asks; a heading with no such items asks in its first
paragraph. Such headings stay as written.

A homework report numbers its problems by their section (`1.1 Show that …`, `2.3 (Optional)
What …`), labels them (`Exercise 3. …`) or letters a problem's parts (`(a) Assuming …`), and
answers each under a solution label (`Solution: …`, `解: …`, "Solution." on its own line): each
such part that a label answers before the next part is one `Q:` line holding its whole statement
up to the label, wrapped lines, formulas and "a)" parts included, and the numbered statement
that lettered parts share is a heading over them. Every line keeps its location.
"""

from __future__ import annotations

import re

from ingest.exercises import GUIDE
from ingest.lines import (
    ANSWER_LABEL,
    HEADING,
    NUMBERED,
    QN,
    colon_label,
    in_code,
    indent_of,
    word_label,
)
from ingest.questions import FORM_LINE, POINTS, ends_sentence, field_label, reads_as_question
from ingest.scan import full_width, running_text

_LETTER = r"\((?:[a-h]|[1-9]|i{1,3}|iv|vi{0,3})\)"
# "Exercise 3." / "Problem 2.1:" opening an exercise's statement.
_EXERCISE = r"(?:exercise|problem)\s+\d{1,3}(?:\.\d{1,3})?\s*[.:)]"
_PART = re.compile(rf"^\s*{_LETTER}\s+(?P<rest>\S.*)$")
# A problem its label opens, "Problem 2: Show that …", "**Exercise 3.** Prove …".
_RUN_IN = re.compile(rf"^\s*[*_]*{_EXERCISE}[*_]*\s+(?P<rest>\S.*)$", re.I)
# What opens a block of its own after a problem's statement: a part, "a) …" or "(b) …".
_OPENS_PART = re.compile(rf"^\s*(?:{_LETTER}|[a-h]\))\s")
# A list item that gives points first, "- (2P) Implement the forward pass.": a task of its own.
_POINTED_ITEM = re.compile(rf"^\s*(?:[-*+]|\d{{1,2}}[.)])\s+{POINTS.pattern}(?P<rest>\S.*)$", re.I)
# A problem numbered by its section or a lettered part, "2.3 (Optional) What are …", "(a) …":
# the mark is not its text.
_SOLVED_PART = re.compile(
    rf"^\s*(?:\d{{1,2}}\.\d{{1,2}}|{_LETTER}|{_EXERCISE})\s+(?:\((?:optional|bonus)\)\s*)?"
    r"(?P<rest>\S.*)$",
    re.I,
)


def _label(line: str) -> tuple[str, str, bool, bool] | None:
    """`(hashes, text, asks, numbered)` of a numbered question label ("Question 2: Model Quality Offline
    [8p]", or a heading of it) or of a heading that gives points ("# 3: MLP (6P)"): its text
    without points, whether that text asks, and whether it is numbered (a heading that is not
    is kept as written)."""
    heading = HEADING.match(line)
    m = QN.match(heading.group(2) if heading else line)
    if m and m.group("n"):
        text = m.group("q")
    elif heading and POINTS.search(heading.group(2)):
        return heading.group(1), heading.group(2), False, False  # kept as written
    else:
        return None
    text = POINTS.sub(" ", text).strip()
    asks = not text or reads_as_question(text) or ends_sentence(text)
    return (heading.group(1) if heading else "##"), text, asks, True


def _ends_part(line: str) -> bool:
    return (
        not line.strip()
        or any(p.match(line) for p in (_PART, _POINTED_ITEM, FORM_LINE, HEADING))
        or field_label(line)
        or set(line.strip()) <= set("-*_=")
    )


def lettered_parts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Numbered exam questions titled by a topic and asked in two or more lettered parts:
    the label a heading, each part a question (see the module docstring)."""
    out = list(lines)
    code = in_code(lines)
    labels = {n: lb for n, (_, line) in enumerate(lines) if not code[n] and (lb := _label(line))}
    starts = sorted(labels)
    split = False
    for k, n in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        if labels[n][2]:
            continue  # a label that asks is the question
        lettered = {
            i: m["rest"]
            for i in range(n + 1, end)
            if not code[i] and (m := _PART.match(lines[i][1]))
        }
        pointed = {
            i: m["rest"]
            for i in range(n + 1, end)
            if not code[i] and (m := _POINTED_ITEM.match(lines[i][1]))
        }
        asking = [i for i, rest in lettered.items() if not field_label(rest)]
        stem = next((i for i in range(n + 1, end) if lines[i][1].strip()), None)
        whole = set(pointed)  # a list item or a paragraph is read to its end, not its first "."
        if len(asking) >= 2:
            parts = asking
        elif len(lettered) >= 2 and not asking and stem is not None and stem < min(lettered):
            parts = [stem]  # the parts are fields of an answer form: the stem asks
        elif pointed:  # tasks that each give points, and a question asked after them
            whole |= set(asks := _asking_paragraphs(lines, code, max(pointed), end))
            parts, lettered = [*pointed, *asks], pointed
        elif not labels[n][3] and stem is not None and running_text(lines[stem][1]):
            parts, whole = [stem], {stem}  # a task stated in one paragraph under its points
        else:
            continue
        split = True
        for i in parts:
            text = POINTS.sub(" ", lettered.get(i, lines[i][1])).strip()
            j = i + 1
            while (
                j < end and not (_complete(text) and i not in whole) and not _ends_part(lines[j][1])
            ):
                text = f"{text} {lines[j][1].strip()}"  # a wrapped line of the part
                out[j] = (lines[j][0], "")
                j += 1
            out[i] = (lines[i][0], f"**Q:** {text}")
    if split:  # an exam: every numbered label heads its question, its siblings' titles too
        for n, (hashes, text, asks, numbered) in labels.items():
            if not numbered:
                continue
            title = lines[n][1].strip().lstrip("#").strip() if asks else text
            out[n] = (lines[n][0], f"{hashes} {title}")
    return out


def solved_parts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Problems numbered by their section or lettered parts, each answered under a solution
    label (see the module docstring); two or more such, or the numbers are a document's
    sections and the letters a list's."""
    code = in_code(lines)
    starts = [n for n, (_, line) in enumerate(lines) if not code[n] and _SOLVED_PART.match(line)]
    answered: dict[int, int] = {}  # a part's line → its solution label's
    for k, n in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        for j in range(n + 1, end):
            if HEADING.match(lines[j][1]):
                break
            if _solution_label(lines[j][1]):
                answered[n] = j
                break
    if len(answered) < 2:
        return list(lines)
    out = list(lines)
    for n, label in answered.items():
        statement = [_SOLVED_PART.match(lines[n][1])["rest"]]
        if not any(code[n:label]):  # its lines, "a) Prove …" parts and all, up to the label
            statement += [ln.strip() for _, ln in lines[n + 1 : label] if ln.strip()]
            out[n + 1 : label] = [(loc, "") for loc, _ in lines[n + 1 : label]]
        out[n] = (lines[n][0], f"Q: {' '.join(statement)}")
        if (stem := _stem(lines, n)) is not None:  # the problem its parts share heads them
            depth = next((len(h[1]) for _, ln in lines[stem::-1] if (h := HEADING.match(ln))), 1)
            text = " ".join(NUMBERED.sub("", ln).strip() for _, ln in lines[stem:n])
            out[stem] = (lines[stem][0], f"{'#' * min(depth + 1, 6)} {' '.join(text.split())}")
            out[stem + 1 : n] = [(loc, "") for loc, _ in lines[stem + 1 : n]]
    return out


def _solution_label(line: str) -> bool:
    """A solution's label: `Solution: …`, `解：`, or a word a full stop closes, as a handbook
    prints it ("Solution." on its own line), which a lettered option ("A. …") is not."""
    m = ANSWER_LABEL.match(line)
    return bool(m) and (colon_label(line, m, ":：") or word_label(line, m))


def _stem(lines: list[tuple[int, str]], part: int) -> int | None:
    """The numbered problem stated right above lettered `part` ("4. Consider an experiment …"
    over "(a) Assuming …"): its first line, if no solution or heading comes between."""
    for j in range(part - 1, max(part - 16, -1), -1):
        line = lines[j][1]
        if HEADING.match(line) or _SOLVED_PART.match(line) and not NUMBERED.match(line):
            return None
        if _solution_label(line):
            return None
        if NUMBERED.match(line):
            return j
    return None


def _complete(text: str) -> bool:
    """Ends a sentence or a lead-in (a part's "(3)" inside it does not)."""
    return text.rstrip().endswith((".", "?", "!", ":", "。", "？", "！", "："))


def _asking_paragraphs(lines: list[tuple[int, str]], code: list[bool], after: int, end: int):
    """First lines of the paragraphs between `after`'s item and `end` that end in a "?"."""
    out, i = [], after + 1
    while i < end and lines[i][1].strip():
        i += 1  # the rest of the item
    while i < end:
        if code[i] or not running_text(lines[i][1]) or indent_of(lines[i][1]):
            i += 1
            continue
        first = i
        while i + 1 < end and lines[i + 1][1].strip() and not code[i + 1]:
            i += 1
        if lines[i][1].rstrip().endswith("?"):
            out.append(first)
        i += 1
    return out


def unsolved_problems(
    lines: list[tuple[int, str]], wrapped: bool = False
) -> dict[int, tuple[int, str]]:
    """Problems of a sheet stated in paragraphs their labels open, two or more and none answered
    (`solved_parts` has read those that are): `first index → (last index, question)`, as
    `scan.question_runs`, the question being the paragraph without its label. With `wrapped`
    (text from a printed page, where no blank line parts paragraphs), a line short of the right
    margin ends the paragraph."""
    code = in_code(lines)
    starts = [n for n, (_, ln) in enumerate(lines) if not code[n] and _RUN_IN.match(ln)]
    if len(starts) < 2:
        return {}
    full = full_width(lines) if wrapped else 0.0
    out: dict[int, tuple[int, str]] = {}
    for n in starts:
        text, last = _RUN_IN.match(lines[n][1])["rest"].strip(), n
        while last + 1 < len(lines):
            prev, nxt = lines[last][1].rstrip(), lines[last + 1][1]
            if wrapped and len(prev) < full and _complete(prev):
                break  # a printed paragraph's last line: short of the margin, a sentence ended
            if code[last + 1] or not running_text(nxt) or _opens_block(nxt):
                break
            text, last = f"{text} {nxt.strip()}", last + 1
        out[n] = (last, text)
    return out


def _opens_block(line: str) -> bool:
    """Starts what follows a problem's statement: the next problem, a part, a field or a note."""
    return any(p.match(line) for p in (_RUN_IN, _OPENS_PART, GUIDE)) or field_label(line)
