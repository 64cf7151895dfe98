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
# Environments that answer what comes before them, printed under their label ("**Proof.** …")
# as a book prints them, so the answer reads as labelled.
_ANSWERS = {"proof": "Proof", "solution": "Solution", "sol": "Solution", "soln": "Solution",
            "answer": "Answer"}  # fmt: skip
# An equation numbered by hand, `\tag{2.2}\label{eq:2.2}`, and a reference to it, which prints
# the number (`\eqref` in parentheses), as text even when written alone in maths.
_TAGGED = re.compile(
    r"\\tag\*?\{([^}]*)\}\s*\\label\{([^}]*)\}|\\label\{([^}]*)\}\s*\\tag\*?\{([^}]*)\}"
)
_REF = re.compile(r"(\$)?\\(eq)?ref\{([^}]*)\}(?(1)\$)")  # alone in maths, `$\ref{…}$`
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

    def answer(label: str):
        def text(node, l2tobj) -> str:
            return f"\n\n**{label}.** {l2tobj.nodelist_to_text(node.nodelist).strip()}\n\n"

        return text

    macros = [MacroTextSpec(name, simplify_repl=heading(k)) for name, k in _LEVELS.items()]
    macros += [MacroTextSpec("textbf", wrap("**")), MacroTextSpec("emph", wrap("*")),
               MacroTextSpec("textit", wrap("*")), MacroTextSpec("texttt", wrap("`"))]  # fmt: skip
    macros += [MacroTextSpec(name, discard=True) for name in _SILENT]
    environments = [EnvironmentTextSpec(name, simplify_repl=code) for name in _VERBATIM]
    environments += [EnvironmentTextSpec(name, simplify_repl=answer(label))
                     for name, label in _ANSWERS.items()]  # fmt: skip
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


def _numbered_refs(text: str) -> str:
    """References to equations numbered by `\\tag` replaced by the numbers they print; others
    are left to the converter (which prints nothing for them)."""
    tags = {m[2] or m[3]: m[1] or m[4] for m in _TAGGED.finditer(text)}

    def number(m: re.Match) -> str:
        tag = tags.get(m[3])
        return m[0] if tag is None else f"({tag})" if m[2] else tag

    return _REF.sub(number, text)


def latex_lines(text: str) -> Lines:
    """`(line, text)` pairs of the Markdown a LaTeX file stands for, each numbered by the
    source line its paragraph or environment starts on."""
    lines = _numbered_refs(text).split("\n")
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
