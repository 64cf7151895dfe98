"""Which files under an ingest root are notes: every file of a type studybot reads, except code
and XML files that hold no notes (the scripts and project files kept beside one's notes), hidden
names and names a `.studybotignore` lists; symlink loops are reported, never walked."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from core.errors import LoadError
from ingest.formats import xml_bank
from ingest.formats.js_literals import read_script
from ingest.formats.matlab import looks_like_live_script
from ingest.formats.pluto import PLUTO_HEADER
from ingest.formats.py_notebook import looks_like_py_notebook, python_notes
from ingest.loaders import (
    JULIA_SUFFIXES,
    MATLAB_SUFFIXES,
    PYTHON_SUFFIXES,
    SCRIPT_SUFFIXES,
    SUPPORTED,
    XML_SUFFIXES,
    decode,
    read,
)


@dataclass(frozen=True)
class Found:
    """A file discovered under an ingest root, or a path that could not be walked."""

    path: Path
    error: str | None = None


def discover(root: Path) -> Iterator[Found]:
    """Supported files under `root` (a file or a folder), recursively, skipping hidden names
    and names matching a `.studybotignore` pattern.

    Symlinks are followed once; a link that leads back into a folder already visited, or a link
    that points at itself, is reported instead of walked forever.
    """
    if root.is_symlink() and not root.exists():
        yield Found(root, _link_error(root))
        return
    if root.is_file():
        yield Found(root)
        return
    if not root.is_dir():
        yield Found(root, "no such file or folder; check the path")
        return
    seen: set[tuple[int, int]] = set()
    yield from _walk(root, seen, ())


IGNORE_FILE = ".studybotignore"


def _ignore_patterns(folder: Path) -> tuple[str, ...]:
    """Glob patterns, one a line, from `.studybotignore` (applies to the folder and below)."""
    try:
        text = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    return tuple(p.strip() for p in text.splitlines() if p.strip() and not p.startswith("#"))


def _walk(folder: Path, seen: set[tuple[int, int]], ignore: tuple[str, ...]) -> Iterator[Found]:
    st = folder.stat()
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield Found(folder, "symlink loop: this folder links back to one already ingested")
        return
    seen.add(key)
    ignore = ignore + _ignore_patterns(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Found(folder, f"cannot list folder ({exc.strerror}); check its permissions")
        return
    for entry in entries:
        if entry.name.startswith(".") or any(fnmatch(entry.name, p) for p in ignore):
            continue
        path = Path(entry.path)
        if entry.is_symlink() and not path.exists():
            if Path(entry.path).suffix.lower() in SUPPORTED or _is_loop(path):
                yield Found(path, _link_error(path))
            continue
        if entry.is_dir(follow_symlinks=True):
            yield from _walk(path, seen, ignore)
        elif entry.is_file(follow_symlinks=True) and _is_notes(path):
            yield Found(path)


def _is_notes(path: Path) -> bool:
    """A file of a type studybot reads; in a folder, a .py only when it is a notebook, literate
    Python or a bank, a .js or .ts only when it is a bank, an .m only when it is a MATLAB script in
    sections and an .xml only when it holds records
    (the scripts and project files beside one's notes are not notes; named on its own, such a
    file gets the reason)."""
    suffix = path.suffix.lower()
    if suffix in SCRIPT_SUFFIXES:  # a program's sources are not notes, nor is a .ts video
        try:
            return bool(read_script(decode(read(path))[0]).items)
        except LoadError:
            return False
    if suffix not in PYTHON_SUFFIXES | XML_SUFFIXES | JULIA_SUFFIXES | MATLAB_SUFFIXES:
        return suffix in SUPPORTED
    try:
        data = read(path)
        text = decode(data)[0]
        if suffix in XML_SUFFIXES:
            return bool(xml_bank.read_xml(data, text).items)
    except LoadError:
        return True  # unreadable, broken or unsafe: let loading say why
    if suffix in JULIA_SUFFIXES:
        return text.startswith(PLUTO_HEADER)
    if suffix in MATLAB_SUFFIXES:  # a MATLAB script in sections; an Objective-C source is not
        return looks_like_live_script(text)
    if looks_like_py_notebook(text):
        return True
    try:
        fmt, found = python_notes(text)
    except LoadError:
        return False
    return fmt != "python" or bool(found.items)


def _is_loop(path: Path) -> bool:
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _link_error(path: Path) -> str:
    if _is_loop(path):
        return "symlink loop: the link points back at itself; fix or delete the link"
    return f"broken symlink to {os.readlink(path)!r}: the target is missing or unreadable"
