"""The layouts real question banks use, each on a small hand-made file with a hand-checked parse."""

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from core.errors import LoadError
from ingest.explain import explain
from ingest.loaders import load
from ingest.parse import parse, parse_document, split_long_answers
from tests.pdfs import make_pdf


def run(text: str):
    return parse(list(enumerate(text.split("\n"), start=1)), chunker=lambda t: [t])


def kinds(items):
    return [(i.kind, i.question) for i in items]


def test_questions_as_headings_with_link_debris_answer_to_the_next_same_level_heading():
    text = (
        "# ML bank\n\n## Basics\n\n"
        "#### 1) What is overfitting? [[src](http://example.com/a)]\n\n"
        "A model that fits noise. See [the guide](http://x.org) ![chart](c.png).\n\n"
        "##### Example\n\n```python\n# not a heading\nmodel.fit(x)\n```\n\n"
        "#### 2) Why normalise inputs? [[src]](http://example.com/b)\n\n"
        "#### 3) Explain dropout.\nRandomly zeroes activations.\n\n"
        "## Next part\nPlain notes about something else entirely, eight words.\n"
    )
    items = run(text)
    assert kinds(items) == [
        ("qa", "What is overfitting?"),
        ("question", "Why normalise inputs?"),
        ("qa", "Explain dropout."),
        ("chunk", ""),
    ]
    first = items[0]
    assert first.section == "ML bank > Basics"
    assert first.answer.startswith("A model that fits noise. See the guide .")
    assert "Example" in first.answer and "# not a heading" in first.answer
    assert "http" not in first.answer and "chart" not in first.answer
    assert items[3].section == "ML bank > Next part"
    # A question heading over a list of questions is a section, not a question.
    items = run("## What will you be asked?\n- What is a GPU?\n- Why use batching?\n")
    assert [(i.kind, i.section) for i in items] == [("question", "What will you be asked?")] * 2


def test_numbered_questions_with_answer_labels_and_indented_answers():
    text = (
        "1. What is a transformer?\n"
        "    - Answer: An architecture built on attention.\n\n"
        "        It has encoder and decoder stacks.\n"
        "2. **What is BERT?**\n\n"
        "   **Answer:**\n"
        "   An encoder-only model.\n"
        "3. What is GPT?\n"
    )
    items = run(text)
    assert kinds(items) == [
        ("qa", "What is a transformer?"),
        ("qa", "What is BERT?"),
        ("question", "What is GPT?"),
    ]
    assert items[0].answer == (
        "An architecture built on attention.\n\nIt has encoder and decoder stacks."
    )
    assert items[1].answer == "An encoder-only model."


def test_bold_q_and_a_labels():
    items = run("**Q1:** What is a token?\n**A:** A piece of text.\n**Q2:** What is BPE?\n")
    assert kinds(items) == [("qa", "What is a token?"), ("question", "What is BPE?")]
    assert items[0].answer == "A piece of text."


def test_details_blocks_as_questions_and_as_answers_of_the_question_above():
    text = (
        "<details><summary>What is RAG?</summary>\n\n"
        "Retrieval-augmented <b>generation</b>.\n</details>\n\n"
        "- Why rerank?\n<details>\n<summary>Answer</summary>\n\nBetter precision.\n</details>\n\n"
        "<details><summary>Further reading</summary>\nA list of papers about retrieval and"
        " reranking to read later on.\n</details>\n"
    )
    items = run(text)
    assert kinds(items) == [("qa", "What is RAG?"), ("qa", "Why rerank?"), ("chunk", "")]
    assert items[0].answer == "Retrieval-augmented generation."
    assert items[1].answer == "Better precision."
    assert "Further reading" in items[2].answer


def test_question_answer_tables_and_other_tables():
    text = (
        "| # | Question | Answer |\n|---|---|---|\n"
        "| 1 | What is k-NN? | A lazy classifier. |\n| 2 | What is SVM? | TBD |\n\n"
        "| Norm | Pros |\n|---|---|\n| LayerNorm | stable for transformers, works anywhere |\n"
    )
    items = run(text)
    assert kinds(items) == [("qa", "What is k-NN?"), ("question", "What is SVM?"), ("chunk", "")]
    assert items[0].answer == "A lazy classifier."


def test_questions_only_lists_drop_tags_and_keep_latex():
    text = (
        "## Probability\n"
        "1. [E] What is $P(A \\mid B)$ when $A \\perp B$?\n"
        "2. [M] Derive the variance of $\\sum_i x_i$.\n"
        "3. What is a prior? [H]\n"
    )
    assert kinds(run(text)) == [
        ("question", "What is $P(A \\mid B)$ when $A \\perp B$?"),
        ("question", "Derive the variance of $\\sum_i x_i$."),
        ("question", "What is a prior?"),
    ]


@pytest.mark.parametrize(
    "missing",
    ["Answer not provided in the source.", "TBD", "Answer: coming soon", "(answer missing)", "N/A"],
)
def test_missing_answer_markers_in_any_phrasing(missing):
    (item,) = run(f"Q1: What is LoRA?\n{missing}\n")
    assert item.kind == "question"


def test_page_chrome_is_dropped_by_general_rules():
    text = (
        "Home\nBlogAboutContact\n\n7 min read · 1,204 views\n\n"
        "- What is a token?\n- Why is BPE used?\n\n"
        "Was this article helpful? Feel free to ask me anything!\nChat\n"
    )
    assert kinds(run(text)) == [("question", "What is a token?"), ("question", "Why is BPE used?")]


def test_an_anchor_label_quoting_the_line_above_names_the_section():
    items = run("Retrieval basics\n\nAnchor link to “Retrieval basics”\n- What is BM25?\n")
    assert [(i.question, i.section) for i in items] == [("What is BM25?", "Retrieval basics")]


def test_long_answers_become_parts_that_all_carry_the_question():
    (item,) = run("## Basics\n### Why scale attention by sqrt(d)?\nPart one. Part two.\n")
    parts = split_long_answers([item], chunker=lambda t: t.split(" Part "))
    assert [(p.question, p.section, p.answer) for p in parts] == [
        ("Why scale attention by sqrt(d)?", "Basics", "Part one."),
        ("Why scale attention by sqrt(d)?", "Basics", "two."),
    ]


# -- structured decks --------------------------------------------------------------------------


def load_items(path: Path):
    doc = load(path)
    return doc, parse_document(doc, chunker=lambda t: [t])


def test_csv_with_a_header_and_a_malformed_row(tmp_path):
    path = tmp_path / "bank.csv"
    path.write_text(
        'Topic,Question,Answer\nNLP,What is a token?,"A unit, of text"\n'
        'NLP,"Broken "quote" row?,x\nML,What is bias?,\n'
    )
    doc, items = load_items(path)
    assert [(i.kind, i.question, i.answer, i.section, i.locator) for i in items] == [
        ("qa", "What is a token?", "A unit, of text", "NLP", "line 2"),
        ("question", "What is bias?", "", "ML", "line 4"),
    ]
    assert len(doc.warnings) == 1 and "line 3" in doc.warnings[0]


def test_tsv_without_a_header_is_front_then_back(tmp_path):
    path = tmp_path / "cards.tsv"
    path.write_text("What is Adam?\tAn optimiser.\nDefine entropy.\t<i>Expected</i> surprise.\n")
    _, items = load_items(path)
    assert [(i.question, i.answer) for i in items] == [
        ("What is Adam?", "An optimiser."),
        ("Define entropy.", "Expected surprise."),
    ]


def test_json_and_jsonl_records(tmp_path):
    data = {
        "deck": "x",
        "cards": [{"question": "What is a GAN?", "answer": ["Two nets.", "A game."]}],
    }
    (tmp_path / "a.json").write_text(json.dumps(data, indent=2))
    (tmp_path / "b.jsonl").write_text('{"q": "What is a VAE?", "a": "An autoencoder."}\n{oops\n')
    _, items = load_items(tmp_path / "a.json")
    assert [(i.question, i.answer, i.locator) for i in items] == [
        ("What is a GAN?", "Two nets.\nA game.", "line 5")
    ]
    doc, items = load_items(tmp_path / "b.jsonl")
    assert [i.question for i in items] == ["What is a VAE?"]
    assert doc.warnings == (
        "line 2: invalid JSON (Expecting property name enclosed in double quotes); skipped",
    )


def test_yaml_records_with_heading_keys_html_and_missing_answers(tmp_path):
    (tmp_path / "cards.yml").write_text(
        "- h2: Vision\n  h3: Basics\n  question: What is a <i>kernel</i>?\n"
        "  answer: >\n    A small <b>weight</b> grid.<br>\n    Slid over the image.\n\n"
        "- question: What is stride?\n  answer:\n\n"
        "- h3: Training\n  question: What is augmentation?\n  answer: Random edits of inputs.\n"
    )
    _, items = load_items(tmp_path / "cards.yml")
    assert [(i.kind, i.question, i.answer, i.section, i.locator) for i in items] == [
        (
            "qa",
            "What is a kernel?",
            "A small weight grid.\nSlid over the image.",
            "Vision > Basics",
            "line 1",
        ),
        ("question", "What is stride?", "", "Vision > Basics", "line 8"),
        ("qa", "What is augmentation?", "Random edits of inputs.", "Vision > Training", "line 11"),
    ]
    (tmp_path / "pairs.yaml").write_text("What is a pixel?: One sample of an image.\n")
    assert [(i.question, i.answer) for i in load_items(tmp_path / "pairs.yaml")[1]] == [
        ("What is a pixel?", "One sample of an image.")
    ]
    (tmp_path / "bad.yml").write_text("- question: [unclosed\n")
    with pytest.raises(LoadError, match="invalid YAML at line"):
        load(tmp_path / "bad.yml")


def test_records_nested_in_sections_and_a_question_field_named_otherwise(tmp_path):
    """A checklist: sections holding records whose `line` field asks (no field is named
    like a question): each record is a question under its section's title."""
    (tmp_path / "checklist.yaml").write_text(
        "title: Ethics checklist\nsections:\n"
        "  - title: Data Collection\n    lines:\n"
        "      - id: A.1\n        summary: Consent\n        line: Have subjects given consent?\n"
        "      - id: A.2\n        summary: Bias\n        line: Have we looked for bias?\n"
        "  - title: Modeling\n    lines:\n"
        "      - id: B.1\n        summary: Proxies\n        line: Are there proxy variables?\n"
    )
    _, items = load_items(tmp_path / "checklist.yaml")
    assert [(i.kind, i.question, i.section) for i in items] == [
        ("question", "Have subjects given consent?", "Data Collection"),
        ("question", "Have we looked for bias?", "Data Collection"),
        ("question", "Are there proxy variables?", "Modeling"),
    ]
    # JSON the same way; and a field that only sometimes asks is no question field
    (tmp_path / "notes.json").write_text(
        '{"sections": [{"name": "Intro", "items": [{"text": "A note."}, {"text": "Why?"},'
        ' {"text": "Another note."}]}]}'
    )
    with pytest.raises(LoadError, match="no questions found"):
        load(tmp_path / "notes.json")


RST = """\
.. role:: raw-html(raw)
    :format: html

Sampler Guide
=============

.. contents::
    :local:

What is a sampler?
------------------

.. note::

    A sampler draws **tokens** from the model's distribution; see :ref:`decoding <dec>`.

.. code-block:: python
    :linenos:

    pick = sample(logits)

Top-k sampling
--------------

Keep the ``k`` most likely tokens, as in `the paper <https://example.org/p>`__.
:raw-html:`<br>`

- Small k: safe text.
- Large k: varied text.

.. toctree::

    intro
"""


def test_restructuredtext_sections_directives_and_roles(tmp_path):
    (tmp_path / "guide.rst").write_text(RST)
    doc, items = load_items(tmp_path / "guide.rst")
    assert doc.format == "restructuredtext"
    [q] = [i for i in items if i.kind == "qa"]
    assert (q.question, q.section, q.locator) == (
        "What is a sampler?",
        "Sampler Guide",
        "lines 10-20",
    )
    # The admonition title and directive lines print nothing; a Sphinx role shows its text.
    assert q.answer == (
        "A sampler draws **tokens** from the model's distribution; see `decoding`.\n\n"
        "```\npick = sample(logits)\n```"
    )
    [chunk] = [i for i in items if i.kind == "chunk"]
    assert chunk.section == "Sampler Guide > Top-k sampling"
    assert chunk.answer.startswith("Keep the `k` most likely tokens, as in the paper.\n\n- Small k")
    assert (
        "raw" not in chunk.answer and "<br>" not in chunk.answer and "contents" not in chunk.answer
    )


def test_restructuredtext_never_reads_other_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN\n")
    (tmp_path / "notes.rst").write_text(
        f"Notes\n=====\n\n.. include:: {secret}\n\n.. raw:: html\n    :file: {secret}\n\n"
        ".. literalinclude:: /etc/hostname\n\nWhat stays is the text written in this file itself.\n"
    )
    doc, items = load_items(tmp_path / "notes.rst")
    text = "\n".join(line for _, line in doc.lines)
    assert "TOP-SECRET" not in text and "TOP-SECRET" not in str(items)
    assert "What stays is the text written in this file itself." in text


def test_anki_plain_text_export(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text(
        "#separator:tab\n#html:true\n#deck column:3\n#tags column:4\n"
        "What is <b>dropout</b>?\tZeroing units<br>at random\tML::Regularisation\ttag\n"
        "{{c1::Paris}} is the capital of France.\t\tGeo\t\n"
    )
    doc, items = load_items(path)
    assert doc.format == "anki text"
    assert [(i.question, i.answer, i.section) for i in items] == [
        ("What is dropout?", "Zeroing units\nat random", "ML > Regularisation"),
        ("[…] is the capital of France.", "Paris is the capital of France.", "Geo"),
    ]


def make_apkg(path: Path, cards: list[tuple[str, str]], media: dict[str, bytes] | None = None):
    import genanki

    model = genanki.Model(
        1607392319,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "Interview::LLM")
    for front, back in cards:
        deck.add_note(genanki.Note(model=model, fields=[front, back]))
    package = genanki.Package(deck)
    files = []
    for name, data in (media or {}).items():
        (path.parent / name).write_bytes(data)
        files.append(str(path.parent / name))
    package.media_files = files
    package.write_to_file(str(path))
    return path


def test_apkg_deck(tmp_path):
    path = make_apkg(
        tmp_path / "deck.apkg",
        [
            ("What is <i>RLHF</i>?", "Reinforcement learning<br>from human feedback"),
            ('<img src="only.png">', "a picture card"),
        ],
    )
    doc, items = load_items(path)
    assert [(i.question, i.answer, i.section) for i in items] == [
        ("What is RLHF?", "Reinforcement learning\nfrom human feedback", "Interview > LLM")
    ]
    assert doc.warnings and "image or sound only" in doc.warnings[0]


def test_bad_decks_get_one_line_reasons(tmp_path):
    not_zip = tmp_path / "fake.apkg"
    not_zip.write_bytes(b"this is not a zip file at all")
    with pytest.raises(LoadError, match="not an Anki deck"):
        load(not_zip)
    media_only = tmp_path / "media.apkg"
    make_apkg(media_only, [], media={"a.png": b"\x89PNG fake", "b.mp3": b"ID3 fake"})
    with pytest.raises(LoadError, match="no notes") as err:
        load(media_only)
    assert "\n" not in str(err.value)
    newer = tmp_path / "newer.apkg"
    with zipfile.ZipFile(newer, "w") as z:
        z.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd garbage")
        z.writestr("media", b"{}")
    with pytest.raises(LoadError):
        load(newer)


def test_apkg_collection_is_read_with_sqlite(tmp_path):
    """A hand-built legacy collection (no genanki): notes joined by \\x1f, no decks table."""
    db_path = tmp_path / "collection.anki2"
    with sqlite3.connect(db_path) as db:
        db.execute("CREATE TABLE notes (id INTEGER, flds TEXT)")
        db.execute("CREATE TABLE col (decks TEXT)")
        db.execute("CREATE TABLE cards (nid INTEGER, did INTEGER, ord INTEGER)")
        db.execute("INSERT INTO notes VALUES (1, 'What is a KV cache?\x1fStored keys and values')")
        db.execute("INSERT INTO col VALUES ('{}')")
    deck = tmp_path / "hand.apkg"
    with zipfile.ZipFile(deck, "w") as z:
        z.write(db_path, "collection.anki2")
    _, items = load_items(deck)
    assert [(i.question, i.answer) for i in items] == [
        ("What is a KV cache?", "Stored keys and values")
    ]


# -- PDFs ----------------------------------------------------------------------------------------


def test_pdf_running_headers_page_numbers_hyphens_and_ligatures(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dejavu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("dejavu", size=11)
    bodies = [
        "Q1: What is a transfor-\nmer?\nAn architecture of eﬃcient attention.",
        "Q2: What is a ﬁne-tuned model?\nA pretrained model trained further.",
        "Q3: What is distillation?\nA student learns from a teacher.",
    ]
    for n, body in enumerate(bodies, start=1):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"12/05/2024, 10:3{n} Lecture notes - Week 3\n{body}\n\n{n}/3")
    path = tmp_path / "notes.pdf"
    pdf.output(str(path))
    doc, items = load_items(path)
    text = "\n".join(line for _, line in doc.lines)
    assert "Lecture notes" not in text and "/3" not in text
    assert [(i.question, i.answer, i.locator) for i in items] == [
        ("What is a transformer?", "An architecture of efficient attention.", "p. 1"),
        ("What is a fine-tuned model?", "A pretrained model trained further.", "p. 2"),
        ("What is distillation?", "A student learns from a teacher.", "p. 3"),
    ]


def test_a_line_like_a_running_header_is_kept_away_from_the_page_edge(tmp_path):
    """A running line goes where it runs, at the page's edge; the same words inside the page are
    text (a section titled as the running header, an answer option as short as "0 pts")."""
    from tests.pdfs import make_pdf

    topics = "queries keys values scores masks heads softmax scaling caches".split()

    def body(page: int) -> str:
        return "\n".join(f"Notes on {topics[page]} and {topics[k]}." for k in range(4))

    pages = [
        f"Attention notes\n{body(n)}\nAttention notes\n{body(n + 3)}\n{n}/3" for n in (1, 2, 3)
    ]
    doc, _ = load_items(make_pdf(tmp_path / "notes.pdf", pages))
    for n in (1, 2, 3):
        page = [line for p, line in doc.lines if p == n]
        assert page.count("Attention notes") == 1 and page[0] != "Attention notes", page


def test_pdf_without_a_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 100, 60, style="F")  # a "scanned" page: drawing, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LoadError, match="^no text layer: scanned PDF, OCR it first"):
        load(path)


def test_explain_counts_kinds_and_shows_the_first_items(tmp_path):
    path = make_pdf(tmp_path / "n.pdf", ["Q1: What is a token?\nA unit of text.\nQ2: What is BPE?"])
    got = explain(path).to_dict()
    assert got["format"] == "pdf"
    assert got["counts"] == {"qa": 1, "question": 1, "chunk": 0}
    assert got["first"][0]["question"] == "What is a token?"
    assert got["first"][0]["locator"] == "p. 1"


def _notebook(cells) -> str:
    return json.dumps(
        {"cells": cells, "metadata": {"kernelspec": {"language": "python"}}, "nbformat": 4}
    )


def test_a_jupyter_notebook_reads_its_cells_and_leaves_outputs_out(tmp_path):
    md = lambda *src: {"cell_type": "markdown", "metadata": {}, "source": list(src)}  # noqa: E731
    code = {
        "cell_type": "code", "metadata": {}, "execution_count": 1,
        "source": ["x = '```'\n", "print(x)"],
        "outputs": [{"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}},
                    {"output_type": "stream", "name": "stdout", "text": ["secret output\n"]}],
    }  # fmt: skip
    (tmp_path / "nb.ipynb").write_text(
        _notebook(
            [
                md("# Regularisation\n"),
                md("## What does dropout do?\n", "\n", "It zeroes random activations."),
                code,
                md("## Why use weight decay?\n", "It shrinks the weights."),
            ]
        )
    )
    _, items = load_items(tmp_path / "nb.ipynb")
    qa = [(i.kind, i.question, i.answer, i.locator) for i in items if i.kind == "qa"]
    assert qa == [
        (
            "qa",
            "What does dropout do?",
            "It zeroes random activations.\n\n````python\nx = '```'\nprint(x)\n````",
            "cells 2-3",
        ),
        ("qa", "Why use weight decay?", "It shrinks the weights.", "cell 4"),
    ]
    assert not any("secret output" in i.answer or "iVBOR" in i.answer for i in items)


def test_a_broken_or_empty_notebook_gets_a_one_line_reason(tmp_path):
    (tmp_path / "bad.ipynb").write_text('{"cells": [')
    with pytest.raises(LoadError, match="invalid notebook JSON"):
        load(tmp_path / "bad.ipynb")
    (tmp_path / "empty.ipynb").write_text(_notebook([{"cell_type": "code", "source": []}]))
    with pytest.raises(LoadError, match="empty notebook"):
        load(tmp_path / "empty.ipynb")
    (tmp_path / "list.ipynb").write_text("[1, 2]")
    with pytest.raises(LoadError, match="not a Jupyter notebook"):
        load(tmp_path / "list.ipynb")


def test_a_headerless_tab_separated_deck_with_a_comment_line(tmp_path):
    (tmp_path / "deck.txt").write_text(
        "# My flashcards\n"
        "What is TD learning?\n"
        'Why does the arrow go up?</div>\t"Because the <b>opponent</b>\nis stochastic."\n'
        "What is a bandit?\t<b>one-state</b> MDP\n"
        "another name for contextual bandit\tassociative search\n"
    )
    _, items = load_items(tmp_path / "deck.txt")
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("question", "What is TD learning?", ""),
        ("qa", "Why does the arrow go up?", "Because the opponent\nis stochastic."),
        ("qa", "What is a bandit?", "one-state MDP"),
        ("qa", "another name for contextual bandit", "associative search"),
    ]
    # tabs that indent a note's bullets make no deck
    (tmp_path / "notes.txt").write_text(
        "Topics\n" + "".join(f"        •\tWhat is topic {n}?\n" for n in range(5))
    )
    assert load(tmp_path / "notes.txt").format == "text"


def test_a_notebooks_numbered_steps_are_tasks_answered_by_their_code(tmp_path):
    md = lambda src: {"cell_type": "markdown", "source": src}  # noqa: E731
    code = lambda src: {"cell_type": "code", "source": src, "outputs": []}  # noqa: E731
    (tmp_path / "ex.ipynb").write_text(
        _notebook(
            [
                md("# Ex2 - Knowing your data\n\n### Step 1. Import the libraries"),
                code("import pandas as pd"),
                md("### Step 2. Read the dataset from this [address](https://x.org/d.tsv)."),
                md("### Step 3. Assign it to a variable called chipo."),
                code("chipo = pd.read_csv(url, sep='\\t')"),
                md("### Step 4. Turn the price into a float"),
                md("#### Step 4.a. Check the price's type"),
                code("chipo.item_price.dtype"),
            ]
        )
    )
    _, items = load_items(tmp_path / "ex.ipynb")
    assert [(i.kind, i.question, i.locator) for i in items if i.kind != "chunk"] == [
        ("qa", "Import the libraries", "cells 1-2"),
        ("question", "Read the dataset from this address.", "cell 3"),
        ("qa", "Assign it to a variable called chipo.", "cells 4-5"),
        ("qa", "Check the price's type", "cells 7-8"),
    ]  # step 4 only holds its sub-steps
    assert "chipo = pd.read_csv" in items[2].answer


def test_an_html_page_is_read_as_markdown_with_its_details_and_without_scripts(tmp_path):
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/faq'>FAQ</a></nav>"
        "<h1>Interview FAQ</h1><h2>What is dropout?</h2><p>It zeroes <b>random</b> activations"
        " during training.</p><h2>More questions</h2>"
        "<details><summary>Why use weight decay?</summary><p>It keeps weights small.</p></details>"
        "<ul><li>What is a GAN?</li><li>What is a VAE?</li></ul>"
        "<script>document.write('<h2>Injected?</h2>')</script><footer>© me</footer></body></html>"
    )
    doc, items = load_items(tmp_path / "page.html")
    assert doc.format == "html"
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "What is dropout?", "It zeroes **random** activations during training."),
        ("qa", "Why use weight decay?", "It keeps weights small."),
        ("question", "What is a GAN?", ""),
        ("question", "What is a VAE?", ""),
    ]
    text = "\n".join(line for _, line in doc.lines)
    assert "Home" not in text and "Injected" not in text and "color" not in text
    (tmp_path / "app.html").write_text("<html><body><script>const CARDS=[]</script></body></html>")
    with pytest.raises(LoadError, match="no text in this HTML page"):
        load(tmp_path / "app.html")


def test_an_xhtml_pages_xml_declaration_prints_nothing(tmp_path):
    (tmp_path / "page.xhtml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><h1>Notes</h1><p>Bagging averages trees.</p></body></html>"
    )
    lines = [line for _, line in load(tmp_path / "page.xhtml").lines if line]
    assert lines == ["# Notes", "Bagging averages trees."]


def test_a_flashcard_app_page_is_read_as_the_deck_its_script_holds(tmp_path):
    """A single-page flashcard app keeps its deck in a script as a literal: the literal is
    parsed (never run), as JSON or JavaScript, and its cards read, each titled card answered by
    its fields that say something. A literal too small to be a deck leaves the page."""
    cards = [
        {"n": n, "section": "Storage", "difficulty": "FOUNDATIONS", "title": title,
         "whatItIs": what, "example": example, "source": "Slides · week 2"}
        for n, (title, what, example) in enumerate([
            ("Data lake", "A store that keeps raw data in its native format.",
             "An S3 bucket of raw clickstream events."),
            ("Data warehouse", "A columnar store of cleaned data built for analytical queries.",
             "Nightly loads of orders into a star schema."),
            ("Feature store", "A shared catalogue of features served the same way offline and online.",
             "Training and serving read one user-age feature."),
        ], start=1)
    ]  # fmt: skip
    page = ("<html><body><h1>Deck</h1><p>Mastered 0 / 0</p><script>const CARDS = {}; "
            "function show(i) {{ return CARDS[i]; }}</script></body></html>")  # fmt: skip
    (tmp_path / "deck.html").write_text(page.format(json.dumps(cards)))
    doc, items = load_items(tmp_path / "deck.html")
    assert doc.format == "html deck"
    assert [(i.kind, i.section, i.question) for i in items] == [
        ("qa", "Storage", "Data lake"), ("qa", "Storage", "Data warehouse"),
        ("qa", "Storage", "Feature store"),
    ]  # fmt: skip
    assert items[0].answer == (
        "A store that keeps raw data in its native format.\n"
        "example: An S3 bucket of raw clickstream events."
    )  # the source, a label and not a sentence, is no part of the answer
    js = page.format(json.dumps(cards).replace('"title"', "title"))  # JavaScript, not JSON
    (tmp_path / "js.html").write_text(js)
    assert load_items(tmp_path / "js.html")[1] == items
    (tmp_path / "two.html").write_text(page.format(json.dumps(cards[:2])))
    assert load(tmp_path / "two.html").format == "html"


def test_a_headerless_multiple_choice_csv_and_restructuredtext_saved_as_txt(tmp_path):
    (tmp_path / "mmlu.csv").write_text(
        'Which is a linear model?,Logistic regression,"Random forest",k-NN,C4.5,A\n'
        "What is the rank of the all-ones 3x3 matrix?,0,1,2,3,B\n"
    )
    items = load_items(tmp_path / "mmlu.csv")[1]
    assert items[1].answer == "- 0\n- ✓ 1\n- 2\n- 3"  # the key ticked, so the quiz asks it so
    from rag.quiz_choices import split_choices

    assert split_choices(items[0].answer)[1] == "Logistic regression"
    (tmp_path / "faq.txt").write_text(
        ".. _faq:\n\n===\nFAQ\n===\n\nDoes it support Python 3?\n-------------------------\n\n"
        "Yes, 3.4 and later.\n\nWhy is it slow?\n---------------\n\nSee ``cxxflags``::\n\n"
        "    -O3\n"
    )
    doc, items = load_items(tmp_path / "faq.txt")
    assert doc.format == "restructuredtext"
    assert [(i.kind, i.question) for i in items] == [
        ("qa", "Does it support Python 3?"),
        ("qa", "Why is it slow?"),
    ]
    assert load(tmp_path / "mmlu.csv").format == "csv"


def test_a_notebook_step_explained_in_prose_is_a_section_not_a_task(tmp_path):
    md = lambda src: {"cell_type": "markdown", "source": src}  # noqa: E731
    (tmp_path / "project.ipynb").write_text(
        _notebook(
            [
                md("## Step 1: Detect Humans\n\nIn this section we use a cascade classifier."),
                {"cell_type": "code", "source": "import cv2", "outputs": []},
                md("__Question 1:__ What share of the first 100 images has a face?"),
                md("__Answer:__ (You can print your answer below.)"),
            ]
        )
    )
    _, items = load_items(tmp_path / "project.ipynb")
    assert "Detect Humans" not in [i.question for i in items]


def test_an_html_faqs_table_of_contents_asks_nothing(tmp_path):
    (tmp_path / "faq.html").write_text(
        "<html><body><ul><li><a href='#q01'>Q01:_Installation</a>(2)</li>"
        "<li><a href='#q02'>Q02:_Data_preparation</a>(1)</li></ul>"
        "<a name='q01'></a><b>Q: How do I install it?</b><br>Run make in the folder.<hr>"
        "<b>Q: Why is my model_file empty?</b><br>The run stopped early.<hr>"
        "<a name='q02'></a><b>Q: May I comment data files?</b><br>No.</body></html>"
    )
    _, items = load_items(tmp_path / "faq.html")
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("qa", "How do I install it?"),
        ("qa", "Why is my model_file empty?"),  # no backslash before the underscore
        ("qa", "May I comment data files?"),
    ]
