"""The `studybot` command: a thin shell that translates between people and ingest/ and rag/."""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from pathlib import Path

import click

from core.config import DEFAULT_CORPUS, Settings, go_offline
from core.errors import StudybotError

go_offline()

RAGAS_QUESTIONS = 10


class _Group(click.Group):
    """Turns StudybotError (and bad values) into one clear line on stderr and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StudybotError as exc:
            click.echo(f"studybot: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except ValueError as exc:
            click.echo(f"studybot: error: {exc}", err=True)
            sys.exit(2)


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


def _no_rerank(f):
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


def _store(settings: Settings):
    from ingest.store import IndexStore

    return IndexStore(settings)


def _embedder(settings: Settings):
    from ingest.embedder import Embedder

    return Embedder(settings.embed_model, settings.embed_batch)


def _emit(obj: dict) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--prune", is_flag=True, help="Also drop indexed files that no longer exist anywhere."
)
@click.option("--strict", is_flag=True, help="Exit 1 if any file failed.")
@click.option("--rebuild", is_flag=True, help="Drop the index and ingest from scratch.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary object.")
@click.option("--chunk-tokens", type=click.IntRange(32, 512), help="Prose chunk size in tokens.")
@click.pass_obj
def ingest(settings: Settings, paths, prune, strict, rebuild, as_json, chunk_tokens) -> None:
    """Index PATHs (files or folders; default: the bundled corpus/).

    Re-ingesting is incremental: unchanged files are skipped, changed files replace their items,
    and files deleted from a folder you re-ingest are removed (with --prune: from anywhere).
    """
    from ingest.pipeline import ingest as run_ingest

    settings = settings.with_(chunk_tokens=chunk_tokens)
    store = _store(settings)
    report = run_ingest(
        list(paths) or [DEFAULT_CORPUS],
        store,
        _embedder(settings),
        prune=prune,
        rebuild=rebuild,
        progress=not as_json and sys.stderr.isatty(),
    )
    if as_json:
        _emit(report.to_dict())
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


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def stats(settings: Settings, as_json: bool) -> None:
    """What is indexed: sources, counts by kind, last ingest."""
    info = _store(settings).stats()
    if as_json:
        _emit(info)
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


def _retriever(settings: Settings, mode: str = "hybrid"):
    from rag.retrieve import build_retriever

    return build_retriever(settings, _store(settings), _embedder(settings), mode)


def _search_one(retriever, query: str, history: list[str], top_k: int) -> dict:
    from rag.answer import answerable
    from rag.followup import standalone_query

    standalone = standalone_query(query, history)
    hits = retriever.retrieve(standalone, top_k)
    return {
        "query": query,
        "standalone_query": standalone,
        "answerable": answerable(hits),
        "reranker": retriever.reranker.name if retriever.reranker else None,
        "results": [h.to_dict() for h in hits],
    }


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
@_no_rerank
def search(settings, query, history, top_k, mode, batch, as_json) -> None:
    """Find the items that best match QUERY (with --history for a follow-up)."""
    retriever = _retriever(settings, mode)
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
            _emit({"id": qid, **_search_one(retriever, question, turns, top_k)})
        return
    if not query:
        raise click.UsageError("give a QUERY or --batch FILE")
    result = _search_one(retriever, query, list(history), top_k)
    if as_json:
        _emit(result)
        return
    if not result["results"]:
        click.echo("no results: is anything ingested? run `studybot ingest`")
    for r in result["results"]:
        first = r["text"].split("\n", 1)[0]
        click.echo(
            f"{r['rank']}. [{r['kind']}] {first[:100]}  ({r['source']}, {r['locator']}; {r['similarity']:.2f})"
        )


def _engine(settings: Settings, with_llm: bool = True):
    from rag.engine import build_engine

    return build_engine(settings, _retriever(settings), with_llm)


def _print_citations(citations) -> None:
    for c in citations:
        click.echo(f"  [{c.n}] {c.source}, {c.locator}")


def _converse(engine, question: str, history: list[str], generate: bool) -> None:
    """Print the instant answer, then stream the generated one, then its checked citations."""
    final = None
    streaming = False
    pieces: list[str] = []
    for kind, payload in engine.ask(question, history, generate):
        if kind == "instant":
            if payload.standalone_query != question:
                click.echo(f"(searching for: {payload.standalone_query})")
            click.echo(payload.answer)
            _print_citations(payload.citations)
        elif kind == "token":
            if not streaming:
                click.echo("\nstudybot: ", nl=False)
                streaming = True
            click.echo(payload, nl=False)
            pieces.append(payload)
        else:
            final = payload
    if streaming:
        click.echo()
    if final.generated:
        streamed = "".join(pieces).strip()
        if final.answer != streamed:  # citations were added, dropped or attributed
            click.echo(f"checked: {final.answer}")
        _print_citations(final.citations)
        for d in final.dropped_citations:
            click.echo(
                f"  (dropped [{d['n']}]: not supported by that note: “{d['sentence'][:80]}”)"
            )
    elif final.grounded and final.llm_note:
        click.echo(f"(no generated answer: {final.llm_note})")


@main.command()
@click.argument("question")
@click.option("--history", multiple=True, help="An earlier user turn (repeatable, oldest first).")
@click.option("--no-llm", is_flag=True, help="Only the instant answer quoted from your notes.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@_no_rerank
def ask(settings, question, history, no_llm, as_json) -> None:
    """Answer QUESTION from your notes, with citations (or say they don't cover it)."""
    if not question.strip():
        raise click.UsageError("QUESTION is empty")
    engine = _engine(settings, not no_llm)
    if as_json:
        _emit(engine.answer(question, list(history)).to_dict())
    else:
        _converse(engine, question, list(history), not no_llm)


@main.command()
@click.option("--no-llm", is_flag=True, help="Only the instant answers quoted from your notes.")
@click.pass_obj
@_no_rerank
def chat(settings, no_llm) -> None:
    """Interactive session: follow-up questions use the conversation. Ctrl-D or /quit ends it."""
    engine = _engine(settings, not no_llm)
    if engine.retriever.store.catalog.count_items() == 0:
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
            _converse(engine, question, history, not no_llm)
            history.append(question)


def _tutor(settings: Settings, with_judge: bool = True):
    from rag.quiz import build_tutor

    return build_tutor(settings, _retriever(settings), with_judge)


def _show_grade(result, tutor) -> None:
    g = result.grade
    click.echo(f"\n{g.verdict.upper()} (score {g.score:.2f}, graded by {g.method})")
    click.echo(g.feedback)
    click.echo(f"\nreference ({result.citation['source']}, {result.citation['locator']}):")
    click.echo(result.question.item.answer)
    if g.method == "similarity" and tutor.judge_error:
        click.echo(f"(graded without an LLM judge: {tutor.judge_error})")


@main.group(invoke_without_command=True)
@click.option("--topic", help="Only questions whose section, text or source mention this.")
@click.option("--count", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--graded-only", is_flag=True, help="Only questions that have a reference answer.")
@click.option("--no-llm", is_flag=True, help="Grade without the LLM judge (faster, less accurate).")
@click.pass_context
@_no_rerank
def quiz(ctx, topic, count, graded_only, no_llm) -> None:
    """Quiz yourself: due questions first, then new ones; answers are graded and scheduled.

    At the prompt: type your answer (empty line = "I don't know"), /skip, /quit, or
    /ask QUESTION to ask about this question in chat.
    """
    if ctx.invoked_subcommand is not None:
        return
    settings: Settings = ctx.obj
    tutor = _tutor(settings, not no_llm)
    asked: set[str] = set()
    for n in range(1, count + 1):
        pick = tutor.next(topic, graded_only, exclude=asked)
        if pick is None:
            click.echo("Nothing left to ask" + (f" on {topic!r}" if topic else "") + ". Well done.")
            return
        q = pick.question
        asked.add(q.key)
        click.echo(f"\n[{n}/{count}] ({pick.status}; {pick.due_count} due, {pick.new_count} new)"
                   f"  {q.topic or q.item.source}")  # fmt: skip
        click.echo(q.item.question)
        if not q.has_reference:
            click.echo("Your notes have no reference answer for this one. Related notes:")
            for h in tutor.related_notes(q):
                click.echo(f"  - {h.item.text[:200]}  ({h.item.source}, {h.item.locator})")
            rating = click.prompt(
                "rate yourself", type=click.Choice(["again", "hard", "good", "easy", "skip"])
            )
            if rating != "skip":
                click.echo(f"next review: {tutor.self_rate(q, rating)[:16]}")
            continue
        while True:
            try:
                answer = click.prompt("your answer", default="", show_default=False).strip()
            except (EOFError, click.Abort):
                click.echo()
                return
            if answer.startswith("/ask"):
                engine = _engine(settings)
                _converse(engine, answer[4:].strip() or "explain this", [q.item.question], True)
                continue
            break
        if answer == "/quit":
            return
        if answer == "/skip":
            continue
        result = tutor.grade(q, answer)
        _show_grade(result, tutor)
        click.echo(f"next review: {result.next_due[:16]}")


@quiz.command("grade")
@click.argument("question")
@click.argument("answer")
@click.option("--record", is_flag=True, help="Also update the schedule and review log.")
@click.option("--no-llm", is_flag=True, help="Grade without the LLM judge.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def quiz_grade(settings, question, answer, record, no_llm, as_json) -> None:
    """Grade ANSWER to the bank question that best matches QUESTION."""
    tutor = _tutor(settings, not no_llm)
    q = tutor.find(question)
    if q is None:
        raise click.ClickException("no bank question matches; is anything ingested?")
    if not q.has_reference:
        raise click.ClickException(
            f"the closest bank question ({q.item.question!r}, {q.item.source}) has no reference "
            "answer in your notes, so there is nothing to grade against"
        )
    result = tutor.grade(q, answer, record=record)
    if as_json:
        _emit(result.to_dict())
    else:
        click.echo(q.item.question)
        _show_grade(result, tutor)


@quiz.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def quiz_stats(settings, as_json) -> None:
    """Due today, reviewed, accuracy by topic, streak."""
    from rag.quiz import QuizStore

    info = QuizStore(settings.quiz_db).stats()
    if as_json:
        _emit({k: v for k, v in info.items() if k != "history"})
        return
    acc = "n/a" if info["accuracy"] is None else f"{info['accuracy']:.0%}"
    click.echo(f"due today: {info['due_today']}; cards: {info['cards']}; reviewed: {info['reviewed']} "
               f"({info['reviewed_today']} today); accuracy: {acc}; streak: {info['streak_days']} days")  # fmt: skip
    for topic, t in sorted(info["by_topic"].items()):
        a = "n/a" if t["accuracy"] is None else f"{t['accuracy']:.0%}"
        click.echo(f"  {topic}: {t['reviewed']} reviewed, accuracy {a}")


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
@_no_rerank
def ui(settings, host, port, no_llm, open_browser) -> None:
    """Start the web app (Chat, Quiz, Library, Evaluation) and print its address.

    Login: set STUDYBOT_AUTH=user:password.
    """
    import os

    from ui.app import launch

    click.echo(f"studybot UI on http://{host}:{port}  (Ctrl-C stops it)")
    launch(settings, host, port, os.environ.get("STUDYBOT_AUTH"), not no_llm, open_browser)


@main.command("tune-reranker")
@click.option("--epochs", default=3, show_default=True, type=click.IntRange(1, 50))
@click.option(
    "--negatives", default=4, show_default=True, type=click.IntRange(1, 19),
    help="Hard negatives per query, mined with the hybrid retriever.",
)  # fmt: skip
@click.option(
    "--layers", default=3, show_default=True, type=click.IntRange(1, 48),
    help="Keep the first N transformer layers (fewer: faster scoring).",
)  # fmt: skip
@click.option(
    "--exclude-gold",
    type=click.Path(exists=True, path_type=Path),
    help="Gold JSONL whose questions stay out of training (default: eval/gold.jsonl).",
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def tune_reranker(settings, epochs, negatives, layers, exclude_gold, as_json) -> None:
    """Train the `tuned` reranker on your indexed notes (offline; minutes on a laptop CPU)."""
    from datetime import UTC, datetime

    from eval.gold import DEFAULT_GOLD, load_gold
    from eval.run import question_keys
    from rag.rerank import tuned_reranker_dir
    from rag.rerank_tune import training_set, tune

    gold = load_gold(exclude_gold or DEFAULT_GOLD)
    embedder = _embedder(settings)
    ts = training_set(
        _store(settings), embedder, [q for g in gold for q in (g.user_input, *g.history)], negatives
    )
    if not as_json:
        click.echo(
            f"training on {ts.queries} queries ({ts.excluded} left out: close to an evaluation "
            f"question), {len(ts.examples)} pairs …",
            err=True,
        )
    out = tuned_reranker_dir(settings)
    info = tune(
        ts.examples, settings.embed_model, out, epochs=epochs, layers=layers,
        metadata={
            "queries": ts.queries, "excluded_queries": ts.excluded,
            "excluded_questions": question_keys(gold),
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )  # fmt: skip
    if as_json:
        _emit(info | {"path": str(out)})
    else:
        click.echo(
            f"saved to {out} ({info['seconds']} s). Use it: studybot --rerank tuned …, or "
            "STUDYBOT_RERANKER=tuned; compare with `studybot eval`."
        )


@main.group("eval", invoke_without_command=True)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Report folder (default: STUDYBOT_HOME/reports/eval).",
)
@click.option(
    "--gold",
    type=click.Path(exists=True, path_type=Path),
    help="Gold JSONL (default: eval/gold.jsonl).",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, path_type=Path),
    help="Corpus the gold set was written from (default: corpus/).",
)
@click.option(
    "--rerankers",
    default="tuned",
    show_default=True,
    help="Comma-separated rerankers to compare as 'hybrid + rerank' rows: tuned, llm, a folder; "
    "'none' for no rows. The one --rerank/STUDYBOT_RERANKER names is added.",
)
@click.option(
    "--ragas",
    is_flag=True,
    help="Also Ragas faithfulness, answer relevancy and answer correctness, judged by the local "
    "judge model (slow: about a minute a question on 2 cores).",
)
@click.option(
    "--ragas-questions",
    default=RAGAS_QUESTIONS,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Answerable gold questions --ragas answers and judges (spread across kinds).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary object.")
@click.pass_context
def eval_cmd(ctx, out, gold, corpus, rerankers, ragas, ragas_questions, as_json) -> None:
    """Evaluate retrieval configurations on the gold set; write report.json/.md and plots."""
    if ctx.invoked_subcommand is not None:
        return
    from eval.gold import DEFAULT_GOLD, load_gold
    from eval.report import write_report
    from eval.run import DEFAULT_CONFIGS, evaluate, rerank_configs

    settings: Settings = ctx.obj
    specs = [r.strip() for r in rerankers.split(",") if r.strip() and r.strip() != "none"]
    if settings.reranker and settings.reranker not in specs:
        specs.append(settings.reranker)
    configs = DEFAULT_CONFIGS + rerank_configs(specs)
    gold_path = gold or DEFAULT_GOLD
    items = load_gold(gold_path)
    out = out or settings.home / "reports" / "eval"
    say = (lambda m: click.echo(f"evaluating: {m}", err=True)) if not as_json else None
    report = evaluate(
        items, settings, _embedder(settings), corpus or DEFAULT_CORPUS, configs, progress=say,
        ragas_questions=ragas_questions if ragas else 0,
    )  # fmt: skip
    report["gold_path"] = str(gold_path)
    written = write_report(report, out)
    if as_json:
        _emit({k: v for k, v in report.items() if k != "configs"} | {
            "configs": [{k: v for k, v in c.items() if k != "misses"} for c in report["configs"]],
            "written": [str(p) for p in written],
        })  # fmt: skip
    else:
        from eval.report import markdown

        click.echo(markdown(report))
        click.echo(f"written: {', '.join(str(p) for p in written)}")


@eval_cmd.command("build-gold")
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("gold-review.jsonl"), show_default=True
)
@click.option("--paraphrases", is_flag=True, help="Also ask the local LLM for casual rewordings.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.pass_obj
def eval_build_gold(settings, out, paraphrases, limit) -> None:
    """Propose gold items from the indexed notes into a review file (accept or reject each)."""
    from eval.build_gold import propose, write_review

    llm = None
    if paraphrases:
        from rag.llm import load_llm

        llm = load_llm(settings)
    rows = propose(_retriever(settings), llm, limit)
    write_review(rows, out)
    kinds = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    click.echo(
        f"{len(rows)} proposals written to {out} ({', '.join(f'{n} {k}' for k, n in kinds.items())})."
    )
    click.echo(
        'Set "status" to "accept" on the good ones, then: studybot eval accept-gold ' + str(out)
    )


@eval_cmd.command("accept-gold")
@click.argument("review", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--gold",
    type=click.Path(path_type=Path),
    help="Gold file to append to (default: eval/gold.jsonl).",
)
def eval_accept_gold(review, gold) -> None:
    """Append the accepted proposals of REVIEW to the gold file (validated)."""
    from eval.build_gold import accept
    from eval.gold import DEFAULT_GOLD

    n = accept(review, gold or DEFAULT_GOLD)
    click.echo(f"{n} accepted items appended to {gold or DEFAULT_GOLD}")


@eval_cmd.command("grader")
@click.option(
    "--labels",
    type=click.Path(exists=True, path_type=Path),
    help="Labeled answers (default: eval/grading.jsonl).",
)
@click.option("--no-llm", is_flag=True, help="Measure the grader without its LLM judge.")
@click.option(
    "--out", type=click.Path(path_type=Path), help="Write grading.json and grading.md here."
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def eval_grader(settings, labels, no_llm, out, as_json) -> None:
    """How often the quiz grader agrees with hand labels; confusion matrix; median time."""
    from eval.grading import DEFAULT_LABELS, evaluate_grader, grading_markdown, load_labels

    tutor = _tutor(settings, not no_llm)
    report = evaluate_grader(load_labels(labels or DEFAULT_LABELS), tutor.retriever, tutor.judge)
    if tutor.judge_error:
        report["judge_error"] = tutor.judge_error
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "grading.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        (out / "grading.md").write_text(grading_markdown(report))
    if as_json:
        _emit(report)
    else:
        click.echo(grading_markdown(report))


if __name__ == "__main__":
    main()
