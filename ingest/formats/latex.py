"""LaTeX notes (`.tex`) read as the Markdown they stand for, with pylatexenc (nothing is run or
compiled, no file is read): `\\section{…}` and its kin are headings, `itemize` / `enumerate`
items are list items, `\\textbf` / `\\emph` / `\\texttt` are emphasis and code, maths stays as
written, `verbatim` / `lstlisting` blocks are code, figures keep their captions, and citations,
labels and cross-references print nothing. The preamble gives only the title. Each paragraph or
environment is converted on its own, so every item cites the source line it starts on."""

from __future__ import annotations

import re
from functools import cache

from core.errors import LoadError

Lines = list[tuple[int, str]]

_COMMENT = re.compile(r"(?<!\\)%.*$")
_ENV = re.compile(r"\\(begin|end)\s*\{([^}]*)\}")
_VERBATIM = {"verbatim", "verbatim*", "lstlisting", "minted"}
_TITLE = re.compile(r"\\title\s*(?:\[[^\]]*\])?\s*\{")
_LEVELS = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4,
           "paragraph": 5}  # fmt: skip
_SILENT = ("cite", "citep", "citet", "label", "ref", "eqref", "autoref", "cref", "Cref",
           "maketitle", "today", "includegraphics", "bibliography", "bibliographystyle",
           "tableofcontents", "newpage", "clearpage", "vspace", "hspace", "pagestyle",
           "thispagestyle")  # fmt: skip
# A list item as pylatexenc prints it ("  * text", "  1. text"), written as Markdown's.
_ITEM = re.compile(r"^\s*\*\s+")


def _last_arg_text(node, l2tobj) -> str:
    args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
    return " ".join(l2tobj.nodelist_to_text([args[-1]]).split()) if args else ""


@cache
def _converter():
    from pylatexenc.latex2text import (
        EnvironmentTextSpec,
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )

    def heading(level: int):
        return lambda node, l2tobj: f"\n\n{'#' * level} {_last_arg_text(node, l2tobj)}\n\n"

    def wrap(mark: str):
        def text(node, l2tobj) -> str:
            inner = _last_arg_text(node, l2tobj)
            return f"{mark}{inner}{mark}" if inner else ""

        return text

    def code(node, l2tobj) -> str:
        body = node.latex_verbatim().split("\n", 1)[-1].rsplit("\\end", 1)[0]
        return "\n```\n" + body.rstrip("\n") + "\n```\n"

    macros = [MacroTextSpec(name, simplify_repl=heading(k)) for name, k in _LEVELS.items()]
    macros += [MacroTextSpec("textbf", wrap("**")), MacroTextSpec("emph", wrap("*")),
               MacroTextSpec("textit", wrap("*")), MacroTextSpec("texttt", wrap("`"))]  # fmt: skip
    macros += [MacroTextSpec(name, discard=True) for name in _SILENT]
    environments = [EnvironmentTextSpec(name, simplify_repl=code) for name in _VERBATIM]
    context = get_default_latex_context_db()
    context.add_context_category("studybot", macros=macros, environments=environments,
                                 prepend=True)  # fmt: skip
    return LatexNodes2Text(math_mode="verbatim", latex_context=context)


def _to_markdown(latex: str) -> str:
    try:
        return _converter().latex_to_text(latex)
    except RecursionError:
        raise LoadError("LaTeX nested too deeply to read") from None


def _blocks(lines: list[str], start: int, end: int) -> list[tuple[int, list[str]]]:
    """Paragraphs of the body, an environment (however many blank lines it spans) kept whole:
    (index of its first line, its lines)."""
    out: list[tuple[int, list[str]]] = []
    block: list[str] = []
    first, depth, verbatim = start, 0, None
    for n in range(start, end):
        line = lines[n]
        if not block:
            first = n
        block.append(line)
        bare = line if verbatim else _COMMENT.sub("", line)
        for kind, name in _ENV.findall(bare):
            if verbatim and not (kind == "end" and name == verbatim):
                continue
            if kind == "begin" and name in _VERBATIM:
                verbatim = name
            elif kind == "end" and name == verbatim:
                verbatim = None
            depth += 1 if kind == "begin" else -1
        if not line.strip() and depth <= 0 and not verbatim:
            depth = 0
            out.append((first, block))
            block = []
    if block:
        out.append((first, block))
    return out


def _title(preamble: str) -> str:
    m = _TITLE.search(preamble)
    if not m:
        return ""
    depth, end = 1, m.end()
    while end < len(preamble) and depth:
        depth += {"{": 1, "}": -1}.get(preamble[end], 0)
        end += 1
    return " ".join(_to_markdown(preamble[m.end() : end - 1]).split())


def _code_kept(lines: list[str]) -> list[str]:
    """Lines with their indentation removed, except inside code fences."""
    out, code = [], False
    for line in lines:
        if line.strip().startswith("```"):
            code = not code
            out.append(line.strip())
        else:
            out.append(line.rstrip() if code else line.strip())
    return out


def latex_lines(text: str) -> Lines:
    """`(line, text)` pairs of the Markdown a LaTeX file stands for, each numbered by the
    source line its paragraph or environment starts on."""
    lines = text.split("\n")
    begin = next((n for n, ln in enumerate(lines) if "\\begin{document}" in ln), None)
    start = begin + 1 if begin is not None else 0
    end = next((n for n in range(start, len(lines)) if "\\end{document}" in lines[n]), len(lines))
    out: Lines = []
    if begin is not None and (title := _title("\n".join(lines[:begin]))):
        out += [(1, f"# {title}"), (1, "")]
    for first, block in _blocks(lines, start, end):
        converted = _to_markdown("\n".join(block)).split("\n")
        # pylatexenc indents quotes and abstracts, which Markdown would read as code
        out += [(first + 1, _ITEM.sub("- ", ln)) for ln in _code_kept(converted)]
    if not any(ln.strip() for _, ln in out):
        raise LoadError("no text in this LaTeX file")
    return out
