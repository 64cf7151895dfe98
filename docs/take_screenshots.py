"""Screenshots of every tab at desktop (1280×800) and phone (390×844) width, for the README.

    .venv/bin/python docs/take_screenshots.py

Starts `studybot ui --no-llm` over the default corpus in a scratch home, answers one quiz
question so the progress panel has data, and drives Debian's chromium with Playwright.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update"]  # fmt: skip


def settled(page, condition: str, shown: str | None = None) -> None:
    """Wait for `condition`, then for Gradio to finish every pending event (no spinner in the
    picture) and for the `shown` element to be drawn at full opacity (not greyed as pending)."""
    page.wait_for_function(condition, timeout=300_000)
    page.wait_for_function(
        "() => !document.querySelector('.pending, .generating, .eta-bar')", timeout=120_000
    )
    if shown:
        page.wait_for_function(
            "s => { let e = document.querySelector(s); for (; e; e = e.parentElement) "
            "{ if (getComputedStyle(e).opacity !== '1') return false; } return true; }",
            arg=shown, timeout=120_000,
        )  # fmt: skip


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import free_port, wait_until_up

    home = Path(tempfile.mkdtemp(prefix="studybot-shots-"))
    env = {**os.environ, "STUDYBOT_HOME": str(home)}
    exe = [sys.executable, "-m", "studybot.cli"]
    subprocess.run([*exe, "ingest", str(ROOT / "corpus")], env=env, check=True, cwd=ROOT)
    port = free_port()
    proc = subprocess.Popen([*exe, "ui", "--port", str(port), "--no-llm"], env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, proc, 180, "ui")
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for name, (w, h) in SIZES.items():
                page = browser.new_context(viewport={"width": w, "height": h}).new_page()
                page.goto(url)
                page.wait_for_selector("#chat-input textarea", timeout=60_000)
                page.fill("#chat-input textarea", "what is a cross-encoder?")
                page.click("#chat-send")
                settled(
                    page,
                    "() => document.querySelector('#chatbot a.sb-cite')"
                    " && !document.querySelector('.wrap.generating, .wrap.pending')",
                )
                page.locator("#chatbot a.sb-cite").first.click()  # [1] opens its source card
                settled(page, "() => document.querySelector('.sb-source.sb-hl[open]')")
                page.screenshot(path=OUT / f"chat-{name}.png")
                page.get_by_role("tab", name="Quiz").click()
                page.click("#quiz-next")
                page.wait_for_function(
                    "() => document.querySelector('#quiz-question').innerText.includes('?')",
                    timeout=120_000,
                )
                page.fill("#quiz-answer textarea", "I am not sure")
                page.click("#quiz-submit")
                page.wait_for_selector("#quiz-result h2, #quiz-rate-good", timeout=120_000)
                page.screenshot(path=OUT / f"quiz-{name}.png")
                page.screenshot(path=OUT / f"quiz-progress-{name}.png", full_page=True)
                page.get_by_role("tab", name="Library").click()
                page.wait_for_selector("#lib-table")
                page.screenshot(path=OUT / f"library-{name}.png")
                page.get_by_role("tab", name="Evaluation").click()
                page.click("#eval-mine")
                settled(page, "() => document.querySelector('#eval-mine-result')"
                        ".innerText.includes('Finds the right note')", "#eval-mine-result")  # fmt: skip
                page.screenshot(path=OUT / f"evaluation-{name}.png")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
