"""Ragas, computed by ragas itself.

- `context_metrics`: ID-based and string-based context precision/recall (no LLM), every run.
- `answer_metrics` (`studybot eval --ragas`): faithfulness, answer relevancy and answer correctness,
  judged by a local model through ragas' own `llm_factory` over its OpenAI-compatible loopback
  endpoint, with the local MiniLM embeddings. No API key, no network beyond 127.0.0.1.
"""

from __future__ import annotations

import os

os.environ.setdefault("RAGAS_DO_NOT_TRACK", "true")

import asyncio  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from ragas.embeddings.base import BaseRagasEmbedding  # noqa: E402

ANSWER_METRICS = ("faithfulness", "answer_relevancy", "answer_correctness")


def context_metrics(rows: list[dict]) -> dict:
    """`rows`: one per answerable question, with `user_input`, `retrieved_contexts`,
    `reference_contexts`, `retrieved_context_ids` and `reference_context_ids`.
    Returns the mean of each metric (NaN-free: rows ragas cannot score are skipped)."""
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


class LocalEmbeddings(BaseRagasEmbedding):
    """studybot's embedder (the packaged MiniLM) behind ragas' embedding interface."""

    def __init__(self, embedder):
        super().__init__()
        self.embedder = embedder

    def embed_text(self, text: str, **kwargs) -> list[float]:
        return self.embedder.embed([text])[0].tolist()

    async def aembed_text(self, text: str, **kwargs) -> list[float]:
        return self.embed_text(text)

    def embed_texts(self, texts: list[str], **kwargs) -> list[list[float]]:
        return self.embedder.embed(list(texts)).tolist()


def ragas_llm(base_url: str, api_key: str | None, model: str, max_tokens: int = 1024):
    """A ragas LLM (instructor, JSON mode) over an OpenAI-compatible endpoint."""
    from openai import AsyncOpenAI
    from ragas.llms import llm_factory

    client = AsyncOpenAI(base_url=base_url, api_key=api_key or "none", max_retries=0, timeout=600)
    return llm_factory(model, client=client, max_tokens=max_tokens, temperature=0.0)


def answer_metrics(
    rows: list[dict],
    llm,
    embedder,
    progress: Callable[[int, int], None] | None = None,
    metrics: tuple[str, ...] = ANSWER_METRICS,
) -> dict:
    """Faithfulness, answer relevancy and answer correctness for `rows` (`user_input`,
    `response`, `retrieved_contexts`, `reference`), judged by `llm` (a ragas LLM from
    `ragas_llm`). A metric the judge fails on for a row (malformed JSON, an error) counts as a
    failure, reported, and is left out of that metric's mean rather than scored 0."""
    from ragas.metrics.collections import AnswerCorrectness, AnswerRelevancy, Faithfulness

    embeddings = LocalEmbeddings(embedder)
    makers = {
        "faithfulness": lambda: Faithfulness(llm=llm),
        "answer_relevancy": lambda: AnswerRelevancy(llm=llm, embeddings=embeddings, strictness=1),
        "answer_correctness": lambda: AnswerCorrectness(llm=llm, embeddings=embeddings),
    }
    chosen = {name: makers[name]() for name in metrics}

    def arguments(name: str, row: dict) -> dict:
        kwargs = {"user_input": row["user_input"], "response": row["response"]}
        if name == "faithfulness":
            kwargs["retrieved_contexts"] = row["retrieved_contexts"]
        elif name == "answer_correctness":
            kwargs["reference"] = row["reference"]
        return kwargs

    async def score_all() -> list[dict[str, float | str]]:
        # Metric by metric, not row by row: consecutive requests share the metric's long prompt
        # template, which the local server keeps cached (3-10x less prompt to read each time).
        scored: list[dict[str, float | str]] = [{} for _ in rows]
        done = 0
        for name, metric in chosen.items():
            for row, out in zip(rows, scored, strict=True):
                try:
                    value = (await metric.ascore(**arguments(name, row))).value
                    out[name] = float(value) if value is not None else "no score"
                except Exception as exc:  # one failed judgement must not end the evaluation
                    out[name] = f"{type(exc).__name__}: {str(exc)[:160]}"
                done += 1
                if progress:
                    progress(done, len(rows) * len(chosen))
        return scored

    start = time.perf_counter()
    scored = asyncio.run(score_all())
    seconds = time.perf_counter() - start
    summary: dict = {"questions": len(rows)}
    for name in chosen:
        values = [s[name] for s in scored if isinstance(s[name], float)]
        values = [v for v in values if not math.isnan(v)]
        summary[name] = round(statistics.mean(values), 4) if values else None
        summary[f"{name}_scored"] = len(values)
    summary["failures"] = [
        {"id": row.get("id"), "metric": name, "error": s[name]}
        for row, s in zip(rows, scored, strict=True)
        for name in chosen
        if not isinstance(s[name], float) or math.isnan(s[name])
    ]
    summary["judge_seconds"] = round(seconds, 1)
    summary["per_question"] = [
        {"id": row.get("id"), **{k: v for k, v in s.items() if isinstance(v, float)}}
        for row, s in zip(rows, scored, strict=True)
    ]
    return summary
