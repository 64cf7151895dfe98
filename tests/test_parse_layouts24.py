"""More layouts of third-party banks (see tests/test_parse_layouts.py)."""

from tests.notebooks import parse_notebook
from tests.test_parse_layouts import run


def _cards(items):
    return [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"]


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


def test_question_and_answer_labels_in_other_languages_label_alike():
    """A Spanish, German or Vietnamese bank labels its questions and answers in its own words
    (`**Pregunta 1:**` / `**Respuesta:**`, `Frage:` / `Antwort:`, `Câu hỏi:` / `Đáp án:`)."""
    items = run(
        "# Repaso\n\n"
        "**Pregunta 1:** ¿Qué es el sobreajuste?\n\n"
        "**Respuesta:** El modelo memoriza el ruido de los datos de entrenamiento.\n\n"
        "Frage: Wozu dient die Validierungsmenge?\n\n"
        "Antwort: Sie wählt Hyperparameter, ohne die Testmenge zu berühren.\n\n"
        "Câu hỏi: Dropout là gì?\n\n"
        "Đáp án: Tắt ngẫu nhiên một số nơ-ron khi huấn luyện.\n"
    )
    assert _cards(items) == [
        ("qa", "¿Qué es el sobreajuste?",
         "El modelo memoriza el ruido de los datos de entrenamiento."),
        ("qa", "Wozu dient die Validierungsmenge?",
         "Sie wählt Hyperparameter, ohne die Testmenge zu berühren."),
        ("qa", "Dropout là gì?", "Tắt ngẫu nhiên một số nơ-ron khi huấn luyện."),
    ]  # fmt: skip


def test_an_answer_label_under_a_list_of_statements_does_not_ask_its_last_item():
    """A worked solution lists the rules it applies, then gives its result under `Answer:`:
    the label answers the exercise, not the list's last rule. A list's only item over an
    `Answer:` label is still the question it answers."""
    items = run(
        "# Duality\n\nWe write the dual of the linear program.\n\nRules:\n\n"
        "- Primal maximize becomes dual minimize\n"
        "- Matrix A becomes its transpose\n\n"
        "**Answer:** The dual minimizes 100y1 + 80y2.\n\n"
        "# Quiz\n\n"
        "76. Identify the incorrect element.\n\n"
        "**Answer:** The third one.\n"
    )
    assert "Matrix A becomes its transpose" not in [q for _, q, _ in _cards(items)]
    assert ("qa", "Identify the incorrect element.", "The third one.") in _cards(items)


def test_a_books_exercise_numbered_in_its_chapter_is_answered_by_its_labelled_solution():
    """ "## Exercise 2.1 ⋆" over its statement and then "**Proof.** …" / "**Solution.** …": the
    first paragraph asks, the rest of the statement is a note, and the answer starts after
    the label. An "Exercise 1.1" over instructions and code with no label names a step."""
    items = run(
        "# Chapter 2\n\n## Exercise 2.1 ⋆\n\n"
        "Verify that the Bernoulli distribution is normalized\n\n$$ \\sum_x p(x) = 1 $$\n\n"
        "and show that its mean is mu.\n\n"
        "**Proof.** The two values of x have probabilities 1 - mu and mu.\n\n"
        "## Exercise 2.2 (**)\n\nShow that the variance is mu(1 - mu).\n\n"
        "**Solution.** Subtract the squared mean from the second moment.\n\n"
        "## Exercise 2.3\n\nIn this exercise we load the data.\n\n```python\nload()\n```\n"
    )
    assert _cards(items) == [
        ("qa", "Verify that the Bernoulli distribution is normalized",
         "The two values of x have probabilities 1 - mu and mu."),
        ("qa", "Show that the variance is mu(1 - mu).",
         "Subtract the squared mean from the second moment."),
    ]  # fmt: skip
    notes = " ".join(i.answer for i in items if i.kind == "chunk")
    assert "its mean is mu" in notes and "load()" in notes


def test_a_latex_solution_is_its_proof_and_a_reference_prints_its_tagged_number(tmp_path):
    """LaTeX solutions: `\\begin{proof}` / `\\begin{solution}` print under their label, so they
    answer the exercise above them; `\\ref` to an equation numbered by `\\tag` prints the
    number, even alone in maths (`$\\ref{eq:bern}$`)."""
    from tests.test_formats import load_items

    tex = tmp_path / "solutions.tex"
    tex.write_text(
        "\\section*{Exercise 2.1 $\\star$}\nVerify that the Bernoulli distribution\n"
        "\\begin{equation*}\np(x) = \\mu^x (1 - \\mu)^{1-x} \\tag{2.2}\\label{eq:bern}\n"
        "\\end{equation*}\nis normalized.\n\n"
        "\\begin{proof}\nThe two probabilities sum to one.\n\\end{proof}\n\n"
        "\\section*{Exercise 2.2 $\\star \\star$}\n"
        "Show that the mean of ($\\ref{eq:bern}$) is $\\mu$.\n\n"
        "\\begin{solution}\nSum x times its probability.\n\\end{solution}\n"
    )
    qa = [(i.question, i.answer) for i in load_items(tex)[1] if i.kind == "qa"]
    assert qa == [
        ("Verify that the Bernoulli distribution", "The two probabilities sum to one."),
        ("Show that the mean of (2.2) is $\\mu$.", "Sum x times its probability."),
    ]


def test_a_question_answered_on_its_own_line_after_an_answer_label():
    """`1. *What is overfitting?* **Answer:** …`: the question, then its labelled answer, on
    one list item line, in any language a label is known in (`**Resposta:**`)."""
    items = run(
        "# Quiz\n\n"
        "1. *What is overfitting?* **Answer:** The model fits noise in the training data.\n\n"
        "2. What is underfitting? Answer: The model is too simple.\n\n"
        "3. *O que é regularização?* **Resposta:** Uma penalidade sobre os pesos.\n"
    )
    assert _cards(items) == [
        ("qa", "What is overfitting?", "The model fits noise in the training data."),
        ("qa", "What is underfitting?", "The model is too simple."),
        ("qa", "O que é regularização?", "Uma penalidade sobre os pesos."),
    ]
