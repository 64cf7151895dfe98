"""Chat history + follow-up → a standalone query for retrieval (the non-LLM fallback)."""

from __future__ import annotations

import re

# Words that point back at an earlier turn: "why is *it* faster?", "and *that* one?"
_ANAPHORA = re.compile(
    r"\b(it|its|it's|this|that|these|those|they|them|their|one|ones|same|above|former|latter)\b",
    re.I,
)
_CONTINUATION = re.compile(r"^\s*(and|but|also|so|what about|how about|why|then|or)\b", re.I)


def needs_history(query: str) -> bool:
    words = query.split()
    return bool(_ANAPHORA.search(query) or _CONTINUATION.match(query)) or len(words) <= 2


def standalone_query(query: str, history: list[str]) -> str:
    """Carry the topic of the earlier user turns into a follow-up that can't stand alone.

    The most recent earlier turn is the topic; a query that already names its subject is
    left as it is.
    """
    query = query.strip()
    history = [h.strip() for h in history if h.strip()]
    if not history or not needs_history(query):
        return query
    return f"{history[-1]} {query}"
