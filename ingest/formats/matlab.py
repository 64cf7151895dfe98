"""MATLAB and Octave scripts kept as notes (`.m`): code sections opened by `%%` lines, whose
titles and the `%` comment lines right under them are the text MATLAB's "Publish" renders
(its markup: `* item`, `# item`, `*bold*`, `|mono|`, `<url text>` links, `<<image>>`), read as
Markdown cells between the code. Nothing is run. A script without sections is a program, not
notes (the sections are what `discover` looks for)."""

from __future__ import annotations

import re

from core.errors import LoadError
from ingest.formats.plaintext_markup import BOLD_STARS

# A section break: "%%" alone or "%% Title" (not "%%%" nor "%%{", which are comments).
_SECTION = re.compile(r"^\s*%%(?:\s+(?P<title>.*?))?\s*$")
_TITLE_RULE = re.compile(r"^[=\-*#~_\s]+|[=\-*#~_\s]+$")  # "%% ===== Part 1: Load ====="
_COMMENT = re.compile(r"^\s*%(?![%{}])(?P<text> ?.*)$")
_LIST = re.compile(r"^(?P<mark>[*#]) (?=\S)")
_LINK = re.compile(
    r"<(?:https?|mailto|matlab):[^\s>]*\s+([^>]+)>|<<[^>]*>>|<(?:https?|mailto):[^>]*>"
)
_MONO = re.compile(r"\|(?=\S)([^|\n]+?)(?<=\S)\|")


def looks_like_live_script(text: str) -> bool:
    """A script in sections, as course notes and published examples are kept."""
    return any(_SECTION.match(line) for line in text.split("\n"))


def matlab_cells(text: str) -> dict:
    """The script as an nbformat-like dict: a Markdown cell per section's title and text, a
    code cell per section's code."""
    if not looks_like_live_script(text):
        raise LoadError(
            "a MATLAB program, not notes: studybot reads a .m file in %% sections (a script "
            "its author publishes)"
        )
    cells: list[dict] = []
    markdown: list[str] = []
    code: list[str] = []
    in_text = False  # under a section break, before the section's first code line

    def flush() -> None:
        for kind, lines in (("markdown", markdown), ("code", code)):
            if "\n".join(lines).strip():
                cells.append({"cell_type": kind, "source": "\n".join(lines).strip("\n")})
            lines.clear()

    for line in text.split("\n"):
        if section := _SECTION.match(line):
            flush()
            title = _TITLE_RULE.sub("", section["title"] or "")
            if title:
                markdown.append(("# " if not cells else "## ") + title)
            in_text = True
        elif in_text and (comment := _COMMENT.match(line)):
            markdown.append(_markup(comment["text"]))
        elif in_text and not line.strip() and not markdown:
            continue
        else:
            in_text = False
            code.append(line)
    flush()
    if not cells:
        raise LoadError("empty script: no section has text")
    return {"cells": cells, "metadata": {"language_info": {"name": "matlab"}}}


def _markup(text: str) -> str:
    """One line of publish markup as Markdown. A line indented two spaces past the `%` is
    preformatted text in MATLAB: kept as an indented (code) line."""
    if text.startswith("  ") and text.strip():
        return "    " + text.strip()
    text = text.strip()
    if m := _LIST.match(text):
        text = ("- " if m["mark"] == "*" else "1. ") + text[m.end() :]
    text = _LINK.sub(lambda m: m.group(1) or "", text)
    text = BOLD_STARS.sub(r"**\1**", text)
    return _MONO.sub(r"`\1`", text)
