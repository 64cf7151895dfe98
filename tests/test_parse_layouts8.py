"""Layout families found in the eighteenth and nineteenth third-party batches (deep learning,
LLM and ML-systems notes), each on a small hand-made input."""

import json

from tests.test_formats import load_items
from tests.test_parse_layouts import run


def test_a_numbered_list_keeps_every_item_in_its_section():
    """Items without a full stop (`1. Load the data`) are a list, not a run of titles each over
    the next item: every item is kept, under the heading it sits under."""
    items = run(
        "# Perceptron\n\n"
        "### What we learned:\n"
        "1. **Structure**: one neuron with weights and a bias\n"
        "2. **Learning**: weights move with the prediction error\n"
        "3. **Limits**: cannot solve XOR\n\n"
        "### Insights:\n"
        "- **Boundary**: w x + b = 0\n\n"
        "Steps to train:\n\n"
        "1. Load the data\n"
        "2. Fit the model\n"
        "3. Check the loss\n"
    )
    text = "\n".join(i.answer for i in items)
    for kept in ("one neuron with weights", "weights move with", "cannot solve XOR",
                 "Load the data", "Fit the model", "Check the loss"):  # fmt: skip
        assert kept in text
    sections = {i.section for i in items}
    assert sections == {"Perceptron > What we learned:", "Perceptron > Insights:"}


def test_a_numbered_list_in_prose_keeps_its_numbers():
    """Steps in order stay numbered when shown (`1.`, `2)`); only bullets read `-`."""
    (item,) = run(
        "# Notes\n\nTo train the model on a new dataset:\n\n"
        "1. Load the data from disk\n2. Fit the model on the training split\n\n"
        "Things to watch:\n\n* the loss on the validation split\n* the learning rate\n"
    )
    assert "\n1. Load the data from disk\n2. Fit the model on the training split\n" in item.answer
    assert item.answer.endswith("\n- the loss on the validation split\n- the learning rate")


GLOSSARY = [
    ("Alert", "An alert says a statistic is outside its expected range."),
    ("Concept drift", "A change in the mapping between the model inputs and the target."),
    ("Data period", "A span of data, such as the reference or the analysis period."),
]


def test_bold_terms_under_a_glossary_heading_are_cards():
    """`## Glossary`, then `**Term**` lines each over its definition: one card per term, the
    definition (all its paragraphs) its answer. Bold lines elsewhere stay emphasis."""
    body = "\n\n".join(f"**{term}**\n{text}" for term, text in GLOSSARY)
    items = run(f"# Monitoring\n\n## Glossary\n\n{body}\n")
    assert [(i.kind, i.question, i.answer.split("\n")[0]) for i in items] == [
        ("qa", term, text) for term, text in GLOSSARY
    ]
    assert {i.kind for i in run(f"# Monitoring\n\n## Overview\n\n{body}\n")} == {"chunk"}


def test_a_sphinx_glossary_directive_reads_as_cards(tmp_path):
    entries = "\n".join(f"    {term}\n        {text}\n" for term, text in GLOSSARY)
    (tmp_path / "glossary.rst").write_text(f"Glossary\n========\n\n.. glossary::\n\n{entries}")
    _, items = load_items(tmp_path / "glossary.rst")
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", term, text) for term, text in GLOSSARY
    ]


def test_a_paragraph_after_a_list_is_not_part_of_its_last_item():
    """Shown as Markdown, a line right after a list item continues it; the paragraph after the
    list keeps the blank line that ends the list. A lower-case line does go on with the item."""
    (item,) = run(
        "# Notes\n\nTo train the model on a new dataset:\n\n"
        "1. Load the data from disk\n2. Fit the model on the training split\n\n"
        "Then check the loss on the validation split.\n\n"
        "- take the mean label (regression)\nor the majority label (classification)\n"
    )
    assert "training split\n\nThen check the loss" in item.answer
    assert "(regression)\nor the majority" in item.answer


def test_a_pdf_keeps_its_title_lines(tmp_path):
    """Short lines at the top of a PDF are its title and subtitle, not a web menu to drop."""
    from tests.pdfs import make_pdf

    filler = " ".join(["the estimate of the slope uses the training data and its noise"] * 2)
    page = "Statistics Notes\nSpring term review\n" + f"{filler}.\n" * 4
    _, items = load_items(make_pdf(tmp_path / "notes.pdf", [page]))
    text = " ".join(f"{i.section} {i.answer}" for i in items)
    assert "Statistics Notes" in text and "Spring term review" in text


def test_questions_printed_under_a_topic_title_are_that_topics():
    """In a PDF's text, a title over a question ("Regression analysis" / "What is …?") heads
    the questions under it: they are marked a level below it, so none leaves it empty."""
    from ingest.pagetitles import mark_titles

    filler = "The estimate of the slope uses the training data and the noise in it."
    lines = [filler] * 8 + [
        "Regression analysis",
        "What is the difference between correlation and regression?",
        filler,
        "How is the slope estimated?",
        filler,
        "Clustering",
        "What does k-means minimise?",
        filler,
    ]
    marked = [line for _, line in mark_titles(list(enumerate(lines))) if line.startswith("#")]
    assert marked == [
        "## Regression analysis",
        "### What is the difference between correlation and regression?",
        "### How is the slope estimated?",
        "## Clustering",
        "### What does k-means minimise?",
    ]


def test_a_json_index_finds_its_question_list_among_others(tmp_path):
    """`{"categories": [...], "questions": [...]}`: the questions are the list whose records
    name a question field, or, when none does, the list kept under a key that says they are
    questions, each record's title the question."""
    categories = [{"id": "rag", "label": "Retrieval"}, {"id": "agent", "label": "Agents"}]
    titled = [{"id": f"q{n}", "title": t, "category": "rag", "file": f"q{n}.md"} for n, t in enumerate(
        ["How do you chunk documents for RAG", "What is a tool call", "Why rerank results"])]  # fmt: skip
    (tmp_path / "index.json").write_text(
        json.dumps({"categories": categories, "questions": titled})
    )
    _, items = load_items(tmp_path / "index.json")
    assert [(i.kind, i.question) for i in items] == [("question", r["title"]) for r in titled]

    answered = [{"q": "What is RAG?", "a": "Retrieval, then generation."}]
    (tmp_path / "bank.json").write_text(json.dumps({"topics": categories, "cards": answered}))
    _, items = load_items(tmp_path / "bank.json")
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "What is RAG?", "Retrieval, then generation.")
    ]


def test_numbered_questions_answered_below_may_be_worded_as_tasks():
    """`1) Describe X.` / blank / its answer, among `2) Why …?` items: the pattern of a
    numbered list answered by the paragraphs under it holds for tasks as for "?" questions."""
    pairs = [
        ("Describe the softmax function.", "It turns scores into probabilities that sum to one."),
        ("Why does dropout help?", "It stops units from co-adapting, so features are robust."),
        ("Explain the bias of an estimator", "The gap between its mean and the true value."),
        ("When should you use a kernel?", "When the classes are not linearly separable."),
    ]
    items = run("\n\n".join(f"{n}) {q}\n\n{a}" for n, (q, a) in enumerate(pairs, start=1)))
    assert [(i.kind, i.question, i.answer) for i in items] == [("qa", q, a) for q, a in pairs]


def test_a_bold_lead_in_ending_with_a_colon_is_part_of_the_answer():
    """In a bank of bold questions, `**Preventing it through your data:**` over a paragraph
    introduces a part of the answer above; it asks nothing, so it is no question of its own."""
    items = run(
        "**Q: What is overfitting?**\n\nA: Fitting noise in the training data.\n\n"
        "**Q: How do you prevent overfitting?**\n\nA: In three ways.\n\n"
        "**Preventing it through your data:**\nGet more data, or augment the data you have.\n\n"
        "**Preventing it through your model:**\nAdd dropout and weight decay to the model.\n\n"
        "**Q: What is dropout?**\n\nA: Units are zeroed at random during training.\n"
    )
    assert [i.question for i in items] == [
        "What is overfitting?", "How do you prevent overfitting?", "What is dropout?"
    ]  # fmt: skip
    assert "augment the data you have" in items[1].answer


def test_numbered_section_titles_in_a_pdf_are_sections():
    """LaTeX prints "3 Approach" and "3.1 Training setup": the section number does not keep a
    line standing alone between sentences from being a title, and a sub-section nests under its
    section."""
    from ingest.pagetitles import mark_titles

    filler = "The estimate of the slope uses the training data and the noise in it."
    lines = [filler] * 6 + ["3 Approach", filler, filler, "3.1 Training setup", filler, filler]
    marked = [line for _, line in mark_titles(list(enumerate(lines))) if line.startswith("#")]
    assert marked == ["## 3 Approach", "### 3.1 Training setup"]


def test_a_printed_numbered_bank_keeps_each_answer(tmp_path):
    """A PDF of `1. What is X?` with the answer on the lines under it (a page keeps no blank
    lines or indents): each question gets the text up to the next question, wrapped lines too."""
    from tests.pdfs import make_pdf

    answer = "It is the {} part of the model, and it is trained with the rest of the network "
    pairs = [(f"What is the {w} layer?", (answer.format(w) * 3).strip() + ".")
             for w in ("input", "hidden", "output", "embedding")]  # fmt: skip
    text = "Neural network basics\n" + "\n".join(
        f"{n}. {q}\n{a}" for n, (q, a) in enumerate(pairs, start=1)
    )
    _, items = load_items(make_pdf(tmp_path / "bank.pdf", [text]))
    got = [(i.question, " ".join(i.answer.split())) for i in items if i.kind == "qa"]
    assert got == pairs


def test_a_two_page_pdf_loses_its_running_header_and_footer(tmp_path):
    """A header and a footer at the edge of both pages of a two-page PDF are the page's, not
    the notes' (three pages or more were needed before): no answer carries them."""
    from fpdf import FPDF

    class Notes(FPDF):
        def header(self):
            self.cell(0, 8, "ML interview notes, week 3", align="R")
            self.ln(10)

        def footer(self):
            self.set_y(-15)
            self.cell(0, 10, f"Page {self.page_no()} of 2", align="C")

    pdf = Notes()
    pdf.set_font("helvetica", size=11)
    for question in ("What is a transformer?", "What is distillation?"):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Q: {question}\nA: A model that is trained in a particular way.")
    pdf.output(str(tmp_path / "notes.pdf"))
    doc, items = load_items(tmp_path / "notes.pdf")
    text = "\n".join(line for _, line in doc.lines)
    assert "week 3" not in text and "of 2" not in text
    assert [i.question for i in items] == ["What is a transformer?", "What is distillation?"]


QA = [
    ("What is a token?", "A piece of text that the model reads as one unit."),
    ("What is a layer?", "A block of the network that transforms its input."),
    ("Why use dropout?", "It stops units from co-adapting during training."),
]


def test_questions_set_as_paragraphs_of_their_own_are_answered_by_the_next(tmp_path):
    """A FAQ page built of `<div>`s (or a plain note): each question a paragraph of its own,
    its answer the paragraph under it, when the page has no other layout of questions."""
    faq = "".join(f'<div class="faq"><div class="q">{q}</div><div>{a}</div></div>' for q, a in QA)
    page = f"<html><body><h1>Notes</h1><p>What this page is about, for readers.</p>{faq}</body>"
    (tmp_path / "faq.html").write_text(page + "</html>")
    _, items = load_items(tmp_path / "faq.html")
    assert [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"] == [
        ("qa", q, a) for q, a in QA
    ]


def test_a_definition_list_is_a_list_of_cards(tmp_path):
    """`Term` over `: definition` (Pandoc, MyST, and what an HTML `<dl>` becomes) is a card
    per term; a single line that starts with ": " in running text is not."""
    entries = "\n\n".join(f"{q}\n:   {a}" for q, a in QA)
    assert [(i.kind, i.question, i.answer) for i in run(f"# Notes\n\n{entries}\n")] == [
        ("qa", q, a) for q, a in QA
    ]
    dl = "".join(f"<dt>{q}</dt><dd>{a}</dd>" for q, a in QA)
    (tmp_path / "dl.html").write_text(f"<html><body><h1>Notes</h1><dl>{dl}</dl></body></html>")
    _, items = load_items(tmp_path / "dl.html")
    assert [(i.kind, i.question, i.answer) for i in items] == [("qa", q, a) for q, a in QA]
    (item,) = run(
        "# Cite\n\nPlease cite the paper by Chang and Lin, LIBSVM\n: a library for SVMs.\n"
    )
    assert "??? question" not in item.answer


def test_a_plain_text_bank_with_answers_on_the_next_lines(tmp_path):
    """A `.txt` bank as people type it: `1. Q?` or a bare `Q?` line with its answer on the
    lines right under it, no blank line between."""
    numbered = "\n".join(f"{n}. {q}\n{a}" for n, (q, a) in enumerate(QA, start=1))
    paragraphs = "\n\n".join(f"{q}\n{a}" for q, a in QA)
    for name, body in (("numbered.txt", numbered), ("paragraphs.txt", paragraphs)):
        (tmp_path / name).write_text(f"Notes\n\nWhat this note is about, for later.\n\n{body}\n")
        _, items = load_items(tmp_path / name)
        assert [(i.question, i.answer) for i in items if i.kind == "qa"] == QA, name
