"""The grader's judgement, in two steps: a reference's key ideas (extracted once by the LLM and
cached by the reference's hash), then yes/no log-probabilities from the judge on whether an
answer states each idea and whether it contradicts them. Without a judge, ideas are the
reference's sentences (headings dropped) and presence is embedding similarity."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from pathlib import Path

import numpy as np

from core.errors import StudybotError
from core.hashing import sha256_text
from core.sqlite import connect, transaction
from rag import prompts
from rag.llm import LLM, Judge, complete

MAX_IDEAS = 4
NOTE_ANSWERS = 0.5  # the judge's P(yes) that a note answers the question: not fitted (see README)
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE = re.compile(r"(?<=[.!?;:,])\s+|\n+|\s+(?:and|while|so|but|because|which)\s+")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


def _clean(line: str) -> str:
    text = re.sub(r"^[\s>*\-•\d.)]+", "", line)
    text = re.sub(r"[*_`$|]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def is_heading(line: str) -> bool:
    """A markdown heading, or a short title-cased line with no sentence punctuation
    ("Fundamentals of Large Language Models (LLMs)"): never a key idea."""
    raw = line.strip()
    if raw.startswith("#"):
        return True
    text = _clean(raw)
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    if not words or text.endswith((".", "!", "?", ":", ";")) or len(text.split()) > 10:
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def key_points(reference: str) -> list[str]:
    """Sentences and bullet lines of the reference, markup stripped, headings and trivial
    fragments dropped: the key ideas when there is no LLM to extract them."""
    points = []
    for raw in _SPLIT.split(reference):
        text = _clean(raw)
        if len(text.split()) >= 3 and not is_heading(raw):
            points.append(text)
    return points or [_clean(reference) or reference.strip()]


def parse_ideas(text: str) -> list[str]:
    """The extractor's reply, one idea a line, bullets stripped, headings dropped, at most four."""
    ideas = []
    for line in text.splitlines():
        idea = _BULLET.sub("", line).strip().strip("*").strip()
        if len(idea.split()) >= 2 and not is_heading(line) and idea not in ideas:
            ideas.append(idea)
    return ideas[:MAX_IDEAS]


class IdeaCache:
    """Key ideas per reference, in SQLite (the quiz database): extracted once per question."""

    SCHEMA = "CREATE TABLE IF NOT EXISTS key_ideas (ref_hash TEXT PRIMARY KEY, ideas TEXT NOT NULL)"

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = connect(path, self.SCHEMA)

    def get(self, key: str) -> list[str] | None:
        row = self.db.execute("SELECT ideas FROM key_ideas WHERE ref_hash = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, ideas: list[str]) -> None:
        with transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO key_ideas VALUES (?, ?)", (key, json.dumps(ideas))
            )


def ideas_key(llm: LLM, question: str, reference: str) -> str:
    """Changes with the model, the extraction prompt, the question or the reference."""
    return sha256_text("\x1f".join([llm.name, prompts.IDEAS_SYSTEM, question, reference]))


def _cached(cache: IdeaCache | None, key: str, make):
    if cache is not None and (cached := cache.get(key)) is not None:
        return cached
    value = make()
    if cache is not None and value:
        # A read-only or busy cache only costs a re-extraction next time.
        with contextlib.suppress(sqlite3.Error):
            cache.put(key, value)
    return value


def extract_ideas(
    llm: LLM, question: str, reference: str, cache: IdeaCache | None = None
) -> list[str]:
    """The reference's key ideas, from the cache or the LLM; its sentences if the LLM fails.
    With no reference (a bare question the notes don't answer), the ideas a correct answer
    must contain, in the model's own knowledge."""
    if reference.strip():
        system = prompts.IDEAS_SYSTEM
        user = prompts.IDEAS_USER.format(question=question, reference=reference[:1200])
    else:
        system, user = prompts.IDEAS_OWN_SYSTEM, prompts.IDEAS_OWN_USER.format(question=question)

    def make() -> list[str]:
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        try:
            return parse_ideas(complete(llm, messages, max_tokens=90))
        except StudybotError:
            return []

    ideas = _cached(cache, ideas_key(llm, question, reference), make)
    return ideas or key_points(reference)[:MAX_IDEAS]


def notes_that_answer(judge: Judge, question: str, notes: list[str], cache=None) -> list[bool]:
    """Which related notes answer a bare question, by the judge (cached per question and notes):
    a close but different topic ("model checkpointing" for gradient checkpointing) is no
    reference."""

    def answers(note: str) -> bool:
        user = prompts.RERANK_USER.format(question=question, passage=note[:600])
        messages = [
            {"role": "system", "content": prompts.RERANK_SYSTEM},
            {"role": "user", "content": user},
        ]
        return judge.yes_probability(messages) >= NOTE_ANSWERS

    def make() -> list[bool]:
        return [answers(note) for note in notes]

    key = sha256_text("\x1f".join(["notes", judge.name, prompts.RERANK_USER, question, *notes]))
    return _cached(cache, key, make)


def judge_ideas(
    judge: Judge, question: str, ideas: list[str], answer: str
) -> tuple[list[float], float]:
    """P(yes) that the answer states each idea, and P(yes) that everything it claims is true."""
    listing = "\n".join(f"{n}. {idea}" for n, idea in enumerate(ideas, start=1))
    prefix = prompts.IDEA_JUDGE_USER.format(question=question, ideas=listing, answer=answer[:800])

    def ask(q: str) -> float:
        return judge.yes_probability([
            {"role": "system", "content": prompts.IDEA_JUDGE_SYSTEM},
            {"role": "user", "content": prefix + q},
        ])  # fmt: skip

    present = [ask(prompts.IDEA_PRESENT.format(n=n, idea=idea)) for n, idea in enumerate(ideas, 1)]
    return present, ask(prompts.IDEA_ALL_TRUE)


def similarity_presence(embedder, reference: str, ideas: list[str], answer: str) -> list[float]:
    """Per idea, its best cosine to a clause of the answer or the whole answer (no judge)."""
    clauses = [c for c in _CLAUSE.split(answer) if c and len(c.split()) >= 2] or [answer.strip()]
    vecs = embedder.embed([answer, *ideas, *clauses])
    idea_vecs = vecs[1 : 1 + len(ideas)]
    others = np.vstack([vecs[1 + len(ideas) :], vecs[:1]])
    return [float(b) for b in (idea_vecs @ others.T).max(axis=1)]
