"""The server path: a real `chroma run` on loopback, ingest and search through HttpClient."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import free_port, run_json, wait_until_up


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/api/v2/heartbeat", proc, 60, "chroma server")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_ingest_and_search_against_a_chroma_server(chroma_server, cli, monkeypatch, tmp_path):
    monkeypatch.setenv("STUDYBOT_CHROMA_URL", chroma_server)
    notes = tmp_path / "notes.md"
    notes.write_text(
        "Q1: What is LoRA?\nLow-rank adapters added to frozen weights.\n"
        "Q2: What is RLHF?\nReinforcement learning from human feedback.\n"
    )
    out = run_json(cli, "ingest", str(notes), "--json")
    assert out["items_total"] == 2 and out["by_kind"]["qa"] == 2
    stats = run_json(cli, "stats", "--json")
    assert stats["store"] == chroma_server
    results = run_json(cli, "search", "low rank adaptation", "--json")["results"]
    assert results[0]["text"].startswith("What is LoRA?")
    # The vectors live on the server: a client pointed at it sees them.
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.rsplit(":", 1)[1]))
    assert client.get_collection("studybot").count() == 4


def test_unreachable_server_is_a_clear_error(cli, monkeypatch):
    monkeypatch.setenv("STUDYBOT_CHROMA_URL", f"http://127.0.0.1:{free_port()}")
    code, _, err = cli("search", "anything", "--json")
    assert code == 4 and "cannot reach the Chroma server" in err and "chroma run" in err
