"""Structure-aware parsing: lines of a document → questions, Q&A pairs and prose chunks.

Each rule below is a family of layouts seen in real question banks, not one file's strings:
- `Q12: question` / `**Q:** question` / `Question 3.` followed by answer lines (`A:` label
  optional), up to the next question or heading;
- questions as Markdown headings (`## 3) Why …?`, any level), the body up to the next heading of
  the same or a higher level being the answer, sub-headings and code included;
- numbered or bulleted questions followed by an `Answer:` / `A:` / `**Answer**` label, the
  answer indented or flat;
- `<details><summary>question</summary>answer</details>`, or a question followed by a
  `<details>` whose summary is a label such as "Answer";
- Markdown tables with a question column (and usually an answer column);
- mkdocs admonitions `??? question "…"` whose body is the answer, indented or flat;
  `??? tip "…"` and `!!! abstract "…"` act as section headings;
- bulleted question lists (`-`, `*`, `•`, `1.`) under Markdown or plain-text headings;
  tags such as `[E]` or `[Hard]` are dropped from the question;
- Markdown headings (`#`..`######`), which give every item its section path.
Everything else is prose, split into chunks by the chunker passed in. Page chrome is dropped
first (`ingest.chrome`); links, images and HTML are cleaned from stored text
(`ingest.formats.markup`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ingest.chrome import drop_chrome
from ingest.formats.markup import clean_line, strip_html
from ingest.formats.tabular import Columns
from ingest.items import ParsedItem

if TYPE_CHECKING:
    from ingest.loaders import Document

Chunker = Callable[[str], list[str]]

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ADMONITION = re.compile(
    r"""^(?P<indent>\s*)(?:\?\?\?\+?|!!!)\s*(?P<type>[A-Za-z]+)?\s*
        (?:["“”](?P<title>[^"“”]*)["“”]?)?(?P<rest>.*)$""",
    re.X,
)
_EMPH = r"(?:\*\*|__)?"
_QN = re.compile(
    rf"^\s*(?:[-*]\s+)?{_EMPH}(?:Q|Question)\s*(?P<n>\d{{1,4}})?\s*[:.)]{_EMPH}\s*(?P<q>\S.*)$"
)
_ANSWER_LABEL = re.compile(
    rf"^(?P<indent>\s*)(?:[-*+>]\s+)?{_EMPH}(?:A|Ans|Answer|Solution)\s*\d*\s*(?:[:.)]{_EMPH}"
    rf"|{_EMPH}\s*[:.]?(?=\s*$)|\*\*\s*[:.]?)\s*(?P<rest>.*)$",
    re.I,
)
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:\d{1,4}\s*[.):]|Q\s*\d{0,4}\s*[.):]|Question\s*\d{1,4}\s*[.):])\s*"
)
_DECORATION = re.compile(r"^[^\w\s\"“'‘(\[$\\*_`<]+\s*")
_TAGS = re.compile(r"^(?:\[[^\]\s]{1,12}\]\s*)+|(?:\s*\[[^\]\s]{1,12}\])+$")
_BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[-*+•●▪◦]|(?:\*\*)?\d{1,3}[.)](?:\*\*)?)\s+(?P<text>\S.*)$"
)
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")
_STYLED_LABEL = re.compile(r"^\s*[-*]\s+(?:<(\w+)\b[^>]*>[^<]+</\1>|\*\*[^*]+\*\*)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ECHO = re.compile(r"^[^\"“”]{1,40}?\s[\"“](?P<title>.+)[\"”]\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A short answer body that says the answer is missing, in any of the usual phrasings.
_NO_ANSWER = re.compile(
    r"^(?:\W*(?:answer|solution|response)s?\b)?.{0,20}?\b(?:not (?:yet )?(?:provided|available"
    r"|given|written|known)|(?:coming|to come) soon|to be (?:added|written|done|filled)"
    r"|missing|pending)\b.{0,30}$|^\W*(?:tbd|tba|todo|n/?a|none|\?+|…|\.\.\.)\W*$",
    re.I,
)
_ANSWER_SUMMARY = re.compile(
    r"^\W*(?:show |see |view |reveal |click (?:here )?(?:to|for) (?:see |show |reveal )?)?"
    r"(?:the )?(?:answer|solution|explanation|hint|expand)s?\b",
    re.I,
)
_IMPERATIVES = {
    "explain",
    "describe",
    "discuss",
    "compare",
    "contrast",
    "design",
    "derive",
    "prove",
    "define",
    "list",
    "name",
    "give",
    "write",
    "outline",
    "summarize",
    "summarise",
    "suppose",
    "imagine",
    "implement",
    "provide",
    "walk",
    "show",
    "state",
    "calculate",
    "estimate",
    "please",
    "take",
    "introduce",
    "analyze",
    "analyse",
    "evaluate",
    "identify",
}
_QUESTION_TYPES = {"question", "faq", "q"}
_SECTION_TYPES = {"tip", "abstract", "summary", "tldr"}
_ANSWER_STYLES = ("qn", "admonition", "labelled", "heading")
_MIN_CHUNK_WORDS = 8
_MAX_OVERLAP_CHARS = 400
_QUOTES = "“\"'‘«"


def clean(text: str) -> str:
    """Remove markup noise (HTML, entities, comments, link syntax, images) from stored text."""
    return clean_line(text)


def is_question(text: str) -> bool:
    first = re.sub(r"^[\W_]+", "", _TAGS.sub("", text)).split(" ", 1)[0].lower()
    return "?" in text or first in _IMPERATIVES


def question_text(text: str) -> str:
    """A question as shown: numbering, tags like `[E]` and emphasis around it removed."""
    text = re.sub(r"\s+", " ", clean(text)).strip()
    text = _DECORATION.sub("", text)  # emoji and symbols before the numbering: "📌 Q1: …"
    text = _TAGS.sub("", _NUMBER_PREFIX.sub("", text)).strip()
    for mark in ("**", "__", "*", "_", "`"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            text = text[len(mark) : -len(mark)].strip()
    return _TAGS.sub("", text).strip()


@dataclass
class _Open:
    """A question being collected while its answer lines arrive."""

    question: str
    section: str
    start: int
    end: int
    style: str  # "qn", "admonition", "labelled", "heading", "bullet"
    indent: int = 0  # heading level for "heading"
    answer: list[str] = field(default_factory=list)
    indented_body: bool | None = None


class _Parser:
    def __init__(self, lines: Sequence[tuple[int, str]], unit: str, chunker: Chunker):
        self.lines = lines
        self.unit = unit
        self.chunker = chunker
        self.items: list[ParsedItem] = []
        self.sections: list[tuple[int, str]] = []
        self.open: _Open | None = None
        self.prose: list[tuple[int, str]] = []
        self.in_fence = False
        self.last_bullet: tuple[int, int] | None = None  # (item index, indent) of a list question
        self.awaiting: int | None = None  # a bare question a following <details> may answer
        self.skip_to = -1  # lines already consumed by a multi-line block
        self.prose_bullet: _Open | None = None  # a list item just put into prose
        self.question_headings = _question_headings(lines)

    # -- helpers ------------------------------------------------------------------------------
    @property
    def section(self) -> str:
        return " > ".join(title for _, title in self.sections)

    def heading(self, level: int, title: str) -> None:
        self.close()
        self.flush_prose()
        self.last_bullet = None
        self.awaiting = None
        title = clean(title).strip().strip("*_`").strip()
        if not title:
            return
        self.sections = [(lv, t) for lv, t in self.sections if lv < level] + [(level, title)]

    def close(self) -> None:
        if self.open is None:
            return
        o, self.open = self.open, None
        if o.style == "bullet":
            self.close_bullet(o)
            return
        lines = o.answer
        if o.style == "labelled" and lines and lines[0].strip():
            # The text after the label sits at its own indent; dedent the rest on its own.
            lines = [lines[0].strip(), _dedent("\n".join(lines[1:]))]
        answer = _dedent("\n".join(lines)).strip()
        if len(answer) < 80 and _NO_ANSWER.match(answer):
            answer = ""
        self.emit(o.question, answer, o.section, o.start, o.end)
        if not answer and o.style in ("qn", "labelled"):
            self.awaiting = len(self.items) - 1

    def emit(self, question: str, answer: str, section: str, start: int, end: int) -> None:
        question = question_text(question)
        if question:
            kind = "qa" if answer else "question"
            self.items.append(ParsedItem(kind, question, answer, section, start, end, self.unit))

    def close_bullet(self, o: _Open) -> None:
        """Classify a finished bullet: question(s), an option of the question above, or prose."""
        text = o.question
        self.prose_bullet = None
        if self.last_bullet is not None:
            index, indent = self.last_bullet
            prev = self.items[index]
            if text[:1] in _QUOTES or (o.indent > indent and not is_question(text)):
                # An option of the question above, e.g. one of three quoted prompts.
                self.items[index] = replace(prev, question=f"{prev.question} {text}", end=o.end)
                return
        if is_question(text):
            for part in _split_joined_questions(text):
                self.emit(part, "", o.section, o.start, o.end)
            self.last_bullet = (len(self.items) - 1, o.indent)
            self.awaiting = len(self.items) - 1
            return
        self.last_bullet = None
        self.prose.append((o.start, "- " + text))
        self.prose_bullet = o  # an `Answer:` label below would make it a question after all

    def flush_prose(self) -> None:
        if not self.prose:
            return
        block, self.prose = self.prose, []
        while block and not block[-1][1].strip():
            block.pop()
        if not block:
            return
        text = "\n".join(line for _, line in block)
        offsets, pos = [], 0
        for loc, line in block:
            offsets.append((pos, loc))
            pos += len(line) + 1
        cursor = 0
        for chunk in self.chunker(text):
            # Chunks come in order and overlap the previous one by at most a few sentences.
            found = text.find(chunk[:40], cursor)
            start = found if found >= 0 else cursor
            end = start + len(chunk)
            cursor = max(start + 1, end - _MAX_OVERLAP_CHARS)
            if len(chunk.split()) < _MIN_CHUNK_WORDS:
                continue
            first = next(loc for off, loc in reversed(offsets) if off <= start)
            last = next(loc for off, loc in reversed(offsets) if off < max(end, start + 1))
            self.items.append(
                ParsedItem("chunk", "", chunk.strip(), self.section, first, last, self.unit)
            )

    # -- the state machine --------------------------------------------------------------------
    def run(self) -> list[ParsedItem]:
        for i, (loc, raw) in enumerate(self.lines):
            if i > self.skip_to:
                self.step(i, loc, raw)
        self.close()
        self.flush_prose()
        return self.items

    def step(self, i: int, loc: int, raw: str) -> None:
        line = clean(raw)
        stripped = line.strip()
        heading = None if self.in_fence else _HEADING.match(raw)
        o = self.open
        if o is not None and o.style == "heading" and not _closes(heading, o.indent):
            # Everything down to the next heading of the same level answers the question.
            if _FENCE.match(raw):
                self.in_fence = not self.in_fence
            o.answer.append(clean(heading.group(2)) if heading else line)
            o.end = loc if stripped else o.end
            return
        if _FENCE.match(line):
            self.in_fence = not self.in_fence
            self.content(loc, line)
            return
        if self.in_fence:
            self.content(loc, line)
            return
        if heading:
            level, title = len(heading.group(1)), heading.group(2)
            if i in self.question_headings:
                self.heading(level, "")  # closes what was open, keeps the parent sections
                self.sections = [(lv, t) for lv, t in self.sections if lv < level]
                self.open = _Open(title, self.section, loc, loc, "heading", indent=level)
            else:
                self.heading(level, title)
            return
        if (m := _ECHO.match(stripped)) and self.echoes(i, m.group("title")):
            # A line quoting the line above it ("Section titled “X”" under "X") is an anchor
            # label: the line above was the section's title, not content.
            title = m.group("title")
            target = self.open.answer if self.open is not None else None
            while target and not target[-1].strip():
                target.pop()
            if target and target[-1].strip() == title:
                target.pop()
            self.prose = [(lc, ln) for lc, ln in self.prose if ln.strip() != title]
            self.heading(2, title)
            return
        if stripped.startswith(("???", "!!!")) and (m := _ADMONITION.match(line)):
            self.admonition(loc, m)
            return
        if "<details" in raw.lower() and (self.open is None or self.open.style == "bullet"):
            self.details(i)
            return
        if m := _QN.match(line):
            self.close()
            self.flush_prose()
            self.open = _Open(m.group("q"), self.section, loc, loc, "qn")
            return
        if self.is_section_label(i, raw):
            self.heading(2, stripped.lstrip("-* "))
            return
        if self.open is not None and self.open.style in ("qn", "admonition", "labelled"):
            if self.continues_answer(line):
                if not self.open.answer and self.open.style == "qn":
                    line = _strip_answer_label(line)
                self.open.answer.append(line)
                if stripped:
                    self.open.end = loc
                return
            self.close()
        if (
            self.open is not None
            and self.open.style == "bullet"
            and (m := _ANSWER_LABEL.match(raw))
        ):  # whatever its wording, an item followed by an answer label is a question
            self.open.style = "labelled"
            rest = clean(m.group("rest")).strip()
            self.open.answer = [rest] if rest else []
            self.open.end = loc
            return
        if self.open is None and (m := _ANSWER_LABEL.match(raw)) and self.reopen(loc, m):
            return
        if _TABLE_RULE.match(self.peek(i)) and stripped.startswith("|") and self.table(i):
            return
        if _NUMBERED.match(line) and self.plain_heading(i, stripped):
            self.heading(2, stripped)
            return
        if m := _BULLET.match(line):
            self.bullet(loc, len(m.group("indent").expandtabs(4)), m.group("text"))
            return
        if self.open is not None and self.open.style == "bullet":
            if stripped and not _ends_sentence(self.open.question):
                self.open.question += " " + stripped  # a bullet wrapped onto the next line
                self.open.end = loc
                return
            self.close()
            if not stripped:
                return
        self.last_bullet = None
        if self.plain_heading(i, stripped):
            self.heading(2, stripped)
            return
        if stripped and not re.search(r"\w", stripped):
            return  # separators such as "⸻" or "***" between prose blocks
        if stripped:
            self.awaiting = None
        self.prose.append((loc, line))

    def reopen(self, loc: int, m: re.Match) -> bool:
        """An `Answer:` label after a blank line still answers the bare question just above."""
        index, o = self.awaiting, self.prose_bullet
        if o is not None and self.prose and self.prose[-1][1] == "- " + o.question:
            self.prose.pop()
            prev = ParsedItem("question", o.question, "", o.section, o.start, o.end)
        elif index is None or index != len(self.items) - 1:
            return False
        else:
            prev = self.items.pop()
        indent = self.last_bullet[1] if self.last_bullet else -1
        self.open = _Open(prev.question, prev.section, prev.start, loc, "labelled", indent)
        rest = clean(m.group("rest")).strip()
        self.open.answer = [rest] if rest else []
        self.last_bullet = self.awaiting = None
        return True

    def peek(self, i: int) -> str:
        return self.lines[i + 1][1] if i + 1 < len(self.lines) else ""

    def echoes(self, i: int, title: str) -> bool:
        above = next((ln.strip() for _, ln in reversed(self.lines[:i]) if ln.strip()), "")
        return clean(above).strip() == title

    def is_section_label(self, i: int, raw: str) -> bool:
        """`- <span class="…">Topic</span>` (or `- **Topic**`) between a bare question and the
        next admonition is a section label (flattened mkdocs), not that question's answer."""
        o = self.open
        if o is None or o.style != "admonition" or o.answer or not _STYLED_LABEL.match(raw):
            return False
        for _, nxt in self.lines[i + 1 : i + 4]:
            if nxt.strip():
                return nxt.lstrip().startswith(("???", "!!!"))
        return True

    def content(self, loc: int, line: str) -> None:
        if self.open is not None and self.open.style in _ANSWER_STYLES:
            self.open.answer.append(line)
            self.open.end = loc
        else:
            self.prose.append((loc, line))

    def continues_answer(self, line: str) -> bool:
        o = self.open
        assert o is not None
        if o.style == "qn" or not line.strip():
            return True
        indent = len(line) - len(line.lstrip())
        if o.style == "labelled":
            # The answer runs until the next list item at the question's own level.
            return indent > o.indent or not _BULLET.match(line)
        if o.indented_body is None:
            o.indented_body = indent > o.indent
        return not o.indented_body or indent > o.indent

    def admonition(self, loc: int, m: re.Match) -> None:
        kind = (m.group("type") or "").lower()
        title = (m.group("title") or "").strip()
        rest = m.group("rest").strip().lstrip("-").strip()
        indent = len(m.group("indent").expandtabs(4))
        if kind in _QUESTION_TYPES and title:
            self.close()
            self.flush_prose()
            self.open = _Open(title, self.section, loc, loc, "admonition", indent=indent)
            if rest:
                self.open.answer.append(rest)
                self.open.indented_body = False
            return
        if self.open is not None and self.open.style == "admonition" and kind not in _SECTION_TYPES:
            # e.g. `??? example "Causal decoder"` inside an answer: keep its title as a line.
            self.open.answer.append(" " * (indent + 4) * bool(self.open.indented_body) + title)
            self.open.end = loc
            return
        self.heading(3, title or kind)

    def details(self, i: int) -> None:
        """A `<details>` block: a question with its answer, the answer of the question just
        above (summary "Answer"), or a titled block of prose."""
        depth, j, raw = 0, i, []
        while j < len(self.lines):
            text = self.lines[j][1]
            raw.append(text)
            depth += text.lower().count("<details") - text.lower().count("</details")
            if depth <= 0:
                break
            j += 1
        self.skip_to = min(j, len(self.lines) - 1)
        start, end = self.lines[i][0], self.lines[self.skip_to][0]
        block = "\n".join(raw)
        lower = block.lower()
        cut = lower.find("</summary>")
        summary = " ".join(strip_html(block[: cut if cut >= 0 else 0]).split())
        body = block[cut + len("</summary>") :] if cut >= 0 else block
        stop = body.lower().rfind("</details")
        body = body[:stop] if stop >= 0 else body
        answer = _dedent("\n".join(clean(ln) for ln in body.split("\n"))).strip()
        if self.open is not None:
            self.close()
        if summary and _ANSWER_SUMMARY.match(summary) and self.awaiting is not None:
            index = self.awaiting
            prev = self.items[index]
            if answer:
                self.items[index] = replace(prev, kind="qa", answer=answer, end=end)
            self.awaiting = None
            return
        self.flush_prose()
        if summary and is_question(summary):
            self.emit(summary, answer, self.section, start, end)
            return
        self.prose.extend((start, ln) for ln in [summary, *answer.split("\n")] if ln)

    def table(self, i: int) -> bool:
        """A Markdown table with a question column: one item per row."""
        header = _cells(self.lines[i][1])
        cols = Columns.of(header)
        if cols is None:
            return False
        self.close()
        self.flush_prose()
        j = i + 2
        while j < len(self.lines) and self.lines[j][1].strip().startswith("|"):
            row = _cells(self.lines[j][1])
            loc = self.lines[j][0]
            q = row[cols.question] if cols.question < len(row) else ""
            a = row[cols.answer] if cols.answer is not None and cols.answer < len(row) else ""
            topic = (
                row[cols.section] if cols.section is not None and cols.section < len(row) else ""
            )
            section = " > ".join(x for x in (self.section, clean(topic).strip()) if x)
            a = clean(a.replace("<br>", "\n").replace("<br/>", "\n")).strip()
            self.emit(q, "" if _NO_ANSWER.match(a) else a, section, loc, loc)
            j += 1
        self.skip_to = j - 1
        return True

    def bullet(self, loc: int, indent: int, text: str) -> None:
        self.close()
        if is_question(text) or self.last_bullet is not None:
            self.flush_prose()
        self.open = _Open(text, self.section, loc, loc, "bullet", indent=indent)

    def plain_heading(self, i: int, text: str) -> bool:
        """A short unpunctuated line followed by a bullet list, e.g. `Chapter 2: Tokens`."""
        if (
            not re.search(r"\w", text)
            or len(text) > 90
            or text[-1] in ".?!:,;"
            or text.startswith(("|", ">"))
        ):
            return False
        for _, nxt in self.lines[i + 1 : i + 4]:
            if nxt.strip():
                return bool(_BULLET.match(clean(nxt))) and not _ANSWER_LABEL.match(nxt)
        return False


def _closes(heading: re.Match | None, level: int) -> bool:
    return heading is not None and len(heading.group(1)) <= level


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") else line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def _strip_answer_label(line: str) -> str:
    m = _ANSWER_LABEL.match(line)
    return m.group("indent") + m.group("rest") if m else line


def _question_headings(lines: Sequence[tuple[int, str]]) -> set[int]:
    """Indexes of headings that ask a question answered by their body: the title is a
    question and the body holds no questions of its own (else the heading is a section)."""
    heads: list[tuple[int, int, str]] = []
    in_fence = False
    for i, (_, raw) in enumerate(lines):
        if _FENCE.match(raw):
            in_fence = not in_fence
        elif not in_fence and (m := _HEADING.match(raw)):
            heads.append((i, len(m.group(1)), m.group(2)))
    out = set()
    for n, (i, level, title) in enumerate(heads):
        if not is_question(question_text(title)):
            continue
        end = next((j for j, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
        if any(lv > level and is_question(question_text(t)) for j, lv, t in heads if i < j < end):
            continue
        body = [ln for _, ln in lines[i + 1 : end]]
        asks = sum(1 for ln in body if (m := _BULLET.match(ln)) and "?" in m.group("text"))
        nested = any(
            _QN.match(ln) or ln.lstrip().startswith(("??? question", "???+ question"))
            for ln in body
        )
        if not nested and asks < 2:
            out.add(i)
    return out


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(("?", ".", "!", ")", '"', "”"))


def _split_joined_questions(text: str) -> list[str]:
    """`What is X? - Why is Y?` on one bullet line (lost line breaks) is two questions."""
    parts = [p.strip() for p in re.split(r"(?<=\?)\s+-\s+(?=[A-Z])", text)]
    return [p for p in parts if p]


def _dedent(text: str) -> str:
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


def parse(
    lines: Sequence[tuple[int, str]], chunker: Chunker, unit: str = "line"
) -> list[ParsedItem]:
    """Parse `(location, line)` pairs — location is a line or page number — into items."""
    kept = drop_chrome(strip_front_matter(list(lines)))
    return _Parser(kept, unit, chunker).run()


def split_long_answers(items: list[ParsedItem], chunker: Chunker) -> list[ParsedItem]:
    """An answer longer than one chunk becomes several items that all carry its question and
    section, so every part is found by the question and shown under it."""
    out: list[ParsedItem] = []
    for item in items:
        try:
            parts = chunker(item.answer) if item.kind == "qa" else [item.answer]
        except ValueError:  # the splitter refuses some inputs at tiny chunk sizes: keep whole
            parts = [item.answer]
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) <= 1:
            out.append(item)
            continue
        out.extend(replace(item, answer=part) for part in parts)
    return out


def parse_document(doc: Document, chunker: Chunker) -> list[ParsedItem]:
    """Items of a loaded file: its records for structured decks, else its parsed lines."""
    items = list(doc.items) if doc.items is not None else parse(doc.lines, chunker, doc.unit)
    return split_long_answers(items, chunker)
