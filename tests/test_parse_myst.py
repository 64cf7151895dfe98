"""MyST directives read as the page prints them: boxes as their title and text, gated
exercises over their solution, options and notebook cell breaks printing nothing."""

from tests.test_parse_layouts import qa, run


def text_of(items):
    return "\n".join(f"{i.question}\n{i.answer}" for i in items)


def test_a_gated_exercise_is_answered_by_its_gated_solution():
    """sphinx-exercise's gated form (as Jupyter Books such as QuantEcon's write exercises):
    the start and end markers are empty directives, in colon or backtick fences, with or
    without a space before the name."""
    items = run(
        "# Exercises\n\n## Array manipulations\n\n"
        "::: {exercise-start}\n:label: rows\n:class: dropdown\n:::\n\n"
        "Form the 2-D array and generate a new array of its 2nd and 4th rows.\n\n"
        "::: {exercise-end}\n:::\n\n"
        "::: {solution-start} rows\n:class: dropdown\n:::\n\n"
        "Take `a[1::2]` of the array.\n\n"
        ":::{note}\nRows count from zero.\n:::\n\n"
        "::: {solution-end}\n:::\n\n"
        "## Broadcasting\n\n"
        "```{exercise-start}\n:label: cols\n```\n\nDivide each column by a vector.\n\n"
        "```{exercise-end}\n```\n\n"
        "```{solution-start} cols\n:class: dropdown\n```\n\n"
        "```python\na / b[:, np.newaxis]\n```\n\n```{solution-end}\n```\n"
    )
    assert qa(items) == [
        ("qa", "Array manipulations", "Take `a[1::2]` of the array."),
        ("qa", "Broadcasting", "```python"),
    ]
    first = next(i for i in items if i.kind == "qa")
    assert "Rows count from zero." in first.answer  # a box inside the solution stays in it
    statements = [i.answer for i in items if i.kind == "chunk"]
    assert statements == [
        "Form the 2-D array and generate a new array of its 2nd and 4th rows.",
        "Divide each column by a vector.",
    ]
    assert ":label:" not in text_of(items) and ":class:" not in text_of(items)


def test_a_box_prints_its_title_and_text_without_fences_or_options():
    items = run(
        "## Evaluation\n\nHow do you evaluate an agent?\n\n"
        ":::{note} Wrappers\n:class: margin\nWrappers change episode rewards.\n:::\n\n"
        "```{tip}\nUse a separate test environment.\n```\n\n"
        "::::{admonition} Nested\n:::{warning}\nSeeds matter.\n:::\n::::\n"
    )
    shown = text_of(items)
    for gone in (":::", "```", "{note}", "{tip}", "{warning}", ":class:"):
        assert gone not in shown
    for kept in ("Wrappers", "Wrappers change episode rewards.", "Use a separate test environment.",
                 "Nested", "Seeds matter."):  # fmt: skip
        assert kept in shown


def test_code_cells_lose_their_options_and_notebook_cell_breaks_print_nothing():
    items = run(
        '# Autodiff\n\n+++ {"id": "QQaP"}\n\nDifferentiate with `grad`:\n\n'
        "```{code-cell} ipython3\n:id: 0NLO\n:outputId: 9f2c\n\ngrad_tanh = grad(jnp.tanh)\n```\n\n"
        "+++\n\nA `{note}` in prose and a fenced example stay as written:\n\n"
        "````md\n```{note}\nShown as source.\n```\n````\n"
    )
    shown = text_of(items)
    assert "+++" not in shown and ":id:" not in shown and ":outputId:" not in shown
    assert "```{code-cell} ipython3\n\ngrad_tanh = grad(jnp.tanh)\n```" in shown
    assert "````md\n```{note}\nShown as source.\n```\n````" in shown


def test_a_box_after_a_code_cell_is_unwrapped_too():
    """A code cell's closing fence does not open a code block of its own."""
    items = run(
        "# Notes\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
        ":::{note} Careful\nThe cell above runs first.\n:::\n\n```\nplain code\n```\n"
    )
    shown = text_of(items)
    assert ":::" not in shown and "Careful" in shown and "```\nplain code\n```" in shown
