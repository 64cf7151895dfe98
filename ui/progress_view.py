"""The Quiz tab's progress panel and deck export: reviews per day, accuracy per topic over time,
what FSRS has due in the coming days, the weakest topics (with "Quiz me on these"), and the deck
as an Anki package or CSV. Gradio's own plots: real date axes, no figures to keep or close."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import gradio as gr
import pandas as pd

from rag.quiz_export import export_deck
from rag.quiz_progress import (
    accuracy_by_topic_per_day,
    due_forecast,
    reviews_per_day,
    weakest_topics,
)
from ui.services import Services, inert

KEEP_DOWNLOADS_SECONDS = 600  # long after the browser has fetched an export


def progress(svc: Services):
    """(reviews per day, accuracy per topic, due forecast, weakest-topics text, weakest state)."""
    with svc.lock:
        store = svc.tutor.quiz
        days = pd.DataFrame(reviews_per_day(store))
        acc = pd.DataFrame(accuracy_by_topic_per_day(store), columns=["topic", "day", "accuracy"])
        due = pd.DataFrame(due_forecast(store))
        weak = weakest_topics(store)
    days["day"] = days["day"].str[5:]  # "11-23": fourteen full dates would overlap
    due["day"] = due["day"].str[5:]
    if weak:
        lines = [f"- **{inert(w['topic'])}**: {w['accuracy']:.0%} of {w['graded']} answers correct"
                 for w in weak]  # fmt: skip
        text = "**Your weakest topics**\n\n" + "\n".join(lines)
    else:
        text = "No weak topics yet: every graded answer so far was correct, or none was graded."
    return days, accuracy_frame(acc), due, text, "; ".join(w["topic"] for w in weak)


def accuracy_frame(acc: pd.DataFrame) -> pd.DataFrame:
    """Running accuracy per topic by day, in percent, for a line per topic (six at most)."""
    topics = list(dict.fromkeys(acc["topic"]))[:6]
    acc = acc[acc["topic"].isin(topics)]
    return acc.assign(day=pd.to_datetime(acc["day"]), accuracy=acc["accuracy"] * 100,
                      topic=acc["topic"].str[-40:])  # fmt: skip


def export(svc: Services, kind: str) -> str:
    """The deck as a file to download, in the process's downloads folder. Gradio copies a file
    into its own cache when it serves it, so exports older than a few minutes are removed."""
    folder = svc.downloads()
    for old in folder.iterdir():
        if time.time() - old.stat().st_mtime > KEEP_DOWNLOADS_SECONDS:
            shutil.rmtree(old, ignore_errors=True)
    path = Path(tempfile.mkdtemp(dir=folder)) / f"studybot-deck.{kind}"
    with svc.lock:
        n = export_deck(svc.tutor.pool, path)
    if n == 0:
        raise gr.Error("Your library has no bank questions to export yet.")
    gr.Info(f"Exported {n} cards.")
    return str(path)


def build(svc: Services) -> SimpleNamespace:
    weak_state = gr.State("")
    with gr.Accordion("Progress", open=True):
        with gr.Row():
            days = gr.BarPlot(x="day", y="reviews", title="Reviews per day (last 14 days)", x_title="",
                              y_title="reviews", elem_id="progress-days", height=220, x_label_angle=-45)  # fmt: skip
            due = gr.BarPlot(x="day", y="due", title="Due in the coming days (FSRS)", x_title="",
                             y_title="cards due", elem_id="progress-due", height=220, x_label_angle=-45)  # fmt: skip
        acc = gr.LinePlot(x="day", y="accuracy", color="topic", title="Running accuracy per topic",
                          x_title="", y_title="% correct", y_lim=[0, 100], height=240,
                          elem_id="progress-accuracy")  # fmt: skip
        weak_md = gr.Markdown(elem_id="progress-weak")
        quiz_weak = gr.Button("Quiz me on these", elem_id="quiz-weak", size="sm")
    with gr.Accordion("Export the deck", open=False):
        gr.Markdown("Every bank question with its reference answer and source on the back.")
        with gr.Row():
            apkg = gr.Button("Anki (.apkg)", elem_id="export-apkg")
            csv = gr.Button("CSV", elem_id="export-csv")
        file = gr.File(label="Deck", elem_id="export-file", interactive=False)
    apkg.click(lambda: export(svc, "apkg"), None, file, api_name=False)
    csv.click(lambda: export(svc, "csv"), None, file, api_name=False)
    outputs = [days, acc, due, weak_md, weak_state]
    return SimpleNamespace(outputs=outputs, quiz_weak=quiz_weak, weak_state=weak_state)
