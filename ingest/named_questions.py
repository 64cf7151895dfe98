"""A question heading that names its question rather than asks it ("Question 1 : MSE by
Hand", "### Question 5: L2 vs weight decay"): the question is stated under it, in the first
paragraph when that sets a task, or in a field that states it in full (`**Interview
Question:** "…"`)."""

from __future__ import annotations

import re

from ingest.answers import LABEL_LINE, split_fold, split_stem, wraps
from ingest.chunking import split_sentences
from ingest.lines import ANSWER_LABEL, METADATA
from ingest.questions import CLAUSE, IMPERATIVES, is_question, reads_as_question

# A heading that numbers and names its question: "Question 1 : MSE by Hand", "Q3) Attention".
_NUMBERED_TITLE = re.compile(
    r"^\W*(?:Q|Question|Problem|Exercise|Task|Challenge)\s*\d{1,4}(?:\.\d{1,3})*"
    r"\s*[:.)\-–—](?!\d)\s*(?P<title>\S.*)$",
    re.I,
)
# Verbs that set a task when a statement under such a heading ends with them ("Complete the
# table."); in running text they open notes as often ("Perform scaling first"), so only here.
_TASK_VERBS = {"complete", "perform", "fill", "plot", "sketch", "draw", "justify", "interpret"}


def _sets_task(paragraph: str) -> bool:
    """The paragraph's last sentence asks: it ends in "?", or a clause of it opens with a task
    verb ("Given L(w) = …, compute dL/dw.", "Complete the table.")."""
    last = (split_sentences(paragraph.strip()) or [""])[-1]
    clauses = CLAUSE.split(last)
    verbs = IMPERATIVES | _TASK_VERBS  # "Explain." alone is a task too
    return last.rstrip().endswith("?") or any(
        is_question(c) or c.split()[0].lower().strip(".!") in verbs for c in clauses if c.split()
    )


def numbered_title(heading: str) -> str | None:
    """The title of a heading that numbers and names its question ("Question 1 : MSE by
    Hand" → "MSE by Hand"); None for any other heading."""
    m = _NUMBERED_TITLE.match(heading)
    return m["title"] if m else None


def split_titled_stem(title: str, body: list[str]) -> tuple[str, list[str]] | None:
    """Under a numbered question's title that does not ask ("MSE by Hand"), a first paragraph
    that sets a task is the question (the title only names it), and the rest answers it."""
    if reads_as_question(title) or len(title.split()) > 8 or title.rstrip().endswith("."):
        return None  # a title names, in a few words; "Question 6: Use the threshold …" states
    stem = split_stem(body)
    if not stem or not wraps(stem[0]) or not _sets_task(stem[0]):
        return None
    # an answer labelled below ("Solution:") answers the title, its statement a note of it
    labelled = any(LABEL_LINE.match(ln) or ANSWER_LABEL.match(ln) for ln in stem[1])
    return None if labelled or split_fold(stem[1]) else stem


# A field that states the question in full: `**Interview Question:** "Can you explain …?"`,
# `**Task:** Compute the derivatives.`
_QUESTION_FIELD = re.compile(
    r"^\s*(\*\*|__)(?P<label>[^*_:\n]{0,30}\b(?:question|task))\s*(?::\1|\1:)\s*(?P<q>\S.*)$",
    re.I,
)


def restated_question(question: str, body: list[str]) -> tuple[str, list[str]]:
    """A question heading's body that opens (after any other fields) with a field stating the
    question in full (`**Interview Question:** "Can you …?"`): the heading's title only names
    it ("Explain Adam vs SGD"), so the field's text is the question and leaves the body."""
    for n, line in enumerate(body):
        if not line.strip() or METADATA.match(line) and not _QUESTION_FIELD.match(line):
            continue
        m = _QUESTION_FIELD.match(line)  # a task field states a task, whatever its verb
        if m and (m["label"].lower().endswith("task") or _sets_task(m["q"].strip().strip('"“”'))):
            return m["q"].strip(), body[n + 1 :]
        break
    return question, body
