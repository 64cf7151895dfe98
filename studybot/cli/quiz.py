"""`studybot quiz`: an interactive quiz, one-off grading, and review statistics."""

from __future__ import annotations

from pathlib import Path

import click

from core.config import Settings
from studybot.cli.base import emit, main, no_rerank, retriever
from studybot.cli.chat import converse


def _tutor(settings: Settings, with_judge: bool = True):
    from rag.quiz import build_tutor

    return build_tutor(settings, retriever(settings), with_judge)


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
@no_rerank
def quiz(ctx, topic, count, graded_only, no_llm) -> None:
    """Quiz yourself: due questions first, then new ones; answers are graded and scheduled.

    At the prompt: type your answer (empty line = "I don't know"), /skip, /quit, or
    /ask QUESTION to ask about this question in chat. After a grade, rate yourself to
    overrule it when the grader got it wrong.
    """
    if ctx.invoked_subcommand is not None:
        return
    from rag.engine import build_engine
    from rag.quiz import QuizSession

    settings: Settings = ctx.obj
    tutor = _tutor(settings, not no_llm)
    session = QuizSession(tutor, topic, graded_only)
    chat_engine = None  # built on the first /ask, over the same index
    for n in range(1, count + 1):
        pick = session.next()
        if pick is None:
            click.echo("Nothing left to ask" + (f" on {topic!r}" if topic else "") + ". Well done.")
            return
        q = pick.question
        click.echo(f"\n[{n}/{count}] ({pick.status}; {pick.due_count} due, {pick.new_count} new)"
                   f"  {q.topic or q.item.source}")  # fmt: skip
        click.echo(q.item.question)
        if exercise := tutor.exercise(q):
            click.echo(exercise)
        if not q.has_reference:
            click.prompt("your answer (no reference in your notes; compare with the notes after)",
                         default="", show_default=False)  # fmt: skip
            notes = session.related_notes()
            click.echo("Closest notes:" if notes else "Nothing in your notes covers this one.")
            for h in notes:
                click.echo(f"  - {h.item.text[:200]}  ({h.item.source}, {h.item.locator})")
            rating = click.prompt(
                "rate yourself", type=click.Choice(["again", "hard", "good", "easy", "skip"])
            )
            if rating != "skip":
                click.echo(f"next review: {session.rate(rating)[:16]}")
            continue
        while True:
            try:
                answer = click.prompt("your answer", default="", show_default=False).strip()
            except (EOFError, click.Abort):
                click.echo()
                return
            if not answer.startswith("/ask"):
                break
            chat_engine = chat_engine or build_engine(settings, tutor.retriever)
            converse(chat_engine, answer[4:].strip() or "explain this", [q.item.question], True)
        if answer == "/quit":
            return
        if answer == "/skip":
            continue
        result = session.answer(answer)
        _show_grade(result, tutor)
        click.echo(f"next review: {result.next_due[:16]}")
        try:
            rating = click.prompt(
                "Enter to keep this grade, or rate yourself instead (again/hard/good/easy)",
                default="", show_default=False, show_choices=False,
                type=click.Choice(["", "again", "hard", "good", "easy"]),
            )  # fmt: skip
        except (EOFError, click.Abort):
            click.echo()
            return
        if rating:
            click.echo(f"your rating replaces the grade; next review: {session.rate(rating)[:16]}")


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
        emit(result.to_dict())
    else:
        click.echo(q.item.question)
        _show_grade(result, tutor)


@quiz.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def quiz_stats(settings, as_json) -> None:
    """Due today, reviewed, accuracy by topic, streak."""
    from rag.quiz_store import QuizStore

    info = QuizStore(settings.quiz_db).stats()
    if as_json:
        emit({k: v for k, v in info.items() if k != "history"})
        return
    acc = "n/a" if info["accuracy"] is None else f"{info['accuracy']:.0%}"
    click.echo(f"due today: {info['due_today']}; cards: {info['cards']}; reviewed: {info['reviewed']} "
               f"({info['reviewed_today']} today); accuracy: {acc}; streak: {info['streak_days']} days; "
               f"grades you overruled: {info['overruled']}")  # fmt: skip
    for topic, t in sorted(info["by_topic"].items()):
        a = "n/a" if t["accuracy"] is None else f"{t['accuracy']:.0%}"
        click.echo(f"  {topic}: {t['reviewed']} reviewed, accuracy {a}")


@quiz.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--topic", help="Only questions on this topic (matched by meaning).")
@click.pass_obj
def quiz_export(settings, path, topic) -> None:
    """Export the quiz deck to PATH: an Anki package (.apkg) or CSV (.csv)."""
    from rag.quiz_export import export_deck

    tutor = _tutor(settings, with_judge=False)
    only = tutor.on_topic(topic)
    pool = tutor.pool if only is None else [q for q in tutor.pool if q.key in set(only)]
    n = export_deck(pool, path)
    click.echo(f"wrote {n} cards to {path}")
