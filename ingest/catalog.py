"""The catalog: a SQLite file that is the source of truth for what is indexed — files, items,
duplicate links and a little metadata. Vectors and the keyword index are derived from it."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from core.records import KINDS, Item
from core.sqlite import connect, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL,
    size INTEGER NOT NULL, n_items INTEGER NOT NULL, ingested_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, file_key TEXT NOT NULL REFERENCES files(key) ON DELETE CASCADE,
    ord INTEGER NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, locator TEXT NOT NULL,
    section TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,
    content_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_file ON items(file_key);
CREATE INDEX IF NOT EXISTS items_hash ON items(content_hash);
CREATE TABLE IF NOT EXISTS links (
    a TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    score REAL NOT NULL, PRIMARY KEY (a, b));
CREATE INDEX IF NOT EXISTS links_b ON links(b);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_ITEM_COLUMNS = "id, kind, source, locator, section, question, answer, content_hash"
_SQL_VARS = 500  # ids per `IN (...)` query, well under SQLite's variable limit
_NEAR = 8  # items on either side of a question searched for the exercise text filed with it
_MIN_OVERLAP = 12  # characters: shorter agreement ("e", " the") is chance, not the overlap


def join_overlapping(parts: list[str]) -> str:
    """Consecutive chunks of one text rejoined: where a chunk starts with the end of the one
    before (the splitter's overlap), that text is kept once."""
    text = parts[0]
    for part in parts[1:]:
        longest = min(len(text), len(part))
        overlap = next(
            (n for n in range(longest, _MIN_OVERLAP - 1, -1) if text.endswith(part[:n])), 0
        )
        text = f"{text}{part[overlap:]}" if overlap else f"{text}\n\n{part}"
    return text


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _SQL_VARS):
        yield list(ids[start : start + _SQL_VARS])


def _marks(part: list[str]) -> str:
    return ",".join("?" * len(part))


class Catalog:
    """Files, items, links and metadata in one SQLite file, usable from several processes."""

    def __init__(self, path: Path):
        self.db = connect(path, SCHEMA)

    def close(self) -> None:
        self.db.close()

    def transaction(self):
        return transaction(self.db)

    # -- files --------------------------------------------------------------------------------
    def file_hash(self, key: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def file_keys(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT key FROM files ORDER BY key")]

    def files(self) -> list[dict]:
        """Every file with its item counts by kind, in one query."""
        rows = self.db.execute(
            "SELECT f.key, f.source, f.n_items, f.ingested_at, i.kind, COUNT(i.id) "
            "FROM files f LEFT JOIN items i ON i.file_key = f.key "
            "GROUP BY f.key, i.kind ORDER BY f.source, f.key"
        )
        out: dict[str, dict] = {}
        for key, source, n_items, at, kind, n in rows:
            entry = out.setdefault(
                key,
                {"key": key, "source": source, "items": n_items, "ingested_at": at,
                 "by_kind": dict.fromkeys(KINDS, 0)},
            )  # fmt: skip
            if kind:
                entry["by_kind"][kind] = n
        return list(out.values())

    def replace_file(
        self, key: str, source: str, sha256: str, size: int, items: list[Item]
    ) -> None:
        """Swap a file's items in one transaction."""
        with self.transaction():
            self.db.execute("DELETE FROM items WHERE file_key = ?", (key,))
            self.db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                (key, source, sha256, size, len(items), time.time()),
            )
            self.db.executemany(
                f"INSERT OR REPLACE INTO items (file_key, ord, {_ITEM_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (key, n, it.id, it.kind, it.source, it.locator, it.section, it.question,
                     it.answer, it.content_hash)
                    for n, it in enumerate(items)
                ],
            )  # fmt: skip

    def remove_file(self, key: str) -> list[str]:
        """Drop a file and its items; returns the ids of the items that went."""
        with self.transaction():
            ids = [r[0] for r in self.db.execute("SELECT id FROM items WHERE file_key = ?", (key,))]
            self.db.execute("DELETE FROM items WHERE file_key = ?", (key,))
            self.db.execute("DELETE FROM files WHERE key = ?", (key,))
        return ids

    # -- items --------------------------------------------------------------------------------
    def items_of_file(self, key: str) -> list[Item]:
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM items WHERE file_key = ? ORDER BY ord", (key,)
        )
        return [Item(*r) for r in rows]

    def get_items(self, ids: Sequence[str]) -> dict[str, Item]:
        out: dict[str, Item] = {}
        for part in _chunks(list(ids)):
            sql = f"SELECT {_ITEM_COLUMNS} FROM items WHERE id IN ({_marks(part)})"
            out.update((row[0], Item(*row)) for row in self.db.execute(sql, part))
        return out

    def whole_answers(self, ids: Sequence[str]) -> dict[str, Item]:
        """Each item with its whole answer: a part of a long answer (its siblings share its
        file, place and question) comes back with every part joined in order."""
        out = self.get_items(ids)
        for part in _chunks([i for i, it in out.items() if it.kind == "qa"]):
            rows = self.db.execute(
                "SELECT a.id, b.answer FROM items a JOIN items b ON b.file_key = a.file_key "
                "AND b.locator = a.locator AND b.question = a.question AND b.kind = a.kind "
                f"WHERE a.id IN ({_marks(part)}) ORDER BY a.id, b.ord",
                part,
            )
            parts: dict[str, list[str]] = {}
            for item_id, answer in rows:
                parts.setdefault(item_id, []).append(answer)
            for item_id, answers in parts.items():
                if len(answers) > 1:
                    out[item_id] = replace(out[item_id], answer=join_overlapping(answers))
        return out

    def notes_under(self, item_id: str, section: str) -> str:
        """The prose filed under `section` right before or after the item (in file order),
        overlaps joined: for a question, the exercise text or code the parser kept with it."""
        row = self.db.execute("SELECT file_key, ord FROM items WHERE id = ?", (item_id,))
        found = row.fetchone()
        if found is None:
            return ""
        key, at = found
        rows = self.db.execute(
            "SELECT ord, kind, section, answer FROM items WHERE file_key = ? AND ord BETWEEN ? "
            "AND ? ORDER BY ord",
            (key, at - _NEAR, at + _NEAR),
        )
        near = {r[0]: r[1:] for r in rows}
        before, after = [], []
        for step, run in ((-1, before), (1, after)):
            n = at + step
            while n in near and near[n][:2] == ("chunk", section):
                run.append(near[n][2])
                n += step
        parts = before[::-1] + after
        return join_overlapping(parts) if parts else ""

    def live_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(list(ids)):
            sql = f"SELECT id FROM items WHERE id IN ({_marks(part)})"
            found.update(r[0] for r in self.db.execute(sql, part))
        return found

    def all_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM items")}

    def all_items(self) -> list[Item]:
        rows = self.db.execute(f"SELECT {_ITEM_COLUMNS} FROM items ORDER BY file_key, ord")
        return [Item(*r) for r in rows]

    def count_by_kind(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        counts.update(self.db.execute("SELECT kind, COUNT(*) FROM items GROUP BY kind"))
        return counts

    def count_items(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]

    # -- duplicate links ----------------------------------------------------------------------
    def set_links(self, pairs: Iterable[tuple[str, str, float]]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO links VALUES (?, ?, ?)",
                [(min(a, b), max(a, b), s) for a, b, s in pairs if a != b],
            )

    def linked(self, ids: Sequence[str], min_score: float) -> dict[str, list[str]]:
        """The items linked to each of `ids` (batched: one query per few hundred ids)."""
        out: dict[str, list[str]] = {i: [] for i in ids}
        for part in _chunks(list(ids)):
            marks = _marks(part)
            rows = self.db.execute(
                f"SELECT a, b FROM links WHERE score >= ? AND (a IN ({marks}) OR b IN ({marks}))",
                [min_score, *part, *part],
            )
            for a, b in rows:
                if a in out:
                    out[a].append(b)
                if b in out:
                    out[b].append(a)
        return out

    def all_links(self, min_score: float) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT a, b FROM links WHERE score >= ?", (min_score,)))

    def count_links(self, min_score: float) -> int:
        sql = "SELECT COUNT(*) FROM links WHERE score >= ?"
        return self.db.execute(sql, (min_score,)).fetchone()[0]

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def clear(self) -> None:
        with self.transaction():
            for table in ("links", "items", "files", "meta"):
                self.db.execute(f"DELETE FROM {table}")
