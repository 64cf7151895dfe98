"""Layout families found in the twenty-second third-party batch (statistics, SQL and pandas
lessons), each on a small hand-made input."""

from ingest.parse import parse
from tests.test_parse_layouts import run

WORKBENCH = """# Aggregation

:::::::::::::::::::::::::::::::::::::::: questions

- How do I compute a total over many rows?

::::::::::::::::::::::::::::::::::::::::::::::::::

:::::::::::::::::::::::::::::::::::::::  challenge

## Counting Readings

How many readings did Lake take, and what was their mean?

:::::::::::::::  solution

## Solution

```sql
SELECT count(reading), avg(reading) FROM Survey WHERE person = 'lake';
```

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

:::::::::::::::::::::::::::::::::::::::  challenge

## Averaging with NULL

Does avg return 2.0 or 3.0 for 1.0, NULL and 5.0?

:::::::::::::::  solution

## Solution

It returns 3.0: NULL is the absence of a value, so it is not counted.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::
"""


def test_a_lesson_challenge_is_answered_by_its_solution_box():
    """Pandoc fenced divs, as the Carpentries write lessons: the challenge's title asks, the
    `solution` div answers (its "Solution" title is the box's label), the problem statement is
    a note under the challenge; the `questions` box stays a list of bare questions."""
    items = run(WORKBENCH)
    qa = {i.question: i.answer for i in items if i.kind == "qa"}
    assert qa["Counting Readings"].startswith("```sql\nSELECT count(reading)")
    assert qa["Averaging with NULL"] == (
        "It returns 3.0: NULL is the absence of a value, so it is not counted."
    )
    assert not any("## Solution" in a for a in qa.values())
    # Box fences print nothing: not in any stored text, and never a section's title.
    assert not any(":::" in f"{i.section}{i.question}{i.answer}" for i in items)
    notes = [i for i in items if i.kind == "chunk" and "How many readings" in i.answer]
    assert notes and notes[0].section.endswith("Counting Readings")
    bare = [i.question for i in items if i.kind == "question"]
    assert bare == ["How do I compute a total over many rows?"]


def test_a_callout_titled_solution_answers_the_exercise_above_it():
    """A Quarto callout whose title says it holds the answer is the exercise's answer fold,
    whatever its colour class; a callout that only notes something is not."""
    items = run(
        "## Exercise: standard error\n\nCompute the standard error of a mean of 25 draws.\n\n"
        '::: {.callout-tip collapse="true"}\n## Solution\n\nsd / sqrt(25) = sd / 5.\n:::\n\n'
        "## Sampling\n\nThe draws are independent of each other here.\n\n"
        "::: {.callout-note}\n## Note\n\nThe draws are made with replacement, so repeats happen.\n:::\n"
    )
    qa = {i.question: i.answer for i in items if i.kind == "qa"}
    assert qa == {"Exercise: standard error": "sd / sqrt(25) = sd / 5."}
    assert any("made with replacement" in i.answer for i in items if i.kind == "chunk")


def test_a_myst_directive_is_left_to_the_myst_reader():
    """`:::{solution}` closes by its own colon count: the Pandoc pass leaves such files alone."""
    items = run("## Exercise 1\n\nWhat is 2 + 2?\n\n::::{solution}\n:class: dropdown\n\n4\n::::\n")
    assert [(i.question, i.answer) for i in items if i.kind == "qa"] == [("What is 2 + 2?", "4")]


def test_an_admonition_box_in_an_answer_keeps_its_text_without_its_fences():
    """Docusaurus admonitions (`:::warning` … `:::`) inside an answer: the warning is answer
    text, the fence lines are not."""
    (item,) = run(
        "## How do I delete an experiment?\n\nRight-click it and choose Delete.\n\n"
        ":::warning\nYou cannot undo the deletion of an experiment.\n:::\n"
    )
    assert item.kind == "qa" and "You cannot undo the deletion" in item.answer
    assert ":::" not in item.answer


def test_faq_entries_worded_as_questions_ask_without_a_question_mark():
    """Right under a FAQ title, entries mostly worded as questions ("How to serialize an
    algorithm", "What are raw and inner ids") are questions, "?" or not; a section of the same
    page that is no question stays a note, and so does "How to …" outside a FAQ (a title in
    wh-question order, "What are raw and inner ids", asks anywhere since session 21)."""
    faq = (
        "# FAQ\n\n"
        "## How to serialize an algorithm\n\nAlgorithms are pickled with the dump module.\n\n"
        "## What are raw and inner ids\n\nRaw ids are the ids of the file; inner ids are integers.\n\n"
        "## Where are datasets stored?\n\nIn the home folder, under a hidden directory.\n\n"
        "## Release notes\n\nVersion two dropped support for old interpreters.\n"
    )
    items = run(faq)
    asked = [i.question for i in items if i.kind == "qa"]
    assert asked == [
        "How to serialize an algorithm", "What are raw and inner ids", "Where are datasets stored?"
    ]  # fmt: skip
    notes = run(faq.replace("# FAQ", "# Guide"))
    assert [i.question for i in notes if i.kind == "qa"] == [
        "What are raw and inner ids", "Where are datasets stored?"
    ]  # fmt: skip


def test_a_myst_glossary_makes_a_card_of_each_term():
    """A MyST `{glossary}` directive, as Sphinx-built docs write one: each term over its
    indented definition is a card; `{term}` roles print their text."""
    items = run(
        "# Glossary of Terms\n\n```{glossary}\n[Agent]()\n"
        "  The entity that acts in the {term}`Environment` to maximise its reward.\n\n"
        "Rollout\n  Running the policy to collect a trajectory.\n\n"
        "  A second paragraph of the definition.\n```\n"
    )
    cards = {i.question: i.answer for i in items if i.kind == "qa"}
    assert cards == {
        "Agent": "The entity that acts in the Environment to maximise its reward.",
        "Rollout": "Running the policy to collect a trajectory.\n\nA second paragraph of the "
        "definition.",
    }


def test_a_myst_role_prints_its_text_but_code_keeps_its_braces():
    (item,) = run(
        "## How do I evaluate an agent?\n\nUse the helper in the {ref}`Evaluation Helper <eval>` "
        "section; `{Matrix}` and `{lightgbm}` are R packages.\n"
    )
    assert item.answer == (
        "Use the helper in the Evaluation Helper section; `{Matrix}` and `{lightgbm}` are R "
        "packages."
    )


PPO_QA = [
    "PPO×Family第一讲技术问题QA",
    "课程组整合梳理了自第一节课发布以来的相关技术问题答疑,希望能启发更多对于决策智能和强化学",
    "习的思考,也欢迎进一步贡献问题和参与讨论~",
    "Q1:PPO在多智能体强化学习(multi-agent RL)的拓展和应用?",
    "A1:课程的第6讲将会围绕多智能体专题展开,涉及两种核心算法MAPPO和HAPPO。",
    "Q2:请问有什么基于语言的思想,使用例如PPO这样的RL算法去控制机械臂的工",
    "作?",
    "A2:OpenDILab这边的研究工作正在研发中,可以保持关注。主要思路可能结合最新的一些研究进展,有兴趣",
    "的话可以参考下这里的资料总结。",
]


def test_a_chinese_pdf_bank_keeps_one_line_answers_and_wrapped_questions_whole():
    """On a printed page a one-line answer (`A1:…`) is never a title, however few spaces its
    Chinese has; a question wrapped over two lines is joined without a space inside a word."""
    from ingest.pagetitles import mark_titles

    lines = list(enumerate(PPO_QA, start=1))
    items = parse(mark_titles(lines), chunker=lambda t: [t])
    qa = {i.question: i.answer for i in items if i.kind == "qa"}
    assert qa["PPO在多智能体强化学习(multi-agent RL)的拓展和应用?"].startswith("课程的第6讲")
    assert "请问有什么基于语言的思想,使用例如PPO这样的RL算法去控制机械臂的工作?" in qa


def test_pdf_text_folds_kangxi_radicals_and_drops_spaces_inside_chinese():
    from ingest.formats.pdf import fold

    assert fold("第⼀讲 经久耐 ⽤ PPO 算法") == "第一讲经久耐用 PPO 算法"


def test_a_bold_question_item_is_answered_by_the_line_under_it():
    """`- **Q?**` with the answer indented on the next line is one paragraph on the page: the
    bold question and its answer. A question item whose next line is another item stays bare."""
    items = run(
        "# FAQ\n\n- **How do I check the installed version?**\n"
        "    Type `tool -V` in your terminal.\n"
        "- **Where do I find the docs?**\n"
        "- [How to install a development version](https://example.org)?\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "How do I check the installed version?", "Type `tool -V` in your terminal."),
        ("question", "Where do I find the docs?", ""),
        ("question", "How to install a development version?", ""),
    ]
