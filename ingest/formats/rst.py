"""reStructuredText → the Markdown lines the parser reads, through docutils.

Section titles become `#` headings at their depth, code and math blocks become fences, lists
stay lists, links become their text and inline literals keep Markdown backquotes. What prints
nothing a reader studies is left out: tables of contents (`.. contents::`), raw HTML, comments,
link targets, substitution definitions and admonition titles (`.. note::` prints a "Note"
label, not text). Directives and roles docutils does not know (Sphinx's `code-block`, `:ref:`,
`.. toctree::` …) keep their content as text (ingest/formats/rst_directives.py); a box titled
over a solution box is an exercise, its title a heading over a `:::{solution}` fold. Each line
keeps the source line it came from.
"""

from __future__ import annotations

import io
import re

from docutils import nodes
from docutils.core import publish_doctree

from core.errors import LoadError
from ingest.formats.rst_directives import answer_box, disclosure, exercise_box, register_unknown

Lines = list[tuple[int, str]]

_SKIPPED = (
    nodes.comment,
    nodes.raw,
    nodes.system_message,
    nodes.target,
    nodes.substitution_definition,
    nodes.pending,
    nodes.image,
    nodes.footnote_reference,
    nodes.citation_reference,
)
_SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "warning_stream": io.StringIO(),
    "file_insertion_enabled": False,  # `.. include::` must not read other files
    "doctitle_xform": False,  # keep the document title a section like any other
    "syntax_highlight": "none",
    "smart_quotes": False,
}


def rst_lines(text: str) -> Lines:
    """`(line, markdown)` pairs for a reStructuredText document."""
    register_unknown(text)
    try:
        doc = publish_doctree(
            text, settings_overrides=dict(_SETTINGS, warning_stream=io.StringIO())
        )
        out = _Writer()
        out.body(doc, depth=0)
    except RecursionError as exc:
        raise LoadError("reStructuredText nested too deeply to read; flatten it") from exc
    except Exception as exc:  # docutils raises many types on input it cannot parse
        raise LoadError(f"unreadable reStructuredText ({type(exc).__name__}: {exc})") from exc
    return out.lines


class _Writer:
    def __init__(self) -> None:
        self.lines: Lines = []
        self.loc = 1

    def emit(self, node: nodes.Node | None, text: str = "", indent: str = "") -> None:
        line = getattr(node, "line", None) if node is not None else None
        if line:
            self.loc = max(1, line)
        parts = text.split("\n")
        for k, part in enumerate(parts):
            self.lines.append((self.loc + k, f"{indent}{part}" if part else ""))
        self.loc += len(parts) - 1

    def blank(self) -> None:
        if self.lines and self.lines[-1][1]:
            self.lines.append((self.loc, ""))

    def body(self, node: nodes.Element, depth: int, indent: str = "") -> None:
        for child in node.children:
            self.block(child, depth, indent)

    def block(self, node: nodes.Node, depth: int, indent: str) -> None:
        if isinstance(node, _SKIPPED):
            return
        if isinstance(node, nodes.Element) and "contents" in node["classes"]:
            return  # a table of contents
        if isinstance(node, nodes.section):
            title = next((c for c in node.children if isinstance(c, nodes.title)), None)
            if title is not None:
                self.blank()
                line = (title.line or self.loc + 1) - 1  # docutils gives the underline's line
                self.loc = max(1, line)
                self.emit(None, f"{'#' * min(depth + 1, 6)} {inline(title)}")
                self.blank()
            for child in node.children:
                if child is not title:
                    self.block(child, depth + 1, indent)
            return
        if isinstance(node, nodes.title | nodes.subtitle):
            self.emit(node, f"{indent}**{inline(node)}**")
            self.blank()
            return
        if isinstance(node, nodes.paragraph | nodes.rubric):
            self.emit(node, inline(node), indent)
            self.blank()
            return
        if isinstance(node, nodes.literal_block | nodes.doctest_block):
            self.emit(node, "```", indent)
            self.emit(None, node.astext(), indent)
            self.emit(None, "```", indent)
            self.blank()
            return
        if isinstance(node, nodes.math_block):
            self.emit(node, "$$", indent)
            self.emit(None, node.astext().strip(), indent)
            self.emit(None, "$$", indent)
            self.blank()
            return
        if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            self.list(node, depth, indent)
            return
        if isinstance(node, nodes.definition_list):
            for item in node.children:
                term = next((c for c in item.children if isinstance(c, nodes.term)), None)
                if term is not None:
                    self.emit(term, f"**{inline(term)}**", indent)
                for c in item.children:
                    if isinstance(c, nodes.definition):
                        self.body(c, depth, indent)
            self.blank()
            return
        if isinstance(node, nodes.field_list):
            for field in node.children:
                if len(field.children) == 2:
                    name, body = field.children
                    text = " ".join(body.astext().split())
                    self.emit(field, f"**{inline(name)}:** {text}", indent)
            self.blank()
            return
        if isinstance(node, nodes.line_block):
            for line in node.findall(nodes.line):
                self.emit(line, inline(line), indent)
            self.blank()
            return
        if isinstance(node, nodes.table):
            self.table(node, indent)
            return
        if isinstance(node, nodes.transition):
            self.blank()
            self.emit(node, "---", indent)
            self.blank()
            return
        if isinstance(node, nodes.Admonition | nodes.topic | nodes.sidebar):
            # The title ("Note", "You Should Know") is a widget label: the body is the text.
            for child in node.children:
                if not isinstance(child, nodes.title):
                    self.block(child, depth, indent)
            return
        if answer_box(node):  # a fold, as answers.py reads MyST's `:::{solution}`
            self.blank()
            self.emit(node, ":::{solution}", indent)
            self.body(node, depth, indent)
            self.emit(None, ":::", indent)
            self.blank()
            return
        if exercise_box(node) or disclosure(node):  # its title asks, as a heading over its fold
            self.blank()
            self.emit(node, f"{'#' * min(depth + 1, 6)} {node['title']}")
            self.blank()
            self.body(node, depth, indent)
            return
        if isinstance(node, nodes.container) and node.get("directive"):
            self.body(node, depth, indent)  # any other box: its text, ended as on the page
            self.emit(None, "<!-- -->", indent)  # so lists of two boxes do not run together
            self.blank()
            return
        if isinstance(node, nodes.caption | nodes.legend | nodes.attribution):
            self.emit(node, inline(node), indent)
            self.blank()
            return
        if isinstance(node, nodes.Element):
            self.body(node, depth, indent)  # containers, block quotes, figures, compounds
        elif isinstance(node, nodes.Text) and node.astext().strip():
            self.emit(None, node.astext().strip(), indent)

    def list(self, node: nodes.Element, depth: int, indent: str) -> None:
        ordered = isinstance(node, nodes.enumerated_list)
        for n, item in enumerate(node.children, start=1):
            marker = f"{n}. " if ordered else "- "
            children = list(item.children)
            first = children[0] if children else None
            if isinstance(first, nodes.paragraph):
                self.emit(first, f"{marker}{' '.join(inline(first).split())}", indent)
                children = children[1:]
            else:
                self.emit(item, marker.rstrip(), indent)
            for child in children:
                self.block(child, depth, indent + " " * len(marker))
        self.blank()

    def table(self, node: nodes.Element, indent: str) -> None:
        first = True
        for row in node.findall(nodes.row):
            cells = [" ".join(inline(c).split()) for c in row.children]
            self.emit(row, "| " + " | ".join(cells) + " |", indent)
            if first:
                self.emit(None, "|" + "---|" * len(cells), indent)
                first = False
        self.blank()


_ROLE_SOURCE = re.compile(r":[a-z][\w:.+-]*:`(?P<text>[^`]+)`")


def inline(node: nodes.Node) -> str:
    """Inline markup as Markdown shows it: literals in backquotes, strong in `**`, links as
    their text; raw and reference debris left out."""
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, _SKIPPED):
        return ""
    if isinstance(node, nodes.problematic):
        return re.sub(r"^:[\w:.+-]+:`|`_{0,2}$", "", node.astext())
    inner = "".join(inline(c) for c in node.children) if isinstance(node, nodes.Element) else ""
    if isinstance(node, nodes.literal):
        return f"`{inner}`" if inner else ""
    if isinstance(node, nodes.strong | nodes.emphasis):
        # rST markup does not nest: a role inside bold is left as its source, `:class:`x``
        inner = _ROLE_SOURCE.sub(r"`\g<text>`", inner)
        mark = "**" if isinstance(node, nodes.strong) else "*"
        return f"{mark}{inner}{mark}" if inner.strip() else inner
    if isinstance(node, nodes.math):
        return f"${inner}$"
    if isinstance(node, nodes.paragraph | nodes.Inline | nodes.TextElement):
        return inner.replace("\n", " ") if isinstance(node, nodes.title) else inner
    return inner
