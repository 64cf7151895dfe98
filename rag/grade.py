"""Grade a free-text answer against a reference answer (or, for a bare bank question, the
related notes): the reference's key ideas are each judged present, absent or contradicted, and
the verdict and the feedback both follow from those judgements (rag/grade_ideas.py)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from core.thresholds import (
    GRADE_CORRECT_SHARE,
    GRADE_FALSE_CLAIM,
    GRADE_PRESENT,
    GRADE_SIMILARITY_PRESENT,
    GRADE_WRONG_MODEL,
)
from ingest.embedder import Embedder
from rag.grade_ideas import (
    IdeaCache,
    extract_ideas,
    judge_ideas,
    key_points,
    similarity_presence,
)
from rag.llm import LLM, Judge, LLMError

__all__ = [
    "Grade",
    "IdeaJudgement",
    "grade",
    "is_non_answer",
    "judgements",
    "key_points",
    "verdict_for",
]

STATUSES = ("present", "absent", "contradicted")
# An answer made only of these says "I don't know"; one that goes on ("Skip connections let
# gradients flow…", "Not sure, but I think…") is read and graded.
_NON_ANSWER = re.compile(
    r"^(?:(?:i\s*(?:do\s*n[o']?t|dont|have\s+no)\s*(?:know|remember|idea)|idk|no\s+idea|"
    r"not\s+sure|no\s+clue|dunno|pass|skip|n/?a|sorry|\?+|-+|\.+)[\s,.!?…-]*)+$",
    re.I,
)
SOURCE_NOTE = {
    "notes": "This question has no reference answer in your bank: graded against your related "
    "notes (cited below).",
    "model": "This question has no reference answer and your notes don't answer it: graded "
    "against the key ideas the local model expects, which may be wrong; check them.",
}
VERDICT_VALUE = {"correct": 1.0, "partial": 0.5, "incorrect": 0.0}


@dataclass(frozen=True)
class IdeaJudgement:
    idea: str
    status: str  # present | absent | contradicted
    confidence: float = 1.0  # the judge's P(yes) that the idea is stated (or its similarity)


@dataclass(frozen=True)
class Grade:
    verdict: str  # correct | partial | incorrect
    score: float  # in [0, 1]
    ideas: list[IdeaJudgement] = field(default_factory=list)
    method: str = "similarity"  # empty | similarity | llm
    source: str = "reference"  # reference | notes | model (a bare question: see SOURCE_NOTE)

    # Each idea has exactly one status, so no idea can be listed as both covered and missing.
    @property
    def right(self) -> list[str]:
        return [j.idea for j in self.ideas if j.status == "present"]

    @property
    def missing(self) -> list[str]:
        return [j.idea for j in self.ideas if j.status == "absent"]

    @property
    def contradicted(self) -> list[str]:
        return [j.idea for j in self.ideas if j.status == "contradicted"]

    @property
    def feedback(self) -> str:
        parts = []
        if self.source in SOURCE_NOTE:
            parts.append(SOURCE_NOTE[self.source])
        if self.method == "empty":
            parts.append("No answer given. Here is what to study:")
            parts += [f"  - {p}" for p in self.missing]
            return "\n".join(parts)
        for title, items in (
            ("Your answer contradicts the reference on:", self.contradicted),
            ("You covered:", self.right),
            ("Missing:", self.missing),
        ):
            if items:
                parts += [title, *[f"  - {p}" for p in items]]
        return "\n".join(parts) or "Compare your answer with the reference."


def is_non_answer(answer: str) -> bool:
    return not answer.strip() or bool(_NON_ANSWER.match(answer.strip()))


def verdict_for(ideas: list[IdeaJudgement], correct_share: float = GRADE_CORRECT_SHARE) -> str:
    """Any contradiction or nothing stated → incorrect; the ideas stated (most important first,
    as extracted) reaching `correct_share` → correct; otherwise partial."""
    if not ideas or any(j.status == "contradicted" for j in ideas):
        return "incorrect"
    present = sum(j.status == "present" for j in ideas)
    if present == 0:
        return "incorrect"
    return "correct" if present / len(ideas) >= correct_share else "partial"


def judgements(
    ideas: list[str],
    present: list[float],
    false_claim: float,
    present_cut: float = GRADE_PRESENT,
    false_cut: float = GRADE_FALSE_CLAIM,
) -> list[IdeaJudgement]:
    """Each idea's status from the judge: present when P(stated) reaches `present_cut`; when
    the judge finds a false claim (`false_claim` ≥ `false_cut`), the ideas the answer does not
    state are the ones it gets wrong (all of them when it seems to state every one, e.g. a swap)."""
    statuses = ["present" if p >= present_cut else "absent" for p in present]
    if false_claim >= false_cut:
        wrong = [i for i, s in enumerate(statuses) if s == "absent"] or range(len(ideas))
        for i in wrong:
            statuses[i] = "contradicted"
    return [
        IdeaJudgement(i, s, round(p, 3)) for i, s, p in zip(ideas, statuses, present, strict=True)
    ]


def false_claim_probability(present: list[float], all_true: float, similarity: float) -> float:
    """P(the answer states something important that is false), a logistic model fitted on the
    dev split (core/thresholds.py GRADE_WRONG_MODEL) over the judge's P(yes) that everything the
    answer claims is true, its mean P(yes) that the ideas are stated, and the answer's cosine to
    the reference: an answer worded like the reference whose claims the judge doubts is usually a
    negation or a swap."""
    m = GRADE_WRONG_MODEL
    mean_present = sum(present) / len(present) if present else 0.0
    z = m["bias"] + m["all_true"] * all_true + m["mean_present"] * mean_present
    z += m["whole_similarity"] * similarity
    return 1.0 / (1.0 + math.exp(-z))


def grade(
    question: str,
    reference: str,
    answer: str,
    embedder: Embedder,
    llm: LLM | None = None,
    cache: IdeaCache | None = None,
    source: str = "reference",
) -> Grade:
    """Grade `answer`; with `llm` (a `Judge`) by key ideas it extracts and judges, without it by
    the reference's sentences and embedding similarity (no contradiction detection)."""
    if is_non_answer(answer):
        ideas = extract_ideas(llm, question, reference, cache) if llm else key_points(reference)
        absent = [IdeaJudgement(i, "absent", 0.0) for i in ideas]
        return Grade("incorrect", 0.0, absent, "empty", source)
    if isinstance(llm, Judge):
        ideas = extract_ideas(llm, question, reference, cache)
        try:
            present, all_true = judge_ideas(llm, question, ideas, answer)
        except LLMError:
            pass  # graded by similarity below
        else:
            vecs = embedder.embed([answer, reference or question])
            wrong = false_claim_probability(present, all_true, float(vecs[0] @ vecs[1]))
            judged = judgements(ideas, present, wrong)
            verdict = verdict_for(judged)
            return Grade(verdict, _score(verdict, judged), judged, "llm", source)
    ideas = key_points(reference)
    sims = similarity_presence(embedder, reference, ideas, answer)
    judged = judgements(ideas, sims, 0.0, GRADE_SIMILARITY_PRESENT, 1.0)
    verdict = verdict_for(judged)
    return Grade(verdict, _score(verdict, judged), judged, "similarity", source)


def _score(verdict: str, ideas: list[IdeaJudgement]) -> float:
    """The verdict's value, nudged by the share of ideas stated."""
    share = sum(j.status == "present" for j in ideas) / len(ideas) if ideas else 0.0
    return round(0.7 * VERDICT_VALUE[verdict] + 0.3 * share, 3)
