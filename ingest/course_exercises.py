"""Interactive course pages, read the way the course site shows them. Each line keeps its
location.

The exercises of Ines Montani's course framework (the spaCy course and the courses built on
it): `<exercise id="3" title="…">` is a section titled by its title; a multiple-choice exercise
asks its stem (the text between the title and `<choice>`, after the title when the title itself
asks) and is answered by its options (`<opt text="…" correct="true">`) in order, then the key
and the feedback each option gives once picked; a `<codeblock id="…">` is the exercise's code
editor, whose starting code and solution live in other files: the text inside it is the hint
behind its "Show hints" button; `<slides source="…">` plays a deck kept in other files.

And in any page, a task under its `**Instructions**` label (as these courses and DataCamp print
it): the list or the paragraph under the label is one question, a paragraph that ends in ":"
with the list that completes it. In a course exercise the task is done in the code editor, so
nothing on the page answers it: the question is placed where the editor closes, and what the
exercise says around it (a hint, the data it describes) is a note before it.
"""

from __future__ import annotations

import re

from ingest.lines import BULLET, HEADING, Lines, in_code

_EXERCISE = re.compile(r"^\s*<exercise\b(?P<attrs>[^>]*)>\s*$")
_OPT = re.compile(r"^\s*<opt\b(?P<attrs>[^>]*)>\s*$")
_CODEBLOCK = re.compile(r"^\s*<codeblock\b[^>]*>\s*$")
# The framework's other tags, alone on their lines, print nothing a reader studies.
_TAG = re.compile(r"^\s*</?(?:exercise|slides|choice|opt|codeblock)\b[^>]*>\s*$")
_INSTRUCTIONS = re.compile(r"^\s*(\*\*|__)(?:instructions|your task|tasks?)\s*:?\1\s*:?\s*$", re.I)


def _attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\b{name}\s*=\s*"([^"]*)"', attrs)
    return m.group(1).strip() if m else None


def _until(lines: Lines, i: int, closing: str) -> int:
    """Index of the line that closes the element opened on line `i` (the last line if none)."""
    return next((j for j in range(i + 1, len(lines)) if closing in lines[j][1]), len(lines) - 1)


def _blank(out: list[tuple[int, str]], start: int, end: int) -> None:
    for k in range(start, end + 1):
        out[k] = (out[k][0], "")


def _text(lines: Lines, start: int, end: int) -> str:
    return " ".join(line.strip() for _, line in lines[start : end + 1] if line.strip())


def course_exercises(lines: Lines) -> Lines:
    """The framework's exercises as headings, questions and hints (see the module docstring);
    then the tasks under `**Instructions**` labels."""
    if not any(_EXERCISE.match(line) for _, line in lines):
        return instructions(lines)
    out = list(lines)
    editors: list[int] = []  # the lines where code editors close
    title, body = "", 0  # the current exercise's title and its first line
    i = 0
    while i < len(lines):
        line = lines[i][1]
        if m := _EXERCISE.match(line):
            title, body = _attr(m["attrs"], "title") or "", i + 1
            out[i] = (lines[i][0], f"## {title}" if title else "")
        elif line.strip().startswith("<choice"):
            end = _until(lines, i, "</choice>")
            _choice(lines, out, title, body, i, end)
            i = end
        elif _CODEBLOCK.match(line):
            end = _until(lines, i, "</codeblock>")
            hint = _text(lines, i + 1, end - 1)
            _blank(out, i, end)
            if hint:
                out[i] = (lines[i][0], f"**Hint:** {hint}")
            editors.append(end)
            i = end
        elif _TAG.match(line):
            out[i] = (lines[i][0], "")
        i += 1
    return instructions(out, editors)


def _choice(lines: Lines, out: list, title: str, body: int, start: int, end: int) -> None:
    """A multiple-choice exercise: its stem a `**Q:**` line, its options the answer, then the
    key and each option's feedback."""
    stem = [k for k in range(body, start) if lines[k][1].strip()]
    question = _text(lines, stem[0], stem[-1]) if stem else ""
    if title.endswith("?"):
        question = f"{title} {question}".strip()
    options: list[tuple[int, str, bool, str]] = []  # (line, text, correct, feedback)
    for k in range(start, end):
        if m := _OPT.match(lines[k][1]):
            close = min(_until(lines, k, "</opt>"), end)
            text = _attr(m["attrs"], "text") or ""
            options.append(
                (k, text, _attr(m["attrs"], "correct") == "true", _text(lines, k + 1, close - 1))
            )
    if not question or not options:
        return
    asked = stem[0] if stem else start  # a title that asks, with no stem: asked on `<choice>`
    first = start if stem else start + 1
    _blank(out, asked, end)
    out[asked] = (lines[asked][0], f"**Q:** {question}")
    for n, (_, text, _, _) in enumerate(options):  # one after another, as the radio buttons
        out[first + n] = (lines[first + n][0], f"- {text}")
    key = [f"{text}. {feedback}".strip() for _, text, correct, feedback in options if correct]
    others = [f"{text}: {fb}" for _, text, correct, fb in options if not correct and fb]
    at = first + len(options)
    out[at] = (lines[at][0], " ".join([*(f"Correct: {k}" for k in key), *others]))


def instructions(lines: Lines, editors: list[int] | None = None) -> Lines:
    """Each `**Instructions**` label over a list or a paragraph: that block a `**Q:**` line, on
    the label's line or, in a course exercise, on the line where its code editor closes
    (`editors`, before the next label or heading). Outside a course exercise, only a task that
    stands alone under its heading: what follows a task may be more tasks, or its answer."""
    out = list(lines)
    code = in_code(lines)
    for i, (_, line) in enumerate(lines):
        if code[i] or not _INSTRUCTIONS.match(line):
            continue
        first = next((k for k in range(i + 1, len(lines)) if lines[k][1].strip()), None)
        if first is None or code[first] or HEADING.match(lines[first][1]):
            continue
        last = _block_end(lines, first)
        task = " ".join(
            (m["text"] if (m := BULLET.match(ln)) else ln).strip()
            for _, ln in lines[first : last + 1]
            if ln.strip()
        )
        stop = next((k for k in range(last + 1, len(lines)) if _ends_task(lines[k][1])), len(lines))
        at = next((k for k in editors or [] if last < k < stop), i)
        if at == i and any(ln.strip() for _, ln in lines[last + 1 : stop]):
            continue  # more follows the task: more tasks, perhaps, or its answer
        _blank(out, i, last)
        out[at] = (lines[at][0], f"**Q:** {task}")
    return out


def _block_end(lines: Lines, first: int) -> int:
    """The last line of the list or paragraph starting at `first`; a paragraph that ends in ":"
    runs on through the list after it."""
    end = _run_end(lines, first)
    if not BULLET.match(lines[first][1]) and lines[end][1].rstrip().endswith(":"):
        after = next((j for j in range(end + 1, len(lines)) if lines[j][1].strip()), None)
        if after is not None and BULLET.match(lines[after][1]):
            end = _run_end(lines, after)
    return end


def _run_end(lines: Lines, first: int) -> int:
    """The last line of the paragraph or the list (loose or tight) starting at `first`."""
    listed = bool(BULLET.match(lines[first][1]))
    k = first
    while k + 1 < len(lines):
        nxt = lines[k + 1][1]
        if not nxt.strip():
            after = next((j for j in range(k + 2, len(lines)) if lines[j][1].strip()), None)
            if not (listed and after is not None and BULLET.match(lines[after][1])):
                return k
            k = after  # a loose list goes on past its blank lines
        elif listed != bool(BULLET.match(nxt)) and not (listed and nxt.startswith((" ", "\t"))):
            return k  # a list after the paragraph, or text after the list
        else:
            k += 1
    return k


def _ends_task(line: str) -> bool:
    return bool(_INSTRUCTIONS.match(line) or HEADING.match(line) or _EXERCISE.match(line))
