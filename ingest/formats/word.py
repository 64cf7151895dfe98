"""Word documents (`.docx`), read with python-docx as the Markdown they stand for: heading styles
as `#` headings, list paragraphs as list items (indented by level), bold runs as `**bold**`,
tables as Markdown tables; each line is located by its paragraph (a table counts as one)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from lxml import etree

from core.errors import LoadError

_HEADING_STYLE = re.compile(r"^heading\s*([1-6])$", re.I)
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an encrypted Office file, or an old-format one misnamed
# What python-docx and python-pptx raise on a package whose parts are missing or malformed.
BROKEN_PACKAGE = (zipfile.BadZipFile, KeyError, ValueError, AttributeError, etree.XMLSyntaxError)


def docx_lines(data: bytes) -> list[tuple[int, str]]:
    """(paragraph number, Markdown line) of a Word document; a clear `LoadError` for anything
    that is not one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    if data.startswith(OLE_MAGIC):
        raise LoadError(
            "an encrypted or old-format (.doc) Word file: open it in Word or LibreOffice and save "
            "it as .docx without a password"
        )
    out: list[tuple[int, str]] = []
    try:
        document = docx.Document(io.BytesIO(data))
        for n, block in enumerate(document.iter_inner_content(), start=1):
            if isinstance(block, Table):
                lines = markdown_table([[cell.text for cell in row.cells] for row in block.rows])
            else:
                lines = [_paragraph(block)]
            out += [(n, line) for line in lines if line is not None] + [(n, "")]
    except (PackageNotFoundError, *BROKEN_PACKAGE) as exc:
        raise LoadError(f"not a readable Word document ({exc}); save it again as .docx") from exc
    if not any(line.strip() for _, line in out):
        raise LoadError("no text in this Word document (only images or empty paragraphs?)")
    return out


def _paragraph(p) -> str | None:
    text = bold_runs((run.text, bool(run.bold)) for run in p.runs).replace("\n", " ")
    if not text.strip():
        return None
    style = (p.style.name if p.style is not None else "") or ""
    if heading := _HEADING_STYLE.match(style):
        return "#" * int(heading[1]) + " " + text.strip()
    if style == "Title":
        return "# " + text.strip()
    numbered = p._p.pPr is not None and p._p.pPr.numPr is not None
    if style.startswith("List") or numbered:
        level = p._p.pPr.numPr.ilvl.val if numbered and p._p.pPr.numPr.ilvl is not None else 0
        marker = "1." if "Number" in style else "-"
        return "    " * level + f"{marker} {text.strip()}"
    return text


def bold_runs(runs: Iterable[tuple[str, bool]]) -> str:
    """A paragraph's text from its (text, bold) runs, the bold ones marked: a question set in bold
    is a bold line."""
    parts = []
    for text, bold in runs:
        if bold and text.strip():
            lead, core, tail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.S).groups()
            text = f"{lead}**{core}**{tail}"
        parts.append(text)
    return re.sub(r"\*\*(\s*)\*\*", r"\1", "".join(parts))


def markdown_table(cells: list[list[str]]) -> list[str]:
    """A table's rows of cell texts as Markdown, the first row its header."""
    rows = [[" ".join(text.split()).replace("|", "\\|") for text in row] for row in cells]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * width]
    return lines + ["| " + " | ".join(r) + " |" for r in body]
