"""A long-running app must not grow with every question: the local model's memory is bounded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def rss_mb() -> float:
    for line in Path(f"/proc/{os.getpid()}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


@pytest.mark.llm
@pytest.mark.slow
def test_the_local_models_prompt_cache_is_bounded(settings):
    """Six distinct ~600-token prompts: left at llama.cpp's default cache (8 GiB) the process
    grows ~8 MB for each of them (~48 MB); capped, by at most the cap plus allocator slack."""
    pytest.importorskip("xllamacpp")
    from rag.llm import load_llm
    from rag.llm.local import PROMPT_CACHE_MIB

    llm = load_llm(settings)

    def ask(i: int) -> None:
        note = " ".join(f"word{i}_{j}" for j in range(120))
        messages = [{"role": "system", "content": "Answer from the note."},
                    {"role": "user", "content": f"Note: {note}\nWhat is word{i}_7?"}]  # fmt: skip
        assert "".join(llm.stream(messages, max_tokens=1)) is not None

    ask(0), ask(1)  # buffers allocated, the first prompt cached
    before = rss_mb()
    for i in range(2, 8):
        ask(i)
    growth = rss_mb() - before
    assert growth < PROMPT_CACHE_MIB + 12, f"+{growth:.0f} MB over 6 prompts"
