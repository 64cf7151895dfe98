"""Rerank latency benchmark: scoring 20 fused candidates per query, warm, on the default corpus.
Prints numbers; asserts nothing. Queries are the gold set's answerable questions.

    .venv/bin/python benchmarks/rerank_bench.py [--queries 30] [--rerank tuned --rerank /path]
        [--llm-queries 3]

For each reranker: p50 / p95 of `score(query, 20 passages)` and its ratio to the hybrid
retrieval that produced the candidates (measured in the same run). The LLM judge is slow, so it
runs on --llm-queries queries only (0 skips it).
"""

from __future__ import annotations

import argparse
import statistics
import time

from core.config import Settings, go_offline
from core.errors import StudybotError
from eval.gold import load_gold
from ingest.embedder import Embedder
from ingest.store import IndexStore
from rag.followup import standalone_query
from rag.rerank import RERANK_CANDIDATES, load_reranker
from rag.retrieve import Retriever


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--rerank", action="append", help="reranker spec (default: tuned)")
    ap.add_argument("--llm-queries", type=int, default=3)
    args = ap.parse_args()
    go_offline()
    settings = Settings.from_env()  # the index `studybot ingest` built, and its tuned model
    embedder = Embedder(settings.embed_model)
    retriever = Retriever(IndexStore(settings), embedder)
    gold = [g for g in load_gold() if g.answerable][: args.queries]
    queries = [standalone_query(g.user_input, list(g.history)) for g in gold]
    retriever.retrieve(queries[0], RERANK_CANDIDATES)  # warm
    candidates, retrieval_ms = [], []
    for q in queries:
        ms = timed(lambda q=q: candidates.append((q, retriever.retrieve(q, RERANK_CANDIDATES))))
        retrieval_ms.append(ms)
    base = statistics.median(retrieval_ms)
    n_passages = statistics.median(len(hits) for _, hits in candidates)
    print(f"{len(queries)} queries, median {n_passages} candidates each")
    print(
        f"  {'hybrid retrieval (baseline)':34s} p50 {base:7.1f} ms   p95 {pct(retrieval_ms, 0.95):7.1f} ms"
    )
    specs = args.rerank or ["tuned"]
    if args.llm_queries:
        specs.append("llm")
    for spec in specs:
        try:
            reranker = load_reranker(settings, spec)
        except StudybotError as exc:
            print(f"  {spec}: skipped ({exc})")
            continue
        subset = candidates[: args.llm_queries] if spec == "llm" else candidates
        q0, hits0 = subset[0]
        reranker.score(q0, [h.item.text for h in hits0])  # warm
        ms = [
            timed(lambda q=q, h=h, r=reranker: r.score(q, [x.item.text for x in h]))
            for q, h in subset
        ]
        p50 = statistics.median(ms)
        print(
            f"  {reranker.name[:34]:34s} p50 {p50:7.1f} ms   p95 {pct(ms, 0.95):7.1f} ms   "
            f"{p50 / base:5.1f}x retrieval   (n={len(ms)})"
        )


if __name__ == "__main__":
    main()
