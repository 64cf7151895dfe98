"""Evaluation report → report.json, report.md (tables) and PNG plots under one folder."""

from __future__ import annotations

import json
from pathlib import Path

METRICS = ("hit@1", "hit@5", "mrr@10", "ndcg@10", "recall@budget")


def _fmt(x) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def markdown(report: dict) -> str:
    lines = [
        "# studybot retrieval evaluation",
        "",
        f"Gold set: {report['gold_items']} questions ({report.get('gold_path', 'eval/gold.jsonl')}). "
        "Answerable metrics are over answerable questions; abstention over all.",
        "",
        "## Answerable questions, by configuration",
        "",
        "| configuration | "
        + " | ".join(METRICS)
        + " | abstention P | abstention R | false abstention | p50 ms | p95 ms |",
        "|---" * (len(METRICS) + 6) + "|",
    ]
    for c in report["configs"]:
        a, ab, lat = c["answerable"], c["abstention"], c["latency_ms"]
        abst = (
            [_fmt(ab["precision"]), _fmt(ab["recall"]), _fmt(ab["false_abstention_rate"])]
            if ab
            else ["n/a"] * 3
        )
        lines.append(
            f"| {c['name']} | " + " | ".join(_fmt(a[m]) for m in METRICS)
            + f" | {' | '.join(abst)} | {lat['p50']} | {lat['p95']} |"
        )  # fmt: skip
    lines += ["", "## hit@5 by kind of question", ""]
    kinds = sorted({k for c in report["configs"] for k in c["by_kind"]})
    lines.append("| configuration | " + " | ".join(kinds) + " |")
    lines.append("|---" * (len(kinds) + 1) + "|")
    for c in report["configs"]:
        lines.append(
            f"| {c['name']} | "
            + " | ".join(_fmt(c["by_kind"].get(k, {}).get("hit@5", 0.0)) for k in kinds)
            + " |"
        )
    cal = report.get("calibration")
    if cal:
        lines += [
            "",
            "## Cosine-only abstention (reference)",
            "",
            "What a single cosine cut-off would do on this gold set: the highest threshold that "
            "refuses at most 3% of answerable questions, and a two-fold cross-validation of it. "
            "studybot itself abstains with the model in core/thresholds.py (ABSTAIN_MODEL), fitted "
            "on the held-out suite's dev corpora; its numbers are in the suite report.",
            "",
            f"- old shipped cosine threshold: {cal['shipped_threshold']}; chosen on the whole set: "
            f"{cal['chosen']['threshold']} (abstention recall {_fmt(cal['chosen']['abstention_recall'])}, "
            f"false abstentions {_fmt(cal['chosen']['false_abstention_rate'])})",
            f"- held out: abstention recall {_fmt(cal['held_out']['abstention_recall'])}, "
            f"false abstentions {_fmt(cal['held_out']['false_abstention_rate'])}",
        ]
    misses = [
        (c["name"], m) for c in report["configs"] for m in c["misses"] if c["mode"] != "baseline"
    ]
    if misses:
        lines += ["", "## Answerable questions missed in the top 5", ""]
        lines += [f"- {name}: `{m['id']}` {m['query']}" for name, m in misses]
    if report.get("ragas"):
        lines += ["", "## Ragas context metrics (hybrid, no LLM)", "",
                  "ID-based: relevant = catalogued items that contain the gold evidence. Non-LLM: "
                  "string similarity between retrieved texts and the gold reference contexts.", "",
                  "| metric | value |", "|---|---|"]  # fmt: skip
        lines += [f"| {k} | {_fmt(v)} |" for k, v in report["ragas"].items()]
    lines += _rerank_notes(report)
    lines += _ragas_answers(report.get("ragas_answers"))
    return "\n".join(lines) + "\n"


def _rerank_notes(report: dict) -> list[str]:
    rows = [c for c in report["configs"] if c.get("reranker")]
    skipped = report.get("rerank_skipped") or {}
    if not rows and not skipped:
        return []
    lines = ["", "## Rerankers", ""]
    for c in rows:
        r = c["reranker"]
        line = f"- {c['name']}"
        if r.get("training"):
            t = r["training"]
            line += (
                f": trained on {t.get('queries')} queries / {t.get('examples')} pairs "
                f"({t.get('layers')} layers, {t.get('epochs')} epochs, {t.get('seconds')} s); "
                + ("this gold set's questions were left out of training"
                   if r.get("gold_excluded") else
                   "**trained without leaving this gold set out: its numbers are optimistic**")
            )  # fmt: skip
        lines.append(line)
    lines += [f"- {spec}: not run ({why})" for spec, why in skipped.items()]
    return lines


def _ragas_answers(ra: dict | None) -> list[str]:
    if not ra:
        return []
    lines = [
        "", "## Ragas answer metrics (LLM judge)", "",
        f"{ra['questions']} answerable questions answered by {ra['answer_model']} "
        f"({ra['generated_answers']} generated, the rest quoted from the notes), judged by "
        f"{ra['judge']} through ragas' llm_factory; embeddings: the packaged MiniLM. "
        f"Took {ra.get('seconds')} s ({ra['answer_seconds']} s answering, {ra['judge_seconds']} s "
        "judging).", "",
        "| metric | mean | questions scored |", "|---|---|---|",
    ]  # fmt: skip
    for name in ("faithfulness", "answer_relevancy", "answer_correctness"):
        lines.append(f"| {name} | {_fmt(ra[name])} | {ra[f'{name}_scored']} |")
    if ra["failures"]:
        lines += ["", f"Judgements that failed ({len(ra['failures'])}), left out of the means:"]
        lines += [f"- `{f['id']}` {f['metric']}: {f['error']}" for f in ra["failures"][:20]]
    return lines


def plots(report: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    names = [c["name"].split(":")[0] if c["mode"] == "baseline" else c["name"]
             for c in report["configs"]]  # fmt: skip
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / len(METRICS)
    for i, metric in enumerate(METRICS):
        values = [c["answerable"][metric] for c in report["configs"]]
        ax.bar([x + i * width for x in range(len(names))], values, width, label=metric)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(names))], names, rotation=15, fontsize=8)
    ax.set_ylim(0, 1.18)
    ax.set_title("Retrieval quality by configuration (answerable gold questions)")
    ax.legend(fontsize=8, ncol=len(METRICS), loc="upper center")
    fig.tight_layout()
    path = out / "metrics_by_config.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    written.append(path)

    kinds = sorted({k for c in report["configs"] for k in c["by_kind"]})
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / len(names)
    for i, c in enumerate(report["configs"]):
        values = [c["by_kind"].get(k, {}).get("mrr@10", 0.0) for k in kinds]
        ax.bar([x + i * width for x in range(len(kinds))], values, width, label=names[i])
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(kinds))], kinds)
    ax.set_ylim(0, 1.25)
    ax.set_ylabel("MRR@10")
    ax.set_title("MRR@10 by kind of question")
    ax.legend(fontsize=8, ncol=3, loc="upper center")
    fig.tight_layout()
    path = out / "mrr_by_kind.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    written.append(path)
    return written


def write_report(report: dict, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (out / "report.md").write_text(markdown(report))
    return [out / "report.json", out / "report.md", *plots(report, out)]
