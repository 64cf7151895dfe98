"""Slides printed in builds: a page whose every line the next page repeats, in order and give or
take a small edit, under the same title line, is an earlier step of the same slide (a Beamer
overlay, a PowerPoint animation, a quiz slide whose next page reveals the answer).

An earlier step that asks something is a flashcard's front and the next page its back: the front
(without its title line and its answer options) is the question, and what the back adds below the
lines they share is the answer — the back repeating the front is not answer text, as an Anki back
template that shows the front is not. An earlier step that asks nothing is dropped: its text is
all on the next page.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ingest.questions import is_question

# Two lines this alike (difflib ratio) are one line edited between builds; set by reading the
# one quiz of batch 26, whose backs drop a "v2" or respell "detokenization".
SAME_LINE = 0.85
# Answer-option boxes and ticks: a quiz's back marks the right options where its front has "☐".
_BOX = re.compile(r"[☐☑☒□■✓✔✗✘]\s*")


def _plain(line: str) -> str:
    return " ".join(_BOX.sub(" ", line).split())


def _same(line: str, other: str) -> bool:
    """The same line, give or take a small edit between builds ("v2" dropped, "de-tokenization")."""
    a, b = _plain(line), _plain(other)
    return a == b or SequenceMatcher(None, a, b).ratio() >= SAME_LINE


def _option(line: str) -> bool:
    return bool(_BOX.match(line.strip()))


def _builds_on(page: list[str], after: list[str]) -> bool:
    """Every line of `page`, in order, among the lines of `after`, which opens with the same
    title line."""
    if len(page) < 2 or len(after) < len(page) or _plain(page[0]) != _plain(after[0]):
        return False
    rest = iter(after)
    return all(any(_same(line, other) for other in rest) for line in page)


def _card(front: list[str], back: list[str]) -> list[str] | None:
    """The pair as a `Q:` line and `A:` lines (the `Q:` line alone when the back adds no text:
    its answer is a picture), or None when the front asks nothing. The title line goes: it names
    the card, it is not its question. The answer starts where the back stops repeating the
    front, or at its first answer option: the options are the answer, the ticks on them its key."""
    titled = not is_question(_plain(front[0]))
    stem = [_plain(x) for x in front[titled:] if not _option(x)]
    if not stem or not is_question(" ".join(stem)):
        return None
    shared = 0
    while shared < len(front) and _same(front[shared], back[shared]) and not _option(back[shared]):
        shared += 1
    answer = [_plain(x) for x in back[shared:] if _plain(x)]
    question = "Q: " + " ".join(stem)
    return [question, "A: " + answer[0], *answer[1:]] if answer else [question]


def fold_builds(pages: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Pages with each build folded into the page that completes it; a front and back become one
    card, numbered as the back."""
    bodies = [[x for x in lines if x.strip()] for _, lines in pages]
    out: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(pages):
        if i + 1 < len(pages) and _builds_on(bodies[i], bodies[i + 1]):
            card = _card(bodies[i], bodies[i + 1])
            if card is not None:
                out.append((pages[i + 1][0], card))
                i += 1  # the back is in the card
            i += 1  # an earlier build that asks nothing: all of it is on the next page
            continue
        out.append(pages[i])
        i += 1
    return out
