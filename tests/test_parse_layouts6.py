"""Layout families found in the eighth to fourteenth third-party batches, each on a small hand-made
input."""

from tests.test_parse_layouts import run


def test_a_bank_list_counts_its_tasks_without_a_question_mark():
    items = run(
        "## Probability\n\n"
        "1. What is a p-value?\n"
        "2. Why does the central limit theorem matter?\n"
        "3. Given n exponential lifetimes, derive the estimator of the rate.\n"
        "4. How would you test whether a coin is fair?\n"
        "5. When is the median a better summary than the mean?\n"
        "6. What is the variance of a Bernoulli variable?\n"
    )
    assert [(i.kind, i.question) for i in items][2] == (
        "question",
        "Given n exponential lifetimes, derive the estimator of the rate.",
    )
    assert len(items) == 6


def test_a_label_or_a_quotation_in_a_bank_list_asks_nothing():
    items = run(
        "- What are the limits of a base LLM?\n"
        "- What is retrieval-augmented generation?\n"
        "- Retrieval module\n"
        "- How are queries and documents put in one space?\n"
        "- How is the retriever aligned with the generator?\n"
        "- Which of these prompts works better?\n"
        "- “Classify the sentiment of this review.”\n"
    )
    questions = [i.question for i in items if i.kind == "question"]
    assert "Retrieval module" not in questions
    assert (
        questions[-1]
        == "Which of these prompts works better? “Classify the sentiment of this review.”"
    )
    assert len(questions) == 5


def test_chinese_question_and_answer_labels_with_a_full_width_colon():
    items = run(
        "1. **Q**: 为什么使用多头注意力？\n"
        "   **A**: 每个头学习不同的关系。\n\n"
        "   **Q**: 那为什么要除以根号d？\n"
        "   **A**: 为了让点积的方差为1。\n\n"
        "**题目**：一个7B模型的显存是多少，\n"
        "假设精度为FP16。\n\n"
        "**解答**：\n约14GB。\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "为什么使用多头注意力？", "每个头学习不同的关系。"),
        ("qa", "那为什么要除以根号d？", "为了让点积的方差为1。"),
        # a labelled question is one, worded as it may be; its wrapped line is part of it
        ("qa", "一个7B模型的显存是多少， 假设精度为FP16。", "约14GB。"),
    ]


def test_a_q_numbered_heading_answered_before_its_follow_up_pairs():
    items = run(
        "## Q01 · Perplexity\n\n### Definition\n\nThe exponential of the cross-entropy.\n\n"
        "## Q02 · Benchmarks\n\n| name | tests |\n|---|---|\n| MMLU | knowledge |\n\n"
        "### Follow-ups\n\n- **Q：How is pass@k computed?**\n  A：Sample k solutions per task.\n"
    )
    assert [(i.kind, i.question, i.answer.split("\n")[0]) for i in items] == [
        ("qa", "Perplexity", "Definition"),
        ("qa", "Benchmarks", "| name | tests |"),
        ("qa", "How is pass@k computed?", "Sample k solutions per task."),
    ]


def test_terms_in_a_glossary_are_cards():
    items = run(
        "# Key concepts\n\nThe main concepts:\n\n"
        "- **Utterance**: the raw text coming from the user.\n"
        "- **Intent**: the canonical form of an utterance.\n\n"
        "## Naming\n\n- **Verb first**: start each message name with a verb.\n"
    )
    cards = [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"]
    assert cards == [
        ("qa", "Utterance", "the raw text coming from the user."),
        ("qa", "Intent", "the canonical form of an utterance."),
    ]  # under "Naming" a term and its description are a note, not a card (a page titled
    # "Glossary" is all definitions: there they are cards at any depth, test_parse_layouts13)


def test_question_and_answer_labels_alone_on_their_lines():
    items = run(
        "## Common issues\n\n----------\n\n__Issue__\n\nQueries fail like this:\n\n"
        "```\nSQLError: no such function: json_extract (sqlite3 was built without JSON)\n```\n\n"
        "__Solution__\n\n"
        "Upgrade Python.\n\n----------\n\n__Question__\n\nWhat models are recommended?\n\n"
        "__Answer__\n\nSee the model guide.\n\n----------\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"] == [
        ("qa", "Queries fail like this:", "Upgrade Python."),
        ("qa", "What models are recommended?", "See the model guide."),
    ]
    # the error shown with the question is kept, as a note
    assert any("json_extract" in i.answer for i in items if i.kind == "chunk")


def test_korean_questions_ask_by_their_verb_ending():
    items = run(
        "## 머신러닝\n"
        "- 차원의 저주에 대해 설명해주세요\n"
        "- “likelihood”와 “probability”의 차이는 무엇일까요?\n"
        "- Spark이 Hadoop보다 빠른 이유를 생각해봅시다.\n"
        "- CNN에 대해서 아는대로 얘기하라\n"
        "- 링크를 클릭해주세요\n"
    )
    assert [i.question for i in items if i.kind == "question"] == [
        "차원의 저주에 대해 설명해주세요",
        "“likelihood”와 “probability”의 차이는 무엇일까요?",  # not an option of the one above
        "Spark이 Hadoop보다 빠른 이유를 생각해봅시다.",
        "CNN에 대해서 아는대로 얘기하라",
    ]


def test_bold_questions_with_anchors_and_topic_labels_between_them():
    items = run(
        "**Models**\n\n"
        '**How can I sort models? <a className="top" id="sort"></a>**\n\nBy a custom column.\n\n'
        '**Can I store more on a model?** <a id="more"></a>\n\nYes, as labels.\n\n'
        "**Experiments**\n\n"
        "**I'm getting an SSL error on macOS**\n\nInstall the certificates.\n\n"
        "**Why is my experiment still running?**\n\nIts process was killed.\n\n"
        "**Can I rename an experiment?**\n\nYes, in its menu.\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"] == [
        ("qa", "How can I sort models?", "By a custom column."),
        ("qa", "Can I store more on a model?", "Yes, as labels."),
        ("qa", "I'm getting an SSL error on macOS", "Install the certificates."),
        ("qa", "Why is my experiment still running?", "Its process was killed."),
        ("qa", "Can I rename an experiment?", "Yes, in its menu."),
    ]  # "Models" and "Experiments" label topics; a problem statement is a question


def test_japanese_numbered_questions_with_a_folded_answer():
    items = run(
        "## 復習\n\n### 問1. データサイエンスは単一の科学領域である。(y/n)\n\n"
        "<details>\n<summary>回答</summary>\n<i>\nn\n</i>\n</details>\n\n"
        "### 問2. 売上高の予測に使うタスクは【(a)回帰 (b)分類】である。(択一)\n\n"
        "<details>\n<summary>回答</summary>\na\n</details>\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", "データサイエンスは単一の科学領域である。(y/n)", "n"),
        ("qa", "売上高の予測に使うタスクは【(a)回帰 (b)分類】である。(択一)", "a"),
    ]


def test_a_korean_heading_asks_with_a_request_ending():
    items = run(
        "## #1\n\n#### 차원의 저주에 대해 설명해주세요.\n\n차원이 커질수록 공간이 희박해진다.\n\n"
        "#### References\n\n- 논문\n\n"
        "## #2\n\n#### 알고 있는 metric에 대해 설명해주세요. (ex. RMSE, MAE)\n\n분류와 회귀로 나눈다.\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind == "qa"] == [
        ("qa", "차원의 저주에 대해 설명해주세요."),
        ("qa", "알고 있는 metric에 대해 설명해주세요. (ex. RMSE, MAE)"),
    ]


def test_a_pdf_quiz_of_numbered_questions_with_lettered_options(tmp_path):
    from ingest.loaders import load
    from ingest.parse import parse_document
    from tests.pdfs import make_pdf

    questions = [
        ("What is machine learning?", ["statistics on large data", "any optimizer"]),
        ("What is a test set used for?", ["to estimate the error", "to check data quality"]),
        ("Which is a classification method?", ["logistic regression", "gradient descent"]),
        ("Which is not a remedy for overfitting?", ["more data", "more features"]),
        ("What is PCA used for?", ["to reduce features", "to fill gaps"]),
    ]
    page = "Questions\n" + "".join(
        f"{n}. {q}\n" + "".join(f"{'ab'[k]}) {o}\n" for k, o in enumerate(opts))
        for n, (q, opts) in enumerate(questions, start=1)
    )
    items = parse_document(load(make_pdf(tmp_path / "quiz.pdf", [page])), lambda t: [t])
    assert [(i.kind, i.question, i.answer) for i in items] == [
        ("qa", q, f"a) {opts[0]}\nb) {opts[1]}") for q, opts in questions
    ]  # not "Questions 1. What is …", and "a)" is an option, not an answer label


def test_a_heading_over_a_quoted_question_of_the_bank_names_its_topic():
    items = run(
        "## Installation\n\n> Can I install it on Windows?\n\nYes, with WSL.\n\n"
        "## Running\n\n> Where are the outputs?\n\nIn the trajectories folder.\n\n"
        "## Anything else?\n\n> I have a question or a bug report...\n\nPlease open an issue.\n"
    )
    assert [(i.kind, i.question) for i in items] == [
        ("qa", "Can I install it on Windows?"),
        ("qa", "Where are the outputs?"),
        ("qa", "I have a question or a bug report..."),
    ]  # "Anything else?" is not a question of its own


def test_a_run_in_question_keeps_its_rephrasing_and_a_lettered_answer_keeps_its_letter():
    items = run(
        "## Basics\n\n**What do optimizers tune?** Or, _what does compiling do?_ Each optimizer "
        "searches prompts.\n\n"
        "## FAQ\n\n- **How do I use assertions?**\n\n"
        "    a) **Add them to your program**: call assert.\n    b) Run it.\n\n"
        "- **How do I turn off the cache?**\n\n    Set the flag.\n"
    )
    assert [(i.kind, i.question, i.answer.split("\n")[0]) for i in items] == [
        (
            "qa",
            "What do optimizers tune? Or, _what does compiling do?_",
            "Each optimizer searches prompts.",
        ),
        ("qa", "How do I use assertions?", "a) **Add them to your program**: call assert."),
        ("qa", "How do I turn off the cache?", "Set the flag."),
    ]


def test_a_pdf_faqs_problem_statement_titles_and_code_comments(tmp_path):
    from ingest.loaders import load
    from ingest.parse import parse_document
    from tests.pdfs import make_pdf

    page = (
        "Tabular FAQ\n"
        "How can I get the most accurate predictions?\n"
        "See the section on maximizing predictive performance in the essentials tutorial.\n"
        "Can I use GPUs for model training?\n"
        "Yes. Most of the models support GPU training, including the boosted tree models.\n"
        "How can I resolve memory issues?\n"
        "Reduce the number of models trained, or train on a sample of the rows first.\n"
        "# Load the test data in chunks of rows that fit into the memory of the machine\n"
        "predictor.predict(chunk)\n"
        "No space left error on the notebook\n"
        "If you train in a hosted notebook, its default disk of five gigabytes fills up fast.\n"
        "Clean up the workspace or attach a larger volume before training on large data.\n"
    )
    items = parse_document(load(make_pdf(tmp_path / "faq.pdf", [page])), lambda t: [t])
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("qa", "How can I get the most accurate predictions?"),
        ("qa", "Can I use GPUs for model training?"),
        ("qa", "How can I resolve memory issues?"),
        ("qa", "No space left error on the notebook"),  # a FAQ entry, under the FAQ's title
    ]
    memory = items[2].answer
    assert "# Load the test data" in memory and "predictor.predict" in memory  # code, not a title


def test_keycap_numbers_and_spanish_question_marks():
    items = run(
        "## 1️⃣ **¿Por qué la red no analiza la imagen completa?**\n\nPorque sería carísimo.\n\n"
        "## 🔟 **¿Qué es un filtro?**\n\nUna pequeña matriz que la red aprende.\n"
    )
    assert [(i.kind, i.question) for i in items] == [
        ("qa", "¿Por qué la red no analiza la imagen completa?"),
        ("qa", "¿Qué es un filtro?"),
    ]


def test_glossary_term_headings_are_cards_and_a_reading_checklist_is_no_options():
    items = run(
        "# Glossary\n\n## Basics\n\n### hyperparameters\n\nSettings an algorithm depends on.\n\n"
        "### model\n\nAn object holding hyperparameters.\n\n### operation\n\nA method using a fit.\n\n"
        "# Roadmap\n\n## Machine learning overview\n"
        "- [ ] [A visual introduction](https://example.org/a)\n"
        "- [ ] [A gentle guide](https://example.org/b)\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("qa", "hyperparameters"),
        ("qa", "model"),
        ("qa", "operation"),
    ]  # the roadmap's checklist of readings is not a multiple-choice question


def test_q_and_a_pairs_typed_in_a_code_block_are_a_bank():
    items = run(
        "## Rapid fire\n\n```\nQ: Bias vs variance?\nA: Bias = wrong assumptions\n"
        "   Variance = sensitivity to data\n\nQ: What is dropout?\nA: Randomly zero activations\n"
        "```\n\n```\nx = 1  # Q: real code stays code\n```\n"
    )
    assert [(i.kind, i.question, i.answer.split("\n")[0]) for i in items if i.kind != "chunk"] == [
        ("qa", "Bias vs variance?", "Bias = wrong assumptions"),
        ("qa", "What is dropout?", "Randomly zero activations"),
    ]


def test_an_article_before_bold_text_is_no_answer_label():
    items = run(
        "This saves the following files:\n\n- An **HDF5 file of images**, one per split.\n"
        "- A **JSON file of captions**, where each line is one caption.\n"
    )
    assert all(i.kind == "chunk" for i in items)


def test_parts_of_a_numbered_exercise_are_tasks_answered_by_their_solutions():
    items = run(
        "# PS0 solutions\n\n## Problem 1 - Gradients\n\nLet $f(x) = x^TAx$.\n\n"
        "### 1(a) - Find $\\nabla f(x)$\n\nExpand into sums, then differentiate.\n\n"
        "### 1(b) - $f = g(h(x))$. Find $\\nabla f$\n\nApply the chain rule.\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"] == [
        ("qa", "Find $\\nabla f(x)$", "Expand into sums, then differentiate."),
        ("qa", "$f = g(h(x))$. Find $\\nabla f$", "Apply the chain rule."),
    ]


def test_a_linked_question_in_a_reading_list_and_a_sentence_nested_under_a_question():
    items = run(
        "## Resources\n\n- [Azure docs](https://example.org/docs)\n- [Learning path](https://example.org/p)\n"
        "- [How to configure auto scale?](https://example.org/scale)\n\n"
        "## Questions\n\n- [What is the emulator?](https://example.org/emu)\n"
        "- [What should time series data include?](https://example.org/ts)\n"
        "  - Data points separated by the same interval, with few missing.\n"
        "- [Where is the sample code?](https://example.org/code)\n"
    )
    assert [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"] == [
        ("question", "What is the emulator?", ""),
        (
            "qa",
            "What should time series data include?",
            "- Data points separated by the same interval, with few missing.",
        ),
        ("question", "Where is the sample code?", ""),
    ]


def test_a_noun_that_is_also_a_task_verb_and_a_long_chinese_statement_ask_nothing():
    items = run(
        "## PPO\n\n+ state value model loss\n\n$ critic\\_loss=(value-return)^2 $\n\n"
        "+ State the clipped objective.\n\n"
        "## 笔记\n\n- 比如训练一个聊天机器人，让它跟客人直接对话；如果客人挂掉电话，机器就学到刚才做错了，"
        "它必须自己回去反省检讨到底要如何改进，而不是等老师手把手地告诉它每一步应该怎么做才对\n"
    )
    assert [(i.kind, i.question) for i in items if i.kind != "chunk"] == [
        ("question", "State the clipped objective."),
    ]


def test_a_problem_label_with_an_approach_below_is_a_question():
    items = run(
        "### Coding problem\n\n**Problem**: Implement a focal loss for class imbalance.\n\n"
        "**Approach**:\n1. Down-weight easy examples.\n2. Tune gamma.\n\n"
        "### Notes\n\n**Problem:** the model overfits on small data, so we add dropout.\n"
    )
    assert [(i.kind, i.question, i.answer.split("\n")[0]) for i in items if i.kind != "chunk"] == [
        ("qa", "Implement a focal loss for class imbalance.", "1. Down-weight easy examples."),
    ]  # a problem with no answer label below it is a note


def test_questions_set_one_per_paragraph_are_a_list():
    items = run(
        "These questions help you find the right candidate.\n\n"
        "Can you explain the concept of MLOps?\n\n"
        "How do you put a model into production?\n\n"
        "How do you handle version control for models?\n"
        "How do you monitor models in production?\n"
    )
    assert [i.question for i in items if i.kind == "question"] == [
        "Can you explain the concept of MLOps?",
        "How do you put a model into production?",
        "How do you handle version control for models?",
        "How do you monitor models in production?",
    ]


def test_a_trailing_space_written_as_an_entity_leaves_a_bold_question_line():
    from pathlib import Path

    from ingest.loaders import load
    from ingest.parse import parse

    text = (
        "**What are support vectors?**&#x20;\n\n"
        "The training points closest to the margin.&#x20;\n\n"
        "**What is a kernel?**&#x20;\n\n"
        "A similarity that acts as an inner product in a feature space.\n\n"
        "**Why does the RBF kernel overfit with a large gamma?**&nbsp;\n\n"
        "Each point's influence gets so narrow that the boundary wraps single points.\n"
    )
    document = load(Path("gitbook-export.md"), text.encode())
    items = parse(document.lines, chunker=lambda t: [t])
    assert [(i.kind, i.question) for i in items] == [
        ("qa", "What are support vectors?"),
        ("qa", "What is a kernel?"),
        ("qa", "Why does the RBF kernel overfit with a large gamma?"),
    ]
    assert items[0].answer == "The training points closest to the margin."


def test_a_bold_title_line_heads_its_part_of_the_markdown_section():
    items = run(
        "# Interview rounds\n\n"
        "## 1. Recruiter screen\n\n"
        "It takes 25-35 minutes by phone with a recruiter.\n\n"
        "**Common mistakes.**\n\n"
        "- Reciting a tech stack instead of an outcome.\n\n"
        "## 2. Coding round\n\n"
        "Practical Python plus hands-on LLM coding.\n\n"
        "**Common mistakes.**\n\n"
        "- Parsing model output with brittle string slicing instead of a schema.\n\n"
        "### Example prompts\n\n"
        "Write a token-budget trimmer for a chat history.\n"
    )
    assert [(i.section, i.answer[:22]) for i in items] == [
        ("Interview rounds > 1. Recruiter screen", "It takes 25-35 minutes"),
        ("Interview rounds > 1. Recruiter screen > Common mistakes.", "- Reciting a tech stac"),
        # A one-sentence section body is a note too, not page furniture.
        ("Interview rounds > 2. Coding round", "Practical Python plus "),
        ("Interview rounds > 2. Coding round > Common mistakes.", "- Parsing model output"),
        # A Markdown heading ends the title line above it.
        ("Interview rounds > 2. Coding round > Example prompts", "Write a token-budget t"),
    ]


def test_plain_title_lines_stay_sections_of_their_own():
    items = run(
        "# Interview questions on large models\n\n"
        "Chapter 1: Introduction to Language Models\n\n"
        "- What is the difference between an encoder and a decoder?\n\n"
        "Chapter 2: Tokens and Embeddings\n\n"
        "- Why do tokenizers split rare words into pieces?\n\n"
        "Next page\n"
    )
    assert [i.section for i in items] == [
        "Interview questions on large models > Chapter 1: Introduction to Language Models",
        "Interview questions on large models > Chapter 2: Tokens and Embeddings",
    ]
