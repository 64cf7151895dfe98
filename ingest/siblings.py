"""How a heading reads among its siblings (the headings with the same parent, at the same
level): most of them asking makes a FAQ inside a longer page; most numbered ones not worded as
questions make a walkthrough's steps."""

from __future__ import annotations

import re

from ingest.questions import NUMBER_END, has_mark, question_text, reads_as_question

NUMBER = re.compile(rf"^\W*\d{{1,4}}{NUMBER_END}")  # a heading's leading number: "3. ", "12)"


def parents_of(heads: list[tuple[int, int, str]]) -> list[int]:
    """Per heading, the position (in `heads`) of the heading it sits under, -1 for none."""
    parents, stack = [], []  # stack: (level, position) of the headings above
    for n, (_, level, _) in enumerate(heads):
        while stack and stack[-1][0] >= level:
            stack.pop()
        parents.append(stack[-1][1] if stack else -1)
        stack.append((level, n))
    return parents


def sibling_groups(heads: list[tuple[int, int, str]], parents: list[int]) -> list[list[int]]:
    """Positions (in `heads`) of headings grouped by parent and level: sibling sections."""
    groups: dict[tuple[int, int], list[int]] = {}
    for n, (_, level, _) in enumerate(heads):
        groups.setdefault((parents[n], level), []).append(n)
    return list(groups.values())


def steps(heads: list[tuple[int, int, str]], siblings: list[list[int]]) -> set[int]:
    """Positions of the numbered headings among siblings of which three or more are numbered
    and fewer than half of those are worded as questions: a walkthrough's steps."""
    out: set[int] = set()
    for members in siblings:
        numbered = [n for n in members if NUMBER.match(heads[n][2])]
        if len(numbered) >= 3 and 2 * sum(worded(heads[n][2]) for n in numbered) < len(numbered):
            out.update(numbered)
    return out


def worded(title: str) -> bool:
    """A title worded as a question, "?" or not ("How to serialize an algorithm")."""
    return reads_as_question(question_text(title))


def asking_siblings(
    heads: list[tuple[int, int, str]], siblings: list[list[int]], asks=has_mark
) -> set[int]:
    """Positions of headings among three or more siblings most of which ask (by default: end
    in "?"): a FAQ section inside a longer page."""
    return {
        n
        for members in siblings
        if len(members) >= 3 and 2 * sum(asks(heads[n][2]) for n in members) >= len(members)
        for n in members
    }


# "Judgments: expression of the ideal ordering", "Optimal Transport — The Cost of Rearrangement":
# a topic, then a subtitle after a colon or a dash.
_SUBTITLED = re.compile(r"^(?P<topic>[^:?？—–]{2,60}?)\s*(?::|\s[—–-]\s)\s*(?P<sub>\S.*)$")


def subtitled_topics(heads: list[tuple[int, int, str]], siblings: list[list[int]]) -> set[int]:
    """Positions of headings that name a topic and ask only in their subtitle ("Testing: is
    our model any good?") among three or more siblings titled the same way, most of whose
    subtitles do not ask: a topic title worded like its siblings, not a question. A numbered
    part ("Part 1: What is precision?") names no topic: its subtitle is the question."""
    out: set[int] = set()
    for members in siblings:
        shaped = [
            (n, m)
            for n in members
            if (m := _SUBTITLED.match(question_text(heads[n][2])))
            and not reads_as_question(m.group("topic"))
            and not m.group("topic")[-1].isdigit()  # "Part 1: What is precision?" numbers a part
        ]
        asking = [n for n, m in shaped if has_mark(m.group("sub"))]
        if len(shaped) >= 3 and 2 * len(asking) < len(shaped):
            out.update(asking)
    return out


# A letter dividing an A–Z index: "A", "B", "X–Z".
_LETTER = re.compile(r"^\W*[A-Z](?:\s*[-–]\s*[A-Z])?\W*$")


def index_entries(
    heads: list[tuple[int, int, str]], parents: list[int]
) -> tuple[set[int], set[int]]:
    """In an A–Z index (three letter dividers or more: `## A` / `### Autovalor`, `## B` /
    `### Biplot`): the positions of its entries, the headings under the letters, one run however
    few each letter holds; and of the letters' other siblings ("Quick comparison",
    "Navigation"), parts of the page rather than entries."""
    letters = {n for n, (_, _, title) in enumerate(heads) if _LETTER.match(title)}
    if len(letters) < 3:
        return set(), set()
    beside = {(parents[n], heads[n][1]) for n in letters}
    entries = {n for n in range(len(heads)) if parents[n] in letters}
    parts = {n for n in range(len(heads)) if (parents[n], heads[n][1]) in beside} - letters
    return entries, parts
