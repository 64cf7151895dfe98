"""`studybot ingest` and `studybot stats`: what goes into the index and what is in it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from core.config import DEFAULT_CORPUS, Settings
from studybot.cli.base import embedder, emit, main, store


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--prune", is_flag=True, help="Also drop indexed files that no longer exist anywhere."
)
@click.option("--strict", is_flag=True, help="Exit 1 if any file failed.")
@click.option("--rebuild", is_flag=True, help="Drop the index and ingest from scratch.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary object.")
@click.option("--chunk-tokens", type=click.IntRange(32, 512), help="Prose chunk size in tokens.")
@click.option(
    "--explain",
    "explain_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Show how FILE is understood (counts by kind, first items) without indexing anything.",
)
@click.pass_obj
def ingest(
    settings: Settings, paths, prune, strict, rebuild, as_json, chunk_tokens, explain_file
) -> None:
    """Index PATHs (files or folders; default: the bundled corpus/).

    Re-ingesting is incremental: unchanged files are skipped, changed files replace their items,
    and files deleted from a folder you re-ingest are removed (with --prune: from anywhere).
    """
    settings = settings.with_(chunk_tokens=chunk_tokens)
    if explain_file is not None:
        _explain(settings, explain_file, as_json)
        return
    from ingest.pipeline import ingest as run_ingest

    report = run_ingest(
        list(paths) or [DEFAULT_CORPUS],
        store(settings),
        embedder(settings),
        prune=prune,
        rebuild=rebuild,
        progress=not as_json and sys.stderr.isatty(),
    )
    if as_json:
        emit(report.to_dict())
    else:
        for failure in report.files_failed:
            click.echo(f"  failed: {failure.path}: {failure.reason}", err=True)
        kinds = ", ".join(f"{n} {k}" for k, n in report.by_kind.items())
        click.echo(
            f"{report.files_seen} files seen: {report.files_ingested} ingested, "
            f"{report.files_unchanged} unchanged, {len(report.files_failed)} failed. "
            f"Items +{report.items_added} -{report.items_removed}; {report.items_total} indexed "
            f"({kinds}) in {report.seconds:.1f}s."
        )
    if strict and report.files_failed:
        sys.exit(1)


def _one_line(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _explain(settings: Settings, path: Path, as_json: bool) -> None:
    from ingest.chunking import sentence_chunker
    from ingest.embedder import resolve_model_path
    from ingest.explain import explain

    tokenizer = resolve_model_path(settings.embed_model) / "tokenizer.json"
    chunker = sentence_chunker(settings.chunk_tokens, settings.chunk_overlap, tokenizer)
    result = explain(path, chunker)
    if as_json:
        emit(result.to_dict())
        return
    click.echo(result.summary())
    for p in result.first:  # one line each: a preview's line breaks would scramble the list
        click.echo(f"  [{p.kind}] {p.locator}: {_one_line(p.question or p.answer)}")
        if p.kind == "qa":
            click.echo(f"        answer: {_one_line(p.answer)}")
    for warning in result.warnings:
        click.echo(f"  skipped: {warning}")


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def stats(settings: Settings, as_json: bool) -> None:
    """What is indexed: sources, counts by kind, last ingest."""
    info = store(settings).stats()
    if as_json:
        emit(info)
        return
    click.echo(f"index: {info['store']}")
    for src in info["sources"]:
        kinds = ", ".join(f"{n} {k}" for k, n in src["by_kind"].items() if n)
        click.echo(f"  {src['source']}: {src['items']} items ({kinds})")
    kinds = ", ".join(f"{n} {k}" for k, n in info["by_kind"].items())
    click.echo(
        f"total: {info['items_total']} items ({kinds}); {info['duplicate_links']} duplicate links"
    )
    if info["last_ingest"]:
        last = info["last_ingest"]
        click.echo(f"last ingest: {last['files_ingested']} files in {last['seconds']}s")
    else:
        click.echo("nothing ingested yet: run `studybot ingest`")
