"""`studybot ingest`: files → items → vectors, catalog and keyword index, incrementally."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from core.errors import LoadError
from core.excerpt import sentence_spans
from core.records import KINDS, Item
from core.text import fold
from core.thresholds import LINK_THRESHOLD
from ingest.chunking import sentence_chunker
from ingest.discover import discover
from ingest.embedder import Embedder
from ingest.items import make_item
from ingest.loaders import load, read
from ingest.parse import parse_document
from ingest.store import FileItems, IndexStore
from ingest.vectors import item_of

_BATCH_ITEMS = 2000  # items embedded and committed together; bounds memory on huge corpora
PARSER_VERSION = "176"  # bump when parsing changes what items a file yields
VECTORS_VERSION = "2"  # bump when embed_texts changes what gets a vector
# A long text also gets a vector per passage of two sentences, one passage starting at each
# sentence ("small-to-big" retrieval): MiniLM's one vector for a long note blurs a sentence that
# answers a question about a detail. Chosen on the held-out suite's dev corpora only (session
# 22): passages of 2 sentences beat 1, 3 and 4; the 40-word floor changed nothing from 20 to 80.
PASSAGE_SENTENCES = 2
PASSAGE_MIN_WORDS = 40


@dataclass
class FileFailure:
    path: str
    reason: str


@dataclass
class IngestReport:
    files_seen: int = 0
    files_ingested: int = 0
    files_unchanged: int = 0
    files_failed: list[FileFailure] = field(default_factory=list)
    items_added: int = 0
    items_removed: int = 0
    items_total: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    files_removed: int = 0
    items_embedded: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def embed_texts(item: Item) -> dict[str, str]:
    """What gets a vector: the question alone (`q`), the whole item (`d`) and, for a long
    answer or prose chunk, each passage under its question or section (`w0`, `w1`, …)."""
    texts = {"d": item.text if item.kind != "chunk" else f"{item.section}\n{item.text}".strip()}
    if item.kind != "chunk":
        texts["q"] = item.question
    body, head = (item.text, item.section) if item.kind == "chunk" else (item.answer, item.question)
    spans = sentence_spans(body)
    if len(body.split()) >= PASSAGE_MIN_WORDS and len(spans) > PASSAGE_SENTENCES:
        for n in range(len(spans) - PASSAGE_SENTENCES + 1):
            start, end = spans[n][0], spans[n + PASSAGE_SENTENCES - 1][1]
            texts[f"w{n}"] = f"{head}\n{body[start:end]}".strip()
    return texts


def ingest(
    paths: list[Path],
    store: IndexStore,
    embedder: Embedder,
    *,
    prune: bool = False,
    rebuild: bool = False,
    progress: bool = True,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    if rebuild:
        store.reset()
    store.check_embedder(embedder.name)
    catalog = store.catalog
    interrupted = catalog.get_meta("ingest_running") == "1"
    catalog.set_meta("ingest_running", "1")
    settings = store.settings
    chunker = sentence_chunker(
        settings.chunk_tokens, settings.chunk_overlap, embedder.path / "tokenizer.json"
    )
    # Part of every file's hash: a new parser or chunk size re-parses files that didn't change.
    fingerprint = (
        f"{PARSER_VERSION}|{VECTORS_VERSION}|{settings.chunk_tokens}|{settings.chunk_overlap}"
    )

    seen_keys: set[str] = set()
    folder_roots: list[Path] = []
    pending: list[FileItems] = []
    pending_items = 0
    changed = False
    for root in paths:
        root = Path(root)
        if root.is_dir():
            folder_roots.append(root.resolve())
        for found in discover(root):
            report.files_seen += 1
            if found.error:
                report.files_failed.append(FileFailure(str(found.path), found.error))
                continue
            key = str(found.path.resolve())
            seen_keys.add(key)
            try:
                job = _prepare(
                    found.path, key, _display(root, found.path), store, chunker, fingerprint
                )
            except LoadError as exc:
                report.files_failed.append(FileFailure(str(found.path), str(exc)))
                continue
            if job is None:
                report.files_unchanged += 1
                continue
            pending.append(job)
            pending_items += len(job.items)
            if pending_items >= _BATCH_ITEMS:
                _commit(pending, store, embedder, report, progress)
                pending, pending_items, changed = [], 0, True
    if pending:
        _commit(pending, store, embedder, report, progress)
        changed = True

    gone = _to_prune(catalog.file_keys(), seen_keys, folder_roots, prune)
    if gone:
        report.items_removed += len(store.remove_files(gone))
        report.files_removed += len(gone)
        changed = True

    if interrupted:
        store.sweep_orphans()
    if changed or interrupted or catalog.get_meta("bm25_generation") is None:
        store.rebuild_keywords()

    stats = store.stats()
    report.items_total = stats["items_total"]
    report.by_kind = stats["by_kind"]
    report.seconds = round(time.perf_counter() - started, 3)
    summary = {k: v for k, v in report.to_dict().items() if k != "files_failed"}
    catalog.set_meta("last_ingest", json.dumps({"at": time.time(), **summary}))
    catalog.set_meta("ingest_running", "0")
    return report


def _display(root: Path, path: Path) -> str:
    if root.is_dir():
        return f"{root.resolve().name}/{path.relative_to(root).as_posix()}"
    return path.name


def _prepare(
    path: Path, key: str, source: str, store: IndexStore, chunker, fingerprint: str
) -> FileItems | None:
    """Load and parse a file, or None when it is unchanged since the last ingest. The file is
    read once: the bytes hashed are the bytes parsed, even if it changes meanwhile."""
    data = read(path)
    sha = hashlib.sha256(fingerprint.encode() + b"\0" + data).hexdigest()
    if store.catalog.file_hash(key) == sha:
        return None
    try:
        doc = load(path, data)
        parsed = parse_document(doc, chunker)
    except LoadError:
        raise
    except Exception as exc:  # a fault of ours on one file must not stop the others
        raise LoadError(
            f"studybot failed on this file ({type(exc).__name__}: {exc}); please report it"
        ) from exc
    if not parsed:
        raise LoadError("no questions, answers or prose found in the file")
    items = list({it.id: it for it in (make_item(key, source, p) for p in parsed)}.values())
    return FileItems(key, source, sha, len(doc.data), items)


def _commit(jobs: list[FileItems], store: IndexStore, embedder: Embedder, report, progress) -> None:
    """Vectors first, then one catalog transaction per file, then stale vectors go."""
    # Reuse vectors of items whose content didn't change (e.g. a line inserted above them).
    old_hash_to_id = {
        it.content_hash: it.id for job in jobs for it in store.catalog.items_of_file(job.key)
    }
    reusable = store.vectors.get(
        {
            old_hash_to_id[it.content_hash]
            for job in jobs
            for it in job.items
            if it.content_hash in old_hash_to_id
        }
    )

    ids, texts, vectors, metas, todo = [], [], [], [], []
    for job in jobs:
        for item in job.items:
            old = old_hash_to_id.get(item.content_hash)
            for fld, text in embed_texts(item).items():
                ids.append(f"{item.id}#{fld}")
                metas.append(
                    {"item": item.id, "field": fld[0], "kind": item.kind, "source": item.source}
                )
                cached = reusable.get(f"{old}#{fld}") if old else None
                vectors.append(cached)
                if cached is None:
                    todo.append(len(texts))
                texts.append(text)
    if todo:
        # Each distinct text once: a bare question's two texts are the same words, and so are
        # items repeated across files.
        unique = list(dict.fromkeys(texts[i] for i in todo))
        fresh = embedder.embed(unique, progress=progress)
        row_of = {text: row for row, text in enumerate(unique)}
        for i in todo:
            vectors[i] = fresh[row_of[texts[i]]]
        report.items_embedded += len(todo)
    matrix = np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)
    for added, removed in store.write_files(jobs, ids, matrix, metas).values():
        report.files_ingested += 1
        report.items_added += len(added)
        report.items_removed += len(removed)

    q_rows = [i for i, cid in enumerate(ids) if cid.endswith("#q")]
    if q_rows:
        _link_duplicates(
            [ids[i].split("#")[0] for i in q_rows], np.vstack([vectors[i] for i in q_rows]), store
        )


def _link_duplicates(item_ids: list[str], q_vectors: np.ndarray, store: IndexStore) -> None:
    """Record pairs of questions similar enough to be the same question, across all files."""
    pairs = []
    for start in range(0, len(item_ids), 256):
        nearest = store.vectors.query(q_vectors[start : start + 256], 6, ("q",))
        for item_id, hits in zip(item_ids[start:], nearest, strict=False):
            pairs += [
                (item_id, item_of(other), round(sim, 4))
                for other, sim in hits
                if item_of(other) != item_id and sim >= LINK_THRESHOLD
            ]
    items = store.catalog.get_items(list({p for a, b, _ in pairs for p in (a, b)}))
    store.catalog.set_links(
        [
            (a, b, s)
            for a, b, s in pairs
            if a in items and b in items and _same_question(items[a], items[b], s)
        ]
    )


def _same_question(a: Item, b: Item, score: float) -> bool:
    """Across sources, a near-identical embedding; within one source only the same words
    (a bank lists "advantages of X?" and "disadvantages of X?" side by side), asked in another
    place: the parts of one long answer share its question and place, and each holds its own
    part of the answer, so none of them may hide another."""
    if a.source != b.source:
        return score >= LINK_THRESHOLD
    return fold(a.question) == fold(b.question) and a.locator != b.locator


def _to_prune(keys: list[str], seen: set[str], roots: list[Path], prune_all: bool) -> list[str]:
    """Catalogued files that are gone: under a re-ingested folder, or anywhere with --prune."""
    gone = []
    for key in keys:
        if key in seen:
            continue
        path = Path(key)
        if not path.exists() and (prune_all or any(path.is_relative_to(r) for r in roots)):
            gone.append(key)
    return gone


def remove_file(store: IndexStore, key: str) -> int:
    """Drop one indexed file, named by its key (its full path: two folders may both show as
    `notes/x.md`); returns how many items went."""
    if key not in store.catalog.file_keys():
        raise LoadError(f"{key!r} is not indexed; see `studybot stats`")
    removed = len(store.remove_files([key]))
    store.rebuild_keywords()
    return removed
