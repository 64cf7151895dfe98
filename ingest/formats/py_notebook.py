"""Notebooks kept as Python scripts, read by jupytext: the percent format (`# %%` cells, VS Code
and Spyder write it), with Markdown in its comment cells, and sphinx-gallery examples, whose
module docstring and `# %%` / `#####` comment blocks are reStructuredText. Code cells become
fenced code; every line is located by its cell."""

from __future__ import annotations

import re

from core.errors import LoadError
from ingest.formats.notebook import cell_lines
from ingest.formats.rst import rst_lines

# A cell marker of the percent format, a sphinx-gallery text block's rule, or jupytext's header.
_CELLS = re.compile(r"^(# ?%%|#{20,}\s*$|# jupyter:\s*$)", re.M)
# sphinx-gallery: an example opens with a docstring that holds its reStructuredText title.
_DOCSTRING = re.compile(r'\A\s*[rRuU]?("""|\'\'\')(.*?)\1', re.S)
_TITLE_RULE = re.compile(r"^\s*([=\-~^\"'`#*+])\1{2,}\s*$", re.M)
_PERCENT_RULE = re.compile(r"^# ?%%.*$", re.M)


def looks_like_py_notebook(text: str) -> bool:
    return bool(_CELLS.search(text))


def py_notebook_lines(text: str) -> list[tuple[int, str]]:
    """(cell number, line) of a .py notebook, as `notebook_lines` gives for an .ipynb."""
    import jupytext
    from jupytext.formats import guess_format

    docstring = _DOCSTRING.match(text)
    sphinx = bool(docstring and _TITLE_RULE.search(docstring.group(2)))
    if sphinx:
        # jupytext reads the docstring as text only without a raw-string prefix (r"""…""", kept
        # for LaTeX backslashes), and splits text blocks only at '#####' rules, which
        # sphinx-gallery writes as '# %%' too.
        text = text[: docstring.start(1)].rstrip("rRuU") + text[docstring.start(1) :]
        text = _PERCENT_RULE.sub("#" * 79, text)
    try:
        fmt = "sphinx" if sphinx else guess_format(text, ".py")[0]
        nb = jupytext.reads(text, fmt=f"py:{fmt}")
    except Exception as exc:  # jupytext raises many types on text it cannot split
        raise LoadError(f"unreadable .py notebook ({type(exc).__name__}: {exc})") from exc
    # jupytext adds a cell of its own to a sphinx-gallery example ("%matplotlib inline").
    cells = [
        (c.cell_type, c.source)
        for c in nb.cells
        if c.cell_type != "code" or c.source.split("\n")[0].strip() in text
    ]
    if sphinx:
        return _rst_cells(cells)
    return cell_lines({"cells": [{"cell_type": kind, "source": source} for kind, source in cells]})


def _rst_cells(cells: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """The cells as one reStructuredText document (code as literal blocks), so that section
    titles nest across cells; each line is located by the cell it came from."""
    doc: list[str] = []
    cell_of: list[int] = []
    for n, (kind, source) in enumerate(cells, start=1):
        body = source.split("\n")
        if kind == "code":
            body = [".. code:: python", "", *("    " + ln for ln in body)]
        doc += [*body, ""]
        cell_of += [n] * (len(body) + 1)
    out = [(cell_of[min(line, len(cell_of)) - 1], md) for line, md in rst_lines("\n".join(doc))]
    if not out:
        raise LoadError("empty notebook: no cell has text")
    return out
