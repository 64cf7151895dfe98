"""Web pages and HTML exports (`.html`/`.htm`: a saved page, a Notion or Evernote export), read
as the Markdown that markdownify makes of them: headings, lists, tables and code keep their
shape, so every Markdown rule applies. `<details>` blocks are kept as written, so a folded
answer stays one; scripts, styles, forms and navigation are dropped. A flashcard app that keeps
its deck in a script as a literal (`const CARDS = [{title: "…", whatItIs: "…"}, …]`) is read as
that deck: the literal is parsed, never run (cards a script fetches or computes
are not read). Locators count lines of that Markdown, as the page's text reads from the top."""

from __future__ import annotations

import html
import re

from markdownify import MarkdownConverter

from core.errors import LoadError
from ingest.formats.js_literals import assigned_literals
from ingest.formats.structured import read_data
from ingest.formats.tabular import Records

# An XML declaration or processing instruction (`<?xml version="1.0"?>` heads XHTML) says nothing.
_PROCESSING = re.compile(r"<\?[a-zA-Z][^>]*\?>")
_DROPPED = ("nav", "footer", "form", "button", "noscript", "svg", "iframe", "template", "head")


class _Converter(MarkdownConverter):
    def convert_details(self, el, text, parent_tags):
        return f"\n\n<details>\n{text.strip()}\n</details>\n\n"

    def convert_summary(self, el, text, parent_tags):
        return f"\n<summary>{' '.join(text.split())}</summary>\n\n"

    def _drop(self, el, text, parent_tags):
        return ""

    def convert_span(self, el, text, parent_tags):
        # a section number pandoc, bookdown or Quarto prints before a title ("17.1 p-value")
        return "" if "header-section-number" in (el.get("class") or []) else text


for _tag in _DROPPED:
    setattr(_Converter, f"convert_{_tag}", _Converter._drop)


def html_lines(text: str) -> list[tuple[int, str]]:
    """(line, text) of the page as Markdown."""
    if (slides := remark_lines(text)) is not None:
        return slides
    markdown = _Converter(
        heading_style="ATX",
        bullets="-",
        escape_misc=False,
        escape_underscores=False,  # snake_case and Q02_Name are words, not emphasis
        escape_asterisks=False,
    ).convert(_PROCESSING.sub("", text))
    lines = [ln.rstrip() for ln in markdown.split("\n")]
    if not any(ln.strip() for ln in lines):
        raise LoadError("no text in this HTML page (is its content drawn by a script?)")
    return list(enumerate(lines, start=1))


_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)
_LEAST_CARDS = 3


def script_deck(text: str) -> Records | None:
    """The deck a page's script assigns as a literal to a variable (JavaScript's object syntax,
    read by ingest/formats/js_literals.py, never run), read as a JSON bank under the variable's
    name (`CARDS` says its records are cards); None when no literal holds three cards or more."""
    for script in _SCRIPT.finditer(text):
        for name, value in assigned_literals(script.group(1)).items():
            try:
                records = read_data({name: value}, text)
            except LoadError:
                continue
            if len(records.items) >= _LEAST_CARDS:
                return records
    return None


# A remark.js slide deck keeps its slides as Markdown in `<textarea id="source">`.
_REMARK_SOURCE = re.compile(
    r"<textarea\b[^>]*\bid=[\"']source[\"'][^>]*>(.*?)</textarea\s*>", re.S | re.I
)
_SLIDE_PROPERTY = re.compile(r"^\s*(?:class|name|layout|template|count|background-image)\s*:", re.I)
_CLASS_OPEN = re.compile(r"\.[\w-]+\[")  # `.center[`: a styled block whose `]` closes later


def remark_lines(text: str) -> list[tuple[int, str]] | None:
    """(line, text) of a remark.js deck's slides, read as the Markdown they are written in:
    slide breaks (`---`, `--`) and slide properties (`class: center`) print nothing, presenter
    notes after `???` are the slide's text, `.center[…]` keeps what it styles, `#Title` is a
    title. None for any other page."""
    m = _REMARK_SOURCE.search(text)
    if m is None or "remark" not in text[m.end() :].lower():
        return None
    first = text.count("\n", 0, m.start(1)) + 1
    out = []
    for n, line in enumerate(html.unescape(m.group(1)).split("\n")):
        bare = line.strip()
        if bare in ("---", "--", "???", "]") or _SLIDE_PROPERTY.match(line):
            line = ""
        line = re.sub(r"^(#{1,6})(?=[^\s#])", r"\1 ", _CLASS_OPEN.sub("", line))
        out.append((first + n, line.rstrip()))
    return out
