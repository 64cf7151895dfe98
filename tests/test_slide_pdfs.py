"""Slides printed to PDF (pages wider than tall, a few lines each) read as slides: each page's
first line is its title, so a slide's text is never glued to the one before, and a slide that
only asks is a question; a portrait PDF keeps the title-by-shape reading."""

from fpdf import FPDF

from ingest.loaders import load
from ingest.parse import parse, parse_document

SLIDES = [
    ("Regularisation", ["Lecture 4 - Machine Learning", "Spring term"]),
    (
        "What does dropout do?",
        ["- It zeroes random activations while training", "- so units cannot co-adapt"],
    ),  # fmt: skip
    (
        "Early stopping",
        [
            "- Training stops when the validation loss stops improving",
            "- It limits how far the weights travel",
        ],
    ),  # fmt: skip
    ("Check your understanding", ["Why does early stopping regularise?"]),
    (
        "Review questions",
        [
            "1. What is weight decay?",
            "2. Why normalise the inputs?",
            "3. How does batch norm help training?",
        ],
    ),  # fmt: skip
    ("Any questions?", []),
]


def _deck(path, landscape=True):
    pdf = FPDF(orientation="L" if landscape else "P", format=(190.5, 338.7))
    pdf.set_auto_page_break(False)
    for n, (title, body) in enumerate(SLIDES, start=1):
        pdf.add_page()
        pdf.set_font("helvetica", "B", 32)
        pdf.set_xy(20, 15)
        pdf.cell(0, 20, title)
        pdf.set_font("helvetica", size=20)
        for k, line in enumerate(body):
            pdf.set_xy(25, 50 + 16 * k)
            pdf.cell(0, 12, line)
        pdf.set_font("helvetica", size=10)
        pdf.set_xy(20, 175 if landscape else 320)
        pdf.cell(0, 8, f"ML course - Lecture 4    {n}")
    pdf.output(str(path))
    return path


def test_a_slide_deck_pdf_reads_slide_by_slide(tmp_path):
    doc = load(_deck(tmp_path / "lecture.pdf"))
    assert doc.format == "pdf slides"
    items = [(i.kind, i.section, i.question, i.locator) for i in parse_document(doc, lambda t: [t])]
    review = "Regularisation > Review questions"
    assert items == [
        ("qa", "Regularisation", "What does dropout do?", "p. 2"),
        ("chunk", "Regularisation > Early stopping", "", "p. 3"),
        (
            "question",
            "Regularisation > Check your understanding",
            "Why does early stopping regularise?",
            "p. 4",
        ),  # fmt: skip
        ("question", review, "What is weight decay?", "p. 5"),
        ("question", review, "Why normalise the inputs?", "p. 5"),
        ("question", review, "How does batch norm help training?", "p. 5"),
        ("question", review, "Any questions?", "p. 6"),
    ]


def test_a_portrait_pdf_is_no_deck(tmp_path):
    assert load(_deck(tmp_path / "notes.pdf", landscape=False)).format == "pdf"


def test_a_question_asked_alone_under_a_heading_is_a_bare_question():
    text = (
        "# Deck\n\n## Check your understanding\n\nWhy does early stopping regularise?\n\n## Next\n"
    )
    items = parse(list(enumerate(text.split("\n"), start=1)), lambda t: [t])
    assert [(i.kind, i.section, i.question) for i in items] == [
        ("question", "Deck > Check your understanding", "Why does early stopping regularise?")
    ]
