"""Grade a free-text answer against a reference answer.

A cascade, cheapest first: an empty or "I don't know" answer is incorrect at once, and so is
one that is semantically far from the reference. Otherwise key-point coverage (each sentence of
the reference is a key point, covered when a clause of the answer says the same thing) and
similarity give a score, and the local LLM judges right or wrong — embeddings alone rate a
confident wrong answer that reuses the reference's words as close. Without an LLM the score
alone decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from core.errors import StudybotError
from ingest.embedder import Embedder
from rag import prompts
from rag.llm import LLM, complete

# Chosen on eval/grading.jsonl (see README, "Quiz").
POINT_COVERED = 0.60  # clause-to-key-point cosine for a point to count as covered
OFF_TOPIC = 0.25  # an answer this far from the reference is wrong without asking the judge
FULL_COVERAGE = 0.5  # share of key points a "correct" answer must cover...
CORRECT_SIMILARITY = 0.55  # ...and how close to the whole reference it must be
CORRECT_AT = 0.65  # without a judge: score thresholds
INCORRECT_BELOW = 0.40
_IDK = re.compile(
    r"^\s*(i\s*(do\s*n[o']?t|dunno|have no idea)|no idea|not sure|idk|pass|skip|\?+|-+|\.+|n/?a)\b.*$",
    re.I,
)
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE = re.compile(r"(?<=[.!?;:,])\s+|\n+|\s+(?:and|while|so|but|because|which)\s+")


@dataclass(frozen=True)
class Grade:
    verdict: str  # correct | partial | incorrect
    score: float  # in [0, 1]
    right: list[str] = field(default_factory=list)  # key points the answer covered
    missing: list[str] = field(default_factory=list)  # key points it missed
    contradicted: list[str] = field(default_factory=list)  # points touched on by a wrong answer
    method: str = "similarity"  # empty | similarity | llm

    @property
    def feedback(self) -> str:
        if self.method == "empty":
            return "No answer given. Here is the reference answer to study."
        parts = []
        if self.contradicted:
            parts.append("This contradicts or gets wrong what the reference says about:")
            parts += [f"  - {p}" for p in self.contradicted]
        if self.right:
            parts.append("You covered:")
            parts += [f"  - {p}" for p in self.right]
        if self.missing:
            parts.append("Missing:")
            parts += [f"  - {p}" for p in self.missing]
        return "\n".join(parts) or "Compare your answer with the reference."


def key_points(reference: str) -> list[str]:
    """Sentences and bullet lines of the reference, markup stripped, trivial ones dropped."""
    points = []
    for raw in _SPLIT.split(reference):
        text = re.sub(r"^[\s>*\-•\d.)]+", "", raw)
        text = re.sub(r"[*_`$|]+", " ", text)
        text = re.sub(r"\s+", " ", text).strip()
        if len(text.split()) >= 3:
            points.append(text)
    return points or [reference.strip()]


def grade(
    question: str, reference: str, answer: str, embedder: Embedder, llm: LLM | None = None
) -> Grade:
    if not answer.strip() or _IDK.match(answer.strip()):
        return Grade("incorrect", 0.0, missing=key_points(reference), method="empty")
    points = key_points(reference)
    clauses = [c for c in _CLAUSE.split(answer) if c and len(c.split()) >= 2] or [answer.strip()]
    vecs = embedder.embed([answer, reference, *points, *clauses])
    whole = float(vecs[0] @ vecs[1])
    point_vecs = vecs[2 : 2 + len(points)]
    # Each key point against every clause of the answer and the answer as a whole.
    best = (point_vecs @ np.vstack([vecs[2 + len(points) :], vecs[:1]]).T).max(axis=1)
    right = [p for p, b in zip(points, best, strict=True) if b >= POINT_COVERED]
    missing = [p for p, b in zip(points, best, strict=True) if b < POINT_COVERED]
    coverage = len(right) / len(points)
    score = round(max(0.0, min(1.0, 0.5 * max(whole, 0.0) + 0.5 * coverage)), 3)
    if whole < OFF_TOPIC:
        return Grade("incorrect", score, right, missing, method="similarity")
    # Similarity cannot tell "cross-encoders are cheaper" from the reference that says the
    # opposite, so the judge decides right or wrong; coverage decides complete or partial.
    judged = judge(llm, question, reference, answer) if llm is not None else None
    if judged == "incorrect":
        return Grade("incorrect", _blend(0.0, score), [], missing, right, "llm")
    if judged is not None:
        complete_enough = coverage >= FULL_COVERAGE and whole >= CORRECT_SIMILARITY
        verdict = "correct" if judged == "correct" and complete_enough else "partial"
        return Grade(verdict, _blend(VERDICT_VALUE[verdict], score), right, missing, method="llm")
    if score >= CORRECT_AT:
        verdict = "correct"
    elif score < INCORRECT_BELOW:
        verdict = "incorrect"
    else:
        verdict = "partial"
    return Grade(verdict, score, right, missing, method="similarity")


VERDICT_VALUE = {"correct": 1.0, "partial": 0.5, "incorrect": 0.0}


def _blend(verdict_value: float, similarity_score: float) -> float:
    """The reported score follows the verdict, nudged by how much of the reference was said."""
    return round(0.7 * verdict_value + 0.3 * similarity_score, 3)


def judge(llm: LLM, question: str, reference: str, answer: str) -> str | None:
    """The LLM's one-word verdict, or None if it said something else or failed."""
    messages = [
        {"role": "system", "content": prompts.JUDGE_SYSTEM},
        {
            "role": "user",
            "content": prompts.JUDGE_USER.format(
                question=question, reference=reference[:1200], answer=answer[:1200]
            ),
        },
    ]
    try:
        reply = complete(llm, messages, max_tokens=4).strip().lower()
    except StudybotError:
        return None
    for verdict in ("incorrect", "partial", "correct"):
        if reply.startswith(verdict):
            return verdict
    return None
