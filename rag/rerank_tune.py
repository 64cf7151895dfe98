"""`studybot tune-reranker`: train a cross-encoder on this machine, offline, from the packaged
MiniLM weights and the corpus's own question -> answer pairs.

Queries: every answered item's question, plus the bare bank questions linked to it as duplicates
(the same question worded by another source). Positives: the answered item. Hard negatives: what
the hybrid retriever ranks highest for that query that is not the answer or a linked copy of it.
Queries close to an evaluation question (cosine >= EXCLUDE_SIMILAR) are left out, so the gold set
never scores a model on what it was trained on.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError
from core.thresholds import LINK_THRESHOLD
from ingest.embedder import Embedder, resolve_model_path
from ingest.store import IndexStore
from rag.rerank import RERANK_CANDIDATES, RERANK_MAX_TOKENS
from rag.retrieve import Retriever

EXCLUDE_SIMILAR = 0.85
METADATA = "studybot-training.json"
# Chosen on the default corpus (README, "Reranking"): 3 of MiniLM's 6 layers score 20 candidates
# in ~0.3 s on 2 cores at the same quality as all 6 (~0.65 s); below 1e-4 the classifier head,
# sitting on a [CLS] vector the bi-encoder never trained, barely moves in a few hundred steps.
EPOCHS = 3
LAYERS = 3
LEARNING_RATE = 2e-4


@dataclass(frozen=True)
class Example:
    query: str
    passage: str
    label: float  # 1.0 answers the query, 0.0 does not


@dataclass
class TrainingSet:
    examples: list[Example]
    queries: int
    excluded: int  # candidate queries dropped for being close to an evaluation question


def training_set(
    store: IndexStore,
    embedder: Embedder,
    exclude: list[str],
    negatives: int = 4,
) -> TrainingSet:
    retriever = Retriever(store, embedder)
    answered = [it for it in store.catalog.all_items() if it.kind == "qa"]
    pairs: list[tuple[str, object, set[str]]] = []  # (query, answer item, ids of its copies)
    links = store.catalog.linked([it.id for it in answered], LINK_THRESHOLD)
    linked_items = store.catalog.get_items(sorted({o for group in links.values() for o in group}))
    for item in answered:
        group = {item.id, *links[item.id]}
        copies = [linked_items[o] for o in sorted(links[item.id]) if o in linked_items]
        for text in sorted({item.question, *(c.question for c in copies if c.question)}):
            pairs.append((text, item, group))
    if not pairs:
        return TrainingSet([], 0, 0)
    keep = _not_near(embedder, [q for q, _, _ in pairs], exclude)
    examples: list[Example] = []
    for (query, item, group), kept in zip(pairs, keep, strict=True):
        if not kept:
            continue
        examples.append(Example(query, item.text, 1.0))
        hard = [
            h for h in retriever.retrieve(query, RERANK_CANDIDATES)
            if h.item.id not in group and not group.intersection(h.duplicates)
        ]  # fmt: skip
        examples += [Example(query, h.item.text, 0.0) for h in hard[:negatives]]
    return TrainingSet(examples, sum(keep), len(keep) - sum(keep))


def _not_near(embedder: Embedder, queries: list[str], exclude: list[str]) -> list[bool]:
    if not exclude:
        return [True] * len(queries)
    a = embedder.embed(queries)
    b = embedder.embed(exclude)
    nearest = (a @ b.T).max(axis=1)
    return [bool(s < EXCLUDE_SIMILAR) for s in nearest]


def tune(
    examples: list[Example],
    base_model: str,
    out_dir: Path,
    epochs: int = EPOCHS,
    layers: int | None = LAYERS,
    batch_size: int = 16,
    learning_rate: float = LEARNING_RATE,
    seed: int = 0,
    metadata: dict | None = None,
) -> dict:
    """Fine-tune a cross-encoder from `base_model` (a packaged name or folder) and save it to
    `out_dir`, replacing any earlier one only once the new one is complete."""
    if not examples:
        raise InputError("no training examples: ingest a corpus with answered questions first")
    from datasets import Dataset
    from sentence_transformers.cross_encoder import (
        CrossEncoder,
        CrossEncoderTrainer,
        CrossEncoderTrainingArguments,
    )
    from sentence_transformers.cross_encoder.losses import BinaryCrossEntropyLoss
    from transformers import PrinterCallback, set_seed
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # "classifier newly initialised" is the point here
    set_seed(seed)  # python, numpy and torch: the new classifier head starts the same every run
    start = time.perf_counter()
    model = CrossEncoder(
        str(resolve_model_path(base_model)),
        num_labels=1,
        max_length=RERANK_MAX_TOKENS,
        local_files_only=True,
    )
    if layers:
        _keep_layers(model, layers)
    rows = {
        "query": [e.query for e in examples],
        "passage": [e.passage for e in examples],
        "label": [e.label for e in examples],
    }
    work = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    args = CrossEncoderTrainingArguments(
        output_dir=str(work / "trainer"),
        num_train_epochs=epochs,
        per_device_train_batch_size=batch_size,
        learning_rate=learning_rate,
        warmup_steps=0.1,
        seed=seed,
        save_strategy="no",
        report_to="none",  # no wandb/mlflow/… even when installed
        logging_strategy="no",
        disable_tqdm=True,
        use_cpu=True,
    )
    trainer = CrossEncoderTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_dict(rows).shuffle(seed=seed),
        loss=BinaryCrossEntropyLoss(model),
    )
    trainer.remove_callback(PrinterCallback)  # it prints a dict to stdout; --json owns stdout
    trainer.train()
    shutil.rmtree(work / "trainer", ignore_errors=True)
    model.save(str(work))
    info = {
        **(metadata or {}),
        "base_model": base_model,
        "examples": len(examples),
        "positives": sum(e.label > 0 for e in examples),
        "epochs": epochs,
        "learning_rate": learning_rate,
        "layers": layers or "all",
        "seconds": round(time.perf_counter() - start, 1),
    }
    (work / METADATA).write_text(json.dumps(info, indent=2))
    _swap_in(work, out_dir)
    return info


def _keep_layers(model, n: int) -> None:
    """Keep the first `n` transformer layers: fewer layers, proportionally faster scoring."""
    encoder = model[0].auto_model
    base = getattr(encoder, encoder.base_model_prefix)
    if not 0 < n <= len(base.encoder.layer):
        raise InputError(f"layers must be between 1 and {len(base.encoder.layer)}, got {n}")
    base.encoder.layer = base.encoder.layer[:n]
    encoder.config.num_hidden_layers = n


def _swap_in(new: Path, target: Path) -> None:
    """Replace `target` with the complete folder `new` (an interrupted run leaves the old one)."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def training_info(model_dir: Path) -> dict | None:
    path = model_dir / METADATA
    return json.loads(path.read_text()) if path.is_file() else None


def train_on_index(
    store: IndexStore,
    embedder: Embedder,
    out_dir: Path,
    exclude: list[str],
    excluded_keys: list[str],
    negatives: int = 4,
    epochs: int | None = None,
    layers: int | None = None,
    on_training_set=None,
) -> dict:
    """`studybot tune-reranker`: mine the training set from the index (leaving out queries close
    to `exclude`, the evaluation questions, whose hashes `excluded_keys` are recorded), train, and
    save to `out_dir`. `on_training_set(ts)` is told the set's size before training starts."""
    from datetime import UTC, datetime

    ts = training_set(store, embedder, exclude, negatives)
    if on_training_set is not None:
        on_training_set(ts)
    metadata = {
        "queries": ts.queries, "excluded_queries": ts.excluded,
        "excluded_questions": excluded_keys,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    return tune(ts.examples, embedder.name, out_dir, epochs=epochs or EPOCHS,
                layers=layers or LAYERS, metadata=metadata)  # fmt: skip
