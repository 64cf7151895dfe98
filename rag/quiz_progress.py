"""Progress a student reads at a glance, from the quiz store: reviews per day, accuracy per topic
per day, what FSRS has due in the coming days, and the weakest topics. Plain rows (dicts), so the
UI can hand them to a plot and the CLI can print them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rag.quiz_store import QuizStore

MIN_GRADED = 1  # a topic needs this many graded answers before it can be called weak


def reviews_per_day(store: QuizStore, days: int = 14, now: datetime | None = None) -> list[dict]:
    """One row per day of the last `days` (zeros included, so the axis is real dates)."""
    today = (now or datetime.now(UTC)).date()
    rows = store.db.execute(
        "SELECT substr(reviewed_at, 1, 10), count(*) FROM reviews GROUP BY 1"
    ).fetchall()
    count = dict(rows)
    span = [today - timedelta(days=d) for d in range(days - 1, -1, -1)]
    return [{"day": d.isoformat(), "reviews": count.get(d.isoformat(), 0)} for d in span]


def accuracy_by_topic_per_day(store: QuizStore) -> list[dict]:
    """Share of graded answers judged correct, per topic and day (cumulative up to that day)."""
    rows = store.db.execute(
        "SELECT topic, substr(reviewed_at, 1, 10), verdict FROM reviews"
        " WHERE verdict IS NOT NULL ORDER BY reviewed_at"
    ).fetchall()
    totals: dict[str, list[int]] = {}
    out: dict[tuple[str, str], dict] = {}
    for topic, day, verdict in rows:
        t = totals.setdefault(topic, [0, 0])
        t[0] += verdict == "correct"
        t[1] += 1
        out[(topic, day)] = {"topic": topic, "day": day, "accuracy": round(t[0] / t[1], 3)}
    return list(out.values())


def due_forecast(store: QuizStore, days: int = 7, now: datetime | None = None) -> list[dict]:
    """Cards FSRS has due on each of the coming `days` (today includes anything overdue)."""
    today = (now or datetime.now(UTC)).date()
    span = [today + timedelta(days=d) for d in range(days)]
    dues = [r[0][:10] for r in store.db.execute("SELECT due FROM cards")]
    rows = []
    for i, d in enumerate(span):
        iso = d.isoformat()
        n = sum(1 for x in dues if x == iso or (i == 0 and x < iso))
        rows.append({"day": iso, "due": n})
    return rows


def weakest_topics(store: QuizStore, n: int = 3) -> list[dict]:
    """The topics with the lowest accuracy over graded answers, worst first."""
    rows = store.db.execute(
        "SELECT topic, sum(verdict = 'correct'), count(*) FROM reviews"
        " WHERE verdict IS NOT NULL GROUP BY topic HAVING count(*) >= ?",
        (MIN_GRADED,),
    ).fetchall()
    ranked = sorted(rows, key=lambda r: (r[1] / r[2], -r[2]))
    return [
        {"topic": t, "accuracy": round(c / g, 3), "graded": g} for t, c, g in ranked[:n] if c < g
    ]
