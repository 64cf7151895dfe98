"""Query → ranked items. Dense retrieval over the question and whole-item vectors."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.embedder import Embedder
from ingest.items import Item
from ingest.store import LINK_THRESHOLD, IndexStore


@dataclass(frozen=True)
class Hit:
    rank: int
    item: Item
    score: float
    duplicates: tuple[str, ...] = ()  # ids of linked items (same question elsewhere)

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "id": self.item.id,
            "kind": self.item.kind,
            "text": self.item.text,
            "source": self.item.source,
            "locator": self.item.locator,
            "score": round(self.score, 4),
        }


def dense_search(store: IndexStore, embedder: Embedder, query: str, top_k: int = 5) -> list[Hit]:
    if not query.strip():
        raise ValueError("query is empty; type a question")
    if top_k <= 0:
        raise ValueError(f"top_k must be > 0, got {top_k}")
    vector = embedder.embed([query])[0]
    ranked = store.dense_search(vector, top_k * 3)
    return collapse_duplicates(store, ranked, top_k)


def collapse_duplicates(
    store: IndexStore, ranked: list[tuple[str, float]], top_k: int
) -> list[Hit]:
    """Linked duplicates become one hit, shown as the member that has an answer."""
    items = store.get_items([i for i, _ in ranked])
    hits: list[Hit] = []
    claimed: set[str] = set()
    for item_id, score in ranked:
        if item_id in claimed or item_id not in items:
            continue
        group = [item_id] + [o for o, _ in store.linked(item_id, LINK_THRESHOLD)]
        claimed.update(group)
        members = {**items, **store.get_items([g for g in group if g not in items])}
        best = max(
            (members[g] for g in group if g in members),
            key=lambda it: (it.kind == "qa", len(it.answer), it.id == item_id),
        )
        others = tuple(g for g in group if g != best.id)
        hits.append(Hit(len(hits) + 1, best, score, others))
        if len(hits) == top_k:
            break
    return hits
