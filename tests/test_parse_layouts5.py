"""Layout families found in the fifth third-party batch, each on a small hand-made input."""

from ingest.loaders import load
from ingest.parse import parse_document
from tests.pdfs import make_pdf
from tests.test_parse_layouts import qa, run


def test_a_numbered_question_with_nested_options_and_an_answer_line():
    items = run(
        "1. What does a perceptron learn?\n"
        "   - [ ] A) Memory cells\n"
        "   - [ ] B) Weight coefficients\n"
        "   >Answer: B) Weight coefficients\n\n"
        "2. In the statement above, identify the incorrect element.\n"
        "   - [ ] A) The use of a softmax\n"
        "   - [ ] B) The word categories\n"
        "   >Answer: A) The use of a softmax\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items] == [
        (
            "qa",
            "What does a perceptron learn?",
            "- A) Memory cells\n- B) Weight coefficients\n\nAnswer: B) Weight coefficients",
        ),
        (
            # the options make it a question, whatever its wording
            "qa",
            "In the statement above, identify the incorrect element.",
            "- A) The use of a softmax\n- B) The word categories\n\nAnswer: A) The use of a softmax",
        ),
    ]


def test_a_paragraph_indented_under_a_list_question_answers_it():
    items = run(
        "## Install\n\n- Why does the build fail?\n\n  The compiler is too old.\n  Upgrade it.\n\n"
        "- How do I check the version?\n\n  Run the tool with --version.\n\n"
        "Unindented text after the list is prose of its own, long enough to be a note.\n"
    )
    assert qa(items) == [
        ("qa", "Why does the build fail?", "The compiler is too old."),
        ("qa", "How do I check the version?", "Run the tool with --version."),
    ]
    assert "Upgrade it." in items[0].answer
    assert items[-1].kind == "chunk" and items[-1].answer.startswith("Unindented text")


def test_in_a_faq_a_list_item_with_an_indented_answer_states_a_problem():
    faq = (
        "# Frequently Asked Questions\n\n## Installation\n\n"
        "- Compatibility issue between the engine and the library\n\n"
        "  Pick matching versions from the table below.\n\n"
        "- Using Albumentations\n\n  Install it with the extra requirements file.\n"
    )
    assert qa(run(faq)) == [
        (
            "qa",
            "Compatibility issue between the engine and the library",
            "Pick matching versions from the table below.",
        ),
        ("qa", "Using Albumentations", "Install it with the extra requirements file."),
    ]
    # Outside a FAQ such a list item is a note with its description.
    notes = run(faq.replace("Frequently Asked Questions", "Setup notes"))
    assert all(i.kind == "chunk" for i in notes)


def test_a_chinese_faq_of_question_headings_and_problem_headings():
    items = run(
        "# 常见问题\n\n## 通用\n\n### ppl 和 gen 有什么区别和联系？\n\nppl 是困惑度，gen 是生成式评测。\n\n"
        "### 如何控制 few shot 的 shot 数目？\n\n在数据集配置文件中修改。\n\n"
        "### 找不到 `libGL.so.1`\n\n卸载 opencv-python 再安装 headless 版本。\n"
    )
    assert qa(items) == [
        ("qa", "ppl 和 gen 有什么区别和联系？", "ppl 是困惑度，gen 是生成式评测。"),
        ("qa", "如何控制 few shot 的 shot 数目？", "在数据集配置文件中修改。"),
        ("qa", "找不到 `libGL.so.1`", "卸载 opencv-python 再安装 headless 版本。"),
    ]


def test_an_exercise_whose_solution_is_folded_in_a_myst_dropdown():
    items = run(
        "# Featurization\n\n## Estimator variance\n\nConsider polynomial features of degree 9 "
        "fitted on data far from zero. True or false: the variance at zero is larger?\n\n"
        ":::{note} Solutions\n:class: dropdown\nTrue! We never see points near zero.\n:::\n\n"
        "## Splines\n\nWhich spline extrapolates better, natural or unconstrained cubic ones?\n\n"
        ":::{dropdown} Answer\nNatural cubic splines: they are linear past the boundary knots.\n:::\n"
    )
    assert qa(items) == [
        ("qa", "Estimator variance", "True! We never see points near zero."),
        ("qa", "Splines", "Natural cubic splines: they are linear past the boundary knots."),
    ]
    # The problem statement stays findable, as a note under the exercise.
    [statement] = [i for i in items if i.kind == "chunk" and "degree 9" in i.answer]
    assert statement.section == "Featurization > Estimator variance"
    assert ":::" not in items[1].answer and "dropdown" not in items[1].answer


def test_pdf_faq_questions_printed_as_titles_even_when_wrapped(tmp_path):
    answer = "See the essentials tutorial for settings that trade training time for accuracy."
    page = "\n".join([
        "Tabular FAQ",
        "How can I get the most accurate predictions?",
        answer,
        "Can I run it on Windows?",
        "Yes! Every model runs on Windows, macOS and Linux with the same install command.",
        "How can I add my own custom model to the set of",
        "models that it trains?",
        "Follow the custom model tutorial, which walks through a full example model class.",
        "Training is faster on machines with many cores, and memory matters more than speed.",
        "Prediction can be sped up by removing models that do not improve the ensemble.",
        "Most problems come from running out of memory; use a machine with more of it.",
    ])  # fmt: skip
    path = make_pdf(tmp_path / "faq.pdf", [page])
    items = parse_document(load(path), chunker=lambda t: [t])
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("qa", "How can I get the most accurate predictions?"),
        ("qa", "Can I run it on Windows?"),
        ("qa", "How can I add my own custom model to the set of models that it trains?"),
    ]
    assert items[0].answer.startswith("See the essentials tutorial")


def test_a_heading_that_only_numbers_its_question_takes_it_from_the_body():
    items = run(
        "# Transformers quiz\n\n## Questions\n\n### Question 1\n**Type**: multiple-choice\n"
        "**Difficulty**: hard\n\n**What is the transformer architecture?**\n\n"
        "- A) A robot\n- B) A network built on attention\n\n**Correct Answer**: B\n\n---\n\n"
        "### Question 2\n**Type**: true-false\n\n**BERT is an encoder.**\n\n"
        "**Correct Answer**: True\n\n## Answer Key\n\n| Question | Answer |\n|---|---|\n"
        "| 1 | B |\n| 2 | True |\n"
    )
    assert qa(items) == [
        ("qa", "What is the transformer architecture?", "- A) A robot"),
        ("qa", "BERT is an encoder.", "True"),
    ]
    assert "Correct Answer**: B" in items[0].answer and "Type" not in items[0].answer
    # The answer key's numbered rows are no questions.
    assert not any(i.question in ("1", "2") for i in items)


def test_an_answer_folded_in_details_after_code_and_options():
    items = run(
        "# JavaScript questions\n\n###### 1. What's the output?\n\n```javascript\n"
        "console.log(typeof null);\n```\n\n- A: `null`\n- B: `object`\n\n"
        "<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: B\n\n"
        "`typeof null` is a historical bug: it returns `object`.\n\n</p>\n</details>\n\n---\n\n"
        "###### 2. What's the output?\n\n```javascript\nconsole.log(0.1 + 0.2 === 0.3);\n```\n\n"
        "<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: false\n\n"
        "Floating point sums round.\n\n</p>\n</details>\n"
    )
    assert qa(items) == [
        ("qa", "What's the output?", "B"),
        ("qa", "What's the output?", "false"),
    ]
    assert "historical bug" in items[1].answer and "console.log" not in items[1].answer
    # The code and options are the exercise: filed under the question, right before it.
    assert items[0].kind == "chunk" and "typeof null" in items[0].answer
    assert items[0].section == "JavaScript questions > What's the output?"


def test_a_comment_over_several_lines_is_no_answer():
    items = run(
        '??? question "What is an epoch?"\n    One pass over the training data.\n\n'
        '??? question "How do you pick a learning rate?"\n    <!-- - try a log scale\n'
        "    - then refine -->\n\n"
        '??? question "Why use mini-batches?"\n    <!--\n    draft notes\n    -->\n'
    )
    assert qa(items) == [
        ("qa", "What is an epoch?", "One pass over the training data."),
        ("question", "How do you pick a learning rate?", ""),
        ("question", "Why use mini-batches?", ""),
    ]


def test_footnote_references_and_bold_numbered_questions():
    items = run(
        "## Interview questions\n\n"
        "- Explain the bias-variance tradeoff. Use a concrete example [^glassdoor-google-ds]\n"
        "- What is regularization?[^1]\n\n"
        "8. **How do you handle model drift in production?**\n\n"
        "9. **What is canary deployment?**\n\n"
        "10. **Explain A/B testing for model deployment.**\n\n"
        "11. **What good looks like.**\n\n- A rollback plan.\n- A metric to watch.\n\n"
        "[^1]: A candidate report.\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("question", "Explain the bias-variance tradeoff. Use a concrete example"),
        ("question", "What is regularization?"),
        ("question", "How do you handle model drift in production?"),
        ("question", "What is canary deployment?"),
        ("question", "Explain A/B testing for model deployment."),
    ]
    # A numbered line that asks nothing, over a list, titles the list.
    assert items[-1].kind == "chunk" and "What good looks like." in items[-1].section


def test_a_faq_section_inside_a_longer_page_reads_its_problem_headings_as_questions():
    page = "# Tool\n\n## Usage\n\n" + "".join(
        f"### {name} dashboard\n\nShows {name} over time for every run you log.\n\n"
        for name in ("Scalar", "Histogram", "Image", "Audio", "Text")
    )
    page += (
        "## Frequently Asked Questions\n\n### Why is my dashboard empty?\n\nPoint it at the "
        "log folder.\n\n### The dashboard shows only some of my data!\n\nTurn on reloading.\n\n"
        "### Can I export the data?\n\nUse the export button.\n"
    )
    assert qa(run(page)) == [
        ("qa", "Why is my dashboard empty?", "Point it at the log folder."),
        ("qa", "The dashboard shows only some of my data!", "Turn on reloading."),
        ("qa", "Can I export the data?", "Use the export button."),
    ]


def test_run_in_bold_questions_and_faq_bullets_answered_below_them():
    items = run(
        "# FAQs\n\n## Basic usage\n\n"
        "**How should I use the library?** Define the task and a metric first, then compile.\n\n"
        "**How do I convert a prompt?** See the same answer above.\n\n"
        "## Details\n\n- **How do I get multiple outputs?**\n\nList the output fields.\n\n"
        "- **How do I define my own metrics?**\n\nWrite a Python function.\n\n"
        "- **How slow is compiling?**\n\nA few minutes for a small program.\n\n"
        "It depends on the number of calls.\n\n"
        "## Advanced\n\n- **How do I parallelize?**\nSet the number of threads.\n"
    )
    assert qa(items) == [
        (
            "qa",
            "How should I use the library?",
            "Define the task and a metric first, then compile.",
        ),
        ("qa", "How do I convert a prompt?", "See the same answer above."),
        ("qa", "How do I get multiple outputs?", "List the output fields."),
        ("qa", "How do I define my own metrics?", "Write a Python function."),
        ("qa", "How slow is compiling?", "A few minutes for a small program."),
        ("qa", "How do I parallelize?", "Set the number of threads."),
    ]
    assert "number of calls" in items[4].answer


def test_a_list_of_questions_over_a_paragraph_stays_a_list_of_questions():
    items = run(
        "## Practice\n\n- What is a tensor?\n- What is a gradient?\n\n"
        "Work through these before the mock interview, then review your notes.\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("question", "What is a tensor?"),
        ("question", "What is a gradient?"),
    ]


def test_decoration_inside_a_bold_question_is_dropped():
    items = run(
        "**... How can I set the temperature?**\nIn the chat config.\n\n"
        "**... Which quantization does it use?**\nFour-bit groups.\n\n"
        "**... Why does compilation abort?**\nLLVM symbols clash.\n"
    )
    assert [i.question for i in items] == [
        "How can I set the temperature?",
        "Which quantization does it use?",
        "Why does compilation abort?",
    ]
