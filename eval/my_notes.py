""" "How well does studybot know my notes?": questions built from the student's own index by the
gold builder (bank questions answered in another file, bank questions nothing answers) plus each
answered bank question asked as written, run through the same retrieval and abstention the chat
uses, and reported in plain words."""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from eval.build_gold import evidence_quote, propose
from eval.run import _relevance
from rag.answer import answerable
from rag.retrieve import Retriever

TOP_K = 5


@dataclass(frozen=True)
class Check:
    question: str
    kind: str  # "asked as written", "answer in another file", "not in your notes"
    answerable: bool
    rank: int | None  # 1-based rank of the first passage holding the answer, None if not in top k
    said_not_covered: bool


@dataclass(frozen=True)
class NotesReport:
    checks: list[Check]

    @property
    def answerable(self) -> list[Check]:
        return [c for c in self.checks if c.answerable]

    def plain_words(self) -> str:
        ans, out = self.answerable, [c for c in self.checks if not c.answerable]
        if not self.checks:
            return "Your library has no bank questions to test with yet: add a question bank."
        first = sum(c.rank == 1 for c in ans)
        top = sum(c.rank is not None for c in ans)
        wrong_refusals = sum(c.said_not_covered for c in ans)
        lines = []
        if ans:
            lines.append(
                f"Finds the right note first for **{first} of {len(ans)}** questions your notes "
                f"answer, and among the top {TOP_K} for {top}; says “not covered” wrongly "
                f"for **{wrong_refusals}**."
            )
        if out:
            right = sum(c.said_not_covered for c in out)
            lines.append(
                f"Of {len(out)} bank questions nothing in your notes answers, it says “not "
                f"covered” for **{right}** (the rest would get an answer from loosely related notes)."
            )
        return "\n\n".join(lines)

    def rows(self) -> list[list]:
        return [[c.question, c.kind, c.rank if c.rank is not None else f">{TOP_K}",
                 "yes" if c.said_not_covered else "no"] for c in self.checks]  # fmt: skip


def build_questions(retriever: Retriever, limit: int = 50, seed: int = 0) -> list[dict]:
    """Up to `limit` questions with the quote that marks their answer (empty: not answerable)."""
    rows = [{"q": r["user_input"], "evidence": tuple(r["evidence"]), "answerable": r["answerable"],
             "kind": "answer in another file" if r["answerable"] else "not in your notes"}
            for r in propose(retriever, None, limit)]  # fmt: skip
    answered = [it for it in retriever.store.catalog.all_items() if it.kind == "qa"]
    random.Random(seed).shuffle(answered)
    rows += [{"q": it.question, "evidence": (evidence_quote(it.answer),), "answerable": True,
              "kind": "asked as written"} for it in answered]  # fmt: skip
    return rows[:limit]


def check_notes(
    retriever: Retriever,
    limit: int = 50,
    progress: Callable[[int, int], None] | None = None,
    lock=None,
) -> NotesReport:
    """Run the questions; `lock` is held per question only, so chat is never kept waiting long."""
    lock = lock or nullcontext()
    with lock:
        questions = build_questions(retriever, limit)
    checks = []
    notes = retriever.store.keyword_index()
    for n, row in enumerate(questions):
        if progress:
            progress(n, len(questions))
        with lock:
            hits = retriever.retrieve(row["q"], TOP_K)
            refused = not answerable(row["q"], hits, notes)
        rank = None
        if row["answerable"]:
            rels, _ = _relevance([h.item.text for h in hits], row["evidence"])
            rank = next((i + 1 for i, r in enumerate(rels) if r), None)
        checks.append(Check(row["q"], row["kind"], row["answerable"], rank, refused))
    return NotesReport(checks)
