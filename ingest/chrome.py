"""Web-page chrome in copied or saved pages, found by general rules rather than one site's
strings: reading-time lines, menus whose labels ran together, tables of contents,
reader-assistant and call-to-action widgets, and the one-word buttons that sit next to them.
Short lines at the top of a document are not taken for a menu: they are its title far more often
(a PDF's title and subtitle, a note's first section)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_READING_META = re.compile(
    r"^(?:[\d.,]+\s*[kKmM]?\s*(?:min(?:ute)?s?(?:\s+read)?|words?|views?|likes?|claps?"
    r"|comments?|reads?)\b[\s·•|,-]*)+$",
    re.I,
)
# Phrases a page uses to talk to its reader about the page itself, not about the subject.
_WIDGET = re.compile(
    r"\b(?:ask me anything|feel free to ask|(?:your|an?) (?:\w+ )?(?:learning|ai|virtual|chat)"
    r" assistant|was this (?:page|article|answer) helpful|back to top|edit this page"
    r"|skip to (?:main )?content|subscribe to (?:our|my|the) newsletter"
    r"|share this (?:page|article|post))\b",
    re.I,
)
# Link labels run together when a menu is copied as text: "HomeBlogAbout".
_RUN_TOGETHER = re.compile(r"^(?:[A-Z][a-z]+){3,}$")
# A list entry that only links to an anchor on the same page: a table of contents.
_TOC_ENTRY = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\[[^\]]+\]\(#[^)\s]*\)\s*$")
_STRUCTURE = re.compile(r"^\s*(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|\?\?\?|!!!|Q\d|\||```|<)")


def _is_button(line: str) -> bool:
    """One or two words, no sentence punctuation: a button or menu label."""
    words = line.split()
    return 0 < len(words) <= 2 and not re.search(r"[.?!:,;]$", line)


def chrome_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of lines that are page chrome."""
    drop: set[int] = set()
    for i, raw in enumerate(lines):
        line = raw.strip()
        if _TOC_ENTRY.match(raw):
            drop.add(i)
            continue
        if not line or _STRUCTURE.match(raw):
            continue
        if _READING_META.match(line) or _RUN_TOGETHER.match(line) or _WIDGET.search(line):
            drop.add(i)
    # Buttons next to widget text ("Chat" under "Ask me anything") are part of the widget.
    for i in sorted(drop):
        if _TOC_ENTRY.match(lines[i]):
            continue
        for j in (i - 1, i + 1):
            near = 0 <= j < len(lines) and j not in drop
            if near and _is_button(lines[j].strip()) and not _STRUCTURE.match(lines[j]):
                drop.add(j)
    return drop


def drop_chrome(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    gone = chrome_lines([line for _, line in lines])
    return [pair for i, pair in enumerate(lines) if i not in gone]
