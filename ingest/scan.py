"""Whole-document looks that one line cannot give: which headings ask a question that their
body answers."""

from __future__ import annotations

from ingest.lines import BULLET, FENCE, HEADING, QN, Lines
from ingest.questions import is_question, question_text


def question_headings(lines: Lines) -> set[int]:
    """Indexes of headings that ask a question answered by their body: the title is a
    question and the body holds no questions of its own (else the heading is a section)."""
    heads: list[tuple[int, int, str]] = []
    in_fence = False
    for i, (_, raw) in enumerate(lines):
        if FENCE.match(raw):
            in_fence = not in_fence
        elif not in_fence and (m := HEADING.match(raw)):
            heads.append((i, len(m.group(1)), m.group(2)))
    out = set()
    for n, (i, level, title) in enumerate(heads):
        if not is_question(question_text(title)):
            continue
        end = next((j for j, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
        if any(lv > level and is_question(question_text(t)) for j, lv, t in heads if i < j < end):
            continue
        body = [ln for _, ln in lines[i + 1 : end]]
        asks = sum(1 for ln in body if (m := BULLET.match(ln)) and "?" in m.group("text"))
        nested = any(
            QN.match(ln) or ln.lstrip().startswith(("??? question", "???+ question")) for ln in body
        )
        if not nested and asks < 2:
            out.add(i)
    return out
