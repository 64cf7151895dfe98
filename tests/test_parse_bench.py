"""Parse benchmark on third-party files with hand labels (`eval.parse_bench`, READMEs in
eval/corpora*).

eval/corpora … eval/corpora7 have been designed on, eval/corpora8 in part (corpora2 … corpora8 were
held-out batches once; their first scores, the honest estimates for a user's own files, are in
their PARSE-RESULT-first-run.txt). The next held-out batch is labelled outside the repository.
"""

from __future__ import annotations

import pytest

from eval.parse_bench import EVAL, TARGET, files, score_batch, table


def _check(batch, known: dict[str, str] | None = None) -> None:
    if not files(batch):
        pytest.skip(f"no files in {batch} in this checkout")
    scores = score_batch(batch)
    print("\n" + table(batch, scores))
    low = {s.name: (s.recall, s.precision) for s in scores if min(s.recall, s.precision) < TARGET}
    assert sorted(low) == sorted(known or {}), f"below {TARGET:.0%} recall/precision: {low}"


def test_dev_files_parse_to_their_labels():
    """Labels the parser does not meet exactly (each under 5% of its file): a stray "I"
    after an emoji that the label drops (bold-question-ds-theory), and "flow-" + "matching"
    across a PDF line break, which the dehyphenation joins to "flowmatching"
    (pdf-ml-fundamentals)."""
    _check(EVAL / "corpora")


def test_second_batch_parses_to_its_labels():
    """corpora2: dev material since its first run."""
    _check(EVAL / "corpora2")


def test_third_batch_parses_to_its_labels():
    """corpora3: dev material since its first run (3 of 11 files then). Below 100% but above
    the target: a label whose answer_start is the last paragraph of its answer (rst-faq-lightgbm
    "LightGBM hangs when multithreading…"), an article title in a question list
    (pdf-ml-faq-rasbt "Interlude: …"), and bank items phrased as topics ("DBNet loss",
    "One-Hot, Label, Target, and K-Fold Target Encoding")."""
    _check(EVAL / "corpora3")


def test_fourth_batch_parses_to_its_labels():
    """corpora4: dev material since its first run (3 of 11 files then, PARSE-RESULT-first-run.txt)."""
    _check(EVAL / "corpora4")


def test_fifth_batch_parses_to_its_labels():
    """corpora5: dev material since its first run (5 of 10 files then). One file stays below
    the target: the AutoGluon FAQ printed to PDF (81%), whose problem-statement titles ("No
    space left error on SageMaker Notebook") have no "?" and no heading level in the text layer."""
    _check(EVAL / "corpora5", known={"pdf-tabular-faq-autogluon.pdf"})


def test_sixth_batch_parses_to_its_labels():
    """corpora6: dev material since its first run (6 of 10 files then). One file stays below
    the target: the UMAP FAQ (92%), where "Successful use-cases", a section title among the
    question titles of its FAQ, is read as a question the labels count as prose."""
    _check(EVAL / "corpora6", known={"rst-heading-faq-umap.rst"})


def test_seventh_batch_parses_to_its_labels():
    """corpora7: dev material since its first run (6 of 10 files then; answered questions 211 of
    216). Below the target: the TensorBoard README (93%: its catch-all "I have a different
    issue…" entry is read as a question) and a Chinese bank (90%: answers opening with a bold
    考点 ("what this tests") line, which its labels skip as metadata)."""
    _check(
        EVAL / "corpora7",
        known={"readme-faq-section-tensorboard.md", "zh-heading-bank-moe-igloomatics.md"},
    )


def test_eighth_batch_first_score_and_the_fixes_since():
    """corpora8, scored once held out (PARSE-RESULT-first-run.txt: 4 of 10 files). Designed on
    in part since (bold run-in questions, FAQ bullets answered below them, Chinese Q/A labels,
    records nested in sections, bank lists); the files still below the target are its
    remaining misses: an reStructuredText definition-list FAQ whose answers are `:ref:` titles
    only the rest of its repository holds, and a FAQ whose sections mix levels."""
    _check(
        EVAL / "corpora8",
        known={"rst-deflist-faq-mlc-llm.rst", "rst-faq-verl.rst"},
    )


def test_ninth_batch_first_score():
    """corpora9, scored once held out (PARSE-RESULT-first-run.txt: 2 of 9 files), designed on
    since (bold questions with anchors among topic labels, 問N headings with 回答 folds, Korean
    request headings, a headerless Anki export, notebook steps, a PDF quiz, and since session 25
    an HTML app whose 120 cards are a JSON literal in its script): every file at the target."""
    _check(EVAL / "corpora9")


def test_tenth_batch_first_score():
    """corpora10, scored once held out (PARSE-RESULT-first-run.txt: 6 of 10 files), designed on
    since (glossary term bullets, question and answer labels alone on their lines, Korean
    asking endings, a heading over a quoted question of the bank): every file at the target."""
    _check(EVAL / "corpora10")


def test_eleventh_batch_first_score():
    """corpora11, scored once held out (PARSE-RESULT-first-run.txt: 1 of 8 files), designed on
    in part since (keycap numbers, a multiple-choice CSV, glossary term headings, an HTML
    FAQ's table of contents, XML banks; since session 24 a "Click to expand" fold around
    `<details>` Q/A widgets labelled `Qn:`/`An:`, the README's FAQ 12 of 12)."""
    _check(EVAL / "corpora11", known={"ru-exam-ticket-lolol101.md"})


def test_twelfth_batch_first_score():
    """corpora12, scored once held out (PARSE-RESULT-first-run.txt: 2 of 9 files), designed on
    in part since (Q/A pairs in a code block, a reading checklist, notebook steps in prose,
    reStructuredText saved as .txt; how-to entries of a FAQ)."""
    _check(
        EVAL / "corpora12",
        known={
            "beamer-slides-questions-nnia.md", "ipynb-answer-placeholders-udacity.ipynb",
            "quarto-quantization-mlx-nexus.qmd", "rst-txt-faq-theano.txt",
        },
    )  # fmt: skip


def test_thirteenth_batch_first_score():
    """corpora13, gathered by topic as a student's folder is, scored once held out
    (PARSE-RESULT-first-run.txt: 6 of 9 files; 79 of 80 answered and 20 of 21 bare questions)."""
    _check(
        EVAL / "corpora13",
        known={
            "myst-rl-tips-sb3.md", "notes-ml-strategy-mbadry1.md", "rl-notes-mc-dennybritz.md",
        },
    )  # fmt: skip


def test_fourteenth_batch_first_score():
    """corpora14, gathered by topic as a student's folder is, scored once held out
    (PARSE-RESULT-first-run.txt: 2 of 10 files; 63 of 82 answered and 19 of 19 bare questions).
    Designed on in part since: exercise parts 1(a), reading-list links, sentences nested under a
    list question, bold emphasis far from a bank, "A **bold**" no label."""
    _check(
        EVAL / "corpora14",
        known={
            "html-typora-notes-sakura.html", "interview-log-prasanth.md",
            "qmd-js-quiz-ubc-mds.qmd",
            "readme-tutorial-faq-sgrvinod.md", "tiny-ans-label-wyattowalsh.md",
        },
    )  # fmt: skip


def test_fifteenth_batch_first_score():
    """corpora15, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 5 of 10
    files; 82 of 168 answered and 36 of 43 bare questions)."""
    _check(
        EVAL / "corpora15",
        known={
            "bold-tagged-bank-ananttripathi.md", "details-bank-landedjobs.md",
            "gitbook-mixed-bank-d0r1h.md", "notes-zh-metrics-kaka-lin.md", "rst-note-akkefa.rst",
        },
    )  # fmt: skip


def test_sixteenth_batch_first_score():
    """corpora16, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 4 of 8
    files; 5 of 7 answered and 52 of 59 bare questions). Designed on since: questions set one
    per paragraph; in session 30 an interview page's "Explain Bias-Variance Tradeoff" (a task
    heading under a title that names questions)."""
    _check(
        EVAL / "corpora16",
        known={"book-chapter-dropout-wingie.md", "cheatsheet-llmops-sachincse.md"},
    )


def test_seventeenth_batch_first_score():
    """corpora17, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 3 of 7
    files; 56 of 90 answered and 6 of 10 bare questions). Designed on since: answers written as
    labelled parts, a bold left open, glossary tables, wiki links (now 5 of 7 files)."""
    _check(
        EVAL / "corpora17",
        known={"notebook-cross-validation-sjasthi.ipynb", "pdf-ab-testing-guide-growthbook.pdf"},
    )  # fmt: skip


def test_eighteenth_batch_first_score():
    """corpora18, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 3 of 6
    files; 34 of 39 answered and 7 of 12 bare questions)."""
    _check(
        EVAL / "corpora18",
        known={
            "notebook-perceptron-hrk84ya.ipynb", "param-bullets-hnsw-nmslib.md",
            "pdf-transformer-calc-eleutherai.pdf",
        },
    )  # fmt: skip


def test_nineteenth_batch_first_score():
    """corpora19, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 4 of 6
    files, three of them prose only; 3 of 75 answered questions). Designed on since: bold terms
    under a glossary heading, which a Sphinx glossary becomes."""
    _check(EVAL / "corpora19", known={"pdf-mock-midterm-ds-multix-amsterdam.pdf"})


def test_twentieth_batch_first_score():
    """corpora20, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 3 of 6
    files; 49 of 51 answered and 0 of 115 bare questions, all of those in one JSON index).
    Designed on since: a JSON file's question list found among its other lists."""
    _check(
        EVAL / "corpora20",
        known={
            "prose-eval-taxonomy-maxpetrusenko.md",
            "rst-prompt-engineering-runawayhorse001.rst",
        },
    )


def test_twenty_first_batch_first_score():
    """corpora21, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 2 of 7
    files; 155 of 160 answered and 7 of 14 bare questions). Designed on since: a bold lead-in
    ending with a colon is part of an answer; numbered section titles in a PDF."""
    _check(
        EVAL / "corpora21",
        known={
            "notebook-exercise-cnn-vitay.ipynb",
            "pdf-notes-nerf-cs231n.pdf", "pdf-solutions-transposed-conv-csc477.pdf",
            "quote-flashcards-multimodal-ankittian.md",
        },
    )  # fmt: skip


def test_twenty_second_batch_first_score():
    """corpora22, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 2 of 7
    files, both prose only; 11 of 20 answered and 6 of 11 bare questions). Designed on since:
    Pandoc fenced divs that hold a solution are an exercise's answer fold."""
    _check(
        EVAL / "corpora22",
        known={
            "ex-exercise-sql-rolling-avg-alisdairo.ex",
            "notebook-student-bayes-ericmjl.ipynb",
            "rst-faq-stats-pingouin-raphaelvallat.rst",
            "rst-notes-ab-testing-zalando.rst",
            "workbench-challenges-sql-aggregation-swcarpentry.md",
        },
    )


def test_twenty_third_batch_first_score():
    """corpora23, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 3 of 6
    files; 16 of 55 answered questions, no bare ones). Designed on since: a FAQ's entries
    worded as questions without "?"; MyST glossaries and roles."""
    _check(
        EVAL / "corpora23",
        known={"myst-glossary-rl-carperai.md", "pdf-qa-ppo-opendilab.pdf"},
    )


def test_twenty_fourth_batch_first_score():
    """corpora24, gathered by topic, scored once held out (PARSE-RESULT-first-run.txt: 3 of 5
    files; 51 of 53 answered and 124 of 134 bare questions). Designed on since: a bold question
    item answered by the line indented under it."""
    _check(
        EVAL / "corpora24",
        known={
            "link-list-faq-data-pipelines-kedro-org.md",
            "notebook-lab-monitoring-the-full-stack.ipynb",
        },
    )


def test_twenty_fifth_batch_first_score():
    """corpora25, gathered by topic (mathematics for ML), scored once held out
    (PARSE-RESULT-first-run.txt: 4 of 5 files; 22 of 40 answered questions, no bare ones).
    Designed on since: headings typed without a space after their hashes; a glossary term over
    sub-terms."""
    _check(EVAL / "corpora25", known=set())


def test_twenty_sixth_batch_first_score():
    """corpora26, gathered by topic (NLP), scored once held out (PARSE-RESULT-first-run.txt:
    3 of 26 answered questions, 0 of 1 bare; two prose files of types studybot did not read).
    Designed on since: slides printed in builds, a quiz's front and back read as one card (20 of
    26 and the bare one now; the rest differ in what the labeller took as stimulus); the
    sphinx-gallery .py example and the .doctest page are read (they were refused)."""
    _check(EVAL / "corpora26", known={"pdf-slide-quiz-nmt-joeynmt.pdf"})


def test_twenty_seventh_batch_first_score():
    """corpora27, gathered by topic (Python, NumPy and pandas), scored once held out
    (PARSE-RESULT-first-run.txt: 13 of 132 answered questions, 0 of 36 bare). Designed on since
    (PARSE-RESULT-dev.txt: 127 of 132, 33 of 36): a card's Front:/Back: labels, a bank kept as a
    Python literal, rST challenge boxes answered by solution boxes. Below the target: MyST gated
    exercises whose questions the labeller took from inside the box, a problem statement left
    unanswered (a bare question to the labeller), and tips worded as tasks in a sphinx-lesson
    callout (its box of learning questions reads as bare questions since boxes end their
    lists)."""
    _check(
        EVAL / "corpora27",
        known={
            "myst-gated-exercises-numpy-scipy-lectures.md",
            "setext-heading-bank-python-1st.md",
            "sphinx-lesson-rst-pandas-aaltoscicomp.rst",
        },
    )


def test_twenty_eighth_batch_first_score():
    """corpora28, gathered by topic (generative models), scored once held out
    (PARSE-RESULT-first-run.txt: 1 of 2 answered questions, 7 of 28 bare; a literate-Python
    file refused as a program). Designed on since: an answer form left blank holds no answer
    (28 of 28 bare now), and literate Python is read (its docstrings the text, its 11 sections
    as labelled). Below the target: a question sentence in prose notes and a poster's two
    columns read across."""
    _check(
        EVAL / "corpora28",
        known={
            "html-notes-vae-deepgenerativemodels.html",
            "pdf-poster-generative-metrics-toshas.pdf",
        },
    )


def test_twenty_ninth_batch_first_score():
    """corpora29, gathered by topic (LLM fine-tuning, alignment and inference), scored once held
    out (PARSE-RESULT-first-run.txt: 38 of 42 answered questions, none bare in it). Designed on
    since: asks listed under one answer label are one question (the quiz's scenarios); a
    walkthrough's numbered steps are sections (the DPO notebook); a "Short answer:" part label
    stays in the answer (the tutorial FAQ). Below the target: that FAQ's topic headings, which
    studybot reads as questions."""
    _check(
        EVAL / "corpora29",
        known={
            "tutorial-faq-llm-training-mosaicml.md",
        },
    )


def test_thirtieth_batch_first_score():
    """corpora30, gathered by topic (optimisation and training dynamics), scored once held out
    (PARSE-RESULT-first-run.txt: 7 of 57 answered questions, 0 of 24 bare): a Python module of
    one dict per quiz item refused as a program, a Chinese checklist form of fill-in blanks,
    an HTML epigraph question. Designed on since: one record per variable, options ticked
    (the module's 49 items read; 23 true/false answers differ from labels that repeat the key
    after the options)."""
    _check(
        EVAL / "corpora30",
        known={
            "checklist-form-zh-accuracy-mindspore-ai.md",
            "python-mcq-dicts-training-joshred83.py",
            "research-readme-faq-warmup-liyuanlucasliu.md",
        },
    )


def test_thirty_first_batch_first_score():
    """corpora31, gathered by topic (probability, statistics foundations and information
    theory), scored once held out (PARSE-RESULT-first-run.txt: 2 of 13 answered questions, none
    bare in it): a Pluto.jl notebook refused as an unsupported type, a marimo notebook refused
    as a program, a README table's question column. Designed on since: both notebook formats
    are read, and a statement whose fold opens with a verdict ("❌ Incorrect!") is a true/false
    question (the marimo quiz, 3 of 3). Below the target: the Pluto exercises worded as tasks
    ("Proof that …", 6 of 8). Session 21: a topic heading whose subtitle asks among siblings
    titled the same way ("Two-Sample Testing — Is the Difference Real?") is a topic (the README
    100%)."""
    _check(EVAL / "corpora31", known={"pluto-solutions-probability-bmlip.jl"})


def test_thirty_second_batch_first_score():
    """corpora32, gathered by topic (transformer internals and attention), scored once held
    out (PARSE-RESULT-first-run.txt: 355 of 355 answered questions, 350 of them one CSV deck,
    none bare in it; a "Citation:" heading under a FAQ title read as one more entry).
    Designed on since: a short heading ending in a colon labels what follows, no FAQ entry
    (6 of 6 files now)."""
    _check(EVAL / "corpora32")


def test_thirty_third_batch_first_score():
    """corpora33, gathered by topic (time series, forecasting and anomaly detection), scored
    once held out (PARSE-RESULT-first-run.txt: 5 of 74 answered questions, 0 of 18 bare): an
    MDX FAQ of <Accordion> components, a PDF glossary of "Term: definition" lines, an exercise
    notebook whose questions sit over code blanks, an rST FAQ answer indented with tabs.
    Designed on since: an MDX disclosure widget (`<Accordion title="…">`) is read as a
    `<details>` block (the FAQ: 29 of 32, and 32 of 32 since batch 65's rule that each entry
    of a FAQ asks, "Error message: …" titles too); a
    glossary's plain and notation-list definitions are cards, and a PDF's numbered titles and
    list titles are sections (the glossary: 27 of 36; the rest are Greek symbols its text layer
    prints as Latin letters); an exercise over code to fill in is bare (the notebook: 16 of 18);
    a bold question with `_` in an identifier is a question (the rST FAQ: 6 of 6)."""
    _check(
        EVAL / "corpora33",
        known={
            "notebook-exercises-anomaly-detection-sylligardos.ipynb",
            "pdf-glossary-time-series-sjmiller8182.pdf",
        },
    )


def test_thirty_fifth_batch_first_score():
    """corpora35, gathered by topic (ML system design and production ML), scored once held out
    (PARSE-RESULT-first-run.txt: 13 of 17 answered questions, 5 of 16 bare, 3 of 6 files): a
    MkDocs glossary written as a definition list whose terms are bold; an exam PDF whose
    "Question N: Topic [Np]" titles were read as questions answered by their lettered parts;
    an rST guide's "Testing: is our model any good?" topic title read as a question. Designed
    on since: a definition list's term may stand over a blank line (the glossary: 4 of 4); an
    exam question titled by a topic asks in its lettered parts, or in its stem over a form of
    field labels (the exam: 9 of 11; its two "Risk N: …" statements over "Mitigation and
    explanation:" fields, which the labeller counts as questions, stay in the prose); a topic
    whose subtitle asks among subtitled siblings is a topic (the rST guide 100%)."""
    _check(EVAL / "corpora35", known={"pdf-midterm-ml-in-production-ckaestne.pdf"})


def test_thirty_sixth_batch_first_score():
    """corpora36, gathered by topic (graph machine learning), scored once held out
    (PARSE-RESULT-first-run.txt: 8 of 10 answered questions, 0 of 1 bare, 3 of 6 files): a
    lecture note's numbered method steps ("Define an encoder …") read as bare questions; an
    rST page's "What is a graph" titles without "?" read as topics; a Pluto export's
    "(Optional) Exercise" task inside raw HTML not read. Designed on since: a heading in
    wh-question order ("What is a graph") asks (the rST page 100%)."""
    _check(
        EVAL / "corpora36",
        known={
            "jekyll-note-node-embeddings-snap-stanford.md",
            "pluto-html-tutorial-graph-classification-carlolucibello.md",
        },
    )


def test_thirty_seventh_batch_first_score():
    """corpora37, gathered by topic (speech and audio machine learning), scored once held out
    (PARSE-RESULT-first-run.txt: 15 of 39 answered questions, no bare ones, 3 of 7 files): a
    Doxygen `.dox` glossary refused as an unsupported type; an Obsidian spaced-repetition note's
    `term ::@:: definition` cards read as prose; a notebook's bold questions over their
    answers read as prose; a MkDocs reference page's parameter entries read as questions.
    Designed on since: a bold question over the paragraph that answers it asks without a bank
    of three (the notebook 3 of 3); one-line `front ::@:: back` cards (the note 10 of 10); a
    definition list of parameters (`name`: type) is reference text (the MkDocs page 100%)."""
    _check(EVAL / "corpora37", known={"dox-glossary-asr-terms-kaldi-asr.dox"})


def test_thirty_eighth_batch_first_score():
    """corpora38, gathered by topic (probability and Bayesian machine learning), scored once
    held out (PARSE-RESULT-first-run.txt: 20 of 36 answered questions, no bare ones, 5 of 6
    files, four of them prose only): an rST FAQ whose questions are whole bold paragraphs under
    group sections read 11 of 27. Designed on since: a paragraph wholly in bold (wrapped over
    lines, two bold lines, or bold runs split around a role) is one bold line (the FAQ 27 of
    27)."""
    _check(EVAL / "corpora38", known=set())


def test_thirty_ninth_batch_first_score():
    """corpora39, gathered by topic (SQL, data manipulation and data-science coding), scored
    once held out (PARSE-RESULT-first-run.txt: 27 of 77 answered questions, 0 of 3 bare, 1 of
    6 files): a MySQL exercise bank whose headings are code spans over a "Solution:" label
    read 1 of 48; a MkDocs collapsible question box, an rST FAQ entry with sub-sections and a
    setext README's question read as prose. Designed on since: a bank that labels its solutions
    (statement, `Solution:`, code), a collapsible box whose title asks, setext headings, a
    problem told in the first person among FAQ questions (77 of 77, 3 of 3)."""
    _check(EVAL / "corpora39", known=set())


def test_fortieth_batch_first_score():
    """corpora40, gathered by topic (recommender systems and ranking), scored once held out
    (PARSE-RESULT-first-run.txt: 26 of 26 answered questions, 6 of 6 files, five of them prose
    only: metric references in MkDocs, rST and Sphinx HTML, a notebook, a guide page)."""
    _check(EVAL / "corpora40", known=set())


def test_forty_first_batch_first_score():
    """corpora41, gathered by topic (reinforcement learning), scored once held out
    (PARSE-RESULT-first-run.txt: 8 of 12 answered questions, 10 of 10 bare, 5 of 6 files): a
    course notebook whose `## N) Title` task cells are answered by `## N) Solution` cells read
    its tasks' sub-questions as bare questions (0 of 4). Designed on since: every file passes
    (PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora41")


def test_forty_second_batch_first_score():
    """corpora42, gathered by topic (computer vision), scored once held out
    (PARSE-RESULT-first-run.txt: 15 of 15 answered questions, 0 of 5 bare, 5 of 6 files): a
    Kaggle exercise notebook whose titled tasks are answered by checker calls that load their
    text from another file read its tasks as prose (0 of 5). Designed on since: 5 of 5 (a
    markdown cell that asks alone, since batch 44) (PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora42")


def test_forty_third_batch_first_score():
    """corpora43, gathered by topic (classical machine learning), scored once held out
    (PARSE-RESULT-first-run.txt: 13 of 21 answered questions, 34 of 35 bare, 4 of 6 files): a
    Jupyter Book exercise notebook whose solutions sit in hidden cells and `{toggle}` answers
    (0 of 7), and a review notebook whose one worked question reads as bare. Designed on since:
    the exercise notebook 7 of 7; the review notebook's two misses are judgement calls (a
    question whose argument list the labeller left out of it; a statement answered by code)
    (PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora43", known={"notebook-midterm-review-questions-ubc-cs.ipynb"})


def test_forty_fourth_batch_first_score():
    """corpora44, gathered by topic (NLP before and around transformers), scored once held out
    (PARSE-RESULT-first-run.txt: 10 of 18 answered questions, 0 of 4 bare, 3 of 7 files): a
    Jekyll guide's italic `*Q:*` / `*A:*` paragraphs (0 of 6), a FAQ's "Via …" help sections, a
    README's table of contents read as a question, a lab notebook's prompts in cells of their
    own. Designed on since: 17 of 18 and 3 of 4 (PARSE-RESULT-dev.txt); left below, each a
    judgement call: a stack trace between `*Q:*` and `*A:*` that the labeller gives the
    question, a "How to use X" heading among question headings, a cell that asks mid-paragraph
    and a numbered instruction the labeller keeps as prose."""
    _check(
        EVAL / "corpora44",
        known={
            "md-guide-word2vec-glove-deeplearning4j.md",
            "md-readme-subword-embeddings-bheinzerling.md",
            "notebook-exercises-linear-text-classifiers-lxmls.ipynb",
        },
    )


def test_forty_fifth_batch_first_score():
    """corpora45, gathered by topic (statistics), scored once held out
    (PARSE-RESULT-first-run.txt: 9 of 65 answered questions, 0 of 1 bare, 1 of 6 files): a
    notebook glossary of bold-term paragraphs, a bookdown HTML glossary, a homework answer
    sheet with [T]/[F] case boxes, a Q&A page's one question answered under a second label, a
    blog notebook's bold motivating question. Designed on since: both glossaries 100%
    (PARSE-RESULT-dev.txt); left below, each a judgement call: an answer sheet whose sub-items
    the labeller reads as one answer, a question whose second paragraph precedes its quoted
    answer, a motivating question the post answers sections later."""
    _check(
        EVAL / "corpora45",
        known={
            "md-homework-answers-ab-testing-cstorm125.md",
            "md-qa-hypothesis-testing-statisticalbiotechnology.md",
            "notebook-blog-bootstrap-ci-acclab.ipynb",
        },
    )


def test_forty_sixth_batch_first_score():
    """corpora46, gathered by topic (deep-learning fundamentals), scored once held out
    (PARSE-RESULT-first-run.txt: 50 of 71 answered questions, 0 of 10 bare, 1 of 6 files): a
    self-check guide's "Show answer" toggles, slide decks (reveal-md, remark HTML), a German
    exercise sheet, a Jekyll lesson's questions kept in its front matter. Partly designed on
    since: the self-check guide 67 of 67 ("Show answer" controls, "What you'll learn" lists,
    options listed before a revealed answer; PARSE-RESULT-dev.txt) and the lesson's three
    front-matter questions (its "Definitions" read as cards keep it below), the remark deck read
    as its slides (its step lists steps, its closing "Questions ?" slide none; one item under
    "Eager mode:" still reads as a task), the exercise sheet 7 of 7
    (tasks that give points), the reveal-md deck 4 of 4 (a rule under a slide's last line, a
    question continued by one more, a checklist answering its heading)."""
    _check(
        EVAL / "corpora46",
        known={
            "html-remark-slides-neural-networks-amueller.html",
            "jekyll-episode-gradient-descent-hsf-training.md",
        },
    )


def test_forty_seventh_batch_first_score():
    """corpora47, gathered by topic (model evaluation and validation), scored once held out
    (PARSE-RESULT-first-run.txt: 5 of 14 answered questions, 2 of 16 bare, 3 of 6 files): a
    solutions notebook whose code cells answer under a `# Solution to exercise N` comment, a
    course chapter's multiple-choice exercises and `**Instructions**` blocks, an exam notebook's
    tasks. Designed on since: the course chapter 15 of 15 (the course framework's exercises, the
    tasks under `**Instructions**`; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora47",
        known={
            "notebook-exam-heart-disease-sib-swiss.ipynb",
            "notebook-exercises-model-evaluation-humboldt-wi.ipynb",
        },
    )


def test_forty_eighth_batch_first_score():
    """corpora48, gathered by topic (unsupervised learning), scored once held out
    (PARSE-RESULT-first-run.txt: 11 of 17 answered questions, 0 of 2 bare, 3 of 6 files): a
    software FAQ read whole; Quarto exercises answered in callout folds, a MyST lesson's
    exercises and solution, a Quarto course's exercise missed. Designed on since: the Quarto
    course 1 of 1 (an answer callout, tab sets, chunk options), the MyST lesson 1 of 3, the
    Quarto exercises 1 of 4 (PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora48",
        known={
            "myst-lesson-clustering-enccs.md",
            "qmd-exercises-dimensionality-reduction-sib-swiss.qmd",
        },
    )


def test_forty_ninth_batch_first_score():
    """corpora49, gathered by topic (feature engineering), scored once held out
    (PARSE-RESULT-first-run.txt: 2 of 62 answered questions, 0 of 2 bare, 1 of 5 files): an
    Anki export whose fronts are HTML radio-button quizzes, an R Markdown lab whose answers are
    code chunks gated by a parameter, a Hugo lesson's challenge boxes, a Quarto note's steps.
    Designed on since: the deck 35 of 35 (a headerless first row is a card; form elements are
    markup; a front's lettered options follow the back), the lab 84% (read as it knits with its
    answers on; two labels resolve `\\@ref()` cross-references to section numbers), the Hugo
    lesson 4 of 4 (a challenge notice box sets a task; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora49",
        known={
            "qmd-notes-feature-engineering-ds-100.qmd",
            "rmd-lab-missing-data-kylelang.Rmd",
        },
    )


def test_fiftieth_batch_first_score():
    """corpora50, gathered by topic (Bayesian methods), scored once held out
    (PARSE-RESULT-first-run.txt: 2 of 44 answered questions, 0 of 51 bare, 1 of 6 files): a
    printed solution manual whose exercises and solutions alternate, an answer-key notebook, a
    homework notebook's tasks, an exercise sheet printed to PDF. Designed on since: the manual
    60% (its numbered entries under "Solutions" chapters; the rest lost to titles the PDF's
    maths breaks), the homework notebook 12 of 18 ("Part A.II" headings ask their first
    paragraph; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora50",
        known={
            "notebook-homework-bayesian-regression-vi-predictivesciencelab.ipynb",
            "notebook-key-bayes-rule-medical-test-nucleartalent.ipynb",
            "pdf-exercises-hierarchical-gibbs-jgscott.pdf",
            "pdf-solutions-probabilistic-ml-probml.pdf",
            "rst-faq-mcmc-ensemble-sampler-dfm.rst",
        },
    )


def test_fifty_first_batch_first_score():
    """corpora51, gathered by topic (interpretability and fairness), scored once held out
    (PARSE-RESULT-first-run.txt: 53 of 62 answered questions, 0 of 3 bare, 4 of 6 files): two
    FAQs read whole; a FAQ page whose entries are Liquid includes, an assignment PDF's tasks
    missed. Designed on since: the Liquid FAQ 9 of 9 (an include with a title and a text is a
    section; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora51",
        known={
            "pdf-assignment-model-explanations-jphall663.pdf",
        },
    )


def test_fifty_second_batch_first_score():
    """corpora52, gathered by topic (ensemble methods), scored once held out
    (PARSE-RESULT-first-run.txt: 30 of 51 answered questions, no bare ones, 2 of 5 files): a
    stacking FAQ whose linked contents list reads as questions too, a Spanish exam under
    `Enunciado`/`Solución` headings, a homework PDF with Chinese solutions after `解:`.
    Designed on since: the FAQ 30 of 31 at 94% precision (a contents list linking to the
    page's own question headings asks nothing), the exam 10 of 10 (a statement and its solution
    under headings named by one identifier, in Spanish; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora52",
        known={
            "md-faq-stacking-vecxoz.md",
            "pdf-homework-ensemble-jingxuanyang.pdf",
        },
    )


def test_fifty_third_batch_first_score():
    """corpora53, gathered by topic (causal inference), scored once held out
    (PARSE-RESULT-first-run.txt: 49 of 83 answered questions, 0 of 1 bare, 3 of 6 files): a
    Sphinx glossary the page sorts, a Chinese cheat sheet's question and answer labels, a
    problem-set PDF's lettered parts. Designed on since: the glossary 50 of 50 (an entry with
    several terms is one card), the cheat sheet's precision 82% -> 100% (a bulleted `问题`
    field inside an answer is no question; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora53",
        known={
            "md-cheatsheet-experimentation-zh-zhangjunmengyang.md",
            "pdf-solutions-experimentation-leeper.pdf",
        },
    )


def test_fifty_fourth_batch_first_score():
    """corpora54, gathered by topic (graphical models), scored once held out
    (PARSE-RESULT-first-run.txt: 5 of 9 answered questions, no bare ones, 2 of 5 files): a
    MkDocs flashcard box split into Question/Answer tabs, Chinese interview notes answered by
    bullets, a notebook PDF's question title."""
    _check(
        EVAL / "corpora54",
        known={
            "md-admonition-flashcards-pgm-magsenche.md",
            "md-interview-notes-crf-hmm-zh-jh-lau.md",
            "pdf-nbconvert-pgm-intro-pgmpy.pdf",
        },
    )


def test_fifty_fifth_batch_first_score():
    """corpora55, gathered by topic (LLM evaluation), scored once held out after batch 56
    (PARSE-RESULT-first-run.txt: 63 of 70 answered questions, no bare ones, 4 of 5 files): an
    MDX FAQ read whole; a dataset datasheet's form prompts 33 of 40. Designed on since: 34 of
    40 (an answer saying nothing is missing is an answer; the others are "None." and "N/A",
    read as no answer; PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora55", known={"md-datasheet-benchmark-contamination-livebench.md"})


def test_fifty_sixth_batch_first_score():
    """corpora56, gathered by topic (distributed training), scored once held out
    (PARSE-RESULT-first-run.txt: 0 of 53 answered questions, no bare ones, 1 of 5 files): a
    quiz answered in a key at its end, a help page's bold run-in bullets, a page asked by its
    front-matter title, Chinese notes whose question lines are answered by code. Designed on
    since: the quiz 39 of 45 (an answer key gathered after the questions answers each by its
    number), the help page 4 of 4 at 80% precision (a list of common issues pairs each
    problem with its fix; PARSE-RESULT-dev.txt), the front-matter page 1 of 1 (batch 57's rule:
    a page with no heading of its own is headed by its front matter's title)."""
    _check(
        EVAL / "corpora56",
        known={
            "md-help-page-distributed-errors-servicenow.md",
            "md-notes-sequence-parallelism-zh-jianbangzhang.md",
            "md-quiz-answer-key-gpu-systems-nawab-ali.md",
        },
    )


def test_fifty_seventh_batch_first_score():
    """corpora57, gathered by topic (retrieval and vector search), scored once held out
    (PARSE-RESULT-first-run.txt: 6 of 51 answered questions, no bare ones, 1 of 6 files): a
    Jekyll glossary of bold terms, an MDX troubleshooting page titled in its front matter, an
    rST FAQ of `.. dropdown::` boxes, a FAQ page read right but for one extra card, and a
    lesson whose rhetorical questions were read as bare ones. Designed on since: the rST FAQ
    8 of 8 (a dropdown's title asks, its options are no words of it), the troubleshooting page
    7 of 7 (titled by its front matter; each entry under it a problem and its fix), the
    glossary 30 of 30 (items that define their bold term in a sentence; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora57",
        known={
            "md-notes-faqs-retrieval-testing-infiniflow.md",
            "md-onboarding-guide-bi-encoders-castorini.md",
        },
    )


def test_fifty_eighth_batch_first_score():
    """corpora58, gathered by topic (linear algebra and calculus), scored once held out
    (PARSE-RESULT-first-run.txt: 2 of 10 answered questions, 12 of 91 bare, 2 of 5 files): a
    study-guide notebook of prompts over `Your Answer Here` cells, a guide whose solutions sit
    in `<details>` blocks under exercise headings, a MyST chapter of embedded exercises."""
    _check(
        EVAL / "corpora58",
        known={
            "ipynb-study-guide-linear-algebra-bundickm.ipynb",
            "md-route-guide-calculus-ryanauj.md",
            "myst-chapter-eigenvalues-tudelft-prime-books.md",
        },
    )


def test_fifty_ninth_batch_first_score():
    """corpora59, gathered by topic (LLM agents and prompting), scored once held out
    (PARSE-RESULT-first-run.txt: 13 of 17 answered questions, no bare ones, 3 of 5 files): an
    MDX accordion FAQ read whole; a troubleshooting page whose error-message headings sit under
    group headings, a page whose question heading is answered by an image's caption."""
    _check(
        EVAL / "corpora59",
        known={
            "md-jsx-cards-overview-mcp-tools-camel-ai.md",
            "md-mkdocs-troubleshooting-agent-framework-pydantic.md",
        },
    )


def test_sixtieth_batch_first_score():
    """corpora60, gathered by topic (model compression), scored once held out
    (PARSE-RESULT-first-run.txt: 87 of 96 answered questions, no bare ones, 4 of 6 files): a
    FAQ, a Sphinx HTML FAQ and an em-dash glossary read (nearly) whole; Korean worked examples
    under a "풀이" (solution) heading, an rST guide ending in a numbered FAQ. Designed on since:
    the FAQ 5 of 5 (a paragraph indented under a numbered question answers it;
    PARSE-RESULT-dev.txt), the Korean notes 4 of 4 (a solution heading right under its task
    answers it)."""
    _check(EVAL / "corpora60")


def test_sixty_first_batch_first_score():
    """corpora61, gathered by topic (multimodal and vision-language models), scored once held
    out (PARSE-RESULT-first-run.txt: 20 of 21 answered questions, no bare ones, 3 of 6 files):
    a MyST definition-list FAQ 6 of 7, an interview page of `<details>` 8 of 8 with one extra
    card, a GitBook page's rhetorical question read as one. Designed on since: the FAQ 7 of 7
    (a term that quotes keeps its whole question; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora61",
        known={
            "html-gitbook-text-conditioning-aurelienkrieger.html",
            "md-details-interview-vision-language-falkomeai.md",
        },
    )


def test_sixty_second_batch_first_score():
    """corpora62, gathered by topic (self-supervised and active learning), scored once held
    out (PARSE-RESULT-first-run.txt: 13 of 13 answered questions, no bare ones, 6 of 6 files)."""
    _check(EVAL / "corpora62")


def test_sixty_third_batch_first_score():
    """corpora63, gathered by topic (statistical learning theory), scored once held out
    (PARSE-RESULT-first-run.txt: 1 of 33 answered questions, no bare ones, 3 of 5 files, all
    three prose only): a PDF exercise handbook whose statements end in a "Solution." label
    (0 of 28), lecture notes' "Quiz: …" sections (1 of 5)."""
    _check(
        EVAL / "corpora63",
        known={
            "pdf-exercise-handbook-pac-vc-mateibejan14.pdf",
            "rst-lecture-notes-vc-dimension-orsenthil.rst",
        },
    )


def test_sixty_fourth_batch_first_score():
    """corpora64, gathered by topic (probability brainteasers), scored once held out
    (PARSE-RESULT-first-run.txt: 0 of 2 answered questions, 7 of 11 bare, 1 of 5 files): a
    puzzle post under a bare "Problem" heading, a riddle note's "Question" / "Approach"
    headings, a Riddler README's numbered questions; a notebook's open questions 7 of 8.
    Designed on since: the puzzle post and the riddle note 1 of 1 each (a statement under a
    "Problem" or "Question" label heading asks; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora64",
        known={
            "ipynb-puzzle-notebook-coin-flip-devil-norvig.ipynb",
            "md-riddler-readme-bayes-sign-reallyasi9.md",
        },
    )


def test_sixty_fifth_batch_first_score():
    """corpora65, gathered by topic (object detection and segmentation), scored once held out
    (PARSE-RESULT-first-run.txt: 13 of 20 answered questions, 0 of 2 bare, 2 of 6 files): a
    `<details>` FAQ 3 of 6, a README's bold-bullet FAQ 5 of 8, a course chapter's quiz.
    Designed on since: the `<details>` FAQ 6 of 6 (each entry of a FAQ asks whatever its
    wording), the bold-bullet FAQ 7 of 8 (a stop after the bold, an identifier inside it;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora65",
        known={
            "md-course-quiz-segmentation-jp2321.md",
            "readme-faq-annotation-labelme.md",
            "readme-faq-retinanet-fizyr.md",
        },
    )


def test_sixty_sixth_batch_first_score():
    """corpora66, gathered by topic (hyperparameter tuning and AutoML), scored once held out
    (PARSE-RESULT-first-run.txt: 1 of 27 answered questions, no bare ones, 2 of 6 files): a
    MyST note's italic questions in "Q&A" dropdowns (0 of 14), a README's `<details>` FAQ (0 of
    7), a setext README's bold-bullet FAQ (0 of 5), a page titled by a question over badges.
    Designed on since: the MyST note 14 of 14 at 74% precision (questions in italics), the
    `<details>` FAQ 3 of 7 (each entry of a FAQ asks whatever its wording;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora66",
        known={
            "md-myst-jupytext-cosine-warmup-gao-hongnan.md",
            "md-myst-qa-admonitions-optimizers-lr-schedules-toastedqu.md",
            "md-readme-details-faq-hyperactive-simonblanke.md",
            "md-setext-readme-faq-hyperparameter-hunter-huntermcgushion.md",
        },
    )


def test_sixty_seventh_batch_first_score():
    """corpora67, gathered by topic (federated learning and privacy), scored once held out
    (PARSE-RESULT-first-run.txt: 8 of 17 answered questions, 22 of 36 bare, 1 of 6 files): a
    course module's checkpoint questions 22 of 32, a Chinese numbered FAQ 6 of 9, an rST
    troubleshooting FAQ 0 of 5, a Quarto lesson's tabbed exercises. Designed on since: the rST
    FAQ 3 of 5 (a numbered troubleshooting entry asks whatever its wording; one more differs
    by the |productName| substitution its site fills in; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora67",
        known={
            "ipynb-course-notebook-dp-queries-gitgik.ipynb",
            "md-course-module-checkpoint-questions-non-iid-ahoop004.md",
            "md-zh-bold-numbered-faq-federated-learning-federatedai.md",
            "qmd-quarto-lesson-dp-privacy-budget-ui-research.qmd",
            "rst-numbered-troubleshooting-faq-openfl-securefederatedai.rst",
        },
    )


def test_sixty_eighth_batch_first_score():
    """corpora68, gathered by topic (data visualisation and EDA), scored once held out
    (PARSE-RESULT-first-run.txt: 29 of 45 answered questions, no bare ones, 2 of 5 files): a
    bold Q/A FAQ 25 of 26; plain `- Term: definition` bullets (0 of 12), `_term_ | definition`
    lines (0 of 3), a marimo notebook read as one prose note."""
    _check(
        EVAL / "corpora68",
        known={
            "marimo-py-altair-debugging-uwdata.py",
            "md-glossary-bullets-descriptive-stats-efurlanm.md",
            "md-spdx-note-statistical-measures-machine-learning-oer-collection.md",
        },
    )


def test_sixty_ninth_batch_first_score():
    """corpora69, gathered by topic (kernels, SVMs and Gaussian processes), scored once held
    out (PARSE-RESULT-first-run.txt: 14 of 21 answered questions, 0 of 1 bare, 2 of 4 files):
    numbered interview headings 8 of 8; `* Qn:` bullets answered after `&emsp;` 3 of 4, a
    checkbox quiz whose formulas are images 3 of 9. Designed on since: the quiz 9 of 9 and 1 of 1
    bare (a numbered stem over several paragraphs, options under it, is one question;
    PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora69", known={"md-bullet-q-emsp-svm-magicgh.md"})


def test_seventieth_batch_first_score():
    """corpora70, gathered by topic (sequence-to-sequence models and decoding), scored once
    held out (PARSE-RESULT-first-run.txt: 4 of 79 answered questions, 0 of 3 bare, 2 of 5
    files): a reference of bold-term bullets its labeller reads as a glossary (0 of 73), a
    report's bold numbered questions 4 of 6, a Chinese lesson's closing exercises. Designed on
    since: the lesson's exercises 3 of 3 (a list under an exercises title is tasks;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora70",
        known={
            "md-bold-term-bullets-generation-parameters-oobabooga.md",
            "md-pandoc-report-bold-numbered-qa-beam-search-pleyad.md",
        },
    )


def test_seventy_first_batch_first_score():
    """corpora71, gathered by topic (anomaly detection and imbalanced data), scored once held
    out (PARSE-RESULT-first-run.txt: 0 of 7 answered questions, 0 of 3 bare, 2 of 6 files): a
    JSON activity quiz in code fences, Hugo panel shortcodes titled by questions, a blockquoted
    interview question answered by the notes after it, a notebook's HOMEWORK task."""
    _check(
        EVAL / "corpora71",
        known={
            "ipynb-course-notebook-cost-sensitive-learning-solegalli.ipynb",
            "md-activity-json-fence-quiz-anomaly-basics-exiv1017.md",
            "md-blockquote-interview-notes-imbalanced-classes-elliotgunn.md",
            "md-hugo-panel-shortcodes-anomaly-detection-kk-engineer.md",
        },
    )


def test_seventy_second_batch_first_score():
    """corpora72, gathered by topic (loss functions, regularisation and normalisation), scored
    once held out (PARSE-RESULT-first-run.txt: 4 of 60 answered questions, 15 of 37 bare, 2 of
    6 files): a Chinese interview page whose answers point to the author's notes 3 of 54, a
    French multiple-choice page 0 of 5, a reading assignment 14 of 26 bare, a PDF quiz 0 of 10.
    Designed on since: the Chinese page 52 of 54 (a page titled "QA" is a FAQ; a wrapped link
    beside a CJK letter, a figure's crossref label, an image between question and answer;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora72",
        known={
            "html-fr-qcm-regularisation-simonthomine.html",
            "kramdown-reading-assignment-loss-regularization-ericdarve.md",
            "pdf-quiz-loss-functions-smaxx73.pdf",
        },
    )


def test_seventy_third_batch_first_score():
    """corpora73, gathered by topic (information theory), scored once held out
    (PARSE-RESULT-first-run.txt: 5 of 11 answered questions, 0 of 3 bare, 2 of 6 files): a chat
    transcript 5 of 6, a notebook's tasks answered by code cells, Chinese worked examples in
    blockquotes, an assignment's numbered exercises with sub-parts."""
    _check(
        EVAL / "corpora73",
        known={
            "ipynb-assignment-entropy-mutual-information-dtmcnamara.ipynb",
            "md-assignment-entropy-mutual-information-atlanswer.md",
            "md-chat-transcript-information-theory-andraugust.md",
            "md-zh-notes-worked-examples-entropy-timerring.md",
        },
    )


def test_seventy_fourth_batch_first_score():
    """corpora74, gathered by topic (mixture of experts, scaling laws, pretraining), scored
    once held out (PARSE-RESULT-first-run.txt: 16 of 29 answered questions, 9 of 15 bare, 1 of
    5 files): a paper summary's glossary 12 of 12, lecture `Qn:`/`An:` lines, a presentation's
    `<details>` questions among open research questions, a quiz held in a `<script>` array.
    Designed on since: the summary 17 of 17 (a bold topic label is no part of its question), the
    presentation's research questions it says the paper leaves open kept as notes, and in
    session 30 the quiz 10 of 10 (a script's JavaScript literal read as cards;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora74",
        known={
            "md-details-presentation-mixtral-moe-jaysupanekar.md",
            "md-qa-lines-lecture-scaling-laws-brando90.md",
        },
    )


def test_seventy_fifth_batch_first_score():
    """corpora75, gathered by topic (LLM safety and red-teaming), scored once held out
    (PARSE-RESULT-first-run.txt: 0 of 10 answered questions, 4 of 7 bare, 1 of 6 files): a quiz
    kept as a TypeScript data array (refused), a course page's questions to bring to class,
    a workshop's exercises as nested task bullets, a lesson's closing mini project. Designed on
    since: the course page 4 of 4 at full precision (a cited reading whose title asks is no
    question), and in session 30 the TypeScript quiz 10 of 10 (PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora75",
        known={
            "html-landing-secure-ai-tweekfawkes.html",
            "md-lesson-red-teaming-flexappdev.md",
            "md-workshop-exercises-prompt-injection-vinkvdb.md",
        },
    )


def test_seventy_sixth_batch_first_score():
    """corpora76, gathered by topic (data labelling and data-centric ML), scored once held out
    (PARSE-RESULT-first-run.txt: 7 of 7 answered questions, 0 of 2 bare, 0 of 4 files, every
    file losing on precision): sub-headings and a checklist read as cards, a lab's exercises
    read as answered by empty solution cells. Designed on since: the notes page at full
    precision (a method's heading over a plain "Solution: …" paragraph is a note;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora76",
        known={
            "ipynb-lab-multiannotator-curation-dcai-course.ipynb",
            "md-blog-confident-learning-suneeta-mall.md",
            "md-faq-guidelines-annotation-exynos93.md",
        },
    )


def test_seventy_seventh_batch_first_score():
    """corpora77, gathered by topic (deep learning frameworks), scored once held out
    (PARSE-RESULT-first-run.txt: 2 of 26 answered questions, 4 of 8 bare, 3 of 5 files): a
    Python script of numbered comments over code crashed the loader (a top-level loop read as
    an assignment; now refused as a program, with its reason), a quiz's tasks as nested bullets
    4 of 8. Designed on since: the quiz 8 of 8 (a list under a "Quiz" heading lists tasks;
    PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora77", known={"py-bank-code-solutions-pytorch-lee-hanhee.py"})


def test_seventy_eighth_batch_first_score():
    """corpora78, gathered by topic (convex optimisation and numerical methods), scored once
    held out (PARSE-RESULT-first-run.txt: 0 of 115 answered questions, 3 of 10 bare, 0 of 5
    files): a JSON glossary keyed by term (84), an interview notebook whose quoted questions
    sit under titled headings, answers folded in `<details>` (23), a Vietnamese HTML exam's
    lettered parts, a PDF homework's problems, an exercise sheet 3 of 4. Designed on since: the
    glossary 84 of 84 (a record kept under its key that names no question field is asked by
    the key), the notebook 20 of 23 (a field stating the question in full under a heading that
    names it; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora78",
        known={
            "html-exam-solutions-duality-nglelinh.html",
            "ipynb-interview-optimizers-vijaygwu.ipynb",
            "md-exercises-gradient-descent-tejustarr.md",
            "pdf-homework-convex-sets-stephenbeckr.pdf",
        },
    )


def test_seventy_ninth_batch_first_score():
    """corpora79, gathered by topic (dimensionality reduction), scored once held out
    (PARSE-RESULT-first-run.txt: 1 of 35 answered questions, 8 of 13 bare, 1 of 4 files): a
    Spanish glossary of `###` terms under letter headings (0 of 34), a homework notebook's
    tasks over code stubs (procedure steps read in their place), a lecture note's algorithm
    steps read as questions. Designed on since: the glossary 34 of 34 (an A–Z index's entries
    are cards, "Glosario" names a glossary; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora79",
        known={
            "ipynb-homework-pca-kmeans-illinois-ipaml.ipynb",
            "md-notes-pca-lda-tsne-umap-mridul0703.md",
        },
    )


def test_eightieth_batch_first_score():
    """corpora80, gathered by topic (activation functions, initialisation, building blocks),
    scored once held out (PARSE-RESULT-first-run.txt: 1 of 3 answered questions, 9 of 9 bare,
    4 of 5 files): a Typst term list, refused as an unsupported type. Designed on since: the
    term list 2 of 2 (Typst is read; PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora80")


def test_eighty_first_batch_first_score():
    """corpora81, gathered by topic (tokenisers, word embeddings, text representation), scored
    once held out (PARSE-RESULT-first-run.txt: 2 of 4 answered questions, 1 of 4 bare, 1 of 4
    files): a blog draft's task heading answered by its list, a notebook's exercises read by
    their sub-questions, a blog post's asides read as questions. Designed on since: the draft 2
    of 2 (a task heading under a Q&A title is an entry; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora81",
        known={
            "ipynb-exercises-tokenization-embeddings-jd-coderepos.ipynb",
            "md-blog-subword-tokenization-hiteshrepo.md",
        },
    )


def test_eighty_second_batch_first_score():
    """corpora82, gathered by topic (transfer, few-shot and meta-learning), scored once held
    out (PARSE-RESULT-first-run.txt: 1 of 3 answered questions, 5 of 12 bare, 1 of 5 files): an
    exercise list whose tasks mostly read as notes, a glossary page titled only in its front
    matter, a question paragraph over its answer paragraph. Designed on since: the exercise
    list 12 of 12 (a title that counts its exercises names a list of tasks;
    PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora82",
        known={
            "md-frontmatter-glossary-catastrophic-forgetting-machine-learning-glossary.md",
            "md-notes-continual-learning-agircc.md",
            "md-plain-qa-few-shot-learning-andysingal.md",
        },
    )


def test_eighty_third_batch_first_score():
    """corpora83, gathered by topic (cloud ML certification practice questions), scored once
    held out (PARSE-RESULT-first-run.txt: 7 of 27 answered questions, no bare ones, 2 of 4
    files): a bank whose answer label opens with an emoji (`**✅ A:**`), its answers read as
    notes from the fourth question on; an exam guide's skill outline read as tasks. Designed on
    since: all four files (PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora83")


def test_eighty_fourth_batch_first_score():
    """corpora84, gathered by topic (problem sets and exams of university ML courses; two files
    delivered), scored once held out (PARSE-RESULT-first-run.txt: 0 of 12 answered questions, 4
    of 8 bare, 1 of 2 files): a solution notebook's exercises, each a `**Task:**` line under an
    "Exercise 1.1: …" heading answered by the code cell below it, read as notes; its
    challenges read as notes; its reflection items read as two questions each. Designed on
    since: its exercises 10 of 12 (a `**Task:**` field under a heading naming the exercise,
    over code; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora84",
        known={"ipynb-solution-backpropagation-jumpingsphinx.ipynb"},
    )


def test_eighty_fifth_batch_first_score():
    """corpora85, gathered by topic (solutions to textbook exercises; four files delivered),
    scored once held out (PARSE-RESULT-first-run.txt: 0 of 10 answered questions, 0 of 11
    bare, 2 of 4 files): a LaTeX solutions chapter (`Exercise N` headings over the statement,
    then `Proof.`) read as notes; a PDF exercise set's stems, broken by matrices, read as
    notes. Designed on since: the LaTeX chapter 10 of 10 (a `proof` environment prints under
    its label and answers the exercise numbered in its chapter above it; `\\ref` prints the
    `\\tag` number; PARSE-RESULT-dev.txt)."""
    _check(
        EVAL / "corpora85",
        known={"pdf-exercise-set-linear-algebra-mathieuboudreau.pdf"},
    )


def test_eighty_sixth_batch_first_score():
    """corpora86, gathered by topic (students' flashcard decks and self-quiz files; three files
    delivered: a Studyblue CSV deck, a reStructuredText FAQ and a Markdown FAQ with setext
    headings), scored once held out (PARSE-RESULT-first-run.txt: 29 of 29 answered questions,
    3 of 3 files). Not designed on."""
    _check(EVAL / "corpora86")


def test_eighty_seventh_batch_first_score():
    """corpora87, gathered by topic (ML study material in languages other than English; four
    files delivered: a German JSON quiz, a French reStructuredText riddle page, a Portuguese
    Markdown quiz, a German MATLAB script), scored once held out (PARSE-RESULT-first-run.txt:
    0 of 55 answered questions, 0 of 7 bare, 0 of 4 files). Designed on since: the Markdown
    quiz 25 of 25 (`1. *Pergunta?* **Resposta:** …`, a question answered on its own line after
    an answer label), the JSON quiz 29 of 30 (a record's question without its numbering), the
    MATLAB script read in its %% sections (PARSE-RESULT-dev.txt)."""
    _check(EVAL / "corpora87", known={"rst-devinettes-ml-fr-sdpython.rst"})


def test_eighty_eighth_batch_first_score():
    """corpora88, gathered by topic (study notes kept in note-taking tools; five files
    delivered: three Logseq pages, two Obsidian notes), scored once held out
    (PARSE-RESULT-first-run.txt: 0 of 8 answered questions, 7 of 8 bare, 1 of 5 files).
    Designed on since (PARSE-RESULT-dev.txt): outliner pages read as Markdown, a web address's
    "?" asks nothing, Dataview fields are no cards: 7 of 8 answered, 7 of 8 bare, 2 of 5 files
    (left: a question answered by the block after it, not under it; a bare question without
    "?"; an algorithm's steps read as tasks)."""
    _check(
        EVAL / "corpora88",
        known={
            "logseq-headings-ml-midsems-rootcircle.md",
            "logseq-props-ai-ethics-mutable-learning.md",
            "logseq-yaml-outline-dmls-book-vivshaw.md",
        },
    )


def test_eighty_ninth_batch_first_score():
    """corpora89, gathered by topic (lecture slides; five files delivered: two reveal.js HTML
    decks, a remark.js deck saved as HTML, an R Markdown xaringan deck, a Beamer deck), scored
    once held out (PARSE-RESULT-first-run.txt: 7 of 11 answered questions, 9 of 14 bare, 1 of 5
    files), nothing designed on it yet."""
    _check(
        EVAL / "corpora89",
        known={
            "beamer-estimation-theory-mahehu.tex",
            "html-remark-metric-learning-m2dsupsdlclass.html",
            "html-reveal-ml-basics-geekcourses.html",
            "rmd-xaringan-cross-validation-rstudio-education.Rmd",
        },
    )


def test_ninetieth_batch_first_score():
    """corpora90, gathered by topic (study material in binary formats; three files committed: an
    Anki .apkg deck, two EPUB books), scored once held out (PARSE-RESULT-first-run.txt: 152 of
    152 answered questions, 247 of 300 bare, 1 of 3 files), nothing designed on it yet."""
    _check(
        EVAL / "corpora90",
        known={"epub-little-book-ai-little-book-of.epub", "epub-ml-reference-moritzguck.epub"},
    )


def test_a_new_batch_is_found_and_scored_once_ready(tmp_path):
    from eval.parse_bench import batches, score_batch

    batch = tmp_path / "corpora3"
    (batch / "files").mkdir(parents=True)
    (batch / "expected").mkdir()
    (batch / "files" / "bank.md").write_text("## Q1: What is RAG?\nRetrieval, then generation.\n")
    (batch / "expected" / "bank.jsonl").write_text(
        '{"kind": "qa", "question": "What is RAG?", "answer_start": "Retrieval, then"}\n'
        '{"kind": "question", "question": "What is BM25?"}\n'
    )
    assert batches(tmp_path) == []
    (batch / "READY").write_text("")
    assert batches(tmp_path) == [batch]
    [s] = score_batch(batch)
    assert (s.labels, s.items, s.matched, s.recall, s.precision) == (2, 1, 1, 0.5, 1.0)


def test_a_file_studybot_refuses_scores_nothing_even_with_no_questions_in_it(tmp_path):
    batch = tmp_path / "corpora3"
    (batch / "files").mkdir(parents=True)
    (batch / "expected").mkdir()
    (batch / "files" / "notes.rtf").write_text(
        "{\\rtf1 \\b Attention\\b0\\par Queries meet keys.}\n"
    )
    (batch / "expected" / "notes.jsonl").write_text('{"kind": "prose", "heading": "Attention"}\n')
    [s] = score_batch(batch)
    assert (s.recall, s.precision) == (0.0, 0.0)
    assert "unsupported file type .rtf" in s.refused
    assert "refused: unsupported file type .rtf" in table(batch, [s])


def test_thirty_fourth_batch_first_score():
    """corpora34, gathered by topic (convolutional and recurrent networks), scored once held out
    (PARSE-RESULT-first-run.txt: 3 of 5 answered questions, 3 of 6 files): the LaTeX source of
    a guide is refused as an unsupported type; an ELI5 note's "**You:** … / **Me:** …" dialogue
    and its bold call-outs; a README's call to action ("Liked this project? …") read as an
    entry. Designed on since: LaTeX notes are read, a list a sentence introduces as aims is
    prose (the guide 100%), and a dialogue whose one speaker asks is questions and answers (the
    ELI5 note's three; its "**Understood this?**" and "**Still confused?**" asides to the reader
    still read as run-in questions)."""
    _check(
        EVAL / "corpora34",
        known={
            "eli5-dialogue-notes-lstm-ojhaharsh.md",
            "nbconvert-readme-lstm-har-guillaume-chevalier.md",
        },
    )
