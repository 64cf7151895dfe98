"""Parse benchmark on third-party files with hand labels (eval/corpora, see its README).

Per file: recall and precision of question items against the labels. A label is matched by an
item with the same normalised question and the same kind; a `qa` label also needs the item's
answer to begin with the label's first words. Every file in eval/corpora (`dev/` and the
former held-out `test/`) has now been designed on. eval/corpora2 is a fresh held-out batch
(`files/`, labels in `expected/`), scored once after tuning: the honest estimate.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from core.errors import LoadError
from ingest.loaders import load
from ingest.parse import parse_document

EVAL = Path(__file__).resolve().parent.parent / "eval"
CORPORA = EVAL / "corpora"
FRESH = EVAL / "corpora2"
TARGET = 0.95


def _files(*folders: Path) -> list[Path]:
    return sorted(
        p for folder in folders if folder.is_dir() for p in folder.iterdir() if p.is_file()
    )


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def score(path: Path, expected: Path = CORPORA / "expected") -> tuple[int, int, int, int]:
    """(labels, items, matched labels, matched items) for one file."""
    labels = [
        json.loads(line)
        for line in (expected / f"{path.stem}.jsonl").read_text().splitlines()
        if line.strip()
    ]
    labels = [lab for lab in labels if lab["kind"] in ("qa", "question")]
    try:
        items = parse_document(load(path), chunker=lambda t: [t])
    except LoadError:  # a file studybot cannot read yields nothing: every label is missed
        items = []
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


def _table(name: str, files: list[Path], expected: Path) -> dict[str, tuple[float, float]]:
    rows = {}
    print(f"\n{name}: file | labels | items | recall | precision")
    for path in files:
        n_labels, n_items, hit_labels, hit_items = score(path, expected)
        recall = hit_labels / n_labels if n_labels else 1.0
        precision = hit_items / n_items if n_items else 1.0
        rows[path.name] = (recall, precision)
        print(f"{path.name} | {n_labels} | {n_items} | {recall:.1%} | {precision:.1%}")
    return rows


def _check(name: str, files: list[Path], expected: Path) -> None:
    rows = _table(name, files, expected)
    low = {name: r for name, r in rows.items() if min(r) < TARGET}
    assert not low, f"below {TARGET:.0%} recall/precision: {low}"


def test_dev_files_parse_to_their_labels():
    """Labels the parser does not meet exactly (each under 5% of its file): a stray "I"
    after an emoji that the label drops (bold-question-ds-theory), a call to action with a
    "?" in the intro list (same file), and "flow-" + "matching" across a PDF line break,
    which the dehyphenation joins to "flowmatching" (pdf-ml-fundamentals)."""
    files = _files(CORPORA / "dev", CORPORA / "test")
    if not files:
        pytest.skip("no eval/corpora files in this checkout")
    _check("eval/corpora", files, CORPORA / "expected")


@pytest.mark.xfail(
    strict=False,
    reason="fresh held-out batch, scored once (2026-11-23) with the parser frozen: >=95% on 2 of 10"
    " files (json-nlp-theory-cards 100/100, questions-only-ml-bank 99.5/100); details-faq-tuning"
    " 100/59.1, pdf-d2l 75/85.7, answer-label-ml-basics 20/20; 0% recall on bold-qna (Chinese"
    " bold lines), heading-bank-feature-eng (### Qn- headings), prose-ds (1 label) and both .mdx"
    " quizzes (.mdx was not a supported file type then; it is read as Markdown since). These files are dev material from now on.",
)
def test_fresh_held_out_files_parse_to_their_labels():
    files = _files(FRESH / "files")
    if not files:
        pytest.skip(
            "no eval/corpora2/files in this checkout: the fresh held-out batch is copied in"
            " once, after tuning (see the module docstring)"
        )
    _check("eval/corpora2", files, FRESH / "expected")
