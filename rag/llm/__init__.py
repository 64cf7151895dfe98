"""Language models: the protocols (`base`), model files from PyPI chunk packages (`packaged`),
llama.cpp in-process (`local`), any OpenAI-compatible server (`remote`), and the factory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.config import Settings, user_cache
from core.errors import ConfigError, ModelNotInstalled
from rag.llm.base import (
    LLM,
    YES_NO_REQUEST,
    Judge,
    LazyLLM,
    LLMError,
    Message,
    complete,
    yes_share,
)
from rag.llm.packaged import PACKAGED_LLMS, PackagedModel, assemble
from rag.llm.remote import OpenAICompatibleLLM

__all__ = [
    "LLM", "YES_NO_REQUEST", "Judge", "LazyLLM", "LLMError", "Message", "complete", "yes_share",
    "PACKAGED_LLMS", "PackagedModel", "assemble", "OpenAICompatibleLLM", "load_llm",
]  # fmt: skip


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
        gguf = assemble(PACKAGED_LLMS[name], user_cache() / "models")
    elif name.endswith(".gguf"):
        gguf = Path(name).expanduser()
        if not gguf.is_file():
            raise ModelNotInstalled(f"STUDYBOT_LLM_MODEL points at {gguf}, which does not exist")
    else:
        raise ConfigError(
            f"STUDYBOT_LLM_MODEL must be one of {', '.join(PACKAGED_LLMS)} or a .gguf path "
            f"(or set STUDYBOT_LLM_URL for a server), got {name!r}"
        )
    from rag.llm.local import LocalLLM

    # llama.cpp logs every request; at a terminal that drowns the answer, so it goes to a file.
    log_file = settings.home / "logs" / "llm.log" if sys.stderr.isatty() else None
    return LocalLLM(
        gguf, name, threads=settings.llm_threads or None, log_file=log_file, slots=slots
    )
