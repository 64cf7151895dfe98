"""Markdown slide decks (Marp, remark.js, Slidev, reveal.js) read as their slides show: the
deck's marks (presenter-notes `???`, incremental `--`, slide properties, content classes, Vue
components) print nothing, the text they mark stays, and a quiz slide's question is answered by
the answer slide after it."""

from ingest.loaders import load
from ingest.parse import parse_document


def _items(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    items = parse_document(load(tmp_path / name), chunker=lambda t: [t])
    return [(i.kind, i.section, i.question, i.answer) for i in items]


MARP = """---
marp: true
paginate: true
---

# Regularisation

---

## Quiz

Why does L2 regularisation shrink the weights?

---

## Answer

The penalty's gradient pulls each weight towards zero.
"""


def test_a_quiz_slide_is_answered_by_the_answer_slide_after_it(tmp_path):
    assert _items(tmp_path, "deck.md", MARP) == [
        (
            "qa",
            "Regularisation",
            "Why does L2 regularisation shrink the weights?",
            "The penalty's gradient pulls each weight towards zero.",
        )
    ]


REMARK = """class: center, middle

# Regularisation

---
name: dropout
class: inverse

## What does dropout do?

- It zeroes random activations while training
--

- so units cannot co-adapt

???

Inference keeps every unit.

---

## Early stopping

.left-column[
Training stops when the validation loss stops improving.
]
.right-column[
It limits how far the weights travel. .footnote[Prechelt, 1998]
]
"""


def test_a_remark_decks_marks_print_nothing_and_its_text_stays(tmp_path):
    (dropout, early_stopping) = _items(tmp_path, "deck.md", REMARK)
    assert dropout[:3] == ("qa", "Regularisation", "What does dropout do?")
    assert "so units cannot co-adapt" in dropout[3] and "Inference keeps every unit." in dropout[3]
    assert "???" not in dropout[3] and "--" not in dropout[3] and "inverse" not in dropout[3]
    assert early_stopping[:2] == ("chunk", "Regularisation > Early stopping")
    assert early_stopping[3] == (
        "Training stops when the validation loss stops improving.\n"
        "It limits how far the weights travel. Prechelt, 1998"
    )


SLIDEV = """---
theme: seriph
---

# Early stopping

<v-clicks>

- Training stops when the validation loss stops improving.
- It limits how far the weights travel.

</v-clicks>
"""


def test_a_vue_component_wraps_text_and_titles_nothing(tmp_path):
    (item,) = _items(tmp_path, "slides.md", SLIDEV)
    assert item[:2] == ("chunk", "Early stopping")
    assert "v-clicks" not in item[3] and "It limits how far" in item[3]


def test_outside_a_remark_deck_an_index_in_brackets_is_kept(tmp_path):
    note = "## Indexing\n\nThe first row is `df.loc[0]` or `.iloc[0]`.\n\n--\n\nThat is all.\n"
    ((_, _, _, text),) = _items(tmp_path, "pandas.md", note)
    assert "`.iloc[0]`" in text and "`df.loc[0]`" in text


QUARTO = """---
title: "Regularisation"
format: revealjs
---

## What does dropout do? {#sec-dropout}

It zeroes random activations while training.

. . .

So units cannot co-adapt.

## Early stopping {.smaller background-color="aquamarine"}

Training stops when the validation loss stops improving.
"""


def test_a_quarto_decks_pauses_and_heading_attributes_print_nothing(tmp_path):
    dropout, early_stopping = _items(tmp_path, "deck.qmd", QUARTO)
    assert dropout[2] == "What does dropout do?" and ". . ." not in dropout[3]
    assert dropout[3].startswith("It zeroes") and dropout[3].endswith("So units cannot co-adapt.")
    assert early_stopping[1] == "Regularisation > Early stopping"
