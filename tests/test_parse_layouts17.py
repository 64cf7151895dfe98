"""Layout families found in the forty-first and later third-party batches, each on a small
hand-made input."""

import json
from pathlib import Path

from ingest.loaders import load
from ingest.parse import parse_document
from tests.notebooks import parse_notebook
from tests.test_parse_layouts import run

SHEET = (
    "# Sheet 4: Gradient methods\n\n"
    "## 1) Step size\n\nA quadratic bowl has curvature 4.\n\n"
    "1. Which step sizes converge?\n2. Which one is fastest?\n\n"
    "## A reminder from the lecture\n\nThe update is x minus eta times the gradient.\n\n"
    "### Pseudocode\n\n- repeat the update until the change is small\n\n"
    "## 1) Solution\n\nEvery step size below one half converges; one quarter is fastest.\n\n"
    "## 2) Momentum\n\nAdd a velocity term to the update of task 1.\n\n"
    "## Solution to task 2\n\nThe velocity averages past gradients, damping oscillation.\n"
)


def test_a_numbered_solution_heading_answers_the_task_of_its_number():
    """An exercise sheet whose `## N) Solution` heading follows the `## N) Title` task: the
    task's title is the question, the solution heading's section its answer, and the task's
    statement (its sub-tasks and the sub-headings before the solution) a note, not questions."""
    items = run(SHEET)
    assert [(it.kind, it.question, it.answer) for it in items if it.kind != "chunk"] == [
        ("qa", "Step size", "Every step size below one half converges; one quarter is fastest."),
        ("qa", "Momentum", "The velocity averages past gradients, damping oscillation."),
    ]
    notes = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "Which step sizes converge?" in notes and "until the change is small" in notes


def test_the_same_sheet_as_notebook_cells_reads_alike(tmp_path: Path):
    """A notebook whose task and solution are cells of their own, the solution in code cells
    after its heading cell."""
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "## 1) Step size\n\nWhich converge?"},
        {"cell_type": "markdown", "metadata": {}, "source": "## 1) Solution"},
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
         "source": "etas = [eta for eta in grid if eta < 0.5]"},
    ]  # fmt: skip
    path = tmp_path / "sheet.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 4}))  # fmt: skip
    items = parse_document(load(path), chunker=lambda t: [t])
    [qa] = [it for it in items if it.kind != "chunk"]
    assert qa.kind == "qa" and qa.question == "Step size" and "eta < 0.5" in qa.answer


def test_solutions_gathered_after_all_tasks_are_not_paired_across_tasks():
    """`## 1) Solution` after `## 2) …`: another task stands between, so nothing is taken as
    task 1's statement (task 2 would be swallowed into it)."""
    items = run(
        "## 1) Step size\n\nPick a step for the bowl.\n\n## 2) Momentum\n\nAdd a velocity term.\n\n"
        "## 1) Solution\n\nOne quarter is fastest.\n\n## 2) Solution\n\nIt damps oscillation.\n"
    )
    assert not [it for it in items if it.kind == "qa" and it.question == "Step size"]
    assert [it.section for it in items if "Add a velocity term." in it.answer] == ["2) Momentum"]


def test_a_solution_heading_numbered_apart_from_every_task_changes_nothing():
    items = run(
        "## Background\n\nGradients point uphill.\n\n## 3) Solution\n\nWalk downhill along the negative gradient.\n"
    )
    assert [(it.kind, it.section, it.answer) for it in items] == [
        ("chunk", "Background", "Gradients point uphill."),
        ("chunk", "3) Solution", "Walk downhill along the negative gradient."),
    ]


def test_an_exercise_a_checker_grades_is_a_bare_question(tmp_path: Path):
    """Kaggle Learn's `q_1.check()` / `q_2.hint()` and otter-grader's `grader.check("q3")`:
    the answer lives in the checker, so each titled task is a question left to the student
    (its title the question, whatever its wording), and its prompt and code a note."""
    items = parse_notebook(tmp_path, [
        ("markdown", "# 1) Satellite images #\n\nWhich flips suit photos taken from above?"),
        ("code", "# Check your answer\nq_1.check()"),
        ("markdown", "# 2) Add a rotation layer #\n\nAdd it to the model below."),
        ("code", "model = keras.Sequential([\n    # ____,\n])"),
        ("code", "#_COMMENT_IF(PROD)_\nq_2.hint()\nq_2.solution()"),
        ("markdown", "# 3) Pick a learning rate #\n\nTry three values and compare."),
        ("code", 'grader.check("q3")'),
    ])  # fmt: skip
    assert [(it.kind, it.question) for it in items if it.kind != "chunk"] == [
        ("question", "Satellite images"),
        ("question", "Add a rotation layer"),
        ("question", "Pick a learning rate"),
    ]
    notes = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "Which flips suit photos taken from above?" in notes and "q_2.hint()" in notes


def test_a_reading_list_entry_that_asks_in_its_description_is_no_question():
    """`- [Page title](url) - Rather compete for prizes? Train …`: the entry says what the
    linked page offers, and the list stays one run of prose."""
    items = run(
        "# Next steps\n\nCarry on with the bonus lessons below.\n\n"
        "- [Build a submission](https://example.org/a) - Prepare a file for the contest.\n"
        "- [Leaf disease contest](https://example.org/b) - Rather compete for prizes? Train a "
        "net on plant photos.\n"
    )
    assert [it.kind for it in items] == ["chunk"]
    assert "Rather compete for prizes?" in items[0].answer


def test_a_solution_announced_below_an_exercise_answers_it():
    """`**1.** task`, a blank code form, "*Compare your answer with the reference solution
    below*", then the solution: a code block, a MyST `{toggle}` block's text, or a paragraph.
    The task's paragraphs (from its bold number, without it) are the question; the form
    stays as a note."""
    items = run(
        "## Exercises\n\n**1.** All exercises use the iris data.\n\nLoad it and show five rows.\n\n"
        "```python\n# Write your code below to answer the question\n```\n\n"
        "*Compare your answer with the reference solution below*\n\n"
        "```python\ndf = load_iris(as_frame=True).frame\ndf.head()\n```\n\n"
        "**2.** Which species is hardest to separate?\n\n"
        "*Compare your answer with the solution below*\n\n"
        "```{toggle}\nVersicolor and virginica overlap in petal width.\n```\n\n"
        "**a**. Does a depth-two tree separate setosa?\n\n"
        "*Compare your answer with the solution below*\n\n"
        "Yes: one split on petal length isolates it.\n\n"
        "## Next chapter\n\nForests average many trees to cut variance.\n"
    )
    assert [(it.kind, it.question, it.answer) for it in items if it.kind != "chunk"] == [
        ("qa", "All exercises use the iris data. Load it and show five rows.",
         "```python\ndf = load_iris(as_frame=True).frame\ndf.head()\n```"),
        ("qa", "Which species is hardest to separate?",
         "Versicolor and virginica overlap in petal width."),
        ("qa", "Does a depth-two tree separate setosa?",
         "Yes: one split on petal length isolates it."),
    ]  # fmt: skip
    notes = [it.answer for it in items if it.kind == "chunk"]
    assert any("# Write your code below" in n for n in notes)
    assert any("Forests average many trees" in n for n in notes)


def test_a_solution_announced_with_nothing_below_changes_nothing():
    """No solution follows: the exercise stays bare (under "Exercises" a task, elsewhere a
    note), and the announcement answers nothing."""
    items = run("## Exercises\n\n**1.** Plot the tree you fitted.\n\n*See the solution below*\n")
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("question", "Plot the tree you fitted.", "")
    ]
    items = run("## Trees\n\n**1.** Plot the tree you fitted.\n\n*See the solution below*\n")
    assert [it.kind for it in items] == ["chunk"]
    assert "Plot the tree you fitted." in items[0].answer


def test_numbered_statements_with_their_verdicts_are_true_false_cards():
    """A true/false quiz typed as numbered statements each followed by its verdict (the dots
    escaped, `1\\.`, as GitBook's converter writes them): the statement asks, the verdict
    answers. Two such lines in a note are prose."""
    items = run(
        "#### Trees\n\n"
        "1\\. A deeper tree has lower bias. - True,\n\n"
        "2\\. Bagging reduces the bias of a tree.(False,\n\n"
        "3\\. Gini impurity is zero for a pure node. (True,\n\n"
        "4\\. Pruning is done on samples of 300 or more. False,\n\n"
        "5\\. Which ensemble uses bootstrap samples?\n"
    )
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("qa", "A deeper tree has lower bias.", "True"),
        ("qa", "Bagging reduces the bias of a tree.", "False"),
        ("qa", "Gini impurity is zero for a pure node.", "True"),
        ("qa", "Pruning is done on samples of 300 or more.", "False"),
        ("question", "Which ensemble uses bootstrap samples?", ""),
    ]
    two = run("1. Set the flag to True\n2. Leave the cache as it is. False\n")
    assert all(it.kind == "chunk" for it in two)


def test_letters_styled_by_code_point_read_as_plain_letters():
    """ "Fancy text" pasted from social posts (𝘞𝘩𝘢𝘵 𝘪𝘴 𝘵𝘩𝘦 𝘱-𝘷𝘢𝘭𝘶𝘦?) is stored as the
    letters it styles, so a search for "p-value" finds it."""
    [item] = run("**Q. 𝘞𝘩𝘢𝘵 𝘪𝘴 𝘵𝘩𝘦 𝘱-𝘷𝘢𝘭𝘶𝘦?**\n\n𝐓𝐡𝐞 chance of data this extreme under H0.\n")
    assert item.question == "What is the p-value?"
    assert item.answer == "The chance of data this extreme under H0."


def test_question_and_answer_labels_in_italics():
    """`*Q: question*` over `*A:* answer`, as a Jekyll guide's troubleshooting section writes
    them, read as the bold labels they stand for."""
    items = run(
        "## Troubleshooting\n\n*Q: Why does training take forever?*\n\n"
        "*A:* Every sentence was loaded as one long sentence, so each window runs far.\n\n"
        "_Q:_ How much memory does it use?\n\n*A:*The weight matrix dominates the footprint.\n"
    )
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("qa", "Why does training take forever?",
         "Every sentence was loaded as one long sentence, so each window runs far."),
        ("qa", "How much memory does it use?", "The weight matrix dominates the footprint."),
    ]  # fmt: skip


def test_a_numbered_faq_entry_answers_over_its_own_sub_headings():
    """`### 2. Use custom models` under a FAQ, answered over `#####` sub-sections that do not
    ask: the entry is a question and its sub-sections are its answer."""
    items = run(
        "# Frequently Asked Questions\n\n### 1. How to train\n\nRun the train command.\n\n"
        "### 2. Use custom models\n\nAny model that maps text to scores works.\n\n"
        "##### Model from a file\n\nPoint the loader at the file that builds it.\n\n"
        "### 3. The attack is too slow\n\nUse more GPUs at once.\n"
    )
    assert [(it.kind, it.question) for it in items] == [
        ("qa", "How to train"), ("qa", "Use custom models"), ("qa", "The attack is too slow"),
    ]  # fmt: skip
    assert "Point the loader at the file" in items[1].answer


def test_a_cell_that_asks_in_an_exercise_notebook_is_a_bare_question(tmp_path: Path):
    """In a notebook whose headings name exercises, a Markdown cell that is one paragraph
    ending in a question asks the student; in a tutorial notebook the same cell is prose."""
    cells = [
        ("markdown", "## Exercise 1.2\n\nWe provide a perceptron."),
        ("code", "perc.train(X, y)"),
        ("markdown", "Save the weights every five epochs and plot them. What do you observe?"),
        ("code", "plot(weights)"),
        ("markdown", "The margin grows as the weights settle."),
    ]
    items = parse_notebook(tmp_path, cells)
    assert [(it.kind, it.question) for it in items if it.kind != "chunk"] == [
        ("question", "Save the weights every five epochs and plot them. What do you observe?")
    ]
    tutorial = parse_notebook(tmp_path, [("markdown", "## Perceptrons"), *cells[1:]])
    assert all(it.kind == "chunk" for it in tutorial)


def test_a_glossary_of_bold_term_paragraphs_is_cards():
    """Ten or more paragraphs in a row each opening with a distinct bold term (`***p*-value**`
    with its italics too) are a glossary; five bold lead-ins of prose are not."""
    terms = ["bias", "variance", "***p*-value**", "power", "effect size", "sample", "statistic",
             "parameter", "quantile", "skew"]  # fmt: skip
    text = "\n\n".join(
        (t if t.startswith("*") else f"**{t}**") + f": The definition of {t.strip('*')} here."
        for t in terms
    )
    items = run(text + "\n")
    assert [(it.kind, it.question) for it in items][:3] == [
        ("qa", "bias"), ("qa", "variance"), ("qa", "p-value"),
    ]  # fmt: skip
    assert len(items) == 10 and items[0].answer == "The definition of bias here."
    lead_ins = run(
        "\n\n".join(f"**Pitfall {n}**: Forgetting step {n} of the recipe." for n in "abcde")
    )
    assert all(it.kind == "chunk" for it in lead_ins)


def test_a_bookdown_glossary_page_reads_its_numbered_terms(tmp_path: Path):
    """A bookdown page of a glossary site: the site's title bar names the glossary, and pandoc's
    section numbers (`<span class="header-section-number">17.1</span>`) are no part of a title."""
    number = '<span class="header-section-number">{}</span> '
    page = (
        '<html><body><header><h1><a href="index.html">Glossary</a></h1></header><main>'
        f"<h1>{number.format('17')}P</h1>"
        f"<h2>{number.format('17.1')}p-value</h2><p>The chance of data this extreme.</p>"
        f"<h2>{number.format('17.2')}power</h2><p>The chance of rejecting a false null.</p>"
        f"<h2>{number.format('17.3')}population</h2><p>Everyone we wish to generalise to.</p>"
        "</main></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    items = parse_document(load(tmp_path / "p.html"), chunker=lambda t: [t])
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("qa", "p-value", "The chance of data this extreme."),
        ("qa", "power", "The chance of rejecting a false null."),
        ("qa", "population", "Everyone we wish to generalise to."),
    ]


def test_a_show_answer_control_is_no_part_of_the_question_above_it():
    """`**Q6.** question` over a `<details>` whose summary only names the control ("Show
    answer") and whose content is labelled `**Answer:**`: the control is a label."""
    items = run(
        "### Test your understanding\n\n**Q6.** What is the gradient of softmax cross-entropy?\n\n"
        "<details><summary>Show answer</summary>\n\n"
        "**Answer:** The predicted probabilities minus the one-hot target.\n\n</details>\n"
    )
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("qa", "What is the gradient of softmax cross-entropy?",
         "The predicted probabilities minus the one-hot target."),
    ]  # fmt: skip


def test_a_list_under_a_what_you_will_learn_heading_lists_aims():
    """Objectives under "### What you'll learn" ("Derive gradients …", "Implement gradient
    checking …") say what the module teaches; they are not tasks for the quiz."""
    items = run(
        "## Module 2\n\n### What you'll learn\n\n- Derive gradients for a two-layer network\n"
        "- Implement gradient checking and validate derivatives\n- Explain why ReLU helps\n"
    )
    assert [it.kind for it in items] == ["chunk"]
    assert "Implement gradient checking" in items[0].answer


def test_options_before_a_show_answer_fold_follow_the_revealed_answer():
    """`**Q4.** question`, lettered options, then a "Show answer" fold with `**Answer:** …`:
    the revealed answer leads (what the chat quotes), the options follow with their letters,
    and the quiz still shows them on the card with the revealed answer as the key. An
    `Answer: B` that only names a letter keeps the options first."""
    from rag.quiz_choices import split_choices

    [item] = run(
        "**Q4.** What does variance measure?\n\n- a) The bias of the mean\n"
        "- b) How much predictions change with the training set\n- c) The noise floor\n\n"
        "<details><summary>Show answer</summary>\n\n"
        "**Answer:** How much predictions change with the training set.\n\n"
        "It is the model's sensitivity to its sample.\n\n</details>\n"
    )
    assert item.question == "What does variance measure?"
    assert item.answer.startswith("How much predictions change with the training set.")
    assert "- a) The bias of the mean" in item.answer and "Show answer" not in item.answer
    options, key = split_choices(item.answer)
    assert options.splitlines()[0] == "- a) The bias of the mean"
    assert key.startswith("How much predictions change") and "- a)" not in key
    [keyed] = run("**Q1.** Which is convex?\n\n- A) x squared\n- B) sine\n\n**Answer:** A\n")
    assert keyed.answer.startswith("- A) x squared")


def test_the_questions_a_lesson_episode_lists_in_its_front_matter_are_asked():
    """A Carpentries episode keeps the questions its page prints in its YAML front matter
    (`questions:`); the rest of the front matter prints nothing."""
    items = run(
        '---\ntitle: "Gradient descent"\nteaching: 20\nquestions:\n- "How does training '
        'optimise?"\n- "What is overfitting?"\nobjectives:\n- "Discuss the loss."\n---\n\n'
        "## Definitions\n\nA loss function scores how well a model fits its data.\n"
    )
    assert [(it.kind, it.question) for it in items if it.kind != "chunk"] == [
        ("question", "How does training optimise?"), ("question", "What is overfitting?"),
    ]  # fmt: skip
    assert not any("Discuss the loss" in it.answer or "teaching" in it.answer for it in items)


def test_a_remark_slide_deck_reads_as_its_slides(tmp_path: Path):
    """A remark.js deck saved as HTML keeps its slides as Markdown in `<textarea id="source">`:
    `#Title` is a title, `???` opens the presenter's notes (text of the slide, not a
    collapsible question), `class:` lines and `.center[` wrappers print nothing."""
    page = (
        '<html><body><textarea id="source">\nclass: center, middle\n\n# Neural Networks\n\n'
        "---\n\n#Backpropagation\n\n.center[\n![](img/graph.png)\n]\n\n"
        "Gradients flow backwards through the graph.\n???\nThe chain rule applied layer by "
        "layer gives every weight its gradient.\n\n---\n\n#Learning rate\n\n"
        "Too large and the loss diverges.\n</textarea>"
        '<script src="https://remarkjs.com/downloads/remark-latest.min.js"></script>'
        "<script>var slideshow = remark.create();</script></body></html>"
    )
    (tmp_path / "slides.html").write_text(page)
    items = parse_document(load(tmp_path / "slides.html"), chunker=lambda t: [t])
    assert all(it.kind == "chunk" for it in items)
    sections = {it.section for it in items}
    assert {"Backpropagation", "Learning rate"} <= sections
    backprop = " ".join(it.answer for it in items if it.section.endswith("Backpropagation"))
    assert "Gradients flow backwards" in backprop and "The chain rule applied" in backprop
    assert "class:" not in backprop and ".center[" not in backprop
