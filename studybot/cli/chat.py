"""`studybot search`, `ask`, `chat` and `ui`: questions in, evidence and answers out."""

from __future__ import annotations

import json
import os

import click

from core.config import Settings
from studybot.cli.base import emit, main, no_rerank, retriever


@main.command()
@click.argument("query", required=False)
@click.option("--history", multiple=True, help="An earlier user turn (repeatable, oldest first).")
@click.option("--top-k", default=5, type=click.IntRange(1, 100), show_default=True)
@click.option(
    "--mode", type=click.Choice(["hybrid", "dense", "bm25"]), default="hybrid", show_default=True
)
@click.option(
    "--batch",
    type=click.File("r"),
    help='JSONL of {"id", "question", "history"}; one result line each.',
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@no_rerank
def search(settings, query, history, top_k, mode, batch, as_json) -> None:
    """Find the items that best match QUERY (with --history for a follow-up)."""
    from rag.search import search as run_search

    found = retriever(settings, mode)
    if batch is not None:
        for n, line in enumerate(batch, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                qid, question = row["id"], row["question"]
                turns = list(row.get("history") or [])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise click.BadParameter(
                    f"line {n}: need {{id, question, history}} JSON ({exc})"
                ) from exc
            emit({"id": qid, **run_search(found, question, turns, top_k).to_dict()})
        return
    if not query:
        raise click.UsageError("give a QUERY or --batch FILE")
    result = run_search(found, query, list(history), top_k)
    if as_json:
        emit(result.to_dict())
        return
    if not result.hits:
        click.echo("no results: is anything ingested? run `studybot ingest`")
    for h in result.hits:
        first = h.item.text.split("\n", 1)[0]
        click.echo(
            f"{h.rank}. [{h.item.kind}] {first[:100]}  ({h.item.source}, {h.item.locator}; "
            f"{h.similarity:.2f})"
        )


def engine(settings: Settings, with_llm: bool = True):
    from rag.engine import build_engine

    return build_engine(settings, retriever(settings), with_llm)


def _print_citations(citations) -> None:
    for c in citations:
        about = f"  {c.title[:80]}" if c.title else ""
        click.echo(f"  [{c.n}] {c.source}, {c.locator}{about}")


def converse(eng, question: str, history: list[str], generate: bool) -> None:
    """Print the instant answer, then the generated one sentence by sentence as each passes the
    claim check, then its citations and how many sentences were dropped."""
    final = None
    streaming = False
    for kind, payload in eng.ask(question, history, generate):
        if kind == "instant":
            if payload.standalone_query != question:
                click.echo(f"(searching for: {payload.standalone_query})")
            click.echo(payload.answer)
            _print_citations(payload.citations)
        elif kind == "sentence":
            click.echo(payload if streaming else f"\nstudybot: {payload}", nl=False)
            click.echo(" ", nl=False)
            streaming = True
        else:
            final = payload
    if streaming:
        click.echo()
    if final.generated:
        _print_citations(final.citations)
    if final.dropped_sentences:
        click.echo(f"  ({len(final.dropped_sentences)} generated sentence(s) dropped: "
                   "not supported by your notes, or repeating them)")  # fmt: skip
    if not final.generated and final.grounded and final.llm_note:
        click.echo(f"(no generated answer: {final.llm_note})")


@main.command()
@click.argument("question")
@click.option("--history", multiple=True, help="An earlier user turn (repeatable, oldest first).")
@click.option("--no-llm", is_flag=True, help="Only the instant answer quoted from your notes.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@no_rerank
def ask(settings, question, history, no_llm, as_json) -> None:
    """Answer QUESTION from your notes, with citations (or say they don't cover it)."""
    if not question.strip():
        raise click.UsageError("QUESTION is empty")
    eng = engine(settings, not no_llm)
    if as_json:
        emit(eng.answer(question, list(history)).to_dict())
    else:
        converse(eng, question, list(history), not no_llm)


@main.command()
@click.option("--no-llm", is_flag=True, help="Only the instant answers quoted from your notes.")
@click.pass_obj
@no_rerank
def chat(settings, no_llm) -> None:
    """Interactive session: follow-up questions use the conversation. Ctrl-D or /quit ends it."""
    eng = engine(settings, not no_llm)
    if eng.retriever.store.catalog.count_items() == 0:
        raise click.ClickException("nothing is indexed yet: run `studybot ingest` first")
    click.echo(
        "Ask about your notes. Follow-ups use the conversation; /new starts over, /quit ends."
    )
    history: list[str] = []
    while True:
        try:
            question = click.prompt("\nyou", prompt_suffix="> ").strip()
        except (EOFError, click.Abort):
            click.echo()
            return
        if question in ("/quit", "/exit"):
            return
        if question == "/new":
            history = []
            continue
        if question:
            converse(eng, question, history, not no_llm)
            history.append(question)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; keep it local unless you mean it.",
)
@click.option("--port", default=7860, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-llm", is_flag=True, help="No generated answers or LLM grading (faster start).")
@click.option("--open", "open_browser", is_flag=True, help="Open the app in a browser.")
@click.pass_obj
@no_rerank
def ui(settings, host, port, no_llm, open_browser) -> None:
    """Start the web app (Chat, Quiz, Library, Evaluation) and print its address.

    Login: set STUDYBOT_AUTH=user:password.
    """
    from ui.app import launch

    click.echo(f"studybot UI on http://{host}:{port}  (Ctrl-C stops it)")
    launch(settings, host, port, os.environ.get("STUDYBOT_AUTH"), not no_llm, open_browser)
