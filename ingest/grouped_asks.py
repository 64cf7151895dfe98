"""Asks answered together: a list of two or more questions (or tasks under a "Questions:"
label), then, after a blank line and not indented under the list, one answer label — a case
study's "**Questions:** 1. … 2. … **Sample Answer:** …". The one answer answers the whole list,
so the list is one question: written as a `??? question` card whose title is the asks joined
and whose body is what follows the label, down to the next heading or `---`. Every line keeps
its location."""

from __future__ import annotations

import re

from ingest.lines import ANSWER_LABEL, BULLET, HEADING, THEMATIC_BREAK, colon_label, in_code
from ingest.prepasses import card
from ingest.questions import clean, is_question

Lines = list[tuple[int, str]]

# A label that says the list under it asks: "**Questions:**", "Tasks:", "#### Exercises".
_ASKS_LABEL = re.compile(
    r"^\W*(?:#+\s*)?\W*(?:questions?|tasks?|exercises?|asks?|prompts?)\W*$", re.I
)


def _list_at(lines: Lines, n: int, code: list[bool]) -> tuple[list[str], int] | None:
    """The items of the one-line-per-item list that starts at line `n` (same indent, nothing
    nested, no blank line inside), and the index after it; None when line `n` starts none."""
    first = BULLET.match(lines[n][1])
    if first is None or code[n]:
        return None
    indent, items, k = first["indent"], [], n
    while k < len(lines) and (m := BULLET.match(lines[k][1])) and m["indent"] == indent:
        items.append(clean(m["text"]).strip())
        k += 1
    return items, k


def join_listed_asks(lines: Lines) -> Lines:
    out = list(lines)
    code = in_code(lines)
    n = 0
    while n < len(lines):
        found = _list_at(lines, n, code)
        if found is None or (n > 0 and BULLET.match(lines[n - 1][1])):
            n += 1
            continue
        items, after = found
        above = next((k for k in range(n - 1, -1, -1) if lines[k][1].strip()), None)
        labelled = above is not None and bool(_ASKS_LABEL.match(clean(lines[above][1]).strip()))
        label_at = next((k for k in range(after, len(lines)) if lines[k][1].strip()), None)
        label = ANSWER_LABEL.match(lines[label_at][1]) if label_at is not None else None
        if (
            len(items) < 2
            # a list that goes on from the line above it belongs to that line's question
            or not (labelled or all(map(is_question, items)) and not lines[n - 1][1].strip())
            or label_at == after  # no blank line between the list and the label
            or label is None
            or not colon_label(lines[label_at][1], label)
            or len(label["indent"]) > len(BULLET.match(lines[n][1])["indent"])
            or code[label_at]
        ):
            n = after
            continue
        end = next(
            (k for k in range(label_at + 1, len(lines))
             if not code[k] and (HEADING.match(lines[k][1]) or THEMATIC_BREAK.match(lines[k][1]))),
            len(lines),
        )  # fmt: skip
        if labelled:  # the label prints as the card's own title does
            out[above] = (lines[above][0], "")
        out[n] = (lines[n][0], card(" ".join(items)))
        for k in range(n + 1, after):
            out[k] = (lines[k][0], "")
        rest = label["rest"].strip()
        out[label_at] = (lines[label_at][0], f"    {rest}" if rest else "")
        for k in range(label_at + 1, end):
            text = lines[k][1]
            out[k] = (lines[k][0], f"    {text}" if text.strip() else "")
        n = end
    return out
