"""A worksheet notebook: prompts in Markdown cells, each followed by the space left to answer
it — an empty cell, a code cell holding only a comment ("# Matrix Multiplication Here"), or a
placeholder ("`Your Answer Here`", "*Double click the markdown and add your answer here.*").

    Find the determinant of $C$          ← a Markdown cell, then an empty cell: a task
    What causes a determinant of 0?      ← a question over its placeholder
    `Your Answer Here`
    **Vector:** `Your Answer Here`       ← a term to define
    1. What is the longest vector? `Your Answer Here`

Three or more such spaces make a notebook a worksheet. In it, the last paragraph of a cell
followed by its space asks (with the list it introduces, if it ends in ":"; a statement over an
empty cell, "If you like, reuse …", does not), and so does a line
that ends in a placeholder; a bold label over a placeholder asks for that term; a field that is
only a label ("- $A$: `Your Answer Here`") is the form the question above it gives. Each is a
bare question: nothing in the notebook answers it.
"""

from __future__ import annotations

import re

from ingest.formats.notebook import cell_spans
from ingest.lines import BULLET, FENCE, HEADING, Lines, in_code
from ingest.questions import clean

_PLACEHOLDER = (
    r"[`*_]*(?:[\w ]{0,40}\band\s+)?(?:(?:write|type|put|enter|add|insert)\s+)?(?:your\s+)?"
    r"answers?\s+(?:goes\s+)?here\.?[`*_]*"
)
_ALONE = re.compile(rf"^\s*(?:\d{{1,3}}[.)]\s+|[-*+]\s+)?{_PLACEHOLDER}\s*$", re.I)
_AFTER = re.compile(rf"^(?P<text>.*?\S)\s+{_PLACEHOLDER}\s*$", re.I)
_BOLD_FIELD = re.compile(r"^\s*(?:\*\*|__)(?P<term>[^*_:\n]{1,60}?)\s*:?\s*(?:\*\*|__)\s*:?\s*$")
_COMMENT_ONLY = re.compile(r"^\s*(?:#.*)?$")
_MIN_SPACES = 3


def _numbered(lines: Lines, cells: list[tuple[int, int]]) -> bool:
    """The cells are located by their number (a `.ipynb`), not by lines of a script, so a gap
    in the numbers is an empty cell: each code block lies in one cell, and most cells follow
    the one before by one."""
    steps = [lines[b][0] - lines[a][0] for (a, _), (b, _) in zip(cells, cells[1:], strict=False)]
    whole = all(  # each code block is in one cell
        sum(bool(FENCE.match(t)) for _, t in lines[a : b + 1]) % 2 == 0 for a, b in cells
    )
    return whole and bool(steps) and 2 * sum(step == 1 for step in steps) > len(steps)


def _space_after(lines: Lines, cells: list[tuple[int, int]], k: int) -> bool:
    """Cell `k` is followed by the space to answer it: an empty cell (a gap in the cell
    numbers) or a code cell that holds nothing but comments."""
    if k + 1 >= len(cells):
        return False
    first, last = cells[k + 1]
    if lines[first][0] > lines[cells[k][0]][0] + 1:
        return True
    body = [t for _, t in lines[first : last + 1]]
    return bool(FENCE.match(body[0])) and all(_COMMENT_ONLY.match(t) for t in body[1:-1])


def worksheet_cells(lines: Lines) -> dict[int, tuple[int, str]]:
    """The prompts of a worksheet notebook (see the module docstring): `first index → (last
    index, question)`, as `question_runs`; none if the notebook leaves fewer spaces."""
    texts = [raw for _, raw in lines]
    cells = cell_spans(lines)
    markdown = [k for k, (first, _) in enumerate(cells) if not FENCE.match(texts[first])]
    gaps = [k for k in markdown if _space_after(lines, cells, k)] if _numbered(lines, cells) else []
    placeholders = [n for n, t in enumerate(texts) if _ALONE.match(t) or _AFTER.match(t)]
    if len(gaps) + len(placeholders) < _MIN_SPACES:
        return {}
    code = in_code(lines)
    out: dict[int, tuple[int, str]] = {}
    for k in markdown:
        first, last = cells[k]
        if HEADING.match(texts[first]):
            continue
        blank_below = False
        for n in range(first, last + 1):
            if _ALONE.match(texts[n]):
                blank_below = True
            elif m := _AFTER.match(texts[n]):
                asked = _asked_line(m["text"])
                if asked:
                    out[n] = (n, asked)
        prompt = (blank_below or k in gaps) and _last_paragraph(texts, code, first, last)
        if prompt and prompt[0] not in out and (blank_below or _tells(prompt[2])):
            out[prompt[0]] = prompt[1:]
    return out


# Words that open a statement, not a task or a question: "If you like, you are welcome to …",
# "The model below …", "We now train …".
_STATEMENT_OPENERS = {
    "a", "an", "and", "as", "at", "but", "for", "here", "if", "in", "it", "its", "note", "now",
    "of", "on", "our", "so", "that", "the", "then", "there", "these", "this", "to", "we", "when",
    "while", "you", "your",
}  # fmt: skip


def _tells(text: str) -> bool:
    """A paragraph over an empty cell that tells the student what to do ("Graph all three
    vectors.", "Using $a$, transform it …") or asks, rather than stating something."""
    words = re.findall(r"[A-Za-z']+", text)
    return (
        text.rstrip().endswith(("?", "？"))
        or bool(words)
        and words[0].lower() not in _STATEMENT_OPENERS
    )


def _asked_line(text: str) -> str:
    """What a line ending in a placeholder asks: the term of a bold label, the line's own text
    (its list marker aside), or nothing for a field that is only a label ("- $A$:")."""
    if m := _BOLD_FIELD.match(text):
        return m["term"].strip()
    item = BULLET.match(text)
    text = (item["text"] if item else text).strip()
    return "" if text.endswith((":", "：")) else clean(text).strip()


def _last_paragraph(
    texts: list[str], code: list[bool], first: int, last: int
) -> tuple[int, int, str] | None:
    """(first index, last index, text) of a cell's last paragraph of prose, with the list it
    introduces when it ends in ":"; None if the cell has none."""
    found = None
    n = first
    while n <= last:
        t = texts[n]
        if not t.strip() or code[n] or _part_ends(t) or _AFTER.match(t):
            n += 1  # a list, a formula, a table, an image, code, a placeholder: no prose
            continue
        start = n
        while (
            n + 1 <= last and texts[n + 1].strip() and not (code[n + 1] or _part_ends(texts[n + 1]))
        ):
            n += 1
        text = " ".join(texts[i].strip() for i in range(start, n + 1))
        end = n
        if text.endswith(":"):
            while end + 1 <= last and (item := BULLET.match(texts[end + 1])):
                text += " " + item["text"].strip()
                end += 1
        found = (start, end, clean(text).strip())
        n = end + 1
    return found


def _part_ends(line: str) -> bool:
    """Starts what a paragraph of prose is not: a list item, code, a placeholder, a formula,
    a table, HTML or an image."""
    stripped = line.lstrip()
    return bool(
        BULLET.match(line) or FENCE.match(line) or _ALONE.match(line)
    ) or stripped.startswith(("\\", "$$", "|", "<", "!["))
