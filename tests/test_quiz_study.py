"""Quiz for studying: topics by meaning, counters that agree with "Next", the back of every card,
progress rows, and the deck exported to Anki and CSV."""

import csv
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from ingest.pipeline import ingest
from rag.quiz import QuizSession, Tutor
from rag.quiz_export import export_deck
from rag.quiz_progress import (
    accuracy_by_topic_per_day,
    due_forecast,
    reviews_per_day,
    weakest_topics,
)
from rag.quiz_store import QuizStore
from rag.quiz_topics import sections
from rag.retrieve import Retriever

NOTES = """# Regularization
## What does dropout do?
Dropout randomly zeroes activations during training, which reduces overfitting.
## What is weight decay?
Weight decay adds an L2 penalty on the weights so large weights cost more.
# Kitchen
## How long should bread dough rise?
Let the dough rise until it doubles, about an hour in a warm kitchen.
# Transformers
## How is multi-head attention computed?
## Why do transformers need positional encodings?
Self-attention is order-blind, so positions are added to the token embeddings.
"""


@pytest.fixture
def tutor(tmp_path, store, embedder):
    (tmp_path / "bank.md").write_text(NOTES)
    ingest([tmp_path / "bank.md"], store, embedder, progress=False)
    return Tutor(Retriever(store, embedder), QuizStore(tmp_path / "quiz.sqlite"))


def questions(tutor, keys):
    by_key = {q.key: q.item.question for q in tutor.pool}
    return [by_key[k] for k in keys]


def test_topics_are_matched_by_meaning_over_question_and_answer(tutor):
    # "overfitting" is in no section name and no question, only in dropout's answer.
    found = questions(tutor, tutor.on_topic("overfitting"))
    assert found[0] == "What does dropout do?"
    assert "How long should bread dough rise?" not in found
    # A section the topic box suggests selects that section's questions.
    assert set(sections(tutor.pool)) == {"Regularization", "Kitchen", "Transformers"}
    assert set(questions(tutor, tutor.on_topic("Kitchen"))) >= {"How long should bread dough rise?"}
    pick = tutor.next("overfitting", graded_only=True)
    assert pick.question.item.question == "What does dropout do?"


def test_counters_agree_with_next(tutor):
    session = QuizSession(tutor, "Regularization", graded_only=True)
    seen = []
    while True:
        due, new = session.counts()
        pick = session.next()
        if pick is None:
            assert (due, new) == (0, 0)  # "nothing left" only when the counters say so
            break
        assert (pick.due_count, pick.new_count) == (due, new) and due + new > 0
        seen.append(pick.question.item.question)
    assert set(seen) == {"What does dropout do?", "What is weight decay?"}


def test_ask_me_n_questions_ends_after_n(tutor):
    # "ask me 2 questions" in chat: the run holds two, and the counters say so from the start.
    session = QuizSession(tutor, limit=2)
    assert sum(session.counts()) == 2
    assert session.next() and session.next()
    session = QuizSession.from_state(tutor, session.to_state())  # as the web app keeps it
    assert session.counts() == (0, 0) and session.next() is None and session.finished
    assert sum(QuizSession(tutor).counts()) == 5  # the limit belongs to that run only


def test_a_card_without_a_reference_has_a_back(tutor):
    session = QuizSession(tutor, "Transformers")
    q = next(q for q in tutor.pool if q.item.question.startswith("How is multi-head"))
    session.current = q
    back = session.related_notes()
    assert back and "Self-attention" in back[0].item.text
    # Nothing relevant in the notes: an empty back, which the UI and CLI say in words.
    far = next(q for q in tutor.pool if q.item.question.startswith("How long"))
    assert all("dough" not in h.item.text for h in tutor.related_notes(far))


def test_progress_rows(tutor):
    t0 = datetime(2026, 3, 10, 9, tzinfo=UTC)
    dropout = next(q for q in tutor.pool if "dropout" in q.item.question)
    bread = next(q for q in tutor.pool if "bread" in q.item.question)
    tutor.quiz.record(dropout, Rating.Again, "incorrect", 0.1, "x", now=t0)
    tutor.quiz.record(bread, Rating.Good, "correct", 0.9, "x", now=t0)
    tutor.quiz.record(dropout, Rating.Good, "correct", 0.9, "x", now=t0 + timedelta(days=1))
    days = reviews_per_day(tutor.quiz, days=3, now=t0 + timedelta(days=1))
    assert days == [
        {"day": "2026-03-09", "reviews": 0},
        {"day": "2026-03-10", "reviews": 2},
        {"day": "2026-03-11", "reviews": 1},
    ]
    acc = {(r["topic"], r["day"]): r["accuracy"] for r in accuracy_by_topic_per_day(tutor.quiz)}
    assert acc[("Regularization", "2026-03-10")] == 0.0
    assert acc[("Regularization", "2026-03-11")] == 0.5  # cumulative
    assert weakest_topics(tutor.quiz) == [{"topic": "Regularization", "accuracy": 0.5, "graded": 2}]
    forecast = due_forecast(tutor.quiz, days=30, now=t0)
    assert sum(r["due"] for r in forecast) == 2 and len(forecast) == 30


def test_deck_exports_to_anki_and_csv(tutor, tmp_path):
    n = export_deck(tutor.pool, tmp_path / "deck.apkg")
    assert n == len(tutor.pool) == 5
    with zipfile.ZipFile(tmp_path / "deck.apkg") as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = [r[0].split("\x1f") for r in db.execute("SELECT flds FROM notes")]
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 5
    front_back = {f[0]: f for f in notes}
    dropout = front_back["What does dropout do?"]
    assert "reduces overfitting" in dropout[1] and "bank.md" in dropout[2]
    assert "No reference answer" in front_back["How is multi-head attention computed?"][1]
    export_deck(tutor.pool, tmp_path / "deck.csv")
    rows = list(csv.DictReader((tmp_path / "deck.csv").open()))
    assert {r["question"] for r in rows} == set(front_back)
    with pytest.raises(Exception, match=r"\.apkg or \.csv"):
        export_deck(tutor.pool, tmp_path / "deck.txt")


def test_cli_exports_the_deck_on_a_topic(cli, tmp_path):
    (tmp_path / "bank.md").write_text(NOTES)
    code, _, err = cli("ingest", str(tmp_path / "bank.md"))
    assert code == 0, err
    code, out, err = cli("quiz", "export", str(tmp_path / "reg.csv"), "--topic", "Regularization")
    assert code == 0, err
    rows = list(csv.DictReader((tmp_path / "reg.csv").open()))
    assert {r["question"] for r in rows} == {"What does dropout do?", "What is weight decay?"}
    assert f"wrote 2 cards to {tmp_path / 'reg.csv'}" in out


def test_several_topics_give_all_their_questions(tutor):
    found = set(questions(tutor, tutor.on_topic("Kitchen; Transformers")))
    assert {"How long should bread dough rise?", "How is multi-head attention computed?"} <= found
    assert "What is weight decay?" not in found
