"""The quiz deck for the tools students already use: an Anki package (.apkg, via genanki) and
CSV. One note per bank question; the back holds the reference answer and where it came from."""

from __future__ import annotations

import csv
import html
from pathlib import Path

from rag.quiz_pool import QuizQuestion

# Fixed ids: re-exporting updates the same note type and deck in Anki instead of adding copies.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110
NO_REFERENCE = "No reference answer in your notes."
CSV_FIELDS = ("question", "answer", "topic", "source", "locator")


def _row(q: QuizQuestion) -> dict:
    return {
        "question": q.item.question,
        "answer": q.item.answer if q.has_reference else "",
        "topic": q.topic,
        "source": q.item.source,
        "locator": q.item.locator,
    }


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def export_apkg(pool: list[QuizQuestion], path: Path, deck_name: str = "studybot") -> int:
    """Write the deck to `path` (.apkg); returns the number of cards."""
    import genanki

    model = genanki.Model(
        MODEL_ID,
        "studybot question",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Question}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<br><br><small>{{Source}}</small>',
            }
        ],
    )
    deck = genanki.Deck(DECK_ID, deck_name)
    for q in pool:
        r = _row(q)
        source = " · ".join(x for x in (r["topic"], r["source"], r["locator"]) if x)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[_html(r["question"]), _html(r["answer"] or NO_REFERENCE), _html(source)],
                guid=genanki.guid_for(q.key),
                tags=[],
            )
        )
    genanki.Package(deck).write_to_file(str(path))
    return len(pool)


def export_csv(pool: list[QuizQuestion], path: Path) -> int:
    """Write the deck to `path` as CSV with a header row; returns the number of rows."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, CSV_FIELDS)
        writer.writeheader()
        writer.writerows(_row(q) for q in pool)
    return len(pool)


def export_deck(pool: list[QuizQuestion], path: Path) -> int:
    """Export by file extension: .apkg or .csv."""
    path = Path(path)
    if path.suffix.lower() == ".apkg":
        return export_apkg(pool, path)
    if path.suffix.lower() == ".csv":
        return export_csv(pool, path)
    from core.errors import InputError

    raise InputError(f"export to a .apkg or .csv file, got {path.name!r}")
