"""More layouts of third-party banks (see tests/test_parse_layouts.py)."""

from tests.notebooks import parse_notebook
from tests.test_formats import load_items
from tests.test_parse_layouts import run


def _cards(items):
    return [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"]


def test_a_problem_sheet_asks_each_labelled_paragraph_and_keeps_its_notes():
    """`**Problem 2.** Show that …` opens a problem stated in its paragraph; a sheet of them with
    no solution is a list of bare questions, the whole paragraph each, and the hint and the
    "a)" parts under a problem stay notes, not answers. One labelled paragraph alone is text."""
    items = run(
        "# Homework 3\n\n"
        "**Problem 1.** Prove that the sum of two convex functions is convex.\n\n"
        "**Problem 2.** Show that\nthe pointwise max of convex functions is convex.\n\n"
        "Hint: use the epigraph.\n\n"
        "Problem 3: Consider the set of copositive matrices.\n"
        "a) Verify that it is a proper cone.\n"
        "b) Find its dual cone.\n"
    )
    assert _cards(items) == [
        ("question", "Prove that the sum of two convex functions is convex.", ""),
        ("question", "Show that the pointwise max of convex functions is convex.", ""),
        ("question", "Consider the set of copositive matrices.", ""),
    ]
    notes = " ".join(i.answer for i in items if i.kind == "chunk")
    assert "Hint: use the epigraph." in notes and "Find its dual cone." in notes

    alone = run("# Notes\n\n**Problem 1.** The loss is convex, so any local minimum is global.\n")
    assert _cards(alone) == []


def test_a_printed_problem_sheet_ends_each_problem_at_its_paragraph(tmp_path):
    """In a PDF no blank line parts paragraphs: a problem's statement runs over its wrapped
    lines and ends at a short line that ends a sentence, at a note or at its lettered parts."""
    from tests.pdfs import make_pdf

    lead = "Collaboration is allowed, but write down the names of the students you worked with."
    page = "\n".join(
        [
            "Homework 1",
            f"{lead} " * 3,
            "Problem 1: Show that a set is convex if and only if its intersection with any line"
            " is convex, and that a set is affine if and only if its intersection with any line"
            " is affine.",
            "Note: a line is the set of points x + t v for real t, with a fixed direction v.",
            "Problem 2: Consider the set of rank-k outer products of n by k matrices of rank k,"
            " and describe its conic hull in simple terms, with some kind of reasoning.",
            "Turn in a short printed report with your plots.",
            "Problem 3: A matrix X is called copositive if z'Xz is nonnegative for all z >= 0.",
            "a) Verify that the set of copositive matrices is a proper cone.",
            "b) Then find its dual cone.",
        ]
    )
    _, items = load_items(make_pdf(tmp_path / "homework.pdf", [page]))
    asked = [" ".join(i.question.split()) for i in items if i.kind != "chunk"]
    assert asked == [
        "Show that a set is convex if and only if its intersection with any line is convex,"
        " and that a set is affine if and only if its intersection with any line is affine.",
        "Consider the set of rank-k outer products of n by k matrices of rank k, and describe"
        " its conic hull in simple terms, with some kind of reasoning.",
        "A matrix X is called copositive if z'Xz is nonnegative for all z >= 0.",
    ]
    assert all(i.kind == "question" for i in items if i.kind != "chunk")
    notes = " ".join(i.answer for i in items if i.kind == "chunk")
    assert "Then find its dual cone." in notes and "with a fixed direction v" in notes
    assert "short printed report" in notes


def test_an_answer_label_may_open_with_an_emoji():
    """`**✅ A:**` and `💡 Answer:` are answer labels: the emoji decorates the label, so the
    answer is what follows it, not a note after a bare question."""
    items = run(
        "# Exam bank\n\n"
        "**Q:** Which protocol reads a datastore from a notebook?\n\n"
        "**✅ A:** `abfss`\n\n"
        "**Q:** Which compute target suits a small experiment?\n\n"
        "💡 Answer: a compute instance.\n"
    )
    assert _cards(items) == [
        ("qa", "Which protocol reads a datastore from a notebook?", "`abfss`"),
        ("qa", "Which compute target suits a small experiment?", "a compute instance."),
    ]


def test_a_short_question_label_under_a_numbered_heading_is_the_question():
    """`### Question 10` only numbers its question; the `**Q:** …` line under it is the
    question however short (a bold label with a short value is otherwise taken for metadata,
    `**Difficulty:** Easy`, and passed over)."""
    items = run(
        "# Bank\n\n### Question 10\n"
        "**Q:** Which command deploys an endpoint?\n\n**A:** `az ml online-endpoint create`\n"
    )
    assert _cards(items) == [
        ("qa", "Which command deploys an endpoint?", "`az ml online-endpoint create`")
    ]


def test_an_outline_of_skills_is_notes_and_a_list_of_tasks_still_asks():
    """An exam guide lists the skills it covers as lower-case verb phrases with no stop
    ("create a compute instance"): an outline, not tasks. The same items written as sentences
    ask."""
    outline = run(
        "## Manage compute\n"
        "* create a compute instance\n"
        "* determine compute specifications for a training workload\n"
        "* create compute targets for experiments and training\n\n"
        "A compute cluster scales from zero to many nodes.\n"
    )
    assert _cards(outline) == []
    tasks = run(
        "## Manage compute\n"
        "* Create a compute instance.\n"
        "* Determine compute specifications for a training workload.\n"
        "* Create compute targets for experiments and training.\n"
    )
    assert [kind for kind, _, _ in _cards(tasks)] == ["question"] * 3


def test_a_notebook_exercise_states_its_task_in_a_field_over_its_code(tmp_path):
    """`### Exercise 1.1: Simple Chain Rule` over `**Task:** …` and a code cell: the task is the
    question, answered by the code when it fills nothing in (a solution notebook), bare with
    the code as its note when the code leaves a blank. A paragraph over finished code is a
    demonstration, not an exercise: the code is given."""
    items = parse_notebook(tmp_path, [
        ("markdown", "# Backpropagation\n\n### Exercise 1.1: Simple Chain Rule\n\n"
                     "**Task:** Compute derivatives using the chain rule."),
        ("code", "def derivative(x):\n    return 6 * (3 * x + 2)"),
        ("markdown", "### Exercise 1.2: Training Loop\n\n**Task:** Build a training loop."),
        ("code", "def train(X, Y):\n    # Your code here\n    pass"),
        ("markdown", "### Exercise 1.3: MIRA\n\nWe provide an implementation of MIRA. "
                     "Compare it with the perceptron."),
        ("code", "import mira\nmira.run(data)"),
    ])  # fmt: skip
    assert _cards(items) == [
        ("qa", "Compute derivatives using the chain rule.",
         "```python\ndef derivative(x):\n    return 6 * (3 * x + 2)\n```"),
        ("question", "Build a training loop.", ""),
    ]  # fmt: skip
    notes = " ".join(i.answer for i in items if i.kind == "chunk")
    assert "# Your code here" in notes and "mira.run(data)" in notes
