"""OpenDocument files, as LibreOffice and Google Docs save them, read with odfpy as the Markdown
they stand for. A text document (`.odt`) as Word's: headings `#`, the Title style `#`, list items
indented by level, bold spans `**bold**`, tables Markdown tables, each line located by its
paragraph. A presentation (`.odp`) as PowerPoint's: a slide's title a heading, its text boxes
and lists, then its speaker notes, each line located by its slide; page numbers, dates, footers
and headers print nothing. Tables of contents and indexes repeat the headings: they print
nothing either, and nor do footnotes and comments, which would cut a sentence in two."""

from __future__ import annotations

import io
import re
import zipfile

from core.errors import LoadError
from ingest.formats.slides import slide_markdown
from ingest.formats.word import bold_runs, markdown_table

_KINDS = {".odt": ("text", "LibreOffice Writer"), ".odp": ("presentation", "LibreOffice Impress")}
_SKIPPED = {
    "note",  # a footnote: its citation mark and body, set inside the sentence
    "annotation",
    "annotation-end",
    "table-of-content",
    "alphabetical-index",
    "illustration-index",
    "table-index",
    "object-index",
    "user-index",
    "bibliography",
    "sequence-decls",
    "variable-decls",
    "tracked-changes",
}
_FURNITURE = {"page-number", "date-time", "footer", "header"}
_BOLD = {"bold", "600", "700", "800", "900"}
# The mark `_block` gives a heading or a list item gives its first line, taken off once.
_MARK = re.compile(r"^(?:#{1,6}|-|\d+\.)\s+")
_UNIT_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}


def odt_lines(data: bytes) -> list[tuple[int, str]]:
    """(paragraph number, Markdown line) of an OpenDocument text; a clear `LoadError` for
    anything that is not one."""
    doc = _open(data, ".odt")
    styles = _Styles(doc)
    out: list[tuple[int, str]] = []
    for block in _blocks(doc.text.childNodes):
        n = out[-1][0] + 1 if out else 1
        out += [(n, line) for line in _block(block, styles, 0)] + [(n, "")]
    if not any(line.strip() for _, line in out):
        raise LoadError("no text in this document (only images or empty paragraphs?)")
    return out


def odp_lines(data: bytes) -> list[tuple[int, str]]:
    """(slide number, Markdown line) of an OpenDocument presentation; a clear `LoadError` for
    anything that is not one."""
    doc = _open(data, ".odp")
    styles = _Styles(doc)
    pages = [node for node in doc.presentation.childNodes if _tag(node) == "page"]
    out: list[tuple[int, str]] = []
    for n, page in enumerate(pages, start=1):
        out += [(n, line) for line in _slide(page, styles)]
    if not any(line.strip() for _, line in out):
        raise LoadError("no text in this presentation (only pictures? export the slides' text)")
    return out


def _open(data: bytes, suffix: str):
    from odf.opendocument import load

    kind, app = _KINDS[suffix]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        manifest = archive.read("META-INF/manifest.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise LoadError(
            f"not a readable OpenDocument file ({exc}); open it in {app} and save it as {suffix}"
        ) from exc
    if b"encryption-data" in manifest:
        raise LoadError(
            f"a password-protected document: open it in {app} and save it without a password"
        )
    if not mimetype.endswith(f"opendocument.{kind}"):
        raise LoadError(f"this {suffix} file holds {mimetype or 'no known type'}, not {kind}")
    try:
        return load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises whatever its XML parser or zip reader raised
        raise LoadError(f"not a readable OpenDocument file ({exc}); save it again") from exc


def _tag(node) -> str:
    return node.qname[1] if node.nodeType == node.ELEMENT_NODE else ""


def _attr(node, name: str) -> str:
    """An attribute by its local name, whatever its namespace."""
    return next((v for (_, local), v in node.attributes.items() if local == name), "")


def _blocks(nodes):
    """Paragraphs, headings, lists and tables in reading order; sections opened."""
    for node in nodes:
        tag = _tag(node)
        if tag in ("section", "text-box", "list-header"):
            yield from _blocks(node.childNodes)
        elif tag in ("p", "h", "list", "table"):
            yield node


def _block(node, styles: _Styles, level: int) -> list[str]:
    tag = _tag(node)
    if tag == "table":
        return markdown_table(_rows(node, styles)) + [""]
    if tag == "list":
        return _list(node, styles, level)
    text = bold_runs(_runs(node, styles, styles.bold(_attr(node, "style-name"))))
    text = " ".join(line.strip() for line in text.split("\n")).strip()
    if not text:
        return []
    if tag == "h":
        depth = min(max(int(_attr(node, "outline-level") or 1), 1), 6)
        return ["#" * depth + " " + text.replace("**", "")]
    if styles.is_title(_attr(node, "style-name")):
        return ["# " + text.replace("**", "")]
    return [text]


def _list(node, styles: _Styles, level: int) -> list[str]:
    marker = "1." if styles.numbered(_attr(node, "style-name"), level) else "-"
    lines: list[str] = []
    for item in node.childNodes:
        if _tag(item) not in ("list-item", "list-header"):
            continue
        first = True
        for block in _blocks(item.childNodes):
            if _tag(block) == "list":
                lines += _list(block, styles, level + 1)
                continue
            for line in _block(block, styles, level):
                lead = f"{marker} " if first else "  " + " " * len(marker)
                text = _MARK.sub("", line) if _tag(block) == "h" else line
                lines.append("    " * level + lead + text.strip())
                first = False
    return lines


def _runs(node, styles: _Styles, bold: bool):
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            yield child.data, bold
            continue
        tag = _tag(child)
        if tag == "s":
            yield " " * int(_attr(child, "c") or 1), bold
        elif tag == "tab":
            yield "\t", bold
        elif tag == "line-break":
            yield "\n", False
        elif tag == "span":
            yield from _runs(child, styles, bold or styles.bold(_attr(child, "style-name")))
        elif tag not in _SKIPPED and tag not in ("frame", "custom-shape"):
            yield from _runs(child, styles, bold)  # a link, a field, a ruby base


def _rows(table, styles: _Styles) -> list[list[str]]:
    rows = []
    for node in table.childNodes:
        tag = _tag(node)
        if tag in ("table-header-rows", "table-rows", "table-row-group"):
            rows += _rows(node, styles)
        elif tag == "table-row":
            cells = [c for c in node.childNodes if _tag(c) == "table-cell"]
            rows.append([" ".join(_cell(c, styles)) for c in cells])
    return rows


def _cell(cell, styles: _Styles) -> list[str]:
    return [line for block in _blocks(cell.childNodes) for line in _block(block, styles, 0)]


def _slide(page, styles: _Styles) -> list[str]:
    title: list[str] = []
    body: list[str] = []
    notes: list[str] = []
    heading = "#" if any(_attr(f, "class") == "subtitle" for f in _frames(page)) else "##"
    for frame in sorted(_frames(page), key=_reading_order):
        role = _attr(frame, "class")
        if role in _FURNITURE:
            continue
        lines = [line for block in _blocks(_content(frame)) for line in _block(block, styles, 0)]
        if role == "title" and not title:
            said = " ".join(_MARK.sub("", line.replace("**", "")).strip() for line in lines)
            title = [f"{heading} {said.strip()}", ""] if said.strip() else []
        elif lines:
            body += _paragraphs(lines)
    for part in page.childNodes:
        if _tag(part) == "notes":
            for frame in _frames(part):
                if _attr(frame, "class") == "notes":
                    blocks = _blocks(_content(frame))
                    notes += _paragraphs([ln for b in blocks for ln in _block(b, styles, 0)])
    return slide_markdown(title, body, notes)


def _frames(page):
    """The slide's text-bearing shapes, groups opened."""
    for node in page.childNodes:
        tag = _tag(node)
        if tag == "g":
            yield from _frames(node)
        elif tag in ("frame", "custom-shape", "rect", "ellipse"):
            yield node


def _content(frame) -> list:
    """What a shape holds: its text box's or table's nodes, or its own paragraphs."""
    inner = [c for c in frame.childNodes if _tag(c) in ("text-box", "table")]
    return inner or list(frame.childNodes)


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines of one shape, a blank line after each paragraph (list items stay together)."""
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not re.match(r"^\s*(?:-|\d+\.)\s|^\s*\|", line):
            out.append("")
    return out + [""]


def _reading_order(frame) -> tuple[int, float, float]:
    """The title first, then top to bottom, left to right."""
    return (0 if _attr(frame, "class") == "title" else 1, _cm(frame, "y"), _cm(frame, "x"))


def _cm(frame, name: str) -> float:
    if m := re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", _attr(frame, name)):
        try:
            return float(m[1]) * _UNIT_CM.get(m[2], 1.0)
        except ValueError:
            pass
    return 0.0


class _Styles:
    """What a document's named and automatic styles say: bold text, the Title paragraph style,
    numbered list levels. Each style may inherit from its parent."""

    def __init__(self, doc):
        self._styles: dict[str, tuple[str, bool]] = {}
        self._numbered: dict[str, set[int]] = {}
        for root in (doc.styles, doc.automaticstyles):
            for node in root.childNodes:
                name = _attr(node, "name")
                if _tag(node) == "style":
                    weights = {_attr(c, "font-weight") for c in node.childNodes}
                    self._styles[name] = (_attr(node, "parent-style-name"), bool(weights & _BOLD))
                elif _tag(node) == "list-style":
                    self._numbered[name] = {
                        int(_attr(level, "level") or 1) - 1
                        for level in node.childNodes
                        if _tag(level) == "list-level-style-number" and _attr(level, "num-format")
                    }

    def _chain(self, name: str):
        seen = set()
        while name and name not in seen and name in self._styles:
            seen.add(name)
            yield name, self._styles[name][1]
            name = self._styles[name][0]

    def bold(self, name: str) -> bool:
        return any(bold for _, bold in self._chain(name))

    def is_title(self, name: str) -> bool:
        return any(style == "Title" for style, _ in self._chain(name))

    def numbered(self, name: str, level: int) -> bool:
        return level in self._numbered.get(name, set())
