"""Reranking: the llama-index postprocessor, the cross-encoder backends (a folder on disk, the
model `tune-reranker` trains), the LLM judge, and how the CLI turns them on and off."""

import pytest
from llama_index.core.schema import NodeWithScore, TextNode

from core.errors import ConfigError, ModelNotInstalled
from eval.configs import question_keys
from eval.gold import load_gold
from ingest.pipeline import ingest
from rag.postprocessor import RerankPostprocessor
from rag.rerank import (
    CrossEncoderReranker,
    LLMJudgeReranker,
    load_reranker,
    tuned_reranker_dir,
)
from rag.rerank_tune import training_info, training_set, tune
from tests.conftest import run_json

NOTES = """# Deep learning
Q1: What does dropout do?
Dropout randomly zeroes activations during training so neurons cannot co-adapt.
Q2: What is LoRA?
LoRA freezes the pretrained weights and trains small low-rank adapter matrices.
Q3: What is BM25?
BM25 scores documents by term frequency with saturation and document length normalisation.
Q4: Why use layer normalization?
It normalises each example's activations across features, which stabilises training.
Q5: What is a KV cache?
It stores the keys and values of earlier tokens so decoding does not recompute them.
"""
BANK = """# Questions
- How does dropout prevent neurons from co-adapting?
- What are the advantages of LoRA fine-tuning?
"""


class LengthReranker:
    """Deterministic: prefers shorter passages."""

    name = "length"

    def score(self, query, passages):
        return [-float(len(p)) for p in passages]


def nodes(*texts):
    return [
        NodeWithScore(node=TextNode(id_=str(i), text=t), score=1.0) for i, t in enumerate(texts)
    ]


def test_postprocessor_reorders_and_cuts_a_tiny_list():
    ranked = RerankPostprocessor(reranker=LengthReranker(), top_n=2).postprocess_nodes(
        nodes("a long passage here", "short", "a medium one"), query_str="anything"
    )
    assert [n.node.get_content() for n in ranked] == ["short", "a medium one"]
    assert ranked[0].score == -5.0


def test_postprocessor_rejects_a_reranker_that_miscounts():
    class Broken(LengthReranker):
        def score(self, query, passages):
            return [1.0]

    with pytest.raises(ValueError, match="returned 1 scores for 2 passages"):
        RerankPostprocessor(reranker=Broken()).postprocess_nodes(nodes("a", "b"), query_str="q")


def test_backend_specs_fail_with_clear_messages(settings, tmp_path):
    assert load_reranker(settings, None) is None and load_reranker(settings, "off") is None
    with pytest.raises(ModelNotInstalled, match="studybot tune-reranker"):
        load_reranker(settings, "tuned")
    with pytest.raises(ConfigError, match="neither tuned nor llm"):
        load_reranker(settings, str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelNotInstalled, match="config.json"):
        load_reranker(settings, str(tmp_path / "empty"))


@pytest.fixture
def tuned(tmp_path, settings, store, embedder):
    """A cross-encoder trained from the packaged MiniLM on a tiny corpus (2 layers, for speed)."""
    (tmp_path / "notes.md").write_text(NOTES)
    (tmp_path / "bank.md").write_text(BANK)
    ingest([tmp_path / "notes.md", tmp_path / "bank.md"], store, embedder, progress=False)
    ts = training_set(store, embedder, exclude=["what's a kv cache for?"], negatives=3)
    info = tune(
        ts.examples, settings.embed_model, tuned_reranker_dir(settings), epochs=20, layers=2,
        batch_size=4, learning_rate=5e-4,
    )  # fmt: skip
    return ts, info


def test_tuned_reranker_round_trips_and_ranks_its_answers_first(settings, tuned):
    ts, info = tuned
    # The KV-cache question is close to an evaluation question, so it is not trained on.
    assert ts.excluded == 1 and ts.queries == 4
    assert not any("KV cache" in e.query for e in ts.examples)
    assert info["examples"] == len(ts.examples) == 4 * (1 + 3)
    folder = tuned_reranker_dir(settings)
    assert training_info(folder)["layers"] == 2
    reranker = load_reranker(settings, "tuned")  # loaded back from disk
    assert isinstance(reranker, CrossEncoderReranker)
    for query in {e.query for e in ts.examples}:
        pos = [e.passage for e in ts.examples if e.query == query and e.label == 1.0]
        neg = [e.passage for e in ts.examples if e.query == query and e.label == 0.0]
        scores = reranker.score(query, pos + neg)
        assert scores[0] > max(scores[1:]), query


def test_path_backend_loads_a_cross_encoder_folder(settings, tuned, tmp_path):
    copy = tmp_path / "my-cross-encoder"
    import shutil

    shutil.copytree(tuned_reranker_dir(settings), copy)
    from_path = load_reranker(settings, str(copy))
    from_tuned = load_reranker(settings, "tuned")
    passages = ["LoRA trains low-rank adapters.", "BM25 scores by term frequency."]
    assert from_path.score("what is lora", passages) == pytest.approx(
        from_tuned.score("what is lora", passages), abs=1e-5
    )
    assert from_path.name == "cross-encoder my-cross-encoder"


def test_cli_tune_reranker_then_rerank_and_skip_it(cli, tmp_path, monkeypatch):
    (tmp_path / "notes.md").write_text(NOTES)
    (tmp_path / "bank.md").write_text(BANK)
    assert cli("ingest", str(tmp_path / "notes.md"), str(tmp_path / "bank.md"))[0] == 0
    info = run_json(cli, "tune-reranker", "--epochs", "1", "--layers", "1", "--json")
    assert info["examples"] > 0 and info["layers"] == 1
    assert len(info["excluded_questions"]) == len(question_keys(load_gold()))
    plain = run_json(cli, "search", "--json", "--top-k", "3", "why lora")
    reranked = run_json(cli, "--rerank", "tuned", "search", "--json", "--top-k", "3", "why lora")
    off = run_json(cli, "--rerank", "tuned", "search", "--no-rerank", "--json", "--top-k", "3",
                   "why lora")  # fmt: skip
    assert plain["reranker"] is None and off["reranker"] is None
    assert reranked["reranker"] == "tuned cross-encoder"
    assert off["results"] == plain["results"]
    monkeypatch.setenv("STUDYBOT_RERANKER", "tuned")
    assert run_json(cli, "search", "--json", "why lora")["reranker"] == "tuned cross-encoder"
    code, _, err = cli("--rerank", "/no/such/model", "search", "why lora")
    assert code == 2 and "neither tuned nor llm" in err


class YesIfWordShared:
    """A deterministic judge with the LLM interface the LLM reranker needs."""

    name = "overlap"

    def __init__(self):
        self.prompts = []

    def yes_probability(self, messages):
        self.prompts.append(messages)
        user = messages[-1]["content"]
        question = user.split("Question: ", 1)[1].split("\n", 1)[0].lower().split()
        passage = user.split("Passage: ", 1)[1].lower()
        return sum(w in passage for w in question) / len(question)


def test_llm_judge_puts_the_question_first_for_prefix_caching():
    judge = YesIfWordShared()
    reranker = LLMJudgeReranker(judge)
    scores = reranker.score("kv cache", ["BM25 scores terms.", "The KV cache stores keys."])
    assert scores[1] > scores[0]
    first, second = (m[-1]["content"] for m in judge.prompts)
    common = len(first) - len(first.split("Passage: ", 1)[1])
    assert first[:common] == second[:common] and first.startswith("Question: kv cache")


@pytest.mark.llm
def test_local_llm_judge_reorders_a_hand_made_list(settings):
    reranker = load_reranker(settings, "llm")
    passages = [
        "BM25 scores documents by term frequency with saturation.",
        "Dropout randomly zeroes activations during training.",
        "LoRA freezes the pretrained weights and trains small low-rank adapter matrices.",
    ]
    ranked = RerankPostprocessor(reranker=reranker).postprocess_nodes(
        nodes(*passages), query_str="What is LoRA and what does it train?"
    )
    assert ranked[0].node.get_content() == passages[2]
    assert all(0.0 <= n.score <= 1.0 for n in ranked)


def test_yes_share_reads_top_logprobs():
    from rag.llm import yes_share

    response = {"choices": [{"logprobs": {"content": [{"top_logprobs": [
        {"token": "Yes", "logprob": -0.1}, {"token": " no", "logprob": -2.5},
        {"token": "The", "logprob": -4.0},
    ]}]}}]}  # fmt: skip
    assert yes_share(response) == pytest.approx(0.9168, abs=1e-3)
    assert yes_share({"choices": [{"logprobs": None}]}) == 0.5


def test_reranked_hits_carry_the_rerankers_score(tmp_path, store, embedder):
    """`search --json` shows what ordered the results: after reranking, a hit's score is the
    reranker's, not the fused rank score it had before."""
    from rag.retrieve import Retriever

    (tmp_path / "notes.md").write_text(NOTES)
    ingest([tmp_path / "notes.md"], store, embedder, progress=False)
    hits = Retriever(store, embedder, reranker=LengthReranker()).retrieve("what is LoRA?", 4)
    assert [h.score for h in hits] == [-float(len(h.item.text)) for h in hits]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
