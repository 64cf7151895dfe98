"""Ingest into a real embedded Chroma with the real MiniLM model: incremental, safe, honest."""

import json
import os
import signal
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from core.config import Settings
from core.errors import IndexUnavailable
from ingest.catalog import Catalog
from ingest.pipeline import embed_texts, ingest
from ingest.store import IndexStore
from ingest.vectors import item_of
from rag.retrieve import Retriever
from tests.conftest import run_json
from tests.pdfs import make_pdf


def dense_search(store, embedder, query, top_k):
    return Retriever(store, embedder, "dense").retrieve(query, top_k)


BANK = """# Interview bank
## Retrieval
- How does BM25 score documents?
- Why combine dense and sparse retrieval?
"""

NOTES = """Q1: What is BM25?
BM25 scores documents by term frequency with saturation and document length normalisation.
Q2: What does a cross-encoder do?
A cross-encoder reads the query and passage together and outputs a relevance score.
Q3: What is quantization?
Answer not provided in the source.
"""

ADMON = """# Notes
??? question "How does BM25 score documents?"
    It sums idf-weighted term frequencies, saturated by k1 and normalised by length with b.
"""


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "bank.md").write_text(BANK)
    (root / "notes.txt").write_text(NOTES)
    (root / "mkdocs.md").write_text(ADMON)
    return root


def test_a_fault_on_one_file_is_reported_and_the_others_are_ingested(
    corpus, store, embedder, monkeypatch
):
    """A parser fault (a bug of ours, not a bad file) on one file fails that file with its
    reason; the rest of the folder is ingested."""
    import ingest.pipeline as pipeline

    parse = pipeline.parse_document

    def faulty(doc, chunker):
        if doc.data.decode().startswith("# Notes\n???"):
            raise AttributeError("'For' object has no attribute 'value'")
        return parse(doc, chunker)

    monkeypatch.setattr(pipeline, "parse_document", faulty)
    report = ingest([corpus], store, embedder, progress=False)
    assert report.files_ingested == 2
    [failure] = report.files_failed
    assert Path(failure.path).name == "mkdocs.md"
    assert "AttributeError" in failure.reason and "please report it" in failure.reason


def test_counts_search_and_duplicate_links(corpus, store, embedder):
    report = ingest([corpus], store, embedder, progress=False)
    assert report.files_ingested == 3 and not report.files_failed
    assert report.by_kind == {"qa": 3, "question": 3, "chunk": 0}
    hits = dense_search(store, embedder, "how does a cross encoder work", top_k=3)
    assert hits[0].item.kind == "qa" and "cross-encoder" in hits[0].item.question
    assert hits[0].item.source == "corpus/notes.txt" and hits[0].item.locator == "lines 3-4"
    # The bank question is answered in another source: one hit, showing the answer, linking both.
    hits = dense_search(store, embedder, "how are documents scored by bm25", top_k=5)
    same = [h for h in hits if h.item.question == "How does BM25 score documents?"]
    assert (
        len(same) == 1 and same[0].item.kind == "qa" and same[0].item.source == "corpus/mkdocs.md"
    )
    bank_ids = {it.id for it in store.catalog.all_items() if it.source == "corpus/bank.md"}
    assert set(same[0].duplicates) & bank_ids


def test_parts_of_one_long_answer_are_not_duplicates(tmp_path, store, embedder):
    """A long answer is split into items that share its question and place; linked as duplicates,
    all but one part vanished from results, and which ones depended on the hash seed."""
    topics = ["tokenization", "attention heads", "positional encodings", "layer norm",
              "feed-forward blocks", "residual streams", "KV caches", "sampling temperature"]  # fmt: skip
    answer = "\n\n".join(
        f"{t.capitalize()} matter here. " + " ".join(f"Detail {n} about {t} is stated." for n in range(12))
        for t in topics
    )  # fmt: skip
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "long.md").write_text(
        f"## How does a transformer work?\n\n{answer}\n\n"
        "## What is BM25?\n\nA ranking function.\n\n"
        "## How does a transformer work?\n\nSee above: the same question, asked again later.\n"
    )
    ingest([bank], store, embedder, progress=False)
    items = [
        it for it in store.catalog.all_items() if it.question == "How does a transformer work?"
    ]
    parts = [it for it in items if it.locator == items[0].locator]
    assert len(parts) >= 4 and len(items) == len(parts) + 1
    linked = store.catalog.linked([it.id for it in items], 0.0)
    part_ids = {it.id for it in parts}
    assert all(not set(linked[p]) & part_ids for p in part_ids)  # parts never hide each other
    again = next(it for it in items if it.id not in part_ids)
    assert set(linked[again.id]) == part_ids  # the repeat elsewhere is still the same question
    found = Retriever(store, embedder).retrieve("what about residual streams in a transformer?", 5)
    assert "residual streams" in found[0].item.answer
    # "Whole note" shows every part once, in order: the answer as written.
    whole = store.catalog.whole_answers([found[0].item.id])[found[0].item.id]
    assert whole.answer.split() == answer.split()


class CountingEmbedder:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.texts = inner, []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def embed(self, texts, progress=False):
        self.texts += list(texts)
        return self.inner.embed(texts, progress=progress)


def test_each_distinct_text_is_embedded_once(corpus, store, embedder):
    # A bare question's question vector and whole-item vector are the same words; so is the
    # same item in two files. Each is embedded once, and every vector is still stored.
    (corpus / "copy.md").write_text(ADMON)
    counting = CountingEmbedder(embedder)
    report = ingest([corpus], store, counting, progress=False)
    assert len(counting.texts) == len(set(counting.texts))
    assert report.items_embedded == store.vectors.count() > len(counting.texts)
    hit = dense_search(store, embedder, "Why combine dense and sparse retrieval?", 1)[0]
    assert hit.item.kind == "question" and hit.similarity > 0.99


def test_reingest_is_incremental(corpus, store, embedder):
    ingest([corpus], store, embedder, progress=False)
    again = ingest([corpus], store, embedder, progress=False)
    assert (
        again.files_unchanged,
        again.files_ingested,
        again.items_added,
        again.items_embedded,
    ) == (3, 0, 0, 0)

    # Insert a question at the top: old items keep their vectors (same content, new line numbers).
    (corpus / "notes.txt").write_text("Q0: What is a reranker?\nIt reorders candidates.\n" + NOTES)
    changed = ingest([corpus], store, embedder, progress=False)
    assert changed.files_ingested == 1 and changed.files_unchanged == 2
    assert changed.items_added == 4 and changed.items_removed == 3
    assert changed.items_embedded == 2  # only the new item's question and text vectors
    assert store.vectors.count() == 2 * 7  # a question and a whole-item vector per item
    locators = {
        it.question: it.locator
        for it in store.catalog.items_of_file(str((corpus / "notes.txt").resolve()))
    }
    assert locators["What is BM25?"] == "lines 3-4"


def test_deleted_files_are_pruned_when_their_folder_is_reingested(
    corpus, store, embedder, tmp_path
):
    other = tmp_path / "extra.md"
    other.write_text(ADMON.replace("BM25", "TF-IDF"))
    ingest([corpus, other], store, embedder, progress=False)
    (corpus / "bank.md").unlink()
    other.unlink()
    report = ingest([corpus], store, embedder, progress=False)
    assert report.files_removed == 1 and report.items_removed == 2
    assert (
        str(other.resolve()) in store.catalog.file_keys()
    )  # outside the folder: kept without --prune
    report = ingest([corpus], store, embedder, prune=True, progress=False)
    assert report.files_removed == 1 and str(other.resolve()) not in store.catalog.file_keys()


def test_bad_files_are_reported_and_the_rest_is_ingested(corpus, cli, tmp_path):
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "noise.md").write_bytes(os.urandom(2048) + b"\x00")
    (corpus / "noise.pdf").write_bytes(os.urandom(2048))
    good = make_pdf(
        tmp_path / "g.pdf", ["Q1: What is a vector database?\nA store for embeddings. " * 5] * 3
    )
    (corpus / "truncated.pdf").write_bytes(good.read_bytes()[:1500])
    make_pdf(corpus / "locked.pdf", ["Q1: secret?\nyes"], user_password="pw")
    (corpus / "loop.md").symlink_to(corpus / "loop.md")
    make_pdf(
        corpus / "paper.pdf",
        [
            "Intro page with prose words enough to chunk here.",
            "Q1: What is a vector database?\nA store for embeddings.",
        ],
    )
    out = run_json(cli, "ingest", str(corpus), "--json")
    assert set(out) >= {
        "files_seen",
        "files_ingested",
        "files_unchanged",
        "files_failed",
        "items_added",
        "items_removed",
        "items_total",
        "by_kind",
    }
    failed = {os.path.basename(f["path"]): f["reason"] for f in out["files_failed"]}
    assert set(failed) == {
        "empty.md",
        "noise.md",
        "noise.pdf",
        "truncated.pdf",
        "locked.pdf",
        "loop.md",
    }
    assert "encrypted" in failed["locked.pdf"] and "symlink loop" in failed["loop.md"]
    assert out["files_ingested"] == 4 and out["files_seen"] == 10
    hits = run_json(cli, "search", "vector database", "--json")["results"]
    assert hits[0]["source"] == "corpus/paper.pdf" and hits[0]["locator"] == "p. 2"
    code, _, err = cli("ingest", str(corpus), "--strict")
    assert code == 1 and "locked.pdf" in err


def test_a_crash_mid_ingest_leaves_the_old_index_usable_and_the_next_run_completes(
    corpus, settings, embedder, monkeypatch
):
    store = IndexStore(settings)
    ingest([corpus], store, embedder, progress=False)
    before = {h.item.id for h in dense_search(store, embedder, "cross-encoder relevance", 3)}
    (corpus / "notes.txt").write_text(NOTES.replace("cross-encoder", "cross encoder model"))
    (corpus / "bank.md").write_text(BANK + "- What is reciprocal rank fusion?\n")

    calls = []
    real = Catalog.replace_file

    def crash_on_second(self, *args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise KeyboardInterrupt("simulated kill after vectors were written")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Catalog, "replace_file", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], store, embedder, progress=False)
    monkeypatch.undo()
    store.close()

    reopened = IndexStore(settings)
    assert reopened.catalog.get_meta("ingest_running") == "1"
    hits = dense_search(reopened, embedder, "cross-encoder relevance", 3)
    assert hits and all(
        reopened.catalog.get_items([h.item.id]) for h in hits
    )  # only catalogued items
    assert hits[0].item.id in before  # the interrupted file still has its previous items

    done = ingest([corpus], reopened, embedder, progress=False)
    assert done.files_ingested == 1  # the file whose commit was interrupted
    assert reopened.catalog.get_meta("ingest_running") == "0"
    live = reopened.catalog.count_items()
    assert reopened.vectors.count() == sum(
        2 if it.kind != "chunk" else 1 for it in reopened.catalog.all_items()
    )
    assert live == 7


def test_killed_process_leaves_a_usable_index(corpus, tmp_path):
    """A real SIGKILL of `studybot ingest` after one new file is committed and the next one's
    vectors are written (checked from the store: the kill landed mid-ingest); the old index
    still answers, and the next run completes the job with no file half-written."""
    from tests.held_ingest import HELD

    env = {**os.environ, "STUDYBOT_HOME": str(tmp_path / "home")}
    env.pop("STUDYBOT_CHROMA_URL", None)
    args = ["ingest", str(corpus), "--json"]
    cmd = [sys.executable, "-m", "studybot.cli", *args]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    with closing(Catalog(tmp_path / "home" / "index" / "local" / "catalog.sqlite")) as catalog:
        before = {f["key"]: f["items"] for f in catalog.files()}
    for i in range(40):
        (corpus / f"extra{i}.md").write_text(f"Q1: What is topic {i}?\nTopic {i} is a thing.\n")
    held = [sys.executable, "-m", "tests.held_ingest", "2", *args[1:]]
    proc = subprocess.Popen(held, env=env, cwd=Path(__file__).parent.parent, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    err = []  # wait (no timer) until it holds, or it ends and says why it never did
    while (line := proc.stderr.readline()) and line.strip() != HELD:
        err.append(line)
    assert line.strip() == HELD, "".join(err)[-3000:]
    proc.kill()
    assert proc.wait() == -signal.SIGKILL

    # From the store: the killed run committed one new file, wrote the next one's vectors but
    # not its catalog rows, and never finished.
    store = IndexStore(Settings(home=tmp_path / "home"))
    assert store.catalog.get_meta("ingest_running") == "1"
    keys = store.catalog.file_keys()
    assert len(keys) == 3 + 1 and sum("extra" in k for k in keys) == 1
    got = store.vectors.collection.get(include=["metadatas"])
    orphans = {m["source"] for vid, m in zip(got["ids"], got["metadatas"], strict=True)
               if item_of(vid) not in store.catalog.all_ids()}  # fmt: skip
    assert len(orphans) == 1 and (held_file := orphans.pop()).startswith("corpus/extra")
    store.close()
    # The file being written when the kill came is edited before the next run: the vectors the
    # kill left behind must be swept, not merely overwritten by an identical file's.
    held_file = corpus / Path(held_file).name
    held_file.write_text(held_file.read_text().replace("is a thing", "is an edited thing"))

    out = subprocess.run(
        [sys.executable, "-m", "studybot.cli", "search", "What is BM25?", "--json"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(out.stdout)["results"][0]["kind"] == "qa"
    report = json.loads(
        subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    )
    assert (report["files_unchanged"], report["files_ingested"]) == (3 + 1, 39)
    assert report["items_total"] == 6 + 40

    # Nothing lost, nothing half-written: every file has all its items, every item both its
    # vectors, and no vector is left without an item.
    store = IndexStore(Settings(home=tmp_path / "home"))
    assert store.catalog.get_meta("ingest_running") == "0"
    extras = {str((corpus / f"extra{i}.md").resolve()): 1 for i in range(40)}
    assert {f["key"]: f["items"] for f in store.catalog.files()} == {**before, **extras}
    expected = {f"{it.id}#{f}" for it in store.catalog.all_items() for f in embed_texts(it)}
    assert set(store.vectors.collection.get(include=[])["ids"]) == expected
    store.close()


def test_new_chunk_size_reparses_and_a_new_model_needs_rebuild(corpus, settings, embedder):
    store = IndexStore(settings)
    ingest([corpus], store, embedder, progress=False)
    store.close()
    smaller = IndexStore(settings.with_(chunk_tokens=64))
    report = ingest([corpus], smaller, embedder, progress=False)
    assert report.files_ingested == 3 and report.items_embedded == 0  # re-parsed, vectors reused
    smaller.catalog.set_meta("embed_model", "some-other-model")
    with pytest.raises(IndexUnavailable, match="--rebuild"):
        ingest([corpus], smaller, embedder, progress=False)
    report = ingest([corpus], smaller, embedder, rebuild=True, progress=False)
    assert report.files_ingested == 3 and report.items_embedded == 2 * 6
    assert (
        smaller.vectors.count() == 2 * 6
        and smaller.catalog.get_meta("embed_model") == embedder.name
    )
