"""Quiz: FSRS scheduling order, persistence, concurrent writers, the grading cascade, self-rating."""

import multiprocessing
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating

from core.errors import InputError
from ingest.pipeline import ingest
from rag.grade import grade, key_points
from rag.quiz import QuizSession, Tutor
from rag.quiz_pool import question_key, question_pool
from rag.quiz_store import QuizStore
from rag.retrieve import Retriever
from tests.conftest import run_json
from tests.llm_stubs import ScriptedLLM
from tests.test_grade import KeywordJudge

NOTES = """# RAG
??? question "Why are dual encoders preferred over cross-encoders for large-scale search?"
    Dual encoders allow offline pre-computation of all item vectors, enabling fast retrieval.
    Cross-encoders must encode the query with every candidate, which is prohibitive at scale.
??? question "What is a validation set for?"
    A validation set helps compare models and tune hyperparameters.
# Training
??? question "What is gradient checkpointing?"
"""
REF = "Dual encoders allow offline pre-computation of all item vectors, enabling fast retrieval.\nCross-encoders must encode the query with every candidate, which is prohibitive at scale."


@pytest.fixture
def tutor(tmp_path, store, embedder):
    (tmp_path / "notes.md").write_text(NOTES)
    ingest([tmp_path / "notes.md"], store, embedder, progress=False)
    return Tutor(Retriever(store, embedder), QuizStore(tmp_path / "quiz.sqlite"))


def test_due_cards_come_before_new_and_intervals_grow(tutor):
    pool = tutor.pool
    assert {q.item.question for q in pool} >= {
        "What is a validation set for?",
        "What is gradient checkpointing?",
    }
    first = tutor.next(graded_only=True)
    assert first.status == "new" and first.question.has_reference  # graded practice first
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    card = tutor.quiz.record(first.question, Rating.Good, "correct", 1.0, "x", now=t0)
    card = tutor.quiz.record(first.question, Rating.Good, "correct", 1.0, "x", now=card.due)
    gap1 = card.due - card.last_review
    card = tutor.quiz.record(first.question, Rating.Good, "correct", 1.0, "x", now=card.due)
    gap2 = card.due - card.last_review
    assert gap2 > gap1 > timedelta(0)  # success spaces reviews further apart
    later = card.due + timedelta(minutes=1)
    pick = tutor.quiz.next_question(pool, now=later, rng=random.Random(1))
    assert pick.status == "due" and pick.question.key == first.question.key
    pick = tutor.quiz.next_question(pool, now=card.due - timedelta(days=1), rng=random.Random(1))
    assert pick.status == "new" and pick.question.key != first.question.key


def test_topic_filter_matches_sections_and_words(tutor):
    assert all(q.topic == "RAG" for q in [tutor.next("rag").question])
    assert tutor.next("training").question.item.question == "What is gradient checkpointing?"
    assert tutor.next("no such topic") is None
    assert tutor.next("rag", exclude={q.key for q in tutor.pool if q.topic == "RAG"}) is None


def test_self_rating_for_questions_without_a_reference(tutor):
    q = next(q for q in tutor.pool if not q.has_reference)
    notes = tutor.related_notes(q)
    assert all(h.item.kind != "question" for h in notes)
    tutor.self_rate(q, "hard")
    with pytest.raises(InputError, match="rating must be one of"):
        tutor.self_rate(q, "meh")
    assert tutor.quiz.stats()["reviewed"] == 1 and tutor.quiz.card(q.key) is not None


def test_grading_without_a_judge_on_hand_made_cases(embedder):
    q = "Why are dual encoders preferred for search?"
    empty = grade(q, REF, "  ", embedder)
    idk = grade(q, REF, "I don't know", embedder)
    assert empty.verdict == idk.verdict == "incorrect" and empty.method == "empty"
    off = grade(q, REF, "Paris is the capital of France.", embedder)
    assert off.verdict == "incorrect" and off.method == "similarity" and not off.right
    full = "Dual encoders precompute all item vectors offline, so retrieval is fast. Cross-encoders must encode the query with every candidate, prohibitive at scale."
    ok = grade(q, REF, full, embedder, ScriptedLLM())  # not a Judge: similarity decides
    assert ok.verdict == "correct" and ok.method == "similarity" and len(ok.right) == 2
    assert key_points("- **A** first point here.\n- second point here too") == [
        "A first point here.",
        "second point here too",
    ]


def test_grade_cli_does_not_touch_the_schedule_unless_asked(cli, tmp_path):
    (tmp_path / "n.md").write_text(NOTES)
    run_json(cli, "ingest", str(tmp_path / "n.md"), "--json")
    out = run_json(cli, "quiz", "grade", "what is a validation set for", "", "--json", "--no-llm")
    assert out["verdict"] == "incorrect" and out["citation"]["quote"] in NOTES.replace("    ", "")
    assert set(out) >= {"verdict", "score", "feedback", "reference", "citation", "question_id"}
    assert run_json(cli, "quiz", "stats", "--json")["reviewed"] == 0
    run_json(
        cli, "quiz", "grade", "what is a validation set for", "", "--json", "--no-llm", "--record"
    )
    stats = run_json(cli, "quiz", "stats", "--json")
    assert (
        stats["reviewed"] == 1
        and stats["accuracy"] == 0.0
        and stats["by_topic"]["RAG"]["reviewed"] == 1
    )
    code, _, err = cli("quiz", "grade", "what is gradient checkpointing", "x", "--no-llm")
    assert code == 1 and "no reference answer" in err


def test_the_interactive_quiz_lets_the_student_overrule_the_grade(cli, tmp_path):
    (tmp_path / "n.md").write_text(NOTES)
    run_json(cli, "ingest", str(tmp_path / "n.md"), "--json")
    code, out, _ = cli("quiz", "--graded-only", "--count", "1", "--no-llm", input="\ngood\n")
    assert code == 0 and "INCORRECT" in out and "your rating replaces the grade" in out
    stats = run_json(cli, "quiz", "stats", "--json")
    assert (stats["reviewed"], stats["accuracy"], stats["overruled"]) == (1, 1.0, 1)


def _writer(path: str, key: str, n: int) -> None:
    from core.records import Item
    from rag.quiz_pool import QuizQuestion
    from rag.quiz_store import QuizStore

    store = QuizStore(__import__("pathlib").Path(path))
    item = Item(key, "qa", "s", "l", "T", f"question {key}", "answer", "h")
    q = QuizQuestion(question_key(item.question), item, "T")
    for _ in range(n):
        store.record(q, Rating.Good, "correct", 1.0, "a")


def test_concurrent_writers_lose_nothing_and_state_persists(tmp_path):
    path = str(tmp_path / "quiz.sqlite")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, k, 25)) for k in ("a", "b", "a")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    # Another process reads what these wrote.
    out = subprocess.run(
        [sys.executable, "-c", f"from rag.quiz_store import QuizStore; from pathlib import Path; "
         f"s = QuizStore(Path({path!r})).stats(); print(s['reviewed'], s['cards'])"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.split() == ["75", "2"]
    store = QuizStore(tmp_path / "quiz.sqlite")
    n_a = store.db.execute("SELECT COUNT(*) FROM reviews WHERE question = 'question a'").fetchone()[
        0
    ]
    assert n_a == 50


def test_pool_collapses_linked_duplicates(tmp_path, store, embedder):
    (tmp_path / "a.md").write_text(NOTES)
    (tmp_path / "bank.txt").write_text("Chapter 1: RAG\n- What is a validation set for?\n")
    ingest([tmp_path], store, embedder, progress=False)
    pool = question_pool(store)
    same = [q for q in pool if q.item.question == "What is a validation set for?"]
    assert len(same) == 1 and same[0].has_reference


def test_the_parts_of_a_long_answer_are_one_card_every_part_finds(tmp_path, store, embedder):
    long = " ".join(f"Step {n} of the procedure does one more small thing." for n in range(150))
    (tmp_path / "long.md").write_text(f"## How is the model trained?\n\n{long}\n")
    ingest([tmp_path], store, embedder, progress=False)
    parts = [it for it in store.catalog.all_items() if it.question == "How is the model trained?"]
    assert len(parts) >= 3
    [card] = [q for q in question_pool(store) if q.item.question == "How is the model trained?"]
    assert card.has_reference and set(card.ids) == {it.id for it in parts}


def test_a_session_never_repeats_a_question_and_survives_a_round_trip(tutor):
    session = QuizSession(tutor, graded_only=True)
    with pytest.raises(InputError, match="next question first"):
        session.answer("anything")
    seen = []
    while (pick := session.next()) is not None:
        seen.append(pick.question.key)
        restored = QuizSession.from_state(tutor, session.to_state())  # as the web app keeps it
        assert restored.current == session.current and restored.asked == session.asked
        session = restored
    assert seen and len(seen) == len(set(seen)) == sum(q.has_reference for q in tutor.pool)
    assert session.current is None


EXERCISES = """# Array exercises

#### 1. Reverse a vector (first element becomes last)

#### 2. What is the result of the following expression?

```python
0 * np.nan
np.nan == np.nan
np.inf > np.nan
np.nan - np.nan
```

#### 3. Create a 3x3 identity matrix
"""


def test_an_exercise_is_asked_and_graded_with_the_code_under_it(tmp_path, store, embedder):
    """A question that points at "the following expression" is shown, and graded, with it."""
    (tmp_path / "ex.md").write_text(EXERCISES)
    ingest([tmp_path / "ex.md"], store, embedder, progress=False)
    judge = KeywordJudge(ideas="- NaN propagates through arithmetic", markers=("nan",), wrong="-")
    tutor = Tutor(Retriever(store, embedder), QuizStore(tmp_path / "quiz.sqlite"), lambda: judge)
    by_text = {q.item.question: q for q in tutor.pool}
    q = by_text["What is the result of the following expression?"]
    assert tutor.exercise(q).startswith("```python\n0 * np.nan\nnp.nan == np.nan")
    assert tutor.exercise(by_text["Reverse a vector (first element becomes last)"]) == ""
    # Its own code is what it asks about, not an answer to it.
    assert all("np.inf > np.nan" not in h.item.text for h in tutor.related_notes(q))
    graded = tutor.grade(q, "nan, False, False, nan", record=False)
    assert graded.grade.method == "llm"
    asked = [m[-1]["content"] for m in judge.calls if "Student answer: " in m[-1]["content"]]
    assert asked and all("np.inf > np.nan" in text for text in asked)


MCQ = """# Quiz

1. What does a perceptron learn?
   - [ ] A) Memory cells
   - [ ] B) Weight coefficients
   >Answer: B) Weight coefficients

### Which diagram shows a trend between two numbers?

- [ ] pivot table
- [x] scatter plot
- [ ] cluster diagram
"""


def test_a_multiple_choice_card_shows_its_options_and_is_graded_against_the_key(
    tmp_path, store, embedder
):
    (tmp_path / "mcq.md").write_text(MCQ)
    ingest([tmp_path / "mcq.md"], store, embedder, progress=False)
    tutor = Tutor(Retriever(store, embedder), QuizStore(tmp_path / "quiz.sqlite"))
    by_text = {q.item.question: q for q in tutor.pool}
    lettered = by_text["What does a perceptron learn?"]
    assert tutor.exercise(lettered) == "- A) Memory cells\n- B) Weight coefficients"
    assert tutor.reference(lettered).text.startswith("B) Weight coefficients")
    ticked = by_text["Which diagram shows a trend between two numbers?"]
    assert "✓" not in tutor.exercise(ticked) and "- scatter plot" in tutor.exercise(ticked)
    assert tutor.reference(ticked).text == "scatter plot"
    # Without the options an answer "B" means nothing; with them it is graded as right.
    assert tutor.grade(lettered, "B) Weight coefficients", record=False).grade.verdict == "correct"


def test_the_student_overrules_a_wrong_grade(tutor):
    session = QuizSession(tutor, graded_only=True)
    q = session.next().question
    assert session.answer("no idea").grade.verdict == "incorrect"
    restored = QuizSession.from_state(tutor, session.to_state())  # the web app's round trip
    assert restored.graded
    due = restored.rate("good")
    # The review now carries the student's rating and verdict, with the grader's kept beside it.
    rating, verdict, overruled, at = tutor.quiz.db.execute(
        "SELECT rating, verdict, overruled, reviewed_at FROM reviews WHERE key = ?", (q.key,)
    ).fetchone()
    assert (rating, verdict, overruled) == (int(Rating.Good), "correct", "incorrect")
    # The card is scheduled as if it had been rated good at that review.
    good, _ = tutor.quiz.scheduler.review_card(
        Card(), Rating.Good, review_datetime=datetime.fromisoformat(at)
    )
    card = tutor.quiz.card(q.key)
    assert due == card.due.isoformat() and (card.state, card.stability) == (
        good.state,
        good.stability,
    )
    stats = tutor.quiz.stats()
    assert (stats["reviewed"], stats["accuracy"], stats["overruled"]) == (1, 1.0, 1)
    # One grade, one overrule: a second one has nothing to overrule.
    assert not restored.graded
    with pytest.raises(InputError, match="no grade to overrule"):
        tutor.overrule(q, "easy")


def test_an_overrule_reschedules_from_the_whole_history(tutor):
    q = next(q for q in tutor.pool if q.has_reference)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    t1 = tutor.quiz.record(q, Rating.Good, "correct", 1.0, "a", now=t0).due
    t2 = tutor.quiz.record(q, Rating.Good, "correct", 1.0, "a", now=t1).due
    lapsed = tutor.quiz.record(q, Rating.Again, "incorrect", 0.1, "b", now=t2)
    tutor.overrule(q, "good")
    expected = Card()
    for at in (t0, t1, t2):
        expected, _ = tutor.quiz.scheduler.review_card(expected, Rating.Good, review_datetime=at)
    card = tutor.quiz.card(q.key)
    # The same memory state (the due date itself is fuzzed by FSRS), and no lapse: a longer wait.
    assert (card.state, card.stability, card.difficulty, card.last_review) == (
        expected.state, expected.stability, expected.difficulty, expected.last_review
    )  # fmt: skip
    assert card.due > lapsed.due


def test_a_quiz_file_from_before_overruling_gains_the_column_and_keeps_its_reviews(tmp_path):
    import sqlite3

    path = tmp_path / "quiz.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE reviews (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, "
        "question TEXT NOT NULL, topic TEXT NOT NULL, verdict TEXT, score REAL, "
        "rating INTEGER NOT NULL, answer TEXT, reviewed_at TEXT NOT NULL);"
        "INSERT INTO reviews (key, question, topic, verdict, score, rating, answer, reviewed_at)"
        " VALUES ('k', 'q?', 'T', 'correct', 1.0, 3, 'a', '2026-01-01T00:00:00+00:00');"
    )
    old.commit()
    old.close()
    stats = QuizStore(path).stats()
    assert (stats["reviewed"], stats["accuracy"], stats["overruled"]) == (1, 1.0, 0)
