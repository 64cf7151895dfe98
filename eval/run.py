"""Run retrieval configurations over the gold set and compute metrics per kind and overall."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.config import Settings
from core.errors import StudybotError
from core.thresholds import CREDIBLE_ANSWER
from eval.baseline import BaselineRetriever
from eval.calibrate import cross_validate
from eval.configs import DEFAULT_CONFIGS, DEFAULT_RERANKERS, Config, rerank_configs, reranker_info
from eval.gold import ANSWERABLE_KINDS, GoldItem, normalise
from eval.metrics import abstention, hit_at, mean, ndcg_at, recall_in_budget, reciprocal_rank
from ingest.embedder import Embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.answer import answerable
from rag.followup import standalone_query
from rag.rerank import load_reranker
from rag.retrieve import Retriever

TOP_K = 10
CONTEXT_BUDGET = 2000  # characters of evidence an LLM prompt could hold


@dataclass
class QueryResult:
    id: str
    kind: str
    query: str
    rels: list[bool]
    found: list[set[int]]
    lengths: list[int]
    n_evidence: int
    abstained: bool | None  # None: the configuration cannot abstain
    evidence_score: float | None  # best query-answer similarity, what abstention decides on
    seconds: float
    texts: list[str]
    ids: list[str] | None  # item ids, where the configuration has them


def _relevance(texts: list[str], evidence: tuple[str, ...]) -> tuple[list[bool], list[set[int]]]:
    quotes = [normalise(q) for q in evidence]
    found = [{i for i, q in enumerate(quotes) if q in normalise(t)} for t in texts]
    return [bool(f) for f in found], found


def eval_store(settings: Settings, chunk_tokens: int) -> IndexStore:
    """The evaluation's own index (embedded Chroma), one per chunk size, beside the user's."""
    home = settings.home / "eval-index" / f"chunks-{chunk_tokens}"
    return IndexStore(settings.with_(home=home, chroma_url=None, chunk_tokens=chunk_tokens))


def studybot_runner(
    settings: Settings, embedder: Embedder, corpus: Path, config: Config, reranker=None
):
    """A function query -> (texts, abstained) over an index of `corpus` built for `config`."""
    store = eval_store(settings, config.chunk_tokens)
    ingest([corpus], store, embedder, prune=True, progress=False)
    retriever = Retriever(store, embedder, config.mode, reranker=reranker)

    def run(item: GoldItem) -> tuple[str, list[str], list[str], bool, float]:
        query = standalone_query(item.user_input, list(item.history))
        hits = retriever.retrieve(query, TOP_K)
        evidence_score = max((h.similarity for h in hits if h.item.kind != "question"), default=0.0)
        texts = []
        for h in hits:
            # A collapsed hit stands for its linked duplicates too.
            dups = store.catalog.get_items(list(h.duplicates)).values() if h.duplicates else []
            texts.append("\n".join([h.item.text, *(d.text for d in dups)]))
        return (
            query,
            texts,
            [h.item.id for h in hits],
            not answerable(query, hits, store.keyword_index()),
            evidence_score,
        )

    return run


def baseline_runner(embedder: Embedder, corpus: Path, config: Config):
    baseline = BaselineRetriever(corpus, embedder, config.chunk_tokens)

    def run(item: GoldItem) -> tuple[str, list[str], None, None, None]:
        texts = [t for t, _ in baseline.retrieve(item.user_input, TOP_K)]
        return item.user_input, texts, None, None, None

    return run


def run_config(gold: list[GoldItem], runner: Callable) -> list[QueryResult]:
    results = []
    for item in gold:
        start = time.perf_counter()
        query, texts, ids, abstained, evidence_score = runner(item)
        seconds = time.perf_counter() - start
        rels, found = _relevance(texts, item.evidence)
        results.append(QueryResult(
            item.id, item.kind, query, rels, found, [len(t) for t in texts],
            len(item.evidence), abstained, evidence_score, seconds, texts, ids,
        ))  # fmt: skip
    return results


def summarise(results: list[QueryResult]) -> dict:
    """Metrics overall (answerable questions), per kind, abstention, and latency."""

    def block(rs: list[QueryResult]) -> dict:
        return {
            "n": len(rs),
            "hit@1": mean([hit_at(r.rels, 1) for r in rs]),
            "hit@5": mean([hit_at(r.rels, 5) for r in rs]),
            "mrr@10": mean([reciprocal_rank(r.rels, 10) for r in rs]),
            "ndcg@10": mean([ndcg_at(r.rels, 10, n_relevant=r.n_evidence) for r in rs]),
            "recall@budget": mean(
                [recall_in_budget(r.found, r.lengths, r.n_evidence, CONTEXT_BUDGET) for r in rs]
            ),
        }

    answerable_rs = [r for r in results if r.kind in ANSWERABLE_KINDS]
    kinds = sorted({r.kind for r in answerable_rs})
    out = {
        "answerable": block(answerable_rs),
        "by_kind": {k: block([r for r in answerable_rs if r.kind == k]) for k in kinds},
    }
    if all(r.abstained is not None for r in results):
        out["abstention"] = abstention(
            [bool(r.abstained) for r in results], [r.kind not in ANSWERABLE_KINDS for r in results]
        )
    else:
        out["abstention"] = None
    ms = sorted(r.seconds * 1000 for r in results)
    out["latency_ms"] = {
        "p50": round(statistics.median(ms), 1),
        "p95": round(ms[max(0, int(len(ms) * 0.95) - 1)], 1),
    }
    return out


def ragas_context_metrics(
    gold: list[GoldItem], results: list[QueryResult], settings: Settings, config: Config
) -> dict:
    """Ragas' ID-based and non-LLM context precision/recall over the answerable questions."""
    from eval.ragas_metrics import context_metrics

    store = eval_store(settings, config.chunk_tokens)
    items = [(it.id, normalise(it.text)) for it in store.catalog.all_items()]
    by_id = {g.id: g for g in gold}
    rows = []
    for r in results:
        g = by_id[r.id]
        if not g.answerable:
            continue
        quotes = [normalise(q) for q in g.evidence]
        relevant = [i for i, text in items if any(q in text for q in quotes)]
        rows.append({
            "user_input": r.query, "retrieved_contexts": r.texts or [""],
            "reference_contexts": list(g.reference_contexts) or [g.reference],
            "retrieved_context_ids": r.ids or [""], "reference_context_ids": relevant,
        })  # fmt: skip
    return context_metrics(rows)


def ragas_answer_rows(
    gold: list[GoldItem], settings: Settings, embedder: Embedder, corpus: Path, questions: int
) -> tuple[list[dict], dict]:
    """Answer `questions` answerable gold questions (spread over the set, so every kind is in)
    with the chat engine and its answer LLM, over the hybrid evaluation index."""
    from rag.engine import build_engine
    from rag.generate import evidence

    store = eval_store(settings, Config.chunk_tokens)
    ingest([corpus], store, embedder, prune=True, progress=False)  # already built: a no-op
    engine = build_engine(settings, Retriever(store, embedder))
    answerable_gold = [g for g in gold if g.answerable]
    step = max(1, len(answerable_gold) // questions)
    rows, generated = [], 0
    start = time.perf_counter()
    for g in answerable_gold[::step][:questions]:
        notes, final = [], None
        for kind, payload in engine.ask(g.user_input, list(g.history)):
            if kind == "instant":
                notes = evidence(payload.answering, payload.hits)
            elif kind == "final":
                final = payload
        generated += final.generated
        rows.append({
            "id": g.id, "user_input": final.standalone_query, "response": final.answer,
            # The notes the answer was made from, which faithfulness is judged against.
            "retrieved_contexts": [h.item.text for h in notes] or [""],
            "reference": g.reference,
        })  # fmt: skip
    info = {
        "answer_model": engine.llm.name if engine.llm else f"none ({engine.llm_error})",
        "generated_answers": generated,
        "answer_seconds": round(time.perf_counter() - start, 1),
    }
    return rows, info


def ragas_answer_metrics(
    gold: list[GoldItem],
    settings: Settings,
    embedder: Embedder,
    corpus: Path,
    questions: int,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Ragas faithfulness, answer relevancy and answer correctness, judged by the local judge
    model (STUDYBOT_JUDGE_MODEL, or the STUDYBOT_LLM_URL server) through ragas' llm_factory."""
    from eval.ragas_metrics import answer_metrics, ragas_llm
    from rag.llm import load_llm

    rows, info = ragas_answer_rows(gold, settings, embedder, corpus, questions)
    # One cached prompt prefix per ragas template in use at a time (statements, verdicts).
    judge = load_llm(settings, settings.judge_model, slots=3)
    llm = ragas_llm(judge.base_url, judge.api_key, judge.name)
    say = (lambda n, total: progress(f"ragas judgement {n}/{total}")) if progress else None
    return {"judge": judge.name, **info, **answer_metrics(rows, llm, embedder, say)}


def evaluate(
    gold: list[GoldItem],
    settings: Settings,
    embedder: Embedder,
    corpus: Path,
    configs: tuple[Config, ...] | None = None,
    progress: Callable[[str], None] | None = None,
    ragas_questions: int = 0,
) -> dict:
    """Run `configs` over `gold`; with `ragas_questions` > 0, also Ragas' LLM-judged answer
    metrics on that many answerable questions."""
    report = {"gold_items": len(gold), "configs": [], "rerank_skipped": {}}
    for config in configs or DEFAULT_CONFIGS + rerank_configs(DEFAULT_RERANKERS):
        if progress:
            progress(config.name)
        if config.mode == "baseline":
            runner = baseline_runner(embedder, corpus, config)
        else:
            try:
                reranker = load_reranker(settings, config.rerank)
            except StudybotError as exc:  # e.g. not tuned yet: the other rows still count
                report["rerank_skipped"][config.rerank] = str(exc)
                continue
            runner = studybot_runner(settings, embedder, corpus, config, reranker)
        runner(gold[0])  # warm: first-query costs (index load) are not per-query latency
        results = run_config(gold, runner)
        entry = {"name": config.name, "mode": config.mode, **summarise(results)}
        if config.rerank:
            entry["reranker"] = reranker_info(settings, config.rerank, gold)
        entry["misses"] = [
            {"id": r.id, "query": r.query} for r in results
            if r.kind in ANSWERABLE_KINDS and not any(r.rels[:5])
        ]  # fmt: skip
        if config.mode == "hybrid" and config.chunk_tokens == Settings.chunk_tokens:
            report["calibration"] = cross_validate(
                [r.id for r in results],
                [r.evidence_score or 0.0 for r in results],
                [r.kind not in ANSWERABLE_KINDS for r in results],
            )
            report["calibration"]["shipped_threshold"] = CREDIBLE_ANSWER
            report["ragas"] = ragas_context_metrics(gold, results, settings, config)
        report["configs"].append(entry)
    if ragas_questions:
        if progress:
            progress(f"ragas answer metrics on {ragas_questions} questions")
        start = time.perf_counter()
        report["ragas_answers"] = ragas_answer_metrics(
            gold, settings, embedder, corpus, ragas_questions, progress
        )
        report["ragas_answers"]["seconds"] = round(time.perf_counter() - start, 1)
    return report
