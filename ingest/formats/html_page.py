"""Web pages and HTML exports (`.html`/`.htm`: a saved page, a Notion or Evernote export), read
as the Markdown that markdownify makes of them: headings, lists, tables and code keep their
shape, so every Markdown rule applies. `<details>` blocks are kept as written, so a folded
answer stays one; scripts, styles, forms and navigation are dropped (cards that a page's script
draws at run time are not in its text, and are not read). Locators count lines of that
Markdown, as the page's text reads from the top."""

from __future__ import annotations

from markdownify import MarkdownConverter

from core.errors import LoadError

_DROPPED = ("nav", "footer", "form", "button", "noscript", "svg", "iframe", "template", "head")


class _Converter(MarkdownConverter):
    def convert_details(self, el, text, parent_tags):
        return f"\n\n<details>\n{text.strip()}\n</details>\n\n"

    def convert_summary(self, el, text, parent_tags):
        return f"\n<summary>{' '.join(text.split())}</summary>\n\n"

    def _drop(self, el, text, parent_tags):
        return ""


for _tag in _DROPPED:
    setattr(_Converter, f"convert_{_tag}", _Converter._drop)


def html_lines(text: str) -> list[tuple[int, str]]:
    """(line, text) of the page as Markdown."""
    markdown = _Converter(
        heading_style="ATX",
        bullets="-",
        escape_misc=False,
        escape_underscores=False,  # snake_case and Q02_Name are words, not emphasis
        escape_asterisks=False,
    ).convert(text)
    lines = [ln.rstrip() for ln in markdown.split("\n")]
    if not any(ln.strip() for ln in lines):
        raise LoadError("no text in this HTML page (is its content drawn by a script?)")
    return list(enumerate(lines, start=1))
