"""The Library tab: upload files or ingest a folder, see what is indexed, remove a source."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import gradio as gr

from core.errors import LoadError
from ingest.loaders import SUPPORTED
from ingest.pipeline import ingest, remove_file
from ui.services import BUSY, Services, esc


def library_table(svc: Services):
    with svc.lock:
        info = svc.store.stats()
    rows = [[s["source"], s["items"], s["by_kind"]["qa"], s["by_kind"]["question"], s["by_kind"]["chunk"],
             s["ingested_at"]] for s in info["sources"]]  # fmt: skip
    # Shown by name, chosen by full path: two folders may both be called notes/.
    choices = [(f"{s['source']}  ({s['path']})", s["path"]) for s in info["sources"]]
    return rows, gr.update(choices=choices, value=None)


def _ingest(svc: Services, paths: list[Path], progress) -> tuple[str, list]:
    """Ingest `paths`; the summary line and the failures as (path, reason) pairs."""
    progress(0.1, desc="embedding")
    with svc.lock:
        report = ingest(paths, svc.store, svc.embedder, progress=False)
        svc.tutor.refresh()  # the question pool changed
    progress(1.0, desc="done")
    summary = (
        f"{report.files_seen} files seen: {report.files_ingested} ingested, "
        f"{report.files_unchanged} unchanged, {len(report.files_failed)} failed; "
        f"items +{report.items_added} −{report.items_removed}, {report.items_total} indexed."
    )
    failed = [(Path(f.path), f.reason) for f in report.files_failed]
    if failed:  # one toast per event; the reasons are in the results table
        gr.Warning(f"{len(failed)} file(s) could not be read: see the results below.")
    return summary, failed


def check_upload(svc: Services, files) -> list[Path]:
    """The uploaded files, or gr.Error saying why none is taken. Wired as its own step with no
    outputs, so a refusal is one toast and the library table keeps what it shows."""
    if not files:
        raise gr.Error("Choose one or more .md, .txt or .pdf files first.")
    limit = svc.settings.max_upload_mb * 1024 * 1024
    sources = [Path(f if isinstance(f, str) else f.name) for f in files]
    for src in sources:
        if src.stat().st_size > limit:
            raise gr.Error(
                f"{esc(src.name)} is larger than {svc.settings.max_upload_mb} MB "
                "(STUDYBOT_MAX_UPLOAD_MB); nothing was uploaded."
            )
    return sources


def library_upload(svc: Services, files, progress=gr.Progress()):
    sources = check_upload(svc, files)
    target = svc.settings.uploads_dir
    target.mkdir(parents=True, exist_ok=True)
    kept = [unused_name(target, src) for src in sources]
    for src, dest in zip(sources, kept, strict=True):
        shutil.copy(src, dest)
    summary, failed = _ingest(svc, [target], progress)
    reasons = {p.resolve(): r for p, r in failed}
    for path in reasons:  # a rejected upload is not kept, so it is not reported again next time
        if path.parent == target.resolve():
            path.unlink(missing_ok=True)
    rows = [[src.name, "failed, not kept" if dest.resolve() in reasons else "ok",
             reasons.get(dest.resolve(), f"kept as uploads/{dest.name}")]
            for src, dest in zip(sources, kept, strict=True)]  # fmt: skip
    return (summary, rows, *library_table(svc))


def unused_name(folder: Path, src: Path) -> Path:
    """Where to keep an upload: its own name, or name-2, name-3… when another file with that
    name (and other content) is already there; the same file again keeps its name."""
    candidate, n = folder / src.name, 1
    while candidate.exists() and candidate.read_bytes() != src.read_bytes():
        n += 1
        candidate = folder / f"{src.stem}-{n}{src.suffix}"
    return candidate


def check_folder(svc: Services, folder: str) -> Path:
    """The folder to ingest, resolved, or gr.Error saying why it may not be read."""
    path = Path((folder or "").strip()).expanduser()
    if not folder or not path.exists():
        raise gr.Error(f"No such file or folder: {esc(repr(folder))}")
    resolved = path.resolve()  # symlinks followed: a link inside a root can't lead outside
    roots = svc.settings.allowed_ingest_roots
    if not any(resolved.is_relative_to(root) for root in roots):
        raise gr.Error(
            f"{esc(str(folder))} is outside the folders this app may read. Upload the files, or "
            "list the folder in STUDYBOT_INGEST_ROOTS when you start the app."
        )
    return resolved


def library_folder(svc: Services, folder: str, progress=gr.Progress()):
    resolved = check_folder(svc, folder)
    summary, failed = _ingest(svc, [resolved], progress)
    rows = [[str(p), "failed", reason] for p, reason in failed]
    rows.append([str(resolved), "ok" if not failed else "the rest ok", summary])
    return (summary, rows, *library_table(svc))


def check_remove(path: str) -> None:
    if not path:
        raise gr.Error("Choose a source to remove.")


def library_remove(svc: Services, path: str):
    check_remove(path)
    with svc.lock:
        try:
            removed = remove_file(svc.store, path)
        except LoadError as exc:
            raise gr.Error(esc(str(exc))) from None
        svc.tutor.refresh()
    return (f"Removed {esc(path)} ({removed} items).", gr.skip(), *library_table(svc))


def build(svc: Services) -> SimpleNamespace:
    with gr.Row():
        # every format the loaders read, not only Markdown, text and PDF (a deck is a bank too)
        files = gr.File(label="Upload notes or a bank (Markdown, text, PDF, HTML, CSV/TSV, JSON, YAML, "
                        "Anki, notebook, reStructuredText, Org, AsciiDoc)", file_count="multiple",
                        file_types=sorted(SUPPORTED), elem_id="lib-files")  # fmt: skip
        with gr.Column():
            upload = gr.Button("Ingest uploaded files", variant="primary", elem_id="lib-upload")
            folder = gr.Textbox(label="…or a folder on this computer", elem_id="lib-folder")
            ingest_folder = gr.Button("Ingest folder", elem_id="lib-ingest-folder")
    status = gr.Markdown(elem_id="lib-status")
    results = gr.Dataframe(headers=["file", "result", "detail"], interactive=False,
                           label="This ingest, file by file", elem_id="lib-results", visible=False)  # fmt: skip
    table = gr.Dataframe(headers=["source", "items", "qa", "question", "chunk", "ingested"],
                         interactive=False, elem_id="lib-table", label="Your library")  # fmt: skip
    with gr.Row():
        to_remove = gr.Dropdown(label="Remove a source", choices=[], elem_id="lib-remove-choice")
        remove = gr.Button("Remove", variant="stop", elem_id="lib-remove")
    outs = [status, results, table, to_remove]
    # Check first (no outputs: a refusal is one toast and the table stays intact), then ingest.
    upload.click(lambda f: check_upload(svc, f) and None, [files], None, api_name=False).success(
        lambda f, progress=gr.Progress(): library_upload(svc, f, progress), [files], outs,
        concurrency_id=BUSY, api_name=False).then(lambda: gr.update(visible=True), None, results, api_name=False)  # fmt: skip
    ingest_folder.click(lambda f: check_folder(svc, f) and None, [folder], None,
                        api_name=False).success(
        lambda f, progress=gr.Progress(): library_folder(svc, f, progress), [folder], outs,
        concurrency_id=BUSY, api_name=False).then(lambda: gr.update(visible=True), None, results, api_name=False)  # fmt: skip
    remove.click(check_remove, [to_remove], None, api_name=False).success(
        lambda s: library_remove(svc, s), [to_remove], outs, concurrency_id=BUSY, api_name=False
    )
    return SimpleNamespace(table=table, to_remove=to_remove)
