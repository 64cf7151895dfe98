"""The Evaluation tab. For students: one button that checks studybot against questions built
from their own notes and answers in plain words, details folded below. For developers, folded:
the fixed-test-set evaluation with its report and plots. Both run in their own concurrency
group, so chat in another tab is not queued behind them."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from core.config import DEFAULT_CORPUS
from ui.services import Services

EVAL = "evaluation"  # Gradio concurrency id: long runs here never queue chat (BUSY) behind them


def eval_latest(svc: Services):
    folder = svc.settings.home / "reports" / "eval"
    md = folder / "report.md"
    if not md.is_file():
        return (
            "No developer report yet: press **Run developer evaluation** (about 2 minutes).",
            None,
            None,
        )
    images = [folder / "metrics_by_config.png", folder / "mrr_by_kind.png"]
    return md.read_text(), *(str(p) if p.is_file() else None for p in images)


def eval_run(svc: Services, progress=gr.Progress()):
    from eval.gold import load_gold
    from eval.report import write_report
    from eval.run import evaluate

    progress(0.05, desc="evaluating")
    # Its own index and no lock: the chat keeps answering meanwhile.
    report = evaluate(load_gold(), svc.settings, svc.embedder, DEFAULT_CORPUS,
                      progress=lambda name: progress(0.5, desc=name))  # fmt: skip
    write_report(report, svc.settings.home / "reports" / "eval")
    return eval_latest(svc)


def check_my_notes(svc: Services, progress=gr.Progress()):
    from eval.my_notes import check_notes

    def step(done: int, total: int) -> None:
        progress((done, total), desc="asking questions from your notes", unit="questions")

    report = check_notes(svc.tutor.retriever, progress=step, lock=svc.lock)
    return report.plain_words(), report.rows()


def build(svc: Services) -> SimpleNamespace:
    gr.Markdown("Ask studybot the questions in your own bank and see how often it finds the note "
                "that answers them, and whether it says “not covered” only when that is true.")  # fmt: skip
    mine = gr.Button(
        "How well does studybot know my notes?", variant="primary", elem_id="eval-mine"
    )
    mine_md = gr.Markdown(elem_id="eval-mine-result")
    with gr.Accordion("Question by question", open=False):
        mine_table = gr.Dataframe(
            headers=["question", "kind", "rank of the right note", "said not covered"],
            interactive=False, elem_id="eval-mine-table", wrap=True,
        )  # fmt: skip
    with gr.Accordion("Developer evaluation (fixed test set: hit@k, MRR, nDCG, Ragas)", open=False):
        run_eval = gr.Button("Run developer evaluation", elem_id="eval-run")
        report_md = gr.Markdown(elem_id="eval-report")
        with gr.Row():
            img1 = gr.Image(label="Metrics by configuration", type="filepath")
            img2 = gr.Image(label="MRR by kind", type="filepath")
    mine.click(lambda progress=gr.Progress(): check_my_notes(svc, progress), None,
               [mine_md, mine_table], concurrency_id=EVAL, api_name=False)  # fmt: skip
    run_eval.click(lambda progress=gr.Progress(): eval_run(svc, progress), None,
                   [report_md, img1, img2], concurrency_id=EVAL, api_name=False)  # fmt: skip
    return SimpleNamespace(outputs=[report_md, img1, img2])
