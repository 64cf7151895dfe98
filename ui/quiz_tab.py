"""The Quiz tab: a question card, the answer box, the verdict with feedback and the cited
reference, self-rating for questions without a reference, counts and a progress plot. The
per-browser quiz run is a `QuizSession` kept as plain state."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from rag.quiz import QuizSession
from ui.services import BUSY, Services, inert


def quiz_next(svc: Services, topic: str, graded_only: bool, state: dict):
    session = QuizSession.from_state(svc.tutor, state)
    if (topic or None, bool(graded_only)) != (session.topic, session.graded_only):
        session = QuizSession(svc.tutor, topic or None, bool(graded_only))  # a new run
    with svc.lock:
        pick = session.next()
    if pick is None:
        msg = "Nothing due and no new questions" + (f" on “{inert(topic)}”" if topic else "") + "."
        return (
            session.to_state(),
            msg,
            gr.update(visible=False),
            gr.update(visible=False),
            "",
            counts(svc, topic),
        )
    q = pick.question
    card = f"### {inert(q.item.question)}\n\n<small>{inert(q.topic or q.item.source)} · {pick.status}</small>"
    graded = q.has_reference
    note = "" if graded else notes_for_self_rating(session)
    return (session.to_state(), card, gr.update(visible=graded, value=""), gr.update(visible=not graded), note,
            counts(svc, topic))  # fmt: skip


def notes_for_self_rating(session: QuizSession) -> str:
    hits = session.related_notes()
    lines = ["Your notes have no reference answer for this question. Related notes:"]
    lines += [
        f"- {inert(h.item.text[:300])} <small>({inert(h.item.source)}, {inert(h.item.locator)})</small>"
        for h in hits
    ]
    lines.append("\nRate yourself:")
    return "\n".join(lines)


def _session(svc: Services, state: dict) -> QuizSession:
    session = QuizSession.from_state(svc.tutor, state)
    if session.current is None:
        raise gr.Error("Pick a question first (Next question).")
    return session


def quiz_submit(svc: Services, answer: str, state: dict, topic: str):
    session = _session(svc, state)
    q = session.current
    with svc.lock:
        result = session.answer(answer or "")
    g = result.grade
    out = [
        f"## {g.verdict.upper()} · score {g.score:.2f}",
        inert(g.feedback).replace("\n", "  \n"),
        f"**Reference** <small>({inert(result.citation['source'])}, {inert(result.citation['locator'])})</small>:",
        "> " + inert(q.item.answer).replace("\n", "  \n> "),
        f"<small>graded by {g.method}; next review {result.next_due[:16].replace('T', ' ')}</small>",
    ]
    if g.method == "similarity" and svc.tutor.judge_error:
        out.append(f"<small>(no LLM judge: {inert(svc.tutor.judge_error)})</small>")
    return "\n\n".join(out), counts(svc, topic), progress_plot(svc)


def quiz_rate(svc: Services, rating: str, state: dict, topic: str):
    session = _session(svc, state)
    with svc.lock:
        due = session.rate(rating)
    return (
        f"Rated **{rating}**; next review {due[:16].replace('T', ' ')}.",
        counts(svc, topic),
        progress_plot(svc),
    )


def counts(svc: Services, topic: str | None = None) -> str:
    with svc.lock:
        s = svc.tutor.stats()
    acc = "n/a" if s["accuracy"] is None else f"{s['accuracy']:.0%}"
    return (f"**{s['due_today']}** due today · **{s['cards']}** cards seen · "
            f"{s['reviewed']} reviews · accuracy {acc} · streak {s['streak_days']} d")  # fmt: skip


def progress_plot(svc: Services):
    # A Figure of its own, not pyplot's: pyplot keeps every figure until it is closed, and a
    # server drawing one per answer would grow without bound.
    from matplotlib.figure import Figure

    history = [h for h in svc.tutor.stats()["history"] if h["verdict"]]
    fig = Figure(figsize=(6, 2.8))
    ax = fig.subplots()
    by_topic: dict[str, list[int]] = {}
    for h in history:
        by_topic.setdefault(h["topic"] or "(no section)", []).append(h["verdict"] == "correct")
    for topic, results in sorted(by_topic.items())[:6]:
        running = [sum(results[: i + 1]) / (i + 1) for i in range(len(results))]
        ax.plot(range(1, len(running) + 1), running, marker="o", label=topic[-30:])
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("answers graded")
    ax.set_ylabel("accuracy so far")
    ax.set_title("Quiz accuracy over time, by topic" if history else "No graded answers yet")
    if by_topic:
        ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def build(svc: Services, tabs, chat: SimpleNamespace) -> SimpleNamespace:
    qstate = gr.State({})
    with gr.Row():
        topic = gr.Textbox(
            label="Topic filter (section or words, e.g. rag)", scale=3, elem_id="quiz-topic"
        )
        graded = gr.Checkbox(label="Only questions with a reference answer", value=True)
        nxt = gr.Button("Next question", variant="primary", elem_id="quiz-next")
    count_md = gr.Markdown(elem_id="quiz-counts")
    question_md = gr.Markdown(elem_id="quiz-question")
    answer = gr.Textbox(label="Your answer", lines=4, elem_id="quiz-answer")
    submit = gr.Button("Submit answer", elem_id="quiz-submit")
    with gr.Row(visible=False) as rate_row:
        rate_buttons = [
            gr.Button(r, elem_id=f"quiz-rate-{r}") for r in ("again", "hard", "good", "easy")
        ]
    notes_md = gr.Markdown()
    result_md = gr.Markdown(elem_id="quiz-result")
    ask_chat = gr.Button("Ask about this in chat", elem_id="quiz-ask")
    plot = gr.Plot(label="Progress")
    nxt.click(lambda t, g, s: quiz_next(svc, t, g, s), [topic, graded, qstate],
              [qstate, question_md, answer, rate_row, notes_md, count_md],
              concurrency_id=BUSY, api_name=False).then(lambda: "", None, result_md)  # fmt: skip
    submit.click(lambda a, s, t: quiz_submit(svc, a, s, t), [answer, qstate, topic],
                 [result_md, count_md, plot], concurrency_id=BUSY, api_name=False)  # fmt: skip
    for b in rate_buttons:
        b.click(lambda s, t, r=b.value: quiz_rate(svc, r, s, t), [qstate, topic],
                [result_md, count_md, plot], concurrency_id=BUSY, api_name=False)  # fmt: skip

    def to_chat(state):
        q = _session(svc, state).current
        return gr.Tabs(selected="chat"), [q.item.question], f"Explain: {q.item.question}"

    ask_chat.click(to_chat, [qstate], [tabs, chat.turns, chat.box], api_name=False)
    return SimpleNamespace(count_md=count_md, plot=plot)
