"""Which configurations an evaluation runs (the rows of its table) and what a rerank row needs
recorded to be trusted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from core.config import Settings
from eval.gold import GoldItem, normalise
from rag.rerank import tuned_reranker_dir


@dataclass(frozen=True)
class Config:
    name: str
    mode: str = "hybrid"  # hybrid | dense | bm25 | baseline
    chunk_tokens: int = 256
    rerank: str | None = None  # a reranker spec for rag.rerank.load_reranker


DEFAULT_CONFIGS = (
    Config("baseline: llama-index dense, 256-token chunks", mode="baseline"),
    Config("dense", mode="dense"),
    Config("bm25", mode="bm25"),
    Config("hybrid", mode="hybrid"),
    Config("hybrid, 128-token prose chunks", mode="hybrid", chunk_tokens=128),
)
DEFAULT_RERANKERS = ("tuned",)  # "llm" is opt-in: ~30 s a question (20 LLM calls) on 2 cores


def rerank_configs(specs) -> tuple[Config, ...]:
    return tuple(Config(f"hybrid + rerank: {spec}", rerank=spec) for spec in specs)


def configs_for(rerankers: str, configured: str | None) -> tuple[Config, ...]:
    """The default rows plus a "hybrid + rerank" row for each of the comma-separated `rerankers`
    ("none" for no rows) and for the reranker the settings configure, if it is another one."""
    specs = [r.strip() for r in rerankers.split(",") if r.strip() and r.strip() != "none"]
    if configured and configured not in specs:
        specs.append(configured)
    return DEFAULT_CONFIGS + rerank_configs(specs)


def reranker_info(settings: Settings, spec: str, gold: list[GoldItem]) -> dict:
    """What the eval table needs to trust a rerank row: for the tuned model, whether its training
    left this gold set's questions out."""
    if spec != "tuned":
        return {"spec": spec}
    from rag.rerank_tune import training_info

    info = training_info(tuned_reranker_dir(settings)) or {}
    return {
        "spec": spec,
        "training": info,
        "gold_excluded": set(question_keys(gold)) <= set(info.get("excluded_questions", [])),
    }


def question_keys(gold: list[GoldItem]) -> list[str]:
    """Short hashes of every question (and earlier turn) in `gold`, normalised: what a tuned
    reranker records as left out of its training, so any gold file can be checked against it."""
    questions = {normalise(q) for g in gold for q in (g.user_input, *g.history)}
    return sorted(hashlib.sha256(q.encode()).hexdigest()[:12] for q in questions)
