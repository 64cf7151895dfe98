"""The Quiz tab: a card with a back side for every question (the graded verdict with the cited
reference, which the student may overrule by rating themselves, or, without a reference, the
closest notes and self-rating), counters that agree with
"Next", a topic box that suggests the bank's sections, progress and deck export. The per-browser
quiz run is a `QuizSession` kept as plain state."""

from __future__ import annotations

import re
from types import SimpleNamespace

import gradio as gr

from rag.intent import quiz_request
from rag.quiz import QuizSession
from rag.quiz_topics import sections
from ui import progress_view
from ui.services import BUSY, Services, inert

NO_NOTES = "Nothing in your notes covers this question: write the answer into your notes."
OVERRULE = "**Disagree with the grade?** Rate yourself instead; your rating replaces it:"
_GRADE_DUE = re.compile(r"; next review [\d-]+ [\d:]+")


def quiz_next(svc: Services, topic: str, graded_only: bool, state: dict):
    session = QuizSession.from_state(svc.tutor, state)
    if (topic or None, bool(graded_only)) != (session.topic, session.graded_only):
        session = QuizSession(svc.tutor, topic or None, bool(graded_only))  # a new run
    with svc.lock:
        pick = session.next()
    hidden = gr.update(visible=False)
    where = f" on “{inert(topic)}”" if topic else ""
    if pick is None and session.finished:
        msg = f"Done: that was the {session.limit} questions you asked for{where}. Press Next for more."
        session = QuizSession(svc.tutor, session.topic, session.graded_only)  # Next goes on
        return session.to_state(), msg, hidden, hidden, hidden, "", counts(svc, session)
    if pick is None:
        msg = f"Nothing due and no new questions{where}."
        return session.to_state(), msg, hidden, hidden, hidden, "", counts(svc, session)
    q = pick.question
    card = f"### {inert(q.item.question)}\n\n<small>{inert(q.topic)} · {pick.status}</small>"
    if exercise := svc.tutor.exercise(q):
        card += "\n\n" + inert(exercise)
    if not q.has_reference:
        card += ("\n\n<small>Your notes hold no reference answer for this one: answer, then "
                 "compare with the closest notes and rate yourself.</small>")  # fmt: skip
    return (session.to_state(), card, gr.update(visible=True, value=""), gr.update(visible=True),
            hidden, "", counts(svc, session))  # fmt: skip


def quiz_from_chat(svc: Services, message: str, graded_only: bool):
    """ "quiz me on X" typed in chat: the Quiz tab, topic set, first question on screen."""
    request = quiz_request(message or "")
    if request is None:
        return (gr.skip(),) * 9
    topic = request.topic or ""
    run = {"topic": topic or None, "graded_only": bool(graded_only), "limit": request.count}
    out = quiz_next(svc, topic, graded_only, run)
    return (gr.Tabs(selected="quiz"), gr.update(value=request.topic), *out)


def _session(svc: Services, state: dict) -> QuizSession:
    session = QuizSession.from_state(svc.tutor, state)
    if session.current is None:
        raise gr.Error("Pick a question first (Next question).")
    return session


def back_of_card(session: QuizSession) -> str:
    """The back of a card without a reference answer: the closest cited notes, or say none."""
    hits = session.related_notes()
    if not hits:
        return NO_NOTES
    lines = ["**Closest notes** (no reference answer in your bank):"]
    for h in hits:
        where = " · ".join(x for x in (h.item.section, h.item.source, h.item.locator) if x)
        lines.append(f"> {inert(h.item.text[:400])}\n\n<small>{inert(where)}</small>")
    lines.append("How well did you know it? Rate yourself:")
    return "\n\n".join(lines)


def quiz_submit(svc: Services, answer: str, state: dict):
    session = _session(svc, state)
    q = session.current
    if not (answer or "").strip() and not q.has_reference:
        raise gr.Error("Write your answer first, then compare it with your notes.")
    if not q.has_reference:
        with svc.lock:
            back = back_of_card(session)
        return (session.to_state(), back, gr.update(visible=True), counts(svc, session),
                *progress_view.progress(svc))  # fmt: skip
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
    out.append(OVERRULE)
    return (session.to_state(), "\n\n".join(out), gr.update(visible=True), counts(svc, session),
            *progress_view.progress(svc))  # fmt: skip


def quiz_rate(svc: Services, rating: str, state: dict, shown: str):
    """The student's rating; the back of the card stays on screen, its closing invitation to
    rate replaced by what the rating did."""
    session = _session(svc, state)
    instead = " in place of the grade" if session.graded else ""
    with svc.lock:
        due = session.rate(rating)
    back = (shown or "").rsplit("\n\n", 1)[0]
    if instead:  # the grade's own next review no longer holds
        back = _GRADE_DUE.sub("", back)
    done = f"**Rated {rating}**{instead}; next review {due[:16].replace('T', ' ')}."
    return (session.to_state(), f"{back}\n\n{done}".strip(), gr.update(visible=False),
            counts(svc, session), *progress_view.progress(svc))  # fmt: skip


def counts(svc: Services, session: QuizSession | None = None) -> str:
    """What is left in this run (the same queue "Next" draws from) and overall progress."""
    session = session or QuizSession(svc.tutor)
    with svc.lock:
        due, new = session.counts()
        s = svc.tutor.stats()
    where = f" on “{inert(session.topic)}”" if session.topic else ""
    acc = "n/a" if s["accuracy"] is None else f"{s['accuracy']:.0%}"
    return (f"**{due}** due now · **{new}** new left{where} — {s['reviewed']} reviews · "
            f"accuracy {acc} · streak {s['streak_days']} d")  # fmt: skip


def topic_box(svc: Services):
    with svc.lock:
        return gr.Dropdown(choices=sections(svc.tutor.pool))


def build(svc: Services, tabs, chat: SimpleNamespace) -> SimpleNamespace:
    qstate = gr.State({})
    with gr.Row():
        topic = gr.Dropdown(
            label="Topic: a section, or any words (matched by meaning)", allow_custom_value=True,
            choices=[], value=None, scale=3, elem_id="quiz-topic", filterable=True,
        )  # fmt: skip
        graded = gr.Checkbox(label="Only questions with a reference answer", value=True)
        nxt = gr.Button("Next question", variant="primary", elem_id="quiz-next")
    count_md = gr.Markdown(elem_id="quiz-counts")
    question_md = gr.Markdown(elem_id="quiz-question")
    answer = gr.Textbox(label="Your answer", lines=4, elem_id="quiz-answer", visible=False)
    submit = gr.Button("Submit answer", elem_id="quiz-submit", visible=False)
    result_md = gr.Markdown(elem_id="quiz-result")
    with gr.Row(visible=False) as rate_row:
        rate_buttons = [
            gr.Button(r, elem_id=f"quiz-rate-{r}") for r in ("again", "hard", "good", "easy")
        ]
    ask_chat = gr.Button("Ask about this in chat", elem_id="quiz-ask", size="sm")
    prog = progress_view.build(svc)
    after = [qstate, result_md, rate_row, count_md, *prog.outputs]
    next_out = [qstate, question_md, answer, submit, rate_row, result_md, count_md]
    nxt.click(lambda t, g, s: quiz_next(svc, t, g, s), [topic, graded, qstate], next_out,
              concurrency_id=BUSY, api_name=False)  # fmt: skip
    submit.click(lambda a, s: quiz_submit(svc, a, s), [answer, qstate], after,
                 concurrency_id=BUSY, api_name=False)  # fmt: skip
    for b in rate_buttons:
        b.click(lambda s, m, r=b.value: quiz_rate(svc, r, s, m), [qstate, result_md], after,
                concurrency_id=BUSY, api_name=False)  # fmt: skip
    prog.quiz_weak.click(lambda w: w or None, [prog.weak_state], [topic], api_name=False).then(
        lambda t, g, s: quiz_next(svc, t, g, s), [topic, graded, qstate], next_out,
        concurrency_id=BUSY, api_name=False)  # fmt: skip

    def to_chat(state):
        q = _session(svc, state).current
        return gr.Tabs(selected="chat"), [q.item.question], f"Explain: {q.item.question}"

    ask_chat.click(to_chat, [qstate], [tabs, chat.turns, chat.box], api_name=False)
    # After the chat turn, which for "quiz me on …" only says so: it takes svc.lock itself.
    chat.turn.then(lambda m, g: quiz_from_chat(svc, m, g), [chat.asked, graded],
                   [tabs, topic, *next_out], concurrency_limit=None, api_name=False)  # fmt: skip

    def on_load():
        return (topic_box(svc), counts(svc), *progress_view.progress(svc))

    return SimpleNamespace(load=on_load, load_outputs=[topic, count_md, *prog.outputs],
                           topic=topic, graded=graded, qstate=qstate, next_out=next_out)  # fmt: skip
