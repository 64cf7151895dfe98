"""Layout families found in the third third-party batch, each on a small hand-made input."""

from ingest.parse import parse
from tests.test_parse_layouts import qa, run


def test_numbered_entries_of_a_faq_are_questions_whatever_their_wording():
    items = run(
        "# Toolkit FAQ\n\n## Install Problems\n\n### 1. The build fails on an old compiler.\n\n"
        "Upgrade to a compiler with C++17 support.\n\n"
        "### 2. `ImportError: no module named kit`\n\nInstall the wheel, not the sdist.\n\n"
        "### 3. Where are the logs?\n\nIn the cache folder.\n\n"
        "# Tutorial\n\n## 1. Setting up\n\nInstall the toolkit first, then open the example notebook in your browser.\n"
    )
    assert qa(items) == [
        ("qa", "The build fails on an old compiler.", "Upgrade to a compiler with C++17 support."),
        ("qa", "ImportError: no module named kit", "Install the wheel, not the sdist."),
        ("qa", "Where are the logs?", "In the cache folder."),
    ]
    # Outside a FAQ a numbered statement heading is a section.
    assert items[-1].kind == "chunk" and items[-1].section == "Tutorial > 1. Setting up"
    # A numbered entry that holds questions of its own names their topic.
    items = run(
        "# Interview Questions\n\n## 1. Linear Regression\n\n- What is a residual?\n"
        "- Why square the errors?\n"
    )
    assert [(i.kind, i.section) for i in items] == [
        ("question", "Interview Questions > 1. Linear Regression"),
        ("question", "Interview Questions > 1. Linear Regression"),
    ]


def test_linked_questions_in_chinese_without_and_with_question_marks():
    items = run(
        "# 基础\n\n"
        "* [为什么要做数据增强？](https://example.org/aug)\n"
        "* [学习率太大会怎样](https://example.org/lr)\n"
        "* [介绍一下注意力机制](https://example.org/attn)\n"
        "* [LSTM和GRU的区别](https://example.org/rnn)\n"
        "* [Why does dropout help?](https://example.org/dropout)\n"
        "* [Attention? Attention!](https://example.org/blog) by a blogger\n"
        "* [What is in this guide?](#what-is-in-this-guide)\n\n"
        "# 笔记\n\n模型在训练集上表现很好但在测试集上表现很差，这就是过拟合的典型表现。\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("question", "为什么要做数据增强？"),
        ("question", "学习率太大会怎样"),
        ("question", "介绍一下注意力机制"),
        ("question", "LSTM和GRU的区别"),
        ("question", "Why does dropout help?"),
    ]
    # Chinese prose has no spaces between words, and is still long enough to keep.
    assert [i.section for i in items if i.kind == "chunk"][-1] == "笔记"


def test_bold_numbered_questions_with_an_answer_label_line_and_separators():
    items = run(
        "## Tuning\n\n**1. What is a learning rate, and why tune it?**\n\n**Answer:**\n"
        "* **What it is:** the step size.\n* **Why:** too big diverges.\n\n---\n"
        "**2. Explain warmup.**\n\n**Answer:**\nStart small, then grow.\n\n---\n\n"
        "**Question 3: How do you pick a batch size?**\n\nAs large as memory allows.\n"
    )
    assert qa(items) == [
        ("qa", "What is a learning rate, and why tune it?", "* **What it is:** the step size."),
        ("qa", "Explain warmup.", "Start small, then grow."),
        ("qa", "How do you pick a batch size?", "As large as memory allows."),
    ]
    assert items[0].answer.endswith("too big diverges.")  # the `---` separator is not answer


def test_a_details_fold_without_summary_is_read_like_the_page():
    items = run(
        "# Notebooks\n\n<details>\n\n## Start\n\n### Want to run it online?\n"
        "Use a hosted notebook service.\n\n"
        '* <a href="https://example.org"><img src="badge.svg"/></a>\n\n'
        "# FAQ\n\n**Which version should I use?**\n\nThe newest one.\n\n"
        "**I get an error when I call `load_data_file()`**\n\nCall `fetch_data()` first.\n\n"
        "**How do I update it?**\n\nPull the repository.\n\n</details>\n"
    )
    assert qa(items) == [
        ("qa", "Want to run it online?", "Use a hosted notebook service."),
        ("qa", "Which version should I use?", "The newest one."),
        ("qa", "I get an error when I call `load_data_file()`", "Call `fetch_data()` first."),
        ("qa", "How do I update it?", "Pull the repository."),
    ]
    # The badge-only list item prints nothing, so it leaves no bare `*` behind.
    assert items[0].answer == "Use a hosted notebook service."


def test_a_printed_list_of_questions_under_small_titles_with_wrapped_lines():
    text = [
        "Study Questions",
        "A list of the questions we get most often, each linked to a longer article elsewhere.",
        "Model Evaluation",
        "What is overfitting?",
        "How can I avoid overfitting?",
        "Is it always better to use the largest possible number of folds when you run a",
        "cross validation?",
        "Comparing a closed-form fit vs. Gradient Descent vs Stochastic Gradient Descent vs",
        "Mini-Batch Learning -- what is the difference?",
        "Linear Models and Their Regularised Variants",
        "Why is logistic regression considered a linear model? (e.g., Logit / Probit)",
        "Why does a wide learning rate schedule help the training of models with many",
        "Hidden Layers",
        "Why does the L1 penalty give sparse weights?",
        "How do I pick the strength of the penalty?",
    ]
    pages = [(1 + n // 7, ln) for n, ln in enumerate(text)]
    items = parse(pages, chunker=lambda t: [t], unit="page")
    assert [(i.section, i.question) for i in items if i.kind == "question"] == [
        ("Study Questions > Model Evaluation", "What is overfitting?"),
        ("Study Questions > Model Evaluation", "How can I avoid overfitting?"),
        (
            "Study Questions > Model Evaluation",
            "Is it always better to use the largest possible number of folds when you run a"
            " cross validation?",
        ),
        (
            "Study Questions > Model Evaluation",
            "Comparing a closed-form fit vs. Gradient Descent vs Stochastic Gradient Descent vs"
            " Mini-Batch Learning -- what is the difference?",
        ),
        (
            "Study Questions > Linear Models and Their Regularised Variants",
            "Why is logistic regression considered a linear model? (e.g., Logit / Probit)",
        ),
        (
            "Study Questions > Linear Models and Their Regularised Variants",
            "Why does a wide learning rate schedule help the training of models with many"
            " Hidden Layers",
        ),
        (
            "Study Questions > Linear Models and Their Regularised Variants",
            "Why does the L1 penalty give sparse weights?",
        ),
        (
            "Study Questions > Linear Models and Their Regularised Variants",
            "How do I pick the strength of the penalty?",
        ),
    ]


def test_a_task_verb_asking_how_or_why_is_a_question_heading_even_in_a_note():
    items = run(
        "# Notes on compute\n\n## Budget\n\nWe rented a small cluster for the spring term.\n\n"
        "### Estimate how much memory a 7B model needs\n\nAbout two bytes per weight in half "
        "precision.\n\n### Describe the cluster\n\nEight nodes with four accelerators each, "
        "joined by a fast network.\n"
    )
    assert qa(items) == [
        (
            "qa",
            "Estimate how much memory a 7B model needs",
            "About two bytes per weight in half precision.",
        )
    ]


def test_chinese_task_verbs_ask_only_in_forms_that_are_no_other_word():
    from ingest.questions import is_question

    asking = ["讲一下注意力的原理", "请列举常见的优化器", "简述反向传播", "模型为何过拟合"]
    telling = [
        "比较常用的方法是梯度下降",
        "请注意版本号",
        "介绍了三种方法",
        "讲座安排在周五",
        "把每个问题改写成“我会怎么做”",  # the asking word sits in a quotation
        "我们讨论了为什么会过拟合。",  # a statement ends with 。
    ]
    assert [is_question(t) for t in asking + telling] == [True] * 4 + [False] * 6
