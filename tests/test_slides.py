"""PowerPoint decks (.pptx), made here with python-pptx: read as the Markdown they stand for
(titles headings, bulleted placeholders list items, tables tables, speaker notes the slide's
last words), so every layout rule applies; broken, encrypted and picture-only decks get a
one-line reason."""

import io

import pytest
from pptx import Presentation
from pptx.util import Inches

from core.errors import LoadError
from ingest.discover import discover
from ingest.loaders import load
from ingest.parse import parse_document

TITLE, TITLE_AND_CONTENT, TITLE_ONLY, BLANK = 0, 1, 5, 6  # the default template's layouts


def _slide(deck, layout, title=None, notes=None):
    slide = deck.slides.add_slide(deck.slide_layouts[layout])
    if title is not None:
        slide.shapes.title.text = title
    if notes is not None:
        slide.notes_slide.notes_text_frame.text = notes
    return slide


def _box(slide, text, top=2):
    frame = slide.shapes.add_textbox(Inches(1), Inches(top), Inches(8), Inches(1)).text_frame
    frame.text = text
    return frame


def _lecture(path):
    deck = Presentation()
    title = _slide(deck, TITLE, "Regularisation")
    title.placeholders[1].text = "Lecture 4, Machine Learning"
    bullets = _slide(deck, TITLE_AND_CONTENT, "What does dropout do?").placeholders[1].text_frame
    bullets.text = "It zeroes random activations while training"
    sub = bullets.add_paragraph()
    sub.text, sub.level = "so units cannot co-adapt", 1
    bullets.add_paragraph().text = "At inference every unit is kept"
    quiz = _slide(deck, TITLE_ONLY, "Check your understanding", notes="It limits how far the "
                  "weights can travel from where they started.")  # fmt: skip
    _box(quiz, "Why does early stopping regularise?")
    table = _slide(deck, TITLE_ONLY, "Summary").shapes
    cells = table.add_table(3, 2, Inches(1), Inches(2), Inches(8), Inches(2)).table
    for r, row in enumerate([("Method", "Effect"), ("L2", "Shrinks the weights"), ("Dropout", "Adds noise")]):  # fmt: skip
        for c, text in enumerate(row):
            cells.cell(r, c).text = text
    review = _slide(deck, TITLE_AND_CONTENT, "To review").placeholders[1].text_frame
    review.text = "What is weight decay?"
    review.add_paragraph().text = "Why normalise the inputs?"
    deck.save(path)


def test_a_deck_reads_as_its_titles_bullets_notes_and_tables(tmp_path):
    _lecture(tmp_path / "lecture.pptx")
    doc = load(tmp_path / "lecture.pptx")
    items = parse_document(doc, chunker=lambda t: [t])
    assert doc.format == "powerpoint"
    assert [(i.kind, i.section, i.question, i.locator) for i in items] == [
        ("qa", "Regularisation", "What does dropout do?", "slide 2"),
        (
            "qa",
            "Regularisation > Check your understanding",
            "Why does early stopping regularise?",
            "slide 3",
        ),  # fmt: skip
        ("chunk", "Regularisation > Summary", "", "slide 4"),
        ("question", "Regularisation > To review", "What is weight decay?", "slide 5"),
        ("question", "Regularisation > To review", "Why normalise the inputs?", "slide 5"),
    ]
    dropout, early_stopping, summary = items[0].answer, items[1].answer, items[2].answer
    assert dropout.startswith("- It zeroes random activations while training\n    - so units")
    assert early_stopping == "It limits how far the weights can travel from where they started."
    assert "| L2 | Shrinks the weights |" in summary
    assert [f.path.name for f in discover(tmp_path)] == ["lecture.pptx"]


def test_a_slides_bold_runs_and_line_breaks_are_kept():
    deck = Presentation()
    frame = _box(_slide(deck, BLANK), "")
    paragraph = frame.paragraphs[0]
    paragraph.add_run().text = "Bias"
    paragraph.runs[0].font.bold = True
    paragraph.add_run().text = " is error from wrong assumptions"
    paragraph.add_line_break()
    paragraph.add_run().text = "and leads to underfitting."
    data = io.BytesIO()
    deck.save(data)
    from ingest.formats.slides import pptx_lines

    text = [line for _, line in pptx_lines(data.getvalue()) if line]
    assert text == ["**Bias** is error from wrong assumptions", "and leads to underfitting."]


def _saved(deck) -> bytes:
    data = io.BytesIO()
    deck.save(data)
    return data.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "encrypted or old-format (.ppt)"),
        (b"PK\x03\x04 not really a zip", "not a readable PowerPoint deck"),
        (_saved(Presentation()), "no text in this deck"),
    ],
    ids=["encrypted", "broken", "no text"],
)
def test_a_deck_that_cannot_be_read_gets_a_one_line_reason(tmp_path, data, reason):
    path = tmp_path / "deck.pptx"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        load(path)
