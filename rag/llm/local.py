"""The local model: a GGUF run in-process by llama.cpp through xllamacpp, streaming through its
per-chunk callback. It also serves the same OpenAI-compatible API on a loopback port, behind a
random key, for clients that need HTTP (Ragas)."""

from __future__ import annotations

import json
import os
import queue
import secrets
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from core.errors import ModelNotInstalled
from rag.llm.base import SEED, YES_NO_REQUEST, LLMError, Message, yes_share

_native_log_redirected = False
# llama.cpp's server saves each prompt a slot moves away from in a RAM cache, 8 GiB by default:
# on the 0.5B model ~8 MB per distinct 600-token prompt, so a long-running app grew with every
# question. A few prompts' worth keeps the alternating templates (rewrite, answer, grade) warm.
PROMPT_CACHE_MIB = 16


def redirect_native_logs(log_file: Path) -> None:
    """Send what native code writes to file descriptor 2 (llama.cpp logs every request there,
    from its own threads) to `log_file`; Python's own stderr keeps the terminal."""
    global _native_log_redirected
    if _native_log_redirected:
        return
    log_file.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    terminal = os.dup(2)
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    sys.stderr = os.fdopen(terminal, "w", buffering=1, encoding="utf-8", errors="replace")
    _native_log_redirected = True


STOP_WAIT_S = 30.0  # bound on waiting for a cancelled generation to return (one token: ms)


class LocalLLM:
    """llama.cpp in-process through xllamacpp; streaming via its per-chunk callback."""

    def __init__(
        self,
        gguf: Path,
        name: str,
        n_ctx: int = 4096,
        threads: int | None = None,
        log_file: Path | None = None,
        slots: int = 1,
    ):
        try:
            import xllamacpp as xlc
        except ImportError:
            raise ModelNotInstalled(
                "xllamacpp is not installed; run: pip install xllamacpp"
            ) from None
        if log_file is not None:
            redirect_native_logs(log_file)
        params = xlc.CommonParams()
        params.model.path = str(gguf)
        # Each slot keeps its own cached prompt prefix: a caller that alternates between a few
        # long prompt templates (ragas' judges) reuses all of them with one slot per template.
        params.n_ctx = n_ctx * slots
        params.n_parallel = slots
        params.cache_prompt = True  # reuse the system-prompt prefix between questions
        params.sampling.seed = SEED  # also for requests that name none (ragas' judge)
        params.cache_ram_mib = PROMPT_CACHE_MIB
        params.warmup = False
        params.verbosity = -1
        n = threads or max(1, min(4, os.cpu_count() or 1))
        params.cpuparams.n_threads = n
        params.cpuparams_batch.n_threads = n
        # Its HTTP endpoint (for ragas) listens on loopback only, behind a random key.
        params.hostnames = ["127.0.0.1"]
        params.port = 0  # any free port
        params.ui = False
        params.endpoint_slots = False
        self.api_key = secrets.token_urlsafe(24)
        params.api_keys = [self.api_key]
        params.cors_origins = "http://127.0.0.1"
        params.cors_origins_explicit = True
        self.name = name
        self.last_timings: dict = {}  # llama.cpp's timings of the latest streamed answer so far
        self._server = xlc.Server(params)
        self._lock = threading.Lock()  # one slot: requests take turns

    @property
    def base_url(self) -> str:
        return f"{self._server.listening_address}/v1"

    def yes_probability(self, messages: list[Message]) -> float:
        request = {"messages": messages, **YES_NO_REQUEST, "stream": False, "cache_prompt": True}
        with self._lock:
            response = self._server.handle_chat_completions(request)
        if isinstance(response, str):
            response = json.loads(response)
        if "error" in response:
            raise LLMError(f"local model failed: {response['error']}")
        return yes_share(response)

    def stream(self, messages: list[Message], max_tokens: int = 256) -> Iterator[str]:
        """Stream the answer. Closing the iterator early (the reader went away) stops llama.cpp
        at its next token and frees the model for the next request."""
        self.last_timings = {}
        pieces: queue.Queue = queue.Queue()
        done = object()
        abandoned = threading.Event()
        request = {
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": 0.1,
            "seed": SEED,
            # A small model can loop on one sentence: penalise recent repeats (rag/verify.py
            # also stops reading after two repeated sentences).
            "repeat_penalty": 1.1,
            "stream": True,
            "cache_prompt": True,
            "timings_per_token": True,  # so a stream closed early still tells where time went
        }

        def on_chunk(chunk) -> bool:
            # xllamacpp's callback returns "stop?": True cancels the request in llama.cpp.
            if abandoned.is_set():
                return True
            pieces.put(chunk)
            return False

        def run() -> None:
            try:
                with self._lock:
                    if not abandoned.is_set():  # gone before its turn came: don't start
                        self._server.handle_chat_completions(request, on_chunk)
            except Exception as exc:  # surfaced to the consumer below
                pieces.put(exc)
            finally:
                pieces.put(done)

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        try:
            while (chunk := pieces.get()) is not done:
                if isinstance(chunk, Exception):
                    raise LLMError(f"local model failed: {chunk}")
                if isinstance(chunk, str):
                    chunk = json.loads(chunk)
                if "error" in chunk:
                    raise LLMError(f"local model failed: {chunk['error']}")
                if "timings" in chunk:  # prompt_n, cache_n, prompt_ms, predicted_per_second...
                    self.last_timings = chunk["timings"]
                for choice in chunk.get("choices", []):
                    text = (choice.get("delta") or {}).get("content")
                    if text:
                        yield text
        finally:
            abandoned.set()  # GeneratorExit, an error or the end: nothing more is wanted
            # llama.cpp stops at its next token; wait for that, so no native thread is still
            # generating when the process exits (that crashed the interpreter at shutdown).
            worker.join(timeout=STOP_WAIT_S)
