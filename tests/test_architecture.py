"""The folders are the architecture: imports run one way, from the shells down to the core.

    studybot (CLI) → ui → eval → rag → ingest → core

A module may import its own package and any package below it, never one above. Imports inside
functions count too (they are how heavy modules load lazily, and they are still dependencies).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "ingest", "rag", "eval", "ui", "studybot"]  # bottom to top
MAX_LINES = 300
# Modules known to be over the limit, each with the work that splits it. Keep this empty.
KNOWN_LARGE: dict[str, str] = {}


def imported_packages(source: str) -> set[str]:
    """Top-level names of everything `source` imports (absolute imports only)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def package_modules(root: Path, package: str) -> list[Path]:
    """The modules of `package`: .py files in folders that are packages (data folders such as
    eval/corpora may hold scripts of their own; they are not studybot)."""
    return sorted(p for p in (root / package).rglob("*.py") if (p.parent / "__init__.py").is_file())


def back_edges(root: Path, layers: list[str]) -> list[str]:
    """`file: imports X` for every import of a package above the file's own layer."""
    rank = {name: n for n, name in enumerate(layers)}
    problems = []
    for package in layers:
        for path in package_modules(root, package):
            for name in sorted(imported_packages(path.read_text()) & rank.keys()):
                if rank[name] > rank[package]:
                    problems.append(f"{path.relative_to(root)}: imports {name}")
    return problems


def test_imports_run_one_way():
    assert back_edges(ROOT, LAYERS) == []


def test_the_check_catches_a_back_edge(tmp_path):
    for package, source in {
        "core": "import os\nfrom rag import x\n",
        "rag": "from core import y\n",
    }.items():
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "m.py").write_text(source)
    assert back_edges(tmp_path, ["core", "rag"]) == ["core/m.py: imports rag"]


def _modules():
    return [p for layer in LAYERS for p in package_modules(ROOT, layer)]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small_or_say_why(path):
    """A module over MAX_LINES lines says at its top why it is one piece."""
    lines = path.read_text().splitlines()
    name = path.relative_to(ROOT).as_posix()
    if len(lines) > MAX_LINES and name in KNOWN_LARGE:
        pytest.xfail(KNOWN_LARGE[name])
    if len(lines) > MAX_LINES:
        head = "\n".join(lines[:15]).lower()
        assert "one module because" in head, f"{len(lines)} lines and no reason given at the top"
