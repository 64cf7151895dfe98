"""The Evaluation tab: run the evaluation and show the latest report with its plots."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from core.config import DEFAULT_CORPUS
from ui.services import BUSY, Services


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


def build(svc: Services) -> SimpleNamespace:
    run_eval = gr.Button("Run evaluation", variant="primary", elem_id="eval-run")
    report_md = gr.Markdown(elem_id="eval-report")
    with gr.Row():
        img1 = gr.Image(label="Metrics by configuration", type="filepath")
        img2 = gr.Image(label="MRR by kind", type="filepath")
    run_eval.click(lambda progress=gr.Progress(): eval_run(svc, progress), None,
                   [report_md, img1, img2], concurrency_id=BUSY, api_name=False)  # fmt: skip
    return SimpleNamespace(outputs=[report_md, img1, img2])
