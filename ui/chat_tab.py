"""The Chat tab: the instant answer from the notes, then the generated answer streaming in, with
source cards; and the `/ask` API endpoint for scripts (gradio_client)."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import gradio as gr

from rag.answer import CLOSEST
from rag.intent import quiz_request
from ui.services import BUSY, Services, esc, inert, note_html

# Math in notes renders ($…$, $$…$$, \(…\), and \[…\], which `display_math` turns into $$…$$:
# as a delimiter here it would also match the \[ that `inert` makes of every bracket, so a
# citation [1] would become display math.
LATEX = [
    {"left": "$$", "right": "$$", "display": True},
    {"left": "$", "right": "$", "display": False},
    {"left": "\\(", "right": "\\)", "display": False},
]


# Clicks inside chat bubbles (wired on the page by app.py): a citation [n] opens and highlights
# its source card; a related question is asked. Both are fragment links, so nothing is fetched.
CLICKS_JS = """() => {
  document.addEventListener('click', (event) => {
    const cite = event.target.closest('a.sb-cite');
    const ask = event.target.closest('a.sb-ask');
    if (!cite && !ask) return;
    event.preventDefault();
    event.stopPropagation();
    if (cite) {
      const card = document.getElementById(cite.getAttribute('href').slice(1));
      if (!card) return;
      document.querySelectorAll('.sb-hl').forEach((el) => el.classList.remove('sb-hl'));
      card.open = true;
      card.classList.add('sb-hl');
      card.scrollIntoView({block: 'nearest', behavior: 'smooth'});
    } else {
      const box = document.querySelector('#chat-input textarea');
      box.value = ask.innerText;
      box.dispatchEvent(new Event('input', {bubbles: true}));
      setTimeout(() => document.querySelector('#chat-send').click(), 50);
    }
  }, true);
}"""
_MARK = re.compile(r"\\\[(\d+)\\\]")  # a citation marker [n] as `inert` escapes it


def linked(text: str, turn: int, numbers) -> str:
    """Document or model text for a chat bubble (`inert`), each [n] that names one of this turn's
    source cards a link to it."""

    def link(m: re.Match) -> str:
        n = int(m.group(1))
        return f'<a class="sb-cite" href="#sb-{turn}-{n}">[{n}]</a>' if n in numbers else m.group(0)

    return _MARK.sub(link, inert(text))  # `inert` leaves no code fence open to swallow the cards


def source_cards(turn: int, citations, notes: dict | None = None) -> str:
    """The turn's sources under its answer: what each is about, where it is (section path, file,
    locator), the passage, and the whole note when the passage is only part of it. Escaped, and
    one line of HTML, so Markdown never reads inside it."""
    if not citations:
        return ""
    notes = notes or {}
    cards = []
    for c in citations:
        where = " · ".join(x for x in (c.section if c.section != c.title else "",
                                       f"{c.source}, {c.locator}") if x)  # fmt: skip
        card = (
            f"<details class='sb-source' id='sb-{turn}-{c.n}'><summary>[{c.n}] "
            f"{esc(c.title or c.source)} <span class='sb-where'>{esc(where)}</span></summary>"
            f"<blockquote>{note_html(c.quote)}</blockquote>"
        )
        item = notes.get(c.id)
        if item is not None and len(item.answer or item.question) > len(c.quote):
            card += (
                "<details class='sb-whole'><summary>Whole note</summary>"
                f"<blockquote>{note_html(item.text)}</blockquote></details>"
            )
        cards.append(card + "</details>")
    return "\n\n<div class='sb-sources'>" + "".join(cards) + "</div>"


def _notes(svc: Services, citations) -> dict:
    """The cited items in full (a part of a long answer with all its parts), for "Whole note"."""
    with svc.lock:
        return svc.store.catalog.whole_answers([c.id for c in citations])


def related_list(related: list[dict]) -> str:
    """Bank questions near an unanswered one, each a link that asks it."""
    return "\n".join(
        f"- <a class='sb-ask' href='#ask'>{inert(r['question'])}</a> "
        f"({inert(r['source'])}, {inert(r['locator'])})"
        for r in related
    )


def chat_turn(svc: Services, message: str, messages: list, turns: list, generate: bool):
    """One turn, streamed as (messages, turns, searched-for, input box, the question asked,
    the conversation the browser keeps). The box clears as the turn starts, so a question typed
    while the answer streams is kept; the turn joins the conversation at once, so a follow-up
    asked before its answer ends still refers to it; and every step is kept in the browser, so
    a reload never loses what is on screen."""

    def out(shown, turns_, searched=None, box=None, asked=None):  # None: left as it is
        same = [gr.update() if x is None else x for x in (searched, box, asked)]
        return shown, turns_, *same, keep(shown, turns_)

    message = (message or "").strip()
    if not message:
        yield out(messages, turns, asked="")
        return
    messages = [*messages, {"role": "user", "content": inert(message)}]
    request = quiz_request(message)
    if request is not None:  # the Quiz tab takes over (wired in app.py), the chat says so
        where = f" on “{inert(request.topic)}”" if request.topic else ""
        text = f"Starting a quiz{where}: your first question is on the **Quiz** tab."
        yield out([*messages, {"role": "assistant", "content": text}], turns, box="", asked=message)
        return
    events = svc.engine.ask(message, turns, generate)
    turns = [*turns, message]
    yield out(messages, turns, searched="", box="", asked=message)
    try:
        for shown, searched in _render(svc, events, messages, len(turns) - 1, generate):
            yield out(shown, turns, searched)
    finally:
        # Closed tab or new question: Gradio closes this generator, and closing `events` stops
        # the model mid-answer (the local backend cancels generation when its stream is closed).
        with svc.lock:
            events.close()


def keep(messages: list, turns: list) -> dict:
    """The conversation as the browser keeps it (gr.BrowserState; `restore` reads it back)."""
    return {"messages": messages, "turns": turns}


def _render(svc: Services, events, messages: list, turn: int, generate: bool):
    """(messages, searched-for) as the engine's events arrive; `turn` names this turn's source
    cards, so its [n] link to its own sources."""
    streamed, carded = "", set()
    while True:
        # Hold the lock per step, never across a yield: an abandoned stream must not keep it.
        with svc.lock:
            try:
                kind, payload = next(events)
            except StopIteration:
                return
        if kind == "instant":
            carded = {c.n for c in payload.citations}
            if payload.grounded:
                text = "**From your notes** (instant):\n\n" + linked(payload.answer, turn, carded)
            elif payload.related_questions:
                reason = inert(payload.answer.split(CLOSEST)[0])
                text = f"**Not in your notes.** {reason}\n\nRelated questions in your bank:\n"
                text += related_list(payload.related_questions)
            else:
                text = "**Not in your notes.**\n\n" + inert(payload.answer)
            text += source_cards(turn, payload.citations, _notes(svc, payload.citations))
            messages = [*messages, {"role": "assistant", "content": text}]
            yield messages, payload.standalone_query
        elif kind == "sentence":  # each sentence arrives checked: shown once, never withdrawn
            if not streamed:
                messages = [*messages, {"role": "assistant", "content": ""}]
            streamed = f"{streamed} {payload}".strip()
            text = "**studybot:** " + linked(streamed, turn, carded)
            messages[-1] = {"role": "assistant", "content": text}
            yield messages, gr.update()
        else:
            final = payload
            if final.generated:  # its notes beyond the instant answer's get cards here
                numbers = {c.n for c in final.citations}
                extra = [c for c in final.citations if c.n not in carded]
                text = "**studybot:** " + linked(final.answer, turn, numbers)
                cards = source_cards(turn, extra, _notes(svc, extra))
                messages[-1] = {"role": "assistant", "content": text + cards}
            elif final.grounded and final.llm_note and generate:
                note = f"_(no generated answer: {inert(final.llm_note)})_"
                messages = [*messages, {"role": "assistant", "content": note}]
            yield messages, final.standalone_query


def restore(saved) -> tuple[list, list]:
    """The conversation this browser kept (gr.BrowserState) across a page reload; anything not
    shaped like one starts a new chat."""
    saved = saved if isinstance(saved, dict) else {}
    messages, turns = saved.get("messages"), saved.get("turns")
    shaped = (
        isinstance(messages, list)
        and all(isinstance(m, dict) and m.get("role") in ("user", "assistant") for m in messages)
        and isinstance(turns, list)
        and all(isinstance(t, str) for t in turns)
    )
    return (messages, turns) if shaped else ([], [])


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
    """The tab's components, for the other tabs that send questions here and for the page load
    that restores the conversation."""
    turns = gr.State([])
    saved = gr.BrowserState({"messages": [], "turns": []}, storage_key="studybot-chat")
    chatbot = gr.Chatbot(label="Conversation", height=520, elem_id="chatbot",
                         latex_delimiters=LATEX)  # fmt: skip
    with gr.Row():
        box = gr.Textbox(placeholder="Ask about your notes…", show_label=False, scale=5,
                         elem_id="chat-input")  # fmt: skip
        send = gr.Button("Send", variant="primary", scale=1, elem_id="chat-send")
    with gr.Row():
        generate = gr.Checkbox(value=True, label="Also generate an answer with the local LLM")
        new_chat = gr.Button("New chat", elem_id="chat-new")
    standalone = gr.Textbox(label="Searched for", interactive=False, elem_id="standalone")

    # One event for both triggers, so a question sent while a turn runs (typed, or a related
    # question clicked) waits for it and then runs, never dropped or run over it.
    asked = gr.State("")  # the turn's question, for the Quiz tab ("quiz me on …")
    turn = gr.on([send.click, box.submit],
                 lambda m, h, t, g: (yield from chat_turn(svc, m, h, t, g)),
                 [box, chatbot, turns, generate], [chatbot, turns, standalone, box, asked, saved],
                 concurrency_id=BUSY, trigger_mode="always_last", api_name=False)  # fmt: skip
    new_chat.click(lambda: ([], [], "", keep([], [])), None, [chatbot, turns, standalone, saved],
                   api_name=False)  # fmt: skip
    return SimpleNamespace(turns=turns, box=box, send=send, chatbot=chatbot, saved=saved,
                           turn=turn, asked=asked)  # fmt: skip


def build_api(svc: Services) -> None:
    """The scripting API (gradio_client): ask a question, get the answer and citations."""
    api_q = gr.Textbox(visible=False)
    api_h = gr.Textbox(visible=False, value="[]")
    api_out = gr.JSON(visible=False)
    api_btn = gr.Button(visible=False)
    api_btn.click(lambda q, h: api_ask(svc, q, h), [api_q, api_h], api_out, api_name="ask",
                  concurrency_id=BUSY)  # fmt: skip
