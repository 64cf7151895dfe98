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
