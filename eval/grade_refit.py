"""Design aid (session 10): can the grader's rule, refitted on all 263 design answers
(eval/grading/dev.jsonl and the old test.jsonl), do better than the committed thresholds?

Reads the judge's outputs cached in eval/report/grading-design/ (signals.json: per answer, the
grader's own probes — P(yes) that each key idea is stated, P(yes) that everything is true — and
the answer's cosine to the reference; baselines.json: the same probes with the reference itself
as the answer, once per question) and prints, with leave-one-question-out cross-validation:

- the best rule of the grader's shape (rag/grade.py: a present cut, a share of ideas for
  "correct", a logistic false-claim model and its cut) that keeps incorrect → correct ≤ 5%,
  with P(stated) raw or minus the reference's own score;
- a multinomial logistic model over the same signals, as the ceiling of what they carry.

    python -m eval.grade_refit
"""

from __future__ import annotations

import itertools
import json
import statistics
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = Path(__file__).resolve().parent / "report" / "grading-design"
VERDICTS = ("correct", "partial", "incorrect")
CUTS = np.round(np.arange(-0.5, 0.96, 0.01), 2)
SHARES = (1 / 3, 0.5, 2 / 3, 0.75, 1.0)
FALSE_CUTS = [*np.round(np.arange(0.05, 1.0, 0.01), 2), 1.01]  # 1.01: never
WRONG_FEATURES = {
    "none": (),
    "raw": ("all_true", "mean_present", "similarity"),
    "relative": ("all_true_rel", "mean_relative", "similarity"),
}


def load() -> list[dict]:
    rows = json.loads((HERE / "signals.json").read_text())
    base = json.loads((HERE / "baselines.json").read_text())
    for r in rows:
        if r["non_answer"]:
            continue
        b = base.get(r["question"])
        same = b is not None and len(b["present"]) == len(r["present"])
        ref_present = b["present"] if same else [0.8] * len(r["present"])  # 0.8: a typical score
        r["relative"] = [p - q for p, q in zip(r["present"], ref_present, strict=True)]
        r["all_true_rel"] = r["all_true"] - (b["all_true"] if b else 0.8)
    return rows


def _features(r: dict, names) -> list[float]:
    values = {
        "all_true": r["all_true"],
        "all_true_rel": r["all_true_rel"],
        "mean_present": statistics.mean(r["present"]),
        "mean_relative": statistics.mean(r["relative"]),
        "similarity": r["whole_similarity"],
    }
    return [values[n] for n in names]


def _wrong_scores(train: list[dict], rows: list[dict], names) -> dict[str, float]:
    if not names:
        return {r["id"]: 0.0 for r in rows}
    judged = [r for r in train if not r["non_answer"]]
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    model.fit([_features(r, names) for r in judged], [r["label"] == "incorrect" for r in judged])
    return {
        r["id"]: 0.0 if r["non_answer"] else float(model.predict_proba([_features(r, names)])[0, 1])
        for r in rows
    }


def _codes(rows, presence: str, wrong: dict, share: float, false_cut: float) -> np.ndarray:
    """Verdict codes (0 correct, 1 partial, 2 incorrect) per row × CUTS, by the grader's rule."""
    codes = np.empty((len(rows), len(CUTS)), dtype=int)
    for i, r in enumerate(rows):
        if r["non_answer"] or wrong[r["id"]] >= false_cut:
            codes[i] = 2
            continue
        k = (np.array(r[presence])[:, None] >= CUTS[None, :]).sum(axis=0)
        codes[i] = np.where(k == 0, 2, np.where(k / len(r[presence]) >= share - 1e-9, 0, 1))
    return codes


def fit_rule(train: list[dict], presence: str, names) -> tuple[float, float, float]:
    wrong = _wrong_scores(train, train, names)
    labels = np.array([VERDICTS.index(r["label"]) for r in train])
    best_key, best = None, None
    for share, false_cut in itertools.product(SHARES, FALSE_CUTS if names else [1.01]):
        codes = _codes(train, presence, wrong, share, false_cut)
        agree = (codes == labels[:, None]).mean(axis=0)
        inc_corr = (codes[labels == 2] == 0).mean(axis=0)
        for j, cut in enumerate(CUTS):
            key = (inc_corr[j] <= 0.05, round(float(agree[j]), 6), -inc_corr[j])
            if best_key is None or key > best_key:
                best_key, best = key, (float(cut), share, false_cut)
    return best


def cross_validate(rows: list[dict], predict) -> np.ndarray:
    """Leave one question out; `predict(train, test)` returns verdict codes for `test`."""
    confusion = np.zeros((3, 3), dtype=int)
    for q in sorted({r["question"] for r in rows}):
        train = [r for r in rows if r["question"] != q]
        test = [r for r in rows if r["question"] == q]
        for r, code in zip(test, predict(train, test), strict=True):
            confusion[VERDICTS.index(r["label"]), code] += 1
    return confusion


def rule_predictor(presence: str, names):
    def predict(train, test):
        cut, share, false_cut = fit_rule(train, presence, names)
        codes = _codes(test, presence, _wrong_scores(train, test, names), share, false_cut)
        return codes[:, list(CUTS).index(round(cut, 2))]

    return predict


def _summary(r: dict) -> list[float]:
    if r["non_answer"]:
        return [0.0] * 7 + [1.0]
    p = r["present"]
    return [statistics.mean(p), min(p), max(p), r["all_true"], r["whole_similarity"],
            statistics.mean(r["relative"]), r["all_true_rel"], 0.0]  # fmt: skip


def logistic_predictor(train, test):
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000))
    model.fit([_summary(r) for r in train], [VERDICTS.index(r["label"]) for r in train])
    return model.predict([_summary(r) for r in test])


def _line(name: str, confusion: np.ndarray) -> str:
    agree = np.trace(confusion) / confusion.sum()
    inc_corr = confusion[2, 0] / confusion[2].sum()
    return (
        f"{name:38s} agreement {agree:.1%}  incorrect→correct {inc_corr:.1%}  {confusion.tolist()}"
    )


def main() -> None:
    rows = load()
    print(f"{len(rows)} answers, {len({r['question'] for r in rows})} questions; "
          "leave-one-question-out, confusion rows = label, columns = verdict")  # fmt: skip
    for presence, wrong in itertools.product(("present", "relative"), WRONG_FEATURES):
        confusion = cross_validate(rows, rule_predictor(presence, WRONG_FEATURES[wrong]))
        print(_line(f"rule: P(stated) {presence}, false claim {wrong}", confusion), flush=True)
    print(_line("multinomial logistic, same signals", cross_validate(rows, logistic_predictor)))


if __name__ == "__main__":
    main()
