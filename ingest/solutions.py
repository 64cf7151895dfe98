"""Exercises whose solutions are labelled. A bank that writes, under each question heading, a
statement (the task, its data, notes and hints), then `Solution:` alone on its line and the
solution: most of its items being written so makes it such a bank, and its other items are read
by the same convention (one that ends in a code block is answered by that code, one with no code
is left to the student: a bare question, its text a note). And an exercise sheet whose solution
is a heading of its own, numbered as its task (`## 2) Exhaustive Policy Search` … `## 2)
Solution`)."""

from __future__ import annotations

import re

from ingest.answers import LABEL_LINE
from ingest.headings import headings_of
from ingest.lines import FENCE, HEADING, METADATA, THEMATIC_BREAK, Lines, in_code

_N = r"(?P<{}>\d{{1,4}}(?:\.\d{{1,3}})*[a-z]?)"
_TASK_WORD = r"(?:exercises?|tasks?|problems?|questions?|parts?)"
# A task heading's number: "2) Exhaustive Policy Search", "Exercise 3: …", "Task 1.2 - …".
_TASK_NUMBER = re.compile(rf"^\W*(?:{_TASK_WORD}\s*)?{_N.format('n')}(?![\d.]\d)", re.I)
# A heading that only says "the solution to task N": "2) Solution", "Solution 2", "Solution to
# Exercise 2:", "Answers (3)".
_SOLUTION_TITLE = re.compile(
    rf"^\W*(?:{_N.format('before')}\s*[.):]?\s*)?(?:solutions?|answers?)\b"
    rf"(?:\s*(?:to|for|of)?\s*(?:{_TASK_WORD}\s*)?\(?{_N.format('after')}\)?)?\W*$",
    re.I,
)


def states_first(body: list[str]) -> bool:
    """The body has a statement, more than metadata (`**Difficulty:** Easy`), above an answer
    label alone on its line (`Solution:`)."""
    label = next((n for n, ln in enumerate(body) if LABEL_LINE.match(ln)), None)
    return label is not None and any(ln.strip() and not METADATA.match(ln) for ln in body[:label])


def labels_solutions(lines: Lines, questions: set[int], folded: set[int] | None = None) -> bool:
    """Three or more of the question headings (indexes in `questions`), and most of them, hold
    a statement over an answer label: a bank of exercises with labelled solutions. `folded`:
    the lines of answer folds, when already read."""
    heads = [i for i, _, _ in headings_of(lines, folded)]
    ends = [*heads[1:], len(lines)]
    bodies = [
        [raw for _, raw in lines[i + 1 : ends[n]]] for n, i in enumerate(heads) if i in questions
    ]
    labelled = sum(states_first(body) for body in bodies)
    return labelled >= 3 and 2 * labelled > len(bodies)


def split_unlabelled(body: list[str]) -> tuple[list[str], list[str]]:
    """An item of such a bank without the label: (its statement, its answer). A closing code
    block is the answer and the text above it the statement; with none, all of it is statement
    and the question is bare."""
    end = len(body)
    while end and (not body[end - 1].strip() or THEMATIC_BREAK.match(body[end - 1])):
        end -= 1
    if end and FENCE.match(body[end - 1]):
        opens = [n for n in range(end - 1) if FENCE.match(body[n])]
        if opens and any(ln.strip() for ln in body[: opens[-1]]):
            return body[: opens[-1]], body[opens[-1] : end]
        return [], body[:end]
    return body[:end], []


def solution_headings(lines: Lines) -> Lines:
    """A heading that names the solution of an earlier heading of its level by that heading's
    number (`## 2) Solution` after `## 2) Exhaustive Policy Search`) is that task's answer fold,
    written as the `:::{solution}` fold answers.py reads: the task's heading asks whatever its
    wording, and what lies between (its statement, sub-headings and all) is a note of it."""
    code = in_code(lines)
    heads = [
        (n, len(m.group(1)), m.group(2))
        for n, (_, line) in enumerate(lines)
        if not code[n] and (m := HEADING.match(line))
    ]
    out = list(lines)
    closes: dict[int, int] = {}  # line index -> folds to close before it
    for k, (j, level, title) in enumerate(heads):
        sol = _SOLUTION_TITLE.match(title)
        number = sol and (sol.group("before") or sol.group("after"))
        if not number:
            continue
        task = None
        for i, lv, t in reversed(heads[:k]):
            if lv < level:
                break
            m = _TASK_NUMBER.match(t)
            if lv > level or not m:
                continue
            # the nearest numbered heading of the level; another task or solution between
            # means the solutions are gathered apart from their tasks, not read here
            task = i if m.group("n") == number and not _SOLUTION_TITLE.match(t) else None
            break
        if task is None:
            continue
        for i, _, t in heads:  # the statement's own headings are part of it
            if task < i < j:
                out[i] = (lines[i][0], f"**{t}**")
        out[j] = (lines[j][0], ":::{solution}")
        end = next((i for i, lv, _ in heads[k + 1 :] if lv <= level), len(lines))
        closes[end] = closes.get(end, 0) + 1
    for end in sorted(closes, reverse=True):
        out[end:end] = [(lines[end - 1][0], ":::")] * closes[end]
    return out
