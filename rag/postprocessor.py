"""The reranking stage as a llama-index node postprocessor, so it composes with any llama-index
retriever or query engine as well as with studybot's own `Retriever`."""

from __future__ import annotations

from typing import Any

from llama_index.core.bridge.pydantic import Field
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle

from rag.rerank import checked_scores


class RerankPostprocessor(BaseNodePostprocessor):
    """Rescores nodes with a `rag.rerank.Reranker` and sorts them by that score (stable on ties).
    Nodes past `top_n` are dropped when it is set."""

    reranker: Any = Field(description="an object with score(query, passages) -> list[float]")
    top_n: int | None = Field(default=None)

    @classmethod
    def class_name(cls) -> str:
        return "StudybotRerank"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        if query_bundle is None:
            raise ValueError("reranking needs the query")
        if not nodes:
            return []
        passages = [n.node.get_content() for n in nodes]
        scores = checked_scores(self.reranker, query_bundle.query_str, passages)
        order = sorted(range(len(nodes)), key=lambda i: -scores[i])
        ranked = [NodeWithScore(node=nodes[i].node, score=float(scores[i])) for i in order]
        return ranked[: self.top_n] if self.top_n else ranked
