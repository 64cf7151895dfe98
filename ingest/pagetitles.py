"""Section titles in text taken from a PDF: the text layer keeps no font sizes, so a title is
found by its shape. A short line standing alone between two sentences ("… validation error." /
"Underfitting or Overfitting?" / "When we compare …") is marked as a Markdown heading, so the
parser sees sections, and a title that asks is answered by the text under it."""

from __future__ import annotations

import re
from statistics import median

from ingest.lines import BULLET, HEADING, QN, Lines

_MAX_WORDS = 8
_ENDS_SENTENCE = re.compile(r"[.!?:)\"”]$")


def _title(line: str, above: str, below: str, width: float) -> bool:
    text = line.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and len(text) < 0.6 * width
        and text[:1].isupper()
        and not re.search(r"[.,;:]$", text)
        and bool(re.search(r"[A-Za-z]{3}", text))
        and not (BULLET.match(line) or HEADING.match(line) or QN.match(line))
        and (not above or bool(_ENDS_SENTENCE.search(above)))
        and below[:1].isupper()
        and len(below.split()) > _MAX_WORDS
    )


def mark_titles(lines: Lines) -> list[tuple[int, str]]:
    """`(page, line)` pairs with each title line rewritten as `## title`."""
    filled = [(n, ln.strip()) for n, (_, ln) in enumerate(lines) if ln.strip()]
    if len(filled) < 10:
        return list(lines)
    width = median(len(ln) for _, ln in filled)
    out = list(lines)
    for k, (n, text) in enumerate(filled):
        above = filled[k - 1][1] if k else ""
        below = filled[k + 1][1] if k + 1 < len(filled) else ""
        if _title(text, above, below, width):
            out[n] = (lines[n][0], f"## {text}")
    return out
