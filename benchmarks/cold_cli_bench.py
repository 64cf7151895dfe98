"""Cold CLI processes: each run is a fresh `studybot …` process (after one warm-up run that fills
the OS file cache), timed from outside. Prints the median, min and max of wall time and of CPU
time (user + sys of the finished child), so a loaded machine shows as a wide range.

    python benchmarks/cold_cli_bench.py [--runs 5] -- search "what is bm25?" --json
    python benchmarks/cold_cli_bench.py -- ask --no-llm "what is bm25?" --json
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

STUDYBOT = Path(sys.executable).with_name("studybot")


def run_once(args: list[str]) -> tuple[float, float]:
    """(wall s, CPU s) of one process running `studybot ARGS`."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(STUDYBOT), *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"studybot {' '.join(args)} failed (exit {status})")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the studybot arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    if not args:
        ap.error("give the studybot arguments after --")
    run_once(args)  # warm-up: file cache, ONNX export check
    walls, cpus = zip(*(run_once(args) for _ in range(opts.runs)), strict=True)
    print(f"studybot {' '.join(args)}: {opts.runs} cold runs after 1 warm-up")
    for name, xs in (("wall s", walls), ("cpu s", cpus)):
        print(f"  {name}: median {statistics.median(xs):.2f}  min {min(xs):.2f}  max {max(xs):.2f}")


if __name__ == "__main__":
    main()
