"""Layout families found in the second third-party batch, each on a small hand-made input."""

from ingest.parse import parse


def run(text: str):
    return parse(list(enumerate(text.split("\n"), start=1)), chunker=lambda t: [t])


def qa(items):
    return [(i.kind, i.question, i.answer.split("\n")[0]) for i in items if i.kind != "chunk"]


def test_hyphen_and_dotted_numbering_on_question_headings():
    items = run(
        "## Questions\n\n### Q1- What is scaling?\n- It maps features to a range.\n\n"
        "### Q1.1- What does **min-max** mean?\n- Scale to [0, 1].\n\n"
        "### Q2- How do we apply PCA?\n- Fit, then transform.\n\n"
        "### Q2.1- Case 1: using a library\nCall fit_transform on the scaled matrix to get the components.\n\n"
        "### Q3- Why normalise ?\n- Faster convergence.\n"
    )
    assert qa(items) == [
        ("qa", "What is scaling?", "- It maps features to a range."),
        ("qa", "What does **min-max** mean?", "- Scale to [0, 1]."),
        ("qa", "How do we apply PCA?", "- Fit, then transform."),
        ("qa", "Why normalise ?", "- Faster convergence."),
    ]
    # In a bank of asking headings, a numbered heading that does not ask is a sub-section.
    assert any(i.kind == "chunk" and "fit_transform" in i.answer for i in items)


def test_a_quartile_named_q1_inside_an_answer_is_not_a_nested_question():
    items = run(
        "### Q9- What does IQR mean?\n- Q3 - Q1.\n- Q1: It is the median of the lower half.\n"
        "### Q10- Why use it?\n- Robust.\n### Q11- What is a box plot?\n- A chart.\n"
    )
    assert [i.question for i in items] == [
        "What does IQR mean?",
        "Why use it?",
        "What is a box plot?",
    ]
    assert "lower half" in items[0].answer


def test_bold_question_lines_with_full_width_punctuation():
    items = run(
        "## 工具\n\n**Q：模型自己执行函数吗？**  \n不是。模型只输出调用意图。\n\n"
        "**Q：工具怎么设计？**  \n参数尽量少。\n\n**Q：失败怎么恢复？**\n先区分失败类型。\n"
    )
    assert qa(items) == [
        ("qa", "模型自己执行函数吗？", "不是。模型只输出调用意图。"),
        ("qa", "工具怎么设计？", "参数尽量少。"),
        ("qa", "失败怎么恢复？", "先区分失败类型。"),
    ]


def test_metadata_lines_before_a_qualified_answer_label_are_left_out():
    items = run(
        "# Bank\n\n---\n### Q: What is overfitting?\n\n**Category:** Basics  \n"
        "**Difficulty:** Easy  \n\n**Sample Answer:**\nFitting noise.\n\n---\n"
        "### Q: What is bias?\n\n**Tags:** Stats\n\n**Sample Answer:** Error from assumptions.\n"
    )
    assert qa(items) == [
        ("qa", "What is overfitting?", "Fitting noise."),
        ("qa", "What is bias?", "Error from assumptions."),
    ]


def test_mdx_choice_components_read_as_options_and_a_rephrasing_line_joins_the_question():
    items = run(
        "### Q1: What is an Agent?\nWhich best describes one?\n\n<Question\nchoices={[\n{\n"
        'text: "A model that uses tools.",\nexplain: "Yes, it acts.",\ncorrect: true\n},\n{\n'
        'text: "A static \\"FAQ\\" page.",\nexplain: "It does not act.",\n}\n]}\n/>\n\n---\n\n'
        "### Q2: Define the loop\n\n<Question choices={[{text: 'state', explain: ''}, "
        "{text: 'reward', correct: true}]} />\n<Tip>Keep me</Tip>\n"
    )
    assert [(i.question, i.answer) for i in items] == [
        (
            "What is an Agent? Which best describes one?",
            '- ✓ A model that uses tools.\n- A static "FAQ" page.',  # the `---` separator goes
        ),
        ("Define the loop", "- state\n- ✓ reward\nKeep me"),
    ]


def test_a_solution_summary_under_a_question_heading_is_a_label():
    items = run(
        "### Q1: What is RL?\n\n<details>\n<summary>Solution</summary>\n\n"
        "Learning from rewards.\n\n</details>\n\n### Q2: What is a policy?\n\n"
        "<details><summary><em>[Click to expand]</em></summary>\n\nA map from states.\n</details>\n"
    )
    assert [(i.question, i.answer) for i in items] == [
        ("What is RL?", "Learning from rewards."),
        ("What is a policy?", "A map from states."),
    ]


def test_steps_and_asides_in_a_prose_note_are_not_questions():
    prose = "".join(
        f"## Part {n}\n\nSome text about part {n} of the method.\n\n"
        f"- Point {n} is an observation.\n- Another note about {n}.\n- A third remark.\n\n"
        for n in range(4)
    )
    items = run(
        prose + "## Strategy\n\n1. Identify a goal for the round.\n2. Design the runs.\n"
        "3. Learn from the results.\n4. Consider a launch.\n\n"
        "- See [Why is Adam tuned?](#adam) for details.\n- If the loss keeps improving,\n"
        "  should we train longer? Not necessarily.\n- Budgets are finite.\n"
    )
    assert [i for i in items if i.kind != "chunk"] == []
    # In a bank the same step is a question, and a linked question title alone never asks.
    bank = run("## Tasks\n- Identify a goal.\n- What is a loss?\n- See [Why X?](#x).\n")
    assert [i.question for i in bank] == ["Identify a goal.", "What is a loss?"]


def test_a_heading_in_yes_no_question_order_asks_without_a_mark():
    items = run(
        "# Notes\n\nIntro text for the whole note goes here.\n\n"
        "## Would adding more data address underfitting\n\nNo: the model is too simple.\n\n"
        "## Is Python fast\n\nA title case topic heading, kept as prose text here.\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("qa", "Would adding more data address underfitting")
    ]


def test_a_hint_line_under_a_numbered_question_stays_with_it():
    items = run(
        "Exercises\n1. Why is K-fold expensive?\n2. Why might this fail?\n"
        "Hint: consider the magnitude.\n3. What is a VC dimension?\n"
    )
    assert [i.question for i in items] == [
        "Why is K-fold expensive?",
        "Why might this fail? Hint: consider the magnitude.",
        "What is a VC dimension?",
    ]


def test_titles_in_pdf_text_are_found_by_their_shape():
    body = "This line is part of a paragraph of running text in the printed page here"
    text = [body] * 6 + [
        "and so the paragraph ends.",
        "Underfitting or Overfitting?",
        "When we compare the training and validation errors we want to be mindful of two",
        "common situations that are described below in more detail for the reader.",
        "Model Complexity",
        "When models are simple and data plentiful, the two errors tend to be close together.",
        "Short wrapped tail of a",
        "sentence that goes on in lower case and is not a title at all, as you can see.",
    ]
    pages = [(1 + n // 8, ln) for n, ln in enumerate(text)]
    items = parse(pages, chunker=lambda t: [t], unit="page")
    questions = [(i.kind, i.question, i.answer.split()[:3]) for i in items if i.kind != "chunk"]
    assert questions == [("qa", "Underfitting or Overfitting?", ["When", "we", "compare"])]
    assert [i.section for i in items if i.kind == "chunk"][-1] == "Model Complexity"


def test_a_bold_term_with_its_description_asks_only_if_the_description_does():
    items = run(
        "## Practice\n- Code linear regression with gradient descent.\n"
        "- **Code Implementation**: Practice coding key algorithms\n"
        "- **Trade-offs**: When is a tree better than a linear model?\n"
    )
    assert [i.question for i in items if i.kind == "question"] == [
        "Code linear regression with gradient descent.",
        "Trade-offs: When is a tree better than a linear model?",
    ]


def test_links_and_images_across_lines_and_heading_anchors_are_cleaned():
    items = run(
        "# Quiz [[quiz]]\n\n## What is X?\n\nIt may [suffer from\ninstability](#fixes) here.\n"
        '<img src="a.png" alt="a caption that\nwraps"> and `a[i](#x)` stays.\n'
    )
    assert items[0].section == "Quiz"
    assert items[0].answer == "It may suffer from instability here.\n and `a[i](#x)` stays."
