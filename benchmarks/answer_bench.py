"""Answer-path benchmark on the default corpus (warm unless stated). Prints numbers; asserts
nothing. Queries are the gold set's answerable questions.

    .venv/bin/python benchmarks/answer_bench.py [--queries 30] [--llm-queries 5]

- retrieval (hybrid, + the rerank stage when one is configured): p50 / p95 per query
- instant grounded answer (retrieval + evidence choice + quoting): p50 / p95
- the generated answer with the default local model, per question: instant answer, prompt
  tokens (new / reused from llama.cpp's prompt cache), prompt processing, first model token,
  first verified (shown) sentence, decode rate; and their medians
- cold `studybot ask --no-llm` and `studybot ask` process time (new process each run)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.config import DEFAULT_CORPUS, Settings, go_offline
from eval.gold import load_gold
from ingest.embedder import Embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.answer import grounded_answer
from rag.engine import Engine
from rag.followup import standalone_query
from rag.llm import load_llm
from rag.retrieve import Retriever


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def line(name: str, ms: list[float]) -> None:
    print(
        f"  {name:42s} p50 {statistics.median(ms):7.1f} ms   p95 {pct(ms, 0.95):7.1f} ms   (n={len(ms)})"
    )


def fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


class Clocked:
    """The LLM, noting when the first piece of its answer arrived."""

    def __init__(self, llm):
        self.llm = llm
        self.first: float | None = None

    def stream(self, messages, max_tokens=256):
        for piece in self.llm.stream(messages, max_tokens):
            if self.first is None:
                self.first = time.perf_counter()
            yield piece

    def __getattr__(self, name):
        return getattr(self.llm, name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--llm-queries", type=int, default=5)
    ap.add_argument("--cold-runs", type=int, default=3)
    args = ap.parse_args()
    go_offline()
    home = Path(tempfile.mkdtemp(prefix="studybot-bench-"))
    settings = Settings(home=home)
    embedder = Embedder(settings.embed_model)
    store = IndexStore(settings)
    ingest([DEFAULT_CORPUS], store, embedder, progress=False)
    retriever = Retriever(store, embedder)
    gold = [g for g in load_gold() if g.answerable][: args.queries]
    queries = [standalone_query(g.user_input, list(g.history)) for g in gold]
    retriever.retrieve(queries[0], 5)  # warm: model and BM25 loaded

    print(f"default corpus, {store.catalog.count_items()} items, 2-core CPU")
    ms = []
    for q in queries:
        t = time.perf_counter()
        retriever.retrieve(q, 5)
        ms.append((time.perf_counter() - t) * 1000)
    line("retrieval (hybrid, top 5)", ms)
    ms = []
    for g in gold:
        t = time.perf_counter()
        grounded_answer(retriever, g.user_input, list(g.history))
        ms.append((time.perf_counter() - t) * 1000)
    line("instant grounded answer", ms)

    t = time.perf_counter()
    llm = load_llm(settings)
    print(f"  local model load ({settings.llm_model}): {time.perf_counter() - t:.1f} s")
    clocked = Clocked(llm)
    engine = Engine(retriever, lambda: clocked)
    rows, total, none = [], [], 0
    print("  where the time to the first shown sentence goes, per question (seconds from Enter):")
    print("    instant answer | prompt tokens new/cached | prompt ms | first token | "
          "first sentence shown | decode tok/s")  # fmt: skip
    for g in gold[: args.llm_queries]:
        t = time.perf_counter()
        clocked.first = instant = shown = None
        for kind, _ in engine.ask(g.user_input, list(g.history)):
            if kind == "instant":
                instant = time.perf_counter() - t
            if kind == "sentence" and shown is None:
                shown = time.perf_counter() - t
        total.append(time.perf_counter() - t)
        if clocked.first is None:
            none += 1  # abstained: nothing was asked of the model
            continue
        timings = getattr(llm, "last_timings", {}) or {}
        row = dict(
            instant=instant,
            prompt_new=timings.get("prompt_n"),
            prompt_cached=timings.get("cache_n"),
            prompt_ms=timings.get("prompt_ms"),
            first_token=clocked.first - t,
            shown=shown,
            decode=timings.get("predicted_per_second"),
        )
        rows.append(row)
        print("    " + " | ".join(fmt(v) for v in row.values()))
    if rows:
        med = {k: statistics.median(v) for k in rows[0]
               if (v := [r[k] for r in rows if r[k] is not None])}  # fmt: skip
        print("    median: " + ", ".join(f"{k} {fmt(v)}" for k, v in med.items()))
        print(f"  {sum(r['shown'] is None for r in rows)} of {len(rows)} generated answers "
              "showed no sentence (the quote stood alone)")  # fmt: skip
    print(f"  whole answer median {statistics.median(total):.1f} s; {none} abstained")

    exe = str(Path(sys.executable).parent / "studybot")
    env_home = ["--home", str(home)]
    for label, extra in (
        ("cold `studybot ask --no-llm`", ["--no-llm"]),
        ("cold `studybot ask`", []),
    ):
        runs = []
        for _ in range(args.cold_runs):
            t = time.perf_counter()
            subprocess.run([exe, *env_home, "ask", "why is flash attention fast?", "--json", *extra],
                           check=True, capture_output=True)  # fmt: skip
            runs.append(time.perf_counter() - t)
        print(f"  {label:42s} median {statistics.median(runs):.1f} s over {len(runs)} runs")


if __name__ == "__main__":
    main()
