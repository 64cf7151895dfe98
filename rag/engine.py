"""The chat engine: instant grounded answer first, then the LLM's answer, shown sentence by
sentence as each one passes the claim check (rag/verify.py) — nothing is shown and withdrawn.

Built once by `build_engine` and shared by the CLI and the UI.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from core.config import Settings
from core.errors import ConfigError, StudybotError
from core.records import Citation
from rag.answer import Answer, grounded_answer
from rag.generate import evidence, standalone, stream_answer
from rag.llm import LLM, LazyLLM, load_llm
from rag.retrieve import Retriever
from rag.verify import ClaimCheck, checked, closeness


@dataclass
class Final:
    answer: str
    grounded: bool
    citations: list[Citation]
    standalone_query: str
    generated: bool
    extractive_answer: str
    llm_note: str | None = None  # why there is no generated answer, when there isn't
    related_questions: list[dict] = field(default_factory=list)
    dropped_sentences: list[dict] = field(default_factory=list)  # {"sentence", "reason"}

    def to_dict(self) -> dict:
        out = asdict(self)
        out["citations"] = [asdict(c) for c in self.citations]
        return out


# Events the engine yields: ("instant", Answer), ("sentence", str) for each checked sentence
# (with its [n] markers), ("final", Final)
Event = tuple[str, object]


class Engine:
    def __init__(self, retriever: Retriever, llm_loader=None, rewrite_with_llm: bool = False):
        self.retriever = retriever
        self._llm = LazyLLM(llm_loader)
        self.rewrite_with_llm = rewrite_with_llm  # else follow-ups are made standalone by rules

    @property
    def llm(self) -> LLM | None:
        return self._llm.get()

    @property
    def llm_error(self) -> str | None:
        return self._llm.error

    def ask(
        self, question: str, history: list[str] | None = None, generate: bool = True
    ) -> Iterator[Event]:
        history = list(history or [])
        llm = self.llm if generate else None
        rewriter = llm if self.rewrite_with_llm else None
        instant = grounded_answer(self.retriever, standalone(rewriter, question, history))
        yield "instant", instant
        yield "final", (yield from self._generate(instant, question, llm, generate))

    def _generate(self, instant: Answer, question: str, llm: LLM | None, generate: bool):
        base = dict(
            grounded=instant.grounded,
            standalone_query=instant.standalone_query,
            extractive_answer=instant.answer,
            related_questions=instant.related_questions,
        )
        if not instant.grounded:  # abstain: no evidence worth handing to a model
            return Final(instant.answer, citations=[], generated=False, **base)
        if llm is None:
            note = (
                "generation turned off" if not generate else self.llm_error or "no LLM configured"
            )
            return Final(
                instant.answer, citations=instant.citations, generated=False, llm_note=note, **base
            )
        notes = evidence(instant.answering, instant.hits)
        query = instant.standalone_query
        weight = self.retriever.store.keyword_index().term_weight
        about = closeness(self.retriever.embedder.embed, query)
        quoted = tuple(c.n for c in instant.citations)
        check = ClaimCheck(notes, instant.answer, query, about, quoted)
        shown, cited, dropped = [], set(), []
        try:
            stream = stream_answer(llm, query, notes, weight=weight)
            for verdict in checked(stream, check):
                if verdict.shown is None:
                    dropped.append({"sentence": verdict.sentence, "reason": verdict.reason})
                    continue
                shown.append(verdict.shown)
                cited.update(verdict.notes)
                yield "sentence", verdict.shown
        except StudybotError as exc:
            if not shown:
                return Final(instant.answer, citations=instant.citations, generated=False,
                             llm_note=str(exc), dropped_sentences=dropped, **base)  # fmt: skip
        if not shown:
            return Final(
                instant.answer, citations=instant.citations, generated=False,
                llm_note="the generated answer said nothing the notes support beyond the quote",
                dropped_sentences=dropped, **base,
            )  # fmt: skip
        # The instant answer stays on screen above the generated one: both keep their sources.
        cited |= {c.n for c in instant.citations}
        citations = [Citation.of(n, notes[n - 1], query, weight) for n in sorted(cited)]
        return Final(" ".join(shown), citations=citations, generated=True,
                     dropped_sentences=dropped, **base)  # fmt: skip

    def answer(
        self, question: str, history: list[str] | None = None, generate: bool = True
    ) -> Final:
        final = None
        for kind, payload in self.ask(question, history, generate):
            if kind == "final":
                final = payload
        assert isinstance(final, Final)
        return final


REWRITES = ("rules", "llm")


def build_engine(settings: Settings, retriever: Retriever, with_llm: bool = True) -> Engine:
    if settings.followup_rewrite not in REWRITES:
        raise ConfigError(
            f"STUDYBOT_FOLLOWUP_REWRITE must be one of {', '.join(REWRITES)}, "
            f"got {settings.followup_rewrite!r}"
        )
    loader = (lambda: load_llm(settings)) if with_llm else None
    return Engine(retriever, loader, rewrite_with_llm=settings.followup_rewrite == "llm")
