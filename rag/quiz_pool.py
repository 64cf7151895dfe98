"""The quiz's questions: every bank question once, linked duplicates collapsed onto the copy
that has a reference answer; cards are keyed by the question's words so re-ingest keeps history."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from core.records import Item
from core.text import fold
from core.thresholds import LINK_THRESHOLD
from ingest.store import IndexStore


def question_key(question: str) -> str:
    """Cards follow the question's words, not its file position, so re-ingest keeps history."""
    return hashlib.sha256(fold(question).encode()).hexdigest()[:20]


@dataclass(frozen=True)
class QuizQuestion:
    key: str
    item: Item  # the canonical item: the one with a reference answer when any copy has one
    topic: str  # its section path (its file when it has none)
    ids: tuple[str, ...] = ()  # every linked copy's item id, so a retrieval hit finds its card

    @property
    def has_reference(self) -> bool:
        return self.item.kind == "qa"


@dataclass(frozen=True)
class Pick:
    question: QuizQuestion
    status: str  # "due" or "new"
    due_count: int
    new_count: int


def question_pool(store: IndexStore) -> list[QuizQuestion]:
    """Every bank question once: linked duplicates collapse onto the copy with an answer."""
    items = [it for it in store.catalog.all_items() if it.kind in ("qa", "question")]
    by_id = {it.id: it for it in items}
    links: dict[str, list[str]] = {}
    for a, b in store.catalog.all_links(LINK_THRESHOLD):
        links.setdefault(a, []).append(b)
        links.setdefault(b, []).append(a)
    seen: set[str] = set()
    pool: dict[str, QuizQuestion] = {}
    for it in items:
        if it.id in seen:
            continue
        group = [it.id] + [o for o in links.get(it.id, ()) if o in by_id]
        seen.update(group)
        best = max((by_id[g] for g in group), key=lambda x: (x.kind == "qa", len(x.answer)))
        key = question_key(best.question)
        # The same words again (the parts of one long answer, or an unlinked repeat): one card
        # that every copy's hit finds, keeping the copy with a reference answer.
        earlier = pool.get(key)
        if earlier is not None:
            group = [*earlier.ids, *group]
            if earlier.has_reference or best.kind != "qa":
                best = earlier.item
        pool[key] = QuizQuestion(key, best, best.section or best.source, tuple(group))
    return list(pool.values())
