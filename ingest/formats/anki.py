"""Anki decks: the "Notes in Plain Text" export (`#separator:tab` headers) and `.apkg` files
(a zip holding a SQLite collection whose notes keep their fields joined by \\x1f)."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from core.errors import LoadError
from ingest.formats.tabular import Records, csv_rows

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}
_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.S)
_COLLECTIONS = ("collection.anki21", "collection.anki2")


def read_anki_text(text: str) -> Records:
    """Anki's plain-text export: `#key:value` header lines (and `#` comments), then one note
    per row."""
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        if m := _HEADER.match(lines[start].strip()):
            header[m.group(1).strip()] = m.group(2).strip()
        start += 1  # else a comment line
    sep = header.get("separator", "tab")
    delimiter = _SEPARATORS.get(sep.lower(), sep[:1] or "\t")
    columns = {k.removesuffix(" column"): int(v) - 1 for k, v in header.items() if v.isdigit()}
    # The guid, note type, deck and tags columns are not the question or answer.
    meta = {columns[k] for k in ("guid", "notetype", "deck", "tags") if k in columns}
    out = Records()
    for line, row in csv_rows(lines[start:], delimiter, start + 1, out.warnings):
        fields = [c for i, c in enumerate(row) if i not in meta]
        if not any(f.strip() for f in fields):
            continue
        deck = row[columns["deck"]] if columns.get("deck", len(row)) < len(row) else ""
        before = len(out.items)
        out.add(*_note(fields), deck.replace("::", " > "), line)
        if len(out.items) == before:
            out.warnings.append(f"row at line {line}: no text on the front; skipped")
    return out


def _note(fields: list[str]) -> tuple[str, str]:
    """(question, answer) of a note: the first two fields, or a cloze with its deletions."""
    front = fields[0] if fields else ""
    back = fields[1] if len(fields) > 1 else ""
    if _CLOZE.search(front):
        answers = "; ".join(m.group(1) for m in _CLOZE.finditer(front))
        full = _CLOZE.sub(lambda m: m.group(1), front)
        return _CLOZE.sub("[…]", front), "\n".join(x for x in (full, back) if x.strip()) or answers
    return front, back


def read_apkg(data: bytes) -> Records:
    """Notes of an `.apkg` deck; the deck name becomes the section."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError(
            "not an Anki deck: an .apkg is a zip file and this one is not; re-export it from Anki"
        ) from exc
    with archive:
        names = set(archive.namelist())
        db_bytes = _collection(archive, names)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "collection.sqlite"
        path.write_bytes(db_bytes)
        try:
            with sqlite3.connect(path) as db:
                notes = db.execute("SELECT id, flds FROM notes ORDER BY id").fetchall()
                decks = _deck_of_notes(db)
        except sqlite3.DatabaseError as exc:
            raise LoadError(f"unreadable Anki collection ({exc}); re-export the deck") from exc
    out = Records()
    if not notes:
        media = "media only, " if len(names) > 2 else ""
        raise LoadError(f"Anki deck has no notes ({media}nothing to study); export the notes")
    for n, (note_id, flds) in enumerate(notes, start=1):
        question, answer = _note(flds.split("\x1f"))
        before = len(out.items)
        out.add(question, answer, decks.get(note_id, ""), n)
        if len(out.items) == before:
            out.warnings.append(f"note {n}: no text on the front (image or sound only); skipped")
    if not out.items:
        raise LoadError("Anki deck has only media on its cards (no text to study)")
    return out


def _collection(archive: zipfile.ZipFile, names: set[str]) -> bytes:
    for name in _COLLECTIONS:
        if name in names:
            data = archive.read(name)
            if "collection.anki21b" not in names or not _is_placeholder(data):
                return data
    if "collection.anki21b" in names:
        try:
            import zstandard
        except ImportError:
            raise LoadError(
                "this deck uses Anki's newer compressed format (collection.anki21b); export it"
                ' with "Support older Anki versions" ticked, or as Notes in Plain Text'
            ) from None
        try:
            raw = archive.read("collection.anki21b")
            return zstandard.ZstdDecompressor().decompressobj().decompress(raw)
        except zstandard.ZstdError as exc:
            raise LoadError(f"corrupt Anki collection ({exc}); re-export the deck") from exc
    raise LoadError("not an Anki deck: the .apkg holds no collection.anki2/anki21 database")


def _is_placeholder(db_bytes: bytes) -> bool:
    """Newer exports ship a one-note legacy collection saying "please update Anki"."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.sqlite"
        path.write_bytes(db_bytes)
        try:
            with sqlite3.connect(path) as db:
                return db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] <= 1
        except sqlite3.DatabaseError:
            return True


def _deck_of_notes(db: sqlite3.Connection) -> dict[int, str]:
    names: dict[int, str] = {}
    try:
        (decks_json,) = db.execute("SELECT decks FROM col").fetchone()
        names = {int(k): v["name"] for k, v in json.loads(decks_json or "{}").items()}
    except (sqlite3.DatabaseError, TypeError, ValueError, KeyError):
        pass
    if not names:
        try:  # the newer schema keeps decks in their own table
            names = dict(db.execute("SELECT id, name FROM decks").fetchall())
        except sqlite3.DatabaseError:
            return {}
    rows = db.execute("SELECT nid, did FROM cards ORDER BY ord").fetchall()
    out: dict[int, str] = {}
    for nid, did in rows:
        out.setdefault(nid, names.get(did, "").replace("\x1f", " > ").replace("::", " > "))
    return {k: v for k, v in out.items() if v != "Default"}
