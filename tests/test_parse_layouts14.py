"""Layout families found in the thirty-fourth and later third-party batches, each on a small
hand-made input."""

from tests.test_parse_layouts import run


def test_a_dialogue_whose_one_speaker_asks_is_questions_and_answers():
    """An interview log of bold speaker labels: the speaker who asks in every turn asks, the
    other answers, whatever the two are called; an answer may run on over a list."""
    items = run(
        "## Mock interview\n\n"
        '**Interviewer:** "Why do RNNs forget long contexts?"\n\n'
        "**Candidate:** The gradient shrinks at every step back in time.\n\n"
        "**Interviewer:** So how does an LSTM fix it?\n\n"
        "**Candidate:** It keeps a cell state that three gates control:\n\n"
        "1. a forget gate: should it drop old content?\n"
        "2. an input gate: should it write new content?\n"
    )
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("qa", "Why do RNNs forget long contexts?",
         "The gradient shrinks at every step back in time."),
        ("qa", "So how does an LSTM fix it?",
         "It keeps a cell state that three gates control:\n\n"
         "1. a forget gate: should it drop old content?\n"
         "2. an input gate: should it write new content?"),
    ]  # fmt: skip


def test_labelled_lines_that_are_no_dialogue_stay_as_they_are():
    """Metadata lines (three labels), and two speakers of whom neither asks in every turn, are
    no question-and-answer dialogue."""
    items = run(
        "## Card\n\n**Topic:** LSTMs?\n\n**Level:** easy\n\n**Source:** colah?\n\n"
        "## Chat\n\n**Ann:** Did you read it?\n\n**Bob:** Yes, twice.\n\n"
        "**Ann:** It was long.\n\n**Bob:** Was it?\n"
    )
    assert {it.kind for it in items} == {"chunk"}
    assert "Yes, twice." in " ".join(it.answer for it in items)
