"""Whole-document looks that one line cannot give: which headings ask a question that their
body answers, which quoted list items are example prompts."""

from __future__ import annotations

import re

from ingest.lines import BULLET, FENCE, HEADING, OPTION, QN, Lines
from ingest.questions import is_question, is_quoted, question_text, reads_as_question

# `Q12.` / `Question 3:` before a heading's text says it is a question, whatever the wording.
_Q_NUMBER = re.compile(r"^\W*(?:Q|Question)\s*\d{1,4}\s*[.):]", re.I)
_NUMBER = re.compile(r"^\W*\d{1,4}\s*[.):]")
_SKIPPABLE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|\|.*\|)\s*$")


def offers_options(body: list[str]) -> bool:
    """The body opens (after any image or table) with two or more multiple-choice options."""
    options = 0
    for line in body:
        if not line.strip() or _SKIPPABLE.match(line):
            continue
        if not OPTION.match(line):
            break
        options += 1
    return options >= 2


def _asks(title: str, body: list[str], bank: bool) -> bool:
    text = question_text(title)
    if is_question(text) and ("?" in text or bank or _NUMBER.match(title)):
        return True
    if _Q_NUMBER.match(title) or offers_options(body):
        return True
    # "13. Define variance", "How Do You Handle Missing Data": in a bank of questions only.
    return (bank or bool(_NUMBER.match(title))) and reads_as_question(text)


def _lists_questions(body: list[str]) -> bool:
    """The body is a list of questions (the heading names their topic), not an answer."""
    asks = [bool((m := BULLET.match(ln)) and "?" in m.group("text")) for ln in body if ln.strip()]
    return sum(asks) >= 2 and (asks[0] or 2 * sum(asks) >= len(asks))


def question_headings(lines: Lines) -> set[int]:
    """Indexes of headings that ask a question answered by their body: the title asks (see
    `_asks`) and the body holds no questions of its own (else the heading is a section)."""
    heads: list[tuple[int, int, str]] = []
    in_fence = False
    for i, (_, raw) in enumerate(lines):
        if FENCE.match(raw):
            in_fence = not in_fence
        elif not in_fence and (m := HEADING.match(raw)):
            heads.append((i, len(m.group(1)), m.group(2)))
    # A level at which most headings end in "?" is a bank: its imperatives ask too.
    by_level: dict[int, list[bool]] = {}
    for _, level, title in heads:
        by_level.setdefault(level, []).append("?" in title)
    banks = {
        lv for lv, marks in by_level.items() if len(marks) >= 3 and 2 * sum(marks) >= len(marks)
    }
    out = set()
    for n, (i, level, title) in enumerate(heads):
        end = next((j for j, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
        body = [ln for _, ln in lines[i + 1 : end]]
        if not _asks(title, body, level in banks):
            continue
        if any(lv > level and is_question(question_text(t)) for j, lv, t in heads if i < j < end):
            continue
        nested = any(
            QN.match(ln) or ln.lstrip().startswith(("??? question", "???+ question")) for ln in body
        )
        if not nested and not _lists_questions(body):
            out.add(i)
    return out


def prompt_runs(lines: Lines) -> set[int]:
    """Indexes of quoted list items that are example prompts: two or more in a row at one
    indent, under a label or paragraph (under a list question they are its options), most
    reading as questions ("Example prompts:" / - "Walk me through …" / - "Design …")."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        run, indent = [], None
        j = i
        while j < len(lines):
            m = BULLET.match(lines[j][1])
            if not lines[j][1].strip() and run:
                j += 1
                continue
            if not m or not is_quoted(m.group("text")) or indent not in (None, m.group("indent")):
                break
            indent = m.group("indent")
            run.append((j, m.group("text")))
            j += 1
        above = next((ln for _, ln in reversed(lines[:i]) if ln.strip()), "")
        asking = sum(reads_as_question(question_text(t)) for _, t in run)
        if len(run) >= 2 and not BULLET.match(above) and 2 * asking >= len(run):
            out.update(n for n, _ in run)
        i = max(j, i + 1)
    return out
