"""Cold ingest of the default corpus: this checkout against a baseline commit, in one run.

Each run is a fresh `studybot ingest corpus --json` process into an empty data folder, timed from
outside (imports included, as a user waits for them); the two versions alternate so a change in
machine load hits both. Both run on this checkout's virtualenv. Prints per-run times, medians,
items/s and the ratio. Asserts nothing.

    .venv/bin/python benchmarks/ingest_ab_bench.py [--baseline c3e7672] [--runs 3]

c3e7672 is main when the speed issue was filed (its README: 24.5 items/s on the default corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INGEST = "import sys; from studybot.cli import main; sys.argv = ['studybot', *sys.argv[1:]]; main()"


def cold_ingest(checkout: Path) -> tuple[float, int]:
    """(wall seconds, items indexed) of one cold ingest of `checkout`'s default corpus."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "STUDYBOT_HOME": home, "PYTHONPATH": str(checkout)}
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", INGEST, "ingest", "corpus", "--json"],
            cwd=checkout, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        wall = time.perf_counter() - start
    return wall, json.loads(out.stdout.strip().splitlines()[-1])["items_total"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="c3e7672")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                          capture_output=True, check=True).stdout.strip()  # fmt: skip
    base_dir = Path(tempfile.mkdtemp(prefix="studybot-baseline-"))
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base_dir), args.baseline],
                   cwd=ROOT, check=True)  # fmt: skip
    try:
        cold_ingest(ROOT)  # warm-up: the OS file cache and the one-time ONNX export
        cold_ingest(base_dir)
        runs: dict[str, list[tuple[float, int]]] = {args.baseline: [], head: []}
        for n in range(args.runs):
            for name, checkout in ((args.baseline, base_dir), (head, ROOT)):
                wall, items = cold_ingest(checkout)
                runs[name].append((wall, items))
                print(f"run {n + 1}: {name:8s} {wall:6.2f} s  {items} items", flush=True)
        rate = {}
        for name, got in runs.items():
            wall = statistics.median(w for w, _ in got)
            rate[name] = got[0][1] / wall
            print(f"{name:8s} median {wall:6.2f} s ({min(w for w, _ in got):.2f}–"
                  f"{max(w for w, _ in got):.2f}), {got[0][1]} items, {rate[name]:.1f} items/s")  # fmt: skip
        print(f"items/s {head} / {args.baseline}: {rate[head] / rate[args.baseline]:.2f}x "
              f"({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end)")  # fmt: skip
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base_dir)], cwd=ROOT,
                       check=False)  # fmt: skip
        shutil.rmtree(base_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
