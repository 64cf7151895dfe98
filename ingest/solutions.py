"""Exercises whose solutions are labelled. A bank that writes, under each question heading, a
statement (the task, its data, notes and hints), then `Solution:` alone on its line and the
solution: most of its items being written so makes it such a bank, and its other items are read
by the same convention (one that ends in a code block is answered by that code, one with no code
is left to the student: a bare question, its text a note). And an exercise sheet whose solution
is a heading of its own, numbered as its task (`## 2) Exhaustive Policy Search` … `## 2)
Solution`), or an unnumbered solution heading right after its task's."""

from __future__ import annotations

import re

from ingest.answers import LABEL_LINE
from ingest.headings import headings_of
from ingest.lines import BULLET, FENCE, HEADING, METADATA, THEMATIC_BREAK, Lines, in_code
from ingest.prepasses import card
from ingest.questions import clean, has_mark, is_question, question_text

# A task's number, or its identifier in a course's scheme ("AAII.EX.2023J2.1").
_N = r"(?P<{}>\d{{1,4}}(?:\.\d{{1,3}})*[a-z]?|[A-Z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)+)"
# The word before it, in English, Spanish, French, German and Portuguese.
_TASK_WORD = (
    r"(?:exercises?|tasks?|problems?|questions?|parts?|statement|enunciado|ejercicio|pregunta"
    r"|exercice|aufgabe|frage|exerc[ií]cio|quest[aã]o)"
)
# A task heading's number: "2) Exhaustive Policy Search", "Exercise 3: …", "Task 1.2 - …".
_TASK_NUMBER = re.compile(rf"^\W*(?:{_TASK_WORD}\s*)?{_N.format('n')}(?![\d.]\d)", re.I)
# A heading that only says "the solution to task N": "2) Solution", "Solution 2", "Solution to
# Exercise 2:", "Answers (3)".
_SOLUTION_TITLE = re.compile(
    rf"^\W*(?:{_N.format('before')}\s*[.):]?\s*)?(?:solutions?|answers?|soluci[oó]n|respuestas?"
    rf"|r[ée]ponses?|l[öo]sung(?:en)?|antwort(?:en)?|solu[cç][aã]o|resposta|풀이|해답|解答|答案)\b"
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


def _body(lines: Lines, start: int, end: int) -> bool:
    """Text between two headings."""
    return any(ln.strip() for _, ln in lines[start + 1 : end])


def _one_question(lines: Lines, task: int, solution: int, title: str) -> dict[int, str]:
    """The lines of the one paragraph between a task's heading and its solution's, when that
    paragraph asks a question and the heading does not ("Quiz"); else nothing."""
    body = {
        n: lines[n][1].strip()
        for n in range(task + 1, solution)
        if lines[n][1].strip() and not THEMATIC_BREAK.match(lines[n][1])
    }
    if (
        not body
        or max(body) - min(body) + 1 != len(body)
        or any(HEADING.match(ln) or FENCE.match(ln) or BULLET.match(ln) for ln in body.values())
    ):
        return {}
    # it asks with a question mark: a titled example's task ("Calculate the memory …") is asked
    # by its title
    text = " ".join(body.values())
    named = _TASK_NUMBER.match(title) or is_question(question_text(title))
    asks = has_mark(text) and is_question(text) and not named
    return body if asks else {}


def _solution_of(title: str) -> tuple[re.Match | None, str | None]:
    """A solution heading's match and the number of the task it names ("2) Solution" → "2")."""
    sol = _SOLUTION_TITLE.match(clean(title))  # "<span …>🔍 풀이</span>" as shown
    return sol, sol and (sol.group("before") or sol.group("after"))


def solution_headings(lines: Lines) -> Lines:
    """A heading that names the solution of an earlier heading of its level by that heading's
    number (`## 2) Solution` after `## 2) Exhaustive Policy Search`), or that names none and
    comes right after it (`### Example 1: …` / `### Solution`), is that task's answer fold,
    written as the `:::{solution}` fold answers.py reads: the task's heading asks whatever its
    wording, and what lies between (its statement, sub-headings and all) is a note of it."""
    heads = headings_of(lines)
    out = list(lines)
    closes: dict[int, int] = {}  # line index -> folds to close before it
    titles = {i: t for i, _, t in heads}
    for k, (j, level, title) in enumerate(heads):
        sol, number = _solution_of(title)
        task = None
        if sol and not number and k and heads[k - 1][1] == level:
            # "### Solution" right under its task's heading, "### 예제 1: …" / "### 🔍 풀이"
            i, _, t = heads[k - 1]
            task = None if _solution_of(t)[0] or not _body(lines, i, j) else i
        for i, lv, t in reversed(heads[:k] if number else []):
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
        if not number and (asked := _one_question(lines, task, j, titles[task])):
            # "## Quiz" over "Why does L2 shrink the weights?": the paragraph is the question (a
            # numbered task, "## 1) Step size", is asked by its title)
            out[task] = (lines[task][0], f"{'#' * level} {' '.join(asked.values())}")
            for n in asked:
                out[n] = (lines[n][0], "")
        for i, _, t in heads:  # the statement's own headings are part of it
            if task < i < j:
                out[i] = (lines[i][0], f"**{t}**")
        out[j] = (lines[j][0], ":::{solution}")
        end = next((i for i, lv, _ in heads[k + 1 :] if lv <= level), len(lines))
        closes[end] = closes.get(end, 0) + 1
    for end in sorted(closes, reverse=True):
        out[end:end] = [(lines[end - 1][0], ":::")] * closes[end]
    return out


# A line saying the solution follows: "*Compare your answer with the reference solution below*".
_SOLUTION_BELOW = re.compile(
    r"^\W*(?:(?:compare|check)\s+your\s+\w+\s+(?:with|against|to)\s+|see\s+)?the\s+(?:\w+\s+)?"
    r"(?:solutions?|answers?)\s+below\W*$",
    re.I,
)
# A bold exercise number opening its paragraph: "**3.** Now, train …", "**a**. What is …".
_BOLD_NUMBER = re.compile(r"^\s*\*\*\s*(?:\d{1,3}|[a-z])\s*[.)]?\s*\*\*\s*[.)]?\s+")
# A fence that opens a MyST directive (```{toggle}): its content is text, not code.
_DIRECTIVE_FENCE = re.compile(r"^\s*(?:`{3,}|:{3,})\{[\w-]+\}")


def _paragraphs_before(lines: Lines, code: list[bool], label: int, floor: int) -> list[int]:
    """The exercise's text above a solution label: its paragraphs (code skipped) back to the
    one its bold number opens, or only the nearest one when none is numbered; never above
    `floor` (a heading or the previous solution's end)."""
    taken: list[int] = []
    for n in range(label - 1, floor, -1):
        text = lines[n][1]
        if HEADING.match(text) and not code[n] or _SOLUTION_BELOW.match(text):
            break
        if code[n] or not text.strip():
            continue
        taken.insert(0, n)
        if _BOLD_NUMBER.match(text):
            return taken
    nearest = []  # no number: the nearest paragraph alone
    for n in reversed(taken):
        if nearest and n != nearest[0] - 1:
            break
        nearest.insert(0, n)
    return nearest


def _solution_after(lines: Lines, code: list[bool], label: int) -> list[int]:
    """The solution under its label: one code block (or directive block), or the paragraphs up
    to the next exercise, heading or label."""
    start = next((n for n in range(label + 1, len(lines)) if lines[n][1].strip()), None)
    if start is None:
        return []
    if code[start]:
        end = next((n for n in range(start + 1, len(lines)) if FENCE.match(lines[n][1])), None)
        return list(range(start, end + 1)) if end is not None else []
    out = []
    for n in range(start, len(lines)):
        text = lines[n][1]
        if HEADING.match(text) or _BOLD_NUMBER.match(text) or _SOLUTION_BELOW.match(text):
            break
        out.append(n)
    while out and not lines[out[-1]][1].strip():
        out.pop()
    return out


def revealed_solutions(lines: Lines) -> Lines:
    """An exercise, a line saying its solution follows ("Compare your answer with the reference
    solution below"), then the solution: read as a card whose question is the exercise's text
    (from its bold number, `**3.**`, without it) and whose answer is the solution (a code
    block, a MyST `{toggle}` block's text, or paragraphs). A blank code form between them
    stays where it is."""
    code = in_code(lines)
    out = list(lines)
    floor = -1
    for label, (loc, text) in enumerate(lines):
        if code[label] or not _SOLUTION_BELOW.match(text):
            if HEADING.match(text) and not code[label]:
                floor = label
            continue
        asked = _paragraphs_before(lines, code, label, floor)
        answer = _solution_after(lines, code, label)
        if not asked or not answer:
            continue
        question = " ".join(_BOLD_NUMBER.sub("", lines[n][1]).strip() for n in asked)
        for n in asked:
            out[n] = (lines[n][0], "")
        out[label] = (loc, card(question))
        directive = bool(_DIRECTIVE_FENCE.match(lines[answer[0]][1]))
        for n in answer:
            fence = directive and n in (answer[0], answer[-1])
            body = lines[n][1]
            out[n] = (lines[n][0], "" if fence or not body.strip() else f"    {body}")
        floor = answer[-1]
    return out


_KEY_PAIRS = 3  # gathered answers that make an answer key, each matching one earlier task


def answer_keys(lines: Lines) -> Lines:
    """An answer key gathered after the tasks (`### Question 1` … then, under "Answer key",
    `### Answer 1` …): each answer heading whose number names exactly one earlier task heading
    answers it, its section moved under the task as the `:::{solution}` fold answers.py reads.
    Lines move, each with its location; a key of fewer than three such answers is left as it is."""
    heads = headings_of(lines)
    ends = {n: next((k for k, lv, _ in heads if k > n and lv <= level), len(lines))
            for n, level, _ in heads}  # fmt: skip
    tasks: dict[str, list[int]] = {}
    pairs: dict[int, int] = {}  # task heading -> its answer heading
    for n, _, title in heads:
        sol, number = _solution_of(title)
        if number and len(tasks.get(number, [])) == 1 and tasks[number][0] not in pairs:
            pairs[tasks[number][0]] = n
        elif not sol and (m := _TASK_NUMBER.match(title)) and not pairs:
            tasks.setdefault(m.group("n"), []).append(n)
    if len(pairs) < _KEY_PAIRS:
        return lines
    moved = {k for a in pairs.values() for k in range(a, ends[a])}
    last: dict[int, int] = {}  # the last line of a task's section -> the task
    for task in pairs:
        last.setdefault(ends[task] - 1, task)
    out: list[tuple[int, str]] = []
    for n, line in enumerate(lines):
        if n in moved:
            continue
        out.append(line)
        task = last.get(n)
        if task is not None:  # the task's section ends here: its answer follows, folded
            answer = pairs[task]
            loc = lines[answer][0]
            out += [
                (loc, ":::{solution}"),
                *lines[answer + 1 : ends[answer]],
                (loc, ":::"),
                (loc, ""),
            ]
    return out
