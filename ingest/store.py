"""The index: a SQLite catalog (files, items, duplicate links) that is the source of truth,
vectors in Chroma (embedded or a server), and a BM25 index persisted beside them.

Write order makes a killed ingest harmless: vectors are upserted first, then one SQLite
transaction swaps a file's items, then stale vectors are deleted. Searches only return items
the catalog knows, so vectors orphaned by a kill are invisible and swept by the next ingest.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import time
from collections.abc import Iterable, Sequence
from urllib.parse import urlparse

import numpy as np

from core.config import Settings, go_offline
from core.errors import ConfigError, IndexUnavailable
from core.records import KINDS, Item
from core.sqlite import connect

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
_CHROMA_BATCH = 1000


def _row_to_item(row: Sequence) -> Item:
    return Item(*row)


class IndexStore:
    """One index: catalog + vectors + BM25, in `settings.index_dir/<space>`.

    Each Chroma target (embedded, or a server URL + collection) gets its own catalog, so
    switching `STUDYBOT_CHROMA_URL` never leaves the catalog claiming vectors that aren't there.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        if settings.chroma_url:
            tag = hashlib.sha256(
                f"{settings.chroma_url}|{settings.collection}".encode()
            ).hexdigest()
            self.space = settings.index_dir / f"server-{tag[:12]}"
        else:
            self.space = settings.index_dir / "local"
        self.space.mkdir(parents=True, exist_ok=True)
        # Usable from the UI's worker threads (one at a time) and by several processes.
        self.db = connect(self.space / "catalog.sqlite", SCHEMA)
        self._collection = None
        self._bm25 = None

    def close(self) -> None:
        self.db.close()

    # -- Chroma -------------------------------------------------------------------------------
    @property
    def collection(self):
        if self._collection is None:
            self._collection = self._open_collection()
        return self._collection

    def _open_collection(self):
        go_offline()
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        url = self.settings.chroma_url
        if url:
            parsed = urlparse(url if "://" in url else f"http://{url}")
            if not parsed.hostname:
                raise ConfigError(
                    f"STUDYBOT_CHROMA_URL must look like http://host:port, got {url!r}"
                )
            try:
                client = chromadb.HttpClient(
                    host=parsed.hostname,
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=chroma_settings,
                )
                client.heartbeat()
            except Exception as exc:
                raise IndexUnavailable(
                    f"cannot reach the Chroma server at {url} ({exc}); start it with "
                    "`chroma run --path DIR --host 127.0.0.1 --port PORT` or unset STUDYBOT_CHROMA_URL"
                ) from exc
        else:
            client = chromadb.PersistentClient(
                path=str(self.space / "chroma"), settings=chroma_settings
            )
        return client.get_or_create_collection(
            self.settings.collection,
            embedding_function=None,
            metadata={"hnsw:space": "cosine"},
        )

    def vectors_for(self, item_ids: Iterable[str]) -> dict[str, np.ndarray]:
        """Stored vectors keyed by Chroma id (`<item>#q`, `<item>#d`), to reuse on re-ingest."""
        ids = [f"{i}#{field}" for i in item_ids for field in ("q", "d")]
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(ids), _CHROMA_BATCH):
            got = self.collection.get(
                ids=ids[start : start + _CHROMA_BATCH], include=["embeddings"]
            )
            for cid, vec in zip(got["ids"], got["embeddings"], strict=True):
                found[cid] = np.asarray(vec, dtype=np.float32)
        return found

    def upsert_vectors(self, ids: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        for start in range(0, len(ids), _CHROMA_BATCH):
            end = start + _CHROMA_BATCH
            self.collection.upsert(
                ids=ids[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end]
            )

    def delete_vectors(self, item_ids: Iterable[str]) -> None:
        ids = [f"{i}#{field}" for i in item_ids for field in ("q", "d")]
        for start in range(0, len(ids), _CHROMA_BATCH):
            self.collection.delete(ids=ids[start : start + _CHROMA_BATCH])

    def sweep_orphans(self) -> int:
        """Delete vectors whose item the catalog doesn't know (left by a killed ingest)."""
        live = {row[0] for row in self.db.execute("SELECT id FROM items")}
        orphans: list[str] = []
        offset = 0
        while True:
            got = self.collection.get(include=[], limit=5000, offset=offset)
            if not got["ids"]:
                break
            orphans += [cid for cid in got["ids"] if cid.split("#", 1)[0] not in live]
            offset += len(got["ids"])
        for start in range(0, len(orphans), _CHROMA_BATCH):
            self.collection.delete(ids=orphans[start : start + _CHROMA_BATCH])
        return len(orphans)

    def dense_search(
        self, vector: np.ndarray, k: int, field: str | None = None
    ) -> list[tuple[str, float]]:
        """Best `k` live items by cosine similarity; an item's score is its best vector's."""
        total = self.collection.count()
        if total == 0:
            return []
        res = self.collection.query(
            query_embeddings=[vector],
            n_results=min(total, k * 3 + 10),
            include=["distances"],
            where={"field": field} if field else None,
        )
        best: dict[str, float] = {}
        for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True):
            item_id = cid.split("#", 1)[0]
            best[item_id] = max(best.get(item_id, -1.0), 1.0 - float(dist))
        live = self.live_ids(best)
        ranked = sorted(((i, s) for i, s in best.items() if i in live), key=lambda p: -p[1])
        return ranked[:k]

    # -- catalog ------------------------------------------------------------------------------
    def file_hash(self, key: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def source_of(self, key: str) -> str | None:
        row = self.db.execute("SELECT source FROM files WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def file_keys(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT key FROM files ORDER BY key")]

    def items_of_file(self, key: str) -> list[Item]:
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM items WHERE file_key = ? ORDER BY ord", (key,)
        )
        return [_row_to_item(r) for r in rows]

    def replace_file(
        self, key: str, source: str, sha256: str, size: int, items: list[Item]
    ) -> None:
        """Swap a file's items in one transaction (vectors must already be upserted)."""
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
                    (
                        key,
                        n,
                        it.id,
                        it.kind,
                        it.source,
                        it.locator,
                        it.section,
                        it.question,
                        it.answer,
                        it.content_hash,
                    )
                    for n, it in enumerate(items)
                ],
            )

    def remove_file(self, key: str) -> list[str]:
        ids = [r[0] for r in self.db.execute("SELECT id FROM items WHERE file_key = ?", (key,))]
        with self.transaction():
            self.db.execute("DELETE FROM items WHERE file_key = ?", (key,))
            self.db.execute("DELETE FROM files WHERE key = ?", (key,))
        return ids

    def transaction(self):
        return _Transaction(self.db)

    def live_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            found |= {
                r[0] for r in self.db.execute(f"SELECT id FROM items WHERE id IN ({marks})", part)
            }
        return found

    def get_items(self, ids: Sequence[str]) -> dict[str, Item]:
        out: dict[str, Item] = {}
        for start in range(0, len(ids), 500):
            part = list(ids[start : start + 500])
            marks = ",".join("?" * len(part))
            for row in self.db.execute(
                f"SELECT {_ITEM_COLUMNS} FROM items WHERE id IN ({marks})", part
            ):
                out[row[0]] = _row_to_item(row)
        return out

    def all_items(self) -> list[Item]:
        rows = self.db.execute(f"SELECT {_ITEM_COLUMNS} FROM items ORDER BY file_key, ord")
        return [_row_to_item(r) for r in rows]

    def count_items(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]

    # -- duplicate links ----------------------------------------------------------------------
    def set_links(self, pairs: Iterable[tuple[str, str, float]]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO links VALUES (?, ?, ?)",
                [(min(a, b), max(a, b), s) for a, b, s in pairs if a != b],
            )

    def linked(self, item_id: str, min_score: float) -> list[tuple[str, float]]:
        rows = self.db.execute(
            "SELECT b, score FROM links WHERE a = ? AND score >= ? "
            "UNION SELECT a, score FROM links WHERE b = ? AND score >= ?",
            (item_id, min_score, item_id, min_score),
        )
        return [(r[0], r[1]) for r in rows]

    def count_links(self, min_score: float) -> int:
        return self.db.execute(
            "SELECT COUNT(*) FROM links WHERE score >= ?", (min_score,)
        ).fetchone()[0]

    def check_embedder(self, name: str) -> None:
        """Vectors from one model are meaningless to another: refuse to mix them."""
        built_with = self.get_meta("embed_model")
        if built_with is None:
            self.set_meta("embed_model", name)
        elif built_with != name:
            raise IndexUnavailable(
                f"this index was built with the embedding model {built_with!r} but {name!r} is "
                "configured; run `studybot ingest --rebuild` to re-embed everything"
            )

    def reset(self) -> None:
        """Drop every vector, item and keyword index (for `ingest --rebuild`)."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM items")]
        self.delete_vectors(ids)
        self.sweep_orphans()
        with self.transaction():
            for table in ("links", "items", "files", "meta"):
                self.db.execute(f"DELETE FROM {table}")
        for old in self.space.glob("bm25-*"):
            shutil.rmtree(old, ignore_errors=True)
        self._bm25 = None

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- BM25 ---------------------------------------------------------------------------------
    def rebuild_bm25(self) -> None:
        """Build the keyword index from the catalog into a new folder, then switch to it."""
        import bm25s
        import Stemmer

        items = self.all_items()
        generation = str(int(self.get_meta("bm25_generation", "0")) + 1)
        target = self.space / f"bm25-{generation}"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        if items:
            stemmer = Stemmer.Stemmer("english")
            tokens = bm25s.tokenize(
                [bm25_text(it) for it in items],
                stopwords="en",
                stemmer=stemmer,
                show_progress=False,
            )
            retriever = bm25s.BM25()
            retriever.index(tokens, show_progress=False)
            retriever.save(str(target))
        (target / "ids.json").write_text(json.dumps([it.id for it in items]))
        self.set_meta("bm25_generation", generation)  # the switch: one committed row
        for old in self.space.glob("bm25-*"):
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
        self._bm25 = None

    def bm25_search(self, query: str, k: int) -> list[tuple[str, float]]:
        import bm25s
        import Stemmer

        if self._bm25 is None:
            folder = self.space / f"bm25-{self.get_meta('bm25_generation', '0')}"
            if not (folder / "ids.json").is_file():
                raise IndexUnavailable("no keyword index yet; run `studybot ingest` first")
            ids = json.loads((folder / "ids.json").read_text())
            retriever = bm25s.BM25.load(str(folder)) if ids else None
            self._bm25 = (retriever, ids, Stemmer.Stemmer("english"))
        retriever, ids, stemmer = self._bm25
        if retriever is None:
            return []
        tokens = bm25s.tokenize(
            [keyword_text(query)], stopwords="en", stemmer=stemmer, show_progress=False
        )
        if not tokens.vocab:
            return []
        docs, scores = retriever.retrieve(tokens, k=min(k, len(ids)), show_progress=False)
        hits = [(ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
        live = self.live_ids(i for i, _ in hits)
        return [(i, s) for i, s in hits if i in live]

    # -- stats --------------------------------------------------------------------------------
    def stats(self) -> dict:
        by_kind = dict.fromkeys(KINDS, 0)
        for kind, n in self.db.execute("SELECT kind, COUNT(*) FROM items GROUP BY kind"):
            by_kind[kind] = n
        sources = [
            {"source": src, "items": n, "ingested_at": _iso(at), **_kinds(self.db, key)}
            for key, src, n, at in self.db.execute(
                "SELECT key, source, n_items, ingested_at FROM files ORDER BY source"
            )
        ]
        last = self.get_meta("last_ingest")
        return {
            "home": str(self.settings.home),
            "store": self.settings.chroma_url or str(self.space / "chroma"),
            "sources": sources,
            "items_total": sum(by_kind.values()),
            "by_kind": by_kind,
            "duplicate_links": self.count_links(LINK_THRESHOLD),
            "last_ingest": json.loads(last) if last else None,
        }


# Two questions this similar (cosine of their embeddings) are the same question reworded.
LINK_THRESHOLD = 0.90


def bm25_text(item: Item) -> str:
    return keyword_text(f"{item.section}\n{item.text}")


_CAMEL = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")


def keyword_text(text: str) -> str:
    """Add the parts of CamelCase words, so "flash attention" finds "FlashAttention"."""
    parts = [re.sub(r"(?<=[a-z])(?=[A-Z])", " ", w) for w in _CAMEL.findall(text)]
    return f"{text} {' '.join(parts)}" if parts else text


def _kinds(db: sqlite3.Connection, key: str) -> dict:
    counts = dict.fromkeys(KINDS, 0)
    for kind, n in db.execute(
        "SELECT kind, COUNT(*) FROM items WHERE file_key = ? GROUP BY kind", (key,)
    ):
        counts[kind] = n
    return {"by_kind": counts}


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, *_):
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
