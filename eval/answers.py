"""Are the answers students see faithful to their notes? Ragas faithfulness and answer relevancy
of the chat engine's shown answers over the held-out suite (eval/suite.py's corpora and blind
question sets), judged by the local 1.5B model.

Each corpus is indexed alone; a few answerable questions per corpus, spread over its set, go
through the engine exactly as in the app. What is judged is what the student is shown: the
checked generated answer, or the quote when no generated sentence passed the check.

Faithfulness is judged on the generated answers (a quote is the note itself: faithful by
construction, and judging its many statements would cost the 1.5B judge minutes each); the
all-answers figure counts quotes as 1.0 and says so. Answer relevancy is judged on every shown
answer. The report also gives the share of questions where generation added something, the
sentences the check dropped, the time to the first shown sentence, and the judge's failures
(left out of the means, never counted as 0 or 1).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from core.config import Settings
from eval.gold import load_gold
from eval.suite import Corpus
from ingest.embedder import Embedder
from ingest.pipeline import ingest
from ingest.store import IndexStore
from rag.engine import Engine
from rag.generate import evidence
from rag.retrieve import Retriever

METRICS = ("faithfulness", "answer_relevancy")


def answer_rows(
    suite: list[Corpus], settings: Settings, embedder: Embedder, llm, per_corpus: int, say=None,
    offset: int = 0,
) -> list[dict]:  # fmt: skip
    """Ask `per_corpus` answerable questions of each corpus, every n-th from `offset` on, so
    that offset 1 asks questions offset 0 did not (when there are twice as many); one row per
    question."""
    rows = []
    for corpus in suite:
        gold = [g for g in load_gold(corpus.gold) if g.answerable]
        step = max(1, len(gold) // per_corpus)
        home = Path(tempfile.mkdtemp(prefix="studybot-answers-"))
        try:
            store = IndexStore(replace(settings, home=home, chroma_url=None))
            ingest([corpus.path], store, embedder, progress=False)
            engine = Engine(Retriever(store, embedder), lambda: llm)
            for g in gold[offset::step][:per_corpus]:
                if say:
                    say(f"{corpus.split}: {corpus.name}: {g.id}")
                rows.append({"corpus": corpus.name, **_ask(engine, g)})
            store.close()
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return rows


def _ask(engine: Engine, g) -> dict:
    start = time.perf_counter()
    notes, first, final = [], None, None
    for kind, payload in engine.ask(g.user_input, list(g.history)):
        if kind == "instant":
            notes = evidence(payload.answering, payload.hits)
        elif kind == "sentence" and first is None:
            first = time.perf_counter() - start
        elif kind == "final":
            final = payload
    return {
        "id": g.id, "user_input": final.standalone_query, "response": final.answer,
        "retrieved_contexts": [h.item.text for h in notes] or [""], "reference": g.reference,
        "grounded": final.grounded, "generated": final.generated,
        "dropped_sentences": final.dropped_sentences, "first_sentence_s": first,
        "seconds": time.perf_counter() - start,
    }  # fmt: skip


def summarise(rows: list[dict], per: dict[str, dict], failures: list[dict]) -> dict:
    """Means, shares and timings; `per` maps a row id to its judged metrics."""

    def mean_of(metric: str, subset: list[dict], quote: float | None = None) -> float | None:
        values = [per[r["id"]][metric] for r in subset if metric in per.get(r["id"], {})]
        if quote is not None:  # quotes are the note itself
            values += [quote for r in subset if not r["generated"]]
        return round(statistics.mean(values), 4) if values else None

    generated = [r for r in rows if r["generated"]]
    firsts = [r["first_sentence_s"] for r in rows if r["first_sentence_s"] is not None]
    judged = {m: sum(m in per.get(r["id"], {}) for r in rows) for m in METRICS}
    return {
        "questions": len(rows),
        "faithfulness_generated": mean_of("faithfulness", generated),
        "faithfulness_shown": mean_of("faithfulness", rows, quote=1.0),
        "answer_relevancy_shown": mean_of("answer_relevancy", rows),
        "answer_relevancy_generated": mean_of("answer_relevancy", generated),
        "generated_share": round(len(generated) / len(rows), 3) if rows else None,
        "grounded_share": round(sum(r["grounded"] for r in rows) / len(rows), 3) if rows else None,
        "dropped_sentences": sum(len(r["dropped_sentences"]) for r in rows),
        "first_sentence_median_s": round(statistics.median(firsts), 2) if firsts else None,
        "answer_seconds_median": round(statistics.median(r["seconds"] for r in rows), 2),
        "judged": judged,
        "judge_failures": failures,
    }


def evaluate_answers(
    suite: list[Corpus], settings: Settings, embedder: Embedder, per_corpus: int,
    answer_model: str | None = None, say=None, judge_answers: bool = True, offset: int = 0,
) -> dict:  # fmt: skip
    from eval.ragas_metrics import answer_metrics, ragas_llm
    from rag.llm import load_llm

    llm = load_llm(settings, answer_model)
    rows = answer_rows(suite, settings, embedder, llm, per_corpus, say, offset)
    per: dict[str, dict] = {r["id"]: {} for r in rows}
    failures, seconds = [], 0.0
    if judge_answers:
        judge = load_llm(settings, settings.judge_model, slots=3)
        ragas = ragas_llm(judge.base_url, judge.api_key, judge.name)
        progress = (lambda n, total: say(f"ragas judgement {n}/{total}")) if say else None
        generated = [r for r in rows if r["generated"]]
        for metric, subset in (("faithfulness", generated), ("answer_relevancy", rows)):
            if not subset:
                continue
            scored = answer_metrics(subset, ragas, embedder, progress, metrics=(metric,))
            for p in scored["per_question"]:
                per[p["id"]].update({k: v for k, v in p.items() if k != "id"})
            failures += scored["failures"]
            seconds += scored["judge_seconds"]
    return {"answer_model": llm.name, "judge": settings.judge_model if judge_answers else None,
            "per_corpus": per_corpus, "offset": offset, **summarise(rows, per, failures), "judge_seconds": round(seconds, 1),
            "rows": rows, "judgements": per}  # fmt: skip


def reference_relevancy(report: dict, settings: Settings, embedder: Embedder) -> dict:
    """Answer relevancy of the labellers' own reference answers to the questions of a finished
    run, judged the same way: what a right answer scores with this judge and embedder, so the
    run's figure can be read against it. Adds `reference_relevancy` to `report`: the mean over
    the questions both were judged on, the shown answers' mean over the same ones, and the
    judge's failures."""
    from eval.ragas_metrics import answer_metrics, ragas_llm
    from rag.llm import load_llm

    judge = load_llm(settings, settings.judge_model, slots=3)
    ragas = ragas_llm(judge.base_url, judge.api_key, judge.name)
    rows = [{**r, "response": r["reference"]} for r in report["rows"] if r.get("reference")]
    scored = answer_metrics(rows, ragas, embedder, metrics=("answer_relevancy",))
    reference = {
        p["id"]: p["answer_relevancy"]
        for p in scored["per_question"]
        if p.get("answer_relevancy") is not None
    }
    shown = [report["judgements"][i].get("answer_relevancy") for i in reference]
    paired = [(reference[i], s) for i, s in zip(reference, shown, strict=True) if s is not None]
    mean = lambda values: round(statistics.mean(values), 4) if paired else None  # noqa: E731
    report["reference_relevancy"] = {
        "questions": len(paired),
        "answer_relevancy_reference": mean([r for r, _ in paired]),
        "answer_relevancy_shown": mean([s for _, s in paired]),
        "judge_failures": scored["failures"],
        "per_question": reference,
    }
    return report


def markdown(report: dict) -> str:
    r = report
    lines = [
        f"Answer model {r['answer_model']}, judge {r['judge']}, {r['questions']} questions "
        f"(every n-th per corpus from offset {r.get('offset', 0)}).",
        "",
        "| what is judged | faithfulness | answer relevancy |",
        "|---|---|---|",
        f"| generated answers ({r['generated_share']:.0%} of questions) | "
        f"{r['faithfulness_generated']} | {r['answer_relevancy_generated']} |",
        f"| every shown answer (generated, or the quote; quotes count 1.0 for faithfulness) | "
        f"{r['faithfulness_shown']} | {r['answer_relevancy_shown']} |",
        "",
        f"- grounded (not abstained): {r['grounded_share']:.0%}; sentences dropped by the "
        f"check: {r['dropped_sentences']}",
        f"- first shown generated sentence: median {r['first_sentence_median_s']} s; whole "
        f"answer median {r['answer_seconds_median']} s; judging took {r['judge_seconds']} s",
        f"- judged: {r['judged']}; judge failures (left out of the means): "
        f"{len(r['judge_failures'])}",
    ]
    for f in r["judge_failures"]:
        lines.append(f"  - {f['id']} {f['metric']}: {f['error']}")
    if ref := r.get("reference_relevancy"):
        lines.append(
            f"- the labellers' reference answers to the same {ref['questions']} questions, judged "
            f"alike: answer relevancy {ref['answer_relevancy_reference']} (the shown answers: "
            f"{ref['answer_relevancy_shown']}); {len(ref['judge_failures'])} judge failures"
        )
    return "\n".join(lines) + "\n"
