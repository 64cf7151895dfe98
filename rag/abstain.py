"""Answer or abstain: does a retrieved passage actually address the question?

One cosine cut-off cannot serve every corpus: short Q&A items and long prose chunks give very
different similarity distributions, and a passage on the same topic can be close in embedding
space while not containing what was asked ("multi-head latent attention" vs a DeepSeek-R1 note).
So the decision reads two signals of the best answer-bearing passages:
- `similarity`: the best cosine between the query and the item (its question or whole text);
- `coverage`: the share of the query's content words (stemmed, stop words removed) that the item
  contains, each weighted by its rarity in the notes — a topical neighbour that lacks the
  asked-about term scores low;
and the item's kind, combined by a logistic model whose weights (core/thresholds.py) were fitted
on the dev corpora only. Costs a few microseconds a hit: no model call.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from core.records import Hit
from core.text import names, terms
from core.thresholds import ABSTAIN_MODEL

Weight = Callable[[str], float]  # a term's weight, e.g. KeywordIndex.term_weight (its rarity)


class Vocabulary(Protocol):
    """What the notes' keyword index knows of a word (ingest.keyword.KeywordIndex)."""

    def term_weight(self, term: str) -> float: ...

    def knows(self, term: str) -> bool: ...


def unknown_names(query: str, notes: Vocabulary) -> list[str]:
    """The names the query asks about ("ALiBi", "vLLM", "the Chinchilla paper") that occur nowhere
    in the notes, as written in the query: no passage can answer a question about them."""
    missing = {t for t in names(query) if not notes.knows(t)}
    return [w for w in dict.fromkeys(re.findall(r"[\w-]+", query)) if names(w) & missing]


def coverage(query: str, text: str, weight: Weight | None = None) -> float:
    """Share of the query's content words found in `text`, each counted by `weight` (its rarity
    in the corpus: missing "paged" matters more than missing "attention"); 1.0 when the query
    has none."""
    wanted = terms(query)
    if not wanted:
        return 1.0
    w = weight or (lambda _: 1.0)
    total = sum(w(t) for t in wanted)
    return sum(w(t) for t in wanted & terms(text)) / total if total else 1.0


@dataclass(frozen=True)
class Judged:
    hit: Hit
    coverage: float
    p_answers: float  # the model's probability that this passage answers the query


FEATURES = ("similarity", "coverage", "chunk")  # what ABSTAIN_MODEL weighs, in this order


def features(query: str, hit: Hit, text: str, weight: Weight | None = None) -> list[float]:
    """The model's inputs for `hit`, read from `text` (its section and text, or its question)."""
    return [hit.similarity, coverage(query, text, weight), float(hit.item.kind == "chunk")]


def p_answers(x: list[float]) -> float:
    w = ABSTAIN_MODEL
    z = w["bias"] + sum(w[name] * v for name, v in zip(FEATURES, x, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def judge(query: str, hits: list[Hit], weight: Weight | None = None) -> list[Judged]:
    """Every answer-bearing hit (not a bare bank question) with its probability of answering."""
    out = []
    for h in hits:
        if h.item.kind == "question":
            continue
        x = features(query, h, f"{h.item.section}\n{h.item.text}", weight)
        out.append(Judged(h, x[1], p_answers(x)))
    return out


def answering(query: str, hits: list[Hit], notes: Vocabulary | None = None) -> list[Hit]:
    """The hits that answer the query, in retrieval order; empty means abstain (always when the
    query names something the notes never mention)."""
    if notes is not None and unknown_names(query, notes):
        return []
    weight = notes.term_weight if notes is not None else None
    return [j.hit for j in judge(query, hits, weight) if j.p_answers >= ABSTAIN_MODEL["cut"]]


def asks_the_same(query: str, question_hit: Hit, notes: Vocabulary | None = None) -> bool:
    """A bare bank question close enough that it is the question asked (judged as if it were a
    Q&A item: "your bank has this question but no answer")."""
    text = f"{question_hit.item.section}\n{question_hit.item.question}"
    weight = notes.term_weight if notes is not None else None
    similarity, cover, _ = features(query, question_hit, text, weight)
    return p_answers([similarity, cover, 0.0]) >= ABSTAIN_MODEL["cut"]
