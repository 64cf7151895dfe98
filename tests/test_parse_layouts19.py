"""More layouts of third-party banks (see tests/test_parse_layouts.py)."""

from tests.notebooks import make_notebook
from tests.test_parse_layouts import run


def _cards(items):
    return [(i.kind, i.question, i.answer) for i in items if i.kind != "chunk"]


def test_a_homework_pdf_pairs_each_section_numbered_problem_with_its_solution(tmp_path):
    """A homework report numbers its problems by section (`1.1 Assume …`, `2.3 (Optional)
    What …`) and answers each after `Solution:`: every such problem is a card, its wrapped lines
    and displayed formula part of its question, whatever its wording."""
    from tests.pdfs import make_pdf
    from tests.test_formats import load_items

    text = (
        "Homework 12\nBagging\n"
        "Bagging trains each model of a committee on its own bootstrap sample of the data set.\n"
        "1.1 Assume that errors have zero mean and are uncorrelated. Please prove that\n"
        "E_COM = E_AV / M. (7)\n"
        "Solution: The cross terms vanish because the errors are uncorrelated.\n"
        "1.2 (Optional) Why does bagging reduce the variance of the committee?\n"
        "Solution: Averaging M models divides the variance of uncorrelated errors by M.\n"
    )
    _, items = load_items(make_pdf(tmp_path / "homework.pdf", [text]))
    assert [(q, a) for kind, q, a in _cards(items) if kind == "qa"] == [
        (
            "Assume that errors have zero mean and are uncorrelated. Please prove that "
            "E_COM = E_AV / M. (7)",
            "The cross terms vanish because the errors are uncorrelated.",
        ),
        (
            "Why does bagging reduce the variance of the committee?",
            "Averaging M models divides the variance of uncorrelated errors by M.",
        ),
    ]


def test_a_chinese_solution_label_answers_and_section_numbers_alone_ask_nothing():
    """`解：` labels a solution as `Solution:` does. Numbered lines with no solution label
    under them ("1.1 Notation", "1.2 Data") are a document's sections, not problems."""
    items = run(
        "1.1 Show that the committee error is at most the average error.\n\n"
        "解：由 Jensen 不等式可得。\n\n"
        "1.2 Write h_m as an argmin over F.\n\n解: 由损失函数的定义可得。\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Show that the committee error is at most the average error.",
            "由 Jensen 不等式可得。",
        ),
        ("qa", "Write h_m as an argmin over F.", "由损失函数的定义可得。"),
    ]
    notes = run("1.1 Notation\n\nWe write x for an input.\n\n1.2 Data\n\nThe data are public.\n")
    assert not _cards(notes)


def test_lettered_parts_each_answered_under_a_solution_label_are_cards_under_their_problem():
    """`4. Consider an experiment …` states a problem; `(a) …` and `(b) …` ask its parts, each
    answered after `Solution:`. Each part is a card, filed under the problem it belongs to, and
    a part's solution ends where the next problem starts."""
    items = run(
        "4. Consider an experiment on 500 people, half of them shown a message.\n"
        "(a) What is the average treatment effect if the means are 0.68 and 0.51?\n"
        "Solution:\nThe mean difference, 0.17.\n"
        "(b) Is a t-statistic of 1.76 significant?\nSolution:\nOnly in a one-tailed test.\n"
        "5. Power depends on four things.\n"
        "(a) How often is an effect found when none is present?\nSolution:\n5% of the time.\n"
    )
    stem4 = "Consider an experiment on 500 people, half of them shown a message."
    assert [(i.section, i.question, i.answer) for i in items] == [
        (stem4, "What is the average treatment effect if the means are 0.68 and 0.51?",
         "The mean difference, 0.17."),
        (stem4, "Is a t-statistic of 1.76 significant?", "Only in a one-tailed test."),
        ("Power depends on four things.", "How often is an effect found when none is present?",
         "5% of the time."),
    ]  # fmt: skip


def test_a_derivation_in_a_pdf_keeps_its_lead_ins_and_formulas_in_the_answer(tmp_path):
    """In a PDF's text, "Hence" over "Cov [X,Y ] = … (62)" leads into a numbered formula, and a
    formula line over a numbered step is no list title: both stay in the solution they belong
    to, instead of heading sections of their own."""
    from tests.pdfs import make_pdf
    from tests.test_formats import load_items

    text = (
        "Solutions\n3.1 Uncorrelated does not imply independent\n"
        "We pick W uniformly from minus one and one and set Y to the product of W and X.\n"
        "Then we have\nE [Y ] = E [E [Y|W ]] = 0.5 E [-X] + 0.5 E [X] = 0 (58)\n"
        "Hence\nCov [X,Y ] = E [XY ] - E [X] E [Y ] = 0 (62)\n"
        "So X and Y are uncorrelated even though they are dependent.\n"
        "3.2 Gradient of the log-likelihood\n1. Let us drop the i subscript for simplicity.\n"
        "d mu / d eta = mu (1 - mu) (167)\n2. We sum over i at the end to get the gradient.\n"
    )
    _, items = load_items(make_pdf(tmp_path / "solutions.pdf", [text]))
    sections = {i.section for i in items}
    assert not [s for s in sections if "Hence" in s or "Then we have" in s or "(167)" in s]
    solution = "\n".join(i.answer for i in items if "independent" in i.question + i.section)
    assert "Hence\nCov [X,Y ]" in solution and "uncorrelated even though" in solution


def test_an_rst_dropdown_faq_asks_each_title_and_drops_the_box_options(tmp_path):
    """sphinx-design's `.. dropdown:: Why …?` folds its answer under the question, as
    `<details>` does; `:animate: fade-in-slide-down` is an option of the box, not words of
    the question."""
    from tests.test_formats import load_items

    path = tmp_path / "faq.rst"
    path.write_text(
        "FAQ\n===\n\n.. dropdown:: When does the query instruction need to be used?\n"
        "    :animate: fade-in-slide-down\n\n"
        "    For short queries that look for long passages, add the instruction.\n\n"
        ".. dropdown:: Recommended vector database?\n    :animate: fade-in-slide-down\n\n"
        "    Any vector database works; Faiss is the default in the tutorials.\n"
    )
    _, items = load_items(path)
    assert _cards(items) == [
        ("qa", "When does the query instruction need to be used?",
         "For short queries that look for long passages, add the instruction."),
        ("qa", "Recommended vector database?",
         "Any vector database works; Faiss is the default in the tutorials."),
    ]  # fmt: skip


def test_a_front_matter_title_heads_a_page_that_has_no_heading_of_its_own():
    """A site prints the front matter's `title:` as the page's heading: a title that asks is
    answered by the page, and the page's sections sit under it. A page with its own `#`
    heading keeps that one. The MDX `import` line and the `<head>` metadata show nothing."""
    items = run(
        '---\ntitle: "What does it mean to be memory-bound?"\n---\n\n'
        "import { Callout } from '/snippets/callout.mdx';\n\n<head>\n"
        '  <meta property="og:image" content="https://example.org/card.png" />\n</head>\n\n'
        "A kernel is memory-bound when moving bytes, not arithmetic, limits its speed.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "What does it mean to be memory-bound?",
            "A kernel is memory-bound when moving bytes, not arithmetic, limits its speed.",
        )
    ]
    own = run("---\ntitle: Notes\n---\n\n# Attention\n\n## Heads\n\nEach head attends.\n")
    assert {i.section for i in own} == {"Attention > Heads"}


def test_each_entry_of_a_troubleshooting_page_pairs_a_problem_with_its_fix():
    """Under "Troubleshooting", a heading names a problem ("Illegal instruction (core dumped)",
    "SQLite") and the text under it fixes it: a card, however it is worded."""
    items = run(
        "# Troubleshooting\n\nThis page lists common issues and how to fix them.\n\n"
        "## Illegal instruction (core dumped)\n\nRebuild the image for your CPU's instruction set.\n\n"
        "## SQLite\n\nUpgrade SQLite to 3.35 or later.\n"
    )
    assert _cards(items) == [
        ("qa", "Illegal instruction (core dumped)", "Rebuild the image for your CPU's instruction set."),
        ("qa", "SQLite", "Upgrade SQLite to 3.35 or later."),
    ]  # fmt: skip


_TERMS = [
    ("Dense vectors", "are high-dimensional representations where most values are nonzero."),
    ("Sparse vectors", "contain mostly zero values."),
    ("space", "defines how the distance between two vectors is measured."),
    ("method", "refers to the algorithm that organises vectors for search."),
    ("engine", "is the library that implements the search methods."),
    ("Exact k-NN search", "compares the query with every vector in the index."),
    ("Approximate k-NN search", "trades a little accuracy for much faster search."),
    ("Hybrid search", "combines keyword search with vector search."),
    ("Reranking", "is a second scoring pass over the first results."),
    ("Text chunking", "involves splitting long documents into passages."),
]


def test_a_page_of_items_that_define_their_bold_term_in_a_sentence_is_a_glossary():
    """`- A [**_space_**](url) defines how …`, `- **Dense vectors** are …`: ten or more list
    items that open with their bold term, followed by its verb, are cards: the term over its
    sentence. Ten bold tips (`- **Use a cache** to …`) have no verb after the bold: prose."""
    text = "# Concepts\n\n" + "".join(
        f"- {'A ' if term.islower() else ''}[**_{term}_**](/docs/{n}) {rest}\n\n"
        for n, (term, rest) in enumerate(_TERMS)
    )
    cards = [(i.question, i.answer) for i in run(text) if i.kind == "qa"]
    assert [q for q, _ in cards] == [term for term, _ in _TERMS]
    assert cards[2][1].replace("*", "").replace("_", "") == (
        "A space defines how the distance between two vectors is measured."
    )
    tips = "".join(f"- **Use tip {n}** to make the index smaller and faster.\n" for n in range(12))
    assert not [i for i in run("# Tips\n\n" + tips) if i.kind == "qa"]


def test_a_worksheet_notebook_asks_each_prompt_that_leaves_space_to_answer(tmp_path):
    """A study guide's prompts each leave space to answer: an empty cell under them, or a
    `Your Answer Here` placeholder. Each is a bare question (a bold label asks for its term),
    the text after it no answer to it; a statement over an empty cell asks nothing."""
    from tests.test_formats import load_items

    path = make_notebook(
        tmp_path / "guide.ipynb",
        [
            ("markdown", "# Matrices"),
            ("markdown", "Define the following terms.\n\n**Rank:** `Your Answer Here`\n\n"
                         "**Inverse:** `Your Answer Here`"),
            ("markdown", "Graph all three vectors.\n- Color each vector."),
            ("code", ""),
            ("markdown", "What causes a determinant of 0?\n\n`Your Answer Here`"),
            ("markdown", "Find the rank of $C$ (you may use a function)"),
            ("code", ""),
            ("markdown", "If you like, reuse the data loaders from the previous step."),
            ("code", ""),
        ],
    )  # fmt: skip
    _, items = load_items(path)
    assert _cards(items) == [
        ("question", "Rank", ""),
        ("question", "Inverse", ""),
        ("question", "Graph all three vectors.", ""),
        ("question", "What causes a determinant of 0?", ""),
        ("question", "Find the rank of $C$ (you may use a function)", ""),
    ]


def test_a_notebook_with_no_space_left_to_answer_keeps_its_answers(tmp_path):
    """A notebook that leaves no spaces is no worksheet: a question cell is answered by the
    cell after it, as before."""
    from tests.test_formats import load_items

    path = make_notebook(
        tmp_path / "guide.ipynb",
        [
            ("markdown", "# Notes"),
            ("markdown", "**What causes a determinant of 0?**\n\nLinearly dependent columns."),
            ("code", "import numpy as np"),
        ],
    )
    _, items = load_items(path)
    assert [i.kind for i in items if i.kind != "chunk"] == ["qa"]


def test_a_numbered_faq_answers_each_question_in_the_paragraph_indented_under_it():
    """`1. Which technique is best?` right over `   *Spatial SVD, then channel pruning.*`
    (as docutils writes an enumerated FAQ): the paragraph indented under the item is its answer (three or more such make the pattern), not
    a note, nor a title for the questions after it."""
    items = run(
        "## FAQs\n\n1. Which technique is best for compression?\n"
        "   *Spatial SVD followed by channel pruning.*\n\n2. Can I combine the techniques?\n"
        "   *Yes, and with quantization too.*\n\n3. Is per-layer fine tuning helpful?\n"
        "   *It is experimental; we saw no major gains.*\n"
    )
    assert [(i.section, i.question, i.answer.strip("*")) for i in items] == [
        ("FAQs", "Which technique is best for compression?", "Spatial SVD followed by channel pruning."),
        ("FAQs", "Can I combine the techniques?", "Yes, and with quantization too."),
        ("FAQs", "Is per-layer fine tuning helpful?", "It is experimental; we saw no major gains."),
    ]  # fmt: skip


def test_reference_links_read_as_their_text_and_written_brackets_stay():
    """`[`UserError`][pydantic_ai.exceptions.UserError]` (a reference link, resolved when the
    site is built) reads "`UserError`"; `Agent.run_sync()` keeps its brackets on a line that
    also holds a link, while brackets a dropped image leaves empty go; `a[i][j]` is an index."""
    from ingest.formats.markup import clean_line

    assert clean_line("[`UserError`][pydantic_ai.exceptions.UserError]: see [docs](d.md)") == (
        "`UserError`: see docs"
    )
    assert clean_line("Call `Agent.run_sync()` or f() as in [the guide](g.md)") == (
        "Call `Agent.run_sync()` or f() as in the guide"
    )
    assert clean_line("A figure (![plot](p.png)) and a[i][j], see [Guide][guide].") == (
        "A figure and a[i][j], see Guide."
    )


def test_entries_grouped_under_a_troubleshooting_page_are_problems_and_fixes():
    """Under "Troubleshooting" > "Jupyter Notebook Errors", the error named by a heading is
    answered by the fix under it, as directly under the page title."""
    items = run(
        "# Troubleshooting\n\n## Jupyter Notebook Errors\n\n"
        "### `RuntimeError: This event loop is already running`\n\n"
        "Use `await agent.run()` directly in the cell.\n\n"
        "## `RuntimeError: Event loop is closed`\n\nRecreate the agent with its provider.\n"
    )
    assert [(i.section, i.question) for i in items if i.kind == "qa"] == [
        ("Troubleshooting > Jupyter Notebook Errors", "RuntimeError: This event loop is already running"),
        ("Troubleshooting", "RuntimeError: Event loop is closed"),
    ]  # fmt: skip


def test_a_handbook_exercise_asks_its_whole_statement_up_to_its_solution(tmp_path):
    """`Exercise 1.` opens a statement that runs, parts `a)` and `b)` and all, down to a
    "Solution." line (a word label closed by a full stop): the statement is the question, the
    text after the label its answer."""
    from tests.pdfs import make_pdf
    from tests.test_formats import load_items

    text = (
        "1 PAC-learnability\nExercise 1. An axis aligned rectangle classifier assigns 1 inside a\n"
        "rectangle and 0 outside it.\na) Prove that the class is PAC-learnable.\n"
        "b) Give its sample complexity.\nSolution.\na) Return the tightest rectangle around the "
        "positive points.\nExercise 2. Compute the VC dimension of intervals on the line.\n"
        "Solution.\nTwo points can be shattered, three cannot, so it is 2.\n"
    )
    _, items = load_items(make_pdf(tmp_path / "handbook.pdf", [text]))
    assert [(q, a.split("\n")[0]) for kind, q, a in _cards(items)] == [
        (
            "An axis aligned rectangle classifier assigns 1 inside a rectangle and 0 outside it. "
            "a) Prove that the class is PAC-learnable. b) Give its sample complexity.",
            "Return the tightest rectangle around the positive points.",
        ),
        (
            "Compute the VC dimension of intervals on the line.",
            "Two points can be shattered, three cannot, so it is 2.",
        ),
    ]


def test_a_puzzle_under_label_headings_asks_its_statement():
    """`### Question` over a statement (its rules listed) and `### Approach` over the answer: the
    statement asks and the approach answers it. `## Problem` over a paragraph that asks is
    answered by the text after it; over a paragraph that asks nothing (a case study's problem
    statement) it stays a note."""
    items = run(
        "### Question\n\nThree players each wear a red or blue hat. The rules:\n\n"
        "1. No one may talk.\n2. Each may pass.\n\nDevise a strategy that wins most often.\n\n"
        "### Approach\n\nLet a player who sees two equal hats guess the other colour.\n"
    )
    assert _cards(items) == [
        (
            "qa",
            "Three players each wear a red or blue hat. The rules: 1. No one may talk. "
            "2. Each may pass. Devise a strategy that wins most often.",
            "Let a player who sees two equal hats guess the other colour.",
        )
    ]
    asked = run(
        "## Problem\n\nWhat is the expected number of tosses until two heads in a row?\n\n"
        "Three ways to solve it follow.\n\n## Method I\n\nCondition on the first toss.\n"
    )
    assert _cards(asked) == [
        (
            "qa",
            "What is the expected number of tosses until two heads in a row?",
            "Three ways to solve it follow.",
        )
    ]
    case = run("## Problem\n\nEach team computed features its own way, so serving drifted.\n")
    assert not _cards(case)


def test_a_solution_heading_right_under_its_task_answers_it():
    """`### 예제 2: Huffman Coding` (a worked example) over its statement, then `### 🔍 풀이`
    ("solution", styled in a span) with no number of its own: the example asks, its label
    aside, and the solution answers; the statement is a note of it. A heading of its own text
    before the solution heading is no task when nothing is under it."""
    items = run(
        "## 5.9 Huffman Coding\n\n### <span style='color: #F7F7F7'>📝 예제 2: Huffman Coding</span>\n\n"
        "a, b, c를 압축한다고 하자.\n\n### <span style='color: #F7F7F7'>🔍 풀이</span>\n\n"
        "평균 비트 수는 1.5이다.\n\n### Exercise 3\n\n### Solution\n\nNothing to solve.\n"
    )
    assert [(i.question, i.answer) for i in items if i.kind == "qa"][0] == (
        "Huffman Coding",
        "평균 비트 수는 1.5이다.",
    )
    assert any("압축한다고" in i.answer for i in items if i.kind == "chunk")


def test_a_definition_term_that_quotes_keeps_its_whole_question():
    """A MyST definition list term with quotes in it (`Why "CLIP-as-service" why not
    "CLIP-as-a-service"`) is one question, its quotes curled in pairs, not cut at the first."""
    items = run(
        '# FAQ\n\nWhy "CLIP-as-service" why not "CLIP-as-a-service"\n'
        ": It pays homage to BERT-as-service.\n\nWhat happened to BERT-as-service?\n"
        ": It has not been maintained since 2019.\n"
    )
    assert [(i.question, i.answer) for i in items] == [
        ("Why “CLIP-as-service” why not “CLIP-as-a-service”", "It pays homage to BERT-as-service."),
        ("What happened to BERT-as-service?", "It has not been maintained since 2019."),
    ]


def test_questions_in_italics_over_their_answers_are_cards():
    """Three or more lines wholly in italics that end in "?" (`*Why square?*`), each over its
    answer, are questions, here inside a MyST "Q&A" dropdown; an italic line that does not ask
    (a caption) stays text."""
    items = run(
        "### Adagrad\n\n*Figure 1: the learning rate over time*\n\n```{attention} Q&A\n"
        ":class: dropdown\n*Why square?*\n- Positive, and larger gradients weigh more.\n\n"
        "*Why sum?*\n- A memory of how active the parameter has been.\n\n*Why not average?*\n"
        "- The sum keeps decaying the rate.\n```\n"
    )
    assert [(i.question, i.answer) for i in items if i.kind == "qa"] == [
        ("Why square?", "- Positive, and larger gradients weigh more."),
        ("Why sum?", "- A memory of how active the parameter has been."),
        ("Why not average?", "- The sum keeps decaying the rate."),
    ]


def test_a_formula_inside_a_directive_is_no_heading():
    """`$$\\begin{align*}` … `\\end{align*}$$` inside a MyST box is fenced like one outside it,
    so its last line is no title over the numbered step after it."""
    items = run(
        "## Momentum\n\n```{note} Process\n1. Velocity update:\n\n$$\\begin{align*}\n"
        "v_t = \\beta v_{t-1} + g_t\n\\end{align*}$$\n\n2. Param update:\n\n"
        "$$\\begin{align*}\nw_t = w_{t-1} - \\eta v_t\n\\end{align*}$$\n```\n"
    )
    assert items and not [i.section for i in items if "$$" in i.section or "end{" in i.section]


def test_each_details_entry_of_a_faq_asks_whatever_its_wording():
    """Under "FAQ", `<details><summary>MemoryError: Unable to allocate …</summary>` is an entry:
    the error asks and the text it folds answers. A fold whose summary asks nothing and that
    holds the FAQ's own questions ("Read this before opening an issue") is no entry."""
    items = run(
        "## FAQ\n\n<details>\n<summary>Read this before opening an issue</summary>\n\n"
        "- **Are you sure the bug is here?**\n- **Do you have the right version?**\n\n"
        "</details>\n\n<details>\n<summary> MemoryError: Unable to allocate an array </summary>\n\n"
        "Reduce the size of the search space.\n\n</details>\n"
    )
    assert (
        "qa",
        "MemoryError: Unable to allocate an array",
        "Reduce the size of the search space.",
    ) in _cards(items)
    assert not [i for i in items if i.question.startswith("Read this")]


def test_a_numbered_troubleshooting_list_pairs_each_problem_with_its_indented_fix():
    """Under "Troubleshooting", `1. I see the error …` over its fix indented under it (as
    docutils writes an enumerated list) is a card though it asks nothing, as the same items
    under a FAQ are; elsewhere such a list of statements stays a note."""
    text = (
        "1. I see the error `Cannot import name X`\n   Install the framework in the environment.\n\n"
        "2. **None of the collaborators can connect**\n   Check the aggregator's domain name.\n\n"
        "3. **Silent failures from memory errors**\n   Upgrade PyTorch to 1.11 or later.\n"
    )
    cards = [(i.question, i.answer) for i in run("# Troubleshooting\n\n" + text) if i.kind == "qa"]
    assert cards == [
        ("I see the error `Cannot import name X`", "Install the framework in the environment."),
        ("None of the collaborators can connect", "Check the aggregator's domain name."),
        ("Silent failures from memory errors", "Upgrade PyTorch to 1.11 or later."),
    ]
    assert not [i for i in run("# Release notes\n\n" + text) if i.kind == "qa"]


def test_a_run_in_question_keeps_identifiers_and_drops_a_stray_stop():
    """`* **I get the error `ValueError: …`, what to do?**. This is because …`: a full stop typed
    after the bold belongs to neither side; `compute_overlap` inside the bold is a word, not
    the end of an emphasis."""
    items = run(
        "## FAQ\n\n* **I get the error `ValueError: not enough values`, what to do?**. You are "
        "using a training model.\n* **I get `No module named 'utils.compute_overlap'`, how do I "
        "fix this?** Build the extensions in place.\n"
    )
    assert [(i.question, i.answer) for i in items if i.kind == "qa"] == [
        ("I get the error `ValueError: not enough values`, what to do?", "You are using a training model."),
        ("I get `No module named 'utils.compute_overlap'`, how do I fix this?", "Build the extensions in place."),
    ]  # fmt: skip
