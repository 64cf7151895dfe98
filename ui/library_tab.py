"""The Library tab: upload files or ingest a folder, see what is indexed, remove a source."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import gradio as gr

from core.errors import LoadError
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


def _ingest(svc: Services, paths: list[Path], progress) -> tuple[str, list[Path]]:
    """Ingest `paths`; the status text and the files that failed."""
    progress(0.1, desc="embedding")
    with svc.lock:
        report = ingest(paths, svc.store, svc.embedder, progress=False)
        svc.tutor.refresh()  # the question pool changed
    progress(1.0, desc="done")
    lines = [
        f"{report.files_seen} files seen: {report.files_ingested} ingested, "
        f"{report.files_unchanged} unchanged, {len(report.files_failed)} failed; "
        f"items +{report.items_added} −{report.items_removed}, {report.items_total} indexed."
    ]
    lines += [
        f"- **failed** {esc(Path(f.path).name)}: {esc(f.reason)}" for f in report.files_failed
    ]
    return "\n".join(lines), [Path(f.path) for f in report.files_failed]


def library_upload(svc: Services, files, progress=gr.Progress()):
    if not files:
        raise gr.Error("Choose one or more .md, .txt or .pdf files first.")
    target = svc.settings.uploads_dir
    target.mkdir(parents=True, exist_ok=True)
    limit = svc.settings.max_upload_mb * 1024 * 1024
    for f in files:
        src = Path(f if isinstance(f, str) else f.name)
        if src.stat().st_size > limit:
            raise gr.Error(
                f"{esc(src.name)} is larger than {svc.settings.max_upload_mb} MB "
                "(STUDYBOT_MAX_UPLOAD_MB); nothing was uploaded."
            )
    for f in files:
        src = Path(f if isinstance(f, str) else f.name)
        shutil.copy(src, unused_name(target, src))
    msg, failed = _ingest(svc, [target], progress)
    for path in failed:  # a rejected upload is not kept, so it is not reported again next time
        if path.parent.resolve() == target.resolve():
            path.unlink(missing_ok=True)
    return (msg, *library_table(svc))


def unused_name(folder: Path, src: Path) -> Path:
    """Where to keep an upload: its own name, or name-2, name-3… when another file with that
    name (and other content) is already there; the same file again keeps its name."""
    candidate, n = folder / src.name, 1
    while candidate.exists() and candidate.read_bytes() != src.read_bytes():
        n += 1
        candidate = folder / f"{src.stem}-{n}{src.suffix}"
    return candidate


def library_folder(svc: Services, folder: str, progress=gr.Progress()):
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
    msg, _ = _ingest(svc, [resolved], progress)
    return (msg, *library_table(svc))


def library_remove(svc: Services, path: str):
    if not path:
        raise gr.Error("Choose a source to remove.")
    with svc.lock:
        try:
            removed = remove_file(svc.store, path)
        except LoadError as exc:
            raise gr.Error(esc(str(exc))) from None
        svc.tutor.refresh()
    return (f"Removed {esc(path)} ({removed} items).", *library_table(svc))


def build(svc: Services) -> SimpleNamespace:
    with gr.Row():
        files = gr.File(label="Upload notes (.md, .txt, .pdf)", file_count="multiple",
                        file_types=[".md", ".txt", ".pdf"], elem_id="lib-files")  # fmt: skip
        with gr.Column():
            upload = gr.Button("Ingest uploaded files", variant="primary", elem_id="lib-upload")
            folder = gr.Textbox(label="…or a folder on this computer", elem_id="lib-folder")
            ingest_folder = gr.Button("Ingest folder", elem_id="lib-ingest-folder")
    status = gr.Markdown(elem_id="lib-status")
    table = gr.Dataframe(headers=["source", "items", "qa", "question", "chunk", "ingested"],
                         interactive=False, elem_id="lib-table")  # fmt: skip
    with gr.Row():
        to_remove = gr.Dropdown(label="Remove a source", choices=[], elem_id="lib-remove-choice")
        remove = gr.Button("Remove", variant="stop", elem_id="lib-remove")
    upload.click(lambda f, progress=gr.Progress(): library_upload(svc, f, progress), [files],
                 [status, table, to_remove], concurrency_id=BUSY, api_name=False)  # fmt: skip
    ingest_folder.click(lambda f, progress=gr.Progress(): library_folder(svc, f, progress), [folder],
                        [status, table, to_remove], concurrency_id=BUSY, api_name=False)  # fmt: skip
    remove.click(lambda s: library_remove(svc, s), [to_remove], [status, table, to_remove],
                 concurrency_id=BUSY, api_name=False)  # fmt: skip
    return SimpleNamespace(table=table, to_remove=to_remove)
