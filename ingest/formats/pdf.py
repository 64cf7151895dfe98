"""PDF pages → clean lines: running headers, footers and page numbers out, slides printed in
builds folded (slide_builds.py), hyphenated words rejoined, ligatures spelled out; and whether
the PDF is a slide deck (its pages wider than tall and short)."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

from core.errors import LoadError
from core.text import HAN
from ingest.formats.slide_builds import fold_builds

NO_TEXT_LAYER = "no text layer: scanned PDF, OCR it first (e.g. ocrmypdf in.pdf out.pdf)"
_SLIDE_LINES = 20  # a slide's lines, at most, on the median page of a deck
_EDGE = 3  # lines at the top and bottom of a page where running headers and footers live
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HYPHENATED = re.compile(r"(?<=[A-Za-z])-$")
# Compatibility characters that are safe to fold: ligatures, odd spaces, full-width ASCII, and
# the Kangxi radicals some CJK fonts map their glyphs to ("⼀" for "一": the same character to a
# reader, another to search). (Full NFKC would also turn x² into x2 and ½ into 1⁄2, changing
# what formulas say.)
_SAFE_NFKC = re.compile("[\ufb00-\ufb4f\u00a0\u2000-\u200a\u202f\u205f\uff01-\uff5e\u2e80-\u2fdf]")
# Chinese and Japanese are written without spaces: one between two such characters is an
# artefact of where the PDF placed its glyphs ("经久耐 用").
_SPACE_IN_HAN = re.compile(f"(?<=[{HAN}])[ \t]+(?=[{HAN}])")


def pdf_pages(data: bytes) -> list[tuple[int, str, bool]]:
    """(page number, extracted text, wider than tall) for every page; bad files raise
    `LoadError`."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise LoadError("not a PDF (no %PDF header); is the extension wrong?")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(
                "encrypted PDF: save an unprotected copy (e.g. qpdf --decrypt) and ingest that"
            )
        return [
            (n, page.extract_text() or "", _wide(page))
            for n, page in enumerate(reader.pages, start=1)
        ]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"corrupt or truncated PDF ({exc}); re-export or re-download it") from exc
    except Exception as exc:  # pypdf raises many types on malformed input
        if "crypt" in str(exc).lower():
            raise LoadError(
                f"encrypted PDF ({exc}); save an unprotected copy and ingest that"
            ) from exc
        raise LoadError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc


def pdf_lines(data: bytes) -> tuple[list[tuple[int, str]], bool]:
    """(page, line) pairs of a PDF's text, cleaned for parsing, and whether it is a slide deck:
    three or more pages, nearly all wider than tall, with few lines each."""
    pages = pdf_pages(data)
    if not pages:
        raise LoadError("PDF has no pages; re-export it")
    if not any(text.strip() for _, text, _ in pages):
        raise LoadError(NO_TEXT_LAYER)
    split = [(n, [fold(ln).rstrip() for ln in text.split("\n")]) for n, text, _ in pages]
    running = _running_lines(split)
    kept = [(n, _drop_chrome(lines, running)) for n, lines in split]
    lines = [(n, ln) for n, page in fold_builds(kept) for ln in dehyphenate(page)]
    filled = sorted(sum(1 for ln in page if ln.strip()) for _, page in kept)
    deck = (
        len(pages) >= 3
        and sum(wide for _, _, wide in pages) >= 0.8 * len(pages)
        and filled[len(filled) // 2] <= _SLIDE_LINES
    )
    return lines, deck


def _wide(page) -> bool:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    if (page.get("/Rotate") or 0) % 180:
        width, height = height, width
    return width > 1.1 * height


def fold(text: str) -> str:
    text = _CONTROL.sub("", text)  # a glyph the font lacks can come out as a NUL
    text = _SAFE_NFKC.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _SPACE_IN_HAN.sub("", text)


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())


def _edge_rows(lines: list[str]) -> list[int]:
    """Where a page's first and last `_EDGE` non-blank lines stand (all of a short page)."""
    body = [i for i, ln in enumerate(lines) if ln.strip()]
    return body[:_EDGE] + body[-_EDGE:] if len(body) > 2 * _EDGE else body


def _running_lines(pages: list[tuple[int, list[str]]]) -> set[str]:
    """Lines (digits ignored) at a page edge on most pages, or on both pages of two: running
    headers and footers."""
    if len(pages) < 2:
        return set()
    need = 2 if len(pages) == 2 else max(3, 0.6 * len(pages))
    counts = Counter(
        key for _, lines in pages for key in {_key(lines[i]) for i in _edge_rows(lines)}
    )
    return {key for key, n in counts.items() if key and n >= need}


def _drop_chrome(lines: list[str], running: set[str]) -> list[str]:
    """The page without its running lines and page numbers, where they stand (at its edges): the
    same text elsewhere on the page is text."""
    edges = set(_edge_rows(lines))
    return [
        ln
        for i, ln in enumerate(lines)
        if not (i in edges and (_key(ln) in running or _PAGE_NUMBER.match(ln.strip())))
    ]


def dehyphenate(lines: list[str]) -> list[str]:
    """`transfor-` + `mation of …` → `transformation` + `of …` (only before a lowercase word)."""
    out = list(lines)
    for i in range(len(out) - 1):
        nxt = out[i + 1].lstrip()
        if _HYPHENATED.search(out[i]) and nxt[:1].islower():
            word, _, rest = nxt.partition(" ")
            out[i] = out[i][:-1] + word
            out[i + 1] = rest
    return out
