"""Outliner pages (Logseq, Roam and Workflowy exports, Obsidian outlines): every line of text is
a block (`- text`), nested by indentation, with `key:: value` properties of the page or of a
block. Such a page is read as the Markdown it stands for:

- a heading block (`- # Preface`, `\t- ### Classifier`) is a heading, and the blocks under it
  are its section's list;
- a short top-level block that neither asks nor ends a sentence, over blocks of its own
  (`- AI ethics - Transparency`), titles them: a heading too;
- a block that asks, over blocks that do not (`- what is MLOps?` over `\t- a set of tools …`),
  is a question those blocks answer, as is a block that asks and answers on its line (`- how
  do you decide …? it depends on …`);
- properties (`tags:: …`, `collapsed:: true`, `id:: …`) are metadata, empty blocks nothing, and
  Logseq's macros (`{{video …}}`, `{{embed …}}`), block references and image sizes print
  nothing (a `{{cloze …}}` prints its text).

Every line keeps its location."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lines import HEADING, in_code
from ingest.prepasses import card
from ingest.questions import ends_sentence, has_mark, is_question

Lines = list[tuple[int, str]]

_BLOCK = re.compile(r"^(?P<indent>[\t ]*)-(?:[ \t]+(?P<text>\S.*?))?\s*$")
_PROPERTY = re.compile(r"^\s*[A-Za-z][\w-]*::(?:\s|$)")
_CLOZE = re.compile(r"\{\{cloze\s+([^{}]*)\}\}")
_MACRO = re.compile(r"\{\{[\w-]+(?:\s[^{}]*)?\}\}|\(\([0-9a-f-]{36}\)\)|\{:[^{}]*\}")
# A question, then its answer on the same line: "how do you decide …? it depends on …".
_ASKS_THEN_SAYS = re.compile(r"^(?P<q>[^?？]{8,}[?？][*_]*)\s+(?P<rest>[^?？]{12,})$")
_STATED = re.compile(r"[.!。]\s+\S")  # a sentence ends before the text does
# Words a question opens with and a statement does not ("when …" opens conditions, too).
_ASKING_WORDS = {"how", "what", "why", "which", "who", "whom", "whose"}
_MIN_BLOCKS = 8  # an outline: this many blocks at least, this share of the lines of text
_SHARE = 0.8
_TITLE_WORDS = 12  # a block that titles its blocks is no longer than this


@dataclass
class _Block:
    loc: int
    text: str
    more: Lines = field(default_factory=list)  # the block's own lines after its first
    children: list[_Block] = field(default_factory=list)


def read_outline(lines: Lines) -> Lines:
    """`lines` as Markdown if they are an outliner's page, else unchanged (a page with code
    blocks too: their lines are no blocks)."""
    code = in_code(lines)
    if any(code) or not _is_outline(lines):
        return lines
    page: list[_Block] = []
    stack: list[tuple[int, _Block]] = []  # (indent width, block) of the open ancestors
    out: Lines = []
    for loc, line in lines:
        if _PROPERTY.match(line) or not line.strip():
            continue
        m = _BLOCK.match(line)
        if m is None:  # a block's next line, indented under its dash
            if stack:
                stack[-1][1].more.append((loc, _printed(line.strip())))
            else:
                out.append((loc, _printed(line)))  # text before the first block
            continue
        width = len(m["indent"].expandtabs(4))
        while stack and stack[-1][0] >= width:
            stack.pop()
        block = _Block(loc, _printed(m["text"] or ""))
        (stack[-1][1].children if stack else page).append(block)
        stack.append((width, block))
    # a top-level block that titles its blocks is as deep as the page's heading blocks
    levels = [len(m[1]) for b in page if (m := HEADING.match(b.text))]
    for block in page:
        out += _render(block, 0, title_level=min(levels, default=2))
    return out


def _is_outline(lines: Lines) -> bool:
    """Nearly every line of text is a block, some nested, and every other line goes on a block
    (indented under it): an outliner wrote the page, not a writer of Markdown with lists."""
    text = [ln for _, ln in lines if ln.strip() and not _PROPERTY.match(ln)]
    blocks = [m for ln in text if (m := _BLOCK.match(ln))]
    nested = any(m["indent"] for m in blocks)
    loose = any(not _BLOCK.match(ln) and not ln[:1].isspace() for ln in text)
    return nested and not loose and len(blocks) >= max(_MIN_BLOCKS, _SHARE * len(text))


def _printed(text: str) -> str:
    return _MACRO.sub("", _CLOZE.sub(r"\1", text)).strip()


def _render(block: _Block, depth: int, title_level: int = 0) -> Lines:
    """The block and its children as Markdown, the block at list depth `depth`; a block that
    may title its children (`title_level`, at the top of its section) is a heading that deep."""
    if not block.text and not block.children and not block.more:
        return []
    if m := HEADING.match(block.text):
        return _section(block, len(m[1]), m[2])
    if title_level and _titles(block):
        return _section(block, title_level, block.text)
    if card_text := _card(block):
        question, answer = card_text
        out = [(block.loc, "  " * depth + card(question))]
        out += [(loc, "  " * depth + "    " + ln) for loc, ln in answer]
        return [*out, (block.loc, "")]
    indent = "  " * depth
    out = [(block.loc, f"{indent}- {block.text}".rstrip())]
    out += [(loc, f"{indent}  {ln}") for loc, ln in block.more]
    for child in block.children:
        out += _render(child, depth + 1)
    return out


def _section(block: _Block, level: int, title: str) -> Lines:
    out = [(block.loc, ""), (block.loc, f"{'#' * level} {title}"), (block.loc, "")]
    out += [(loc, ln) for loc, ln in block.more]
    for child in block.children:
        out += _render(child, 0, title_level=min(level + 1, 6))
    return [*out, (block.loc, "")]


def _titles(block: _Block) -> bool:
    """A short block over blocks of its own that neither asks nor ends a sentence: their
    title."""
    text = block.text
    return (
        bool(block.children)
        and not has_mark(text)
        and not ends_sentence(text)
        and not text.endswith((":", ",", ";"))
        and len(text.split()) <= _TITLE_WORDS
    )


def _card(block: _Block) -> tuple[str, Lines] | None:
    """(question, answer lines) of a block that asks over blocks that answer, or that asks and
    answers on its line."""
    said = _ASKS_THEN_SAYS.match(block.text)
    if block.more or any(_asks(c.text) for c in block.children):
        return None  # several lines, or sub-questions: each is read on its own
    if _asks(block.text) and block.children:
        question, answer = block.text, []
    elif said and not _STATED.search(said["q"]):
        question, answer = said["q"], [(block.loc, said["rest"])]
    else:
        return None
    for child in block.children:
        answer += _render(child, 0)
    return question, answer


def _asks(text: str) -> bool:
    """The block is a question: it ends with one, or is worded as one ("how will a person know
    …", "explain …")."""
    if has_mark(text):  # one sentence, that asks (not statements, then "do you have …?")
        return text.rstrip(" *_").endswith(("?", "？")) and not _STATED.search(text)
    words = text.lower().split()
    return is_question(text) or len(words) >= 4 and words[0] in _ASKING_WORDS
