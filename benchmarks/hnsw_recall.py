"""How many of the exact best vectors Chroma's HNSW search returns, with its defaults and with
the settings studybot creates its collection with (`ingest.vectors.HNSW`): the default corpus
indexed as studybot indexes it, every gold question asked for the 130 vectors a dense search
asks for, each build repeated. Prints misses and the median query time; asserts nothing.

    PYTHONPATH=. python benchmarks/hnsw_recall.py [--builds 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from core.config import DEFAULT_CORPUS, Settings
from eval.gold import load_gold
from ingest.embedder import build_embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from ingest.vectors import HNSW

ASKED = 130
CONFIGS = {"chroma default": {"space": "cosine"}, "studybot": HNSW}


def main() -> None:
    import chromadb

    ap = argparse.ArgumentParser()
    ap.add_argument("--builds", type=int, default=3)
    args = ap.parse_args()
    settings = Settings.from_env()
    embedder = build_embedder(settings)
    store = IndexStore(replace(settings, home=Path(tempfile.mkdtemp()), chroma_url=None))
    ingest([DEFAULT_CORPUS], store, embedder, progress=False)
    stored = store.vectors.collection.get(include=["embeddings"])
    ids, vectors = stored["ids"], np.asarray(stored["embeddings"])
    queries = embedder.embed([g.user_input for g in load_gold(Path("eval/gold.jsonl"))])
    print(f"{len(ids)} vectors, {len(queries)} questions, best {ASKED} asked for")
    for name, hnsw in CONFIGS.items():
        for build in range(args.builds):
            client = chromadb.PersistentClient(
                path=tempfile.mkdtemp(),
                settings=chromadb.config.Settings(anonymized_telemetry=False),
            )
            col = client.create_collection(
                "bench", embedding_function=None, configuration={"hnsw": hnsw}
            )
            for start in range(0, len(ids), 1000):
                col.add(ids=ids[start : start + 1000], embeddings=vectors[start : start + 1000])
            missed = total = 0
            times = []
            for q in queries:
                t0 = time.perf_counter()
                found = set(col.query(query_embeddings=q[None, :], n_results=ASKED)["ids"][0])
                times.append(time.perf_counter() - t0)
                sims = vectors @ q
                order = np.argsort(-sims)
                cut = sims[order[ASKED - 1]] + 1e-4  # ties at the edge may go either way
                exact = {ids[j] for j in order[:ASKED] if sims[j] > cut}
                total += len(exact)
                missed += len(exact - found)
            print(f"{name:15} build {build + 1}: missed {missed:4d} of {total} "
                  f"({missed / total:.2%}), median query {statistics.median(times) * 1000:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
