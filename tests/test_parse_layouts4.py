"""Layout families found in the fourth third-party batch, each on a small hand-made input."""

from ingest.loaders import load
from ingest.parse import parse_document
from tests.test_parse_layouts import qa, run


def test_a_question_heading_with_its_own_answer_keeps_it_before_question_sub_headings():
    items = run(
        "# FAQ\n\n## How do I use the tool behind a proxy?\n\nSet HTTPS_PROXY first.\n\n"
        "### How do I use it behind a proxy in Docker?\n\nPass -e HTTPS_PROXY to the container.\n\n"
        "## Where are models stored?\n\n- macOS: ~/.models\n- Linux: /usr/share/models\n\n"
        "### How do I set them to a different location?\n\nSet MODELS_DIR.\n\n"
        "## What can go wrong?\n\n### Why is it slow?\n\nThe disk is full.\n"
    )
    assert qa(items) == [
        ("qa", "How do I use the tool behind a proxy?", "Set HTTPS_PROXY first."),
        (
            "qa",
            "How do I use it behind a proxy in Docker?",
            "Pass -e HTTPS_PROXY to the container.",
        ),
        ("qa", "Where are models stored?", "- macOS: ~/.models"),
        ("qa", "How do I set them to a different location?", "Set MODELS_DIR."),
        # A question heading with nothing of its own under it names its sub-questions' topic.
        ("qa", "Why is it slow?", "The disk is full."),
    ]
    assert "Docker" not in items[0].answer


def test_numbered_headings_with_nothing_under_them_are_an_exercise_list():
    items = run(
        "# 100 array exercises\n\nExercises collected from a mailing list.\n\n"
        "#### 1. Import the package under the name `np` (★☆☆)\n\n"
        "#### 2. Reverse a vector (first element becomes last) (★☆☆)\n\n"
        "#### 3. What is the result of the following expression? (★☆☆)\n\n"
        "```python\n0 * np.nan\nnp.nan == np.nan\nnp.inf > np.nan\nnp.nan - np.nan\n```\n\n"
        "#### 4. Find indices of non-zero elements from [1,2,0,0,4,0] (★★☆)\n\n"
        "#### 5. Create a 2D array such that Z[i,j] == Z[j,i] (★★★)\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("question", "Import the package under the name `np`"),
        ("question", "Reverse a vector (first element becomes last)"),
        ("question", "What is the result of the following expression?"),
        ("question", "Find indices of non-zero elements from [1,2,0,0,4,0]"),
        ("question", "Create a 2D array such that Z[i,j] == Z[j,i]"),
    ]
    # The code under an exercise is its stimulus: kept as a note under that exercise.
    [code] = [i for i in items if "np.inf > np.nan" in i.answer]
    assert code.kind == "chunk" and code.section.endswith(
        "What is the result of the following expression?"
    )


def test_numbered_section_headings_with_text_are_not_exercises():
    items = run(
        "# Guide\n\n## 1. Setup\n\nInstall it.\n\n## 2. Usage\n\nRun it.\n\n## 3. Tuning\n\n"
        "Tune it.\n"
    )
    assert all(i.kind == "chunk" for i in items)


def test_a_placeholder_answer_with_no_word_is_no_answer():
    items = run(
        "# FAQ\n\n<details><summary>What is self-attention?</summary>\n\n!\n\n</details>\n\n"
        "<details><summary>What is a transformer?</summary>\n\nA stack of attention blocks.\n\n"
        "</details>\n"
    )
    assert qa(items) == [
        ("question", "What is self-attention?", ""),
        ("qa", "What is a transformer?", "A stack of attention blocks."),
    ]


def test_one_line_quotes_in_a_bank_of_them_are_questions():
    items = run(
        "# 训练\n\n> 模型训练通常关注的性能指标有哪些？\n\n吞吐率、单步时间和内存占用。\n\n"
        "> 混合精度训练使用半精度训练的优缺点\n\n优点：跑得快。\n\n缺点：精度问题。\n\n"
        "> 如何解决梯度爆炸？\n\n> 分布式训练有哪些并行方式？\n\n数据并行和模型并行。\n"
    )
    assert qa(items) == [
        ("qa", "模型训练通常关注的性能指标有哪些？", "吞吐率、单步时间和内存占用。"),
        ("qa", "混合精度训练使用半精度训练的优缺点", "优点：跑得快。"),
        ("question", "如何解决梯度爆炸？", ""),
        ("qa", "分布式训练有哪些并行方式？", "数据并行和模型并行。"),
    ]
    assert "缺点" in items[1].answer


def test_a_quote_in_prose_stays_a_quote():
    items = run(
        "# Notes\n\nAs the paper puts it:\n\n> Attention is all you need.\n\n"
        "Then it shows why.\n\n> What would happen without attention?\n\nNobody knows.\n"
    )
    assert all(i.kind == "chunk" for i in items)


def test_a_glossary_table_maps_terms_to_definitions():
    items = run(
        "## Core concepts\n\n| Term | Definition & Analogy |\n| :--- | :--- |\n"
        "| **Parameters** | Learned weights. <br> **Analogy:** synapses. |\n"
        "| **Inference** | Using a trained model. |\n"
    )
    assert qa(items) == [
        ("qa", "Parameters", "Learned weights."),
        ("qa", "Inference", "Using a trained model."),
    ]


def test_quarto_markdown_is_read_as_markdown(tmp_path):
    path = tmp_path / "faq.qmd"
    path.write_text(
        "---\ntitle: FAQ\n---\n\n**Q: exitcode: -9**\n\n> A: You ran out of RAM.\n\n"
        "**Q: Why is training slow?**\n\n> A: Use a GPU.\n\n"
        "**Q: What does OOM mean?**\n\n> A: Out of memory.\n"
    )
    doc = load(path)
    assert doc.format == "markdown"
    items = parse_document(doc, chunker=lambda t: [t])
    assert qa(items) == [
        ("qa", "exitcode: -9", "You ran out of RAM."),
        ("qa", "Why is training slow?", "Use a GPU."),
        ("qa", "What does OOM mean?", "Out of memory."),
    ]


def test_sphinx_roles_print_as_sphinx_prints_them(tmp_path):
    path = tmp_path / "faq.rst"
    path.write_text(
        "FAQ\n===\n\nHow do I shuffle batches?\n-------------------------\n\n"
        "Pass ``shuffle=True`` to :class:`~torch.utils.data.DataLoader`; see "
        ":func:`~mylib.net.fit` and :meth:`mylib.Net.predict`.\n"
    )
    [item] = [i for i in parse_document(load(path), chunker=lambda t: [t]) if i.kind == "qa"]
    assert item.answer == (
        "Pass `shuffle=True` to `DataLoader`; see `fit()` and `mylib.Net.predict()`."
    )


ORG = """#+TITLE: ML interview notes
#+AUTHOR: someone

* Basics                                                    :ml:
** What is overfitting?
   :PROPERTIES:
   :ID: 1234
   :END:
A model that fits *noise* in the training data; see [[https://example.org/o][the guide]].
# a private comment
** TODO How do you fix overfitting?
- Use more data.
- Add =dropout= or weight decay.
** Example code
#+BEGIN_SRC python
# not a heading
model.fit(x, y)
#+END_SRC
"""


def test_org_mode_headings_drawers_blocks_and_links(tmp_path):
    path = tmp_path / "notes.org"
    path.write_text(ORG)
    doc = load(path)
    assert doc.format == "org"
    items = parse_document(doc, chunker=lambda t: [t])
    assert qa(items) == [
        (
            "qa",
            "What is overfitting?",
            "A model that fits **noise** in the training data; see the guide.",
        ),
        ("qa", "How do you fix overfitting?", "- Use more data."),
    ]
    first, second = items[0], items[1]
    assert (first.section, first.locator) == ("ML interview notes > Basics", "lines 5-9")
    assert "`dropout`" in second.answer and "TODO" not in second.question
    text = "\n".join(line for _, line in doc.lines)
    assert "1234" not in text and "private comment" not in text and "AUTHOR" not in text
    assert "```python\n# not a heading\nmodel.fit(x, y)\n```" in text


ADOC = """= Deep learning FAQ
:toc:

== Training

[qanda]
What is a learning rate?::
  The step size of each *gradient* update.
Why warm up the learning rate?::
  Early updates are noisy; see https://example.org/warmup[the paper].
What is gradient clipping?:: Capping the gradient norm.

// a comment line
.An example
[source,python]
----
= not a heading
opt.step()
----

== Glossary

* Epoch: one pass over the data.
** Batch: a slice of it.
"""


def test_asciidoc_qanda_lists_listing_blocks_and_lists(tmp_path):
    path = tmp_path / "faq.adoc"
    path.write_text(ADOC)
    doc = load(path)
    assert doc.format == "asciidoc"
    items = parse_document(doc, chunker=lambda t: [t])
    assert qa(items) == [
        ("qa", "What is a learning rate?", "The step size of each **gradient** update."),
        ("qa", "Why warm up the learning rate?", "Early updates are noisy; see the paper."),
        ("qa", "What is gradient clipping?", "Capping the gradient norm."),
        ("qa", "Epoch", "one pass over the data."),  # a glossary's term is a card
    ]
    assert items[0].section == "Deep learning FAQ > Training"
    assert items[0].locator == "lines 7-8"
    text = "\n".join(line for _, line in doc.lines)
    assert "```\n= not a heading\nopt.step()\n```" in text
    assert "toc" not in text and "a comment line" not in text and "[source" not in text
    assert "- Epoch: one pass over the data.\n  - Batch: a slice of it." in text
