"""How well the quiz grader agrees with hand labels (eval/grading.jsonl)."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from core.errors import InputError
from rag.grade import grade
from rag.quiz import match_question

DEFAULT_LABELS = Path(__file__).resolve().parent / "grading.jsonl"
VERDICTS = ("correct", "partial", "incorrect")


def load_labels(path: Path = DEFAULT_LABELS) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not {"id", "question", "answer", "label"} <= set(row) or row["label"] not in VERDICTS:
            raise InputError(f"{path}:{n}: need id, question, answer and a label in {VERDICTS}")
        rows.append(row)
    return rows


def evaluate_grader(rows: list[dict], retriever, llm=None) -> dict:
    confusion = {t: dict.fromkeys(VERDICTS, 0) for t in VERDICTS}
    seconds, disagreements = [], []
    for row in rows:
        q = match_question(retriever, row["question"])
        if q is None or not q.has_reference:
            raise InputError(f"{row['id']}: no answered bank question matches {row['question']!r}")
        start = time.perf_counter()
        g = grade(q.item.question, q.item.answer, row["answer"], retriever.embedder, llm)
        seconds.append(time.perf_counter() - start)
        confusion[row["label"]][g.verdict] += 1
        if g.verdict != row["label"]:
            disagreements.append({"id": row["id"], "label": row["label"], "verdict": g.verdict,
                                  "score": g.score, "method": g.method, "answer": row["answer"]})  # fmt: skip
    agree = sum(confusion[v][v] for v in VERDICTS)
    return {
        "n": len(rows),
        "agreement": agree / len(rows) if rows else 0.0,
        "confusion": confusion,  # rows: label, columns: grader verdict
        "median_ms": round(statistics.median(seconds) * 1000, 1) if seconds else None,
        "llm": getattr(llm, "name", None),
        "disagreements": disagreements,
    }


def grading_markdown(report: dict) -> str:
    judge = report["llm"] or "none (similarity only)"
    lines = [
        f"# Quiz grader vs hand labels ({report['n']} answers, judge: {judge})",
        "",
        f"Agreement: {report['agreement']:.1%}; median grading time {report['median_ms']} ms.",
        "",
        "| label \\ grader | " + " | ".join(VERDICTS) + " |",
        "|---" * (len(VERDICTS) + 1) + "|",
    ]
    for label in VERDICTS:
        row = report["confusion"][label]
        lines.append(f"| {label} | " + " | ".join(str(row[v]) for v in VERDICTS) + " |")
    if report["disagreements"]:
        lines += ["", "Disagreements:", ""]
        lines += [
            f"- `{d['id']}` labeled {d['label']}, graded {d['verdict']} ({d['method']}): {d['answer'][:120]}"
            for d in report["disagreements"]
        ]
    return "\n".join(lines) + "\n"
