"""Layout families found in the third third-party batch, each on a small hand-made input."""

from ingest.parse import parse


def run(text: str):
    return parse(list(enumerate(text.split("\n"), start=1)), chunker=lambda t: [t])


def qa(items):
    return [(i.kind, i.question, i.answer.split("\n")[0]) for i in items if i.kind != "chunk"]


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
