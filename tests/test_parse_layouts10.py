"""Layout families found in the twenty-fifth third-party batch (mathematics for ML), each on a
small hand-made input."""

from tests.test_parse_layouts import qa, run


def test_headings_typed_without_a_space_after_their_hashes_are_headings():
    """`##What is X?` is a heading to Markdown.pl and most editors (not to CommonMark): a bank
    typed that way is read as one typed with the space. One hash (`#tag`) and code stay text."""
    items = run(
        "# Calculus\n\n##What is a gradient?\nThe vector of partial derivatives.\n\n"
        "##What is a Hessian?\nThe matrix of second derivatives.\n\n"
        "#tag #calculus\n\n```python\n##not a heading\n```\n"
    )
    assert qa(items) == [
        ("qa", "What is a gradient?", "The vector of partial derivatives."),
        ("qa", "What is a Hessian?", "The matrix of second derivatives."),
    ]
    text = "\n".join(i.answer for i in items)
    assert "#tag #calculus" in text
    assert "##not a heading" in text


def test_a_glossary_term_with_sub_terms_is_a_card_and_so_is_each_sub_term():
    """A glossary's term with a definition of its own over sub-term headings: the term is a
    card answered by that definition alone, and each sub-term (even an only child) is a card."""
    items = run(
        "# Glossary\n\n## Derivative\nThe rate of change of f.\n\n"
        "## Differential\nThe product of f' and dx.\n\n"
        "### Natural differential\nThe type one would expect.\n\n"
        "### Thunk\nA delayed differential.\n\n"
        "## Pullback\nThe sensitivity of inputs to outputs.\n\n"
        "### Vector-Jacobian product\nThe pullback written with its Jacobian.\n\n"
        "## Primal\nThe original computation.\n"
    )
    assert qa(items) == [
        ("qa", "Derivative", "The rate of change of f."),
        ("qa", "Differential", "The product of f' and dx."),
        ("qa", "Natural differential", "The type one would expect."),
        ("qa", "Thunk", "A delayed differential."),
        ("qa", "Pullback", "The sensitivity of inputs to outputs."),
        ("qa", "Vector-Jacobian product", "The pullback written with its Jacobian."),
        ("qa", "Primal", "The original computation."),
    ]
    differential = next(i for i in items if i.question == "Differential")
    assert "delayed" not in differential.answer


def test_a_quiz_printed_front_then_back_reads_as_cards(tmp_path):
    """Slides printed in builds: each question slide is followed by one that repeats it (give
    or take a small edit) and reveals the answer. The front is the question, what the back adds
    is the answer; a back that adds no text (its answer is a picture) leaves a bare question, and
    a build that asks nothing is dropped, its text being on the next page."""
    from ingest.loaders import load
    from ingest.parse import parse_document
    from tests.pdfs import make_pdf

    front = "1. Training\nYou have written a configuration file config.yaml.\nWhich command starts training with it?"
    edited = "2. Pre-processing\nWhat pre-processing does the v2 toolkit do for you?"
    picture = "3. Attention\nWhich source token gets the most attention for the word if?"
    overlay = "Summary\nTraining is driven by one configuration file."
    path = make_pdf(
        tmp_path / "quiz.pdf",
        [
            overlay,
            overlay + "\nTesting reads the same file.",
            front,
            front + "\npython -m toolkit train config.yaml",
            edited,
            "2. Pre-processing\nWhat pre-processing does the toolkit do for you?\nsubword splitting\ntokenization",
            picture,
            picture,
        ],
    )
    items = parse_document(load(path), chunker=lambda t: [t])
    assert [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"] == [
        ("qa", "You have written a configuration file config.yaml. Which command starts training with it?",
         "python -m toolkit train config.yaml"),
        ("qa", "What pre-processing does the v2 toolkit do for you?", "subword splitting\ntokenization"),
        ("question", "Which source token gets the most attention for the word if?", ""),
    ]  # fmt: skip
    prose = "\n".join(i.answer for i in items if i.kind == "chunk")
    assert prose.count("Training is driven by one configuration file.") == 1
    assert "Testing reads the same file." in prose


def test_a_quiz_back_ticks_its_options_and_the_options_are_the_answer():
    from ingest.formats.slide_builds import fold_builds

    front = ["2. Saving", "How do you know your model was saved?", "☐ A checkpoint file exists.",
             "☐ The model is always saved."]  # fmt: skip
    back = ["2. Saving", "How do you know your model was saved?", "☑ A checkpoint file exists.",
            "☐ The model is always saved.", "See the training log."]  # fmt: skip
    assert fold_builds([(1, front), (2, back)]) == [
        (2, ["Q: How do you know your model was saved?", "A: A checkpoint file exists.",
             "The model is always saved.", "See the training log."]),
    ]  # fmt: skip
