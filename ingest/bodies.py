"""What a section's body holds, as far as its heading is concerned: questions of its own (so
the heading names their topic), text that answers the heading before them, a checklist of
answered questions that answers it, a method's idea told as its "Solution:", a book
exercise's labelled solution, or nothing but code."""

from __future__ import annotations

import re

from ingest.answers import statement_before_label
from ingest.lines import BULLET, FENCE, HEADING, QN, indent_of
from ingest.questions import has_mark, question_text, reads_as_question

# "Exercise 2.1 ⋆⋆": a book's exercise numbered within its chapter, its difficulty starred.
_CHAPTER_EXERCISE = re.compile(
    r"^\W*(?:Q|Question|Problem|Exercise)\s*\d{1,4}(?:\.\d{1,3})+\s*[.:)]?"
    r"(?:\s*(?:\$\s*(?:\\star\s*)+\$|[*⋆★☆]+|\(\*+\)))?\s*$",
    re.I,
)
# A paragraph of notes that opens "Solution: …", plain: the approach it tells, not an answer.
_PLAIN_SOLUTION = re.compile(r"^\s*solution\s*[:：]", re.I)


def told_solution(title: str, first: str) -> bool:
    """`### Crowdlab` over "Solution: learn the distribution …": a note titled by a method
    names the method and tells its idea; only a title that asks (`### Describe X.`) or a
    label set apart (`**Solution:**`) makes the paragraph an answer."""
    return bool(_PLAIN_SOLUTION.match(first)) and not reads_as_question(question_text(title))


def solved_exercise(title: str, body: list[str]) -> bool:
    """`## Exercise 2.1 ⋆` over its statement and then its labelled solution (`**Proof.** …`,
    `Solution: …`) asks; a notebook's "Exercise 1.1" over instructions and code names a step."""
    return bool(_CHAPTER_EXERCISE.match(title)) and statement_before_label(body) is not None


def lists_questions(body: list[str]) -> bool:
    """The body is a list of questions (the heading names their topic), not an answer."""
    asks = [
        bool((m := BULLET.match(ln)) and has_mark(m.group("text"))) for ln in body if ln.strip()
    ]
    return sum(asks) >= 2 and (asks[0] or 2 * sum(asks) >= len(asks))


def answered_before_questions(body: list[str]) -> bool:
    """The body has text of its own before the questions it holds (`## Q02 · Benchmarks`, a
    table, then follow-up `**Q：…**` pairs): that text answers the heading, and the questions
    after it are items of their own."""
    for line in body:
        bullet = BULLET.match(line)
        if HEADING.match(line) or QN.match(line) or (bullet and has_mark(bullet.group("text"))):
            return False
        if line.strip():
            return True
    return False


def checklist(body: list[str]) -> bool:
    """Every question the body lists is answered by an item nested right under it ("- Is your
    data balanced?" over "  - Ideal data has …"): under a heading that asks, a checklist that
    answers it, not a bank of its own."""
    asked = [
        n for n, ln in enumerate(body) if (m := BULLET.match(ln)) and has_mark(m.group("text"))
    ]
    return len(asked) >= 2 and all(
        n + 1 < len(body)
        and BULLET.match(body[n + 1])
        and indent_of(body[n + 1]) > indent_of(body[n])
        for n in asked
    )


def nothing_but_code(body: list[str]) -> bool:
    """Nothing but code blocks (or nothing at all) under a heading."""
    inside = False
    for line in body:
        if FENCE.match(line):
            inside = not inside
        elif line.strip() and not inside:
            return False
    return True


def holds_questions(body: list[str]) -> bool:
    """The body asks questions of its own (`Q1:` lines, question admonitions, a list of
    questions): its heading names their topic, it is not one question."""
    nested = any(
        QN.match(ln)  # labelled a question, whatever its wording ("题目：Suppose …。")
        or ln.lstrip().startswith(("??? question", "???+ question"))
        for ln in body
    )
    return nested or lists_questions(body)
