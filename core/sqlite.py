"""SQLite connections that several processes can open and write at once."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_BUSY_SECONDS = 30


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """Open `path` in WAL mode and create `schema` (idempotent statements separated by `;`).

    Switching to WAL can fail with "database is locked" without waiting when another process
    is doing the same, so that step is retried for a bounded time; the schema is created in an
    IMMEDIATE transaction, where SQLite's busy timeout applies.
    """
    db = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    deadline = time.monotonic() + _BUSY_SECONDS
    while db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    db.execute("PRAGMA foreign_keys=ON")
    with transaction(db):
        for statement in schema.split(";"):
            if statement.strip():
                db.execute(statement)
    return db


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One `BEGIN IMMEDIATE` transaction: writers from other processes wait their turn, and an
    exception rolls everything back (a crash never leaves half a write)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
