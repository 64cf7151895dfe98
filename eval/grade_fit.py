"""Fit the grader's thresholds (core/thresholds.py GRADE_*) on the dev split's cached judge
signals (eval/grade_signals.py), replaying the grader's own rule (rag/grade.py `judgements`,
`verdict_for`), and estimate how well the fit generalises by leave-one-question-out
cross-validation on dev. Also prints a small logistic regression over summary features, as a
yardstick for how much the rule leaves on the table.

    python -m eval.grade_fit .studybot/grade-signals-dev.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
from pathlib import Path

import numpy as np

from rag.grade import judgements, verdict_for

VERDICTS = ("correct", "partial", "incorrect")
PRESENT_CUTS = [round(x, 2) for x in np.arange(-0.40, 0.96, 0.01)]
SHARES = (0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1.0)
FALSE_CUTS = [round(x, 2) for x in np.arange(-0.40, 1.0, 0.01)] + [1.01]  # 1.01: never
MAX_INCORRECT_AS_CORRECT = 0.05  # the target, kept in-sample while fitting


def false_claim(row: dict, signal: str) -> float:
    """The answer-level "something is wrong" score."""
    if signal == "contradicts":
        return row["contradicts"]
    if signal == "not_all_true":
        return 1.0 - row["all_true"]
    if signal.startswith("model"):
        return row["wrong_score"]
    return 0.0


def presence(row: dict, mode: str) -> list[float]:
    """Per idea, P(stated) (`mode` is "raw": the one presence signal measured)."""
    return row["present"]


def verdict(row: dict, params: tuple) -> str:
    mode, signal, present_cut, share, false_cut = params
    if row["non_answer"]:
        return "incorrect"
    judged = judgements(
        row["ideas"], presence(row, mode), false_claim(row, signal), present_cut, false_cut
    )
    return verdict_for(judged, share)


def _codes(rows: list[dict], mode: str, signal: str, share: float, false_cut: float) -> np.ndarray:
    """Verdict codes (0 correct, 1 partial, 2 incorrect) for every row × PRESENT_CUTS at once:
    the same rule as `verdict` (a false claim makes some idea contradicted, hence incorrect)."""
    cuts = np.array(PRESENT_CUTS)
    codes = np.empty((len(rows), len(cuts)), dtype=int)
    for i, r in enumerate(rows):
        if r["non_answer"]:
            codes[i] = 2
            continue
        k = (np.array(presence(r, mode))[:, None] >= cuts[None, :]).sum(axis=0)
        share_ok = k / len(r["present"]) >= share
        codes[i] = np.where(k == 0, 2, np.where(share_ok, 0, 1))
        if false_claim(r, signal) >= false_cut:
            codes[i] = 2
    return codes


def fit(rows: list[dict], variant: tuple[str, str]) -> tuple[tuple, float, float]:
    """The parameters with the best agreement among those keeping incorrect→correct within the
    target (ties: the lower incorrect→correct, then the middle of the tied present cuts)."""
    labels = np.array([VERDICTS.index(r["label"]) for r in rows])
    wrong = labels == 2
    best, best_key = None, None
    mode, signal = variant
    false_cuts = FALSE_CUTS if signal != "none" else [1.01]
    for share, false_cut in itertools.product(SHARES, false_cuts):
        codes = _codes(rows, mode, signal, share, false_cut)
        agree = (codes == labels[:, None]).mean(axis=0)
        ic = (codes[wrong] == 0).mean(axis=0) if wrong.any() else np.zeros(len(PRESENT_CUTS))
        for j in range(len(PRESENT_CUTS)):
            key = (
                bool(ic[j] <= MAX_INCORRECT_AS_CORRECT),
                round(float(agree[j]), 6),
                -float(ic[j]),
            )
            if best_key is None or key > best_key:
                best, best_key, run = (mode, signal, PRESENT_CUTS[j], share, false_cut), key, [j]
            elif key == best_key and best[3:] == (share, false_cut) and run[-1] == j - 1:
                run.append(j)  # a plateau of equally good present cuts: take its middle
                best = (mode, signal, PRESENT_CUTS[run[len(run) // 2]], share, false_cut)
    return best, best_key[1], -best_key[2]


def score(rows: list[dict], params: tuple) -> tuple[float, float]:
    """(agreement, share of incorrect-labelled answers graded correct), by the grader's rule."""
    verdicts = [verdict(r, params) for r in rows]
    wrong = [v for v, r in zip(verdicts, rows, strict=True) if r["label"] == "incorrect"]
    agree = sum(v == r["label"] for v, r in zip(verdicts, rows, strict=True)) / len(rows)
    return agree, (wrong.count("correct") / len(wrong) if wrong else 0.0)


WRONG_FEATURES = {
    "model_a": ("all_true", "mean_present", "whole_similarity"),
    "model_b": (
        "all_true",
        "mean_present",
        "whole_similarity",
        "contradicts",
        "mean_idea_similarity",
    ),
    "model_c": ("all_true", "mean_present"),
}


def wrong_features(r: dict, names) -> list[float]:
    values = {
        "all_true": r["all_true"], "contradicts": r["contradicts"],
        "mean_present": statistics.mean(r["present"]),
        "whole_similarity": r["whole_similarity"],
        "mean_idea_similarity": statistics.mean(r["idea_similarity"]),
    }  # fmt: skip
    return [values[n] for n in names]


def fit_wrong_model(train: list[dict], signal: str):
    """A logistic model of P(labelled incorrect) from answer-level signals (answers the judge
    reads, i.e. not non-answers): the "false claim" score when `signal` is model_*."""
    from sklearn.linear_model import LogisticRegression

    names = WRONG_FEATURES[signal]
    judged = [r for r in train if not r["non_answer"]]
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    model.fit(
        [wrong_features(r, names) for r in judged], [r["label"] == "incorrect" for r in judged]
    )
    return names, model


def raw_coefficients(fitted) -> dict:
    """The scaled model's weights on the raw features (what core/thresholds.py records)."""
    names, model = fitted
    scaler, lr = model[0], model[-1]
    w = lr.coef_[0] / scaler.scale_
    bias = lr.intercept_[0] - float((lr.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    return {
        "bias": round(bias, 4),
        **{n: round(float(x), 4) for n, x in zip(names, w, strict=True)},
    }


def apply_wrong_model(rows: list[dict], fitted) -> list[dict]:
    names, model = fitted
    out = []
    for r in rows:
        score = (
            0.0 if r["non_answer"] else float(model.predict_proba([wrong_features(r, names)])[0, 1])
        )
        out.append({**r, "wrong_score": score})
    return out


def cross_validate(rows: list[dict], variant: tuple[str, str]) -> tuple[float, float, dict]:
    """Leave one question out: fit on the other questions, grade the held-out one."""
    confusion = {t: dict.fromkeys(VERDICTS, 0) for t in VERDICTS}
    for q in sorted({r["question"] for r in rows}):
        train = [r for r in rows if r["question"] != q]
        if variant[1].startswith("model"):
            fitted = fit_wrong_model(train, variant[1])
            train, rows = apply_wrong_model(train, fitted), apply_wrong_model(rows, fitted)
        params, _, _ = fit(train, variant)
        for r in rows:
            if r["question"] == q:
                confusion[r["label"]][verdict(r, params)] += 1
    n = sum(sum(c.values()) for c in confusion.values())
    wrong = sum(confusion["incorrect"].values())
    agree = sum(confusion[v][v] for v in VERDICTS) / n
    return agree, confusion["incorrect"]["correct"] / wrong if wrong else 0.0, confusion


def features(r: dict) -> list[float]:
    if r["non_answer"]:
        return [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    p = r["present"]
    return [statistics.mean(p), min(p), r["contradicts"], r.get("all_true", 0.5),
            statistics.mean(r["idea_similarity"]), 0.0]  # fmt: skip


def logistic_cv(rows: list[dict]) -> float:
    from sklearn.linear_model import LogisticRegression

    hits = 0
    for q in sorted({r["question"] for r in rows}):
        train = [r for r in rows if r["question"] != q]
        test = [r for r in rows if r["question"] == q]
        model = LogisticRegression(C=1.0, max_iter=2000)
        model.fit([features(r) for r in train], [r["label"] for r in train])
        hits += sum(model.predict([features(r) for r in test]) == [r["label"] for r in test])
    return hits / len(rows)


def replay_report(rows: list[dict]) -> dict:
    """The grader as committed (core/thresholds.py, rag/grade.py) replayed on the cached dev
    signals: the same judge outputs, so the same verdicts `studybot eval grader` would give."""
    from eval.grading import grading_report
    from rag.grade import Grade, IdeaJudgement, _score, false_claim_probability

    grades = []
    for r in rows:
        if r["non_answer"]:
            g = Grade(
                "incorrect", 0.0, [IdeaJudgement(i, "absent", 0.0) for i in r["ideas"]], "empty"
            )
        else:
            wrong = false_claim_probability(r["present"], r["all_true"], r["whole_similarity"])
            judged = judgements(r["ideas"], r["present"], wrong)
            v = verdict_for(judged)
            g = Grade(v, _score(v, judged), judged, "llm", r["source"])
        grades.append(g)
    seconds = [r["seconds"] for r in rows if "seconds" in r]
    return grading_report(
        rows, grades, seconds, "qwen2.5-coder-1.5b (replayed from cached signals)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("signals", type=Path)
    ap.add_argument("--report", type=Path, help="write the committed grader's replayed dev report")
    args = ap.parse_args()
    rows = [r for r in json.loads(args.signals.read_text()) if "present" in r or r["non_answer"]]
    print(f"{len(rows)} dev rows, {len({r['question'] for r in rows})} questions")
    if args.report:
        from eval.grading import grading_markdown

        report = {"labels": "eval/grading/dev.jsonl", **replay_report(rows)}
        args.report.mkdir(parents=True, exist_ok=True)
        text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
        (args.report / "grading.json").write_text(text)
        (args.report / "grading.md").write_text(grading_markdown(report, "Dev split, replayed"))
        print(grading_markdown(report, "Dev split, replayed").split("Disagreements")[0])
        return
    signals = ("none", "contradicts", "not_all_true", *WRONG_FEATURES)
    for variant in itertools.product(("raw",), signals):
        if variant[1].startswith("model"):
            fitted = fit_wrong_model(rows, variant[1])
            rows = apply_wrong_model(rows, fitted)
            print("  wrong model on raw features:", raw_coefficients(fitted))
        params, agree, ic = fit(rows, variant)
        replay = score(rows, params)  # the fast grid must agree with the grader's own rule
        assert abs(replay[0] - agree) < 1e-6 and abs(replay[1] - ic) < 1e-6, (
            params,
            agree,
            ic,
            replay,
        )
        cv_agree, cv_ic, confusion = cross_validate(rows, variant)
        params = (*params[:2], *(round(float(x), 4) for x in params[2:]))
        print(f"{'/'.join(variant):20s} fit {params} in-sample {agree:.1%} (inc→corr {ic:.1%}); "
              f"leave-one-question-out {cv_agree:.1%} (inc→corr {cv_ic:.1%}) {confusion}")  # fmt: skip
    print(f"logistic regression, leave-one-question-out: {logistic_cv(rows):.1%}")


if __name__ == "__main__":
    main()
