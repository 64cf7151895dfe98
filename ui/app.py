"""The Gradio app: Chat, Quiz, Library and Evaluation tabs (one module each) over rag/, ingest/
and eval/. A thin shell: every decision is made by the functions it calls. Text that comes from
documents is HTML-escaped before it is shown, so a note containing `<script>` displays as text.
"""

from __future__ import annotations

import signal
import threading

from core.config import Settings, go_offline
from core.errors import ConfigError, StudybotError
from core.net import is_loopback

go_offline()

import gradio as gr  # noqa: E402  (telemetry must be off before gradio is imported)

from ui import chat_tab, eval_tab, library_tab, quiz_tab  # noqa: E402
from ui.services import BUSY, Services, build_services  # noqa: E402

CSS = """
.sb-source { border: 1px solid #ddd; border-radius: 6px; padding: 4px 8px; margin: 4px 0; }
.sb-source blockquote { margin: 4px 0; font-size: 0.9em; }
.sb-source summary { cursor: pointer; }
.sb-source table { border-collapse: collapse; margin: 4px 0; }
.sb-source th, .sb-source td { border: 1px solid #ddd; padding: 2px 6px; }
.sb-source p { margin: 2px 0; }
.sb-where { color: #6b7280; font-size: 0.85em; }
.sb-hl { outline: 2px solid #f59e0b; background: #fffbeb; }
"""


def build_app(svc: Services) -> gr.Blocks:
    with gr.Blocks(title="studybot") as demo:
        gr.Markdown("# studybot\nStudy from your own notes — offline, with sources.")
        with gr.Tabs() as tabs:
            with gr.Tab("Chat", id="chat"):
                chat = chat_tab.build(svc)
            with gr.Tab("Quiz", id="quiz"):
                quiz = quiz_tab.build(svc, tabs, chat)
            with gr.Tab("Library", id="library"):
                library = library_tab.build(svc)
            with gr.Tab("Evaluation", id="evaluation"):
                evaluation = eval_tab.build(svc)
        chat_tab.build_api(svc)
        demo.load(chat_tab.restore, chat.saved, [chat.chatbot, chat.turns], api_name=False)

        def on_load():
            return (*library_tab.library_table(svc), *quiz.load(), *eval_tab.eval_latest(svc))

        demo.load(on_load, None, [library.table, library.to_remove, *quiz.load_outputs,
                                  *evaluation.outputs], api_name=False, concurrency_id=BUSY)  # fmt: skip
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
    users = auth_from_env(auth)
    if users is None and not is_loopback(host):
        raise ConfigError(
            f"refusing to serve on {host} without a login: anyone who can reach it could read and "
            "index your notes. Set STUDYBOT_AUTH=user:password, or bind 127.0.0.1."
        )
    svc = build_services(settings, with_llm)

    def warm_up() -> None:  # load the models now, so the first question isn't the slow one
        with svc.lock:
            svc.embedder.embed(["warm up"])
            if with_llm:
                _ = svc.engine.llm

    threading.Thread(target=warm_up, daemon=True).start()
    demo = build_app(svc)
    demo.queue(default_concurrency_limit=1)
    # A stop (`kill`, a service manager) ends the app as Ctrl-C does: cleanly, so what the process
    # made for itself (the downloads folder) goes with it.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    return demo.launch(
        server_name=host,
        server_port=port,
        auth=users,
        share=False,
        inbrowser=open_browser,
        css=CSS,
        js=chat_tab.CLICKS_JS,
        show_error=True,
        footer_links=["api"],
    )
