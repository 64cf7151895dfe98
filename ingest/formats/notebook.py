"""Jupyter notebooks (.ipynb, and .py notebooks read by jupytext): Markdown cells read as
Markdown, code cells as fenced code in the notebook's language, outputs left out (results,
images and widgets are not notes). Every line is located by its cell number, which is what a
reader of the notebook can find."""

from __future__ import annotations

import json
import re

from core.errors import LoadError


def notebook_lines(text: str) -> list[tuple[int, str]]:
    """(cell number, line) of every cell with text, a blank line after each cell."""
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid notebook JSON ({exc.msg} at line {exc.lineno}); fix it") from exc
    return cell_lines(nb)


def cell_lines(nb) -> list[tuple[int, str]]:
    """`notebook_lines` of a notebook already read into its nbformat dict."""
    if not isinstance(nb, dict):
        raise LoadError("not a Jupyter notebook (no cells)")
    cells = nb.get("cells")
    if cells is None and isinstance(nb.get("worksheets"), list):  # nbformat 3
        cells = [c for ws in nb["worksheets"] if isinstance(ws, dict) for c in ws.get("cells", [])]
    if not isinstance(cells, list):
        raise LoadError("not a Jupyter notebook (no cells)")
    language = _language(nb.get("metadata"))
    out: list[tuple[int, str]] = []
    for n, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            continue
        source = _text(cell.get("source", cell.get("input", "")))
        if not source.strip():
            continue
        kind = cell.get("cell_type")
        if kind == "code":
            body = _fenced(source, language)
        elif kind == "heading":  # nbformat 3
            level = cell.get("level")
            level = min(max(level, 1), 6) if isinstance(level, int) else 1
            body = ["#" * level + " " + " ".join(source.split())]
        else:  # markdown, raw
            body = source.split("\n")
        out += [(n, line) for line in body] + [(n, "")]
    if not out:
        raise LoadError("empty notebook: no cell has text")
    return out


def _fenced(source: str, language: str) -> list[str]:
    fence = "`" * max(3, 1 + max((len(r) for r in re.findall(r"`+", source)), default=0))
    return [f"{fence}{language}", *source.split("\n"), fence]


def _language(metadata) -> str:
    if not isinstance(metadata, dict):
        return "python"
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        value = metadata.get(key)
        if isinstance(value, dict) and isinstance(value.get(field), str):
            return value[field].strip().split()[0] if value[field].strip() else "python"
    return "python"


def _text(source) -> str:
    if isinstance(source, list):
        return "".join(s for s in source if isinstance(s, str))
    return source if isinstance(source, str) else ""


def cell_spans(lines: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(first, last) index of each cell's lines in `cell_lines`' output (the lines of a cell
    share its number), blank lines at a cell's end left out."""
    out: list[tuple[int, int]] = []
    n = 0
    while n < len(lines):
        end = n
        while end + 1 < len(lines) and lines[end + 1][0] == lines[n][0]:
            end += 1
        last = end
        while last > n and not lines[last][1].strip():
            last -= 1
        out.append((n, last))
        n = end + 1
    return out
