"""Propose gold items from any corpus into a review file a person accepts or rejects.

Proposals (each line carries `"status": "pending"` and a `why`):
- cross_source: a bare bank question whose answer sits in another source (an answered item
  from a different file is the closest match);
- unanswerable_ontopic: a bank question that nothing in the notes answers;
- paraphrase: with an LLM, a casual rewording of an answered question.
Set `status` to `accept` (or `reject`) and run `studybot eval accept-gold REVIEW` to append the
accepted ones to the gold file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from core.errors import InputError
from eval.gold import validate
from rag.answer import answerable
from rag.llm import LLM, complete
from rag.retrieve import Retriever

CROSS_SOURCE_MIN = 0.70  # how close the answered item must be to propose the pair
PARAPHRASE_SYSTEM = """Rewrite the interview question the way a student would type it into a \
chat box: short, casual, lowercase is fine, keep the technical terms. Reply with the rewritten \
question only."""


def evidence_quote(answer: str) -> str:
    """A short distinctive span of the answer: survives re-chunking, identifies the item."""
    first = re.split(r"(?<=[.!?])\s|\n", answer.strip(), maxsplit=1)[0]
    words = re.sub(r"[*_`>#-]+", " ", first).split()
    return " ".join(words[:10])


def _row(kind: str, question: str, answer: str, context: str, why: str, history=()) -> dict:
    answerable = kind in ("cross_source", "paraphrase")
    return {
        "id": "",
        "kind": kind,
        "user_input": question,
        "history": list(history),
        "reference": answer if answerable else "",
        "reference_contexts": [context] if answerable else [],
        "evidence": [evidence_quote(answer)] if answerable else [],
        "answerable": answerable,
        "status": "pending",
        "why": why,
    }


def propose(retriever: Retriever, llm: LLM | None = None, limit: int = 50) -> list[dict]:
    items = retriever.store.catalog.all_items()
    rows: list[dict] = []
    for q in (it for it in items if it.kind == "question"):
        hits = retriever.retrieve(q.question, 5)
        answers = [h for h in hits if h.item.kind == "qa" and h.item.source != q.source]
        if answers and answers[0].similarity >= CROSS_SOURCE_MIN:
            a = answers[0]
            rows.append(_row("cross_source", q.question, a.item.answer, a.item.text,
                             f"bank question in {q.source} ({q.locator}); answer in {a.item.source} "
                             f"({a.item.locator}), similarity {a.similarity:.2f}"))  # fmt: skip
        elif not answerable(q.question, hits, retriever.store.keyword_index()):
            rows.append(_row("unanswerable_ontopic", q.question, "", "",
                             f"bank question in {q.source} ({q.locator}); nothing answers it"))  # fmt: skip
    if llm is not None:
        for a in [it for it in items if it.kind == "qa"][:limit]:
            text = complete(llm, [{"role": "system", "content": PARAPHRASE_SYSTEM},
                                  {"role": "user", "content": a.question}], max_tokens=40)  # fmt: skip
            text = text.strip().split("\n")[0].strip().strip('"')
            if text and text.lower() != a.question.lower():
                rows.append(_row("paraphrase", text, a.answer, a.text,
                                 f"LLM rewording of {a.source} ({a.locator}): {a.question}"))  # fmt: skip
    for n, row in enumerate(rows, start=1):
        row["id"] = f"proposed-{n:04d}"
    return rows[: limit * 3]


def write_review(rows: list[dict], path: Path) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def accept(review: Path, gold: Path) -> int:
    """Append the review file's accepted rows (validated) to the gold file; returns how many."""
    existing = (
        {json.loads(line)["id"] for line in gold.read_text().splitlines() if line.strip()}
        if gold.exists()
        else set()
    )
    accepted = []
    for n, line in enumerate(review.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("status") != "accept":
            continue
        row = {k: v for k, v in row.items() if k not in ("status", "why")}
        if row["id"] in existing:
            raise InputError(f"{review}:{n}: id {row['id']!r} is already in {gold}")
        validate(row, f"{review}:{n}")
        accepted.append(row)
    with gold.open("a", encoding="utf-8") as fh:
        for row in accepted:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(accepted)
