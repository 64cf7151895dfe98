"""More layouts of third-party banks (see tests/test_parse_layouts.py)."""

from tests.notebooks import parse_notebook


def test_a_notebook_exercise_numbered_without_a_title_asks_its_task_field(tmp_path):
    """ "### Exercise 2.3" numbers an exercise whatever follows the number, and so does
    "Challenge 1:"; a task over starter code with blanks is left to the student even when a
    rule ("---") closes the cell before the next section."""
    items = parse_notebook(tmp_path, [
        ("markdown", "## Part 2: Gradients\n\n### Exercise 2.3\n\n"
                     "**Task:** Compute the gradient of the loss numerically."),
        ("code", "def numeric_grad(f, x):\n    # Your code here\n    pass"),
        ("markdown", "---\n\n### Challenge 1: Momentum\n\n**Task:** Add momentum to the update."),
        ("code", "def update(w, g, v):\n    # TODO\n    pass"),
        ("markdown", "---\n\n## Summary\n\nGradients can be checked numerically."),
    ])  # fmt: skip
    asked = [(i.kind, i.question) for i in items if i.kind != "chunk"]
    assert asked == [
        ("question", "Compute the gradient of the loss numerically."),
        ("question", "Add momentum to the update."),
    ]
    notes = " ".join(i.answer for i in items if i.kind == "chunk")
    assert "def numeric_grad" in notes and "def update" in notes
