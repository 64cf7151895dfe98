"""Multiple-choice questions whose stem runs over paragraphs: a numbered item that sets the
scene ("1. Consider the straight line below:"), shows a figure or formula, asks in a paragraph
of its own ("Which of the following vectors would be normal to this line?") and lists its
options (`- [ ] …`, `a) …`) under it. The question is the stem's paragraphs joined, the options
its answer: written as a `??? question` card whose body is the rest of the item. Every line
keeps its location."""

from __future__ import annotations

from ingest.lines import NUMBERED, OPTION, in_code, indent_of
from ingest.prepasses import card
from ingest.questions import CLAUSE, clean, reads_as_question

Lines = list[tuple[int, str]]


def _asks(paragraph: str) -> bool:
    return any(reads_as_question(part) for part in CLAUSE.split(paragraph))


def _item_end(lines: Lines, n: int, inner: int) -> int:
    """The index after the numbered item at line `n` whose text starts at column `inner`: it
    runs on while lines are blank or indented under that text."""
    k = n + 1
    while k < len(lines) and (not lines[k][1].strip() or indent_of(lines[k][1]) >= inner):
        k += 1
    while k > n + 1 and not lines[k - 1][1].strip():
        k -= 1
    return k


def join_choice_stems(lines: Lines) -> Lines:
    out = list(lines)
    code = in_code(lines)
    for n, (loc, line) in enumerate(lines):
        if code[n] or not (m := NUMBERED.match(line)):
            continue
        inner = m.end() + indent_of(line[m.end() :])
        end = _item_end(lines, n, inner)
        first = next((k for k in range(n + 1, end) if OPTION.match(lines[k][1])), None)
        if first is None or sum(bool(OPTION.match(ln)) for _, ln in lines[first:end]) < 2:
            continue
        paragraphs, text = [], [line[inner:].strip()]
        for _, ln in lines[n + 1 : first]:
            if ln.strip():
                text.append(ln.strip())
            elif text:
                paragraphs.append(" ".join(text))
                text = []
        paragraphs += [" ".join(text)] if text else []
        shown = [p for p in (clean(p).strip() for p in paragraphs) if p]
        if len(paragraphs) < 2 or not any(map(_asks, shown)):
            continue  # one line asks on its own (the list reader's case), or nothing asks
        out[n] = (loc, card(" ".join(shown)))
        for k in range(n + 1, first):
            out[k] = (lines[k][0], "")
        for k in range(first, end):
            text = lines[k][1]
            out[k] = (lines[k][0], "    " + text[inner:] if text.strip() else "")
    return out
