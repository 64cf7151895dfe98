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


def test_question_detection():
    assert is_question("Why does it work?")
    assert is_question("Explain the scaling laws.")
    assert not is_question("Dense retrieval uses vectors.")
