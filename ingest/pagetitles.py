"""Section titles in text taken from a PDF: the text layer keeps no font sizes, so a title is
found by its shape. A short line standing alone between two sentences ("… validation error." /
"Underfitting or Overfitting?" / "When we compare …") is marked as a Markdown heading, so the
parser sees sections, and a title that asks is answered by the text under it."""

from __future__ import annotations

import re
from collections import Counter
from statistics import median

from ingest.lines import (
    ANSWER_LABEL,
    BULLET,
    HEADING,
    NUMBERED,
    QN,
    SECTION_NUMBER,
    Lines,
    colon_label,
    formula,
)
from ingest.questions import is_question, reads_as_question
from ingest.scan import full_width

_MAX_WORDS = 8
_ENDS_SENTENCE = re.compile(r"[.!?:)\"”]$")
_CLAUSE_END = re.compile(r"[.,;:]$")  # a line that ends so goes on, or ends a sentence


def _marked(line: str) -> bool:
    """A list item, a heading, or a line labelled as a question or an answer (`Q1:`, `A1:`):
    never a title, however short."""
    if BULLET.match(line) or HEADING.match(line) or QN.match(line):
        return True
    m = ANSWER_LABEL.match(line)
    return bool(m) and colon_label(line, m, ":：")


def _title(line: str, above: str, below: str, width: float, asks_next: bool) -> bool:
    text = SECTION_NUMBER.sub("", line.strip())
    words = text.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and len(text) < 0.6 * width
        and text[:1].isupper()
        and not re.search(r"[.,;:=]$", text)
        and bool(re.search(r"[A-Za-z]{3}", text))
        and not _marked(line)
        and (not above or bool(_ENDS_SENTENCE.search(above)))
        and not formula(text)
        and below[:1].isupper()
        and len(below.split()) > _MAX_WORDS
        and not formula(below, numbered=True)  # "Hence" over a formula leads into it
        # a short question next to another is an item of a list of questions
        and not (is_question(text) and (asks_next or is_question(above)))
    )


def _numbered(line: str, above: str, width: float, repeated: bool) -> bool:
    """A short line under a section number ("1.1 Notation", "2 Method") that ends no sentence,
    at the start of a block: a numbered title, whatever follows it (a list, a short line). Not
    a line printed more than once ("1 PT · MULTIPLE CHOICE" over every question of an exam) nor
    a contents entry (it ends in its page number)."""
    m = SECTION_NUMBER.match(line.strip())
    text = line.strip()[m.end() :] if m else ""
    return (
        bool(text)
        and not repeated
        and not text[-1].isdigit()
        and len(text.split()) <= _MAX_WORDS
        and text[:1].isupper()
        and not re.search(r"[.,;:!?)\"”-]$", text)
        and bool(re.search(r"[^\W\d_]{3}", text))
        and (not above or bool(_ENDS_SENTENCE.search(above)) or len(above) < 0.6 * width)
    )


def _numbered_titles(filled: list[tuple[int, str]], width: float) -> set[int]:
    """Which of the `filled` lines are numbered titles: each needs a neighbour in the numbering
    among the others (its parent, a child or a sibling: "1 Glossary" and "1.1 Notation"), so a
    table row that starts with a number ("1 NaN") is none."""
    printed = Counter(text for _, text in filled)
    found = {
        k: tuple(int(x) for x in SECTION_NUMBER.match(text).group(0).split("."))
        for k, (_, text) in enumerate(filled)
        if _numbered(text, filled[k - 1][1] if k else "", width, printed[text] > 1)
        and not is_question(text)
    }
    numbers = set(found.values())

    def near(n: tuple[int, ...]) -> bool:
        sibling = n[:-1] + (n[-1] + 1,) in numbers or n[:-1] + (n[-1] - 1,) in numbers
        return sibling or n[:-1] in numbers or any(m[:-1] == n for m in numbers)

    return {k for k, n in found.items() if near(n)}


def _list_head(line: str, above: str, below: str, width: float) -> bool:
    """A short Title Case line (or of one to three words) that asks nothing, right over a
    bulleted list and after a block's end: the title of that list ("Periodic Signals" over
    "• A - amplitude …"). A lead-in that ends in a colon is the list's sentence, not a title."""
    text = line.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and (len(words) <= 3 or _title_case(words))
        and text[:1].isupper()
        and not re.search(r"[.,;:?!？)\"”=-]$", text)
        and bool(re.search(r"[^\W\d_]{3}", text))
        and not _marked(line)
        and not is_question(text)
        and bool(BULLET.match(below))
        and not NUMBERED.match(below)  # a short line over "4. Other topics" ends a list item
        and (
            not above
            or bool(_ENDS_SENTENCE.search(above) or BULLET.match(above))
            or len(above) < 0.6 * width
        )
    )


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w.strip("()[],:-")) >= 4]
    return len(long) >= 2 and all(w.strip("(\"'“")[:1].isupper() for w in long)


def _list_title(line: str, below: str, asks_next: bool) -> bool:
    """A short line, or a Title Case one, that asks nothing, over a question: the title of
    the questions under it ("Tree models" / "How does a random forest work?")."""
    text = line.strip()
    words = text.split()
    return (
        0 < len(words) <= 2 * _MAX_WORDS
        and (len(words) <= _MAX_WORDS or _title_case(words))
        and text[:1].isupper()
        and not re.search(r"[.,;:?!？)\"”=-]$", text)
        and bool(re.search(r"[^\W\d_]{3}", text))
        and not _marked(line)
        and not reads_as_question(text)
        and below[:1].isupper()
        and asks_next
    )


def _asked(text: str, above: str, below: str, width: float) -> bool:
    """A question on a line of its own that starts a block and is answered by the text under
    it: a FAQ entry printed as a heading ("Can I run it on Windows?" / "Yes!")."""
    return (
        text.endswith(("?", "？"))
        and text[:1].isupper()
        and is_question(text)
        and (not above or bool(_ENDS_SENTENCE.search(above)) or len(above) < 0.6 * width)
        and bool(below)
        and not below.endswith(("?", "？"))
        # not an item of a list of questions, each on its line(s)
        and not reads_as_question(below)
        and not above.endswith(("?", "？"))
        and not _marked(text)
    )


def _as_text(line: str) -> str:
    """A text layer's line kept as text: one that starts with `#` (a code comment) is no
    Markdown heading."""
    return f" {line}" if line.startswith("#") else line


def mark_titles(lines: Lines) -> list[tuple[int, str]]:
    """`(page, line)` pairs with each title line rewritten as `## title` — the document's own
    title, on its first line, as `# title`, so the sections under it are its parts ("AutoGluon
    FAQ" over its questions). A text layer has no Markdown: a line that starts with `#` (a code
    comment) is text."""
    lines = [(loc, _as_text(ln)) for loc, ln in lines]
    filled = [(n, ln.strip()) for n, (_, ln) in enumerate(lines) if ln.strip()]
    if len(filled) < 10:
        return list(lines)
    width = median(len(ln) for _, ln in filled)
    full = full_width(lines)
    out = list(lines)
    joined: set[int] = set()  # later lines of a question title marked on its first line
    topic, nested = -1, False  # the last title that asks nothing; questions nest under it
    depth = 0  # how deep the last numbered title was: "1.1 Notation" is 2
    widest = max(width, full)
    sections = _numbered_titles(filled, widest)

    def question_mark(k: int) -> str:
        """A question right under a title that asks nothing ("Regression analysis" / "What
        is …?") is one of that title's questions, a level below it; so are the questions after
        it, until the next such title. Elsewhere questions are titles of their own."""
        nonlocal nested
        nested = k == topic + 1 or (nested and topic >= 0)
        return "###" if nested else "##"

    for k, (n, text) in enumerate(filled):
        if n in joined:
            continue
        above = filled[k - 1][1] if k else ""
        below = filled[k + 1][1] if k + 1 < len(filled) else ""
        after = filled[k + 2][1] if k + 2 < len(filled) else ""
        # the next line starts a question that ends on it or on the line after
        asks_next = reads_as_question(below) and (
            is_question(below) or not _ENDS_SENTENCE.search(below) and after.endswith("?")
        )
        # a line under one that reached the margin mid-sentence continues it
        wrapped = len(above) >= full and not _ENDS_SENTENCE.search(above)
        numbered = k in sections
        head = not (numbered or wrapped) and _list_head(text, above, below, widest)
        if (
            numbered
            or head
            or _title(text, above, below, widest, asks_next)
            or (not wrapped and _list_title(text, below, asks_next))
        ):
            if is_question(text):
                out[n] = (lines[n][0], f"{question_mark(k)} {text}")
            else:
                out[n] = (lines[n][0], f"{_level(k, text, head, depth)} {text}")
                depth = _depth(text) or depth
                topic = k if k else -1  # the document's own title is above every question
        elif not wrapped and (span := _question_span(filled, k, width, full)):
            mark = question_mark(k)
            out[n] = (lines[n][0], f"{mark} " + " ".join(t for _, t in filled[k : k + span]))
            for m, _ in filled[k + 1 : k + span]:
                out[m] = (lines[m][0], "")
                joined.add(m)
    return out


def slide_titles(lines: Lines) -> list[tuple[int, str]]:
    """`(page, line)` pairs of a slide deck printed to PDF, each slide's first line its title
    (`## title`; the first slide's, the deck's `# title`) when it is short, neither a sentence
    nor a list item, and has text under it: a slide is its title over its text. A slide of one
    line ("Any questions?") is that line."""
    said = Counter(loc for loc, ln in lines if ln.strip())
    out: list[tuple[int, str]] = []
    titled: set[int] = set()
    for loc, ln in lines:
        text = ln.strip()
        first = bool(text) and loc not in titled
        if first:
            titled.add(loc)
        if (
            first
            and said[loc] > 1
            and len(text.split()) <= 2 * _MAX_WORDS
            and not _marked(text)
            and re.search(r"[^\W\d_]{2}", text)  # words, not a number or a range ("<10")
            and (not _CLAUSE_END.search(text) or is_question(text))
        ):
            out.append((loc, f"{'##' if out else '#'} {text}"))
            continue
        out.append((loc, _as_text(ln)))
    return out


def _depth(text: str) -> int:
    """How deep a title's section number is: "1 Glossary" 1, "1.1 Notation" 2, none 0."""
    number = SECTION_NUMBER.match(text)
    return number.group(0).count(".") + 1 if number else 0


def _level(k: int, text: str, head: bool, depth: int) -> str:
    """A title's heading mark: the document's own title `#`; a numbered title as deep as its
    number ("1 Glossary" `##`, "1.1 Notation" `###`); a list's title one level under the
    numbered title it follows (`depth` deep); any other `##`."""
    if k == 0:
        return "#"
    if own := _depth(text):
        return "#" * min(6, 1 + own)
    return "#" * min(6, 2 + depth) if head and depth else "##"


def _question_span(filled: list[tuple[int, str]], k: int, width: float, full: float) -> int:
    """How many lines, one to three, from the `k`th form a question standing as a title (see
    `_asked`); 0 if none. A title in a larger font wraps after fewer characters ("How can I
    add my own model to the set of" / "models that it trains?")."""
    above = filled[k - 1][1] if k else ""
    for span in (1, 2, 3):
        part = [t for _, t in filled[k : k + span]]
        if len(part) < span:
            return 0
        if span > 1 and (
            _ENDS_SENTENCE.search(part[-2])
            or len(part[-2]) >= 0.75 * full
            or _marked(part[-1])  # "1. What is …?", "Q: What is …?" start an item of their own
        ):
            return 0
        text = " ".join(part)
        if text.endswith(("?", "？")):
            below = filled[k + span][1] if k + span < len(filled) else ""
            return span if _asked(text, above, below, width) else 0
    return 0
