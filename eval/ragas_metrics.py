"""Ragas' retrieval metrics that need no LLM: ID-based and string-based context precision and
recall, computed by ragas itself from the same retrieval results studybot's metrics use."""

from __future__ import annotations

import os


def context_metrics(rows: list[dict]) -> dict:
    """`rows`: one per answerable question, with `user_input`, `retrieved_contexts`,
    `reference_contexts`, `retrieved_context_ids` and `reference_context_ids`.
    Returns the mean of each metric (NaN-free: rows ragas cannot score are skipped)."""
    os.environ.setdefault("RAGAS_DO_NOT_TRACK", "true")
    import math

    from ragas import EvaluationDataset, evaluate
    from ragas.metrics._context_precision import (
        IDBasedContextPrecision,
        NonLLMContextPrecisionWithReference,
    )
    from ragas.metrics._context_recall import IDBasedContextRecall, NonLLMContextRecall

    metrics = [IDBasedContextPrecision(), IDBasedContextRecall(),
               NonLLMContextPrecisionWithReference(), NonLLMContextRecall()]  # fmt: skip
    result = evaluate(EvaluationDataset.from_list(rows), metrics=metrics, show_progress=False)
    table = result.to_pandas()
    out = {}
    for m in metrics:
        values = [float(v) for v in table[m.name] if v is not None and not math.isnan(float(v))]
        out[m.name] = round(sum(values) / len(values), 4) if values else None
    return out
