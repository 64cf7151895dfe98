"""`search`: the standalone query for a turn, its ranked evidence, and whether it is answerable —
one typed result that the CLI prints and the UI shows."""

from __future__ import annotations

from dataclasses import dataclass

from core.records import Hit
from rag.answer import answerable
from rag.followup import standalone_query
from rag.retrieve import Retriever


@dataclass(frozen=True)
class SearchResult:
    query: str
    standalone_query: str
    answerable: bool
    reranker: str | None
    hits: list[Hit]

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "standalone_query": self.standalone_query,
            "answerable": self.answerable,
            "reranker": self.reranker,
            "results": [h.to_dict() for h in self.hits],
        }


def search(retriever: Retriever, query: str, history: list[str], top_k: int = 5) -> SearchResult:
    standalone = standalone_query(query, history)
    hits = retriever.retrieve(standalone, top_k)
    name = retriever.reranker.name if retriever.reranker else None
    return SearchResult(
        query,
        standalone,
        answerable(standalone, hits, retriever.store.keyword_index()),
        name,
        hits,
    )
