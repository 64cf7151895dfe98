"""What of a question's body is its answer: an `Answer:` label and what follows it, a folded
solution (a MyST or `<details>` answer fold), a question's stem that spills into its body,
multiple-choice options kept with their question."""

from __future__ import annotations

import re

from ingest.lines import (
    ANSWER_LABEL,
    BULLET,
    EMPH,
    FENCE,
    HEADING,
    METADATA,
    OPTION,
    QN,
    QUALIFIER,
    THEMATIC_BREAK,
    Lines,
    colon_label,
    in_code,
    read_details,
    unquote,
    word_label,
)
from ingest.questions import ANSWER_SUMMARY


def strip_answer_label(line: str) -> str:
    m = ANSWER_LABEL.match(line)
    return m.group("indent") + m.group("rest") if m else line


def lettered(raw: str, label: re.Match) -> bool:
    """An `ANSWER_LABEL` match that is a lettered item ("a) …", "A. …"), not an answer label
    ("A: …", "**Answer:**")."""
    return bool(OPTION.match(raw)) and not colon_label(raw, label)


def stem_and_options(question: str, answer: list[str]) -> tuple[str, list[str]]:
    """A lone line ending in "?" between a heading and its options ends the question
    ("… You have 3 options. / Which do you pick?"), so it moves from the answer to the question."""
    filled = [n for n, ln in enumerate(answer) if ln.strip()]
    first = answer[filled[0]] if filled else ""
    # Options come as written (`- [ ] …`, `a) …`), or as a list with a ticked (✓) choice.
    ticked = any(OPTION.match(answer[n]) for n in filled[1:])
    after = answer[filled[1]] if len(filled) >= 2 else ""
    if first.rstrip().endswith("?") and (OPTION.match(after) or ticked and BULLET.match(after)):
        return f"{question} {answer[filled[0]].strip()}", answer[filled[0] + 1 :]
    if _asks_on(question, answer, filled):
        return f"{question} {first.strip()}", answer[filled[0] + 1 :]
    return question, answer


def _asks_on(question: str, answer: list[str], filled: list[int]) -> bool:
    """A question's first paragraph is one more question, a line of one sentence, with the
    answer below it ("When do we stop training?" / "How many epochs should we train?")."""
    if len(filled) < 2 or not question.rstrip().endswith("?") or filled[1] == filled[0] + 1:
        return False
    first = answer[filled[0]].strip()
    return (
        first.endswith("?")
        and not re.search(r"[.?!]\s", first)
        and len(first.split()) <= 20
        and not (BULLET.match(first) or OPTION.match(first) or first.startswith(("|", "<", "#")))
    )


# An answer label alone on its line, spelled out (a bare `A.` could be an option).
LABEL_LINE = re.compile(
    rf"^\s*(?:[-*+>]\s+)?{EMPH}(?:{QUALIFIER}\s+)?(?:Ans|Answers?|Solutions?|Approach|答案?|解答|回答)\s*[:：]?{EMPH}\s*[:：]?\s*$",
    re.I,
)


# A MyST directive's opening fence (`:::{note} Title`, ```` ```{code-cell} ````, `::: {x}`) and
# an option line under it (`:class: dropdown`); ingest/myst.py reads every directive with them.
DIRECTIVE = re.compile(
    r"^\s*(?P<fence>:{3,}|`{3,})\s*\{(?P<name>[A-Za-z][\w:-]*)\}\s*(?P<title>.*)$"
)
DIRECTIVE_OPTION = re.compile(r"^\s*:[\w-]+:(?:\s|$)")


def answer_fold(line: str) -> str | None:
    """The closing fence of the answer fold this line opens, or None: a MyST directive that
    folds an exercise's answer away, `:::{note} Solutions` (with `:class: dropdown`),
    `:::{dropdown} Answer`, or sphinx-exercise's `:::{solution}`."""
    m = DIRECTIVE.match(line)
    if m is None:
        return None
    named = m.group("name").lower() in ("solution", "answer")
    return m.group("fence") if named or ANSWER_SUMMARY.match(m.group("title")) else None


def fold_lines(lines: Lines) -> set[int]:
    """Indexes of the lines of every `<details>` block whose summary says it holds the answer
    ("Answer", "Show solution"): a heading inside one (`#### Answer: D`) is part of it."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        if "<details" in lines[i][1].lower():
            block = read_details(lines, i)
            if block.summary and ANSWER_SUMMARY.match(block.summary):
                out.update(range(i, block.last + 1))
                i = block.last
        i += 1
    return out


def split_stem(body: list[str]) -> tuple[str, list[str]] | None:
    """Under a heading that only numbers its question ("Question 3"), the question is the first
    line after any metadata (`**Type**: multiple-choice`), with the lines of its paragraph;
    the rest answers it. A labelled line (`**Q:** …`) is that question, however short."""
    for n, line in enumerate(body):
        if line.strip() and not (METADATA.match(line) and not QN.match(line)):
            stem, end = line.strip(), n + 1
            while end < len(body) and wraps(body[end]):
                stem, end = f"{stem} {body[end].strip()}", end + 1
            return stem, body[end:]
    return None


def split_statement(body: list[str]) -> tuple[str, list[str]]:
    """The paragraphs that open an exercise's statement, joined (up to a list, code, a table or
    a lead-in to one such as "Your answer should include:"); and the rest."""
    asked: list[str] = []
    n = 0
    while n < len(body):
        if not body[n].strip():
            n += 1
            continue
        if not wraps(body[n]) or THEMATIC_BREAK.match(body[n]):
            break
        end = n
        while end + 1 < len(body) and wraps(body[end + 1]):
            end += 1
        paragraph = " ".join(line.strip() for line in body[n : end + 1])
        if paragraph.endswith((":", "：")):
            break
        asked.append(paragraph)
        n = end + 1
    return " ".join(asked), body[n:]


def wraps(line: str) -> bool:
    """`line` goes on with the paragraph above it: text, not a label, list item, fence,
    heading, div fence, table, HTML or display maths."""
    text = line.lstrip()
    stops = (ANSWER_LABEL, BULLET, FENCE, HEADING)
    return (
        bool(text)
        and not text.startswith((":::", "|", "<", "$$"))
        and not any(p.match(line) for p in stops)
    )


def split_fold(body: list[str]) -> tuple[list[str], list[str]] | None:
    """An exercise's body with answer folds: (the problem statement and any text between folds,
    the folds' content without their fences and options); None when it has no fold."""
    rest: list[str] = []
    folded: list[str] = []
    close = None
    for line in body:
        if close is None and (close := answer_fold(line)) is not None:
            continue
        if close is not None:
            if line.strip() == close:
                close = None
            elif not (DIRECTIVE_OPTION.match(line) and not folded):
                folded.append(line)
            continue
        rest.append(line)
    return (rest, folded) if folded else None


def statement_before_label(body: list[str]) -> tuple[list[str], list[str]] | None:
    """(the rest of a statement, the answer from its label on) of a body in which an answer
    label (`**Proof.** …`, `Solution: …`) follows text; None when none does."""
    code = in_code([(0, line) for line in body])
    for n, line in enumerate(body):
        m = None if code[n] else ANSWER_LABEL.match(line)
        if m and not m["indent"] and (colon_label(line, m) or word_label(line, m)):
            return (body[:n], body[n:]) if any(ln.strip() for ln in body[:n]) else None
    return None


def after_answer_label(answer: list[str]) -> list[str]:
    """A body that opens with an answer label line (`**Answer:**`), or with metadata lines
    (`**Category:** …`, `**Tags:** …`) and then a label: the answer is what follows the
    label; the label and the metadata are neither. Trailing `---` separators go too."""
    while answer and (not answer[-1].strip() or THEMATIC_BREAK.match(answer[-1])):
        answer = answer[:-1]
    text = [ln for ln in answer if ln.strip()]
    if text and all(ln.lstrip().startswith(">") for ln in text) and ANSWER_LABEL.match(text[0]):
        # `> A: …` quoting the whole answer: the quote is the answer's box, not a quotation.
        answer = [unquote(ln) for ln in answer]
    for n, line in enumerate(answer):
        if not line.strip() or METADATA.match(line) and not ANSWER_LABEL.match(line):
            continue
        if LABEL_LINE.match(line):
            return answer[n + 1 :]
        m = ANSWER_LABEL.match(line)
        # First in the body only as `A:` / `**Answer:**` / `Proof.`: "A)" or "A." is an option.
        if m and (
            colon_label(line, m) or word_label(line, m) or any(ln.strip() for ln in answer[:n])
        ):
            rest = m.group("rest").strip()
            return ([rest] if rest else []) + answer[n + 1 :]
        break
    return answer_part_first(answer)


# A paragraph that opens with a bold label: `**Explanation:** …`, `**Key concepts:** …`.
# A multiple-choice option listed under its question: `- a) …`, `* (B) …`.
_LISTED_OPTION = re.compile(r"^\s*[-*+]\s+\(?[A-Ha-h][.)]\s")
_KEY_LETTER = re.compile(r"^\(?[A-Ha-h][.)]?$")
_PART = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,40}?[:：]\s*(?:\*\*|__)")
_PART_ALONE = re.compile(_PART.pattern + r"\s*$")  # the label and nothing after it


def labelled_part(line: str) -> bool:
    """A paragraph opening with a bold label (`**Explanation:** …`): a part of an answer."""
    return bool(_PART.match(line))


def answer_part_first(body: list[str]) -> list[str]:
    """A body written as labelled parts (`**Key concepts:**`, `**Explanation:**`, …, then
    `**Answer:**`): the answer part comes first, the parts before it follow it, so the answer
    reads as the answer and nothing is lost; so do multiple-choice options listed before the
    answer label. A body that opens with plain text is left as it
    is, even with an `Answer:` line further down (a worked example's own conclusion)."""
    filled = [n for n, ln in enumerate(body) if ln.strip()]
    options = bool(filled) and bool(_LISTED_OPTION.match(body[filled[0]]))
    if not filled or not (_PART.match(body[filled[0]]) or options):
        return body
    for n in filled[1:]:
        m = ANSWER_LABEL.match(body[n])
        # the answer's own paragraph, or its own bold label (`**Answer:**`) on its own line
        starts = body[n - 1].strip() == "" or m is not None and m.group("open")
        if m and starts and ":" in body[n][: m.start("rest")]:
            rest = m.group("rest").strip()
            if options and _KEY_LETTER.match(rest):
                return body  # `Answer: B` names an option the quiz ticks among those listed
            return (
                ([rest] if rest else []) + body[n + 1 :] + ["", *_filled_parts(body[filled[0] : n])]
            )
    return body


def _filled_parts(parts: list[str]) -> list[str]:
    """The parts without the ones left empty (`**Your answer:**` and nothing under it)."""
    text = [(n, ln) for n, ln in enumerate(parts) if ln.strip()]
    empty = {n for k, (n, ln) in enumerate(text) if _PART_ALONE.match(ln)
             and (k + 1 == len(text) or _PART.match(text[k + 1][1]))}  # fmt: skip
    return [ln for n, ln in enumerate(parts) if n not in empty]
