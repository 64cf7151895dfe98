"""Pandoc fenced divs: the Carpentries' `::: challenge` / `::: solution` boxes, Quarto callouts
(`::: {.callout-tip collapse="true"}`), Docusaurus' `:::note`. Each line keeps its location."""

from __future__ import annotations

import re

from ingest.lines import HEADING, in_code, says_answer
from ingest.questions import is_question, question_text

# Pandoc fenced divs: `::: solution`, `:::::: {.callout-tip collapse="true"}`, closed by a line of
# colons alone. MyST directives (`:::{note}`) look alike but close by count: left to answers.py.
_DIV_OPEN = re.compile(
    r"^\s*:{3,}\s*(?:\{(?P<attrs>[^}]*)\}|(?P<name>[A-Za-z][\w-]*))\s*(?P<title>.*)$"
)
_DIV_CLOSE = re.compile(r"^\s*:{3,}\s*$")
_MYST = re.compile(r"^\s*:{3,}\{[A-Za-z]")  # `:::{note}`; `:::{.callout-tip}` is pandoc's
_EXPAND = re.compile(r"^\W*(?:click (?:here )?to )?(?:expand|show more)\W*$", re.I)
_ANSWER_CLASSES = {"solution", "solutions", "answer", "answers"}
# A fence of a div that is no answer: it ends the block before it, as the box does on the page,
# and prints nothing (an empty HTML comment, removed from stored text).
_NOTHING = "<!-- -->"


def unwrap_divs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Pandoc fenced divs (the Carpentries' `::: challenge` / `::: solution` boxes, Quarto
    callouts): a div that holds an answer (class `solution` or `answer`, `callout-answer` too, or
    a title that says so — on its fence, as `title="…"` or as the heading it opens with:
    "Solution", "Show answer"; "Click to expand" only under a heading that asks) is
    the answer fold of the exercise it follows, written as the `:::{solution}` fold answers.py
    reads; its title heading is the fold's label, not answer text. The fences of other divs
    (Docusaurus' `:::note` too) print nothing but end the block before them, as the box does.
    In a Quarto tab set, a heading labels a tab ("## R", "## Python"), not a section.
    A box titled by a heading (`## Exercise`) is titled for itself: after it (and the boxes
    right after it, its answer), the page's text is the section's again, so that heading is
    written once more on the first blank line after the boxes."""
    if any(_MYST.match(line) for _, line in lines):
        return lines
    out = list(lines)
    code = in_code(lines)
    stack: list[bool] = []  # per open div: is it an answer fold
    tabs: list[bool] = []  # per open div: is it a Quarto tab set
    section, boxed = "", False  # the heading in force outside boxes; a box had a title
    for n, (loc, line) in enumerate(lines):
        if code[n]:
            continue
        if stack and _DIV_CLOSE.match(line):
            out[n] = (loc, ":::" if stack.pop() else _NOTHING)
            tabs.pop()
            if not stack and boxed and section and (at := _after_boxes(lines, n)) is not None:
                out[at], boxed = (lines[at][0], section), False
            continue
        if not stack and HEADING.match(line):
            section = line.strip()
        if any(tabs) and (tab := HEADING.match(line)):
            # a tab's label, no section of the page; a language's name says no more than the
            # language of the code block under it ("## R" over ```r)
            label = tab.group(2).strip()
            after = next((t for _, t in lines[n + 1 :] if t.strip()), "").strip().lower()
            out[n] = (loc, "" if after == f"```{label.lower()}" else f"**{label}**")
            continue
        m = _DIV_OPEN.match(line)
        if not m or _DIV_CLOSE.match(line):
            continue
        attrs = m.group("attrs") or ""
        classes = {c.lstrip(".").lower() for c in attrs.split() if "=" not in c}
        classes.add((m.group("name") or "").lower())
        titled = re.search(r"""title=["']([^"']*)""", attrs)
        says = [t for t in (m.group("title"), titled and titled.group(1)) if t]
        first = next((k for k in range(n + 1, len(lines)) if lines[k][1].strip()), None)
        heading = HEADING.match(lines[first][1]) if first is not None else None
        heading_says = bool(heading and says_answer(heading.group(2)))
        if heading_says and _EXPAND.match(heading.group(2)):
            # "Click to expand" folds away whatever it holds: an answer under a question only
            heading_says = is_question(question_text(section.lstrip("#")))
        kinds = {c.rsplit("-", 1)[-1] for c in classes}  # "callout-answer" is an answer box
        answer = bool(kinds & _ANSWER_CLASSES) or any(map(says_answer, says)) or heading_says
        boxed |= not stack and bool(heading) and first == n + 1
        stack.append(answer)
        tabs.append("panel-tabset" in classes)
        out[n] = (loc, ":::{solution}" if answer else _NOTHING)
        if heading_says:
            out[first] = (lines[first][0], "")  # the fold's title: a label, not answer text
    return out


def _after_boxes(lines: list[tuple[int, str]], close: int) -> int | None:
    """The blank line after a box closing on line `close`, unless another box opens next."""
    blank = None
    for k in range(close + 1, len(lines)):
        text = lines[k][1]
        if text.strip():
            opens = bool(_DIV_OPEN.match(text)) and not _DIV_CLOSE.match(text)
            return None if opens or HEADING.match(text) else blank
        blank = k if blank is None else blank
    return None
