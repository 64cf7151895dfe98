"""An exercise left to the student: under its question, only hints and code to fill in (a
notebook's `# TODO` / `pass` stubs, `= ?` blanks, nbgrader's "YOUR CODE HERE"), or given code
over an empty "Write your answer here:" field. The code is no answer: the question is bare, and
what it gives (hints, stubs, given code) is kept as a note. And a list of exercises: numbered
headings with nothing under them, or only the code they start from; and a notebook's exercise
that states its task under a heading naming it (`**Task:** …`), answered by finished code."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest import siblings as kin
from ingest.checkers import calls_checker
from ingest.formats.notebook import cell_spans
from ingest.headings import headings_of
from ingest.items import ParsedItem
from ingest.lines import (
    ANSWER_LABEL,
    BULLET,
    FENCE,
    HEADING,
    METADATA,
    THEMATIC_BREAK,
    Lines,
    in_code,
)
from ingest.named_questions import restated_question
from ingest.prose import Chunker, note_under
from ingest.questions import FORM_LINE

# A blank in code: a TODO, "your code here", a function left as `pass` or NotImplementedError,
# a value left as `?`, a `____` line to fill in.
_FILL_IN = re.compile(
    r"\bTODO\b|\byour code\b|NotImplementedError|^\s*pass\s*$|=\s*\?|_{4,}", re.I | re.M
)
# A paragraph that guides rather than answers: "**Hint:** …", "Example: …", "Expected output: …".
GUIDE = re.compile(
    r"^\s*(?:\*\*|__)?(?:hints?|examples?|tips?|notes?|expected(?: output)?)\b[^:：\n]{0,20}[:：]",
    re.I,
)


# The field an answer is to be written in: "**Write your answer here:**", "Your answer below".
_ANSWER_HERE = re.compile(
    r"^\W*(?:(?:write|type|put|enter|add|insert)\s+)?(?:your\s+|the\s+)?(?:answer|solution|"
    r"response)s?\s+(?:goes\s+)?(?:here|below)\W*$",
    re.I,
)


def _unwritten(answer: str) -> tuple[bool, bool]:
    """(nothing is written but code, hints, examples or an empty form; something is left to
    fill in: a blank in a code block or an empty answer field)."""
    code, blank, guide = False, False, False
    block: list[str] = []
    for line in answer.split("\n"):
        if FENCE.match(line):
            if code:
                blank |= bool(_FILL_IN.search("\n".join(block)))
            code, block = not code, []
        elif code:
            block.append(line)
        elif not line.strip() or THEMATIC_BREAK.match(line):
            guide = False
        elif GUIDE.match(line):
            guide = True
        elif _ANSWER_HERE.match(line):
            blank = True
        elif not (guide or FORM_LINE.match(line)):
            return False, blank
    return True, blank


def _files(line: str, question: str) -> bool:
    """A field that files the question rather than answers it: its label is no answer label
    and names nothing the question asks about ("**Final loss:** 0.05" answers "What final
    loss did you reach?"; "*Topic*: backpropagation" files it)."""
    m = METADATA.match(line)
    if not m or ANSWER_LABEL.match(line):
        return False
    asked = set(re.findall(r"\w{3,}", question.lower()))
    return not asked & set(re.findall(r"\w{3,}", m["label"].lower()))


def blank_exercise(answer: str, question: str = "") -> bool:
    """Nothing written but code, hints, examples or an empty form, and something left to fill
    in: a blank in a code block, or a "Write your answer here:" field; or nothing written but
    the fields that file the question."""
    lines = [ln for ln in answer.split("\n") if ln.strip()]
    if lines and all(_files(ln, question) for ln in lines):
        return True
    return all(_unwritten(answer))


def answer_fields(items: list[ParsedItem], chunker: Chunker) -> list[ParsedItem]:
    """An empty "Write your answer here:" field is no question: it is where the answer to the
    question above goes, so that question is unanswered, and the code shown with it a note."""
    out: list[ParsedItem] = []
    for item in items:
        if item.kind != "question" or not _ANSWER_HERE.match(item.question):
            out.append(item)
            continue
        prev = next((k for k in range(len(out) - 1, -1, -1) if out[k].kind != "chunk"), None)
        if prev is not None and out[prev].kind == "qa" and _unwritten(out[prev].answer)[0]:
            asked = out[prev]
            given = asked.answer.split("\n")
            out[prev : prev + 1] = [
                *note_under(asked.question, asked.section, asked.start, given, chunker, asked.unit),
                replace(asked, kind="question", answer=""),
            ]
    return out


def _code_only(body: list[str]) -> bool:
    """Opens and closes with a fence (prose between two code blocks allowed)."""
    text = [ln.strip() for ln in body if ln.strip()]
    return len(text) >= 2 and bool(FENCE.match(text[0])) and bool(FENCE.match(text[-1]))


def exercise_headings(lines: Lines, folded: set[int] | None = None) -> set[int]:
    """Indexes of the headings of an exercise list: three or more numbered headings in a row at
    one level, most with nothing under them and the rest only a code block (the exercise's
    stimulus, not its answer). Each is a bare question whatever its wording ("Reverse a
    vector")."""
    heads = headings_of(lines, folded)
    out: set[int] = set()
    run: list[bool] = []  # per heading of the current run: its body is empty
    first, run_level = 0, 0
    for n, (i, level, title) in enumerate([*heads, (len(lines), 0, "")]):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body = [ln for _, ln in lines[i + 1 : end]]
        empty = not any(ln.strip() for ln in body)
        fits = bool(kin.NUMBER.match(title)) and (empty or _code_only(body))
        if run and not (fits and level == run_level):
            if len(run) >= 3 and 2 * sum(run) > len(run):
                out.update(j for j, _, _ in heads[first : first + len(run)])
            run = []
        if fits:
            if not run:
                first, run_level = n, level
            run.append(empty)
    return out


def task_headings(lines: Lines, folded: set[int] | None = None) -> set[int]:
    """Indexes of a notebook's headings that number and name an exercise ("### Exercise 1.1:
    Simple Chain Rule") over a `**Task:**` field and code: the code answers the task when it
    fills nothing in (a solution notebook); code with blanks, hints and stubs and nothing else
    leaves it bare. A statement over finished code without a task field is a demonstration."""
    heads = headings_of(lines, folded)
    out: set[int] = set()
    for n, (i, _, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body = [ln for _, ln in lines[i + 1 : end]]
        if not _EXERCISE_TITLE.match(title) or not any(FENCE.match(ln) for ln in body):
            continue
        task, rest = restated_question("", body)
        if task and (not _fills_in(rest) or all(_unwritten("\n".join(rest)))):
            out.add(i)
    return out


def _fills_in(body: list[str]) -> bool:
    """A code block of `body` leaves something to fill in (a TODO, `pass`, "your code here")."""
    code = in_code([(0, line) for line in body])
    return bool(_FILL_IN.search("\n".join(ln for ln, c in zip(body, code, strict=True) if c)))


# The title of a heading that names an exercise: "Exercise 1.2", "Task 3", "Problem 4: …".
_EXERCISE_TITLE = re.compile(r"^\W*(?:exercise|task|problem|challenge)s?\s*\d", re.I)


def _exercise_heading(line: str) -> bool:
    return bool((m := HEADING.match(line)) and _EXERCISE_TITLE.match(m[2]))


def asking_cells(lines: Lines) -> dict[int, tuple[int, str]]:
    """In an exercise notebook (headings that name exercises, or a checker it calls), a
    Markdown cell that is one paragraph ending in a question ("Change the code … What do you
    observe?") asks the student: `first index → (last index, question)`, as `question_runs`."""
    texts = [raw for _, raw in lines]
    if not (any(_exercise_heading(t) for t in texts) or calls_checker(texts)):
        return {}
    out: dict[int, tuple[int, str]] = {}
    for first, last in cell_spans(lines):
        cell = texts[first : last + 1]
        paragraph = all(
            t.strip()
            and not (HEADING.match(t) or FENCE.match(t) or BULLET.match(t))
            and not t.lstrip().startswith(("|", "<", "!["))
            for t in cell
        )
        if paragraph and cell[-1].rstrip().endswith("?"):
            out[first] = (last, " ".join(t.strip() for t in cell))
    return out
