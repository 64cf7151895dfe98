"""Prose between questions → chunk items, each with the lines it came from."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.formats.link_text import join_split_links
from ingest.items import ParsedItem
from ingest.lines import BULLET, FENCE
from ingest.questions import is_question

Chunker = Callable[[str], list[str]]

# Shorter prose stands alone only as a statement of its own ("It takes 25 minutes by phone."): a
# short fragment that is not one is page furniture ("Table of contents", "Next page") or a list's
# stray line.
_MIN_CHUNK_WORDS = 8
_STATEMENT = re.compile(r"^(?![-*+•>]|\d+[.)]\s)\S(?:\S*\s+){2,}.*[.!。！]$", re.S)
# A short paragraph that is one question ("Why does early stopping regularise?"), all a
# section or a slide says: asked of the reader, so a bare question, not page furniture.
_LONE_QUESTION = re.compile(r"^[^\n?]+\?$")
_MAX_OVERLAP_CHARS = 400
# Chinese and Japanese write no spaces between words: two ideographs count as about a word.
_IDEOGRAPH = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _paragraph_after_list(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A blank line back between a list and the paragraph after it (the parser keeps a list
    item to one line), so the paragraph is not shown as part of the last item. A line that
    starts in lower case goes on with the item ("… (regression)" / "or the majority …")."""
    out: list[tuple[int, str]] = []
    code = False  # in code (or a formula) a "+ …" line is no list item
    for loc, line in block:
        starts = line[:1].strip() and not line[:1].islower()
        if starts and out and not code and BULLET.match(out[-1][1]) and not BULLET.match(line):
            out.append((loc, ""))
        out.append((loc, line))
        code ^= bool(FENCE.match(line))
    return out


def word_count(text: str) -> int:
    """Words in `text`, counting runs of ideographs (CJK has no spaces) at two per word."""
    return len(text.split()) + len(_IDEOGRAPH.findall(text)) // 2


def note_under(
    question: str, section: str, start: int, lines: list[str], chunker: Chunker, unit: str
) -> list[ParsedItem]:
    """What an exercise gives besides its answer (its statement, hints, starter code): prose
    filed in a section named after its question."""
    path = " > ".join(x for x in (section, question) if x)
    return prose_chunks([(start, ln) for ln in lines], chunker, path, unit, alone=False)


def prose_chunks(
    block: list[tuple[int, str]], chunker: Chunker, section: str, unit: str, alone: bool = True
) -> list[ParsedItem]:
    """`(location, line)` pairs of one prose run → chunks long enough to stand alone. `alone`:
    the run is a section's own text, not a note of a question (whose statement may ask)."""
    block = _paragraph_after_list(list(block)) if unit != "page" else list(block)
    while block and not block[-1][1].strip():
        block.pop()
    if not block:
        return []
    text = "\n".join(line for _, line in block)
    offsets, pos = [], 0
    for loc, line in block:
        offsets.append((pos, loc))
        pos += len(line) + 1
    items, cursor = [], 0
    for chunk in chunker(text):
        # Chunks come in order and overlap the previous one by at most a few sentences.
        found = text.find(chunk[:40], cursor)
        start = found if found >= 0 else cursor
        end = start + len(chunk)
        cursor = max(start + 1, end - _MAX_OVERLAP_CHARS)
        said = chunk.strip()
        short = word_count(chunk) < _MIN_CHUNK_WORDS
        asks = (
            short
            and alone
            and bool(_LONE_QUESTION.match(said))
            and not BULLET.match(said)  # a list's entry was read with its list
            and is_question(said)
        )
        if short and not (
            asks or _STATEMENT.match(said) or any(map(FENCE.match, chunk.split("\n")))
        ):
            continue  # page furniture; a short code block (`pip install x`) is kept
        first = next(loc for off, loc in reversed(offsets) if off <= start)
        last = next(loc for off, loc in reversed(offsets) if off < max(end, start + 1))
        if asks:  # a question asked alone
            items.append(ParsedItem("question", said, "", section, first, last, unit))
            continue
        body = join_split_links(said)
        items.append(ParsedItem("chunk", "", body, section, first, last, unit))
    return items
