"""Layout families found in the forty-sixth and later third-party batches, each on a small
hand-made input."""

from tests.test_parse_layouts import run

GRADED_SHEET = (
    "# Sheet 3: Backpropagation\n\n"
    "# Ex.01: Hidden-layer updates (2P)\n\n"
    "The lecture derived the updates for the output layer. Derive the updates\n"
    "for the first hidden layer, with the sigmoid in every layer.\n\n"
    "*Topic*: backpropagation\n\n"
    "# Ex.02: An MLP by hand (6P)\n\n"
    "Build a feed-forward network with one hidden layer.\n\n"
    "-   (2P) Program the forward pass, with a sigmoid at the output\n"
    "    and ReLU in the hidden layer.\n\n"
    "-   (4 points) Program the backward pass. Reuse the derivatives of\n"
    "    the layer behind. Train it on iris.\n\n"
    "If the training error stays high, widen the network and train again.\n"
    "After how many epochs is the error near zero?\n\n"
    "*Topic*: sizing a network\n"
)


def _asked(items):
    return [(it.kind, it.question) for it in items if it.kind != "chunk"]


def _cards(items):
    return [(it.kind, it.question, it.answer) for it in items if it.kind != "chunk"]


def test_tasks_that_give_points_are_questions_left_to_the_student():
    """An exercise sheet whose headings give points: each list item that gives points first is
    a task of its own, read to the item's end with its points dropped; a paragraph after the
    tasks that asks is one more; a heading with no such items asks in its first paragraph. The
    sheet gives no answers: the field filing a task ("*Topic*: …") answers nothing. The headings
    stay as written, and the statement above the items is a note."""
    items = run(GRADED_SHEET)
    assert {it.section for it in items} == {
        "Ex.01: Hidden-layer updates (2P)",
        "Ex.02: An MLP by hand (6P)",
    }
    assert any("Build a feed-forward network" in it.answer for it in items if it.kind == "chunk")
    assert _asked(items) == [
        (
            "question",
            "The lecture derived the updates for the output layer. Derive the updates for the "
            "first hidden layer, with the sigmoid in every layer.",
        ),
        (
            "question",
            "Program the forward pass, with a sigmoid at the output and ReLU in the hidden layer.",
        ),
        (
            "question",
            "Program the backward pass. Reuse the derivatives of the layer behind. Train it on "
            "iris.",
        ),
        (
            "question",
            "If the training error stays high, widen the network and train again. After how "
            "many epochs is the error near zero?",
        ),
    ]


def test_a_field_filing_a_question_is_no_answer_but_an_answer_field_is():
    """`**Difficulty:** easy` under a question files it; `**Answer:** …` answers it."""
    filed = run("## Bank\n\n**Q:** Why clip gradients?\n\n**Difficulty:** easy\n")
    answered = run("## Bank\n\n**Q:** Why clip gradients?\n\n**Answer:** To stop them exploding.\n")
    assert _asked(filed) == [("question", "Why clip gradients?")]
    assert [(it.kind, it.answer) for it in answered] == [("qa", "To stop them exploding.")]


def test_points_beside_a_question_are_not_words_of_it():
    """Marks printed before or after a question ("(1P)", "[5 points]") are dropped from it."""
    items = run("## Quiz\n\n- (1P) What does dropout do?\n- Why normalise inputs? [5 points]\n")
    assert [it.question for it in items] == ["What does dropout do?", "Why normalise inputs?"]


DECK = (
    "## Training\n\n---\n\n### Dropout\n\nDisable a share of the inputs at random.\n\n---\n\n"
    "### Batch normalisation\n\nNormalise each layer's output per batch.\n\n"
    "Note:\nThis stabilises learning and cuts the number of epochs needed.\n---\n\n"
    "### When do we stop training?\n\nHow many epochs should we train the model?\n\n"
    "Like other settings, we won't know until we've started training.\n\n---\n\n"
    "### How good is your data?\n\n"
    "* Is your dataset balanced?\n  * An ideal dataset has equal samples per category.\n"
    "* Is there human bias in it?\n  * It can lead to ethical concerns.\n\n---\n\n"
    "### Early stopping\n\nStop when the validation loss starts to rise.\n\n---\n\n"
    "### Augmentation\n\nFlip and crop the images.\n"
)


def test_a_slide_deck_s_rule_under_a_slide_s_last_line_separates_slides():
    """In a deck whose slides `---` lines separate, a `---` set right under a slide's last line
    ends the slide: the line is no heading over the next slide's question."""
    items = run(DECK)
    assert "This stabilises learning" not in " ".join(it.section for it in items)
    assert any("This stabilises learning" in it.answer for it in items if it.kind == "chunk")


def test_a_one_line_question_under_a_question_continues_it():
    """ "When do we stop training?" over a paragraph that is one more question, then the answer:
    the question is both lines, the answer what follows."""
    asked = {it.question: it.answer for it in run(DECK) if it.kind == "qa"}
    assert asked["When do we stop training? How many epochs should we train the model?"] == (
        "Like other settings, we won't know until we've started training."
    )


def test_a_checklist_of_answered_questions_answers_the_heading_that_asks():
    """Under "How good is your data?", questions each answered by an item nested under them are
    the heading's answer, a checklist; under a heading that does not ask, or with the questions
    left bare, they stay a list of questions."""
    asked = {it.question: it.answer for it in run(DECK) if it.kind == "qa"}
    assert asked["How good is your data?"].startswith("* Is your dataset balanced?")
    bank = run(
        "## Data quality\n\n* Is your dataset balanced?\n  * An ideal dataset has equal samples per category.\n"
        "* Is there human bias in it?\n  * It can lead to ethical concerns.\n"
    )
    assert [it.question for it in bank] == [
        "Is your dataset balanced?",
        "Is there human bias in it?",
    ]
    bare = run("## How good is your data?\n\n* Is it balanced?\n* Is it biased?\n")
    assert [(it.kind, it.question) for it in bare] == [
        ("question", "Is it balanced?"),
        ("question", "Is it biased?"),
    ]


def test_the_steps_of_a_procedure_are_no_tasks():
    """A list a sentence introduces as steps ("repeat the following two steps until …",
    "Three steps for learning:") is a procedure, its imperatives no questions; a question asked
    after the steps in the same list still asks."""
    items = run(
        "## Gradient descent\n\nPick a start, then repeat the following two steps until the loss"
        " stops falling\n\n1. Evaluate the gradient of the loss.\n2. Update the parameters.\n\n"
        "## Frameworks\n\nThree steps for learning:\n\n- Build the computation graph\n"
        "- Create an optimizer\n- Run the computation\n- Why build the graph first?\n"
    )
    assert _asked(items) == [("question", "Why build the graph first?")]
    notes = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "Evaluate the gradient" in notes and "Build the computation graph" in notes


def test_a_slide_inviting_questions_asks_none():
    """A deck's closing "# Questions ?" slide, or "## Any questions?" over the organisers'
    contact, titles a slide: no question for the quiz."""
    items = run("# Training\n\nUse a small learning rate.\n\n# Questions ?\n")
    assert [it.kind for it in items] == ["chunk"]
    items = run("## Any questions?\n\nWrite to the course team at any time of the week.\n")
    assert [it.kind for it in items] == ["chunk"]


COURSE = """---
title: 'Chapter 3: Resampling'
---

<exercise id="1" title="Why resample" type="slides">

<slides source="chapter3_01">
</slides>

</exercise>

<exercise id="2" title="Which model is best?">

Of the two models you fit, which do you expect to do better on new data?

<choice>
<opt text="Random forest">

It found none of the people who did not vote.

</opt>

<opt text="Logistic regression" correct="true">

It did better on both classes.

</opt>
</choice>

</exercise>

<exercise id="3" title="Create folds">

Cross-validation needs folds of the training data.

**Instructions**

- Load the package.
- Make ten folds of `train`.

The data has one row per voter.

<codeblock id="03_03">

Use `vfold_cv(train, v = 10)`.

</codeblock>

</exercise>
"""


def test_a_course_exercise_is_a_section_its_choice_a_question_its_instructions_a_task():
    """Ines Montani's course framework: an exercise is a section titled by its title; a
    multiple-choice exercise asks its stem (after its title when the title asks) and is
    answered by its options in order, then the key with each option's feedback; the list under
    `**Instructions**` is one bare task, its hint and the text around it a note; a slide
    player and the framework's tags leave nothing behind; the chapter's front-matter title
    heads the page."""
    items = run(COURSE)
    asked = [(it.kind, it.section, it.question, it.answer) for it in items if it.kind != "chunk"]
    assert asked == [
        (
            "qa",
            "Chapter 3: Resampling > Which model is best?",
            "Which model is best? Of the two models you fit, which do you expect to do better "
            "on new data?",
            "- Random forest\n- Logistic regression\nCorrect: Logistic regression. It did better "
            "on both classes. Random forest: It found none of the people who did not vote.",
        ),
        (
            "question",
            "Chapter 3: Resampling > Create folds",
            "Load the package. Make ten folds of `train`.",
            "",
        ),
    ]
    notes = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "one row per voter" in notes and "Hint:** Use `vfold_cv" in notes
    assert "<" not in notes and not any("Why resample" in it.section for it in items)


def test_a_task_standing_alone_under_instructions_is_a_question():
    """Outside a course exercise, `**Instructions**` over a paragraph that ends in ":" and the
    list completing it, alone under its heading: one bare task. With more after the task (more
    tasks, perhaps, or its answer), the label is left as written."""
    items = run(
        "## Lab\n\n**Instructions**\n\nFit a model, choosing:\n\n- the split\n- the metric\n\n"
        "## Next lab\n\nTune it.\n"
    )
    assert _asked(items) == [("question", "Fit a model, choosing: the split the metric")]
    kept = run("## Lab\n\n**Instructions**\n\nFit a model.\n\n- Which metric is best here?\n")
    assert [(it.kind, it.question) for it in kept if it.kind != "chunk"] == [
        ("question", "Which metric is best here?")
    ]


def test_a_callout_exercise_asks_its_statement_and_the_lesson_goes_on_after_it():
    """A Quarto exercise callout titled only "## Exercise", its answer in a collapsed callout:
    the statement is the question (the title names no question), the answer callout answers
    it, and the lesson's text after the boxes belongs to the section again, not to the box."""
    items = run(
        "## Exercises\n\nLoad the data first.\n\n"
        "::: {.callout-important}\n## Exercise\nPlot the first two principal components.\n:::\n\n"
        '::: {.callout-tip collapse="true"}\n## Answer\nCall `DimPlot` with `reduction = "pca"`.\n'
        ":::\n\nThe elbow plot ranks the components by the variance that each of them explains.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Plot the first two principal components.",
            'Call `DimPlot` with `reduction = "pca"`.',
        )
    ]
    after = next(it for it in items if "elbow plot" in it.answer)
    assert after.section == "Exercises"


def test_a_solution_manual_s_entries_are_the_exercises_it_solves():
    """Under a "2 Solutions" chapter, each numbered entry is an exercise whatever its wording:
    answered by the text under it, or bare when the manual gives no solution; its section
    number is no word of the question."""
    items = run(
        "## 2 Solutions\n\n### 2.1 Conditional independence\n\n"
        "### 2.2 Variance of a sum\n\nExpand the square; the cross term is twice the covariance.\n"
    )
    assert [(it.kind, it.question, it.answer) for it in items] == [
        ("question", "Conditional independence", ""),
        ("qa", "Variance of a sum", "Expand the square; the cross term is twice the covariance."),
    ]


ANSWER_KEY = """```{r setup, echo = FALSE}
knitr::opts_chunk$set(include = params$answers, echo = params$answers)
```

# Preliminaries

##

**Load the packages.**

Use `library()` for **mice** and
**naniar**.

```{r}
library(mice)
```

---

Use the summary to answer the next question.

##

**Which variable has the most
missing values?**

```{asis}
The cholesterol variable, `chl`.
```
"""


def test_an_r_markdown_answer_key_reads_as_it_knits_with_the_answers_on():
    """An R Markdown lab whose chunks show only with the answers: each empty `##` heading
    (numbered by bookdown) titles an item whose bold line, over as many lines as its bold
    runs, is the question; the chunks are the answer, the instructions before them a note.
    A chunk header names the block's language; an `asis` chunk is text."""
    items = run(ANSWER_KEY)
    asked = [(it.question, it.answer) for it in items if it.kind != "chunk"]
    assert asked == [
        ("Load the packages.", "```r\nlibrary(mice)\n```"),
        ("Which variable has the most missing values?", "The cholesterol variable, `chl`."),
    ]
    notes = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "Use `library()` for" in notes and "opts_chunk" not in " ".join(a for _, a in asked)


def test_a_part_label_heading_asks_its_first_paragraph():
    """A homework's "### Part A.II" only numbers the part: the question is its first paragraph,
    all its lines; an answer field left as "# Your code here" answers nothing."""
    items = run(
        "## Problem 1 - Regression\n\n### Part A.II\n\nTrain the model for 20,000 iterations.\n"
        "Store the returned ELBO values.\n\n**Answer:**\n\n```python\n# Your code here\n```\n"
    )
    assert _asked(items) == [
        ("question", "Train the model for 20,000 iterations. Store the returned ELBO values.")
    ]


def test_a_lesson_box_titled_by_a_question_is_that_question():
    """sphinx-lesson's `:::{discussion} Why …?` box: its title asks, its text answers; its
    other boxes (`:::{callout} Title`) are their title and text."""
    items = run(
        "## K-means\n\n:::{discussion} Why does K-means suggest two clusters?\n\n"
        "Two of the species overlap in every measured feature.\n:::\n\n"
        ":::{callout} Hierarchical clustering\n\nMerges the closest pair of clusters at each step.\n:::\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Why does K-means suggest two clusters?",
            "Two of the species overlap in every measured feature.",
        )
    ]
    assert not any(":::" in it.answer for it in items)


def test_a_template_include_with_a_title_and_a_text_is_a_section():
    """Liquid's `{% include faq-element f-title: "…?", f-copy: "…" %}` renders a FAQ entry:
    the title a question heading, the text (its lines as the template prints them) the
    answer. An include whose text starts on its first line is left as written."""
    items = run(
        "# FAQs\n\n{% include partials/faq-element\n"
        '    f-title: "How many datapoints can the tool handle?",\n    f-copy: "\n\n'
        "    Hundreds of thousands of tabular rows.\n\n    Fewer when they hold images.\n"
        '" %}\n'
    )
    assert [(it.kind, it.question, it.answer) for it in items] == [
        (
            "qa",
            "How many datapoints can the tool handle?",
            "Hundreds of thousands of tabular rows.\n\nFewer when they hold images.",
        )
    ]
    kept = run(
        '# FAQs\n\n{% include card.html title="Why?" content="Because it is so written." %}\n'
    )
    assert "{% include" in " ".join(it.answer for it in kept)


QUARTO_COURSE = """## Libraries and functions

::: {.callout-note collapse="true"}
## Click to expand

::: {.panel-tabset group="language"}
## R

| Library | Description |
|---|---|
| `tidyverse` | A collection of R packages for data science. |

## Python

| Library | Description |
|---|---|
| `pandas` | A Python data analysis and manipulation tool. |
:::
:::

## Exercises

### Finch beaks

:::{.callout-exercise}

Practice the clustering workflow on the `finches` data set.

::: {.callout-answer collapse="true"}

#### Load and visualise

::: {.panel-tabset group="language"}
## R

```{r}
#| message: false
finches <- read_csv("data/finch_beaks.csv")
```

## Python

```{python}
finches_py = pd.read_csv("data/finch_beaks.csv")
```
:::

#### Conclusions

Two clusters capture the two species.
:::
:::
"""


def test_a_quarto_course_exercise_with_tabbed_answers():
    """A Quarto course page: `callout-answer` is an answer box, its sub-headings part of the
    answer, not sections of the page; a tab set's headings label tabs (a language's name over
    its code says nothing more); a chunk's `#|` options print nothing; a "Click to expand" box
    under a heading that does not ask is a note, not an answer."""
    items = run(QUARTO_COURSE)
    asked = _asked(items)
    assert asked == [("qa", "Finch beaks")]
    answer = next(it.answer for it in items if it.kind == "qa")
    assert answer.startswith("Load and visualise\n")
    assert '```r\nfinches <- read_csv("data/finch_beaks.csv")\n```' in answer
    assert "Two clusters capture the two species." in answer
    assert "#|" not in answer and "**R**" not in answer
    notes = " ".join(it.answer for it in items if it.kind == "chunk")
    assert "tidyverse" in notes and "pandas" in notes


def test_a_contents_list_linking_to_the_page_s_own_questions_asks_nothing():
    """A FAQ's numbered contents, each entry a full URL to a heading of the same page
    (`[What is OOF?](https://github.com/x/y#10-what-is-oof)`), lists the questions the headings
    ask: each is asked once, by its heading. A linked question no heading asks still asks."""
    items = run(
        "# Stacking FAQ\n\n1. [What is OOF?](https://github.com/x/y#1-what-is-oof)\n"
        "2. [Why stack at all?](https://example.org/stacking-guide)\n\n"
        "### 1. What is OOF?\n\nOut-of-fold predictions, made for rows the model did not see.\n"
    )
    assert _asked(items) == [
        ("question", "Why stack at all?"),
        ("qa", "What is OOF?"),
    ]


def test_a_statement_and_its_solution_under_headings_named_by_an_identifier():
    """A Spanish exam: "### Enunciado AAII.EX.1" states the question (its first paragraph asks,
    its options follow) and "### Solución AAII.EX.1", named by the same identifier, answers it."""
    items = run(
        "## AAII.EX.1\n\n### Enunciado AAII.EX.1\n\n"
        "El principio del bagging establece que, al promediar predicciones…\n\n"
        "- A. la varianza aumenta.\n- B. la varianza disminuye sin alterar el sesgo.\n\n"
        "### Solución AAII.EX.1\n\nLa respuesta correcta es **B**.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "El principio del bagging establece que, al promediar predicciones",
            "La respuesta correcta es **B**.",
        )
    ]


def test_a_course_choice_asked_by_its_title_alone():
    """A `<choice>` exercise with no stem, its title asking: the title is the question."""
    items = run(
        '<exercise id="1" title="Which model is best?">\n\n<choice>\n'
        '<opt text="Random forest">\n\nIt missed a class.\n\n</opt>\n'
        '<opt text="Logistic regression" correct="true">\n\nIt did better.\n\n</opt>\n'
        "</choice>\n\n</exercise>\n"
    )
    assert [(it.question, it.answer) for it in items] == [
        (
            "Which model is best?",
            "- Random forest\n- Logistic regression\nCorrect: Logistic regression. It did better. "
            "Random forest: It missed a class.",
        )
    ]


def test_a_hugo_challenge_box_is_a_task_and_other_notices_are_sections():
    """Hugo's `{{% notice challenge "Title" %}}` box sets a task: a bare question titled by it,
    its steps a note; a `{{% notice tip %}}` box is a section of its text."""
    items = run(
        "## Project challenges\n\n"
        '{{% notice challenge "Impute missing values" %}}\n\n'
        "1. Read the cars data set into a data frame.\n2. Impute its missing values.\n"
        "{{% /notice %}}\n\n"
        "{{% notice tip %}}\nKeep the test split apart before you impute anything at all.\n"
        "{{% /notice %}}\n"
    )
    assert _asked(items) == [("question", "Impute missing values")]
    notes = {it.section: it.answer for it in items if it.kind == "chunk"}
    assert "Read the cars data set" in notes["Project challenges > Impute missing values"]
    assert "Keep the test split apart" in notes["Project challenges > Tip"]
    assert not any("{{" in it.answer for it in items)


def test_a_sphinx_glossary_entry_with_several_terms_is_one_card(tmp_path):
    """`.. glossary::` entries may name several terms over one definition ("Average treatment
    effect" / "ATE"): one card under the first term, the others kept with its definition."""
    from ingest.loaders import load
    from ingest.parse import parse_document

    path = tmp_path / "glossary.rst"
    path.write_text(
        "Glossary\n========\n\n.. glossary::\n   :sorted:\n\n"
        "   ANCOVA\n      A linear model with a covariate and a group factor.\n\n"
        "   Average treatment effect\n   ATE\n      The average effect across all units.\n\n"
        "   Confound\n      Anything besides the treatment that varies between groups.\n"
    )
    cards = [(it.question, it.answer) for it in parse_document(load(path), chunker=lambda t: [t])]
    assert cards == [
        ("ANCOVA", "A linear model with a covariate and a group factor."),
        ("Average treatment effect", "The average effect across all units.\nAlso called ATE."),
        ("Confound", "Anything besides the treatment that varies between groups."),
    ]


def test_a_problem_field_inside_an_answer_is_no_new_question():
    """问题 says "problem" as often as "question": in `**问题**: …？` over `**答案**:` and its
    bullets, a bullet `- **问题**: 假阳性率膨胀` that does not ask is a field of the answer."""
    items = run(
        "### 2.4 Peeking\n\n**问题**: 为什么不能在实验中途偷看数据并提前停止？\n\n**答案**:\n"
        "- **问题**: 假阳性率膨胀（5% → 20-30%）\n- **原因**: 每次查看 = 一次假设检验\n"
    )
    assert [(it.kind, it.question) for it in items] == [
        ("qa", "为什么不能在实验中途偷看数据并提前停止？")
    ]
    assert "假阳性率膨胀" in items[0].answer


KEYED_QUIZ = (
    "".join(
        f"### Question {n}\n\nWhat does step {n} of decoding do?\n\nExplain it in one breath.\n\n"
        "Your answer should include:\n\n- tokens,\n- logits.\n\n"
        for n in (1, 2, 3)
    )
    + "## Answer key\n\nScore quality, not wording.\n\n"
    + "".join(
        f"### Answer {n}\n\nStep {n} turns logits into the next token.\n\n" for n in (1, 2, 3)
    )
)


def test_an_answer_key_gathered_after_the_questions_answers_each_by_its_number():
    """A quiz whose `### Answer N` headings, gathered under an answer key, each name one earlier
    `### Question N`: each question is answered by its key entry; its statement's paragraphs
    all ask, its rubric ("Your answer should include:") stays a note."""
    items = run(KEYED_QUIZ)
    assert _cards(items) == [
        (
            "qa",
            f"What does step {n} of decoding do? Explain it in one breath.",
            f"Step {n} turns logits into the next token.",
        )
        for n in (1, 2, 3)
    ]
    assert any("Your answer should include" in it.answer for it in items if it.kind == "chunk")


def test_a_troubleshooting_list_pairs_each_problem_with_its_fix():
    """Under "Common issues" or "Troubleshooting", `- **CUDA out of memory**: lower the batch
    size …` is a card: the problem, then its fix. A "Common mistakes" list names mistakes, no
    fixes, and stays a note."""
    items = run(
        "## Common Issues\n\n- **CUDA out of memory**: lower the micro-batch size first.\n"
        "- **NCCL timeout**: check that every worker can reach the others.\n\n"
        "## Common mistakes\n\n- **Silence**: not narrating the tradeoffs as you go along.\n"
    )
    assert _cards(items) == [
        ("qa", "CUDA out of memory", "lower the micro-batch size first."),
        ("qa", "NCCL timeout", "check that every worker can reach the others."),
    ]


def test_an_answer_that_says_nothing_is_missing_is_an_answer():
    """ "There is no missing information." answers "Is any information missing?"; an answer
    that is only "Missing" or "Answer pending" is still no answer."""
    items = run(
        "## Composition\n\n### Is any information missing from the instances?\n\n"
        "There is no missing information.\n\n### Why was it built?\n\nAnswer pending\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Is any information missing from the instances?",
            "There is no missing information.",
        ),
        ("question", "Why was it built?", ""),
    ]
