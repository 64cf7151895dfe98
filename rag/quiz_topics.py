"""Quiz topics by meaning: a topic is a query over the bank, answered by the same retriever the
chat uses, so "attention" finds the questions about attention wherever they sit; a section name
(what the topic box suggests) also selects that section's questions."""

from __future__ import annotations

import re
from collections import Counter

from core.thresholds import RELATED_ABOVE
from rag.quiz_pool import QuizQuestion, question_key

TOPIC_DEPTH = 60  # retrieved items considered per topic: enough for a section-sized topic


def sections(pool: list[QuizQuestion], limit: int = 40) -> list[str]:
    """The bank's section paths, most questions first: what the topic box suggests."""
    counts = Counter(q.topic for q in pool if q.topic)
    return [t for t, _ in counts.most_common(limit)]


def in_section(q: QuizQuestion, topic: str) -> bool:
    return re.search(r"\b" + re.escape(topic.lower().strip()), q.topic.lower()) is not None


def on_topic(retriever, pool: list[QuizQuestion], topic: str) -> list[str]:
    """Keys of the bank questions about `topic`, most relevant first: those in a section of
    that name, then those whose question or answer text retrieval finds close in meaning.
    Several topics separated by ";" (the weakest topics, say) give all their questions."""
    parts = [p.strip() for p in topic.split(";") if p.strip()]
    if not parts:
        return [q.key for q in pool]
    if len(parts) > 1:
        merged: list[str] = []
        for part in parts:
            merged += [k for k in on_topic(retriever, pool, part) if k not in merged]
        return merged
    topic = parts[0]
    by_id = {i: q.key for q in pool for i in (q.item.id, *q.ids)}
    keys = {q.key for q in pool}
    found = [q.key for q in pool if in_section(q, topic)]
    for hit in retriever.retrieve(topic, TOPIC_DEPTH):
        if hit.similarity < RELATED_ABOVE:
            continue
        for i in (hit.item.id, *hit.duplicates):
            key = by_id.get(i)
            if key is None and hit.item.kind != "chunk":
                key = question_key(hit.item.question)
            if key in keys and key not in found:
                found.append(key)
    return found
