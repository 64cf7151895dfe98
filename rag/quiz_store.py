"""Quiz state in SQLite: one FSRS card per bank question and an append-only review log.

Every review updates its card and appends to the log in one transaction (`BEGIN IMMEDIATE`), so
a crash never leaves half a review and two sessions at once take turns. A student who disagrees
with the grader's verdict overrules it: the review takes their rating, the grader's verdict is
kept beside it, and the card is rescheduled from its whole log as if they had rated it so.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, ReviewLog, Scheduler

from core.errors import InputError
from core.sqlite import connect, transaction
from rag.quiz_pool import Pick, QuizQuestion

SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    key TEXT PRIMARY KEY, card TEXT NOT NULL, question TEXT NOT NULL, topic TEXT NOT NULL,
    due TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cards_due ON cards(due);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, question TEXT NOT NULL,
    topic TEXT NOT NULL, verdict TEXT, score REAL, rating INTEGER NOT NULL, answer TEXT,
    reviewed_at TEXT NOT NULL, overruled TEXT);
CREATE INDEX IF NOT EXISTS reviews_key ON reviews(key);
"""


class QuizStore:
    def __init__(self, path: Path, scheduler: Scheduler | None = None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = connect(path, SCHEMA)
        self.db.execute("PRAGMA synchronous=FULL")
        _add_overruled_column(self.db)
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

    def queue(
        self, candidates: dict[str, QuizQuestion], now: datetime | None = None
    ) -> tuple[list[str], list[QuizQuestion]]:
        """What "Next" would draw from: the keys due now (most overdue first) and the questions
        never reviewed. The counters show these same two lists, so they always agree."""
        due = [k for k in self.due_keys(now) if k in candidates]
        known = self.known_keys()
        return due, [q for q in candidates.values() if q.key not in known]

    def next_question(
        self,
        pool: list[QuizQuestion],
        only: list[str] | None = None,
        graded_only: bool = False,
        now: datetime | None = None,
        rng: random.Random | None = None,
        exclude: set[str] = frozenset(),
    ) -> Pick | None:
        """Due cards first (most overdue first), then new questions; `only` limits (and orders,
        most relevant first) the questions; with `graded_only`, only those with a reference."""
        cands = candidates(pool, only, graded_only, exclude)
        due, new = self.queue(cands, now)
        if due:
            return Pick(cands[due[0]], "due", len(due), len(new))
        if not new:
            return None
        if only is None:  # no topic: random, those with a reference answer first
            (rng or random.Random()).shuffle(new)
        else:  # a topic: the most relevant first
            rank = {k: i for i, k in enumerate(only)}
            new.sort(key=lambda q: rank[q.key])
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
            card = self.card(q.key) or Card()
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

    def overrule(self, key: str, rating: Rating, verdict: str) -> Card:
        """The student's own rating replaces the grader's on the card's last review, which must
        be a graded one not yet overruled; the card is rescheduled from its whole log."""
        with transaction(self.db):
            last = self.db.execute(
                "SELECT id, verdict, overruled FROM reviews WHERE key = ? ORDER BY id DESC LIMIT 1",
                (key,),
            ).fetchone()
            if last is None or last[1] is None or last[2] is not None:
                raise InputError("this question's last review was not graded by studybot, or was "
                                 "already overruled: there is no grade to overrule")  # fmt: skip
            self.db.execute(
                "UPDATE reviews SET rating = ?, verdict = ?, overruled = ? WHERE id = ?",
                (int(rating), verdict, last[1], last[0]),
            )
            old = self.card(key)
            logs = [
                ReviewLog(old.card_id, Rating(r), datetime.fromisoformat(at), None)
                for r, at in self.db.execute(
                    "SELECT rating, reviewed_at FROM reviews WHERE key = ? ORDER BY id", (key,)
                )
            ]
            card = self.scheduler.reschedule_card(old, logs)
            self.db.execute(
                "UPDATE cards SET card = ?, due = ? WHERE key = ?",
                (json.dumps(card.to_dict()), card.due.isoformat(), key),
            )
        return card

    def stats(self, now: datetime | None = None) -> dict:
        now = now or datetime.now(UTC)
        reviews = self.db.execute(
            "SELECT topic, verdict, rating, reviewed_at, overruled FROM reviews ORDER BY reviewed_at"
        ).fetchall()
        by_topic: dict[str, dict] = {}
        for topic, verdict, *_ in reviews:
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
            "overruled": sum(r[4] is not None for r in reviews),
            "by_topic": by_topic,
            "streak_days": streak,
            "history": [
                {"at": r[3], "topic": r[0], "verdict": r[1], "rating": r[2]} for r in reviews
            ],
        }


def _add_overruled_column(db: sqlite3.Connection) -> None:
    """Quiz files from before overruling have no `overruled` column: add it (once, whichever
    process gets there first)."""
    if "overruled" in {row[1] for row in db.execute("PRAGMA table_info(reviews)")}:
        return
    try:
        db.execute("ALTER TABLE reviews ADD COLUMN overruled TEXT")
    except sqlite3.OperationalError as exc:
        if "duplicate column" not in str(exc):
            raise


def candidates(
    pool: list[QuizQuestion], only: list[str] | None, graded_only: bool, exclude=frozenset()
) -> dict[str, QuizQuestion]:
    allowed = None if only is None else set(only)
    return {
        q.key: q
        for q in pool
        if (allowed is None or q.key in allowed)
        and (q.has_reference or not graded_only)
        and q.key not in exclude
    }
