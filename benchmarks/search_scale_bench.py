"""How search cost grows with bank size: one index grown step by step (600 → 5,000 → 20,000 items
by default), hybrid search timed at each size in the same run, reported as p50/p95 and as a
ratio to the smallest size, with the ingest rate and the process's resident memory. Prints
numbers; asserts nothing.

    .venv/bin/python benchmarks/search_scale_bench.py [--sizes 600,5000,20000,100000]
        [--queries 40] [--chroma-url http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from ingest_bench import WORDS, synthetic_corpus  # noqa: I001  (run as a script from benchmarks/)

from core.config import Settings, go_offline
from ingest.embedder import build_embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.retrieve import Retriever


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="600,5000,20000")
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--chroma-url", default=None)
    args = ap.parse_args()
    go_offline()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(home=Path(tmp) / "home", chroma_url=args.chroma_url,
                            collection=f"scale{int(time.time())}")  # fmt: skip
        embedder = build_embedder(settings)
        embedder.embed(["warm up"])
        store = IndexStore(settings)
        retriever = Retriever(store, embedder, "hybrid")
        folder = Path(tmp) / "bank"
        folder.mkdir()
        base = None
        print(
            f"store: {args.chroma_url or 'embedded Chroma'}; embedder backend: {embedder.backend}"
        )
        print("items | ingest items/s | search p50 ms | p95 ms | p50 / smallest | max RSS MB")
        for size in sizes:
            synthetic_corpus(folder, size)  # the same files, plus new ones: an incremental ingest
            start = time.perf_counter()
            report = ingest([folder], store, embedder, progress=False)
            rate = report.items_added / (time.perf_counter() - start)
            for q in range(3):  # warm: first-query costs are not per-query latency
                retriever.retrieve(f"why does {WORDS[q]} matter", 5)
            lat = []
            for q in range(args.queries):
                query = f"why does {WORDS[q % len(WORDS)]} {WORDS[(q * 7) % len(WORDS)]} matter"
                t = time.perf_counter()
                retriever.retrieve(query, 5)
                lat.append((time.perf_counter() - t) * 1000)
            lat.sort()
            p50 = statistics.median(lat)
            base = base or p50
            p95 = lat[max(0, int(len(lat) * 0.95) - 1)]
            print(f"{report.items_total} | {rate:.1f} | {p50:.1f} | {p95:.1f} | {p50 / base:.2f}x"
                  f" | {rss_mb():.0f}", flush=True)  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
