"""The reranking stage: rescore the fused top candidates with a model that reads query and passage
together. One required method, `score(query, passages)`; higher is better.

Backends (`STUDYBOT_RERANKER`, or `--rerank` where the pipeline runs; `--no-rerank` turns it off):
- a path: any sentence-transformers `CrossEncoder` saved on disk (e.g. ms-marco-MiniLM-L-6-v2);
- `tuned`: the cross-encoder `studybot tune-reranker` trained from the packaged MiniLM on this
  corpus (kept in STUDYBOT_HOME/models/reranker);
- `llm`: the local LLM as a relevance judge, P("yes") for "does this passage answer it?".
The default is off: none of them improved the gold set's MRR@10 (README, "Reranking").
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from core.config import Settings
from core.errors import ConfigError, ModelNotInstalled
from rag.llm.base import Judge

if TYPE_CHECKING:
    from core.records import Hit

RERANK_CANDIDATES = 20
RERANK_MAX_TOKENS = 160  # query + passage; the start of an answer says whether it fits
BACKENDS = ("tuned", "llm")


class Reranker(Protocol):
    name: str

    def score(self, query: str, passages: list[str]) -> list[float]: ...


def rerank(reranker: Reranker, query: str, hits: list[Hit]) -> list[Hit]:
    """Reorder the first RERANK_CANDIDATES hits by the reranker's score (stable on ties); each
    reranked hit's `score` becomes the reranker's, so callers see what ordered it."""
    head, tail = hits[:RERANK_CANDIDATES], hits[RERANK_CANDIDATES:]
    if not head:
        return hits
    scores = checked_scores(reranker, query, [h.item.text for h in head])
    order = sorted(range(len(head)), key=lambda i: -scores[i])
    ranked = [replace(head[i], score=scores[i]) for i in order] + tail
    return [replace(h, rank=n) for n, h in enumerate(ranked, start=1)]


def checked_scores(reranker: Reranker, query: str, passages: list[str]) -> list[float]:
    scores = [float(s) for s in reranker.score(query, passages)]
    if len(scores) != len(passages):
        raise ValueError(
            f"reranker {reranker.name} returned {len(scores)} scores for {len(passages)} passages"
        )
    return scores


class CrossEncoderReranker:
    """A sentence-transformers CrossEncoder loaded from a local folder (never from a hub)."""

    def __init__(self, path: Path, name: str | None = None, max_length: int = RERANK_MAX_TOKENS):
        path = Path(path).expanduser()
        if not (path / "config.json").is_file():
            raise ModelNotInstalled(
                f"no cross-encoder at {path} (expected a sentence-transformers model folder with "
                "config.json); point STUDYBOT_RERANKER at one, or run `studybot tune-reranker`"
            )
        from sentence_transformers import CrossEncoder

        self.name = name or f"cross-encoder {path.name}"
        self.path = path
        self.model = CrossEncoder(str(path), local_files_only=True, max_length=max_length)

    def score(self, query: str, passages: list[str]) -> list[float]:
        if not passages:
            return []
        # Small batches of similar length: padding every pair to the longest costs 2-3x on CPU.
        order = sorted(range(len(passages)), key=lambda i: len(passages[i]))
        scores = self.model.predict(
            [(query, passages[i]) for i in order], batch_size=4, show_progress_bar=False
        )
        out = [0.0] * len(passages)
        for i, s in zip(order, scores, strict=True):
            out[i] = float(s)
        return out


class LLMJudgeReranker:
    """The LLM reads each passage after the question and the probability it gives "yes" to
    "does this passage answer the question?" is the score. The question comes first, so llama.cpp
    reuses its cached prefix across the candidates."""

    def __init__(self, llm: Judge):
        if not isinstance(llm, Judge):
            raise ConfigError(f"the LLM {llm.name} cannot report token probabilities")
        self.llm = llm
        self.name = f"LLM judge ({llm.name})"

    def score(self, query: str, passages: list[str]) -> list[float]:
        from rag.prompts import RERANK_SYSTEM, RERANK_USER

        return [
            self.llm.yes_probability(
                [
                    {"role": "system", "content": RERANK_SYSTEM},
                    {
                        "role": "user",
                        "content": RERANK_USER.format(question=query, passage=passage[:1200]),
                    },
                ]
            )
            for passage in passages
        ]


def tuned_reranker_dir(settings: Settings) -> Path:
    return settings.home / "models" / "reranker"


def load_reranker(settings: Settings, spec: str | None) -> Reranker | None:
    """The reranker `spec` names ("tuned", "llm", a path), or None for off / unset."""
    if not spec or spec.lower() in ("off", "none", "0", "false"):
        return None
    if spec == "tuned":
        folder = tuned_reranker_dir(settings)
        if not folder.is_dir():
            raise ModelNotInstalled(
                f"no tuned reranker in {folder}; train one with `studybot tune-reranker` "
                "(a few minutes on a laptop CPU)"
            )
        return CrossEncoderReranker(folder, name="tuned cross-encoder")
    if spec == "llm":
        from rag.llm import load_llm

        return LLMJudgeReranker(load_llm(settings))
    path = Path(spec).expanduser()
    if not path.exists():
        raise ConfigError(
            f"reranker {spec!r} is neither {' nor '.join(BACKENDS)} nor an existing folder"
        )
    return CrossEncoderReranker(path)
