"""Vectors in Chroma: embedded (`PersistentClient` in the data directory) or a Chroma server.

Each item has a vector `<item>#d` (the whole item), one `<item>#q` (its question alone) unless it
is prose, and, when its text is long, one `<item>#w<n>` per passage of it (field `w`). Chroma calls
are batched because a server rejects very large requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from core.config import Settings, go_offline
from core.errors import ConfigError, IndexUnavailable

WHOLE = ("q", "d")  # the fields that stand for a whole item
# Chroma's HNSW defaults (ef_search 100) miss about 2% of the exact best 130 vectors (what a
# dense search asks for) over the gold questions on the default corpus's 1,790, and which ones
# varies from build to build; these miss 0-4 of 15,110 at the same query time. At 60,000
# clustered vectors: 3% missed instead of 17-19%, for ~2x the build time and a few ms a query
# (`benchmarks/hnsw_recall.py`, `benchmarks/results/hnsw_recall.txt`).
HNSW = {"space": "cosine", "ef_search": 400, "ef_construction": 200}
_BATCH = 1000


def item_of(vector_id: str) -> str:
    return vector_id.split("#", 1)[0]


def field_of(vector_id: str) -> str:
    return vector_id.split("#", 1)[1][0]


def passage_of(vector_id: str) -> int:
    """The number of a passage's vector: its first sentence in its item's body (`w3`: 3)."""
    return int(vector_id.split("#", 1)[1][1:])


def _batches(seq: list, size: int = _BATCH) -> Iterator[slice]:
    for start in range(0, len(seq), size):
        yield slice(start, start + size)


def open_collection(settings: Settings, folder: Path):
    """The Chroma collection `settings` names: on the server STUDYBOT_CHROMA_URL points at, or
    embedded in `folder`."""
    go_offline()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    url = settings.chroma_url
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if not parsed.hostname:
            raise ConfigError(f"STUDYBOT_CHROMA_URL must look like http://host:port, got {url!r}")
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
        client = chromadb.PersistentClient(path=str(folder), settings=chroma_settings)
    collection = client.get_or_create_collection(
        settings.collection, embedding_function=None, configuration={"hnsw": HNSW}
    )
    if collection.configuration_json["hnsw"]["ef_search"] < HNSW["ef_search"]:
        # an index made before the wider search: ef_search is the one setting Chroma can change
        collection.modify(configuration={"hnsw": {"ef_search": HNSW["ef_search"]}})
    return collection


class VectorIndex:
    """Item vectors in one Chroma collection, opened on first use."""

    def __init__(self, settings: Settings, folder: Path):
        self.settings = settings
        self.folder = folder
        self._collection = None

    @property
    def collection(self):
        if self._collection is None:
            self._collection = open_collection(self.settings, self.folder)
        return self._collection

    def get(self, item_ids: Iterable[str]) -> dict[str, np.ndarray]:
        """Stored vectors of these items keyed by vector id, to reuse on re-ingest."""
        ids = list(item_ids)
        found: dict[str, np.ndarray] = {}
        for part in _batches(ids):
            got = self.collection.get(where=_of_items(ids[part]), include=["embeddings"])
            for vid, vec in zip(got["ids"], got["embeddings"], strict=True):
                found[vid] = np.asarray(vec, dtype=np.float32)
        return found

    def upsert(self, ids: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        for part in _batches(ids):
            self.collection.upsert(
                ids=ids[part], embeddings=vectors[part], metadatas=metadatas[part]
            )

    def delete(self, item_ids: Iterable[str]) -> None:
        """Every vector of these items."""
        ids = list(item_ids)
        for part in _batches(ids):
            self.collection.delete(where=_of_items(ids[part]))

    def delete_unless(self, live: set[str]) -> int:
        """Delete vectors whose item is not in `live`; returns how many went."""
        orphans: list[str] = []
        offset = 0
        while got := self.collection.get(include=[], limit=5000, offset=offset)["ids"]:
            orphans += [vid for vid in got if item_of(vid) not in live]
            offset += len(got)
        for part in _batches(orphans):
            self.collection.delete(ids=orphans[part])
        return len(orphans)

    def whole(self, item_ids: Iterable[str]) -> dict[str, np.ndarray]:
        """The question and whole-item vectors of these items, keyed by vector id."""
        ids = [f"{i}#{field}" for i in item_ids for field in WHOLE]
        if not ids:
            return {}
        got = self.collection.get(ids=ids, include=["embeddings"])
        return {
            vid: np.asarray(vec, dtype=np.float32)
            for vid, vec in zip(got["ids"], got["embeddings"], strict=True)
        }

    def query(
        self, vectors: np.ndarray, n: int, fields: tuple[str, ...] | None = None
    ) -> list[list[tuple[str, float]]]:
        """For each query vector, up to `n` (vector id, cosine) pairs of `fields`' vectors (all
        when None), best first."""
        if n <= 0 or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        res = self.collection.query(
            query_embeddings=vectors,
            n_results=n,
            include=["distances"],
            where={"field": {"$in": list(fields)}} if fields else None,
        )
        return [
            [(vid, 1.0 - float(d)) for vid, d in zip(ids, dists, strict=True)]
            for ids, dists in zip(res["ids"], res["distances"], strict=True)
        ]

    def count(self) -> int:
        return self.collection.count()


def _of_items(item_ids: list[str]) -> dict:
    return {"item": {"$in": item_ids}}
