"""The Library tab's handlers, called directly: what the web app may read, and what it keeps."""

import os
import threading
from dataclasses import replace

import gradio as gr
import pytest

from rag.engine import Engine
from rag.quiz import Tutor
from rag.quiz_store import QuizStore
from rag.retrieve import Retriever
from ui.library_tab import library_folder, library_upload
from ui.services import Services


def no_progress(*args, **kwargs):
    pass


@pytest.fixture
def svc(settings, store, embedder):
    retriever = Retriever(store, embedder)
    return Services(settings, store, embedder, Engine(retriever), Tutor(retriever, QuizStore(
        settings.quiz_db)), threading.RLock())  # fmt: skip


def test_folders_outside_the_allowed_roots_are_refused(svc, tmp_path):
    private = tmp_path / "private"
    private.mkdir()
    (private / "secrets.md").write_text("Q1: What is my password?\nhunter2\n")
    with pytest.raises(gr.Error, match="outside the folders"):
        library_folder(svc, str(private), no_progress)
    # A symlink inside an allowed root that points outside it is followed, and refused.
    svc.settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    link = svc.settings.uploads_dir / "escape"
    os.symlink(private, link)
    with pytest.raises(gr.Error, match="outside the folders"):
        library_folder(svc, str(link), no_progress)
    assert svc.store.catalog.count_items() == 0
    allowed = replace(svc.settings, ingest_roots=(private,))
    library_folder(replace(svc, settings=allowed), str(private), no_progress)
    assert svc.store.catalog.count_items() == 1


def test_the_folder_error_escapes_what_the_user_typed(svc):
    with pytest.raises(gr.Error) as err:
        library_folder(svc, "<img src=x onerror=alert(1)>", no_progress)
    assert "<img" not in str(err.value) and "&lt;img" in str(err.value)


def test_uploads_keep_both_files_of_a_name_and_drop_rejected_ones(svc, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "notes.md").write_text("Q1: What is LoRA?\nLow-rank adapters.\n")
    (b / "notes.md").write_text("Q1: What is BM25?\nA keyword ranking function.\n")
    (a / "broken.pdf").write_bytes(os.urandom(2000))
    msg, rows, *_ = library_upload(svc, [str(a / "notes.md"), str(a / "broken.pdf")], no_progress)
    assert "1 failed" in msg
    assert [r[:2] for r in rows] == [["notes.md", "ok"], ["broken.pdf", "failed, not kept"]]
    msg, rows, *_ = library_upload(svc, [str(b / "notes.md")], no_progress)
    assert [r[:2] for r in rows] == [["notes.md", "ok"]]
    kept = sorted(p.name for p in svc.settings.uploads_dir.iterdir())
    assert kept == ["notes-2.md", "notes.md"]  # both kept; the rejected file is gone
    assert "broken.pdf" not in msg  # not reported again on the next upload
    assert svc.store.catalog.count_items() == 2


def test_uploads_over_the_size_cap_are_refused(svc, tmp_path):
    big = tmp_path / "big.md"
    big.write_text("Q1: What is big?\n" + "x" * (1024 * 1024 + 10))
    small = replace(svc, settings=replace(svc.settings, max_upload_mb=1))
    with pytest.raises(gr.Error, match="larger than 1 MB"):
        library_upload(small, [str(big)], no_progress)
    assert not svc.settings.uploads_dir.exists() or not any(svc.settings.uploads_dir.iterdir())


def test_removing_a_source_removes_that_folder_only(svc, tmp_path):
    """Two folders both called notes/ show the same source names; removal goes by full path."""
    from ui.library_tab import library_remove, library_table

    first, second = tmp_path / "a" / "notes", tmp_path / "b" / "notes"
    for folder, text in (
        (first, "Q1: What is LoRA?\nAdapters.\n"),
        (second, "Q1: What is BM25?\nRanking.\n"),
    ):
        folder.mkdir(parents=True)
        (folder / "bank.md").write_text(text)
    allowed = replace(svc, settings=replace(svc.settings, ingest_roots=(tmp_path,)))
    library_folder(allowed, str(first), no_progress)
    library_folder(allowed, str(second), no_progress)
    rows, choices = library_table(svc)
    assert [r[0] for r in rows] == ["notes/bank.md", "notes/bank.md"]
    library_remove(svc, str((first / "bank.md").resolve()))
    left = svc.store.catalog.all_items()
    assert [it.question for it in left] == ["What is BM25?"]
