"""Quiz scheduling: bank questions as FSRS cards, due first, then new; state in SQLite.

Every graded answer updates its card and appends to the review log in one transaction
(`BEGIN IMMEDIATE`), so a crash never leaves half a review and two sessions at once take turns.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from core.records import Item
from core.sqlite import connect, transaction
from core.thresholds import LINK_THRESHOLD
from ingest.store import IndexStore
from rag.grade import Grade, grade
from rag.llm import LazyLLM

SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    key TEXT PRIMARY KEY, card TEXT NOT NULL, question TEXT NOT NULL, topic TEXT NOT NULL,
    due TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cards_due ON cards(due);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, question TEXT NOT NULL,
    topic TEXT NOT NULL, verdict TEXT, score REAL, rating INTEGER NOT NULL, answer TEXT,
    reviewed_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_key ON reviews(key);
"""

RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
VERDICT_RATING = {"incorrect": Rating.Again, "partial": Rating.Hard, "correct": Rating.Good}


def question_key(question: str) -> str:
    """Cards follow the question's words, not its file position, so re-ingest keeps history."""
    norm = re.sub(r"[\W_]+", " ", question.lower()).strip()
    return hashlib.sha256(norm.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class QuizQuestion:
    key: str
    item: Item  # the canonical item: the one with a reference answer when any copy has one
    topic: str  # its section path

    @property
    def has_reference(self) -> bool:
        return self.item.kind == "qa"


@dataclass(frozen=True)
class Pick:
    question: QuizQuestion
    status: str  # "due" or "new"
    due_count: int
    new_count: int


def question_pool(store: IndexStore) -> list[QuizQuestion]:
    """Every bank question once: linked duplicates collapse onto the copy with an answer."""
    items = [it for it in store.catalog.all_items() if it.kind in ("qa", "question")]
    by_id = {it.id: it for it in items}
    links: dict[str, list[str]] = {}
    for a, b in store.catalog.all_links(LINK_THRESHOLD):
        links.setdefault(a, []).append(b)
        links.setdefault(b, []).append(a)
    seen: set[str] = set()
    pool: dict[str, QuizQuestion] = {}
    for it in items:
        if it.id in seen:
            continue
        group = [it.id] + [o for o in links.get(it.id, ()) if o in by_id]
        seen.update(group)
        best = max((by_id[g] for g in group), key=lambda x: (x.kind == "qa", len(x.answer)))
        key = question_key(best.question)
        if key not in pool or (best.kind == "qa" and not pool[key].has_reference):
            pool[key] = QuizQuestion(key, best, best.section)
    return list(pool.values())


def matches_topic(q: QuizQuestion, topic: str | None) -> bool:
    if not topic:
        return True
    pattern = r"\b" + re.escape(topic.lower().strip())
    return re.search(pattern, f"{q.topic} {q.item.question} {q.item.source}".lower()) is not None


class QuizStore:
    def __init__(self, path: Path, scheduler: Scheduler | None = None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = connect(path, SCHEMA)
        self.db.execute("PRAGMA synchronous=FULL")
        self.scheduler = scheduler or Scheduler()

    def close(self) -> None:
        self.db.close()

    def card(self, key: str) -> Card | None:
        row = self.db.execute("SELECT card FROM cards WHERE key = ?", (key,)).fetchone()
        return Card.from_dict(json.loads(row[0])) if row else None

    def due_keys(self, now: datetime | None = None) -> list[str]:
        now = now or datetime.now(UTC)
        rows = self.db.execute(
            "SELECT key FROM cards WHERE due <= ? ORDER BY due", (now.isoformat(),)
        )
        return [r[0] for r in rows]

    def known_keys(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM cards")}

    def next_question(
        self,
        pool: list[QuizQuestion],
        topic: str | None = None,
        graded_only: bool = False,
        now: datetime | None = None,
        rng: random.Random | None = None,
        exclude: set[str] = frozenset(),
    ) -> Pick | None:
        """Due cards first (most overdue first), then new questions; with `graded_only`, only
        questions that have a reference answer."""
        candidates = {
            q.key: q
            for q in pool
            if matches_topic(q, topic)
            and (q.has_reference or not graded_only)
            and q.key not in exclude
        }
        due = [k for k in self.due_keys(now) if k in candidates]
        known = self.known_keys()
        new = [q for q in candidates.values() if q.key not in known]
        if due:
            return Pick(candidates[due[0]], "due", len(due), len(new))
        if not new:
            return None
        # New questions: those with a reference answer first (graded practice), random within.
        rng = rng or random.Random()
        rng.shuffle(new)
        new.sort(key=lambda q: not q.has_reference)
        return Pick(new[0], "new", 0, len(new))

    def record(
        self,
        q: QuizQuestion,
        rating: Rating,
        verdict: str | None = None,
        score: float | None = None,
        answer: str | None = None,
        now: datetime | None = None,
    ) -> Card:
        """Review the card and log it, atomically; concurrent writers serialise here."""
        now = now or datetime.now(UTC)
        with transaction(self.db):
            row = self.db.execute("SELECT card FROM cards WHERE key = ?", (q.key,)).fetchone()
            card = Card.from_dict(json.loads(row[0])) if row else Card()
            card, _ = self.scheduler.review_card(card, rating, review_datetime=now)
            self.db.execute(
                "INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?, ?, ?)",
                (q.key, json.dumps(card.to_dict()), q.item.question, q.topic,
                 card.due.isoformat(), now.isoformat()),
            )  # fmt: skip
            self.db.execute(
                "INSERT INTO reviews (key, question, topic, verdict, score, rating, answer, reviewed_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    q.key,
                    q.item.question,
                    q.topic,
                    verdict,
                    score,
                    int(rating),
                    answer,
                    now.isoformat(),
                ),
            )
        return card

    def stats(self, now: datetime | None = None) -> dict:
        now = now or datetime.now(UTC)
        reviews = self.db.execute(
            "SELECT topic, verdict, rating, reviewed_at FROM reviews ORDER BY reviewed_at"
        ).fetchall()
        by_topic: dict[str, dict] = {}
        for topic, verdict, _, _ in reviews:
            t = by_topic.setdefault(
                topic or "(no section)", {"reviewed": 0, "graded": 0, "correct": 0}
            )
            t["reviewed"] += 1
            if verdict:
                t["graded"] += 1
                t["correct"] += verdict == "correct"
        for t in by_topic.values():
            t["accuracy"] = round(t["correct"] / t["graded"], 3) if t["graded"] else None
        days = sorted({r[3][:10] for r in reviews}, reverse=True)
        streak, day = 0, now.date()
        for d in days:
            if d == day.isoformat():
                streak += 1
                day = day.fromordinal(day.toordinal() - 1)
            elif d < day.isoformat():
                break
        graded = [r for r in reviews if r[1]]
        return {
            "due_today": len(self.due_keys(now.replace(hour=23, minute=59, second=59))),
            "cards": len(self.known_keys()),
            "reviewed": len(reviews),
            "reviewed_today": sum(1 for r in reviews if r[3][:10] == now.date().isoformat()),
            "accuracy": round(sum(r[1] == "correct" for r in graded) / len(graded), 3)
            if graded
            else None,
            "by_topic": by_topic,
            "streak_days": streak,
            "history": [
                {"at": r[3], "topic": r[0], "verdict": r[1], "rating": r[2]} for r in reviews
            ],
        }


def build_tutor(settings, retriever, with_judge: bool = True) -> Tutor:
    """The quiz over `retriever`'s index, judged by STUDYBOT_JUDGE_MODEL (loaded on first use)."""
    from rag.llm import load_llm

    loader = (lambda: load_llm(settings, settings.judge_model)) if with_judge else None
    return Tutor(retriever, QuizStore(settings.quiz_db), loader)


def match_question(retriever, text: str) -> QuizQuestion | None:
    """The bank question that best matches `text` (its answered copy, if it has one)."""
    for hit in retriever.retrieve(text, 5):
        if hit.item.kind != "chunk":
            return QuizQuestion(question_key(hit.item.question), hit.item, hit.item.section)
    return None


@dataclass(frozen=True)
class GradedAnswer:
    question: QuizQuestion
    grade: Grade
    citation: dict  # {"source", "locator", "quote"}: where the reference answer is
    next_due: str | None  # when the card comes back, if recorded

    def to_dict(self) -> dict:
        return {
            "verdict": self.grade.verdict,
            "score": self.grade.score,
            "feedback": self.grade.feedback,
            "reference": self.question.item.answer,
            "citation": self.citation,
            "question_id": self.question.item.id,
            "question": self.question.item.question,
            "method": self.grade.method,
            "next_due": self.next_due,
        }


class Tutor:
    """A quiz session over one index: picks, grades, records. Shared by the CLI and the UI."""

    def __init__(self, retriever, quiz: QuizStore, judge_loader=None):
        self.retriever = retriever
        self.quiz = quiz
        self._judge = LazyLLM(judge_loader)
        self._pool: list[QuizQuestion] | None = None

    @property
    def pool(self) -> list[QuizQuestion]:
        if self._pool is None:
            self._pool = question_pool(self.retriever.store)
        return self._pool

    def refresh(self) -> None:
        """The index changed (ingest, removal): rebuild the question pool on next use."""
        self._pool = None

    @property
    def judge(self):
        return self._judge.get()

    @property
    def judge_error(self) -> str | None:
        return self._judge.error

    def next(
        self, topic: str | None = None, graded_only: bool = False, exclude=frozenset()
    ) -> Pick | None:
        return self.quiz.next_question(self.pool, topic, graded_only, exclude=set(exclude))

    def find(self, text: str) -> QuizQuestion | None:
        return match_question(self.retriever, text)

    def grade(self, q: QuizQuestion, answer: str, record: bool = True) -> GradedAnswer:
        if not q.has_reference:
            raise ValueError(
                "this bank question has no reference answer in your notes; rate yourself instead"
            )
        g = grade(q.item.question, q.item.answer, answer, self.retriever.embedder, self.judge)
        due = None
        if record:
            card = self.quiz.record(q, VERDICT_RATING[g.verdict], g.verdict, g.score, answer)
            due = card.due.isoformat()
        citation = {"source": q.item.source, "locator": q.item.locator, "quote": q.item.answer}
        return GradedAnswer(q, g, citation, due)

    def self_rate(self, q: QuizQuestion, rating: str) -> str:
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {', '.join(RATINGS)}, got {rating!r}")
        return self.quiz.record(q, RATINGS[rating]).due.isoformat()

    def related_notes(self, q: QuizQuestion, k: int = 3):
        """Cited notes near an unanswered question: what to read before rating yourself."""
        hits = self.retriever.retrieve(q.item.question, k + 3)
        return [h for h in hits if h.item.kind != "question" and h.item.id != q.item.id][:k]
