"""Chat history + follow-up → a standalone query for retrieval (the non-LLM fallback)."""

from __future__ import annotations

import re

from core.text import terms

# Words that point back at an earlier turn: "why is *it* faster?", "and *that*?". Not "one"
# ("when should one use it" is generic) and not question words: "Why is X fast?" stands alone.
_ANAPHORA = re.compile(
    r"\b(it|its|it's|this|that|these|those|they|them|their|same|above|former|latter)\b", re.I
)
_CONTINUATION = re.compile(r"^\s*(and|but|also|so|or|what about|how about)\b", re.I)
TOPIC_TERMS = 4  # words of the earlier turn carried into a follow-up


def needs_history(query: str) -> bool:
    """A turn that can't stand alone: it points back ("it", "that"), continues ("and …?", "what
    about …?"), or names nothing at all ("why?", "tell me more")."""
    return bool(_ANAPHORA.search(query) or _CONTINUATION.match(query)) or not terms(query)


def topic_words(turn: str, query: str) -> list[str]:
    """What the earlier turn was about: its content words the query doesn't repeat, names and
    technical terms (capitals, digits) first."""
    have = terms(query)
    words = [w.strip(".,;:!?()\"'") for w in turn.split()]
    picked = [w for w in words if w and terms(w) and not terms(w) <= have]
    picked.sort(key=lambda w: not any(c.isupper() or c.isdigit() for c in w))
    return list(dict.fromkeys(picked))[:TOPIC_TERMS]


def standalone_query(query: str, history: list[str]) -> str:
    """Carry the topic of the most recent earlier turn into a follow-up that can't stand alone;
    a query that stands alone is left as it is, never glued to the conversation.

    The topic goes in as a few words, not the whole earlier question: the new question's own
    words must still decide the search ("and how does it handle the softmax?" is about softmax).
    """
    query = query.strip()
    history = [h.strip() for h in history if h.strip()]
    if not history or not needs_history(query):
        return query
    topic = topic_words(history[-1], query)
    return f"{query} ({' '.join(topic)})" if topic else query
