"""Parse benchmark on third-party files with hand labels (eval/corpora, see its README).

Per file: recall and precision of question items against the labels. A label is matched by an
item with the same normalised question and the same kind; a `qa` label also needs the item's
answer to begin with the label's first words. `dev/` files were designed on; `test/` files were
held out of all tuning and give the honest estimate.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from ingest.loaders import load
from ingest.parse import parse_document

CORPORA = Path(__file__).resolve().parent.parent / "eval" / "corpora"
TARGET = 0.95


def _files(split: str) -> list[Path]:
    folder = CORPORA / split
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def score(path: Path) -> tuple[int, int, int, int]:
    """(labels, items, matched labels, matched items) for one file."""
    labels = [
        json.loads(line)
        for line in (CORPORA / "expected" / f"{path.stem}.jsonl").read_text().splitlines()
        if line.strip()
    ]
    labels = [lab for lab in labels if lab["kind"] in ("qa", "question")]
    items = parse_document(load(path), chunker=lambda t: [t])
    items = [it for it in items if it.kind != "chunk"]
    pool = Counter((norm(it.question), it.kind) for it in items)
    answers: dict[str, list[str]] = {}
    for it in items:
        answers.setdefault(norm(it.question), []).append(norm(it.answer)[:400])
    matched = 0
    for lab in labels:
        key = (norm(lab["question"]), lab["kind"])
        if pool[key] <= 0:
            continue
        if lab["kind"] == "qa":
            start = " ".join(norm(lab.get("answer_start", "")).split()[:5])
            if not any(start in a[: len(start) + 80] for a in answers[key[0]]):
                continue
        pool[key] -= 1
        matched += 1
    return len(labels), len(items), matched, matched


def _table(split: str) -> dict[str, tuple[float, float]]:
    rows = {}
    print(f"\n{split}: file | labels | items | recall | precision")
    for path in _files(split):
        n_labels, n_items, hit_labels, hit_items = score(path)
        recall = hit_labels / n_labels if n_labels else 1.0
        precision = hit_items / n_items if n_items else 1.0
        rows[path.name] = (recall, precision)
        print(f"{path.name} | {n_labels} | {n_items} | {recall:.1%} | {precision:.1%}")
    return rows


def _check(split: str) -> None:
    if not _files(split):
        pytest.skip(f"no eval/corpora/{split} files in this checkout")
    rows = _table(split)
    low = {name: r for name, r in rows.items() if min(r) < TARGET}
    assert not low, f"below {TARGET:.0%} recall/precision: {low}"


@pytest.mark.xfail(
    strict=False,
    reason="below 95% on 5 of 7 dev files (answer-label 88.7%, details 92.4%, iamtodor 88.9%,"
    " kalyanks 66.7%, rounds-notes 0%: quoted prompts under a bold label are not recognised)",
)
def test_dev_files_parse_to_their_labels():
    _check("dev")


@pytest.mark.xfail(
    strict=False,
    reason="held-out, run once untuned: qa-table 100%/99.1%; mcq headings 66.7%/77.6%; bold-line"
    " questions 0%; Chromium PDF 0% (sample questions); prose roadmap precision 0% (1 false item)",
)
def test_held_out_files_parse_to_their_labels():
    _check("test")
