"""Sphinx directives and roles that docutils does not know, given a reading: code blocks as
literal blocks, any other directive as a box of ordinary text that keeps its name and title (so
the writer can tell an exercise box from its solution box), a role as the text Sphinx prints."""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles
from docutils.statemachine import StringList

from ingest.lines import ANSWER_HEADING, says_answer

_DIRECTIVE_NAME = re.compile(r"^\s*\.\.\s+([\w:.+-]+)::", re.M)
_ROLE_NAME = re.compile(r"(?<![\w`]):([\w:.+-]+):`")
_CODE_DIRECTIVES = {"code-block", "sourcecode", "literalinclude"}
_DISCLOSURES = {"dropdown", "collapse", "details"}
_CALLABLE_ROLES = {"func", "meth"}  # Sphinx prints these with "()" (add_function_parentheses)


class _AnyOption(dict):
    """Accepts every option a Sphinx directive may carry (`:linenos:`, `:caption:` …)."""

    def __missing__(self, key):
        return directives.unchanged

    def __bool__(self):  # docutils reads options only when a directive has some
        return True


class _Lenient(Directive):
    """A directive that takes any arguments and options and keeps its content."""

    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOption()


class _Code(_Lenient):
    """`.. code-block:: python` (Sphinx) read as a literal block of its content."""

    optional_arguments = 1

    def run(self):
        block = nodes.literal_block("\n".join(self.content), "\n".join(self.content))
        block.line = self.content_offset + 1
        return [block]


class _Content(_Lenient):
    """A directive docutils does not know: its content is read as ordinary body text, in a box
    that remembers the directive's name and title (`.. challenge:: Exploring dataframes`)."""

    optional_arguments = 10

    def run(self):
        box = nodes.container(directive=self.name.lower(), title=" ".join(self.arguments))
        box.line = self.lineno
        content = _one_term_each(self.content) if self.name == "glossary" else self.content
        if content:
            self.state.nested_parse(content, self.content_offset, box)
        return [box]


def _one_term_each(content: StringList) -> StringList:
    """A Sphinx glossary entry may name several terms, one per line, over one definition
    ("Average treatment effect" / "ATE"): the entry is its first term, and the others follow
    its definition as the words it is also called by. Lines move within their entry only."""
    lines, items = list(content), list(content.items)
    out, where = [], []
    n = 0
    while n < len(lines):
        terms = [n]
        while terms[-1] + 1 < len(lines) and _term_line(lines[terms[-1]], lines[terms[-1] + 1]):
            terms.append(terms[-1] + 1)
        end = terms[-1] + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()):
            end += 1
        if len(terms) > 1 and end > terms[-1] + 1 and lines[terms[-1] + 1][:1].isspace():
            body = list(range(terms[-1] + 1, end))
            last = max(k for k in body if lines[k].strip())
            indent = lines[body[0]][: len(lines[body[0]]) - len(lines[body[0]].lstrip())]
            also = f"{indent}Also called {', '.join(lines[k].strip() for k in terms[1:])}."
            order = [terms[0], *[k for k in body if k <= last]]
            out += [lines[k] for k in order] + [also] + [""] * (len(terms) - 2)
            out += [lines[k] for k in body if k > last]
            where += [items[k] for k in order] + [items[k] for k in terms[1:]]
            where += [items[k] for k in body if k > last]
            n = end
            continue
        out.append(lines[n])
        where.append(items[n])
        n += 1
    return StringList(out, items=where)


def _term_line(line: str, nxt: str) -> bool:
    """`line` and the line after it are both terms of one entry: text flush left, no blank."""
    return (
        bool(line.strip())
        and not line[:1].isspace()
        and bool(nxt.strip())
        and not nxt[:1].isspace()
    )


def answer_box(node: nodes.Node) -> bool:
    """A directive box that holds an answer: `.. solution::`, `.. answer::`, or any titled
    "Solution" / "Show answer"."""
    if not isinstance(node, nodes.container) or "directive" not in node.attributes:
        return False
    name, title = node["directive"], node["title"]
    return bool(ANSWER_HEADING.match(name)) or says_answer(title)


def exercise_box(node: nodes.Node) -> bool:
    """A titled directive box answered by a solution box inside it or right after it
    (sphinx-lesson's `.. challenge:: Title` over `.. solution::`)."""
    if not isinstance(node, nodes.container) or not node.get("title") or answer_box(node):
        return False
    after = node.next_node(descend=False, siblings=True, ascend=False)
    return answer_box(after) or any(answer_box(c) for c in node.findall(nodes.container))


def disclosure(node: nodes.Node) -> bool:
    """A titled fold that shows its title and hides its text until clicked, as `<details>`
    does: sphinx-design's `.. dropdown:: Why …?`, sphinx-toolbox's `.. collapse::`/`.. details::`."""
    return (
        isinstance(node, nodes.container)
        and node.get("directive") in _DISCLOSURES
        and bool(node.get("title"))
    )


def _text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """An unknown role (`:ref:`, `:class:` …) shows its text as Sphinx prints it.

    `Title <target>` → `Title`; a leading `~` keeps only the last dotted part
    (`~torch.nn.Module` → `Module`); function and method roles add `()`.
    """
    shown = re.sub(r"\s*<[^<>]*>$", "", text)
    if shown.startswith("~"):
        shown = shown.rsplit(".", 1)[-1]
    shown = shown.lstrip("~!") or text
    if name.rsplit(":", 1)[-1] in _CALLABLE_ROLES and not shown.endswith(")"):
        shown += "()"
    return [nodes.literal(rawtext, shown)], []


def register_unknown(text: str) -> None:
    """Give every directive and role the text uses, and docutils lacks, a reading."""
    for name in set(_DIRECTIVE_NAME.findall(text)):
        known = name in directives._directive_registry or name in directives._directives
        if name in _CODE_DIRECTIVES:
            directives.register_directive(name, _Code)
        elif not known and name not in ("role", "default-role"):
            directives.register_directive(name, _Content)
    for name in set(_ROLE_NAME.findall(text)):
        if name not in roles._role_registry and name not in roles._roles:
            roles.register_local_role(name, _text_role)
