"""Layout families found in the thirty-first to thirty-fourth third-party batches (probability
and information theory; transformer internals; time series; CNNs and RNNs), each on a small
hand-made input."""

import pytest

from tests.notebooks import make_notebook
from tests.test_parse_layouts import qa, run


def test_a_statement_whose_fold_opens_with_a_verdict_is_a_true_or_false_question():
    """A `<details>` quiz of statements: the fold reveals "❌ Incorrect!" or "True." first, so
    the statement in the summary asks though it has no "?". A fold of notes stays prose."""
    items = run(
        "## Test your understanding\n\n"
        "<details>\n<summary>The posterior is always larger than the prior</summary>\n"
        "❌ Incorrect! Evidence can lower our belief too.\n</details>\n\n"
        "<details>\n<summary>The denominator normalises the posterior</summary>\n"
        "True. It sums over every way the evidence can occur.\n</details>\n\n"
        "<details>\n<summary>The derivation in full</summary>\n"
        "Start from the product rule and divide both sides by the evidence.\n</details>\n"
    )
    assert qa(items) == [
        ("qa", "The posterior is always larger than the prior",
         "❌ Incorrect! Evidence can lower our belief too."),
        ("qa", "The denominator normalises the posterior",
         "True. It sums over every way the evidence can occur."),
    ]  # fmt: skip
    assert items[-1].kind == "chunk" and "product rule" in items[-1].answer


def test_a_short_label_heading_in_a_faq_is_no_entry():
    """Under a FAQ whose entries ask, "#### Citation:" labels what follows (its BibTeX); a
    problem stated in a sentence that ends in a colon is still an entry."""
    items = run(
        "## FAQ\n\n#### Why does it extrapolate?\nThe biases favour recent tokens.\n\n"
        "#### How does it compare to rotary embeddings?\nIt is faster to train.\n\n"
        "#### I get this error when I train on two GPUs:\n```\nNCCL timeout\n```\n"
        "Raise the timeout.\n\n#### Citation:\n```\n@inproceedings{alibi}\n```\n"
    )
    assert [q for _, q, _ in qa(items)] == [
        "Why does it extrapolate?",
        "How does it compare to rotary embeddings?",
        "I get this error when I train on two GPUs:",
    ]
    assert items[-1].kind == "chunk" and items[-1].section == "FAQ > Citation:"


def test_a_section_name_keeps_its_code_spans_whole():
    """ "### `head_dim`: int" names its section "`head_dim`: int" (a leading backtick was
    trimmed, leaving "head_dim`: int"); a title that is one code span shows its text."""
    items = run(
        "# Operator\n\n### `head_dim`: int\nThe dimension of each attention head.\n\n"
        "### Starting with `grad`\nYou can differentiate a function with grad.\n\n"
        "### `KeyValueCache`\nThe cache of keys and values kept between steps.\n"
    )
    assert [i.section for i in items] == [
        "Operator > `head_dim`: int",
        "Operator > Starting with `grad`",
        "Operator > KeyValueCache",
    ]


def test_an_mdx_accordion_is_a_question_over_its_answer():
    """Mintlify's `<Accordion title="…">` (inside tab panels) shows its title and opens its
    text on a click, as `<details>` does: a title that asks is a question over that text.
    Wrapper tags alone on their lines (`<Tab …>`, `<Check>`) print nothing, and a tag spread
    over lines goes with its props while the text it holds stays."""
    items = run(
        '<CardGroup cols={2}>\n  <Card\n    title="Quick Start"\n    href="/start"\n  >\n'
        "    Get started with forecasting in minutes, from the first call to a plot.\n"
        "  </Card>\n</CardGroup>\n\n"
        '## Commonly asked questions\n<Tabs>\n  <Tab title="Basics" icon="chart-line">\n'
        '    <Accordion title="What is TimeGPT?">\n'
        "      TimeGPT is a foundation model for time series forecasting.\n    </Accordion>\n\n"
        "    <Accordion title='Can it detect anomalies?'>\n      <Check>\n"
        "        Yes, with its anomaly detection method.\n      </Check>\n    </Accordion>\n"
        "  </Tab>\n</Tabs>\n"
    )
    assert qa(items) == [
        ("qa", "What is TimeGPT?", "TimeGPT is a foundation model for time series forecasting."),
        ("qa", "Can it detect anomalies?", "Yes, with its anomaly detection method."),
    ]
    assert items[0].answer == (
        "Get started with forecasting in minutes, from the first call to a plot."
    )


def test_term_definitions_in_a_glossary_are_cards_at_any_depth():
    """Under a glossary, a list item that defines a term (`Term: text`, a notation list's
    `Xt - text`) is a card, in a sub-section too; the heading over such a list names a group of
    terms and is no card itself. Bold lists elsewhere stay prose."""
    items = run(
        "# Glossary\n\n## Terms\n\n"
        "- Ensemble: The totality of all possible realizations of a series.\n"
        "- Period: The time one cycle takes.\n\n"
        "## Notation\n\n### Forecasting\n\n"
        "- l - a forecast step.\n- t0 - the forecast horizon.\n\n"
        "### Filtering\n\n- H(B) - transfer function\n\n"
        "# Study plan\n\n- Week one: read the chapter on stationarity.\n"
    )
    assert qa(items) == [
        ("qa", "Ensemble", "The totality of all possible realizations of a series."),
        ("qa", "Period", "The time one cycle takes."),
        ("qa", "l", "a forecast step."),
        ("qa", "t0", "the forecast horizon."),
        ("qa", "H(B)", "transfer function"),
    ]
    assert items[-1].kind == "chunk" and "Week one" in items[-1].answer
    assert items[2].section == "Glossary > Notation > Forecasting"


def test_a_pdf_glossary_keeps_its_numbered_sections_and_list_titles(tmp_path):
    """A PDF's text keeps no font sizes: "1 Glossary" / "1.1 Notation" are titles by their
    section numbers, as deep as the number, and a short title line right over a bulleted list
    ("Periodic Signals") heads that list, a level under them; its definitions are cards. A
    line printed before every question ("1 PT") or a table row ("1 NaN") is no title."""
    from tests.pdfs import make_pdf
    from tests.test_formats import load_items

    text = (
        "Time series notes\nMarch 14, 2020\n1 Glossary\n"
        "Notation and terms used in time series analysis.\n1.1 Notation\nPeriodic Signals\n"
        "- A - amplitude of the periodic signal.\n- f - frequency of a periodic signal.\n"
        "Forecasting\n- l - a forecast step.\n- t0 - the forecast horizon.\n1.2 Terms\n"
        "- Period: The amount of time for one cycle to complete.\n"
        "- Frequency: The number of cycles per unit time.\n"
    )
    _, items = load_items(make_pdf(tmp_path / "glossary.pdf", [text]))
    cards = [(i.section, i.question, i.answer) for i in items if i.kind == "qa"]
    assert cards == [
        ("1 Glossary > 1.1 Notation > Periodic Signals", "A", "amplitude of the periodic signal."),
        ("1 Glossary > 1.1 Notation > Periodic Signals", "f", "frequency of a periodic signal."),
        ("1 Glossary > 1.1 Notation > Forecasting", "l", "a forecast step."),
        ("1 Glossary > 1.1 Notation > Forecasting", "t0", "the forecast horizon."),
        ("1 Glossary > 1.2 Terms", "Period", "The amount of time for one cycle to complete."),
        ("1 Glossary > 1.2 Terms", "Frequency", "The number of cycles per unit time."),
    ]


def test_numbers_that_head_no_section_stay_text():
    """A line printed before every question of an exam ("1 PT · Multiple choice") and a table
    row that starts with a number ("1 NaN") have no neighbour in a section numbering."""
    from ingest.pagetitles import mark_titles

    filler = "The estimate of the slope uses the training data and the noise in it."
    lines = [filler, "1 PT · Multiple choice", "Which pair gives precision?", "- TP and FP",
             "- TN and FN", "1 PT · Multiple choice", "Which model is an ensemble?",
             "- Random forest", "- Linear regression", filler, "1 NaN", "2 3 2 4", filler]  # fmt: skip
    marked = [ln for _, ln in mark_titles(list(enumerate(lines)))]
    assert not [ln for ln in marked if ln.startswith("#") and ("PT" in ln or "NaN" in ln)]


def _exercise_notebook(tmp_path, cells):
    from tests.test_formats import load_items

    return load_items(make_notebook(tmp_path / "lab.ipynb", cells))[1]


def test_an_exercise_over_code_to_fill_in_is_unanswered(tmp_path):
    """A lab notebook's "**Question 1:** Write a function …" over a `# TODO` stub, and "Which
    … and why?" over given plot code and an empty "Write your answer here:" cell, are left to
    the student: bare questions, their hints and code kept as notes. A question answered by
    real code, or by a written answer, keeps its answer."""
    items = _exercise_notebook(tmp_path, [
        ("markdown", "## Highlight anomalies\n\n**Question 1:** Write a function that plots "
                     "the series with its anomalies in red.\n\n**Hint:** Use matplotlib."),
        ("code", "# TODO: Implement the following function\ndef plot(x, y):\n    pass"),
        ("markdown", "## Compare detectors\n\n**Question 2:** Which detector is best, and why?"),
        ("code", "plt.bar(names, scores)\nplt.show()"),
        ("markdown", "**Write your answer here:**"),
        ("markdown", "## Count anomalies\n\n**Question 3:** How do you count the anomalies?"),
        ("code", "def count(y):\n    return int(np.sum(np.diff(y) == 1))"),
    ])  # fmt: skip
    asked = [(i.kind, i.question) for i in items if i.kind != "chunk"]
    assert asked == [
        ("question", "Write a function that plots the series with its anomalies in red."),
        ("question", "Which detector is best, and why?"),
        ("qa", "How do you count the anomalies?"),
    ]
    notes = " ".join(i.answer for i in items if i.kind == "chunk")
    assert "Use matplotlib" in notes and "def plot(x, y)" in notes and "plt.bar" in notes


def test_latex_notes_read_as_the_markdown_they_stand_for(tmp_path):
    """A `.tex` file: the preamble gives the title, sections are headings (a question section
    answered by its text), itemize items are list items, maths stays as written, verbatim is
    code, comments, citations and labels print nothing; each item cites its source line."""
    from ingest.loaders import load
    from ingest.parse import parse_document

    tex = (
        "\\documentclass{article}\n\\title{Convolution notes}\n\\begin{document}\n\\maketitle\n"
        "\\section{What does padding do?}\n\\label{sec:pad}\n"
        "Zero padding keeps the \\textbf{output size} \\cite{dumoulin}. % remember this\n\n"
        "\\begin{itemize}\n\\item same padding: $o = i$\n\n\\item full padding: $o = i + k - 1$\n"
        "\\end{itemize}\n\n\\section{Strides}\nThe output is\n\\begin{equation}\n"
        "o = \\lfloor (i + 2p - k) / s \\rfloor + 1\n\\end{equation}\n\n"
        "\\begin{verbatim}\nx = conv(y)  # 50% off\n\\end{verbatim}\n\\end{document}\n"
    )
    path = tmp_path / "notes.tex"
    path.write_text(tex)
    doc = load(path)
    assert doc.format == "latex"
    items = parse_document(doc, lambda text: [text])
    first = items[0]
    assert (first.kind, first.question, first.section) == (
        "qa",
        "What does padding do?",
        "Convolution notes",
    )
    assert "**output size**" in first.answer and "- same padding: $o = i$" in first.answer
    assert "remember" not in first.answer and "dumoulin" not in first.answer
    assert first.locator == "lines 4-9"  # from the paragraph the section opens in
    strides = " ".join(i.answer for i in items if "Strides" in i.section)
    assert (
        "\\lfloor (i + 2p - k) / s \\rfloor" in strides
        and "```\nx = conv(y)  # 50% off\n```" in strides
    )


def test_latex_with_no_text_gets_a_reason(tmp_path):
    from core.errors import LoadError
    from ingest.loaders import load

    path = tmp_path / "empty.tex"
    path.write_text("\\documentclass{article}\n\\begin{document}\n% nothing yet\n\\end{document}\n")
    with pytest.raises(LoadError, match="no text"):
        load(path)
