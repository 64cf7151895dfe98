"""A paragraph set in bold as a whole reads as one bold line, as a reader sees it: a bold
question wrapped over several lines by the editor (`**There are inf values …!` / `Should I be
concerned?**`), two bold lines of one question, or bold runs split around a few words of code
(`**My provided** pool **is crashing?**`) because reStructuredText cannot nest markup inside bold.
The parser's bold-question rules read single lines; this pass gives them the whole paragraph.
And a question or answer label set in italics (`*Q: Why is training slow?*`, `*A:* Because …`)
reads as the bold label the label rules know."""

from __future__ import annotations

import re
from itertools import groupby

from ingest.lines import BULLET, HEADING, in_code

# A paragraph of bold runs: it opens and closes with `**`, and between runs stands at most a
# few words (a role or literal the author could not set in bold), never a sentence's end.
_RUNS = re.compile(r"\*\*(?P<run>[^*\s](?:[^*]*[^*\s])?)\*\*")
_BETWEEN = re.compile(r"\s*(?:[^\s.!?*。！？：]+\s*){0,3}")
MAX_BETWEEN = 24  # characters: a role or a literal, not a clause
MAX_LINES = 5


def join_bold_paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each paragraph outside code that is wholly bold runs, over two to five lines or split
    around a few words of code, as one `**…**` line at its first line's location."""
    out: list[tuple[int, str]] = []
    marked = zip(lines, in_code(lines), strict=True)
    for is_prose, run in groupby(marked, key=lambda m: bool(m[0][1].strip()) and not m[1]):
        para = [line for line, _ in run]
        joined = _bold_paragraph([text for _, text in para]) if is_prose else None
        out += para if joined is None else [(para[0][0], joined)]
    return out


def _bold_paragraph(para: list[str]) -> str | None:
    """`para` as one bold line, or None when it is not a paragraph of bold runs that needs
    joining (one line of one run is already what the parser reads)."""
    if len(para) > MAX_LINES or any(HEADING.match(ln) or BULLET.match(ln) for ln in para):
        return None
    text = " ".join(ln.strip() for ln in para)
    if not (text.startswith("**") and text.endswith("**")):
        return None
    runs, at, parts = list(_RUNS.finditer(text)), 0, []
    for m in runs:
        between = text[at : m.start()]
        if at and not (_BETWEEN.fullmatch(between) and len(between.strip()) <= MAX_BETWEEN):
            return None
        parts += [between.strip(), m["run"]] if at else [m["run"]]
        at = m.end()
    if not runs or runs[0].start() != 0 or at != len(text):
        return None
    if len(para) == 1 and len(runs) == 1:
        return None
    return "**" + " ".join(p for p in parts if p) + "**"


# `*Q: question*`, `_Q:_ question`, `*A:* answer`, `*Answer:*answer`: a label in italics.
_ITALIC_LABEL = re.compile(
    r"^(?P<indent>\s*)(?P<mark>[*_])(?P<label>Q|A|Question|Answer)\s*:\s*"
    r"(?:(?P=mark)\s*(?P<after>\S.*)|(?P<inside>\S.*?)\s*(?P=mark))\s*$"
)


def bold_italic_labels(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Question and answer labels set in italics, outside code, written as bold labels."""
    code = in_code(lines)
    out = []
    for n, (loc, line) in enumerate(lines):
        m = None if code[n] else _ITALIC_LABEL.match(line)
        if m:
            line = f"{m['indent']}**{m['label']}:** {m['after'] or m['inside']}"
        out.append((loc, line))
    return out
