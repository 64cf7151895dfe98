"""LaTeX notes (`.tex`) read as the Markdown they stand for, with pylatexenc (nothing is run or
compiled, no file is read): `\\section{…}` and its kin are headings, `itemize` / `enumerate`
items are list items, `\\textbf` / `\\emph` / `\\texttt` are emphasis and code, maths stays as
written, `verbatim` / `lstlisting` blocks are code, figures keep their captions, and citations,
labels and cross-references print nothing. The preamble gives only the title. Each paragraph or
environment is converted on its own, so every item cites the source line it starts on.

Beamer slides read as the slides show them: a frame's title is a heading under the sections, a
`block`'s title a bold label over its text (so a block titled "Answer" answers), `\\note`s are text,
and overlay specifications (`\\item<2->`, `\\only<3>{…}`, `\\pause`) only time what is shown: the
text is kept, the specification dropped."""

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
           "thispagestyle", "titlepage", "pause", "framesubtitle")  # fmt: skip
_FRAME_LEVEL = 4  # a frame's title, under \section (##) and \subsection (###)
_BLOCKS = ("block", "alertblock", "exampleblock")  # Beamer's boxes, each under a title
# An overlay specification after a command or an environment's name: `\item<2->`, `\only<1,3>`,
# `\begin{block}<2->`, `\alert<+->`. Only what Beamer allows inside one is matched.
_OVERLAY = re.compile(
    r"(\\[A-Za-z]+\*?|\\begin\{[A-Za-z*]+\})\s*<(?=[^<>]*[\d+])[\d\s,+\-|.:@a-z()]*>"
)
_FRAME_START = re.compile(r"\s*\\(?:begin\s*\{frame\}|frame\s*\{)")
_FRAME = re.compile(r"\\begin\s*\{frame\}\s*(?:\[[^\]]*\]\s*)?")
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
# A list item as pylatexenc prints it outside a list ("  * text"), written as Markdown's.
_ITEM = re.compile(r"^\s*\*\s+")
# A nested list's line, marked so its indentation outlives the stripping of pylatexenc's own
# (of quotes and abstracts, which Markdown would read as code); four spaces a level in the end.
_NESTED = "\x01"


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
    from pylatexenc.latexwalker import LatexMacroNode

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

    def paragraph(node, l2tobj) -> str:
        return f"\n\n{_last_arg_text(node, l2tobj)}\n\n"

    def listing(numbered: bool):
        def text(node, l2tobj) -> str:
            items: list[tuple[object, list]] = []
            for child in node.nodelist:
                if child.isNodeType(LatexMacroNode) and child.macroname == "item":
                    items.append((child, []))
                elif items:
                    items[-1][1].append(child)
            lines = []
            for n, (item, body) in enumerate(items, start=1):
                term = _last_arg_text(item, l2tobj)  # a description's `\item[Term]`
                said = l2tobj.nodelist_to_text(body).strip("\n").split("\n")
                first = " ".join(x for x in (f"**{term}**" if term else "", said[0].strip()) if x)
                lines.append(f"{n}. {first}" if numbered else f"- {first}")
                lines += [_NESTED + line if line.strip() else "" for line in said[1:]]
            return "\n\n" + "\n".join(lines) + "\n\n"

        return text

    def block(node, l2tobj) -> str:
        label = _last_arg_text(node, l2tobj)
        text = l2tobj.nodelist_to_text(node.nodelist).strip()
        return f"\n\n**{label}**\n\n{text}\n\n" if label else f"\n\n{text}\n\n"

    macros = [MacroTextSpec(name, simplify_repl=heading(k)) for name, k in _LEVELS.items()]
    macros += [MacroTextSpec("textbf", wrap("**")), MacroTextSpec("emph", wrap("*")),
               MacroTextSpec("textit", wrap("*")), MacroTextSpec("texttt", wrap("`"))]  # fmt: skip
    macros += [MacroTextSpec(name, discard=True) for name in _SILENT]
    macros += [MacroTextSpec("frametitle", simplify_repl=heading(_FRAME_LEVEL)),
               MacroTextSpec("note", simplify_repl=paragraph)]  # fmt: skip
    environments = [EnvironmentTextSpec(name, simplify_repl=code) for name in _VERBATIM]
    environments += [EnvironmentTextSpec(name, simplify_repl=answer(label))
                     for name, label in _ANSWERS.items()]  # fmt: skip
    environments += [EnvironmentTextSpec(name, simplify_repl=block) for name in _BLOCKS]
    environments += [EnvironmentTextSpec(name, simplify_repl=listing(name == "enumerate"))
                     for name in ("itemize", "enumerate", "description")]  # fmt: skip
    macros += [MacroTextSpec("column", discard=True)]
    context = get_default_latex_context_db()
    context.add_context_category("studybot", macros=macros, environments=environments,
                                 prepend=True)  # fmt: skip
    return LatexNodes2Text(math_mode="verbatim", latex_context=context)


@cache
def _parsing():
    """The parser's context: the default one, plus the arguments Beamer's commands take."""
    from pylatexenc.latexwalker import get_default_latex_context_db
    from pylatexenc.macrospec import EnvironmentSpec, MacroSpec

    context = get_default_latex_context_db()
    macros = [MacroSpec(name, "[{") for name in ("frametitle", "framesubtitle", "note", "column")]
    environments = [EnvironmentSpec(name, "{") for name in _BLOCKS]
    # Layout boxes whose arguments are placement and widths (`\begin{column}{0.5\textwidth}`).
    environments += [EnvironmentSpec("columns", "["), EnvironmentSpec("column", "[{"),
                     EnvironmentSpec("minipage", "[[[{")]  # fmt: skip
    context.add_context_category("beamer", macros=macros, environments=environments,
                                 prepend=True)  # fmt: skip
    return context


def _to_markdown(latex: str) -> str:
    try:
        return _converter().latex_to_text(latex, latex_context=_parsing())
    except RecursionError:
        raise LoadError("LaTeX nested too deeply to read") from None


def _beamer(text: str) -> str:
    """Beamer's shorthand written out: overlay specifications dropped, and a frame's title given
    as an argument (`\\begin{frame}[fragile]{Title}{Subtitle}`) written as `\\frametitle{Title}`."""
    text = _OVERLAY.sub(r"\1", text)
    out, at = [], 0
    for m in _FRAME.finditer(text):
        out.append(text[at : m.start()])
        at = m.end()
        if text[at : at + 1] == "{" and (close := _closing(text, at)) is not None:
            title = text[at : close + 1]
            out.append("\\begin{frame}\\frametitle" + title + "\n" * m[0].count("\n"))
            at = close + 1
        else:
            # options dropped, line breaks kept; its title comes as \frametitle, or not at all
            out.append("\\begin{frame}" + "\n" * m[0].count("\n"))
    return "".join(out) + text[at:]


def _closing(text: str, start: int) -> int | None:
    """Index of the brace that closes the one at `start` (escaped braces, `\\{`, aside)."""
    depth, n = 0, start
    while n < len(text):
        if text[n] == "\\":
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[n], 0)
        if depth == 0:
            return n
        n += 1
    return None


def _blocks(lines: list[str], start: int, end: int) -> list[tuple[int, list[str]]]:
    """Paragraphs of the body, an environment (however many blank lines it spans) kept whole:
    (index of its first line, its lines)."""
    out: list[tuple[int, list[str]]] = []
    block: list[str] = []
    first, depth, verbatim = start, 0, None
    for n in range(start, end):
        line = lines[n]
        if block and depth <= 0 and not verbatim and _FRAME_START.match(line):
            out.append((first, block))  # a frame is a block of its own, blank lines or not
            block = []
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
    close = _closing(preamble, m.end() - 1)
    end = close if close is not None else len(preamble) - 1  # unclosed: all but the last
    return " ".join(_to_markdown(preamble[m.end() : end]).split())


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


def _indented(line: str) -> str:
    depth = len(line) - len(line.lstrip(_NESTED))
    return "    " * depth + line[depth:] if depth else line


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
    lines = _numbered_refs(_beamer(text)).split("\n")
    begin = next((n for n, ln in enumerate(lines) if "\\begin{document}" in ln), None)
    start = begin + 1 if begin is not None else 0
    end = next((n for n in range(start, len(lines)) if "\\end{document}" in lines[n]), len(lines))
    out: Lines = []
    if begin is not None and (title := _title("\n".join(lines[:begin]))):
        out += [(1, f"# {title}"), (1, "")]
    for first, block in _blocks(lines, start, end):
        converted = _to_markdown("\n".join(block)).split("\n")
        # pylatexenc indents quotes and abstracts, which Markdown would read as code
        out += [(first + 1, _indented(_ITEM.sub("- ", ln))) for ln in _code_kept(converted)]
    if not any(ln.strip() for _, ln in out):
        raise LoadError("no text in this LaTeX file")
    return out
