"""Setext headings, a title underlined with `===` (level 1) or `---` (level 2), rewritten as the
ATX headings (`# …`, `## …`) the line-by-line reader knows. CommonMark decides what is one
(markdown-it-py): `---` under a list item or after a blank line stays a rule, and a title over
several lines is one heading. In a slide deck (reveal-md, Marp), whose slides `---` lines
separate, a `---` its author set under a slide's last line separates slides too."""

from __future__ import annotations

import re

from ingest.lines import in_code

_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")


def setext_headings(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each setext heading as an ATX heading on its first line; its other title lines and its
    underline left blank, so every line keeps its location."""
    if not any(_UNDERLINE.match(line) for _, line in lines):
        return lines
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse("\n".join(line for _, line in lines))
    code = in_code(lines)  # the reader's own idea of code wins where the two differ
    deck = _slide_deck(lines, code)
    out = list(lines)
    for n, token in enumerate(tokens):
        if token.type != "heading_open" or token.markup not in ("=", "-") or not token.map:
            continue
        first, end = token.map  # the title's lines and the underline, end exclusive
        if any(code[first:end]) or (deck and lines[end - 1][1].strip() == "---"):
            continue  # in a deck, `---` under the slide's last line ends the slide
        if lines[first][1].lstrip().startswith(":::"):
            continue  # a fenced div's fence (pandoc, MyST) is no title
        title = " ".join(tokens[n + 1].content.split())
        for k in range(first, end):
            out[k] = (out[k][0], "")
        out[first] = (out[first][0], f"{'#' * int(token.tag[1])} {title}")
    return out


_DECK_SLIDES = 5  # `---` rules standing alone that make a document a deck


def _slide_deck(lines: list[tuple[int, str]], code: list[bool]) -> bool:
    """Separates five or more slides with `---` lines standing between blank lines."""
    texts = [line.strip() for _, line in lines]
    rules = sum(
        1
        for k in range(1, len(texts) - 1)
        if texts[k] == "---" and not code[k] and not texts[k - 1] and not texts[k + 1]
    )
    return rules >= _DECK_SLIDES
