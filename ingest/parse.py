"""Structure-aware parsing: lines of a document → questions, Q&A pairs and prose chunks.

Formats recognised (all seen in the default corpus):
- `Q12: question` followed by answer lines, up to the next `Qn:` or heading;
- mkdocs admonitions `??? question "…"` whose body is the answer, indented or flat;
  `??? tip "…"` and `!!! abstract "…"` act as section headings;
- bulleted question lists (`-`, `*`, `•`) under markdown or plain-text headings;
- markdown headings (`#`..`######`), which give every item its section path.
Everything else is prose, split into chunks by the chunker passed in.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ingest.items import ParsedItem

Chunker = Callable[[str], list[str]]

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ADMONITION = re.compile(
    r"""^(?P<indent>\s*)(?:\?\?\?\+?|!!!)\s*(?P<type>[A-Za-z]+)?\s*
        (?:["“”](?P<title>[^"“”]*)["“”]?)?(?P<rest>.*)$""",
    re.X,
)
_QN = re.compile(r"^\s*Q(\d{1,4})\s*[:.)]\s*(?P<q>\S.*)$")
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*+•●▪◦]|\d{1,3}[.)])\s+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")
_SPAN_LABEL = re.compile(r"^\s*[-*]\s+<span\b[^>]*>[^<]+</span>\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SECTION_TITLED = re.compile(r"^Section titled [\"“](.+)[\"”]\s*$")
# Tags that are markup, not content: `<|im_start|>` and `</s>` in the notes are content.
_HTML_TAG = re.compile(
    r"</?(?:span|div|p|br|b|i|em|strong|a|img|sup|sub|font|u|small|mark|abbr|kbd|details"
    r"|summary|center|hr|ul|ol|li|table|tr|td|th|tbody|thead)\b[^>]*>",
    re.I,
)
_HTML_COMMENT = re.compile(r"<!--.*?-->")
# Web-page chrome that copy-pasted notes carry; never study material.
_CHROME = re.compile(
    r"^(skip to content|\d+ min read\b.*|githubdiscordthreads|chat|table of contents"
    r"|any doubt in content\?.*|.*i'm your learning assistant.*)$",
    re.I,
)
_NO_ANSWER = re.compile(r"^(answer not provided.*|tbd|todo|n/?a)\.?$", re.I)
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
_MIN_CHUNK_WORDS = 8
_MAX_OVERLAP_CHARS = 400
_QUOTES = "“\"'‘«"


def clean(text: str) -> str:
    """Remove markup noise (HTML tags, entities, comments) from one line of stored text."""
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text).rstrip()


def is_question(text: str) -> bool:
    first = re.sub(r"^[\W_]+", "", text).split(" ", 1)[0].lower()
    return "?" in text or first in _IMPERATIVES


@dataclass
class _Open:
    """A question being collected while its answer lines arrive."""

    question: str
    section: str
    start: int
    end: int
    style: str  # "qn", "admonition", "bullet"
    indent: int = 0
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

    # -- helpers ------------------------------------------------------------------------------
    @property
    def section(self) -> str:
        return " > ".join(title for _, title in self.sections)

    def heading(self, level: int, title: str) -> None:
        self.close()
        self.flush_prose()
        self.last_bullet = None
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
        answer = _dedent("\n".join(o.answer)).strip()
        if _NO_ANSWER.match(answer):
            answer = ""
        self.emit(o.question, answer, o.section, o.start, o.end)

    def emit(self, question: str, answer: str, section: str, start: int, end: int) -> None:
        question = re.sub(r"\s+", " ", clean(question)).strip()
        if question:
            kind = "qa" if answer else "question"
            self.items.append(ParsedItem(kind, question, answer, section, start, end, self.unit))

    def close_bullet(self, o: _Open) -> None:
        """Classify a finished bullet: question(s), an option of the question above, or prose."""
        text = o.question
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
            return
        self.last_bullet = None
        self.prose.append((o.start, "- " + text))

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
            self.step(i, loc, raw)
        self.close()
        self.flush_prose()
        return self.items

    def step(self, i: int, loc: int, raw: str) -> None:
        line = clean(raw)
        stripped = line.strip()
        if _FENCE.match(line):
            self.in_fence = not self.in_fence
            self.content(loc, line)
            return
        if self.in_fence:
            self.content(loc, line)
            return
        if _CHROME.match(stripped):
            return
        if m := _HEADING.match(line):
            self.heading(len(m.group(1)), m.group(2))
            return
        if m := _SECTION_TITLED.match(stripped):
            self.heading(2, m.group(1))
            return
        if stripped.startswith(("???", "!!!")) and (m := _ADMONITION.match(line)):
            self.admonition(loc, m)
            return
        if m := _QN.match(line):
            self.close()
            self.flush_prose()
            self.open = _Open(m.group("q"), self.section, loc, loc, "qn")
            return
        if self.is_section_label(i, raw):
            self.heading(2, stripped.lstrip("-* "))
            return
        if self.open is not None and self.open.style in ("qn", "admonition"):
            if self.continues_answer(line):
                self.open.answer.append(line)
                if stripped:
                    self.open.end = loc
                return
            self.close()
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
        self.prose.append((loc, line))

    def is_section_label(self, i: int, raw: str) -> bool:
        """`- <span class="…">Topic</span>` between a bare question and the next admonition is a
        section label (flattened mkdocs), not that question's answer."""
        o = self.open
        if o is None or o.style != "admonition" or o.answer or not _SPAN_LABEL.match(raw):
            return False
        for _, nxt in self.lines[i + 1 : i + 4]:
            if nxt.strip():
                return nxt.lstrip().startswith(("???", "!!!"))
        return True

    def content(self, loc: int, line: str) -> None:
        if self.open is not None and self.open.style in ("qn", "admonition"):
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
                return bool(_BULLET.match(clean(nxt)))
        return False


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
    return _Parser(strip_front_matter(list(lines)), unit, chunker).run()
