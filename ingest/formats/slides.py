"""PowerPoint decks (`.pptx`), read with python-pptx as the Markdown they stand for: a slide's
title a heading (the title slide's `#`, every other `##`), its text boxes paragraphs, the
paragraphs of a bulleted placeholder list items indented by level, bold runs `**bold**`, tables
Markdown tables, and the speaker notes, which is where a deck keeps what the presenter says
(often the answer to the slide's question), after the slide's own text. Each line is located by
its slide; slide numbers, dates and footers are page furniture and print nothing."""

from __future__ import annotations

import io
import re

from core.errors import LoadError
from ingest.formats.word import BROKEN_PACKAGE, OLE_MAGIC, bold_runs, markdown_table
from ingest.questions import is_question

_BULLET = re.compile(r"^\s*- ")
_PAGE_FURNITURE = {"SLIDE_NUMBER", "DATE", "FOOTER", "HEADER"}
_TITLES = {"TITLE": "##", "CENTER_TITLE": "#", "VERTICAL_TITLE": "##"}
# Placeholders the layout bullets by default (a text box's paragraphs are plain unless marked).
_BULLETED = {"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT"}


def pptx_lines(data: bytes) -> list[tuple[int, str]]:
    """(slide number, Markdown line) of a PowerPoint deck; a clear `LoadError` for anything that
    is not one."""
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    if data.startswith(OLE_MAGIC):
        raise LoadError(
            "an encrypted or old-format (.ppt) PowerPoint file: open it in PowerPoint or "
            "LibreOffice Impress and save it as .pptx without a password"
        )
    out: list[tuple[int, str]] = []
    try:
        for n, slide in enumerate(Presentation(io.BytesIO(data)).slides, start=1):
            out += [(n, line) for line in _slide(slide)]
    except (PackageNotFoundError, *BROKEN_PACKAGE) as exc:
        raise LoadError(f"not a readable PowerPoint deck ({exc}); save it again as .pptx") from exc
    if not any(line.strip() for _, line in out):
        raise LoadError("no text in this deck (only pictures? export the slides' text or a PDF)")
    return out


def _slide(slide) -> list[str]:
    title: list[str] = []
    body: list[str] = []
    for shape in sorted(_shapes(slide.shapes), key=_reading_order):
        kind = _placeholder(shape)
        if kind in _PAGE_FURNITURE:
            continue
        if getattr(shape, "has_table", False):
            rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
            body += markdown_table(rows) + [""]
        elif getattr(shape, "has_text_frame", False) and kind in _TITLES and not title:
            title = _text(shape.text_frame, _TITLES[kind], bulleted=False)
        elif getattr(shape, "has_text_frame", False):
            body += _text(shape.text_frame, None, kind in _BULLETED)
    notes = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
    return slide_markdown(
        title, body, _text(notes, None, bulleted=False) if notes is not None else []
    )


def slide_markdown(title: list[str], body: list[str], notes: list[str]) -> list[str]:
    """A slide's lines: its title, its text, then the speaker notes. A slide that only asks has
    its question head what follows, the notes that answer it."""
    said = [line for line in body if line.strip()]
    if len(said) == 1 and is_question(plain := _BULLET.sub("", said[0]).replace("**", "")):
        body = [f"### {plain}", ""]
    return title + body + notes


def _shapes(shapes):
    """Every shape with text, groups opened."""
    for shape in shapes:
        if hasattr(shape, "shapes"):  # a group
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _reading_order(shape) -> tuple[int, int, int]:
    """The title first, then top to bottom, left to right."""
    title = _placeholder(shape) in _TITLES
    return (0 if title else 1, shape.top or 0, shape.left or 0)


def _placeholder(shape) -> str | None:
    if not shape.is_placeholder:
        return None
    kind = shape.placeholder_format.type
    return kind.name if kind is not None else None


def _text(frame, heading: str | None, bulleted: bool) -> list[str]:
    said = [(p, text) for p in frame.paragraphs if (text := bold_runs(_runs(p)).strip())]
    if heading is not None:
        title = " ".join(" ".join(text.split()) for _, text in said)
        return [f"{heading} {title.replace('**', '')}", ""] if title else []
    lines = []
    for p, text in said:
        first, *more = [line.strip() for line in text.split("\n")]
        if bulleted and not _no_bullet(p) or p.level > 0:
            indent = "    " * p.level
            lines += [f"{indent}- {first}"] + [f"{indent}  {line}" for line in more if line]
        else:
            lines += [first, *more, ""]
    return lines + [""]


def _runs(p) -> list[tuple[str, bool]]:
    """The paragraph's (text, bold) runs, a line break (`<a:br/>`) as a newline."""
    from pptx.text.text import _Run

    runs = []
    for child in p._p:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "r":
            run = _Run(child, p)
            runs.append((run.text, bool(run.font.bold)))
        elif tag == "br":
            runs.append(("\n", False))
        elif tag == "fld":  # a field (a date, a slide number) prints its last value
            runs.append((child.text or "", False))
    return runs


def _no_bullet(p) -> bool:
    """The paragraph switches its placeholder's bullet off (`<a:buNone/>`)."""
    ppr = p._p.pPr
    return ppr is not None and any(child.tag.endswith("}buNone") for child in ppr)
