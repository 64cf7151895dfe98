"""Any OpenAI-compatible server (Ollama, vLLM, llama.cpp's server, a hosted API) through the
`openai` client, which does the streaming, retries and errors."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

from core.errors import ConfigError
from core.net import is_loopback
from rag.llm.base import SEED, YES_NO_REQUEST, LLMError, Message, yes_share


def check_endpoint(base_url: str, api_key: str | None) -> None:
    """An API key travels in a header: refuse to send it in clear text beyond this machine."""
    parsed = urlparse(base_url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(f"STUDYBOT_LLM_URL must look like https://host/v1, got {base_url!r}")
    if api_key and parsed.scheme == "http" and not is_loopback(parsed.hostname):
        raise ConfigError(
            f"refusing to send STUDYBOT_LLM_API_KEY over plain http to {parsed.hostname}; "
            "use an https:// URL (plain http is allowed only on this machine: 127.0.0.1/localhost)"
        )


class OpenAICompatibleLLM:
    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 120):
        check_endpoint(base_url, api_key)
        from openai import OpenAI

        self.base_url = base_url.rstrip("/")
        self.name = model
        self.api_key = api_key
        # The client insists on a key; servers without auth (Ollama, llama.cpp) ignore this one.
        self._client = OpenAI(
            base_url=self.base_url, api_key=api_key or "not-set", timeout=timeout, max_retries=2
        )

    def stream(self, messages: list[Message], max_tokens: int = 256) -> Iterator[str]:
        import openai

        try:
            chunks = self._client.chat.completions.create(
                model=self.name, messages=messages, max_tokens=max_tokens, temperature=0.1,
                seed=SEED, stream=True,
            )  # fmt: skip
            with chunks:
                for chunk in chunks:
                    for choice in chunk.choices:
                        if choice.delta and choice.delta.content:
                            yield choice.delta.content
        except openai.OpenAIError as exc:
            raise LLMError(f"the LLM at {self.base_url} failed: {exc}") from exc

    def yes_probability(self, messages: list[Message]) -> float:
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self.name, messages=messages, **YES_NO_REQUEST
            )
        except openai.OpenAIError as exc:
            raise LLMError(f"the LLM at {self.base_url} failed: {exc}") from exc
        return yes_share(response.model_dump())
