"""R Markdown, Quarto and bookdown as they knit. Each line keeps its location.

- A code chunk's header names its engine and knitting options (```` ```{r load, eval = FALSE} ````):
  the engine is the block's language (```` ```r ````); the options say how to knit, not what
  the page shows.
- An `asis` chunk prints its text as Markdown: it is text, not code. Quarto's option lines at
  the top of a chunk (`#| echo: false`) are options too.
- An empty heading (`##` alone) is numbered by bookdown ("1.2") and titles the item under it.
- A lab whose setup chunk shows its chunks only with the answers (`opts_chunk$set(include =
  params$answers)`) is an answer key: under each item, its chunks are the answer, folded as an
  exercise's solution; the text before them states the task.
"""

from __future__ import annotations

import re

from ingest.lines import HEADING, Lines

# ```{r}, ```{r setup, echo = FALSE}, ```{python}: a chunk header naming a knitr or Quarto engine
# (MyST's directives, ```{glossary} or ```{code-cell}, look alike and are read elsewhere).
_ENGINES = (
    "r|python|py|sql|bash|sh|zsh|julia|stan|rcpp|cpp|c|js|ojs|node|mermaid|dot|asis|css|sas|scala"
    "|octave|perl|ruby|awk|sed|d3|tikz|bibtex|fortran|go|rust|powershell|cmd|matlab|mysql|psql"
)
_CHUNK = re.compile(
    rf"^(?P<fence>\s*(?:`{{3,}}|~{{3,}}))\{{(?P<engine>{_ENGINES})\b[^}}]*\}}\s*$", re.I
)
_EMPTY_HEADING = re.compile(r"^(#{1,6})\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


# The setup chunk of an answer key: chunks shown only when a parameter asks for the answers.
_GATED = re.compile(r"opts_chunk\$set\([^)]*\b(?:include|echo)\s*=\s*params\$", re.S)
# A chunk that prints nothing, or the setup chunk itself.
_SILENT = re.compile(r"\b(?:include|echo)\s*=\s*(?:FALSE|F)\b|^\s*\S+\{r\s+setup\b")


def knit(lines: Lines) -> Lines:
    """Chunk headers as languages, `asis` chunks as text, empty headings numbered, an answer
    key's chunks folded as answers."""
    gated = bool(_GATED.search("\n".join(line for _, line in lines)))
    out = _fold_answers(lines) if gated else list(lines)
    close: str | None = None  # the fence that closes the code block we are in
    asis = knitted = False  # an asis chunk; a chunk whose option lines (`#| …`) may follow
    header = 0  # the line the open chunk's fence is written on
    numbers: list[int] = []  # bookdown's section counters, by level
    for n, (loc, line) in enumerate(lines):
        if close is not None:
            if knitted and line.lstrip().startswith("#|"):
                # a Quarto chunk option, how to knit and no code shown: the fence moves down
                out[n], out[header] = (loc, out[header][1]), (lines[header][0], "")
                header = n
                continue
            knitted = False
            if line.strip() == close:
                close = None
                if asis:
                    out[n], asis = (loc, ""), False
            continue
        if m := _CHUNK.match(line):
            close, asis, knitted = m["fence"].strip(), m["engine"].lower() == "asis", True
            header = n
            out[n] = (loc, "" if asis else f"{m['fence']}{m['engine'].lower()}")
        elif fence := _FENCE.match(line):
            close = fence.group(1)
        elif (m := _EMPTY_HEADING.match(line)) or (m := HEADING.match(line)):
            level = len(m.group(1))
            numbers = [*numbers[:level], *[0] * (level - len(numbers))]
            numbers[level - 1] += 1
            if _EMPTY_HEADING.match(line):
                number = ".".join(str(k) for k in numbers if k) or "1"
                out[n] = (loc, f"{m.group(1)} {number}")
    return out


def _fold_answers(lines: Lines) -> list[tuple[int, str]]:
    """Under each heading, the chunks that print (from the first to the end of the last) in a
    `:::{solution}` fold, written on the blank lines around them."""
    out = list(lines)
    chunks: list[tuple[int, int]] = []  # (first line, closing line) under the current heading

    def fold() -> None:
        first, last = (chunks[0][0], chunks[-1][1]) if chunks else (0, len(lines))
        free = first > 0 and last + 1 < len(lines)
        if free and not (lines[first - 1][1] + lines[last + 1][1]).strip():
            out[first - 1] = (lines[first - 1][0], ":::{solution}")
            out[last + 1] = (lines[last + 1][0], ":::")
        chunks.clear()

    n = 0
    while n < len(lines):
        line = lines[n][1]
        if (m := _CHUNK.match(line)) and not _SILENT.search(line):
            fence = m["fence"].strip()
            close = next((k for k in range(n + 1, len(lines)) if lines[k][1].strip() == fence), 0)
            if not close:
                break
            chunks.append((n, close))
            n = close
        elif HEADING.match(line) or _EMPTY_HEADING.match(line):
            fold()
        n += 1
    fold()
    return out
