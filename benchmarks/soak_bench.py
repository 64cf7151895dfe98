"""Soak: a few hundred chat requests through gradio_client, from concurrent sessions, against a
real `studybot ui` process with the local LLM. Reports failed requests (target 0), whether each
session's follow-ups were searched with its own conversation's topic (never another session's),
latency medians, and the app's resident memory over the run (target: < 50 MB growth after
warm-up). Each session keeps its own history and sends it with every question (`/ask`).

    python benchmarks/soak_bench.py [--requests 300] [--sessions 4] [--warmup 20]
                                    [--out benchmarks/results/soak.txt]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (question, the topic as it must show in a follow-up's search, a follow-up that needs it)
CONVERSATIONS = [
    ("What is LoRA?", "lora", "how is it different from full fine-tuning?"),
    ("What is BM25?", "bm25", "and why does it saturate term frequency?"),
    ("Why is FlashAttention fast?", "flashattention", "does it change the result?"),
    ("What does a cross-encoder do?", "crossencoder", "why is it slower than a bi-encoder?"),
    ("What is quantization of a language model?", "quantiz", "what does it cost in accuracy?"),
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(home: Path, port: int, log: Path, extra_env: dict) -> subprocess.Popen:
    env = {**os.environ, "STUDYBOT_HOME": str(home), **extra_env}
    env.pop("STUDYBOT_CHROMA_URL", None)
    exe = [sys.executable, "-m", "studybot.cli"]
    if not (home / "index").exists():
        subprocess.run([*exe, "ingest", str(ROOT / "corpus"), "--json"], env=env, check=True,
                       capture_output=True, cwd=ROOT)  # fmt: skip
    proc = subprocess.Popen([*exe, "ui", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=log.open("w"), stderr=subprocess.STDOUT)  # fmt: skip
    deadline = time.monotonic() + 600
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}", timeout=5)
            return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit(f"the app did not start; see {log}") from None
            time.sleep(0.5)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def session(url: str, sid: int, count: int, results: dict, lock: threading.Lock) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    history: list[str] = []
    for n in range(count):
        question, topic, followup = CONVERSATIONS[(sid + n // 2) % len(CONVERSATIONS)]
        asked = question if n % 2 == 0 else followup
        started = time.perf_counter()
        own = foreign = False
        try:
            out = client.predict(asked, json.dumps(history), api_name="/ask")
            out = json.loads(out) if isinstance(out, str) else out
            ok, error = bool(out.get("answer")), None
            if n % 2:  # a follow-up: its search must carry this session's topic, no other
                searched = _squash(out.get("standalone_query", ""))
                own = topic in searched
                foreign = any(t in searched for _, t, _ in CONVERSATIONS if t != topic)
        except Exception as exc:  # a failed request is what this benchmark counts
            ok, error = False, f"{type(exc).__name__}: {exc}"[:300]
        history = [*history, asked][-6:]
        with lock:
            results["latency"].append(time.perf_counter() - started)
            results["done"] += 1
            results["failed"] += not ok
            results["followups"] += n % 2
            results["own_topic"] += own
            results["foreign_topic"] += foreign
            results["generated"] += bool(ok and out.get("generated"))
            if error:
                results["errors"].append(error)
            if results["done"] % 25 == 0:
                print(f"  {results['done']} requests, {results['failed']} failed, RSS "
                      f"{rss_mb(results['pid']):.0f} MB", file=sys.stderr, flush=True)  # fmt: skip


def run(url: str, sessions: int, total: int, pid: int, trace: list) -> dict:
    results = {"latency": [], "done": 0, "failed": 0, "followups": 0, "own_topic": 0,
               "foreign_topic": 0, "generated": 0, "errors": [], "pid": pid}  # fmt: skip
    lock = threading.Lock()
    per = [total // sessions + (i < total % sessions) for i in range(sessions)]
    stop = threading.Event()

    def sample() -> None:  # RSS every 10 s, to see a trend and not only two end points
        while not stop.wait(10.0):
            with lock:
                trace.append((results["done"], rss_mb(pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [
        threading.Thread(target=session, args=(url, i, n, results, lock)) for i, n in enumerate(per)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    results["seconds"] = time.perf_counter() - started
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--sessions", type=int, default=4)
    ap.add_argument("--warmup", type=int, default=20, help="requests before the memory baseline")
    ap.add_argument("--home", type=Path, help="STUDYBOT_HOME (default: a fresh temporary one)")
    ap.add_argument("--env", action="append", default=[], help="NAME=value for the app process")
    ap.add_argument("--out", type=Path, help="also write the report here")
    args = ap.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="soak-"))
    home.mkdir(parents=True, exist_ok=True)
    extra_env = dict(e.split("=", 1) for e in args.env)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_app(home, port, home / "soak-app.log", extra_env)
    trace: list[tuple[int, float]] = []
    try:
        rss_start = rss_mb(proc.pid)
        warm = run(url, args.sessions, args.warmup, proc.pid, [])
        rss_base = rss_mb(proc.pid)
        soak = run(url, args.sessions, args.requests, proc.pid, trace)
        rss_end = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    lat = sorted(soak["latency"])
    half = [r for d, r in trace if d >= args.requests // 2]
    lines = [
        f"soak: {args.requests} /ask requests (conversations with follow-ups) from "
        f"{args.sessions} concurrent gradio_client sessions, `studybot ui` with the local LLM, "
        f"after {args.warmup} warm-up requests ({warm['failed']} of them failed)"
        + (f"; app env {extra_env}" if extra_env else ""),
        f"failed requests: {soak['failed']} of {soak['done']} (target 0)",
        f"generated answers (LLM, citations checked): {soak['generated']} of {soak['done']}",
        f"follow-ups searched with their own session's topic: {soak['own_topic']} of "
        f"{soak['followups']}; with another session's topic: {soak['foreign_topic']} (target 0)",
        f"latency per request as a session sees it (one model, requests take turns): "
        f"median {statistics.median(lat):.2f} s, p95 {lat[int(0.95 * (len(lat) - 1))]:.2f} s; "
        f"wall {soak['seconds']:.0f} s, {soak['seconds'] / max(1, soak['done']):.2f} s per request",
        f"app RSS: {rss_start:.0f} MB at start, {rss_base:.0f} MB after warm-up, "
        f"{rss_end:.0f} MB at the end (peak {max([rss_end, *(r for _, r in trace)]):.0f} MB); "
        f"growth after warm-up {rss_end - rss_base:+.1f} MB (target < 50 MB)",
        f"RSS over the second half: {min(half, default=rss_end):.0f}-{max(half, default=rss_end):.0f} MB",
        "RSS trace (requests done, MB): "
        + ", ".join(f"{d}:{r:.0f}" for d, r in trace[:: max(1, len(trace) // 20)]),
    ]
    lines += [f"error: {e}" for e in soak["errors"][:10]]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n")


if __name__ == "__main__":
    main()
