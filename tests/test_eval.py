"""The gold file's schema, the evaluation report, and the gold-set builder."""

import json

import pytest

from eval.build_gold import accept, evidence_quote, propose, write_review
from eval.gold import DEFAULT_GOLD, KINDS, load_gold, normalise
from eval.report import write_report
from eval.run import Config, evaluate
from ingest.loaders import load
from ingest.parse import parse
from ingest.pipeline import ingest
from rag.retrieve import Retriever
from studybot.config import DEFAULT_CORPUS


def test_shipped_gold_set_validates_and_its_evidence_is_in_the_corpus():
    gold = load_gold(DEFAULT_GOLD)
    assert len(gold) >= 100
    assert {g.kind for g in gold} == set(KINDS)
    # Evidence identifies items as ingest stores them (markup cleaned), so parse the corpus.
    texts = []
    for path in sorted(DEFAULT_CORPUS.glob("0*.txt")):
        doc = load(path)
        texts += [f"{it.question}\n{it.answer}" for it in parse(doc.lines, lambda t: [t], doc.unit)]
    corpus = normalise("\n".join(texts))
    for g in gold:
        for quote in g.evidence:
            assert normalise(quote) in corpus, (g.id, quote)
        if g.kind == "followup":
            assert g.history


GOOD = {"id": "a", "kind": "paraphrase", "user_input": "q?", "history": [], "reference": "r",
        "reference_contexts": ["c"], "evidence": ["r"], "answerable": True}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": None}, "missing field 'id'"),
        ({"kind": "nope"}, "kind must be one of"),
        ({"answerable": False}, "answerable disagrees"),
        ({"evidence": []}, "needs evidence"),
        ({"history": 3}, "'history' must be list"),
        ({"user_input": "  "}, "user_input is empty"),
    ],
)
def test_gold_schema_rejects_bad_rows(tmp_path, change, message):
    bad = {k: v for k, v in (GOOD | change).items() if v is not None}
    if "id" in bad:
        bad["id"] = "b"  # not a duplicate of the good row
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(ValueError, match=message) as err:
        load_gold(path)
    assert "g.jsonl:2" in str(err.value)


def test_report_is_written_with_tables_and_plots(tmp_path, settings, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "n.md").write_text(
        '??? question "What is BM25?"\n    BM25 ranks documents by term frequency with saturation.\n'
        '??? question "What is RoPE?"\n    Rotary embeddings encode relative positions.\n'
    )
    rows = [
        {"id": "p1", "kind": "paraphrase", "user_input": "bm25 ranking?", "history": [], "reference": "",
         "reference_contexts": [], "evidence": ["term frequency with saturation"], "answerable": True},
        {"id": "f1", "kind": "followup", "user_input": "and how does it encode position?",
         "history": ["tell me about rope"], "reference": "", "reference_contexts": [],
         "evidence": ["relative positions"], "answerable": True},
        {"id": "o1", "kind": "unanswerable_offtopic", "user_input": "best lasagna recipe?", "history": [],
         "reference": "", "reference_contexts": [], "evidence": [], "answerable": False},
    ]  # fmt: skip
    (tmp_path / "g.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    gold = load_gold(tmp_path / "g.jsonl")
    configs = (Config("baseline", mode="baseline"), Config("hybrid"))
    report = evaluate(gold, settings, embedder, corpus, configs)
    hybrid = report["configs"][1]
    assert hybrid["answerable"]["hit@1"] == 1.0 and hybrid["abstention"]["recall"] == 1.0
    assert report["configs"][0]["abstention"] is None
    # Ragas, computed by ragas itself: both answerable questions retrieve their item first.
    assert report["ragas"]["id_based_context_recall"] == 1.0
    assert 0.0 < report["ragas"]["id_based_context_precision"] <= 1.0
    written = write_report(report, tmp_path / "out")
    assert {p.name for p in written} == {
        "report.json",
        "report.md",
        "metrics_by_config.png",
        "mrr_by_kind.png",
    }
    md = (tmp_path / "out" / "report.md").read_text()
    assert "| hybrid | 1.000 |" in md and "id_based_context_recall" in md
    assert all(p.stat().st_size > 1000 for p in written if p.suffix == ".png")


def test_build_gold_proposes_and_accepts(tmp_path, store, embedder):
    (tmp_path / "a.md").write_text(
        '??? question "Why is FlashAttention fast?"\n    It tiles attention into SRAM blocks.\n'
    )
    (tmp_path / "bank.txt").write_text(
        "Chapter 1: Attention\n- Why is FlashAttention so fast?\n- What is paged attention?\n"
    )
    ingest([tmp_path], store, embedder, progress=False)
    rows = propose(Retriever(store, embedder))
    kinds = {r["kind"]: r for r in rows}
    assert kinds["cross_source"]["user_input"] == "Why is FlashAttention so fast?"
    assert kinds["cross_source"]["evidence"] == [
        evidence_quote("It tiles attention into SRAM blocks.")
    ]
    assert kinds["unanswerable_ontopic"]["user_input"] == "What is paged attention?"
    review, gold = tmp_path / "review.jsonl", tmp_path / "gold.jsonl"
    write_review(rows, review)
    lines = [json.loads(x) for x in review.read_text().splitlines()]
    lines[0]["status"] = "accept"
    review.write_text("".join(json.dumps(r) + "\n" for r in lines))
    assert accept(review, gold) == 1 and len(load_gold(gold)) == 1
    with pytest.raises(ValueError, match="already in"):
        accept(review, gold)
