"""Warm grading time with the local 1.5B judge: key ideas extracted (and cached) first, then each
answer graded once, questions in turn as in a quiz. Prints medians; asserts nothing.

    PYTHONPATH=. python benchmarks/grade_bench.py [--labels eval/grading/dev.jsonl] [--n 12]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from core.config import Settings
from eval.grading import SPLITS, load_labels
from ingest.embedder import build_embedder
from rag.grade import grade
from rag.grade_ideas import IdeaCache, extract_ideas
from rag.llm import load_llm


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", type=Path, default=SPLITS["dev"])
    ap.add_argument("--n", type=int, default=12)
    args = ap.parse_args()
    settings = Settings.from_env()
    rows = [r for r in load_labels(args.labels) if r.get("reference")][: args.n]
    embedder = build_embedder(settings)
    t = time.perf_counter()
    llm = load_llm(settings, settings.judge_model)
    print(f"load judge: {time.perf_counter() - t:.1f} s")
    cache = IdeaCache(Path(tempfile.mkdtemp()) / "ideas.sqlite")
    cold = []
    for r in {r["question"]: r for r in rows}.values():
        t = time.perf_counter()
        extract_ideas(llm, r["question"], r["reference"], cache)
        cold.append(time.perf_counter() - t)
    warm = []
    for r in sorted(rows, key=lambda r: r["id"]):
        t = time.perf_counter()
        grade(r["question"], r["reference"], r["answer"], embedder, llm, cache)
        warm.append(time.perf_counter() - t)
    print(f"key-idea extraction (once per question): median {statistics.median(cold):.2f} s")
    print(f"warm grade (ideas cached), {len(warm)} answers: median {statistics.median(warm):.2f} s")


if __name__ == "__main__":
    main()
