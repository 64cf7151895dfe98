"""Display text from markup: HTML through an HTML parser, Markdown links through markdown-it.

Only markup is removed; the words, code and LaTeX of a note stay as written.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

# Elements that are formatting, never content. Anything else that looks like a tag stays as
# text: notes about LLMs quote `<|im_start|>`, `</s>` and `<pad>` as content.
_MARKUP_TAGS = frozenset(
    "a abbr article aside b big blockquote br caption center cite code dd del details div dl dt"
    " em fieldset figcaption figure font h1 h2 h3 h4 h5 h6 hr i img ins kbd legend li mark nav"
    " ol p pre section small span strong sub summary sup table tbody td tfoot th thead tr tt u"
    " ul".split()
)
# Elements whose names notes also use as placeholders ("Translate <input> into French"): markup
# when written with attributes (`<input type="radio" …>`), and so is the end tag that closes one.
_ATTRIBUTED_TAGS = frozenset("label input button select option textarea form header footer".split())
_BLOCK_TAGS = frozenset(
    "br div p li tr h1 h2 h3 h4 h5 h6 hr blockquote pre dt dd label section article figure"
    " figcaption".split()
)
_DROPPED_TAGS = frozenset({"script", "style", "head", "title", "noscript"})
_HTML_HINT = re.compile(r"<[A-Za-z/!]|&[#\w]+;")
_MD_HINT = re.compile(r"\]\(|!\[|\]\[|<https?:")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)")
# Brackets written empty, not emptied by a dropped image or citation: `f()`, `x[]`, kept.
_WRITTEN_EMPTY = re.compile(r"(?<!\])\(\)|\[\](?!\()")
_KEPT = {"()": "\x01", "[]": "\x02"}
# A reference link, `[text][ref]` (and mkdocs-autorefs' `[`Agent`][pydantic_ai.Agent]`), whose
# definition is elsewhere or resolved at build time: its text. Not `a[i][j]`, an index.
_REFERENCE_LINK = re.compile(r"(?<![\w\])!`])\[([^\[\]\n]+)\]\[([^\[\]\n]+)\]")
_BRACKETED_LINK = re.compile(r"\[\s*\0\d+\0\s*\]")
_LINK = re.compile(r"\0(\d+)\0")
_SPACES = re.compile(r"[ \t]{2,}")


class _TextOf(HTMLParser):
    """Text of an HTML fragment; block elements become line breaks when `blocks` is set."""

    def __init__(self, blocks: bool):
        super().__init__(convert_charrefs=True)
        self.blocks = blocks
        self.out: list[str] = []
        self.skip = 0
        self.open: dict[str, int] = {}  # attributed elements open, by name

    def _markup(self, tag: str, attrs: list) -> bool:
        if tag in _ATTRIBUTED_TAGS and attrs:
            self.open[tag] = self.open.get(tag, 0) + 1
        return tag in _MARKUP_TAGS or tag in _ATTRIBUTED_TAGS and bool(attrs)

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED_TAGS:
            self.skip += 1
        elif not self._markup(tag, attrs):
            self.out.append(self.get_starttag_text() or "")
        elif self.blocks and tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_startendtag(self, tag, attrs):
        if not self._markup(tag, attrs) and tag not in _DROPPED_TAGS:
            self.out.append(self.get_starttag_text() or "")
        elif self.blocks and tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        closes = self.open.get(tag, 0) > 0
        if closes:
            self.open[tag] -= 1
        if tag in _DROPPED_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag not in _MARKUP_TAGS and not closes:
            self.out.append(f"</{tag}>")
        elif self.blocks and tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def parse_marked_section(self, i, report=1):
        # the standard library asserts on a section it does not know (`<![CDATAx[…]]>`): text
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.out.append("<![")
            return i + 3


def strip_html(text: str, blocks: bool = False) -> str:
    """Remove HTML elements and comments, decode entities; keep unknown `<tags>` as text."""
    if not _HTML_HINT.search(text):
        return text
    parser = _TextOf(blocks)
    parser.feed(text)
    parser.close()
    # An unterminated `<…` at the end is held back by the parser: it is text.
    out = "".join(parser.out) + parser.rawdata
    return html.unescape(out) if "&" in out else out


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark").use(dollarmath_plugin, double_inline=True)
    return md.disable("text_join")  # keep escapes apart, so `\(x\)` stays as written


def strip_links(text: str) -> str:
    """Markdown links become their text; images and citation debris (`[[src](url)]`,
    `[[1]](url)`) go; everything else, LaTeX included, is left exactly as written."""
    if not _MD_HINT.search(text):
        return text
    if "][" in text:
        text = _REFERENCE_LINK.sub(r"\1", text)
    text = _WRITTEN_EMPTY.sub(lambda m: _KEPT[m.group(0)], text)
    tokens = _markdown().parseInline(text)
    out: list[str] = []
    labels: list[str] = []
    link: list[str] | None = None
    for tok in tokens[0].children or []:
        kind = tok.type
        if kind == "link_open":
            link = []
            continue
        if kind == "link_close":
            label = "".join(link or []).strip()
            link = None
            if not (label.startswith("[") and label.endswith("]")):
                out.append(f"\0{len(labels)}\0")
                labels.append(label)
            continue
        target = link if link is not None else out
        if kind == "image":
            continue
        if kind in ("text", "html_inline"):
            target.append(tok.content)
        elif kind == "text_special":
            target.append(tok.markup if tok.info == "escape" else tok.content)
        elif kind in ("code_inline", "math_inline", "math_inline_double"):
            target.append(f"{tok.markup}{tok.content}{tok.markup}")
        elif kind in ("softbreak", "hardbreak"):
            target.append(" ")
        else:  # em/strong open and close: keep the author's emphasis markers
            target.append(tok.markup)
    # A link wrapped in brackets, `[[src](url)]`, is a citation marker, not words.
    cleaned = _BRACKETED_LINK.sub("", "".join(out))
    cleaned = _LINK.sub(lambda m: labels[int(m.group(1))], cleaned)
    cleaned = _EMPTY_BRACKETS.sub("", cleaned)
    cleaned = cleaned.replace(_KEPT["()"], "()").replace(_KEPT["[]"], "[]")
    return _SPACES.sub(" ", cleaned).rstrip()


# A task-list box: `- [ ] option` reads "- option", a ticked `- [x] option` reads "- ✓ option".
_TASK_BOX = re.compile(r"^(\s*[-*+]\s+)\[([ xX])\]\s+")


def _task_box(m: re.Match) -> str:
    return m.group(1) + ("" if m.group(2) == " " else "✓ ")


# A footnote reference, `claim[^1]` or `… [^glassdoor-google-ds]` (its definition line,
# `[^1]: source`, starts with one and stays, as the footnote's text).
_FOOTNOTE_REF = re.compile(r"\s*\[\^[^\]\s]+\](?!:)")


# A wiki link (Obsidian, Foam, Roam): `[[Page]]`, `[[Page#Heading]]`, `[[Page|shown text]]`; an
# embed `![[file.png]]`; and an AsciiDoc anchor, `[[id]]` alone on its line.
_WIKILINK = re.compile(
    r"(?<!\w)(!?)\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]+))?\]\](?!\()"
)
_ANCHOR_LINE = re.compile(r"^\s*\[\[[\w-]+\]\]\s*$")


def _wikilink(m: re.Match) -> str:
    return "" if m.group(1) else (m.group(3) or m.group(2)).strip()


def _wikilinks(text: str) -> str:
    return _WIKILINK.sub(_wikilink, text)


_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def _outside_code_spans(text: str, fix) -> str:
    """`fix` applied to the text outside inline code (`` `x = a[[1]]` `` is code, kept)."""
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out += [fix(text[pos : m.start()]), m.group(0)]
        pos = m.end()
    return "".join([*out, fix(text[pos:])])


# A MyST role: {term}`Environment`, {ref}`the guide <setup>`: it prints its text (or title).
# Not inside a code span: `{Matrix}` names an R package.
_MYST_ROLE = re.compile(r"(?<![`\w])\{[a-z][\w:.+-]*\}(`+)(?P<text>[^`]+?)(?:\s*<[^<>`]*>)?\1(?!`)")


# Python-Markdown's attribute lists right after a link, image, code span or emphasis
# (`[x](#x){ #anchor }`, `{target=_blank}`, pandoc-crossref's `![…](f.png){#fig:nfl}`) or as a
# block's `{: .note }`, and MkDocs Material's
# icon shortcodes (`:octicons-link-external-16:`): page markup, never shown. (LaTeX's braces,
# `\sum_{i=1}`, follow none of those.)
_ATTR = r"(?:[#.][\w-]+(?::[\w-]+)?|[A-Za-z][\w-]*=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
_DECORATION = re.compile(
    rf"(?:(?<=[)\]`*])\{{\s*:?|\s?\{{:)\s*{_ATTR}(?:\s+{_ATTR})*\s*\}}"
    r"|\s?:(?:octicons|material|fontawesome|simple)-[\w-]+:"
)


# Letters styled by Unicode code point (𝘞𝘩𝘢𝘵 𝘪𝘴, 𝐁𝐨𝐥𝐝: "fancy text" pasted from social posts):
# the Mathematical Alphanumeric Symbols block, read as the letters and digits they style.
_STYLED_LETTERS = re.compile("[\U0001d400-\U0001d7ff]+")


def plain_letters(text: str) -> str:
    """Styled letters and digits as plain ones, so "𝘱-𝘷𝘢𝘭𝘶𝘦" is found by "p-value"."""
    return _STYLED_LETTERS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def clean_line(text: str) -> str:
    """One line of stored text: HTML comments and elements out, links (wiki links too) to
    their text, MyST roles to what they print, footnote references out, task-list boxes to a
    tick or nothing, attribute lists and icon shortcodes out, styled letters plain."""
    text = plain_letters(text)
    text = _MYST_ROLE.sub(lambda m: m["text"], text) if "}`" in text else text
    if _DECORATION.search(text):
        text = _outside_code_spans(text, lambda part: _DECORATION.sub("", part))
    text = _FOOTNOTE_REF.sub("", text) if "[^" in text else text
    if "[[" in text:
        text = "" if _ANCHOR_LINE.match(text) else _outside_code_spans(text, _wikilinks)
    return _TASK_BOX.sub(_task_box, strip_links(strip_html(text))).rstrip()


# A fenced code block, fences included.
_FENCED = re.compile(r"(^[ \t]*(?:```|~~~)[^\n]*\n.*?^[ \t]*(?:```|~~~)[ \t]*$)", re.M | re.S)


def clean_field(text: str) -> str:
    """A flashcard field (HTML): block elements to line breaks, media references dropped,
    styled letters plain; a fenced code block in it is left as written."""
    text = plain_letters(re.sub(r"\[sound:[^\]]*\]", "", text))
    parts = _FENCED.split(text)  # odd parts are code blocks
    text = "".join(p if n % 2 else strip_html(p, blocks=True) for n, p in enumerate(parts))
    text = text.replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln).strip()
