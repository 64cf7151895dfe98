"""The Chat tab: the instant answer from the notes, then the generated answer streaming in, with
source cards; and the `/ask` API endpoint for scripts (gradio_client)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import gradio as gr

from rag.answer import NOT_COVERED
from rag.intent import quiz_request
from ui.services import BUSY, Services, esc, inert

# Math in notes renders ($…$, $$…$$, \(…\)). Not \[…\]: `inert` escapes every bracket as \[,
# which would turn a citation [1] into display math.
LATEX = [
    {"left": "$$", "right": "$$", "display": True},
    {"left": "$", "right": "$", "display": False},
    {"left": "\\(", "right": "\\)", "display": False},
]


def source_cards(citations) -> str:
    """Expandable cards: source, locator, quoted passage (escaped)."""
    if not citations:
        return "<p class='sb-empty'>No sources.</p>"
    cards = []
    for c in citations:
        cards.append(
            f"<details class='sb-source' open><summary>[{c.n}] {esc(c.source)}, {esc(c.locator)}</summary>"
            f"<blockquote>{esc(c.quote)}</blockquote></details>"
        )
    return "\n".join(cards)


def chat_turn(svc: Services, message: str, messages: list, turns: list, generate: bool):
    message = (message or "").strip()
    if not message:
        yield messages, turns, gr.update(), ""
        return
    messages = [*messages, {"role": "user", "content": inert(message)}]
    request = quiz_request(message)
    if request is not None:  # the Quiz tab takes over (wired in app.py), the chat says so
        where = f" on “{inert(request.topic)}”" if request.topic else ""
        text = f"Starting a quiz{where}: your first question is on the **Quiz** tab."
        yield [*messages, {"role": "assistant", "content": text}], turns, gr.update(), ""
        return
    yield messages, turns, gr.update(), ""
    events = svc.engine.ask(message, turns, generate)
    try:
        yield from _render(svc, events, message, messages, turns, generate)
    finally:
        # Closed tab or new question: Gradio closes this generator, and closing `events` stops
        # the model mid-answer (the local backend cancels generation when its stream is closed).
        with svc.lock:
            events.close()


def _render(svc: Services, events, message: str, messages: list, turns: list, generate: bool):
    streamed = ""
    while True:
        # Hold the lock per step, never across a yield: an abandoned stream must not keep it.
        with svc.lock:
            try:
                kind, payload = next(events)
            except StopIteration:
                return
        if kind == "instant":
            if payload.grounded:
                head = "**From your notes** (instant):\n\n"
            elif payload.related_questions:
                head = "**Not in your notes.** "
            else:
                head = "**Not in your notes.**\n\n"
            body = inert(payload.answer)
            if not payload.grounded and payload.related_questions:
                body = NOT_COVERED
                body += "\n\nRelated questions in your bank:\n" + "\n".join(
                    f"- {inert(r['question'])} ({inert(r['source'])}, {inert(r['locator'])})"
                    for r in payload.related_questions
                )
            messages = [*messages, {"role": "assistant", "content": head + body}]
            yield messages, turns, source_cards(payload.citations), payload.standalone_query
        elif kind == "sentence":  # each sentence arrives checked: shown once, never withdrawn
            if not streamed:
                messages = [*messages, {"role": "assistant", "content": ""}]
            streamed = f"{streamed} {payload}".strip()
            messages[-1] = {"role": "assistant", "content": "**studybot:** " + inert(streamed)}
            yield messages, turns, gr.update(), gr.update()
        else:
            final = payload
            if final.generated:
                messages[-1] = {
                    "role": "assistant",
                    "content": "**studybot:** " + inert(final.answer),
                }
            elif final.grounded and final.llm_note and generate:
                messages = [
                    *messages,
                    {
                        "role": "assistant",
                        "content": f"_(no generated answer: {inert(final.llm_note)})_",
                    },
                ]
            turns = [*turns, message]
            yield messages, turns, source_cards(final.citations), final.standalone_query


def api_ask(svc: Services, question: str, history_json: str = "[]") -> dict:
    """For gradio_client: the answer with its citations, as `studybot ask --json` prints it."""
    try:
        history = json.loads(history_json or "[]")
    except json.JSONDecodeError as exc:
        raise gr.Error(f"history must be a JSON list of earlier questions ({exc})") from None
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise gr.Error("history must be a JSON list of strings")
    if not (question or "").strip():
        raise gr.Error("question is empty")
    with svc.lock:
        return svc.engine.answer(question, history).to_dict()


def build(svc: Services) -> SimpleNamespace:
    """The tab's components, for the other tabs that send questions here."""
    turns = gr.State([])
    chatbot = gr.Chatbot(label="Conversation", height=420, elem_id="chatbot",
                         latex_delimiters=LATEX)  # fmt: skip
    with gr.Row():
        box = gr.Textbox(placeholder="Ask about your notes…", show_label=False, scale=5,
                         elem_id="chat-input")  # fmt: skip
        send = gr.Button("Send", variant="primary", scale=1, elem_id="chat-send")
    with gr.Row():
        generate = gr.Checkbox(value=True, label="Also generate an answer with the local LLM")
        new_chat = gr.Button("New chat", elem_id="chat-new")
    standalone = gr.Textbox(label="Searched for", interactive=False, elem_id="standalone")
    gr.Markdown("### Sources")
    sources = gr.HTML(elem_id="sources")
    for trigger in (send.click, box.submit):
        trigger(lambda m, h, t, g: (yield from chat_turn(svc, m, h, t, g)),
                [box, chatbot, turns, generate], [chatbot, turns, sources, standalone],
                concurrency_id=BUSY, api_name=False).then(lambda: "", None, box, api_name=False)  # fmt: skip
    new_chat.click(
        lambda: ([], [], "", ""), None, [chatbot, turns, sources, standalone], api_name=False
    )
    return SimpleNamespace(turns=turns, box=box, send=send)


def build_api(svc: Services) -> None:
    """The scripting API (gradio_client): ask a question, get the answer and citations."""
    api_q = gr.Textbox(visible=False)
    api_h = gr.Textbox(visible=False, value="[]")
    api_out = gr.JSON(visible=False)
    api_btn = gr.Button(visible=False)
    api_btn.click(lambda q, h: api_ask(svc, q, h), [api_q, api_h], api_out, api_name="ask",
                  concurrency_id=BUSY)  # fmt: skip
