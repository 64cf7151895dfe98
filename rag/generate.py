"""Evidence + LLM → a streamed answer with [n] citations, each checked against its source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from core.records import Citation, Hit
from ingest.embedder import Embedder
from rag import prompts
from rag.followup import needs_history
from rag.llm import LLM, Message, complete

NOTE_CHARS = 420  # per note: prompt processing dominates time-to-first-token on 2 cores
MAX_NOTES = 3
# A cited sentence must be at least this similar to its note, or the citation is dropped.
SUPPORT_MIN = 0.35
# An uncited sentence this similar to a note is attributed to it.
ATTRIBUTE_MIN = 0.55
_CITE = re.compile(r"\s*\[(\d+)\]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def evidence(hits: list[Hit]) -> list[Hit]:
    """The notes handed to the model: items with content (a bare bank question has none)."""
    return [h for h in hits if h.item.kind != "question"][:MAX_NOTES]


def build_messages(question: str, hits: list[Hit]) -> list[Message]:
    notes = []
    for n, hit in enumerate(evidence(hits), start=1):
        text = " ".join(hit.item.text.split())
        if len(text) > NOTE_CHARS:
            text = text[:NOTE_CHARS].rsplit(" ", 1)[0] + " …"
        notes.append(
            prompts.NOTE.format(n=n, source=hit.item.source, locator=hit.item.locator, text=text)
        )
    user = prompts.ANSWER_USER.format(notes="\n".join(notes), question=question.strip())
    return [{"role": "system", "content": prompts.ANSWER_SYSTEM}, {"role": "user", "content": user}]


@dataclass
class CheckedAnswer:
    text: str
    citations: list[Citation]
    dropped: list[dict] = field(default_factory=list)  # citations that didn't hold up


def check_citations(answer: str, hits: list[Hit], embedder: Embedder) -> CheckedAnswer:
    """Keep an [n] only where its sentence is similar to note n. Numbers stay as the model
    streamed them, so the text a reader already saw matches the citation list."""
    notes = evidence(hits)
    sentences = [s for s in _SENTENCE.split(answer.strip()) if s.strip()]
    cited = [[int(n) for n in _CITE.findall(s)] for s in sentences]
    bare = [_CITE.sub("", s).strip() for s in sentences]
    if not notes or not bare:
        return CheckedAnswer(" ".join(bare), [], [])
    # Every sentence against every note: small (a few sentences x <= 3 notes).
    sims = embedder.embed(bare) @ embedder.embed([h.item.text for h in notes]).T
    used: set[int] = set()
    out, dropped = [], []
    for i, ns in enumerate(cited):
        kept = []
        for n in dict.fromkeys(ns):
            score = float(sims[i, n - 1]) if 1 <= n <= len(notes) else 0.0
            if score < SUPPORT_MIN:
                dropped.append({"sentence": bare[i], "n": n, "support": round(score, 3)})
            else:
                kept.append(n)
        if not ns:
            # Small models often forget to cite: attribute a sentence its notes clearly support.
            best = int(np.argmax(sims[i]))
            if sims[i, best] >= ATTRIBUTE_MIN:
                kept.append(best + 1)
        used.update(kept)
        out.append(_with_markers(bare[i], kept))
    citations = [Citation.of(n, notes[n - 1]) for n in sorted(used)]
    return CheckedAnswer(" ".join(out), citations, dropped)


def _with_markers(sentence: str, notes: list[int]) -> str:
    """`Text [1].` — markers go before the sentence's final punctuation."""
    if not notes:
        return sentence
    marks = "".join(f" [{n}]" for n in notes)
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".!?" else (sentence, "")
    return f"{body}{marks}{end}"


def stream_answer(llm: LLM, question: str, hits: list[Hit], max_tokens: int = 220) -> Iterator[str]:
    """Raw text pieces as the model produces them (citations unchecked)."""
    yield from llm.stream(build_messages(question, hits), max_tokens)


def rewrite_followup(llm: LLM, question: str, history: list[str]) -> str | None:
    """A standalone question from the LLM, or None when it isn't needed or looks wrong."""
    if not history or not needs_history(question):
        return None
    messages = [
        {"role": "system", "content": prompts.REWRITE_SYSTEM},
        {
            "role": "user",
            "content": prompts.REWRITE_USER.format(
                history="\n".join(f"- {h}" for h in history[-3:]), question=question
            ),
        },
    ]
    text = complete(llm, messages, max_tokens=48).strip().split("\n")[0].strip().strip('"')
    # Not trusted: an empty rewrite, a ramble, or one that lost what the student asked
    # ("and why is it faster?" rewritten as "What is FlashAttention?" dropped "faster").
    if not text or len(text) > 3 * len(question) + 120:
        return None
    if not content_words(question) <= content_words(text):
        return None
    return text


_STOP = set(
    "a an and are as be but by can do does for from how i in is it its me of on or so that the "
    "their them then these they this those to was what when where which who why will with you "
    "about also again more one ones same above former latter tell explain".split()
)


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}
