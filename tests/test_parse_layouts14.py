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


def test_a_list_introduced_as_aims_is_prose_not_tasks():
    """ "This guide's objective is twofold:" or "By the end you will be able to:" lists what a
    text sets out to do; the same imperatives under "Try these:" are exercises."""
    items = run(
        "## Introduction\n\nConvolutions are everywhere. This guide's objective is twofold:\n\n"
        "1. Explain how padding changes the output shape.\n"
        "2. Provide an intuition for transposed convolutions.\n\n"
        "## Objectives\n\nBy the end of this lesson you will be able to:\n\n"
        "- Describe a receptive field.\n- Compute the output size of a pooling layer.\n\n"
        "## Exercises\n\nTry these:\n\n"
        "1. Explain how padding changes the output shape.\n"
        "2. Compute the output size of a pooling layer.\n"
    )
    assert [it.question for it in items if it.kind == "question"] == [
        "Explain how padding changes the output shape.",
        "Compute the output size of a pooling layer.",
    ]
    prose = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "Provide an intuition" in prose and "Describe a receptive field." in prose


def test_a_prose_list_with_an_aside_that_asks_loses_no_item():
    """In notes whose lists mostly state things, an item with a "?" is text like its
    siblings: the short items after it stay in the note instead of being dropped as fragments."""
    items = run(
        "## Related work\n\nWe compare against three baselines in this chapter of the notes:\n\n"
        "- Plain SGD with momentum and weight decay.\n- Why not Adam?\n- Lion.\n- Sophia.\n\n"
        "Each is trained for the same budget of tokens on the same data mixture.\n"
    )
    assert [it.kind for it in items] == ["chunk"]
    assert "- Lion.\n- Sophia." in items[0].answer


def test_an_rst_faq_item_whose_bold_question_names_an_identifier(tmp_path):
    """An enumerated rST FAQ: the bold question holds `feature_extraction` and a Sphinx role,
    which rST leaves as source inside bold; its answer is the paragraph indented under it."""
    from tests.test_formats import load_items

    (tmp_path / "faq.rst").write_text(
        "FAQ\n===\n\n"
        "    1. **Does it support series of different lengths?**\n\n"
        "       Yes, some features need a minimal length.\n\n"
        "    2. **Even with :class:`settings.EfficientFCParameters` the feature_extraction"
        " is slow. What can I do?**\n\n"
        "\tCheck that you are not over-provisioning your CPU cores.\n"
    )
    _, items = load_items(tmp_path / "faq.rst")
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "Does it support series of different lengths?",
         "Yes, some features need a minimal length."),
        ("qa", "Even with `settings.EfficientFCParameters` the feature_extraction is slow."
         " What can I do?", "Check that you are not over-provisioning your CPU cores."),
    ]  # fmt: skip


def test_a_definition_list_with_a_blank_line_under_each_term():
    """PHP Markdown Extra and Pandoc allow a blank line between a term and its `:   `
    definition, and a definition's wrapped lines need no indent; a tight list still reads."""
    items = run(
        "# Glossary\n\n`Entity`\n\n:   Entities identify the key on which features are stored.\n\n"
        "`Feature`\n\n:   A feature is a measurable property,\ntypically of one entity.\n\n"
        "`Skew`\n\n:   A gap between training and serving. It comes from:\n\n"
        "    - different pipelines.\n\n"
        "## Tight\n\nLag\n:   A shift back in time.\nLead\n:   A shift forward.\n"
    )
    assert [(it.question, it.answer) for it in items] == [
        ("Entity", "Entities identify the key on which features are stored."),
        ("Feature", "A feature is a measurable property,\ntypically of one entity."),
        ("Skew", "A gap between training and serving. It comes from:\n\n- different pipelines."),
        ("Lag", "A shift back in time."),
        ("Lead", "A shift forward."),
    ]


EXAM = """Question 1: Goals [8p]
For the project, identify a goal of the system and a measure at each of these levels:
(a) Organizational objective:
Measure:
(b) User outcome:
Measure:
Question 2: Model Quality Offline [8p]
(a) [4p] The precision numbers seem promising, but you want a better sense of how good they
are. Suggest two baseline heuristics to compare against, and (1) say why, (2) say how.
*
*
(b) [4p] Explain why the dataset is split three ways.
----
Question 3: What is a feature store?
It keeps features consistent between training and serving.
"""


def test_an_exam_question_in_lettered_parts_asks_in_each_part():
    """A numbered label that names a topic titles its lettered parts, each a question (with
    its wrapped lines, points dropped) over a blank answer form; when every part is a field
    label, the stem asks. A label that asks is still the question."""
    from ingest.parse import parse

    lines = [(1 + n // 8, line) for n, line in enumerate(EXAM.split("\n"))]  # a PDF's pages
    items = parse(lines, chunker=lambda t: [t], unit="page")
    assert [(it.kind, it.section, it.question) for it in items] == [
        ("question", "Goals",
         "For the project, identify a goal of the system and a measure at each of these levels:"),
        ("question", "Model Quality Offline",
         "The precision numbers seem promising, but you want a better sense of how good they are."
         " Suggest two baseline heuristics to compare against, and (1) say why, (2) say how."),
        ("question", "Model Quality Offline", "Explain why the dataset is split three ways."),
        ("qa", "", "What is a feature store?"),
    ]  # fmt: skip


def test_a_topic_whose_subtitle_asks_among_subtitled_siblings_is_no_question():
    """ "Testing: is our model any good?" is titled like its siblings ("Features: the raw
    material …"): a topic, not a question. A heading that asks outright still asks, and so does
    a numbered part's subtitle ("Part 2: Why quantize?")."""
    items = run(
        "# Guide\n\n## What is learning to rank?\nMachine learning applied to ranking.\n\n"
        "## Judgments: the ideal ordering\nGraded results per query.\n\n"
        "## Features: the raw material of relevance\nSignals a model ranks on.\n\n"
        "## Logging: completing the training set\nRecord feature values per query.\n\n"
        "## Testing: is our model any good?\nCompare it with the baseline offline.\n\n"
        "## Part 1: Setup\nInstall it.\n\n## Part 2: Why quantize?\nTo save memory.\n\n"
        "## Part 3: Loading\nLoad the weights.\n"
    )
    assert [it.question for it in items if it.kind == "qa"] == [
        "What is learning to rank?",
        "Part 2: Why quantize?",
    ]


def test_a_heading_in_question_order_asks_without_a_question_mark():
    """ "What is a graph" puts a verb right after its wh-word, as a question does; "How it
    works" and "What's new" title sections."""
    items = run(
        "# Knowledge graphs\n\n## What is a graph\nNodes and the edges between them.\n\n"
        "## How it works\nEach relation is a vector.\n\n## What's new\nVersion two.\n"
    )
    assert [(it.kind, it.question) for it in items if it.kind != "chunk"] == [
        ("qa", "What is a graph")
    ]
