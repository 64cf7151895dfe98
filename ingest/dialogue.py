"""A dialogue written as a run of bold speaker labels: one speaker asks, the other answers.

    **You:** "Why can't an RNN remember things for long?"
    **Me:** "Imagine a game of telephone …"

Interview logs (`**Interviewer:**` / `**Candidate:**`), tutoring transcripts and explain-like-
I'm-five notes are written so. Which label asks is read from the turns themselves, not from the
names: the speaker all of whose turns are questions, answered by the other one. Their turns are
rewritten as the `**Q:**` / `**A:**` lines the line reader already takes as question and answer;
every line keeps its location.
"""

from __future__ import annotations

import re

from ingest.lines import ANSWER_LABEL, HEADING, QN, in_code
from ingest.questions import has_mark

# `**Name:** text` or `**Name**: text`: a short label in bold, then what the speaker says.
_TURN = re.compile(
    r"^(?P<open>\*\*|__)(?P<who>[^*_:\n]{1,24}?)\s*(?::(?P=open)|(?P=open)\s*:)\s*(?P<said>\S.*)$"
)
_QUOTES = "\"'“”‘’*_ "


def _asks(said: str) -> bool:
    return has_mark(said.strip(_QUOTES))


def _runs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str, str]]]:
    """Runs of turns, `(line index, speaker, what was said)`, that no heading or code splits."""
    runs: list[list[tuple[int, str, str]]] = [[]]
    for n, ((_, line), code) in enumerate(zip(lines, in_code(lines), strict=True)):
        if code or HEADING.match(line):
            runs.append([])
            continue
        m = _TURN.match(line.strip())
        if m and not (QN.match(line) or ANSWER_LABEL.match(line)):
            runs[-1].append((n, m.group("who").strip().lower(), m.group("said")))
    return [r for r in runs if r]


def _asker(run: list[tuple[int, str, str]]) -> str | None:
    """The speaker who asks: two speakers take turns, one of them asks in every turn (twice or
    more) and the other does not."""
    speakers = {who for _, who, _ in run}
    if len(speakers) != 2 or any(a[1] == b[1] for a, b in zip(run, run[1:], strict=False)):
        return None
    for who in speakers:
        mine = [said for _, w, said in run if w == who]
        theirs = [said for _, w, said in run if w != who]
        if len(mine) >= 2 and all(map(_asks, mine)) and not all(map(_asks, theirs)):
            return who
    return None


def label_dialogues(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each question-and-answer dialogue's turns relabelled `**Q:**` (the asker's) and
    `**A:**` (the other speaker's)."""
    out = list(lines)
    for run in _runs(lines):
        asker = _asker(run)
        if asker is None:
            continue
        for n, who, said in run:
            text = said.strip(_QUOTES) if who == asker else said
            out[n] = (lines[n][0], f"**{'Q' if who == asker else 'A'}:** {text}")
    return out
