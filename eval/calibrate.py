"""Choose the abstention threshold from data, and estimate how it does on questions it was not
chosen on (two-fold cross-validation over the gold set)."""

from __future__ import annotations

from collections.abc import Sequence

MAX_FALSE_ABSTENTION = 0.03  # choose below the 5% target, to leave room for unseen questions


def choose_threshold(scores: Sequence[float], unanswerable: Sequence[bool]) -> float:
    """The highest threshold (abstain when score < threshold) whose false-abstention rate on
    answerable questions stays within MAX_FALSE_ABSTENTION."""
    answerable = sorted(s for s, u in zip(scores, unanswerable, strict=True) if not u)
    if not answerable:
        return 0.0
    allowed = int(MAX_FALSE_ABSTENTION * len(answerable))  # answerable scores we may cut off
    # Abstaining below answerable[allowed] refuses exactly the `allowed` lowest ones.
    return round(answerable[allowed] - 1e-6, 4)


def rates(scores: Sequence[float], unanswerable: Sequence[bool], threshold: float) -> dict:
    abstain = [s < threshold for s in scores]
    ans = [a for a, u in zip(abstain, unanswerable, strict=True) if not u]
    una = [a for a, u in zip(abstain, unanswerable, strict=True) if u]
    return {
        "threshold": threshold,
        "abstention_recall": sum(una) / len(una) if una else 0.0,
        "false_abstention_rate": sum(ans) / len(ans) if ans else 0.0,
    }


def cross_validate(
    ids: Sequence[str], scores: Sequence[float], unanswerable: Sequence[bool]
) -> dict:
    """Fold by position parity: pick the threshold on one half, measure it on the other."""
    folds = []
    for held in (0, 1):
        train = [i for i in range(len(ids)) if i % 2 != held]
        test = [i for i in range(len(ids)) if i % 2 == held]
        t = choose_threshold([scores[i] for i in train], [unanswerable[i] for i in train])
        folds.append(rates([scores[i] for i in test], [unanswerable[i] for i in test], t))
    chosen = choose_threshold(scores, unanswerable)
    return {
        "chosen": rates(scores, unanswerable, chosen),
        "held_out": {
            "abstention_recall": sum(f["abstention_recall"] for f in folds) / 2,
            "false_abstention_rate": sum(f["false_abstention_rate"] for f in folds) / 2,
            "folds": folds,
        },
    }
