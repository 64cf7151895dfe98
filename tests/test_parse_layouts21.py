"""More layouts of third-party banks (see tests/test_parse_layouts.py)."""

from tests.test_parse_layouts import run


def _cards(items):
    return [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"]


def test_a_numbered_question_titled_by_a_name_asks_its_statement():
    """`## Question 1: MSE by Hand` over "… Compute the MSE.": the title names the question,
    the statement that sets the task asks it, and what follows the statement answers it. A
    title over a statement that sets no task, a statement of a sentence or more in place of a
    title, and a solution labelled below (the title its question, the statement a note) stay
    as they were."""
    items = run(
        "# Quiz\n\n## Question 1 : MSE by Hand\n\n"
        "A model produces the following predictions. Compute the MSE.\n\n"
        "## Question 2: Squares\n\nWhy do we square errors?\n\n"
        "Because it penalises large errors more.\n\n"
        "## Q3) Memory leak\n\nThe optimizer leaks memory. Use `torch.no_grad()`.\n\n"
        "## Question 4 - Not equal\n\nWrite a query that skips soda.\n\nSolution:\n\n"
        "    select * from drinks where main <> 'soda';\n"
    )
    assert _cards(items) == [
        ("question", "A model produces the following predictions. Compute the MSE.", ""),
        ("qa", "Why do we square errors?", "Because it penalises large errors more."),
        ("qa", "Memory leak", "The optimizer leaks memory. Use `torch.no_grad()`."),
        (
            "qa",
            "Not equal",
            "Write a query that skips soda.\n\nSolution:\n\n    select * from drinks where main <> 'soda';",
        ),
    ]


def test_a_numbered_question_line_in_a_pdf_titles_its_task(tmp_path):
    """A PDF quiz prints `Question 3 : Derivative of a Loss` over its task: the task is the
    question, left to the student. A line that leaves a blank to fill in ("MSE =") is no title
    of the questions after it (their section stays the quiz's)."""
    from tests.pdfs import make_pdf
    from tests.test_formats import load_items

    text = (
        "Session 5 Quiz\nLoss Functions and Gradient Descent | 4 questions\n"
        "Question 1 : MSE by Hand\n"
        "A model produces the following predictions. Compute the mean squared error.\n"
        "MSE =\n"
        "Question 2 : Derivative of a Loss\nGiven L(w) = (4 - 2w)^2, compute dL/dw.\n"
        "Question 3 : Gradient Direction\n"
        "You are at w = 0 on the loss curve of Question 2. The gradient is negative. Should\n"
        "you increase or decrease w to reduce the loss? Explain why.\n"
        "Question 4 : Diverging Loss\n"
        "A colleague sees the loss grow over the first few epochs. What is the most likely\n"
        "cause, and how would you fix it?\n"
    )
    _, items = load_items(make_pdf(tmp_path / "quiz.pdf", [text]))
    asked = [(i.kind, i.section, i.question) for i in items if i.kind != "chunk"]
    assert {section for _, section, _ in asked} == {items[0].section}
    assert asked[1:] == [
        ("question", items[0].section, "Given L(w) = (4 - 2w)^2, compute dL/dw."),
        (
            "question",
            items[0].section,
            "You are at w = 0 on the loss curve of Question 2. The gradient is negative. Should "
            "you increase or decrease w to reduce the loss? Explain why.",
        ),
        (
            "question",
            items[0].section,
            "A colleague sees the loss grow over the first few epochs. What is the most likely "
            "cause, and how would you fix it?",
        ),
    ]


def test_a_json_glossary_keyed_by_term_asks_each_term(tmp_path):
    """`{"affine": {"definition": …, "url": …}}`: a record kept under its key that names no
    question field is asked by that key (never by its link); a record that names its question
    (`{"q1": {"question": …}}`) keeps it, its key an identifier."""
    import json

    from tests.test_formats import load_items

    glossary = {
        "affine": {"definition": "A function f(x) = Ax + b.", "url": "../topics/03/index.html#s1"},
        "cone": {"definition": "A set closed under non-negative scaling.", "url": "../topics/03/"},
    }
    (tmp_path / "glossary.json").write_text(json.dumps(glossary, indent=2))
    _, items = load_items(tmp_path / "glossary.json")
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "affine", "A function f(x) = Ax + b."),
        ("qa", "cone", "A set closed under non-negative scaling."),
    ]
    bank = {"q1": {"question": "What is a cone?", "answer": "A set closed under scaling."},
            "q2": {"question": "What is a hull?", "answer": "The smallest convex superset."}}  # fmt: skip
    (tmp_path / "bank.json").write_text(json.dumps(bank))
    _, items = load_items(tmp_path / "bank.json")
    assert [i.question for i in items] == ["What is a cone?", "What is a hull?"]


def test_a_field_that_states_the_question_in_full_is_the_question():
    """`### Question 5: L2 vs weight decay` / `**Interview Question:** "Are they the same
    thing? Explain."` / the answer folded in `<details>`: the heading's title names the
    question, the field states it, so the field's text is the question and the fold its
    answer. Other fields (`**Difficulty:** Medium`) may come before it; a field that asks
    nothing leaves the heading's question as it is."""
    items = run(
        "# Interview prep\n\n### Question 5: L2 vs weight decay\n\n**Difficulty:** Medium\n\n"
        '**Interview Question:** "Are L2 regularization and weight decay the same thing? '
        'Explain."\n\n<details>\n<summary>Click for Answer</summary>\n\n'
        "Equivalent for SGD, different for Adam.\n\n</details>\n\n"
        "### Question 6: What is warmup?\n\n**Interview Question:** as above\n\n"
        "A few hundred steps at a small learning rate first.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Are L2 regularization and weight decay the same thing? Explain.",
            "Equivalent for SGD, different for Adam.",
        ),
        (
            "qa",
            "What is warmup?",
            "**Interview Question:** as above\n\nA few hundred steps at a small learning rate first.",
        ),
    ]


def test_an_empty_question_field_leaves_the_heading_its_question():
    items = run(
        '# Prep\n\n### Question 7: Warmup\n\n**Interview Question:** ""\n\nA few steps first.\n'
    )
    assert [(i.kind, i.question) for i in items] == [("qa", "Warmup")]


def test_a_list_under_a_quiz_heading_is_a_list_of_tasks():
    """`## Quiz (ch. 1)` over a numbered list: each item is a task left to the student however
    it is worded ("Remove the extra dimension …" as much as "Create a 4D tensor …"); the same
    list under another heading keeps only the item a task verb opens."""
    tasks = (
        "1. Create a 4D tensor with a dimension of size 1 at dimension 0.\n"
        "1. Remove the extra dimension you just added.\n"
        "1. Retrieve the indexes of the nonzero elements of `torch.Tensor([0, 1])`.\n"
    )
    items = run(f"# NLP with PyTorch\n\n## Quiz  (ch. 1)\n\n{tasks}")
    assert _cards(items) == [
        ("question", "Create a 4D tensor with a dimension of size 1 at dimension 0.", ""),
        ("question", "Remove the extra dimension you just added.", ""),
        ("question", "Retrieve the indexes of the nonzero elements of `torch.Tensor([0, 1])`.", ""),
    ]
    elsewhere = _cards(run(f"# NLP with PyTorch\n\n## What we did\n\n{tasks}"))
    assert elsewhere == [_cards(items)[0]]


def test_an_a_to_z_glossary_in_spanish_makes_every_entry_a_card():
    """`# Glosario` with `## A` / `### Autovalor` entries: each entry under a letter is a card,
    however few a letter holds, and one defined in parts (`**Local**: … / **Global**: …`) is
    one card; the letters' other siblings ("Comparación rápida") are parts of the page."""
    items = run(
        "# 📖 Glosario - Semana 17: Reducción de Dimensionalidad\n\n"
        "## A\n\n### Autovalor\n\nEscalar que satisface Av = λv.\n\n"
        "## B\n\n### Biplot\n\nGráfico de observaciones y cargas.\n\n"
        "## L\n\n### Local vs Global\n\n- **Local**: puntos cercanos.\n"
        "- **Global**: grupos lejanos.\n\n"
        "## Comparación rápida\n\nPCA es lineal; t-SNE no.\n"
    )
    assert _cards(items) == [
        ("qa", "Autovalor", "Escalar que satisface Av = λv."),
        ("qa", "Biplot", "Gráfico de observaciones y cargas."),
        ("qa", "Local vs Global", "- **Local**: puntos cercanos.\n- **Global**: grupos lejanos."),
    ]


def test_a_typst_term_list_makes_a_card_of_each_term(tmp_path):
    """A Typst file (`.typ`): `=` headings, `/ Term: description` term lists (a description
    goes on over the lines indented under it), `+` numbered lists, code blocks kept as written,
    settings and comments printing nothing; locators point at the file's own lines."""
    from ingest.loaders import load
    from ingest.parse import parse_document

    path = tmp_path / "cheatsheet.typ"
    path.write_text(
        '#set text(font: "Linux Libertine")\n// a comment\n= Deep Neural Networks\n'
        "/ Vanishing Gradients: Derivatives shrink through each layer,\n"
        "  so the first layers learn slowly.\n\n"
        "/ Exploding Gradients: Each layer *amplifies* the gradient.\n\n"
        "== Fixes\n+ Clip the gradient norm.\n+ Initialise with He or Xavier.\n"
        "```python\n= not a heading\n```\n"
    )
    doc = load(path)
    assert doc.format == "typst"
    items = parse_document(doc, chunker=lambda t: [t])
    assert _cards(items) == [
        (
            "qa",
            "Vanishing Gradients",
            "Derivatives shrink through each layer,\nso the first layers learn slowly.",
        ),
        ("qa", "Exploding Gradients", "Each layer **amplifies** the gradient."),
    ]
    assert items[0].section == "Deep Neural Networks" and items[0].locator == "lines 4-5"
    text = "\n".join(line for _, line in doc.lines)
    assert "font" not in text and "a comment" not in text
    assert "1. Clip the gradient norm." in text and "```python\n= not a heading\n```" in text
