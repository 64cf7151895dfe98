"""Files → lines with locations, or ready-made items for structured decks (CSV/TSV, JSON,
Anki). Every failure is a `LoadError` whose message says what to do."""

from __future__ import annotations

import errno
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import LoadError
from ingest.formats import anki, js_literals, structured, tabular, xml_bank
from ingest.formats.epub import epub_lines
from ingest.formats.html_page import html_lines, script_deck
from ingest.formats.latex import latex_lines
from ingest.formats.matlab import matlab_cells
from ingest.formats.notebook import cell_lines, notebook_lines
from ingest.formats.opendocument import odp_lines, odt_lines
from ingest.formats.pdf import pdf_lines
from ingest.formats.plaintext_markup import asciidoc_lines, org_lines, typst_lines
from ingest.formats.pluto import pluto_cells
from ingest.formats.py_notebook import (
    looks_like_py_notebook,
    py_notebook_lines,
    python_notes,
)
from ingest.formats.rst import rst_lines
from ingest.formats.slides import pptx_lines
from ingest.formats.sniff import looks_like_anki_text, looks_like_rst
from ingest.formats.word import docx_lines
from ingest.items import ParsedItem

# Markdown and its dialects: MDX, Quarto and R Markdown (YAML front matter, then Markdown).
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx", ".qmd", ".rmd"}
TEXT_SUFFIXES = MARKDOWN_SUFFIXES | {".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
TABLE_SUFFIXES = {".csv": None, ".tsv": "\t", ".tab": "\t"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
YAML_SUFFIXES = {".yml", ".yaml"}
RST_SUFFIXES = {".rst", ".rest", ".doctest"}  # doctest pages are reStructuredText
ORG_SUFFIXES = {".org"}
ASCIIDOC_SUFFIXES = {".adoc", ".asciidoc", ".asc"}
TYPST_SUFFIXES = {".typ"}
LATEX_SUFFIXES = {".tex", ".latex"}
ANKI_SUFFIXES = {".apkg", ".colpkg"}
NOTEBOOK_SUFFIXES = {".ipynb"}
PYTHON_SUFFIXES = {".py"}  # a notebook, literate Python or a bank in literals (ingest.discover)
JULIA_SUFFIXES = {".jl"}  # a Pluto notebook
MATLAB_SUFFIXES = {".m"}  # a MATLAB or Octave script in %% sections
# a quiz app's bank kept in JavaScript or TypeScript literals (ingest/formats/js_literals.py)
SCRIPT_SUFFIXES = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
XML_SUFFIXES = {".xml"}
WORD_SUFFIXES = {".docx"}
SLIDES_SUFFIXES = {".pptx"}
OPENDOCUMENT_SUFFIXES = {".odt", ".odp"}
EPUB_SUFFIXES = {".epub"}
SUPPORTED = (
    TEXT_SUFFIXES
    | RST_SUFFIXES
    | ORG_SUFFIXES
    | ASCIIDOC_SUFFIXES
    | TYPST_SUFFIXES
    | LATEX_SUFFIXES
    | PDF_SUFFIXES
    | set(TABLE_SUFFIXES)
    | JSON_SUFFIXES
    | YAML_SUFFIXES
    | ANKI_SUFFIXES
    | NOTEBOOK_SUFFIXES
    | PYTHON_SUFFIXES
    | JULIA_SUFFIXES
    | MATLAB_SUFFIXES
    | SCRIPT_SUFFIXES
    | HTML_SUFFIXES
    | XML_SUFFIXES
    | WORD_SUFFIXES
    | SLIDES_SUFFIXES
    | OPENDOCUMENT_SUFFIXES
    | EPUB_SUFFIXES
)


@dataclass(frozen=True)
class Document:
    """A loaded file: `(location, line)` pairs (location is a line number, a PDF's page or a
    notebook's cell), or, for structured decks, the `items` read from their records. `data` is
    exactly the bytes that were parsed, so their hash describes what was indexed."""

    lines: list[tuple[int, str]]
    # "line", "page" (a PDF), "cell" (a notebook), "paragraph" (Word), "slide" or "chapter" (EPUB)
    unit: str
    encoding: str
    data: bytes = field(default=b"", repr=False)
    items: tuple[ParsedItem, ...] | None = None  # structured formats: no text parsing needed
    warnings: tuple[str, ...] = ()  # records skipped, one line each; the rest was loaded
    format: str = "text"
    deck: tuple[ParsedItem, ...] = ()  # cards a page's script holds, read beside its text

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read(path: Path) -> bytes:
    """The file's bytes, read once: hash these and hand them to `load`."""
    try:
        return path.read_bytes()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError("symlink loop: the link points back at itself") from exc
        raise LoadError(f"cannot read file ({exc.strerror}); check its permissions") from exc


# Editors that export Markdown (GitBook) write a line's trailing space as an entity: "**What is
# X?**&#x20;" is a bold question line all the same.
_TRAILING_SPACE_ENTITY = re.compile(r"(?:\s*&(?:#x20|#32|nbsp|#160|#xa0);)+\s*$", re.IGNORECASE)


def load(path: Path, data: bytes | None = None) -> Document:
    """Load `path`, or parse `data` as if it were that file's content (read once, so the bytes
    hashed are the bytes parsed)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        kinds = ", ".join(sorted(SUPPORTED))
        raise LoadError(f"unsupported file type {suffix or '(none)'}; studybot reads {kinds}")
    if data is None:
        data = read(path)
    if not data.strip():
        raise LoadError("empty file: nothing to index")
    if suffix in PDF_SUFFIXES:
        lines, deck = pdf_lines(data)
        return Document(lines, "page", "pdf", data, format="pdf slides" if deck else "pdf")
    if suffix in WORD_SUFFIXES:
        return Document(docx_lines(data), "paragraph", "docx", data, format="word")
    if suffix in SLIDES_SUFFIXES:
        return Document(pptx_lines(data), "slide", "pptx", data, format="powerpoint")
    if suffix == ".odt":
        return Document(odt_lines(data), "paragraph", "odt", data, format="opendocument text")
    if suffix == ".odp":
        return Document(odp_lines(data), "slide", "odp", data, format="opendocument slides")
    if suffix in EPUB_SUFFIXES:
        return Document(epub_lines(data), "chapter", "epub", data, format="epub")
    if suffix in ANKI_SUFFIXES:
        records = anki.read_apkg(data)
        return _structured(records, data, "binary", "anki deck")
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in XML_SUFFIXES:
        return _structured(xml_bank.read_xml(data, text), data, encoding, "xml", text)
    if suffix in TABLE_SUFFIXES:
        records = tabular.read_delimited(text, TABLE_SUFFIXES[suffix])
        return _structured(records, data, encoding, suffix[1:], text)
    if suffix == ".json":
        return _structured(structured.read_json(text), data, encoding, "json", text)
    if suffix in JSON_SUFFIXES:
        return _structured(structured.read_jsonl(text), data, encoding, "jsonl", text)
    if suffix in YAML_SUFFIXES:
        return _structured(structured.read_yaml(text), data, encoding, "yaml", text)
    if suffix in PYTHON_SUFFIXES and looks_like_py_notebook(text):
        return Document(py_notebook_lines(text), "cell", encoding, data, format="py notebook")
    if suffix in PYTHON_SUFFIXES:
        return _python(text, data, encoding)
    if suffix in SCRIPT_SUFFIXES:
        return _structured(js_literals.read_script(text), data, encoding, "javascript", text)
    if suffix in JULIA_SUFFIXES:
        return Document(
            cell_lines(pluto_cells(text)), "cell", encoding, data, format="pluto notebook"
        )
    if suffix in MATLAB_SUFFIXES:
        return Document(cell_lines(matlab_cells(text)), "cell", encoding, data, format="matlab")
    if looks_like_anki_text(text):
        return _structured(anki.read_anki_text(text), data, encoding, "anki text", text)
    if suffix in HTML_SUFFIXES and (deck := script_deck(text)) is not None:
        return _structured(deck, data, encoding, "html deck", text)
    if suffix in HTML_SUFFIXES:
        return Document(html_lines(text), "line", encoding, data, format="html")
    if suffix in NOTEBOOK_SUFFIXES:
        return Document(notebook_lines(text), "cell", encoding, data, format="notebook")
    if suffix in RST_SUFFIXES or suffix == ".txt" and looks_like_rst(text):
        return Document(rst_lines(text), "line", encoding, data, format="restructuredtext")
    if suffix in ORG_SUFFIXES:
        return Document(org_lines(text), "line", encoding, data, format="org")
    if suffix in ASCIIDOC_SUFFIXES:
        return Document(asciidoc_lines(text), "line", encoding, data, format="asciidoc")
    if suffix in TYPST_SUFFIXES:
        return Document(typst_lines(text), "line", encoding, data, format="typst")
    if suffix in LATEX_SUFFIXES:
        return Document(latex_lines(text), "line", encoding, data, format="latex")
    lines = [_TRAILING_SPACE_ENTITY.sub("", line) for line in text.split("\n")]
    fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    # A post that ends in a quiz its script draws: the text is notes, the script's deck cards.
    deck = script_deck(text) if suffix in MARKDOWN_SUFFIXES else None
    cards = tuple(deck.items) if deck is not None else ()
    return Document(list(enumerate(lines, start=1)), "line", encoding, data, format=fmt, deck=cards)


def _python(text: str, data: bytes, encoding: str) -> Document:
    """A .py file of notes: a marimo notebook, a bank kept in literals, or literate Python
    (Markdown docstrings)."""
    fmt, found = python_notes(text)
    if isinstance(found, tabular.Records):
        return _structured(found, data, encoding, fmt, text)
    return Document(cell_lines({"cells": found}), "cell", encoding, data, format=fmt)


def _structured(
    records: tabular.Records, data: bytes, encoding: str, fmt: str, text: str = ""
) -> Document:
    if not records.items:
        reasons = "; ".join(records.warnings[:3]) or "no records"
        raise LoadError(f"no questions found in this {fmt} file ({reasons})")
    if text:
        lines = list(enumerate(text.split("\n"), start=1))
    else:
        lines = [(it.start, f"{it.question}\n{it.answer}".strip()) for it in records.items]
    return Document(
        lines, "line", encoding, data, tuple(records.items), tuple(records.warnings), fmt
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decode text that may not be UTF-8: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else cp1252, else latin-1 (which never fails). Binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if _looks_binary(data):
        raise LoadError(
            "binary data, not text (wrong extension?); convert it to .md/.txt/.pdf or remove it"
        )
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(sample) * 0.05
