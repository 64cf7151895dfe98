"""Files → lines with locations. Every failure is a `LoadError` whose message says what to do."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from core.errors import LoadError

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | PDF_SUFFIXES


@dataclass(frozen=True)
class Document:
    """A loaded file: `(location, line)` pairs; location is a line number, or a page for PDFs."""

    lines: list[tuple[int, str]]
    unit: str  # "line" or "page"
    encoding: str


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
        elif entry.is_file(follow_symlinks=True) and path.suffix.lower() in SUPPORTED:
            yield Found(path)


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


def load(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(
            f"unsupported file type {suffix or '(none)'}; studybot reads .md, .txt, .pdf"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError("symlink loop: the link points back at itself") from exc
        raise LoadError(f"cannot read file ({exc.strerror}); check its permissions") from exc
    if not data.strip():
        raise LoadError("empty file: nothing to index")
    if suffix in PDF_SUFFIXES:
        return _load_pdf(path, data)
    return _load_text(data)


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


def _load_text(data: bytes) -> Document:
    text, encoding = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Document([(i, line) for i, line in enumerate(lines, start=1)], "line", encoding)


def _load_pdf(path: Path, data: bytes) -> Document:
    import io

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
        pages = [(n, page.extract_text() or "") for n, page in enumerate(reader.pages, start=1)]
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
    if not any(text.strip() for _, text in pages):
        raise LoadError("PDF has no extractable text (scanned images?); run OCR on it first")
    lines = [(n, line) for n, text in pages for line in text.split("\n")]
    return Document(lines, "page", "pdf")
