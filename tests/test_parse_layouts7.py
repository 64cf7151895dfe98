"""Layout families found in the seventeenth third-party batch (statistics and evaluation notes),
each on a small hand-made input."""

from ingest.formats.markup import clean_line
from tests.test_parse_layouts import run


def test_an_answer_written_as_labelled_parts_reads_answer_first():
    """`**Key concepts:**`, `**Explanation:**`, then `**Answer:**`: the answer part is the answer,
    and the parts before it follow it, so nothing is lost."""
    (item,) = run(
        "### Hypothesis testing\n\n"
        "**Question 2: What is the difference between Type I and Type II errors?**\n\n"
        "**Key Concept(s):** Type I Error, Type II Error\n\n"
        "**Explanation:** A fundamental concept in hypothesis testing.\n\n"
        "*   **Type I Error:** rejecting a true null hypothesis.\n\n"
        "**Answer:** A Type I error is a false positive, a Type II error a false negative.\n"
    )
    assert item.question == "What is the difference between Type I and Type II errors?"
    assert item.answer.startswith("A Type I error is a false positive")
    assert "**Explanation:** A fundamental concept" in item.answer
    assert "rejecting a true null hypothesis" in item.answer


def test_labelled_parts_on_consecutive_lines_read_answer_first_too():
    (item,) = run(
        "**Question 2: What is a Type I error?**\n"
        "**Key Concept(s):** Hypothesis testing\n"
        "**Explanation:** A basic idea.\n"
        "- **Answer:** A false positive.\n"
    )
    assert item.answer.startswith("A false positive.")
    assert item.answer.endswith("**Explanation:** A basic idea.")


def test_a_plain_answer_keeps_its_own_answer_line_in_place():
    """A worked answer that opens with text and ends on `Answer: 42` is one answer, in order."""
    (item,) = run("## Q1: What is 6 times 7?\n\nMultiply six by seven.\n\n**Answer:** 42\n")
    assert item.answer.startswith("Multiply six by seven.")


def test_a_question_that_wraps_over_sub_questions_stops_at_the_labelled_parts():
    (item,) = run(
        "**Question 19: Outliers and the CLT:** You A/B test a ranking change.\n\n"
        "1.  How would you handle outliers?\n"
        "2.  Which test would you use?\n\n"
        "**Key Concept(s):** Outliers, t-test\n\n"
        "**Answer:**\n\n"
        "1.  **Handling outliers:** investigate them first.\n"
    )
    assert item.question == (
        "Outliers and the CLT: You A/B test a ranking change. How would you handle outliers? "
        "Which test would you use?"
    )
    assert item.answer.startswith("1.  **Handling outliers:**")


def test_a_bold_left_open_by_its_author_leaves_no_marks_in_the_question():
    (item,) = run(
        "**Question 18: Click-through rates:** You observe a CTR of 2%. How wide is the interval?**"
        "\n\nAbout 0.5 points either side.\n"
    )
    assert (
        item.question == "Click-through rates: You observe a CTR of 2%. How wide is the interval?"
    )


def test_a_glossary_table_gives_one_card_per_term_with_its_other_columns():
    items = run(
        "| Name | Definition | Use Cases |\n"
        "|---|---|---|\n"
        "| Accuracy | Share of correct classifications | Balanced classes |\n"
        "| ROC AUC | | Balanced dataset |\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "Accuracy", "Share of correct classifications\nUse Cases: Balanced classes"),
        ("qa", "ROC AUC", "Use Cases: Balanced dataset"),
    ]


def test_wiki_links_read_as_their_text_and_code_keeps_its_brackets():
    assert clean_line("For example, [[Naive Bayes]] or [[CNNs|convnets]].") == (
        "For example, Naive Bayes or convnets."
    )
    assert clean_line("See [[Cheatsheet#7. PSD|the cheat sheet]] ![[diagram.png]]") == (
        "See the cheat sheet"
    )
    assert clean_line("[[concept-rag]]") == ""  # an AsciiDoc anchor on its own line
    assert clean_line("- D: `[[1, 2]]` and x = a[[1]]") == "- D: `[[1, 2]]` and x = a[[1]]"


def test_obsidian_callouts_read_as_the_layouts_they_stand_for():
    """A question callout (or one whose title asks) is a question with its answer; a note or
    a GitHub alert (`> [!TIP]`) is its text, without the marker; a plain quote stays a quote."""
    items = run(
        "# Bias\n\n"
        "> [!question] What is the bias-variance tradeoff?\n"
        "> Simple models underfit; complex ones overfit.\n\n"
        "> [!faq]- Why does dropout help?\n"
        "> It stops co-adaptation.\n\n"
        "> [!TIP] Remember\n"
        "> Regularisation trades variance for bias, a thing worth remembering well.\n\n"
        "> A plain quote stays a quote.\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "What is the bias-variance tradeoff?", "Simple models underfit; complex ones overfit."),
        ("qa", "Why does dropout help?", "It stops co-adaptation."),
        ("chunk", "", "Remember\nRegularisation trades variance for bias, a thing worth remembering "
         "well.\n\n> A plain quote stays a quote."),
    ]  # fmt: skip
