"""Deck exports from the web app stay in the process's downloads folder and do not pile up."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from ingest.pipeline import ingest
from ui import progress_view
from ui.services import build_services


def test_exports_live_in_the_apps_downloads_folder_and_old_ones_go(settings, embedder, tmp_path):
    (tmp_path / "bank.md").write_text(
        "## What does dropout do?\nIt zeroes activations at random.\n"
    )
    svc = build_services(settings, with_llm=False)
    ingest([tmp_path / "bank.md"], svc.store, embedder, progress=False)
    svc.tutor.refresh()
    before = set(Path(tempfile.gettempdir()).iterdir())
    first = Path(progress_view.export(svc, "csv"))
    downloads = svc.downloads()
    assert first.name == "studybot-deck.csv" and first.parent.parent == downloads
    assert "dropout" in first.read_text()
    assert set(Path(tempfile.gettempdir()).iterdir()) - before == {downloads}  # one folder in all
    # An export older than the keep time is gone at the next one; a fresh one stays.
    old = time.time() - progress_view.KEEP_DOWNLOADS_SECONDS - 60
    os.utime(first.parent, (old, old))
    second = Path(progress_view.export(svc, "apkg"))
    assert second.exists() and not first.exists()
    svc._downloads.cleanup()  # what happens when the app's process ends
    assert not downloads.exists()
