"""Retrieval and abstention metrics. Each takes the ranked relevance of one query's results
(True where a result is relevant) and returns a number; `mean` averages over queries."""

from __future__ import annotations

import math
from collections.abc import Sequence


def hit_at(rels: Sequence[bool], k: int) -> float:
    return 1.0 if any(rels[:k]) else 0.0


def reciprocal_rank(rels: Sequence[bool], k: int = 10) -> float:
    for rank, rel in enumerate(rels[:k], start=1):
        if rel:
            return 1.0 / rank
    return 0.0


def ndcg_at(rels: Sequence[bool], k: int = 10, n_relevant: int | None = None) -> float:
    """Binary-gain nDCG. The ideal ranking puts `n_relevant` relevant results first (default:
    as many as were retrieved, at least one)."""
    dcg = sum(1.0 / math.log2(rank + 1) for rank, rel in enumerate(rels[:k], start=1) if rel)
    # At least as many relevant results as were found: one evidence quote can sit in two items
    # (a prose chunk and its overlap), and nDCG must stay within [0, 1].
    ideal_n = max(n_relevant or 0, sum(rels[:k]), 1)
    idcg = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(ideal_n, k) + 1))
    return dcg / idcg if idcg else 0.0


def recall_in_budget(
    found: Sequence[set[int]], lengths: Sequence[int], n_evidence: int, budget: int
) -> float:
    """Share of a query's evidence pieces covered by the results that fit in `budget` characters
    (the context an LLM would get). `found[i]` holds the evidence indexes result i contains."""
    if n_evidence == 0:
        return 0.0
    covered: set[int] = set()
    used = 0
    for pieces, length in zip(found, lengths, strict=True):
        if used + length > budget and used > 0:
            break
        used += length
        covered |= pieces
    return len(covered) / n_evidence


def abstention(predicted_abstain: Sequence[bool], truly_unanswerable: Sequence[bool]) -> dict:
    """Precision and recall of abstaining, and how often an answerable question was refused."""
    pairs = list(zip(predicted_abstain, truly_unanswerable, strict=True))
    tp = sum(1 for p, t in pairs if p and t)
    abstained = sum(1 for p, _ in pairs if p)
    unanswerable = sum(1 for _, t in pairs if t)
    answerable = len(pairs) - unanswerable
    false_abstain = sum(1 for p, t in pairs if p and not t)
    return {
        "precision": tp / abstained if abstained else 0.0,
        "recall": tp / unanswerable if unanswerable else 0.0,
        "false_abstention_rate": false_abstain / answerable if answerable else 0.0,
        "abstained": abstained,
        "unanswerable": unanswerable,
    }


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
