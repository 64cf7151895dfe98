"""Fit the abstention model (rag/abstain.py) on the dev corpora of the held-out suite, never on
the test ones: `python -m eval.fit_abstention` prints the weights for core/thresholds.py.

Each answer-bearing passage in a dev question's top 5 is one example: it answers (1) when it
holds one of the question's evidence quotes, else not (0); every passage retrieved for an
unanswerable question is a 0. The cut is the highest probability that still answers all but
MAX_FALSE_ABSTENTION of the dev corpora's answerable questions.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from core.config import Settings
from eval.gold import load_gold
from eval.suite import Corpus, default_suite, loose
from ingest.embedder import build_embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.abstain import FEATURES, features
from rag.followup import standalone_query
from rag.retrieve import Retriever

MAX_FALSE_ABSTENTION = 0.03  # below the 5% target, to leave room for unseen corpora
DEPTH = 10


def examples(corpus: Corpus, settings: Settings, embedder) -> list[tuple[str, list, bool]]:
    """(question id, [(features, label)] for its passages, answerable) per gold question."""
    home = Path(tempfile.mkdtemp(prefix="studybot-fit-"))
    try:
        store = IndexStore(replace(settings, home=home, chroma_url=None))
        ingest([corpus.path], store, embedder, progress=False)
        retriever = Retriever(store, embedder)
        weight = store.keyword_index().term_weight
        out = []
        for g in load_gold(corpus.gold):
            query = standalone_query(g.user_input, list(g.history))
            quotes = [loose(q) for q in g.evidence]
            rows = []
            for h in retriever.retrieve(query, DEPTH):
                if h.item.kind == "question":
                    continue
                text = f"{h.item.section}\n{h.item.text}"
                label = g.answerable and any(q in loose(text) for q in quotes)
                rows.append((features(query, h, text, weight), label))
            out.append((g.id, rows, g.answerable))
        store.close()
        return out
    finally:
        shutil.rmtree(home, ignore_errors=True)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Newton's method for L2-regularised logistic regression; x has a leading column of ones."""
    w = np.zeros(x.shape[1])
    reg = l2 * np.eye(x.shape[1])
    reg[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg @ w
        hess = (x.T * (p * (1 - p))) @ x + reg
        w -= np.linalg.solve(hess, grad)
    return w


def _p(w: np.ndarray, features: list[float]) -> float:
    return float(1 / (1 + np.exp(-(w @ [1.0, *features]))))


def fit(questions) -> dict:
    """Weights for FEATURES and the cut, from (id, [(features, label)], answerable) rows."""
    feats = [(f, lab) for _, rows, _ in questions for f, lab in rows]
    x = np.array([[1.0, *f] for f, _ in feats])
    y = np.array([float(lab) for _, lab in feats])
    w = fit_logistic(x, y)
    model = dict(zip(("bias", *FEATURES), w, strict=True))
    answerable = sorted(max((_p(w, f) for f, _ in rows), default=0.0)
                        for _, rows, ans in questions if ans)  # fmt: skip
    model["cut"] = answerable[int(MAX_FALSE_ABSTENTION * len(answerable))] - 1e-6
    return {k: round(float(v), 4) for k, v in model.items()}


def abstains(model: dict, rows) -> bool:
    w = np.array([model["bias"], *(model[k] for k in FEATURES)])
    return max((_p(w, f) for f, _ in rows), default=0.0) < model["cut"]


def leave_one_corpus_out(by_corpus: dict[str, list]) -> dict:
    """Fit on all dev corpora but one, score the one left out: what the fit does on notes it has
    not seen, still without touching a test corpus."""
    fa = unans = n_ans = n_unans = 0
    for held, questions in by_corpus.items():
        model = fit([q for name, qs in by_corpus.items() if name != held for q in qs])
        for _, rows, ans in questions:
            refused = abstains(model, rows)
            n_ans, n_unans = n_ans + ans, n_unans + (not ans)
            fa, unans = fa + (ans and refused), unans + (not ans and refused)
    return {
        "false_abstention": round(fa / n_ans, 3),
        "unanswerable_abstained": round(unans / n_unans, 3),
    }


def main() -> None:
    settings = Settings.from_env()
    embedder = build_embedder(settings)
    by_corpus = {}
    for corpus in default_suite():
        if corpus.split == "dev":
            print(f"dev: {corpus.name}", file=sys.stderr)
            by_corpus[corpus.name] = examples(corpus, settings, embedder)
    questions = [q for qs in by_corpus.values() for q in qs]
    model = fit(questions)
    print(json.dumps({"ABSTAIN_MODEL": model, "questions": len(questions),
                      "passages": sum(len(r) for _, r, _ in questions),
                      "leave_one_corpus_out": leave_one_corpus_out(by_corpus)}))  # fmt: skip


if __name__ == "__main__":
    main()
