"""More layouts of third-party banks (see tests/test_parse_layouts.py)."""

from tests.test_parse_layouts import run


def _cards(items):
    return [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"]


def test_a_list_titled_as_a_number_of_exercises_is_tasks_whatever_their_verbs():
    """`# Day 26 — 12 Quick Exercises (15-min each)`: after the title's lead, a count and a
    word of kind name a list of exercises, so each item is a task, "Freeze …" and "Using …"
    as much as "Implement …". "Solutions to the exercises" names no such list."""
    items = run(
        "# Day 26 — 12 Quick Exercises (15-min each)\n\n"
        "1. Freeze the backbone and train only a new head.\n"
        "2. Using the data prep script, stratify by class.\n"
        "3. Implement gradual unfreezing and observe the loss.\n\n"
        "# Solutions to the exercises\n\n"
        "1. Freeze the backbone and train only a new head.\n"
        "2. Using the data prep script, stratify by class.\n"
    )
    assert _cards(items) == [
        ("question", "Freeze the backbone and train only a new head.", ""),
        ("question", "Using the data prep script, stratify by class.", ""),
        ("question", "Implement gradual unfreezing and observe the loss.", ""),
    ]


def test_a_task_set_under_a_question_and_answer_title_is_one_of_its_entries():
    """`### Explain TF-IDF.` under `# Question & Answer` asks, and its list answers it, the
    list's "2. How to calculate" with its points included (it is no section). The same heading
    under a title that names no questions stays a section of notes."""
    items = run(
        "# Question & Answer\n\n### Explain TF-IDF.\n"
        "1. TF-IDF weighs a word by how rare it is across the corpus.\n"
        "2. How to calculate\n    - TF: the word's frequency in the document\n"
        "    - IDF: the log of documents over documents holding the word\n"
        "### What is bag of words?\n\n"
        "# Notes\n\n### Explain the pipeline.\n\nThe pipeline cleans text, then counts words.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Explain TF-IDF.",
            "1. TF-IDF weighs a word by how rare it is across the corpus.\n"
            "2. How to calculate\n    - TF: the word's frequency in the document\n"
            "    - IDF: the log of documents over documents holding the word",
        ),
        ("question", "What is bag of words?", ""),
    ]
    assert all(" > " not in it.section for it in items if it.kind != "chunk")


def test_a_labelled_question_wrapped_over_lines_is_asked_whole():
    """`Q1: What is the difference between bagging and` over `boosting?`: a question typed
    with hard line breaks goes on in lower case up to the line that ends it, and only what
    follows answers it. A line in capitals after an unfinished question starts the answer, and
    so does an answer label in lower case ("ans: …")."""
    items = run(
        "# Bank\n\nQ1: What is the difference between bagging and\nboosting?\n"
        "Bagging trains models in parallel on bootstrap samples.\n\n"
        "Q2: Name the loss\nthat GANs use and why\nit is unstable.\nIt is a minimax game.\n\n"
        "Q3: Dropout\nRandomly zeroes activations while training.\n\n"
        "Q4: What does a causal mask stop\nans: attention to later tokens.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "What is the difference between bagging and boosting?",
            "Bagging trains models in parallel on bootstrap samples.",
        ),
        ("qa", "Name the loss that GANs use and why it is unstable.", "It is a minimax game."),
        ("qa", "Dropout", "Randomly zeroes activations while training."),
        ("qa", "What does a causal mask stop", "attention to later tokens."),
    ]
