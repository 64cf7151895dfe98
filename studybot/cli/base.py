"""The command group, its shared options, and the translation of studybot's errors into one line
on stderr and an exit code (only here: the library raises, the shell decides how to exit)."""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from pathlib import Path

import click

from core.config import Settings, go_offline
from core.errors import StudybotError

go_offline()


class _Group(click.Group):
    """StudybotError → `studybot: error: …` and its exit code. Anything else is a bug and keeps
    its traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StudybotError as exc:
            click.echo(f"studybot: error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=_Group)
@click.option("--home", type=click.Path(path_type=Path), help="Data directory (STUDYBOT_HOME).")
@click.option(
    "--chroma-url", help="Use a Chroma server, e.g. http://127.0.0.1:8000 (STUDYBOT_CHROMA_URL)."
)
@click.option(
    "--rerank",
    metavar="SPEC",
    help="Rerank retrieved candidates: tuned, llm, or a cross-encoder folder (STUDYBOT_RERANKER).",
)
@click.pass_context
def main(ctx: click.Context, home: Path | None, chroma_url: str | None, rerank: str | None) -> None:
    """studybot: study from your own notes, offline."""
    settings = Settings.from_env()
    ctx.obj = settings.with_(
        home=home.resolve() if home else None, chroma_url=chroma_url, reranker=rerank
    )


def no_rerank(f):
    """`--no-rerank` on a command that runs the pipeline: skip the stage whatever is configured."""

    @click.option("--no-rerank", is_flag=True, help="Skip the reranking stage.")
    @functools.wraps(f)
    def wrapper(*args, no_rerank: bool, **kwargs):
        if no_rerank:
            ctx = click.get_current_context()
            ctx.obj = dataclasses.replace(ctx.obj, reranker=None)
            args = tuple(ctx.obj if isinstance(a, Settings) else a for a in args)
        return f(*args, **kwargs)

    return wrapper


def store(settings: Settings):
    from ingest.store import IndexStore

    return IndexStore(settings)


def embedder(settings: Settings):
    from ingest.embedder import build_embedder

    return build_embedder(settings)


def retriever(settings: Settings, mode: str = "hybrid"):
    from rag.retrieve import build_retriever

    return build_retriever(settings, store(settings), embedder(settings), mode)


def emit(obj: dict) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))
