"""The gold file's schema, the evaluation report, and the gold-set builder."""

import json

import pytest

from core.config import DEFAULT_CORPUS
from eval.build_gold import accept, evidence_quote, propose, write_review
from eval.configs import Config
from eval.gold import DEFAULT_GOLD, KINDS, load_gold, normalise
from eval.ragas_metrics import answer_metrics, ragas_llm
from eval.report import write_report
from eval.run import evaluate
from ingest.loaders import load
from ingest.parse import parse
from ingest.pipeline import ingest
from rag.retrieve import Retriever
from tests.conftest import run_json
from tests.llm_stubs import OpenAIStub, ragas_judge


def test_shipped_gold_set_validates_and_its_evidence_is_in_the_corpus():
    gold = load_gold(DEFAULT_GOLD)
    assert len(gold) >= 100
    assert {g.kind for g in gold} == set(KINDS) - {"topic_switch"}  # the team set predates it
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


@pytest.fixture
def tiny_eval(tmp_path):
    """A two-note corpus and a three-question gold file written for it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "n.md").write_text(
        '??? question "What is BM25?"\n    BM25 ranks documents by term frequency with saturation.\n'
        '??? question "What is RoPE?"\n    Rotary embeddings encode relative positions.\n'
    )
    rows = [
        {"id": "p1", "kind": "paraphrase", "user_input": "bm25 ranking?", "history": [],
         "reference": "BM25 ranks documents by term frequency with saturation.",
         "reference_contexts": [], "evidence": ["term frequency with saturation"], "answerable": True},
        {"id": "f1", "kind": "followup", "user_input": "and how does it encode position?",
         "history": ["tell me about rope"], "reference": "Rotary embeddings encode relative positions.",
         "reference_contexts": [], "evidence": ["relative positions"], "answerable": True},
        {"id": "o1", "kind": "unanswerable_offtopic", "user_input": "best lasagna recipe?", "history": [],
         "reference": "", "reference_contexts": [], "evidence": [], "answerable": False},
    ]  # fmt: skip
    (tmp_path / "g.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return corpus, tmp_path / "g.jsonl"


def test_report_is_written_with_tables_and_plots(tmp_path, settings, embedder, tiny_eval):
    corpus, gold_path = tiny_eval
    gold = load_gold(gold_path)
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


RAGAS_ROWS = [
    {"id": "faithful", "user_input": "What is BM25?",
     "response": "BM25 ranks documents by term frequency with saturation [1].",
     "retrieved_contexts": ["What is BM25? BM25 ranks documents by term frequency with saturation."],
     "reference": "BM25 ranks documents by term frequency with saturation."},
    {"id": "invented", "user_input": "What is RoPE?",
     "response": "RoPE stores every position in a lookup table.",
     "retrieved_contexts": ["What is RoPE? Rotary embeddings encode relative positions."],
     "reference": "Rotary embeddings encode relative positions."},
]  # fmt: skip


def test_ragas_answer_metrics_through_a_stub_judge_server(embedder):
    """Ragas' own metrics, its llm_factory client and instructor's JSON mode, over real HTTP to a
    deterministic judge: a supported answer scores 1, an invented one 0."""
    stub = OpenAIStub(ragas_judge)
    try:
        out = answer_metrics(RAGAS_ROWS, ragas_llm(stub.url, "k3y", "stub-judge"), embedder)
    finally:
        stub.close()
    by_id = {r["id"]: r for r in out["per_question"]}
    assert by_id["faithful"]["faithfulness"] == 1.0
    assert by_id["invented"]["faithfulness"] == 0.0
    assert (
        by_id["faithful"]["answer_correctness"]
        > 0.9
        > 0.5
        > by_id["invented"]["answer_correctness"]
    )
    assert 0.0 < by_id["invented"]["answer_relevancy"] <= 1.0
    assert out["faithfulness"] == 0.5 and out["failures"] == []
    assert {path for path, _, _ in stub.requests} == {"/v1/chat/completions"}
    assert all(auth == "Bearer k3y" for _, _, auth in stub.requests)
    assert all(body["response_format"] == {"type": "json_object"} for _, body, _ in stub.requests)


def test_ragas_judge_failures_are_counted_not_fatal(embedder):
    def broken_verdicts(body):
        prompt = body["messages"][-1]["content"]
        return "verdict: yes" if '"title": "NLIStatementOutput"' in prompt else ragas_judge(body)

    stub = OpenAIStub(broken_verdicts)
    try:
        out = answer_metrics(RAGAS_ROWS, ragas_llm(stub.url, None, "stub-judge"), embedder)
    finally:
        stub.close()
    assert out["faithfulness"] is None and out["faithfulness_scored"] == 0
    assert {f["metric"] for f in out["failures"]} == {"faithfulness"}
    assert out["answer_correctness_scored"] == 2


def test_eval_ragas_cli_writes_answer_metrics(tiny_eval, cli, monkeypatch, tmp_path):
    """`studybot eval --ragas` end to end, with the answer model and the judge both served by
    the stub (STUDYBOT_LLM_URL): answers generated, judged, and the report says so."""
    corpus, gold_path = tiny_eval
    stub = OpenAIStub(ragas_judge)
    monkeypatch.setenv("STUDYBOT_LLM_URL", stub.url)
    try:
        summary = run_json(
            cli, "eval", "--corpus", str(corpus), "--gold", str(gold_path), "--out",
            str(tmp_path / "out"), "--rerankers", "none", "--ragas", "--ragas-questions", "2",
            "--json",
        )  # fmt: skip
    finally:
        stub.close()
    ra = summary["ragas_answers"]
    assert ra["questions"] == 2 and ra["answer_relevancy_scored"] == 2
    assert ra["seconds"] >= ra["judge_seconds"] > 0
    md = (tmp_path / "out" / "report.md").read_text()
    assert "## Ragas answer metrics (LLM judge)" in md and "| answer_correctness |" in md


def test_suite_scores_one_corpus_on_its_own_blind_questions(tmp_path, settings, embedder):
    from eval.suite import Corpus, loose, run_corpus, summarise

    notes = tmp_path / "notes.md"
    notes.write_text(
        "## What is **RoPE**?\nRotary embeddings rotate query and key vectors by position.\n"
        "## Why is FlashAttention fast?\nIt tiles attention into SRAM blocks.\n"
    )
    rows = [
        {"id": "a", "kind": "paraphrase", "user_input": "how does rope work", "history": [],
         "evidence": ["Rotary embeddings rotate query and key vectors"]},
        {"id": "b", "kind": "topic_switch", "user_input": "Why is FlashAttention fast?",
         "history": ["how does rope work"], "evidence": ["tiles attention into SRAM blocks"]},
        {"id": "c", "kind": "unanswerable_offtopic", "user_input": "best lasagna recipe?",
         "history": [], "evidence": []},
        {"id": "d", "kind": "followup", "user_input": "and what does it rotate?",
         "history": ["how does rope work"], "evidence": ["rotate query and key vectors"]},
    ]  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(
        json.dumps({"reference": "", "reference_contexts": [], "answerable": r["kind"] != "unanswerable_offtopic", **r}) + "\n"
        for r in rows
    ))  # fmt: skip
    outcomes = {o.id: o for o in run_corpus(Corpus("t", "dev", notes, gold), settings, embedder)}
    assert outcomes["a"].rr == 1.0 and not outcomes["a"].abstained
    assert outcomes["b"].rr == 1.0 and outcomes["b"].rr_alone == 1.0
    assert outcomes["c"].abstained
    summary = summarise(list(outcomes.values()))
    assert summary["mrr@10"] == 1.0 and summary["unanswerable_abstained"] == 1.0
    assert summary["followup_mrr"] == 1.0 and outcomes["d"].rr == 1.0
    # The follow-up was rewritten with its topic; the switch was searched as typed.
    assert outcomes["d"].rewritten and not outcomes["b"].rewritten
    assert summary["followup_rewritten"] == 1.0 and summary["switch_glued"] == 0.0
    assert loose("What is **RoPE**? [link](http://x)") == "what is rope ? link"


def test_the_suite_holds_a_second_test_split_of_unseen_corpora():
    """test2 (eval/gold4) pairs each blind question set with its corpora4 file, apart from the
    corpora the abstention model was fitted on."""
    from eval.gold import load_gold
    from eval.suite import default_suite

    suite = default_suite()
    test2 = [c for c in suite if c.split == "test2"]
    assert len(test2) >= 3
    fitted_on = {c.path.resolve() for c in suite if c.split == "dev"}
    for corpus in test2:
        assert corpus.path.is_file() and corpus.path.resolve() not in fitted_on
        gold = load_gold(corpus.gold)
        assert any(g.answerable for g in gold) and any(not g.answerable for g in gold)


def test_each_conversation_set_is_paired_with_the_corpus_it_was_written_on():
    """eval/conversations: dev on the dev corpora, test and test2 never on a dev corpus."""
    from eval.gold import load_gold
    from eval.suite import conversation_suite, default_suite

    dev = {
        c.path.resolve() for c in default_suite() if c.split == "dev" and c.name[:7] != "default"
    }
    for split in ("dev", "test", "test2"):
        suite = conversation_suite(split)
        assert len(suite) >= 5
        for corpus in suite:
            assert corpus.path.exists()
            assert corpus.name == "default" or (corpus.path.resolve() in dev) == (split == "dev")
            kinds = {g.kind for g in load_gold(corpus.gold)}
            assert kinds == {"followup", "topic_switch"}
