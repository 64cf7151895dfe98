"""MDX components (JSX) in Markdown: `<Question choices={[{text: "…", correct: true}, …]} />`
is read the way the site renders it, as a list of its options; other self-closing components
render nothing a reader studies and are dropped, and a component around text keeps the text.
A custom element (a hyphen in its lower-case name: Slidev's `<v-clicks>`, a web component) is a
component too; HTML's own tags are left alone."""

from __future__ import annotations

import re

from ingest.lines import FENCE, Lines

_NAME = r"(?:[A-Z][\w.]*|[a-z][a-z0-9]*-[\w-]*)"  # a JSX component's, a custom element's
_OPEN = re.compile(rf"^\s*<(?P<name>{_NAME})(?![\w-])")
_TEXT = re.compile(r"""\btext\s*:\s*(?P<q>["'`])(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)""", re.S)
_TAG = re.compile(rf"</?{_NAME}(?![\w-])[^<>]*>")
# An MDX module statement, `import { Callout } from '/snippets/callout.mdx';`: no text of the page.
_IMPORT = re.compile(r"""^import\s+(?:[\w\\{},*\s]+\s+from\s+)?(["'])[^"']+\1;?\s*$""")
_CORRECT = re.compile(r"\bcorrect\s*:\s*true\b")
# A disclosure widget around text (Mintlify's `<Accordion title="…">`, `<Expandable>`,
# Docusaurus' `<Details>`): the page shows its title and opens its text on a click, as
# `<details>` does, so it is read as one.
_DISCLOSURE = re.compile(
    r"""^(?P<indent>\s*)<(?P<name>Accordion|Expandable|Details|Collapsible|Collapse|Toggle)\b"""
    r"""[^<>]*?\btitle\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|\{\s*["'`](?P<js>[^"'`]*)["'`]\s*\})"""
    r"""[^<>]*(?<!/)>\s*$"""
)


def _end(lines: Lines, i: int, name: str) -> int | None:
    """Index of the line that closes the component opened on line `i` (None: never closed)."""
    depth = 0
    for j in range(i, min(len(lines), i + 400)):
        text = lines[j][1]
        depth += text.count("{") - text.count("}")
        stripped = text.rstrip()
        if depth <= 0 and (stripped.endswith("/>") or f"</{name}>" in text):
            return j
        if depth <= 0 and j == i and stripped.endswith(">") and f"</{name}>" not in text:
            return None  # an open tag with children: the children are content, keep them
    return None


def options(block: str) -> list[tuple[bool, str]]:
    """(correct, text) of each `text:` entry in a component's props, in order."""
    found = list(_TEXT.finditer(block))
    out = []
    for n, m in enumerate(found):
        stop = found[n + 1].start() if n + 1 < len(found) else len(block)
        text = re.sub(r"\\(.)", r"\1", m.group("text")).strip()
        out.append((bool(_CORRECT.search(block, m.end(), stop)), " ".join(text.split())))
    return out


def render_components(lines: Lines) -> list[tuple[int, str]]:
    """Lines with each self-closing MDX component replaced by task-list option lines
    (`- [x] …` for a correct choice, `- [ ] …` otherwise), or removed when it has none; a
    disclosure widget written as `<details>`; module imports and `<head>` metadata dropped."""
    out: list[tuple[int, str]] = []
    closers: list[str] = []  # the closing tags of the disclosures open here, innermost last
    in_fence, i = False, 0
    while i < len(lines):
        loc, raw = lines[i]
        if FENCE.match(raw):
            in_fence = not in_fence
        if not in_fence and (d := _DISCLOSURE.match(raw)):
            title = d.group("dq") or d.group("sq") or d.group("js") or ""
            out.append((loc, f"{d.group('indent')}<details><summary>{title}</summary>"))
            closers.append(f"</{d.group('name')}>")
            i += 1
            continue
        if closers and raw.strip() == closers[-1]:
            out.append((loc, raw.replace(closers.pop(), "</details>")))
            i += 1
            continue
        if not in_fence and _IMPORT.match(raw):
            i += 1
            continue
        if not in_fence and raw.strip().lower() == "<head>":  # the page's metadata, not shown
            close = next((j for j in range(i, len(lines)) if "</head>" in lines[j][1]), i)
            i = close + 1
            continue
        m = None if in_fence else _OPEN.match(raw)
        last = _end(lines, i, m.group("name")) if m else None
        if last is None:
            if in_fence or not _TAG.fullmatch(raw.strip()):
                out.append((loc, raw))  # a line alone `<Tab title="…">`, `</Check>`: a wrapper
            i += 1
            continue
        block = "\n".join(text for _, text in lines[i : last + 1])
        found = options(block)
        if found:
            out.extend((loc, f"- [{'x' if ok else ' '}] {text}") for ok, text in found)
        elif not block.rstrip().endswith("/>"):  # `<Tip>text</Tip>`: the text is content
            # (a tag may span lines: `<Card\n  title="…"\n>`; its lines go, the text stays)
            kept = _TAG.sub(lambda t: "\n" * t.group(0).count("\n"), block).split("\n")
            out.extend((lc, text) for (lc, _), text in zip(lines[i : last + 1], kept, strict=True))
        i = last + 1
    return out
