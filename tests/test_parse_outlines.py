"""Outliner pages (Logseq and the like): blocks nested by indentation, read as the Markdown
they stand for; and the metadata such notes carry is not read as cards or questions."""

from ingest.parse import parse

PAGE = """\
tags:: books, machine learning
topic:: [[MLOps]]

- # Chapter 1. Overview
\t- what is the relationship between MLOps and system design?
\t\t- [[MLOps]] is the ML version of devops
\t\t- system design takes a holistic view
\t- how do you decide what to build? it depends on the business problem
\t- {{video https://www.youtube.com/watch?v=abc}}
\t  id:: 653de2f7-ced1-4e6d-bfa9-df08e45f6475
\t- some extra characteristics that make ML appealing:
\t\t- repetitive tasks
\t\t- a low cost of bad predictions
- AI ethics - Accountability
\t- who is accountable for the outputs of AI systems?
\t- what happens if a system chooses to lie?
-
"""


def _items(text):
    return parse(list(enumerate(text.split("\n"), start=1)), chunker=lambda t: [t])


def test_an_outliners_page_reads_its_heading_blocks_questions_and_answers():
    items = _items(PAGE)
    got = [(i.kind, i.section, i.question) for i in items]
    assert got == [
        ("qa", "Chapter 1. Overview", "what is the relationship between MLOps and system design?"),
        ("qa", "Chapter 1. Overview", "how do you decide what to build?"),
        ("chunk", "Chapter 1. Overview", ""),
        ("question", "AI ethics - Accountability", "who is accountable for the outputs of AI systems?"),
        ("question", "AI ethics - Accountability", "what happens if a system chooses to lie?"),
    ]  # fmt: skip
    assert items[0].answer == (
        "- MLOps is the ML version of devops\n- system design takes a holistic view"
    )
    assert items[1].answer == "it depends on the business problem"
    assert items[2].answer.startswith("- some extra characteristics that make ML appealing:")
    text = " ".join(i.answer + i.question for i in items)
    assert "youtube" not in text and "id::" not in text and "tags::" not in text


def test_a_markdown_page_with_lists_is_not_an_outline():
    """Headings of its own and a line that is not a block: Markdown lists, read as before (the
    nested short items of a question are its options)."""
    page = "# Quiz\n\n" + PAGE.split("\n", 3)[3].replace("\t- ", "- ", 1)
    items = _items(page)
    assert "Chapter 1. Overview" not in {i.section for i in items}


def test_a_web_address_does_not_ask():
    items = _items(
        "# Videos\n\n- Watch https://www.youtube.com/watch?v=abc before the lecture on "
        "gradient descent\n- Then https://www.youtube.com/watch?v=def on momentum and Adam\n"
    )
    assert [i.kind for i in items] == ["chunk"]


def test_a_notes_metadata_fields_are_not_cards():
    """Obsidian Dataview fields under a note (`Type :: #atom`, some left empty) are a form, not
    a deck of `front :: back` cards."""
    note = (
        "# overfitting\n\n- Occurs when a model fits its training data too closely\n---\n"
        "Links :: [[Machine Learning]]\nReference ::\nType :: #atom\nCreator ::\n"
        "Date :: 2024-09-09 19:49\n"
    )
    assert [i.kind for i in _items(note)] == ["chunk"]
    deck = "# Cards\n\nOverfitting :: fitting noise\nBias :: systematic error\nVariance :: spread\n"
    assert [i.question for i in _items(deck)] == ["Overfitting", "Bias", "Variance"]
