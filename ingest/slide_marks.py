"""The marks of Markdown slide decks (remark.js, reveal.js, Slidev, Marp) that a deck shows as
nothing: a `???` line opens the presenter notes (the notes are text, the mark is not); `. . .`
pauses (Pandoc, Quarto); a `--`
line alone steps an incremental slide (after a blank line, or anywhere in a deck that shows
remark's marks: elsewhere it may underline a heading); a slide's properties (`class: center,
middle`, `name: intro`) sit on its first lines; and a content class wraps text (`.left-column[`
… `]`, and in a deck that shows remark's marks `.footnote[text]` inside a line): the text
stays, the wrapper goes. Slides themselves are parted by `---`, a thematic break, which Markdown
already reads."""

from __future__ import annotations

import re

from ingest.lines import THEMATIC_BREAK, Lines, in_code

_NOTES = re.compile(r"^\s*\?\?\?\s*$")
_STEP = re.compile(r"^\s*--\s*$")
_PAUSE = re.compile(r"^\s*\.\s\.\s\.\s*$")  # Pandoc's and Quarto's pause: `. . .` alone
# remark's slide properties, its documented names; they stand first on a slide.
_PROPERTY = re.compile(
    r"^(?:name|class|layout|template|count|exclude|background-(?:image|color|size|position))"
    r"\s*:\s*\S.*$"
)
_OPEN_CLASS = re.compile(r"^\s*\.[A-Za-z][\w-]*\[\s*$")
_CLOSE_CLASS = re.compile(r"^\s*\]\s*$")
_INLINE_CLASS = re.compile(r"(?<![\w\])])\.[A-Za-z][\w-]*\[([^\[\]\n]*)\]")


def drop_slide_marks(lines: Lines) -> Lines:
    """Lines without the marks above, each kept line at its location."""
    code = in_code(lines)
    remark = any(
        not code[n] and (_NOTES.match(text) or _OPEN_CLASS.match(text))
        for n, (_, text) in enumerate(lines)
    )  # else `.loc[0]` in a pandas note is code, not a class
    out: Lines = []
    open_classes = 0
    slide_start = True  # the first line of the file, or of a slide after its `---`
    for n, (loc, text) in enumerate(lines):
        if code[n]:
            out.append((loc, text))
            slide_start = False
            continue
        blank_before = not out or not out[-1][1].strip()
        if slide_start and _PROPERTY.match(text):
            continue  # still the slide's start: more properties may follow
        slide_start = bool(THEMATIC_BREAK.match(text)) and text.strip().startswith("-")
        if (
            _NOTES.match(text)
            or _PAUSE.match(text)
            or _STEP.match(text)
            and (blank_before or remark)
        ):
            continue
        if _OPEN_CLASS.match(text):
            open_classes += 1
            continue
        if open_classes and _CLOSE_CLASS.match(text):
            open_classes -= 1
            continue
        out.append((loc, _INLINE_CLASS.sub(r"\1", text) if remark else text))
    return out
