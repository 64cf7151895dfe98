"""The reranking stage. One required method: score (query, passage) pairs; higher is better.

No reranker ships enabled yet (see README: no PyPI package carries cross-encoder weights);
`Retriever(reranker=None)` is the pass-through that `--no-rerank` also selects."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rag.retrieve import Hit

RERANK_CANDIDATES = 20


class Reranker(Protocol):
    name: str

    def score(self, query: str, passages: list[str]) -> list[float]: ...


def rerank(reranker: Reranker, query: str, hits: list[Hit]) -> list[Hit]:
    """Reorder the first RERANK_CANDIDATES hits by the reranker's score (stable on ties)."""
    head, tail = hits[:RERANK_CANDIDATES], hits[RERANK_CANDIDATES:]
    if not head:
        return hits
    scores = reranker.score(query, [h.item.text for h in head])
    if len(scores) != len(head):
        raise ValueError(
            f"reranker {reranker.name} returned {len(scores)} scores for {len(head)} passages"
        )
    order = sorted(range(len(head)), key=lambda i: -scores[i])
    return [replace(head[i], rank=n) for n, i in enumerate(order, start=1)] + tail
