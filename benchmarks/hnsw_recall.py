"""How many of the exact best vectors Chroma's HNSW search returns, with its defaults and with
the settings studybot creates its collection with (`ingest.vectors.HNSW`): the default corpus
indexed as studybot indexes it, every gold question asked for the 130 vectors a dense search
asks for, each build repeated. `--synthetic N`: instead, N vectors in tight clusters of 15 (as a
long note's passages are) and 100 cluster centres as questions, to see the cost at scale. Prints
misses, build time and the median query time; asserts nothing.

    PYTHONPATH=. python benchmarks/hnsw_recall.py [--builds 3] [--synthetic 60000]
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
    ap.add_argument("--synthetic", type=int, default=0)
    args = ap.parse_args()
    ids, vectors, queries = synthetic(args.synthetic) if args.synthetic else default_corpus()
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
            t0 = time.perf_counter()
            for start in range(0, len(ids), 1000):
                col.add(ids=ids[start : start + 1000], embeddings=vectors[start : start + 1000])
            built = time.perf_counter() - t0
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
            print(f"{name:15} build {build + 1} ({built:.1f} s): missed {missed:4d} of {total} "
                  f"({missed / total:.2%}), median query {statistics.median(times) * 1000:.2f} ms")  # fmt: skip


def default_corpus() -> tuple[list[str], np.ndarray, np.ndarray]:
    """The default corpus's vectors as studybot stores them, and the gold questions'."""
    settings = Settings.from_env()
    embedder = build_embedder(settings)
    store = IndexStore(replace(settings, home=Path(tempfile.mkdtemp()), chroma_url=None))
    ingest([DEFAULT_CORPUS], store, embedder, progress=False)
    stored = store.vectors.collection.get(include=["embeddings"])
    questions = [g.user_input for g in load_gold(Path("eval/gold.jsonl"))]
    return stored["ids"], np.asarray(stored["embeddings"]), embedder.embed(questions)


def synthetic(n: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((n // 15, 384))
    spread = 0.35 * np.linalg.norm(centres, axis=1).repeat(15)[:, None] / np.sqrt(384)
    vectors = np.repeat(centres, 15, axis=0) + spread * rng.standard_normal((len(spread), 384))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = centres[rng.choice(len(centres), 100, replace=False)]
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    return [f"v{i}" for i in range(len(vectors))], vectors, queries


if __name__ == "__main__":
    main()
