"""What a chat message asks for besides an answer: "quiz me on RAG", "test me on attention",
"ask me 5 questions about LoRA" start a quiz on that topic. A pattern over the request's shape
(verb + "me" + on/about + topic), never a list of topics."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEAD = r"^\s*(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?"
_TOPIC = r"(?:\s+(?:on|about|over|in|for)\s+(?:the\s+topic\s+(?:of\s+)?)?(?P<topic>.+?))?"
_TAIL = r"\s*(?:,?\s*please)?\s*[.!?]*\s*$"
_COUNT = r"(?:(?P<n>\d{1,3})|a\s+few|some|a\s+couple\s+of)"
PATTERNS = [
    re.compile(_LEAD + r"(?:quiz|test|drill|examine)\s+me" + _TOPIC + _TAIL, re.I),
    re.compile(
        _LEAD + r"(?:ask|give)\s+me\s+(?:" + _COUNT + r"\s+)?(?:quiz\s+|practice\s+)?"
        r"questions?" + _TOPIC + _TAIL,
        re.I,
    ),
    re.compile(_LEAD + r"(?:start\s+a\s+)?quiz" + _TOPIC + _TAIL, re.I),
]


@dataclass(frozen=True)
class QuizRequest:
    topic: str | None  # None: any topic
    count: int | None  # how many questions, when the student said


def quiz_request(message: str) -> QuizRequest | None:
    """The quiz a message asks for, or None when it is an ordinary question."""
    for pattern in PATTERNS:
        m = pattern.match(message or "")
        if m:
            topic = (m.group("topic") or "").strip().strip("\"'“”") or None
            n = m.groupdict().get("n")
            return QuizRequest(topic, int(n) if n else None)
    return None
