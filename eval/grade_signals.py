"""Design aid, dev split only: for each labelled answer, record once what the 1.5B judge and
MiniLM say (per key idea and overall), so verdict rules can be compared and fitted offline
(eval/grade_fit.py) without re-running the model.

    nice python -m eval.grade_signals --out .studybot/grade-signals-dev.json
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from core.config import Settings, go_offline
from eval.grading import SPLITS, grading_tutor, load_labels
from ingest.embedder import build_embedder
from rag import prompts
from rag.grade import is_non_answer
from rag.grade_ideas import extract_ideas, similarity_presence

# The contradiction probe the grader used before this fit; IDEA_ALL_TRUE replaced it (in the
# previous session's 28 judged dev rows it separated partial from incorrect answers better,
# AUC 0.70 vs 0.60).
CONTRADICTS = "Does the student's answer claim anything that contradicts the key ideas? yes or no:"


def reference_for(row: dict, tutor) -> tuple[str, str, str]:
    """(question, reference, source) as the quiz grades the row."""
    if row.get("reference"):
        return row["question"], row["reference"], "reference"
    q = tutor.find(row["question"])
    ref = tutor.reference(q)
    return q.item.question, ref.text, ref.source


def collect_row(row, tutor, judge, embedder) -> dict:
    question, reference, source = reference_for(row, tutor)
    ideas = extract_ideas(judge, question, reference, tutor.ideas)
    listing = "\n".join(f"{n}. {idea}" for n, idea in enumerate(ideas, start=1))
    prefix = prompts.IDEA_JUDGE_USER.format(
        question=question, ideas=listing, answer=row["answer"][:800]
    )

    def ask(probe: str) -> float:
        return judge.yes_probability([
            {"role": "system", "content": prompts.IDEA_JUDGE_SYSTEM},
            {"role": "user", "content": prefix + probe},
        ])  # fmt: skip

    out: dict = {"id": row["id"], "label": row["label"], "style": row["style"], "source": source,
                 "question": question, "reference": reference, "answer": row["answer"],
                 "ideas": ideas, "non_answer": is_non_answer(row["answer"])}  # fmt: skip
    t = time.perf_counter()
    if not out["non_answer"]:  # the grader never asks the judge about a non-answer
        out["present"] = [
            ask(prompts.IDEA_PRESENT.format(n=n, idea=i)) for n, i in enumerate(ideas, 1)
        ]
        out["contradicts"] = ask(CONTRADICTS)
        out["seconds"] = round(time.perf_counter() - t, 2)
        out["all_true"] = ask(prompts.IDEA_ALL_TRUE)
    out["idea_similarity"] = similarity_presence(embedder, reference, ideas, row["answer"])
    vecs = embedder.embed([row["answer"], reference or question])
    out["whole_similarity"] = float(vecs[0] @ vecs[1])
    return out


def collect_baselines(rows, tutor, judge, embedder) -> dict:
    """Per question, the same signals with the reference itself as the answer: what the judge
    says about a perfect answer (cached once per question, like the ideas)."""
    out = {}
    for row in rows:
        question, reference, _ = reference_for(row, tutor)
        if question in out or not reference.strip():
            continue
        fake = {**row, "answer": reference[:800]}
        out[question] = collect_row(fake, tutor, judge, embedder)
        print(question[:60], [round(p, 2) for p in out[question]["present"]], flush=True)
    return out


def main() -> None:
    go_offline()
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev"], default="dev")  # never the test split
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--baselines", action="store_true", help="the reference as the answer")
    args = ap.parse_args()
    settings = Settings.from_env()
    rows = load_labels(SPLITS[args.split])
    embedder = build_embedder(settings)
    from rag.llm import load_llm

    judge = load_llm(settings, settings.judge_model)
    tutor = grading_tutor(settings, rows, embedder, lambda: judge)
    if args.baselines:
        base = collect_baselines(rows, tutor, judge, embedder)
        args.out.write_text(json.dumps(base, indent=1) + "\n")
        return
    done = {}
    if args.out.exists():  # resumable: rows already collected are kept
        done = {r["id"]: r for r in json.loads(args.out.read_text())}
    # Questions in a shuffled order (answers to one question together, so the judge's cached
    # prefix is reused): a run cut short still covers a spread of questions and labels.
    order = sorted({r["question"] for r in rows})
    random.Random(14).shuffle(order)
    for row in sorted(rows, key=lambda r: (order.index(r["question"]), r["id"])):
        if row["id"] not in done:
            done[row["id"]] = collect_row(row, tutor, judge, embedder)
            r = done[row["id"]]
            print(row["id"], row["label"][:4], row["style"][:10].ljust(10), r["source"][:3],
                  [round(p, 2) for p in r.get("present", [])], round(r.get("contradicts", 0), 2),
                  round(r.get("all_true", 0), 2), f"{r.get('seconds', 0)}s", flush=True)  # fmt: skip
            args.out.write_text(json.dumps(list(done.values()), indent=1) + "\n")


if __name__ == "__main__":
    main()
