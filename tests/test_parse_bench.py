"""Parse benchmark on third-party files with hand labels (`eval.parse_bench`, READMEs in
eval/corpora*).

eval/corpora and eval/corpora2 have been designed on (corpora2 was the held-out batch once;
its first score is in eval/corpora2/PARSE-RESULT-first-run.txt). eval/corpora3 is the next
held-out batch: it is scored here as soon as its READY file exists, and its first score is the
honest estimate for a user's own files, reported as it comes rather than tuned for.
"""

from __future__ import annotations

import pytest

from eval.parse_bench import EVAL, TARGET, files, score_batch, table

HELD_OUT = EVAL / "corpora3"


def _check(batch, known: dict[str, str] | None = None) -> None:
    if not files(batch):
        pytest.skip(f"no files in {batch} in this checkout")
    scores = score_batch(batch)
    print("\n" + table(batch, scores))
    low = {s.name: (s.recall, s.precision) for s in scores if min(s.recall, s.precision) < TARGET}
    assert sorted(low) == sorted(known or {}), f"below {TARGET:.0%} recall/precision: {low}"


def test_dev_files_parse_to_their_labels():
    """Labels the parser does not meet exactly (each under 5% of its file): a stray "I"
    after an emoji that the label drops (bold-question-ds-theory), and "flow-" + "matching"
    across a PDF line break, which the dehyphenation joins to "flowmatching"
    (pdf-ml-fundamentals)."""
    _check(EVAL / "corpora")


def test_second_batch_parses_to_its_labels():
    """corpora2: dev material since its first run."""
    _check(EVAL / "corpora2")


@pytest.mark.skipif(
    not (HELD_OUT / "READY").is_file(), reason="eval/corpora3 is still being labelled"
)
@pytest.mark.xfail(strict=False, reason="held-out: scored as it comes, never tuned for")
def test_held_out_batch_parses_to_its_labels():
    _check(HELD_OUT)


def test_a_new_batch_is_found_and_scored_once_ready(tmp_path):
    from eval.parse_bench import batches, score_batch

    batch = tmp_path / "corpora3"
    (batch / "files").mkdir(parents=True)
    (batch / "expected").mkdir()
    (batch / "files" / "bank.md").write_text("## Q1: What is RAG?\nRetrieval, then generation.\n")
    (batch / "expected" / "bank.jsonl").write_text(
        '{"kind": "qa", "question": "What is RAG?", "answer_start": "Retrieval, then"}\n'
        '{"kind": "question", "question": "What is BM25?"}\n'
    )
    assert batches(tmp_path) == []
    (batch / "READY").write_text("")
    assert batches(tmp_path) == [batch]
    [s] = score_batch(batch)
    assert (s.labels, s.items, s.matched, s.recall, s.precision) == (2, 1, 1, 0.5, 1.0)
