"""Rules for blocks that arrive whole or announce themselves: mkdocs admonitions, `<details>`
and question tables. Each reads the parser's state and opens or emits items on it."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.answers import after_answer_label
from ingest.lines import BULLET, QN, read_details, read_table
from ingest.questions import ANSWER_SUMMARY, clean, has_mark, is_question

if TYPE_CHECKING:
    from ingest.machine import Parser

_QUESTION_TYPES = {"question", "faq", "q"}
_SECTION_TYPES = {"tip", "abstract", "summary", "tldr"}


def admonition(p: Parser, loc: int, m: re.Match) -> None:
    """`??? question "…"` opens a question, and so does a box of any type whose title asks
    (`??? info "Why does Polars …?"`); `??? tip "…"` is a section; others inside an answer keep
    their title as a line of it."""
    from ingest.machine import Open

    kind = (m.group("type") or "").lower()
    title = (m.group("title") or "").strip()
    rest = m.group("rest").strip().lstrip("-").strip()
    indent = len(m.group("indent").expandtabs(4))
    if title and (kind in _QUESTION_TYPES or has_mark(title)):
        p.close()
        p.flush_prose()
        p.open = Open(title, p.section, loc, loc, "admonition", indent=indent)
        if rest:
            p.open.answer.append(rest)
            p.open.indented_body = False
        return
    if p.open is not None and p.open.style == "admonition" and kind not in _SECTION_TYPES:
        # e.g. `??? example "Causal decoder"` inside an answer: keep its title as a line.
        p.open.answer.append(" " * (indent + 4) * bool(p.open.indented_body) + title)
        p.open.end = loc
        return
    p.heading(3, title or kind)


# An answer that opens with a verdict ("✅ Correct!", "False.", "❌ Incorrect — …"): what it
# answers is a true/false statement, a question though it has no "?".
_VERDICT = re.compile(
    r"^\W{0,3}(?:[✅✔☑❌✘✗]|(?:Correct|Incorrect|True|False|Right|Wrong)\b\W)", re.I
)


def details(p: Parser, i: int) -> None:
    """A `<details>` block: a question with its answer, the answer of the question just
    above (summary "Answer"), or a titled block of prose."""
    block = read_details(p.lines, i)
    if block.wrapper or p.in_faq and not is_question(block.summary) and _asks_twice(block.answer):
        # a fold around a FAQ's own entries ("Read this before opening an issue")
        # `<details>` with no `<summary>` folds a page away (GitHub shows "Details"), and so
        # does one whose summary only says "Click to expand" over `<details>` of its own: read
        # what it holds line by line, like the rest of the document; the label prints nothing.
        if block.summary:
            lower = [raw.lower() for _, raw in p.lines[i : block.last + 1]]
            p.skip_to = i + next((n for n, raw in enumerate(lower) if "</summary>" in raw), 0)
        return
    p.skip_to = block.last
    start, end = p.lines[i][0], p.lines[block.last][0]
    summary, answer = block.summary, block.answer
    if p.open is not None:
        p.close()
    if summary and ANSWER_SUMMARY.match(summary) and p.awaiting is not None:
        index = p.awaiting
        prev = p.items[index]
        if answer:
            p.items[index] = replace(prev, kind="qa", answer=answer, end=end)
        p.awaiting = None
        return
    p.flush_prose()
    if summary and (
        is_question(summary) or QN.match(summary) or _VERDICT.match(answer) or p.in_faq
    ):
        # "Q1: ERROR: Failed building wheel …" is labelled a question, whatever its wording,
        # and so is any entry of a FAQ ("MemoryError: Unable to allocate …")
        answer = "\n".join(after_answer_label(answer.split("\n")))  # "A1: Please review …"
        p.emit(summary, answer, p.section, start, end)
        return
    title = [] if block.control else [summary]  # "[Click to expand]" prints nothing
    p.prose.extend((start, ln) for ln in [*title, *answer.split("\n")] if ln)


def _asks_twice(text: str) -> bool:
    """Two or more of the text's list items ask ("- **Are you sure the bug is here?**")."""
    return sum(bool(BULLET.match(ln)) and has_mark(clean(ln)) for ln in text.split("\n")) >= 2


def table(p: Parser, i: int) -> bool:
    """A Markdown table with a question column: one item per row."""
    found = read_table(p.lines, i)
    if found is None:
        return False
    p.close()
    p.flush_prose()
    rows, p.skip_to = found
    for row in rows:
        section = " > ".join(x for x in (p.section, row.topic) if x)
        p.emit(row.question, row.answer, section, row.loc, row.loc)
    return True
