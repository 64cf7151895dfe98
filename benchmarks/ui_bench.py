"""UI benchmark: startup time to first page, and time to the first checked sentence of the
generated answer as seen in a real headless Chromium (screenshots: docs/take_screenshots.py).
Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/ui_bench.py [--starts 3] [--questions 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from core.config import DEFAULT_CORPUS

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
QUESTIONS = [
    "what are the advantages of RoPE over absolute position encodings?",
    "what is the benefit of block-wise quantization in QLoRA?",
    "how does the model tell the user from the assistant in a chat?",
    "why are dual encoders preferred over cross encoders for search?",
    "what does a validation set do?",
    "what is FlashAttention and how does it work?",
]
# The chat screenshot ends with a follow-up to the last question.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(env: dict, port: int) -> tuple[subprocess.Popen, float]:
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "studybot.cli", "ui", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}", timeout=2)
            return proc, time.perf_counter() - t
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the UI exited during startup") from None
            time.sleep(0.1)


def wait_until_settled(page, quiet_s: float = 2.0, limit_s: float = 120) -> None:
    """Wait until the last chat message has stopped changing (the answer is complete)."""
    last, since, start = None, time.perf_counter(), time.perf_counter()
    while time.perf_counter() - start < limit_s:
        text = page.locator("#chatbot .message").last.inner_text()
        if text != last:
            last, since = text, time.perf_counter()
        elif time.perf_counter() - since >= quiet_s:
            return
        page.wait_for_timeout(200)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--questions", type=int, default=5)
    ap.add_argument("--gold", type=int, default=0,
                    help="ask the first N answerable, standalone gold questions instead")  # fmt: skip
    args = ap.parse_args()
    questions = QUESTIONS[-args.questions :]
    if args.gold:
        from eval.gold import load_gold

        questions = [g.user_input for g in load_gold() if g.answerable and not g.history]
        questions = questions[: args.gold]
    from playwright.sync_api import sync_playwright

    home = Path(tempfile.mkdtemp(prefix="studybot-ui-bench-"))
    env = {**os.environ, "STUDYBOT_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "studybot.cli", "ingest", str(DEFAULT_CORPUS), "--json"],
                   env=env, check=True, capture_output=True)  # fmt: skip
    startups = []
    for _ in range(args.starts):
        proc, seconds = start(env, free_port())
        startups.append(seconds)
        proc.terminate()
        proc.wait(30)
    port = free_port()
    proc, _ = start(env, port)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    ttft, instant, done, page_ready = [], [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1100})
            t = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}")
            page.wait_for_selector("#chat-input textarea")
            page_ready.append(time.perf_counter() - t)
            for q in questions:
                page.click("#chat-new")
                page.wait_for_function(
                    "() => !document.querySelector('#chatbot').innerText.includes('studybot:')"
                )
                page.fill("#chat-input textarea", q)
                t = time.perf_counter()
                page.click("#chat-send")
                page.wait_for_function(  # the instant answer (the quote) is on screen
                    "() => { const m = document.querySelectorAll('#chatbot .message');"
                    " return m.length >= 2 && m[m.length - 1].innerText.trim().length > 0; }",
                    timeout=120_000,
                )
                instant.append(time.perf_counter() - t)
                try:  # the first checked sentence, or the note that none passed the check
                    page.wait_for_function(
                        "() => /studybot:|no generated answer/.test("
                        "document.querySelector('#chatbot').innerText)",
                        timeout=120_000,
                    )
                    done.append(time.perf_counter() - t)
                    if "studybot:" in page.inner_text("#chatbot"):
                        ttft.append(done[-1])
                    else:
                        print(f"  quote only (no generated sentence passed) for {q!r}")
                except Exception:
                    print(f"  no generated answer within 120 s for {q!r}")
                wait_until_settled(page, quiet_s=6.0)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(30)
    print(
        f"UI startup to first page (HTTP 200): median {statistics.median(startups):.1f} s over {len(startups)} starts"
    )
    print(f"page interactive in the browser: {page_ready[0]:.1f} s")
    print(f"instant answer (the quote) on screen: median {statistics.median(instant):.2f} s, "
          f"max {max(instant):.2f} s over {len(instant)} questions")  # fmt: skip
    if done:
        print(f"generation settled (first checked sentence, or the note that none passed): "
              f"median {statistics.median(done):.2f} s over {len(done)}")  # fmt: skip
    if ttft:
        print(f"first checked sentence in the UI (instant answer, then LLM): median {statistics.median(ttft):.2f} s "
              f"over {len(ttft)} questions (first question includes loading the model: {ttft[0]:.2f} s)")  # fmt: skip
    else:
        print("first checked sentence in the UI: none of the questions showed a generated sentence")


if __name__ == "__main__":
    main()
