"""How well the quiz grader agrees with hand labels: eval/grading/{dev,test,test2,test3}.jsonl (written
blind by helpers who never saw the grader) and the team's old eval/grading.jsonl."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from core.config import DEFAULT_CORPUS, PROJECT_ROOT, Settings
from core.errors import InputError
from ingest.embedder import Embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.grade import grade
from rag.quiz import Tutor
from rag.quiz_store import QuizStore
from rag.retrieve import Retriever

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE / "grading.jsonl"
SPLITS = {split: HERE / "grading" / f"{split}.jsonl" for split in ("dev", "test", "test2", "test3")}
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


def grading_tutor(settings: Settings, rows: list[dict], embedder: Embedder, loader=None) -> Tutor:
    """A quiz over the default corpus plus every bank file the labelled rows come from (third-party
    banks included), in the evaluation's own index: bare questions are graded against the notes
    retrieved from it, as in the quiz. Re-ingesting unchanged files is a no-op."""
    home = settings.home / "eval-index" / "grading"
    store = IndexStore(settings.with_(home=home, chroma_url=None))
    files = {PROJECT_ROOT / r["source_file"] for r in rows if r.get("source_file")}
    paths = [DEFAULT_CORPUS, *sorted(f for f in files if f.parent != DEFAULT_CORPUS)]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InputError(f"bank files named in the labels are missing: {', '.join(missing)}")
    ingest(paths, store, embedder, progress=False)
    return Tutor(Retriever(store, embedder), QuizStore(home / "quiz.sqlite"), loader)


def grade_row(row: dict, tutor):
    """A row with a `reference` is graded against it; one with `reference: null` (a bare bank
    question) or none at all is matched to the bank and graded as the quiz would."""
    if row.get("reference"):
        return grade(row["question"], row["reference"], row["answer"], tutor.retriever.embedder,
                     tutor.judge, tutor.ideas)  # fmt: skip
    q = tutor.find(row["question"])
    if q is None:
        raise InputError(f"{row['id']}: no bank question matches {row['question']!r}")
    return tutor.grade(q, row["answer"], record=False).grade


def feedback_problems(g) -> list[str]:
    """Ways the feedback could disagree with itself or with the verdict (none expected)."""
    problems = []
    right, missing, wrong = set(g.right), set(g.missing), set(g.contradicted)
    if right & missing or right & wrong or missing & wrong:
        problems.append("an idea listed under two headings")
    if g.verdict == "partial" and not missing:
        problems.append("partial with nothing missing")
    if g.verdict == "correct" and wrong:
        problems.append("correct with a contradiction")
    if g.verdict == "incorrect" and g.ideas and not (wrong or not right):
        problems.append("incorrect with no contradiction and ideas covered")
    return problems


def evaluate_grader(rows: list[dict], tutor) -> dict:
    grades, seconds = [], []
    for row in rows:
        start = time.perf_counter()
        grades.append(grade_row(row, tutor))
        seconds.append(time.perf_counter() - start)
    return grading_report(rows, grades, seconds, getattr(tutor.judge, "name", None))


def grading_report(rows: list[dict], grades: list, seconds: list[float], llm: str | None) -> dict:
    """Labelled rows and the grader's grades → agreement, confusion, incorrect graded correct,
    median time, feedback that contradicts itself, and every disagreement."""
    confusion = {t: dict.fromkeys(VERDICTS, 0) for t in VERDICTS}
    disagreements, inconsistent = [], []
    for row, g in zip(rows, grades, strict=True):
        confusion[row["label"]][g.verdict] += 1
        if problems := feedback_problems(g):
            inconsistent.append({"id": row["id"], "problems": problems, "feedback": g.feedback})
        if g.verdict != row["label"]:
            disagreements.append({"id": row["id"], "label": row["label"], "verdict": g.verdict,
                                  "score": g.score, "method": g.method, "answer": row["answer"],
                                  "feedback": g.feedback})  # fmt: skip
    agree = sum(confusion[v][v] for v in VERDICTS)
    wrong = sum(confusion["incorrect"].values())
    return {
        "n": len(rows),
        "agreement": agree / len(rows) if rows else 0.0,
        "confusion": confusion,  # rows: label, columns: grader verdict
        "incorrect_graded_correct": confusion["incorrect"]["correct"] / wrong if wrong else 0.0,
        "median_s": round(statistics.median(seconds), 2) if seconds else None,
        "feedback_inconsistent": inconsistent,
        "llm": llm,
        "disagreements": disagreements,
    }


def grading_markdown(report: dict, title: str = "Quiz grader vs hand labels") -> str:
    judge = report["llm"] or "none (similarity only)"
    lines = [
        f"## {title} ({report['n']} answers, judge: {judge})",
        "",
        f"Agreement: {report['agreement']:.1%}; labelled incorrect but graded correct: "
        f"{report['incorrect_graded_correct']:.1%}; median grading time {report['median_s']} s "
        "(includes extracting a question's key ideas the first time it is seen).",
        "",
        f"Feedback consistency: {len(report.get('feedback_inconsistent', []))} of {report['n']} "
        "grades list an idea under two headings or disagree with their verdict.",
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
            f"- `{d['id']}` labeled {d['label']}, graded {d['verdict']} ({d['method']}): "
            f"{d['answer'][:120]}"
            for d in report["disagreements"]
        ]
    return "\n".join(lines) + "\n"
