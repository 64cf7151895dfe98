"""Whole-document looks that one line cannot give: which headings ask a question that their
body answers, which quoted list items are example prompts, which bold lines are questions,
which plain lines form a list of questions."""

from __future__ import annotations

import re

from ingest.lines import ANSWER_LABEL, BULLET, FENCE, HEADING, OPTION, QN, Lines, answer_fold
from ingest.questions import (
    IMPERATIVES,
    NUMBER_END,
    has_mark,
    is_question,
    is_quoted,
    question_text,
    reads_as_question,
)

# `Q12.` / `Question 3:` / `Q3.1-` before a heading's text says it is a question, whatever the
# wording (in a bank of asking headings, a numbered one that does not ask is a sub-section).
_Q_NUMBER = re.compile(rf"^\W*(?:Q|Question)\s*\d{{1,4}}{NUMBER_END}", re.I)
_NUMBER = re.compile(rf"^\W*\d{{1,4}}{NUMBER_END}")
# A heading that names a collection of questions: "FAQ", "General Questions", "Q&A".
FAQ_TITLE = re.compile(
    r"\b(?:FAQs?|Q\s*&\s*A|Q\s*and\s*A|questions|frequently asked)\b|常见问题|问答", re.I
)
# An entry number with no sub-number: `3.`, `12)` (not `2.1`, which numbers a sub-section).
_ENTRY_NUMBER = re.compile(r"^\W*\d{1,4}[.)]\s")
_SUB_NUMBER = re.compile(r"^\W*(?:Q|Question)?\s*\d{1,4}\.\d", re.I)  # `Q15.1-`: a sub-section
_WH = {"how", "why", "what", "which", "when", "where", "whether", "who"}
_YES_NO = {"would", "should", "could", "can", "does", "do", "did", "is", "are", "will"}
# A line that is bold from end to end (decoration emoji allowed inside): `**What is X? 👶**`;
# `snake_case` names and single `*` inside are text (`**Why call `load_data()`?**`).
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_\s](?:(?!\*\*|__\s|__$).)*?)\1\s*$")
_SKIPPABLE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|\|.*\|)\s*$")


def offers_options(body: list[str]) -> bool:
    """The body opens (after any image or table) with two or more multiple-choice options."""
    options = 0
    for line in body:
        if not line.strip() or _SKIPPABLE.match(line):
            continue
        if not OPTION.match(line):
            break
        options += 1
    return options >= 2


def _asks(title: str, body: list[str], bank: bool) -> bool:
    text = question_text(title)
    if is_question(text) and (has_mark(text) or bank or _NUMBER.match(title)):
        return True
    if (_Q_NUMBER.match(title) and not bank) or offers_options(body):
        return True
    # "Would adding more data help underfitting": a title in yes/no question order asks.
    words = text.split()
    if len(words) >= 4 and words[0].lower() in _YES_NO and words[1][:1].islower():
        return True
    # "Tell how many GPUs you need", "Explain why X": a task verb asking for a how/why/what.
    if len(words) >= 4 and words[0].lower() in IMPERATIVES and words[1].lower() in _WH:
        return True
    # "13. Define variance", "How Do You Handle Missing Data": in a bank of questions only.
    return (bank or bool(_NUMBER.match(title))) and reads_as_question(text)


def _lists_questions(body: list[str]) -> bool:
    """The body is a list of questions (the heading names their topic), not an answer."""
    asks = [
        bool((m := BULLET.match(ln)) and has_mark(m.group("text"))) for ln in body if ln.strip()
    ]
    return sum(asks) >= 2 and (asks[0] or 2 * sum(asks) >= len(asks))


def question_headings(lines: Lines) -> set[int]:
    """Indexes of headings that ask a question answered by their body: the title asks (see
    `_asks`) and the body holds no questions of its own (else the heading is a section). A
    question heading with text of its own before question sub-headings is answered by that
    text; the sub-headings are questions in their own right."""
    heads = _headings(lines)
    # A level at which most headings end in "?" is a bank: its imperatives ask too.
    by_level: dict[int, list[bool]] = {}
    for _, level, title in heads:
        by_level.setdefault(level, []).append(has_mark(title))
    banks = {
        lv for lv, marks in by_level.items() if len(marks) >= 3 and 2 * sum(marks) >= len(marks)
    }
    out = set()
    path: list[tuple[int, str]] = []  # the headings above the current one
    for n, (i, level, title) in enumerate(heads):
        path = [(lv, t) for lv, t in path if lv < level]
        in_faq = any(FAQ_TITLE.search(t) for _, t in path)
        path.append((level, title))
        end = next((j for j, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
        body = [ln for _, ln in lines[i + 1 : end]]
        leaf = not any(i < j < end for j, _, _ in heads)
        # A numbered entry of a FAQ, or one at a level where most headings ask, is a question
        # whatever its wording: FAQs list problems as statements ("Training crashes on
        # Windows.") and error messages.
        if leaf and any(answer_fold(ln) for ln in body):
            out.add(i)  # an exercise: its title asks whatever its wording; a fold holds the answer
            continue
        faq_entry = (
            in_faq
            and leaf
            and bool(
                _ENTRY_NUMBER.match(title) or (level in banks and not _SUB_NUMBER.match(title))
            )
        )
        if not (faq_entry and any(ln.strip() for ln in body)) and not _asks(
            title, body, level in banks
        ):
            continue
        subs = [j for j, lv, t in heads if i < j < end and is_question(question_text(t))]
        if subs and not any(ln.strip() for _, ln in lines[i + 1 : subs[0]]):
            continue  # only sub-questions under it: it names their topic
        if not _holds_questions(body):
            out.add(i)
    return out


def _headings(lines: Lines) -> list[tuple[int, int, str]]:
    """(index, level, title) of every heading outside code fences."""
    heads, in_fence = [], False
    for i, (_, raw) in enumerate(lines):
        if FENCE.match(raw):
            in_fence = not in_fence
        elif not in_fence and (m := HEADING.match(raw)):
            heads.append((i, len(m.group(1)), m.group(2)))
    return heads


def _code_only(body: list[str]) -> bool:
    text = [ln.strip() for ln in body if ln.strip()]
    return len(text) >= 2 and bool(FENCE.match(text[0])) and bool(FENCE.match(text[-1]))


def exercise_headings(lines: Lines) -> set[int]:
    """Indexes of the headings of an exercise list: three or more numbered headings in a row at
    one level, most with nothing under them and the rest only a code block (the exercise's
    stimulus, not its answer). Each is a bare question whatever its wording ("Reverse a
    vector")."""
    heads = _headings(lines)
    out: set[int] = set()
    run: list[bool] = []  # per heading of the current run: its body is empty
    first, run_level = 0, 0
    for n, (i, level, title) in enumerate([*heads, (len(lines), 0, "")]):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body = [ln for _, ln in lines[i + 1 : end]]
        empty = not any(ln.strip() for ln in body)
        fits = bool(_NUMBER.match(title)) and (empty or _code_only(body))
        if run and not (fits and level == run_level):
            if len(run) >= 3 and 2 * sum(run) > len(run):
                out.update(j for j, _, _ in heads[first : first + len(run)])
            run = []
        if fits:
            if not run:
                first, run_level = n, level
            run.append(empty)
    return out


def _holds_questions(body: list[str]) -> bool:
    """The body asks questions of its own (`Q1:` lines, question admonitions, a list of
    questions): its heading names their topic, it is not one question."""
    nested = any(
        ((m := QN.match(ln)) and reads_as_question(question_text(m.group("q"))))
        or ln.lstrip().startswith(("??? question", "???+ question"))
        for ln in body
    )
    return nested or _lists_questions(body)


def prompt_runs(lines: Lines) -> set[int]:
    """Indexes of quoted list items that are example prompts: two or more in a row at one
    indent, under a label or paragraph (under a list question they are its options), most
    reading as questions ("Example prompts:" / - "Walk me through …" / - "Design …")."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        run, indent = [], None
        j = i
        while j < len(lines):
            m = BULLET.match(lines[j][1])
            if not lines[j][1].strip() and run:
                j += 1
                continue
            if not m or not is_quoted(m.group("text")) or indent not in (None, m.group("indent")):
                break
            indent = m.group("indent")
            run.append((j, m.group("text")))
            j += 1
        above = next((ln for _, ln in reversed(lines[:i]) if ln.strip()), "")
        asking = sum(reads_as_question(question_text(t)) for _, t in run)
        if len(run) >= 2 and not BULLET.match(above) and 2 * asking >= len(run):
            out.update(n for n, _ in run)
        i = max(j, i + 1)
    return out


def bold_questions(lines: Lines) -> set[int]:
    """Indexes of standalone question lines in a bank of them: whole bold lines, or quotes of
    one line (`> 问题`). Three or more lines of one sort, most of them reading as questions,
    make every one a question whose answer runs to the next."""
    bold: list[tuple[int, bool]] = []
    quoted: list[tuple[int, bool]] = []
    in_fence = False
    for i, (_, raw) in enumerate(lines):
        if FENCE.match(raw):
            in_fence = not in_fence
        elif in_fence:
            continue
        elif (m := _BOLD_LINE.match(raw)) and not _label_or_item(raw):
            bold.append((i, reads_as_question(question_text(m.group("text")))))
        elif (text := quote_line(lines, i)) and not ANSWER_LABEL.match(text):
            quoted.append((i, reads_as_question(question_text(text))))
    out: set[int] = set()
    for found in (bold, quoted):
        if len(found) >= 3 and 2 * sum(a for _, a in found) > len(found):
            out.update(i for i, _ in found)
    return out


def quote_line(lines: Lines, i: int) -> str:
    """The text of a blockquote of exactly one line at `i` (blank or no lines around it)."""
    raw = lines[i][1]
    if not raw.startswith(">"):
        return ""
    around = [lines[j][1] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    if any(ln.lstrip().startswith(">") for ln in around):
        return ""
    return raw.lstrip(">").strip()


def _label_or_item(raw: str) -> bool:
    """An `**Answer:**` label, or a list item (`- **Term**`); a bold line that only starts
    with its number (`**3. Why …?**`) is neither."""
    if ANSWER_LABEL.match(raw):
        return True
    return bool(BULLET.match(raw)) and not raw.lstrip().startswith(("**", "__"))


def _plain(raw: str) -> bool:
    """A line of running text: no list marker, heading, label, table or markup block."""
    return bool(raw.strip()) and not (
        BULLET.match(raw)
        or HEADING.match(raw)
        or QN.match(raw)
        or ANSWER_LABEL.match(raw)
        or raw.lstrip().startswith(("|", "<", ">", "```", "~~~", "???", "!!!"))
    )


def question_runs(
    lines: Lines, min_run: int = 3, wrapped: bool = False
) -> dict[int, tuple[int, str]]:
    """Plain lines that list questions, as a PDF prints a bulleted list (the bullets are
    drawn, not text): `first index → (last index, question)` for each question in a run of
    `min_run` or more. A line that starts lower-case and follows one that does not end a
    sentence continues it ("… learned positional" / "embeddings?"). With `wrapped` (text
    from a printed page), a line that fills the page's width and ends no sentence continues on
    the next line whatever its case ("… vs Stochastic" / "Gradient Descent vs …?"). Section
    titles between the questions (`## Tree models`) do not break a run: a list under many
    small headings is still one list."""
    full = full_width(lines) if wrapped else None
    units: list[tuple[int, int, str]] = []
    in_fence = False
    for i, (_, raw) in enumerate(lines):
        if FENCE.match(raw):
            in_fence = not in_fence
        if in_fence or not _plain(raw):
            units.append((i, i, "#" if HEADING.match(raw) and not in_fence else ""))
            continue
        text = raw.strip()
        first, last, prev = units[-1] if units else (-1, -1, "")
        if (
            prev not in ("", "#")
            and last == i - 1
            and not prev.endswith((".", "?", "!", ":", "？"))
            and (
                text[:1].islower()
                or text[:1] in "(["
                # a full line that has not asked yet ("… what is X? (e.g. Y)" has)
                or (full is not None and len(lines[i - 1][1].rstrip()) >= full and "?" not in prev)
            )
        ):
            units[-1] = (first, i, f"{prev} {text}")
        else:
            units.append((i, i, text))
    out: dict[int, tuple[int, str]] = {}
    run: list[tuple[int, int, str]] = []
    for unit in [*units, (len(lines), len(lines), "")]:
        text = unit[2]
        if text == "#" and run:
            continue  # a section title inside the list
        if text and len(text) <= 300 and text[:1].isupper() and reads_as_question(text):
            run.append(unit)
            continue
        if len(run) >= min_run and sum(t.endswith(("?", "？")) for _, _, t in run) * 2 >= len(run):
            out.update({first: (last, text) for first, last, text in run})
        run = []
    return out


def full_width(lines: Lines) -> float:
    """How long a line that reached the right margin is: near the longest lines of the text."""
    lengths = sorted(len(ln.rstrip()) for _, ln in lines if ln.strip())
    if not lengths:
        return float("inf")
    return 0.85 * lengths[int(0.95 * (len(lengths) - 1))]
