"""What one line of a Markdown or plain-text document is (heading, list item, answer label,
fence, …) and the multi-line blocks read in one go (`<details>`, question tables)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.formats.markup import strip_html
from ingest.formats.tabular import Columns
from ingest.label_words import A_WORD, Q_WORD
from ingest.questions import ANSWER_SUMMARY, clean, is_question, question_text

Lines = Sequence[tuple[int, str]]

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# `??? question "Title"`; a title may quote in curly pairs (`"Why “A” not “B”"`).
ADMONITION = re.compile(
    r"""^(?P<indent>\s*)(?:\?\?\?\+?|!!!)\s*(?P<type>[A-Za-z]+)?\s*
        (?:["“”](?P<title>(?:[^"“”]|“[^"“”]*”)*)["“”]?)?(?P<rest>.*)$""",
    re.X,
)
EMPH = r"(?:\*\*|__)?"
# `Sample Answer:`, `Model answer:`: a qualified label is still an answer label. Not "Short
# answer:", which names a part of one ("Long answer:" follows): it stays in the answer's text.
QUALIFIER = r"(?:Sample|Model|Reference|Suggested|Expected|Ideal|Final|Correct|Right)"
# A metadata line between a question and its answer label, its label styled: `**Difficulty:**
# Easy`, `*Topic*: backpropagation`.
METADATA = re.compile(r"^\s*(\*\*|__|\*|_)(?P<label>[^*_:\n]{1,30})(?::\1|\1:)\s*\S.{0,120}$")
QN = re.compile(
    rf"^\s*(?:[-*]\s+)?{EMPH}{Q_WORD}\s*(?P<n>\d{{1,4}})?\s*(?:[:.)：]{EMPH}|\*\*\s*[:：])"
    rf"\s*(?P<q>\S.*)$"
)
# A problem stated after its label, `**Problem**: Implement focal loss.`: a question when an
# answer label (`**Approach**:`, `Solution:`) follows it.
PROBLEM = re.compile(
    rf"^\s*(?:[-*]\s+)?{EMPH}(?:Problem|Issue)\s*(?:[:：]{EMPH}|\*\*\s*[:：])\s*(?P<q>\S.*)$", re.I
)
# A question label alone on its line (`__Question__`, `**Q:**`, `**Issue**`): the paragraph
# below it is the question, up to an answer label (`__Answer__`, `**Solution**`).
LABEL_ALONE = re.compile(rf"^\s*{EMPH}(?:{Q_WORD}|Issue|Problem)\s*[:：]?{EMPH}\s*[:：]?\s*$", re.I)
# The bold closing a label (`**A** …`) only where it opened before it: "- A **JSON file**" is
# an article and bold text, no label. An emoji before the word, `**✅ A:**`, decorates it.
_SYMBOL = r"(?:[^\x00-\x7f\w\s]{1,3}\s*)?"
ANSWER_LABEL = re.compile(
    rf"^(?P<indent>\s*)(?:[-*+]\s+|>\s*)?{_SYMBOL}(?P<open>\*\*|__)?{_SYMBOL}(?:{QUALIFIER}\s+)?"
    rf"{A_WORD}\s*\d*\s*(?:[:.)：]{EMPH}|{EMPH}\s*[:.：]?(?=\s*$)|(?(open)(?:\*\*|__)\s*[:.：]?|(?!)))"
    rf"\s*(?P<rest>.*)$",
    re.I,
)


def colon_label(line: str, label: re.Match, colons: str = ":") -> bool:
    """Whether the `ANSWER_LABEL` match `label` of `line` ends in a colon (`A: …`,
    `**Answer:**`), which tells an answer label from a lettered option (`A) …`, `A. …`)."""
    return any(c in line[: label.start("rest")] for c in colons)


def word_label(line: str, label: re.Match) -> bool:
    """Whether the `ANSWER_LABEL` match `label` of `line` is a word a full stop closes, as books
    print them (`**Proof.** …`, `Solution.`), which a lettered option (`A. …`) is not."""
    text = line[: label.start("rest")]
    return "." in text and len(re.sub(r"[\W\d_]", "", text)) > 1


def opens_answer(line: str) -> bool:
    """A line that opens an answer with its label: `**Answer:** …`, `Answer: …`, `A: …`."""
    m = ANSWER_LABEL.match(line)
    return bool(m) and not m.group("indent") and colon_label(line, m)


BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[-*+•●▪◦]|(?:\*\*)?\d{1,3}[.)](?:\*\*)?)\s+(?P<text>\S.*)$"
)
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")
# A section number before a title, as LaTeX prints it: "2 Method", "3.1 Training setup".
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\s+(?=\S)")
# A paragraph that opens with its question in bold and answers it on: `**Why X?** Because …`
# (or `**Why X?**. Because …`); an underscore inside a word (`compute_overlap`) is no emphasis.
RUN_IN = re.compile(
    r"^(?:\*\*|__)(?P<q>(?:[^*_\n]|(?<=\w)_(?=\w)){3,200}?[?？])(?:\*\*|__)[.:]?\s+(?P<rest>\S.*)$"
)
# A question sentence right after a run-in question rephrases it: "**What do optimizers tune?**
# Or, _what does compiling do?_ Each optimizer …" asks both, and the answer starts at "Each".
_REPHRASED = re.compile(r"^(?P<q>[^.!?\n]{3,200}?[?？][*_]*)\s+(?=\S)")


def run_in(m: re.Match) -> tuple[str, str]:
    """The question and the answer of a `RUN_IN` match, rephrasings moved to the question."""
    question, rest = m.group("q"), m.group("rest")
    while more := _REPHRASED.match(rest):
        question, rest = f"{question} {more.group('q')}", rest[more.end() :]
    return question, rest


STYLED_LABEL = re.compile(r"^\s*[-*]\s+(?:<(\w+)\b[^>]*>[^<]+</\1>|\*\*[^*]+\*\*)\s*$")
# A backtick fence's info string holds no backtick (CommonMark): "```k``` is …" is inline code.
FENCE = re.compile(r"^\s*(`{3,}(?=[^`]*$)|~~~)")
_QUOTE_MARK = re.compile(r"^\s*>\s?")


def unquote(line: str) -> str:
    """A blockquote line without its `>` marker (and the one space after it)."""
    return _QUOTE_MARK.sub("", line)


ECHO = re.compile(r"^[^\"“”]{1,40}?\s[\"“](?P<title>.+)[\"”]\s*$")
# A multiple-choice option: a task-list box or a letter, `- [ ] …`, `a) …`, `(B) …`.
OPTION = re.compile(r"^\s*(?:[-*+]\s+\[[ xX✓]?\]\s|[-*+]\s+✓\s|\(?[a-hA-H][.)]\s)")
# A sub-heading that only labels what follows as the answer: `### ✅ Answer`, `#### Solution:`.
ANSWER_HEADING = re.compile(r"^[^\w]*(?:answers?|solutions?|ans)\s*:?\s*$", re.I)


def says_answer(title: str) -> bool:
    """A box's or fold's title that says it holds the answer: "Solution", "Answers", "Show
    answer" (quotes around it aside)."""
    title = title.strip().strip("\"'")
    return bool(ANSWER_HEADING.match(title) or ANSWER_SUMMARY.match(title))


# A list entry that opens with a link, `[Title?](url) by X: …`: a reading list, not a question.
LINK_LEAD = re.compile(r"^\s*(?:\*\*)?\[[^\]]*\]\([^)]*\)")
THEMATIC_BREAK = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip())


def closes(heading: re.Match | None, level: int) -> bool:
    """A heading at `level` or above ends the section opened at `level`."""
    return heading is not None and len(heading.group(1)) <= level


def cells(line: str) -> list[str]:
    line = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def dedent(text: str) -> str:
    lines = text.split("\n")
    widths = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(widths, default=0)
    return "\n".join(ln[cut:] for ln in lines)


def in_code(lines: Lines) -> list[bool]:
    """Per line, whether it is code: a fence line, or a line between an opening and a closing
    fence."""
    out, inside = [], False
    for _, line in lines:
        fence = bool(FENCE.match(line))
        out.append(inside or fence)
        inside ^= fence
    return out


def next_line(lines: Lines, i: int, within: int = 3) -> str | None:
    """The first non-blank line after line `i`, looking `within` lines ahead."""
    return next((ln for _, ln in lines[i + 1 : i + 1 + within] if ln.strip()), None)


def echoes(lines: Lines, i: int, title: str) -> bool:
    """The last non-blank line above `i` reads `title`."""
    above = next((ln.strip() for _, ln in reversed(lines[:i]) if ln.strip()), "")
    return clean(above).strip() == title


def formula(text: str, numbered: bool = False) -> bool:
    """A formula on a line of its own: an equation (`loss = …`, `= µk(δkj −µj)`), or, if
    `numbered`, only one ending in its number as a PDF prints it ("(yij −µij)xi (170)")."""
    equation = " = " in (text := text.strip()) or text.startswith("= ")
    return bool(re.search(r"[=<>≤≥∑∫−^].*\(\d{1,3}\)$", text)) or not numbered and equation


def plain_heading(lines: Lines, i: int, text: str) -> bool:
    """A short unpunctuated line over a bullet list, e.g. `Chapter 2: Tokens`; not an item over
    the next of its list (`1. Implement X` over `2. Try Y`), nor an item's indented paragraph."""
    if (
        not re.search(r"\w", text)
        or len(text) > 90
        or text[-1] in ".?!:,;"
        or is_question(question_text(text))  # `8. **Why …?**`, `**Explain …**` ask: no title
        or text.startswith(("|", ">"))
        or formula(text)  # shown on its own line: "time per step = (batch size) / …"
    ):
        return False
    nxt = next_line(lines, i)
    return (
        nxt is not None
        and bool(BULLET.match(clean(nxt)))
        and not ANSWER_LABEL.match(nxt)
        and not same_list(lines[i][1], nxt)
        and indent_of(lines[i][1]) <= indent_of(nxt)
    )


def same_list(line: str, other: str) -> bool:
    """Two items of one list: both numbered or both bulleted, at the same indent."""
    return (
        bool(BULLET.match(line) and BULLET.match(other))
        and indent_of(line) == indent_of(other)
        and bool(NUMBERED.match(line)) == bool(NUMBERED.match(other))
    )


@dataclass(frozen=True)
class Details:
    """A `<details>` block: its summary, its body as answer text, and where it ends."""

    summary: str
    answer: str
    last: int  # index of its closing line
    # No `<summary>`, or one that only names the control ("Click to expand") over widgets of
    # its own: a fold around content, not a Q/A widget.
    wrapper: bool = False
    control: bool = False  # the summary only names the control: it titles nothing


# A summary that names only the disclosure control, not what it folds.
_CONTROL = re.compile(
    r"^\W*(?:(?:click|tap)\s+(?:here\s+)?to\s+(?:expand|show|see|view|open)|(?:show|see|view)"
    r"\s+(?:more|details|all)|details|expand|more)\W*(?:\((?:click|tap)[^)]*\))?\W*$",
    re.I,
)


def read_details(lines: Lines, i: int) -> Details:
    depth, j, raw = 0, i, []
    while j < len(lines):
        text = lines[j][1]
        raw.append(text)
        depth += text.lower().count("<details") - text.lower().count("</details")
        if depth <= 0:
            break
        j += 1
    block = "\n".join(raw)
    cut = block.lower().find("</summary>")
    summary = " ".join(strip_html(block[: cut if cut >= 0 else 0]).split())
    body = block[cut + len("</summary>") :] if cut >= 0 else block
    stop = body.lower().rfind("</details")
    body = body[:stop] if stop >= 0 else body
    answer = dedent("\n".join(clean(ln) for ln in body.split("\n"))).strip()
    control = bool(_CONTROL.match(summary))
    wrapper = cut < 0 or control and "<details" in body.lower()
    return Details(summary, answer, min(j, len(lines) - 1), wrapper=wrapper, control=control)


_ROW_NUMBER = re.compile(r"^\W*(?:Q|Question)?\s*\d{1,4}\W*$", re.I)


@dataclass(frozen=True)
class Row:
    question: str
    answer: str
    topic: str
    loc: int


def read_table(lines: Lines, i: int) -> tuple[list[Row], int] | None:
    """A Markdown table with a question column: its rows and the index of its last line."""
    cols = Columns.of(cells(lines[i][1]))
    if cols is None:
        return None
    rows, j = [], i + 2
    while j < len(lines) and lines[j][1].strip().startswith("|"):
        row = cells(lines[j][1])

        def col(n: int | None, row: list[str] = row) -> str:
            return row[n] if n is not None and n < len(row) else ""

        a = clean(col(cols.answer).replace("<br>", "\n").replace("<br/>", "\n"))
        a = cols.with_notes("\n".join(ln.strip() for ln in a.split("\n")), [clean(c) for c in row])
        rows.append(Row(col(cols.question), a, clean(col(cols.section)).strip(), lines[j][0]))
        j += 1
    if rows and all(_ROW_NUMBER.match(r.question) for r in rows):
        return None  # an answer key ("| 1 | B |"): numbers, not questions
    return rows, j - 1


# A term and its definition on one list item: `**Term**: text`, `**Term:** text`, `Term: text`,
# `Xt - text` (a symbol of a notation list), `Term — text`. A plain term is short and no sentence.
BOLD_TERM = re.compile(
    r"^(?:\*\*|__)[^*_]{1,60}(?:\*\*|__)\s*[:：–—-]\s*|^(?:\*\*|__)[^*_]{1,60}[:：](?:\*\*|__)\s*"
)
_PLAIN_TERM = re.compile(r"^(?P<term>[^:：.?!$\\`]{1,40}?)(?:\s*[:：]\s+|\s+[-–—]\s+)(?=\S)")


def defined_term(text: str) -> tuple[str, str] | None:
    """(term, definition) when a list item's text defines a term, else None."""
    if m := BOLD_TERM.match(text):
        term = re.sub(r"[*_]{2}", "", m.group(0)).strip().rstrip(":：–—-").strip()
    elif (m := _PLAIN_TERM.match(text)) and len(m.group("term").split()) <= 5:
        term = m.group("term").strip()
    else:
        return None
    definition = text[m.end() :].strip()
    return (term, definition) if term and definition else None
