"""Flashcard and record fields written in HTML: read as the card renders them."""

import json

from ingest.formats.markup import strip_html
from ingest.loaders import load
from ingest.parse import parse_document

QUIZ_CARD = (
    '<div class="mcq" data-answer="C"><div class="question">Which missingness depends on the'
    ' missing value itself?</div><div class="options">'
    '<label class="option"><input type="radio" name="q2" value="A"><span>A. MCAR</span></label>'
    '<label class="option"><input type="radio" name="q2" value="B"><span>B. MAR</span></label>'
    '<label class="option"><input type="radio" name="q2" value="C"><span>C. MNAR</span></label>'
    '</div></div>\t<div class="answer">Answer: C</div><div class="explanation">Explanation: MNAR'
    " depends on the value itself.</div>\n"
)


def _items(path):
    return parse_document(load(path), chunker=lambda t: [t])


def test_a_headerless_deck_of_html_quiz_cards(tmp_path):
    """A headerless TSV whose first row is a card, not column names (its fields mention
    "question" and "answer" only as HTML classes): every row is a card. The front's radio
    buttons are markup; its lettered options follow the back's key in the answer, where the
    quiz finds them."""
    path = tmp_path / "deck.tsv"
    path.write_text(QUIZ_CARD * 2)
    items = _items(path)
    assert len(items) == 2
    assert items[0].question == "Which missingness depends on the missing value itself?"
    assert items[0].answer == (
        "Answer: C\nExplanation: MNAR depends on the value itself.\n\n- A. MCAR\n- B. MAR\n- C. MNAR"
    )


def test_form_elements_with_attributes_are_markup_and_placeholders_are_text():
    """`<input type="radio">` and the `<label class=…>` around it print no text of their own;
    `<input>` and `<label>` written bare are a note's placeholders, kept."""
    shown = strip_html('<label class="o"><input type="radio" value="A">A. MCAR</label>')
    assert shown == "A. MCAR"
    assert strip_html("Translate <input> and predict its <label>.") == (
        "Translate <input> and predict its <label>."
    )


def test_code_in_a_record_s_answer_is_kept_as_written(tmp_path):
    """A JSON record whose answer holds an HTML code block: the code is shown as written, the
    markup around it cleaned."""
    path = tmp_path / "bank.json"
    answer = 'Use <b>BEM</b> names:\n```html\n<div class="row"></div>\n```\nThat is all.'
    path.write_text(json.dumps([{"question": "What is BEM?", "answer": answer}]))
    (item,) = _items(path)
    assert item.answer == 'Use BEM names:\n```html\n<div class="row"></div>\n```\nThat is all.'


def test_a_records_question_is_shown_without_its_numbering(tmp_path):
    """A quiz file numbers its questions inside the field ("1. Which …?", "Q2: …"): the number
    is the file's order, not the question, as it is in a numbered Markdown list."""
    path = tmp_path / "quiz.json"
    path.write_text(
        json.dumps(
            {
                "questions": [
                    {"question": "1. Which loss suits binary labels?", "answer": "Log loss."},
                    {"question": "Q2: What does L1 add?", "answer": "Sparsity."},
                    {"question": "3D convolutions slide over what?", "answer": "Volumes."},
                ]
            }
        )
    )
    assert [i.question for i in _items(path)] == [
        "Which loss suits binary labels?",
        "What does L1 add?",
        "3D convolutions slide over what?",
    ]
