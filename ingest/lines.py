"""What one line of a Markdown or plain-text document is (heading, list item, answer label,
fence, …) and the multi-line blocks read in one go (`<details>`, question tables)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.formats.markup import strip_html
from ingest.formats.tabular import Columns
from ingest.questions import ANSWER_SUMMARY, clean, is_question, question_text

Lines = Sequence[tuple[int, str]]

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
ADMONITION = re.compile(
    r"""^(?P<indent>\s*)(?:\?\?\?\+?|!!!)\s*(?P<type>[A-Za-z]+)?\s*
        (?:["“”](?P<title>[^"“”]*)["“”]?)?(?P<rest>.*)$""",
    re.X,
)
_EMPH = r"(?:\*\*|__)?"
# `Sample Answer:`, `Model answer:`: a qualified label is still an answer label.
_QUALIFIER = r"(?:Sample|Model|Short|Reference|Suggested|Expected|Ideal|Final|Correct|Right)"
# A metadata line between a question and its answer label: `**Difficulty:** Easy`.
METADATA = re.compile(r"^\s*(?:\*\*|__)[^*_:\n]{1,30}(?::(?:\*\*|__)|(?:\*\*|__):)\s*\S.{0,120}$")
# Question and answer labels, in English and Chinese (问/问题/题目 question, 答/答案/解答/回答
# answer), with an ASCII or a full-width colon, inside the bold or after it (`**Q**: …`).
_Q_WORD = r"(?:Q|Question|问题?|题目)"
_A_WORD = r"(?:A|Ans|Answer|Solution|答案?|解答|回答)"
QN = re.compile(
    rf"^\s*(?:[-*]\s+)?{_EMPH}{_Q_WORD}\s*(?P<n>\d{{1,4}})?\s*(?:[:.)：]{_EMPH}|\*\*\s*[:：])"
    rf"\s*(?P<q>\S.*)$"
)
# A question label alone on its line (`__Question__`, `**Q:**`, `**Issue**`): the paragraph
# below it is the question, up to an answer label (`__Answer__`, `**Solution**`).
LABEL_ALONE = re.compile(
    rf"^\s*{_EMPH}(?:{_Q_WORD}|Issue|Problem)\s*[:：]?{_EMPH}\s*[:：]?\s*$", re.I
)
ANSWER_LABEL = re.compile(
    rf"^(?P<indent>\s*)(?:[-*+]\s+|>\s*)?{_EMPH}(?:{_QUALIFIER}\s+)?{_A_WORD}\s*\d*\s*(?:[:.)：]{_EMPH}"
    rf"|{_EMPH}\s*[:.：]?(?=\s*$)|\*\*\s*[:.：]?)\s*(?P<rest>.*)$",
    re.I,
)
BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[-*+•●▪◦]|(?:\*\*)?\d{1,3}[.)](?:\*\*)?)\s+(?P<text>\S.*)$"
)
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")
# A paragraph that opens with its question in bold and answers it on: `**Why X?** Because …`.
RUN_IN = re.compile(r"^(?:\*\*|__)(?P<q>[^*_\n]{3,200}?[?？])(?:\*\*|__)\s+(?P<rest>\S.*)$")
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
FENCE = re.compile(r"^\s*(```|~~~)")
ECHO = re.compile(r"^[^\"“”]{1,40}?\s[\"“](?P<title>.+)[\"”]\s*$")
# A multiple-choice option: a task-list box or a letter, `- [ ] …`, `a) …`, `(B) …`.
OPTION = re.compile(r"^\s*(?:[-*+]\s+\[[ xX✓]?\]\s|[-*+]\s+✓\s|\(?[a-hA-H][.)]\s)")
# A sub-heading that only labels what follows as the answer: `### ✅ Answer`, `#### Solution:`.
ANSWER_HEADING = re.compile(r"^[^\w]*(?:answers?|solutions?|ans)\s*:?\s*$", re.I)
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
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") else line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def strip_answer_label(line: str) -> str:
    m = ANSWER_LABEL.match(line)
    return m.group("indent") + m.group("rest") if m else line


def lettered(raw: str, label: re.Match) -> bool:
    """An `ANSWER_LABEL` match that is a lettered item ("a) …", "A. …"), not an answer label
    ("A: …", "**Answer:**")."""
    return bool(OPTION.match(raw)) and ":" not in raw[: label.start("rest")]


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
    return question, answer


# An answer label alone on its line, spelled out (a bare `A.` could be an option).
LABEL_LINE = re.compile(
    rf"^\s*(?:[-*+>]\s+)?{_EMPH}(?:{_QUALIFIER}\s+)?(?:Ans|Answers?|Solutions?|答案?|解答|回答)\s*[:：]?{_EMPH}\s*[:：]?\s*$",
    re.I,
)


# A MyST directive that folds an exercise's answer away: `:::{note} Solutions` (with
# `:class: dropdown`), `:::{dropdown} Answer`, or sphinx-exercise's `:::{solution}`.
_DIRECTIVE = re.compile(r"^\s*(?P<fence>:{3,}|`{3,})\{(?P<name>[\w:-]+)\}\s*(?P<title>.*)$")
_DIRECTIVE_OPTION = re.compile(r"^\s*:[\w-]+:")


def answer_fold(line: str) -> str | None:
    """The closing fence of the answer fold this line opens, or None."""
    m = _DIRECTIVE.match(line)
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
    line after any metadata (`**Type**: multiple-choice`); the rest answers it."""
    for n, line in enumerate(body):
        if line.strip() and not METADATA.match(line):
            return line.strip(), body[n + 1 :]
    return None


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
            elif not (_DIRECTIVE_OPTION.match(line) and not folded):
                folded.append(line)
            continue
        rest.append(line)
    return (rest, folded) if folded else None


def after_answer_label(answer: list[str]) -> list[str]:
    """A body that opens with an answer label line (`**Answer:**`), or with metadata lines
    (`**Category:** …`, `**Tags:** …`) and then a label: the answer is what follows the
    label; the label and the metadata are neither. Trailing `---` separators go too."""
    while answer and (not answer[-1].strip() or THEMATIC_BREAK.match(answer[-1])):
        answer = answer[:-1]
    text = [ln for ln in answer if ln.strip()]
    if text and all(ln.lstrip().startswith(">") for ln in text) and ANSWER_LABEL.match(text[0]):
        # `> A: …` quoting the whole answer: the quote is the answer's box, not a quotation.
        answer = [re.sub(r"^\s*>\s?", "", ln) for ln in answer]
    for n, line in enumerate(answer):
        if not line.strip() or METADATA.match(line) and not ANSWER_LABEL.match(line):
            continue
        if LABEL_LINE.match(line):
            return answer[n + 1 :]
        m = ANSWER_LABEL.match(line)
        # First in the body only as `A:` / `**Answer:**`: "A)" or "A." there is an option.
        if m and (":" in line[: m.start("rest")] or any(ln.strip() for ln in answer[:n])):
            rest = m.group("rest").strip()
            return ([rest] if rest else []) + answer[n + 1 :]
        break
    return answer


def dedent(text: str) -> str:
    lines = text.split("\n")
    widths = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(widths, default=0)
    return "\n".join(ln[cut:] for ln in lines)


def strip_front_matter(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    if lines and lines[0][1].strip() == "---":
        for j in range(1, min(len(lines), 60)):
            if lines[j][1].strip() in ("---", "..."):
                return lines[j + 1 :]
    return lines


def strip_comments(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """HTML comments that span lines (`<!-- … -->`) blanked, outside code: a rendered page
    shows nothing of them, so neither may an answer (one-line comments go with `clean`)."""
    out, inside, in_fence = [], False, False
    for loc, line in lines:
        if not inside and FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            out.append((loc, line))
            continue
        if inside:
            end = line.find("-->")
            inside = end < 0
            line = "" if inside else line[end + 3 :]
        start = line.rfind("<!--")
        if start >= 0 and "-->" not in line[start:]:
            line, inside = line[:start], True
        out.append((loc, line))
    return out


def next_line(lines: Lines, i: int, within: int = 3) -> str | None:
    """The first non-blank line after line `i`, looking `within` lines ahead."""
    return next((ln for _, ln in lines[i + 1 : i + 1 + within] if ln.strip()), None)


def echoes(lines: Lines, i: int, title: str) -> bool:
    """The last non-blank line above `i` reads `title`."""
    above = next((ln.strip() for _, ln in reversed(lines[:i]) if ln.strip()), "")
    return clean(above).strip() == title


def plain_heading(lines: Lines, i: int, text: str) -> bool:
    """A short unpunctuated line followed by a bullet list, e.g. `Chapter 2: Tokens`."""
    if (
        not re.search(r"\w", text)
        or len(text) > 90
        or text[-1] in ".?!:,;"
        or is_question(question_text(text))  # `8. **Why …?**`, `**Explain …**` ask: no title
        or text.startswith(("|", ">"))
    ):
        return False
    nxt = next_line(lines, i)
    return nxt is not None and bool(BULLET.match(clean(nxt))) and not ANSWER_LABEL.match(nxt)


@dataclass(frozen=True)
class Details:
    """A `<details>` block: its summary, its body as answer text, and where it ends."""

    summary: str
    answer: str
    last: int  # index of its closing line
    wrapper: bool = False  # no `<summary>` at all: a fold around content, not a Q/A widget


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
    return Details(summary, answer, min(j, len(lines) - 1), wrapper=cut < 0)


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
        a = "\n".join(ln.strip() for ln in a.split("\n")).strip()
        rows.append(Row(col(cols.question), a, clean(col(cols.section)).strip(), lines[j][0]))
        j += 1
    if rows and all(_ROW_NUMBER.match(r.question) for r in rows):
        return None  # an answer key ("| 1 | B |"): numbers, not questions
    return rows, j - 1
