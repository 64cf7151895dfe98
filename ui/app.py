"""The Gradio app: Chat, Quiz, Library and Evaluation tabs over rag/, ingest/ and eval/.

A thin shell: every decision is made by the functions it calls. Text that comes from documents
is HTML-escaped before it is shown, so a note containing `<script>` displays as text.
"""

from __future__ import annotations

import html
import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from core.config import DEFAULT_CORPUS, Settings, go_offline

go_offline()

import gradio as gr  # noqa: E402  (telemetry must be off before gradio is imported)

from core.errors import StudybotError  # noqa: E402
from ingest.embedder import Embedder  # noqa: E402
from ingest.pipeline import ingest, remove_source  # noqa: E402
from ingest.store import IndexStore  # noqa: E402
from rag.answer import NOT_COVERED  # noqa: E402
from rag.engine import Engine, build_engine  # noqa: E402
from rag.quiz import Tutor, build_tutor  # noqa: E402
from rag.retrieve import build_retriever  # noqa: E402

# One model, one index, one SQLite connection per process: events take turns.
BUSY = "studybot"


@dataclass
class Services:
    settings: Settings
    store: IndexStore
    embedder: Embedder
    engine: Engine
    tutor: Tutor
    lock: threading.RLock


def build_services(settings: Settings, with_llm: bool = True) -> Services:
    store = IndexStore(settings)
    embedder = Embedder(settings.embed_model, settings.embed_batch)
    retriever = build_retriever(settings, store, embedder)
    engine = build_engine(settings, retriever, with_llm)
    tutor = build_tutor(settings, retriever, with_llm)
    return Services(settings, store, embedder, engine, tutor, threading.RLock())


def esc(text: str) -> str:
    """Document text for display: chat bubbles render Markdown and source cards are HTML, so
    escape it and it can never become markup."""
    return html.escape(text, quote=True)


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


# -- chat -----------------------------------------------------------------------------------
def chat_turn(svc: Services, message: str, messages: list, turns: list, generate: bool):
    message = (message or "").strip()
    if not message:
        yield messages, turns, gr.update(), ""
        return
    messages = [*messages, {"role": "user", "content": esc(message)}]
    yield messages, turns, gr.update(), ""
    events = svc.engine.ask(message, turns, generate)
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
            body = esc(payload.answer)
            if not payload.grounded and payload.related_questions:
                body = NOT_COVERED
                body += "\n\nRelated questions in your bank:\n" + "\n".join(
                    f"- {esc(r['question'])} ({esc(r['source'])}, {esc(r['locator'])})"
                    for r in payload.related_questions
                )
            messages = [*messages, {"role": "assistant", "content": head + body}]
            yield messages, turns, source_cards(payload.citations), payload.standalone_query
        elif kind == "token":
            if not streamed:
                messages = [*messages, {"role": "assistant", "content": ""}]
            streamed += payload
            messages[-1] = {
                "role": "assistant",
                "content": "**studybot:** " + esc(streamed),
            }
            yield messages, turns, gr.update(), gr.update()
        else:
            final = payload
            if final.generated:
                messages[-1] = {
                    "role": "assistant",
                    "content": "**studybot:** " + esc(final.answer),
                }
            elif streamed:
                messages[-1] = {
                    "role": "assistant",
                    "content": f"_(generated answer withdrawn: {esc(final.llm_note or '')})_",
                }
            elif final.grounded and final.llm_note and generate:
                messages = [
                    *messages,
                    {
                        "role": "assistant",
                        "content": f"_(no generated answer: {esc(final.llm_note)})_",
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


# -- quiz -----------------------------------------------------------------------------------
def quiz_next(svc: Services, topic: str, graded_only: bool, state: dict):
    with svc.lock:
        pick = svc.tutor.next(topic or None, graded_only)
    if pick is None:
        msg = "Nothing due and no new questions" + (f" on “{esc(topic)}”" if topic else "") + "."
        return (
            state | {"key": None},
            msg,
            gr.update(visible=False),
            gr.update(visible=False),
            "",
            counts(svc, topic),
        )
    q = pick.question
    card = f"### {esc(q.item.question)}\n\n<small>{esc(q.topic or q.item.source)} · {pick.status}</small>"
    state = state | {"key": q.key, "item_id": q.item.id}
    graded = q.has_reference
    note = "" if graded else notes_for_self_rating(svc, q)
    return (state, card, gr.update(visible=graded, value=""), gr.update(visible=not graded), note,
            counts(svc, topic))  # fmt: skip


def notes_for_self_rating(svc: Services, q) -> str:
    hits = svc.tutor.related_notes(q)
    lines = ["Your notes have no reference answer for this question. Related notes:"]
    lines += [
        f"- {esc(h.item.text[:300])} <small>({esc(h.item.source)}, {esc(h.item.locator)})</small>"
        for h in hits
    ]
    lines.append("\nRate yourself:")
    return "\n".join(lines)


def _current(svc: Services, state: dict):
    key = (state or {}).get("key")
    if not key:
        raise gr.Error("Pick a question first (Next question).")
    for q in svc.tutor.pool:
        if q.key == key:
            return q
    raise gr.Error("That question is no longer in the index; pick the next one.")


def quiz_submit(svc: Services, answer: str, state: dict, topic: str):
    q = _current(svc, state)
    with svc.lock:
        result = svc.tutor.grade(q, answer or "")
    g = result.grade
    out = [
        f"## {g.verdict.upper()} · score {g.score:.2f}",
        esc(g.feedback).replace("\n", "  \n"),
        f"**Reference** <small>({esc(result.citation['source'])}, {esc(result.citation['locator'])})</small>:",
        "> " + esc(q.item.answer).replace("\n", "  \n> "),
        f"<small>graded by {g.method}; next review {result.next_due[:16].replace('T', ' ')}</small>",
    ]
    if g.method == "similarity" and svc.tutor.judge_error:
        out.append(f"<small>(no LLM judge: {esc(svc.tutor.judge_error)})</small>")
    return "\n\n".join(out), counts(svc, topic), progress_plot(svc)


def quiz_rate(svc: Services, rating: str, state: dict, topic: str):
    q = _current(svc, state)
    with svc.lock:
        due = svc.tutor.self_rate(q, rating)
    return (
        f"Rated **{rating}**; next review {due[:16].replace('T', ' ')}.",
        counts(svc, topic),
        progress_plot(svc),
    )


def counts(svc: Services, topic: str | None = None) -> str:
    with svc.lock:
        s = svc.tutor.quiz.stats()
    acc = "n/a" if s["accuracy"] is None else f"{s['accuracy']:.0%}"
    return (f"**{s['due_today']}** due today · **{s['cards']}** cards seen · "
            f"{s['reviewed']} reviews · accuracy {acc} · streak {s['streak_days']} d")  # fmt: skip


def progress_plot(svc: Services):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    history = [h for h in svc.tutor.quiz.stats()["history"] if h["verdict"]]
    fig, ax = plt.subplots(figsize=(6, 2.8))
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


# -- library --------------------------------------------------------------------------------
def library_table(svc: Services):
    with svc.lock:
        info = svc.store.stats()
    rows = [[s["source"], s["items"], s["by_kind"]["qa"], s["by_kind"]["question"], s["by_kind"]["chunk"],
             s["ingested_at"]] for s in info["sources"]]  # fmt: skip
    return rows, gr.update(choices=[s["source"] for s in info["sources"]], value=None)


def _ingest(svc: Services, paths: list[Path], progress) -> str:
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
    return "\n".join(lines)


def library_upload(svc: Services, files, progress=gr.Progress()):
    if not files:
        raise gr.Error("Choose one or more .md, .txt or .pdf files first.")
    target = svc.settings.home / "uploads"
    target.mkdir(parents=True, exist_ok=True)
    for f in files:
        src = Path(f if isinstance(f, str) else f.name)
        shutil.copy(src, target / src.name)
    msg = _ingest(svc, [target], progress)
    return (msg, *library_table(svc))


def library_folder(svc: Services, folder: str, progress=gr.Progress()):
    path = Path((folder or "").strip()).expanduser()
    if not folder or not path.exists():
        raise gr.Error(f"No such file or folder: {folder!r}")
    msg = _ingest(svc, [path], progress)
    return (msg, *library_table(svc))


def library_remove(svc: Services, source: str):
    if not source:
        raise gr.Error("Choose a source to remove.")
    with svc.lock:
        removed = remove_source(svc.store, source)
        svc.tutor.refresh()
    return (f"Removed {esc(source)} ({removed} items).", *library_table(svc))


# -- evaluation -----------------------------------------------------------------------------
def eval_latest(svc: Services):
    folder = svc.settings.home / "reports" / "eval"
    md = folder / "report.md"
    if not md.is_file():
        return "No evaluation report yet: press **Run evaluation** (about 2 minutes).", None, None
    images = [folder / "metrics_by_config.png", folder / "mrr_by_kind.png"]
    return md.read_text(), *(str(p) if p.is_file() else None for p in images)


def eval_run(svc: Services, progress=gr.Progress()):
    from eval.gold import load_gold
    from eval.report import write_report
    from eval.run import evaluate

    progress(0.05, desc="evaluating")
    with svc.lock:
        report = evaluate(load_gold(), svc.settings, svc.embedder, DEFAULT_CORPUS,
                          progress=lambda name: progress(0.5, desc=name))  # fmt: skip
    write_report(report, svc.settings.home / "reports" / "eval")
    return eval_latest(svc)


CSS = """
.sb-source { border: 1px solid #ddd; border-radius: 6px; padding: 4px 8px; margin: 4px 0; }
.sb-source blockquote { white-space: pre-wrap; margin: 4px 0; font-size: 0.9em; }
"""


def build_app(svc: Services) -> gr.Blocks:
    with gr.Blocks(title="studybot") as demo:
        gr.Markdown("# studybot\nStudy from your own notes — offline, with sources.")
        with gr.Tabs() as tabs:
            with gr.Tab("Chat", id="chat"):
                turns = gr.State([])
                chatbot = gr.Chatbot(label="Conversation", height=420, elem_id="chatbot")
                with gr.Row():
                    box = gr.Textbox(placeholder="Ask about your notes…", show_label=False, scale=5,
                                     elem_id="chat-input")  # fmt: skip
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="chat-send")
                with gr.Row():
                    generate = gr.Checkbox(
                        value=True, label="Also generate an answer with the local LLM"
                    )
                    new_chat = gr.Button("New chat", elem_id="chat-new")
                standalone = gr.Textbox(
                    label="Searched for", interactive=False, elem_id="standalone"
                )
                gr.Markdown("### Sources")
                sources = gr.HTML(elem_id="sources")
                for trigger in (send.click, box.submit):
                    trigger(lambda m, h, t, g: (yield from chat_turn(svc, m, h, t, g)),
                            [box, chatbot, turns, generate], [chatbot, turns, sources, standalone],
                            concurrency_id=BUSY, api_name=False).then(lambda: "", None, box)  # fmt: skip
                new_chat.click(
                    lambda: ([], [], "", ""),
                    None,
                    [chatbot, turns, sources, standalone],
                    api_name=False,
                )

            with gr.Tab("Quiz", id="quiz"):
                qstate = gr.State({})
                with gr.Row():
                    topic = gr.Textbox(
                        label="Topic filter (section or words, e.g. rag)",
                        scale=3,
                        elem_id="quiz-topic",
                    )
                    graded = gr.Checkbox(label="Only questions with a reference answer", value=True)
                    nxt = gr.Button("Next question", variant="primary", elem_id="quiz-next")
                count_md = gr.Markdown(elem_id="quiz-counts")
                question_md = gr.Markdown(elem_id="quiz-question")
                answer = gr.Textbox(label="Your answer", lines=4, elem_id="quiz-answer")
                submit = gr.Button("Submit answer", elem_id="quiz-submit")
                with gr.Row(visible=False) as rate_row:
                    rate_buttons = [
                        gr.Button(r, elem_id=f"quiz-rate-{r}")
                        for r in ("again", "hard", "good", "easy")
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

                def to_chat(s):
                    q = _current(svc, s)
                    return (
                        gr.Tabs(selected="chat"),
                        [q.item.question],
                        f"Explain: {q.item.question}",
                    )

                ask_chat.click(to_chat, [qstate], [tabs, turns, box], api_name=False)

            with gr.Tab("Library", id="library"):
                with gr.Row():
                    files = gr.File(label="Upload notes (.md, .txt, .pdf)", file_count="multiple",
                                    file_types=[".md", ".txt", ".pdf"], elem_id="lib-files")  # fmt: skip
                    with gr.Column():
                        upload = gr.Button(
                            "Ingest uploaded files", variant="primary", elem_id="lib-upload"
                        )
                        folder = gr.Textbox(
                            label="…or a folder on this computer", elem_id="lib-folder"
                        )
                        ingest_folder = gr.Button("Ingest folder", elem_id="lib-ingest-folder")
                status = gr.Markdown(elem_id="lib-status")
                table = gr.Dataframe(headers=["source", "items", "qa", "question", "chunk", "ingested"],
                                     interactive=False, elem_id="lib-table")  # fmt: skip
                with gr.Row():
                    to_remove = gr.Dropdown(
                        label="Remove a source", choices=[], elem_id="lib-remove-choice"
                    )
                    remove = gr.Button("Remove", variant="stop", elem_id="lib-remove")
                upload.click(lambda f, progress=gr.Progress(): library_upload(svc, f, progress), [files],
                             [status, table, to_remove], concurrency_id=BUSY, api_name=False)  # fmt: skip
                ingest_folder.click(lambda f, progress=gr.Progress(): library_folder(svc, f, progress), [folder],
                                    [status, table, to_remove], concurrency_id=BUSY, api_name=False)  # fmt: skip
                remove.click(lambda s: library_remove(svc, s), [to_remove], [status, table, to_remove],
                             concurrency_id=BUSY, api_name=False)  # fmt: skip

            with gr.Tab("Evaluation", id="evaluation"):
                run_eval = gr.Button("Run evaluation", variant="primary", elem_id="eval-run")
                report_md = gr.Markdown(elem_id="eval-report")
                with gr.Row():
                    img1 = gr.Image(label="Metrics by configuration", type="filepath")
                    img2 = gr.Image(label="MRR by kind", type="filepath")
                run_eval.click(lambda progress=gr.Progress(): eval_run(svc, progress), None,
                               [report_md, img1, img2], concurrency_id=BUSY, api_name=False)  # fmt: skip

        # The scripting API (gradio_client): ask a question, get the answer and citations.
        api_q = gr.Textbox(visible=False)
        api_h = gr.Textbox(visible=False, value="[]")
        api_out = gr.JSON(visible=False)
        api_btn = gr.Button(visible=False)
        api_btn.click(lambda q, h: api_ask(svc, q, h), [api_q, api_h], api_out, api_name="ask",
                      concurrency_id=BUSY)  # fmt: skip

        demo.load(lambda: (*library_table(svc), counts(svc), progress_plot(svc), *eval_latest(svc)), None,
                  [table, to_remove, count_md, plot, report_md, img1, img2], api_name=False, concurrency_id=BUSY)  # fmt: skip
    return demo


def auth_from_env(value: str | None):
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise StudybotError("STUDYBOT_AUTH must look like user:password")
    return [(user, password)]


def launch(settings: Settings, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None,
           with_llm: bool = True, open_browser: bool = False):  # fmt: skip
    svc = build_services(settings, with_llm)

    def warm_up() -> None:  # load the models now, so the first question isn't the slow one
        with svc.lock:
            svc.embedder.embed(["warm up"])
            if with_llm:
                _ = svc.engine.llm

    threading.Thread(target=warm_up, daemon=True).start()
    demo = build_app(svc)
    demo.queue(default_concurrency_limit=1)
    return demo.launch(
        server_name=host,
        server_port=port,
        auth=auth_from_env(auth),
        share=False,
        inbrowser=open_browser,
        css=CSS,
        show_error=True,
        footer_links=["api"],
    )
