"""Real Jupyter notebooks (nbformat 4 JSON) made in tests."""

import json
from pathlib import Path


def make_notebook(path: Path, cells: list[tuple[str, str]]) -> Path:
    """Write `(cell type, source)` pairs to `path` as a notebook; code cells have no outputs."""

    def cell(kind: str, source: str) -> dict:
        extra = {"outputs": [], "execution_count": None} if kind == "code" else {}
        return {"cell_type": kind, "metadata": {}, "source": source, **extra}

    notebook = {"cells": [cell(k, s) for k, s in cells], "metadata": {}, "nbformat": 4,
                "nbformat_minor": 4}  # fmt: skip
    path.write_text(json.dumps(notebook))
    return path


def parse_notebook(tmp_path: Path, cells: list[tuple[str, str]]) -> list:
    """The items of a notebook of `cells`, each chunk a whole section."""
    from ingest.loaders import load
    from ingest.parse import parse_document

    path = make_notebook(tmp_path / "exercise.ipynb", cells)
    return parse_document(load(path), chunker=lambda t: [t])
