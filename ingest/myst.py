"""MyST directives read as the page prints them, before a Markdown document is parsed: a box
(`:::{note} Title`, ```` ```{dropdown} ````, `:::{exercise}`) is its title and its text, without
fences or options, and a box titled by a question (`:::{discussion} Why …?`) is that question,
answered by its text; sphinx-exercise's gated exercises (`{exercise-start}` … `{exercise-end}`,
then `{solution-start}` … `{solution-end}`) are an exercise's text over the `{solution}` fold
answers.py reads; a directive's options (`:label: ex1`, `:tags: [hide-input]`) and a MyST
notebook's cell breaks (`+++ {"id": …}`) print nothing. Answer folds (`:::{solution}`,
`:::{note} Show answer`) and directives whose body is not Markdown (code cells, math, figures)
are left as they are. Every kept line keeps its location."""

from __future__ import annotations

import re

from ingest.answers import DIRECTIVE, DIRECTIVE_OPTION, answer_fold
from ingest.lines import FENCE

Lines = list[tuple[int, str]]

_CELL_BREAK = re.compile(r"^\+\+\+(?:\s*\{.*\})?\s*$")  # jupytext's MyST notebook cell break
# Boxes whose body is Markdown: Sphinx's admonitions, sphinx-design's, sphinx-exercise's and
# sphinx-proof's (`prf:theorem`), MyST's asides.
_BOXES = re.compile(
    r"(?:prf:\w+|admonition|attention|caution|danger|error|hint|important|note|seealso|tip"
    r"|todo|warning|versionadded|versionchanged|deprecated|dropdown|card|grid-item-card"
    r"|tab-item|exercise|topic|sidebar|margin|epigraph|pull-quote|highlights"
    # sphinx-lesson's (the CodeRefinery and ENCCS lessons)
    r"|discussion|challenge|callout|objectives|instructor-note|keypoints|prerequisites|questions"
    r"|type-along|demo|homework|checklist|output)",
    re.I,
)
_GATED = {"exercise-start", "exercise-end", "solution-start", "solution-end"}
# The fold a gated solution is written as: longer than any fence a solution holds.
_FOLD = "::::::::"


def _fence_run(line: str, char: str) -> int:
    """The length of the run of `char` a bare fence line is (nothing else on it), else 0."""
    s = line.strip()
    return len(s) if s and s == char * len(s) else 0


def closing(lines: Lines, n: int) -> int | None:
    """The index of the line that closes the directive or code block opened at line `n`: the
    first bare run of its fence character at least as long as its fence, outside the fences
    opened inside it."""
    fence = re.match(r"\s*(:{3,}|`{3,}|~{3,})", lines[n][1])[1]
    char, inner = fence[0], []
    for k in range(n + 1, len(lines)):
        line = lines[k][1]
        run = _fence_run(line, char)
        if run and inner and run >= inner[-1]:
            inner.pop()
        elif run >= len(fence):
            return k
        elif line.lstrip().startswith(char * 3) and not run:
            inner.append(len(line.lstrip()) - len(line.lstrip().lstrip(char)))
    return None


def _options_end(lines: Lines, k: int) -> int:
    """The first line after a directive's options (`:key: value` lines, or a `---` YAML block)
    starting at line `k`."""
    if k < len(lines) and lines[k][1].strip() == "---":
        end = next((j for j in range(k + 1, len(lines)) if lines[j][1].strip() == "---"), None)
        return k if end is None else end + 1
    while k < len(lines) and DIRECTIVE_OPTION.match(lines[k][1]):
        k += 1
    return k


def unwrap_myst(lines: Lines) -> Lines:
    """A MyST document's directives read as the page prints them (see the module's doc)."""
    if not any(DIRECTIVE.match(line) for _, line in lines):
        return lines
    notebook = any((m := DIRECTIVE.match(ln)) and m["name"] == "code-cell" for _, ln in lines)
    out: Lines = []
    drop: set[int] = set()  # closing fences of unwrapped boxes
    asked: dict[int, int] = {}  # closing fence of a box titled by a question → its body in `out`
    n = 0
    while n < len(lines):
        loc, line = lines[n]
        m = DIRECTIVE.match(line)
        if n in asked:  # the answer is the box's text: indented under its question
            out[asked[n] :] = [(k, f"    {t}" if t.strip() else t) for k, t in out[asked[n] :]]
        if n in drop or notebook and _CELL_BREAK.match(line):
            out.append((loc, ""))
            n += 1
            continue
        if m is None:
            fenced = FENCE.match(line) and closing(lines, n)
            out.extend(lines[n : (fenced or n) + 1])  # a code block: as written
            n = (fenced or n) + 1
            continue
        name, title, end = m["name"].lower(), m["title"].strip(), _options_end(lines, n + 1)
        close = closing(lines, n)
        if name in _GATED and close is not None:
            # An empty directive that only marks where an exercise or its solution starts or ends.
            mark = {"solution-start": _FOLD + "{solution}", "solution-end": _FOLD}.get(name, title)
            out.append((loc, mark))
            n = close + 1
        elif _BOXES.fullmatch(name) and close is not None and answer_fold(line) is None:
            if title.endswith("?"):  # a box titled by a question: its text answers it
                title, asked[close] = f'??? question "{title}"', len(out) + 1
            out.extend([(loc, title), (loc, "")] if title else [(loc, "")])
            drop.add(close)
            n = end
        elif m["fence"][0] == "`" and close is not None:  # code, math: as written
            out.append((loc, line))
            out.extend(lines[end : close + 1])  # without its options
            n = close + 1
        else:  # an answer fold, a figure: as written, without its options
            out.append((loc, line))
            n = end
    return out
