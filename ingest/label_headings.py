"""A puzzle or problem written under label headings rather than asked in a heading:

    ### Question                      ## Problem
    Three players each wear a hat …   What is the expected number of tosses …?
    ### Approach                      I'll show three ways …
    If a player sees two equal hats …

The statement is what asks; the label headings only name its parts."""

from __future__ import annotations

import re

from ingest.headings import headings_of
from ingest.lines import FENCE, Lines
from ingest.prepasses import card
from ingest.questions import is_question

# A heading that only labels what is under it as the question: "Problem", "Question", "Puzzle".
_ASK_TITLE = re.compile(r"^\W*(?:problem|question|puzzle|riddle)\W*$", re.I)
# A heading over its answer: "Answer", "Solution", "Approach", "Explanation".
_ANSWER_TITLE = re.compile(r"^\W*(?:answers?|solutions?|approach|explanation)\W*$", re.I)


def labelled_headings(lines: Lines) -> Lines:
    """A puzzle written under label headings: `### Question` over the statement, then `###
    Approach` (or Answer, Solution) over its answer; or `## Problem` over a statement whose
    first paragraph asks, the text after it answering. The statement asks (a card over the
    answer's section, or the heading over the rest) and the labels go; every line keeps its
    location. A label heading over a statement that asks nothing ("## Problem" in a case study,
    "When each team …") is left as written."""
    heads = headings_of(lines)
    out = list(lines)
    for k, (n, level, title) in enumerate(heads):
        if not _ASK_TITLE.match(title):
            continue
        nxt = heads[k + 1] if k + 1 < len(heads) else None
        end = nxt[0] if nxt else len(lines)
        body = [j for j in range(n + 1, end) if lines[j][1].strip()]
        if not body or any(FENCE.match(lines[j][1]) for j in body):
            continue
        if nxt and nxt[1] == level and _ANSWER_TITLE.match(nxt[2]):
            # all of it, up to the answer's label: a card over the answer's section
            after = next((h for h, lv, _ in heads[k + 2 :] if lv <= level), len(lines))
            out[n] = (lines[n][0], card(" ".join(lines[j][1].strip() for j in body)))
            out[n + 1 : nxt[0] + 1] = [(loc, "") for loc, _ in lines[n + 1 : nxt[0] + 1]]
            out[nxt[0] + 1 : after] = [
                (loc, f"    {ln}" if ln.strip() else ln) for loc, ln in lines[nxt[0] + 1 : after]
            ]
            continue
        statement = []  # its first paragraph, if it asks: the heading, answered by the rest
        for j in range(body[0], end):
            if not lines[j][1].strip():
                break
            statement.append(j)
        text = " ".join(lines[j][1].strip() for j in statement)
        if is_question(text):
            out[n] = (lines[n][0], f"{'#' * level} {text}")
            out[statement[0] : statement[-1] + 1] = [(lines[j][0], "") for j in statement]
    return out
