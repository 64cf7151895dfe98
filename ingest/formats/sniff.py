"""What a `.txt` file really is, from its text: an Anki plain-text export (with or without its
header), or reStructuredText saved as text. Anything else is read as Markdown-like text."""

from __future__ import annotations

import re

_INNER_TAB = re.compile(r"[\w.?!)\]>\"”]\t")  # a field's end, then a tab (not "•\t" indenting)


def looks_like_anki_text(text: str) -> bool:
    """Anki's export header; or, headerless (older Anki, other flashcard apps), fields split by
    tabs on a quarter or more of the lines, three at least (tabs that indent do not count)."""
    text = text.lstrip("\ufeff")
    if text.startswith(("#separator:", "#html:", "#notetype", "#deck")):
        return True
    rows = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    tabbed = [ln for ln in rows if _INNER_TAB.search(ln)]
    return len(tabbed) >= 3 and 4 * len(tabbed) >= len(rows)


_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")
# What only reStructuredText writes: `.. directive::`, `.. _target:`, a `::` literal block,
# a `` `text <url>`_ `` link, a `:role:` before backquotes.
_RST_ONLY = re.compile(r"^\.\. \S|::\s*$|`[^`]+<[^>]+>`__?|:[a-z]+:`", re.M)


def looks_like_rst(text: str) -> bool:
    """A `.txt` that is reStructuredText (a Sphinx page saved as text): two or more section
    titles underlined to their length, and something only reStructuredText writes."""
    lines = text.split("\n")
    titles = sum(
        1
        for above, line in zip(lines, lines[1:], strict=False)
        if _UNDERLINE.match(line) and above.strip() and len(line.rstrip()) >= len(above.rstrip())
    )
    return titles >= 2 and bool(_RST_ONLY.search(text))
