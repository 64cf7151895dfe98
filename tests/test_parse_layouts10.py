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
