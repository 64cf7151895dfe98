"""What the rest of studybot needs from a language model, as two small protocols:
`LLM.stream` (stream a chat completion) and `Judge.yes_probability` (how sure it is of "yes")."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from typing import Protocol, runtime_checkable

from core.errors import StudybotError

Message = dict[str, str]


class LLMError(StudybotError):
    """The model failed while answering."""


class LLM(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int = 256) -> Iterator[str]: ...


@runtime_checkable
class Judge(Protocol):
    """A model that can report P("yes") for a yes/no question (first-token log-probabilities)."""

    name: str

    def yes_probability(self, messages: list[Message]) -> float: ...


def complete(llm: LLM, messages: list[Message], max_tokens: int = 256) -> str:
    return "".join(llm.stream(messages, max_tokens))


# Sampling is seeded, so the same prompt gets the same reply on every run: a question's key ideas,
# and so its grades, do not change between runs, and an answer can be reproduced.
SEED = 0

# One-token reply with its alternatives: what a yes/no judge reads.
YES_NO_REQUEST = {"max_tokens": 1, "temperature": 0.0, "logprobs": True, "top_logprobs": 10}


def yes_share(response: dict) -> float:
    """P(yes) / (P(yes) + P(no)) from an OpenAI-style chat completion with top_logprobs; 0.5 when
    the model put neither word among its top tokens."""
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


class LazyLLM:
    """An LLM loaded on first use. A failure to load is reported, never fatal: the callers
    (answering, grading) fall back to what works without a model. It is retried once
    `retry_after` seconds have passed, so installing the missing package fixes a running app."""

    def __init__(self, loader: Callable[[], LLM] | None = None, retry_after: float = 10.0):
        self._loader = loader
        self._llm: LLM | None = None
        self._failed_at: float | None = None
        self.retry_after = retry_after
        self.error: str | None = None

    def get(self) -> LLM | None:
        if self._llm is not None or self._loader is None:
            return self._llm
        if self._failed_at is not None and time.monotonic() - self._failed_at < self.retry_after:
            return None
        try:
            self._llm = self._loader()
        except StudybotError as exc:
            self.error, self._failed_at = str(exc), time.monotonic()
        else:
            self.error = self._failed_at = None
        return self._llm
