r"""Passes over a whole Markdown or plain-text document before it is parsed: `##Heading` given
its space and `1\.` its dot, HTML comments, scripts and styles blanked, Obsidian callouts,
MyST glossaries and definition lists read as the layouts they stand for, and
`Q:`/`A:` banks typed in a code block taken out of it. Each keeps every line's location."""

from __future__ import annotations

import re

from ingest.answers import wraps
from ingest.lines import (
    ANSWER_LABEL,
    BULLET,
    FENCE,
    QN,
    colon_label,
    in_code,
    unquote,
)
from ingest.questions import ends_sentence


def card(title: str) -> str:
    """The `??? question "…"` admonition line a pass writes for a card titled `title` (its
    straight quotes curled, opening and closing in turn, so they cannot end the title)."""
    parts = title.split('"')
    curled = "".join(
        p + (("“", "”")[n % 2] if n < len(parts) - 1 else "") for n, p in enumerate(parts)
    )
    return f'??? question "{curled}"'


# `##Definitions:`: a heading typed without the space after its hashes. Markdown.pl and many
# editors take it as a heading (CommonMark does not); one hash is left alone (`#tag`, `#1`).
_UNSPACED_HEADING = re.compile(r"^(#{2,6})(?=[^\s#])")
# `1\. Cluster analysis …`: a number whose dot an HTML-to-Markdown converter escaped (turndown,
# behind GitBook and web-clipper exports, escapes any "N." that opens a paragraph).
_ESCAPED_NUMBER = re.compile(r"^(\s*\d{1,4})\\(\.\s)")


def mend_markers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Markers typed or converted so that Markdown would not read them, outside code, written
    as meant: a heading's hashes given their space, a number's escaped dot unescaped."""
    code = in_code(lines)
    return [
        (
            loc,
            line if code[n] else _ESCAPED_NUMBER.sub(r"\1\2", _UNSPACED_HEADING.sub(r"\1 ", line)),
        )
        for n, (loc, line) in enumerate(lines)
    ]


# What a rendered page shows nothing of: comments, and the text of scripts and styles.
_HIDDEN = tuple(
    (re.compile(opening, re.I), re.compile(closing, re.I))
    for opening, closing in (
        (r"<!--", r"-->"),
        (r"<script\b[^>]*>", r"</script\s*>"),
        (r"<style\b[^>]*>", r"</style\s*>"),
    )
)


def strip_hidden(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """HTML comments, scripts and styles blanked, outside code, though they span lines: a
    rendered page shows nothing of them, so neither may an answer."""
    out, closing, in_fence = [], None, False
    for loc, line in lines:
        if closing is None and FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            out.append((loc, line))
            continue
        kept, rest = "", line
        while rest:
            if closing is not None:
                m = closing.search(rest)
                rest, closing = (rest[m.end() :], None) if m else ("", closing)
                continue
            opened = [(m, close) for opening, close in _HIDDEN if (m := opening.search(rest))]
            if not opened:
                kept += rest
                break
            m, closing = min(opened, key=lambda found: found[0].start())
            end = closing.search(rest, m.end())
            if m.group() == "<!--" and end:  # a one-line comment goes with `clean`, and
                kept, rest, closing = kept + rest[: end.end()], rest[end.end() :], None
                continue  # `<!-- -->` keeps two lists apart until then
            kept, rest = kept + rest[: m.start()], rest[m.end() :]
        out.append((loc, kept))
    return out


# A line that carries a sentence on: it opens in lower case ("boosting?", "is convex.").
_CARRIES_ON = re.compile(r"^\s*[a-z`$]")


def join_wrapped_asks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A labelled question typed over two or three lines (`Q1: What is the difference between
    bagging and` over `boosting?`) is one line: the lines that carry its sentence on, in lower
    case, up to the one that ends it, join the label's line and are blanked there."""
    out, code = list(lines), in_code(lines)
    for i, (loc, line) in enumerate(lines):
        m = None if code[i] else QN.match(line)
        if m is None or ends_sentence(m["q"]) or m["q"].rstrip().endswith((":", "：")):
            continue
        joined, j = line.rstrip(), i + 1
        while (
            j < min(len(lines), i + 4)
            and not code[j]
            and _CARRIES_ON.match(lines[j][1])
            and wraps(lines[j][1])  # an answer label in lower case ("ans: …") answers
        ):
            joined, j = f"{joined} {lines[j][1].strip()}", j + 1
            if ends_sentence(joined):
                out[i] = (loc, joined)
                out[i + 1 : j] = [(at, "") for at, _ in lines[i + 1 : j]]
                break
    return out


# An Obsidian callout: `> [!question] Title` (`+`/`-` fold it), its body on the `>` lines below.
_CALLOUT = re.compile(r"^\s*>\s*\[!(?P<type>[\w-]+)\][+-]?\s*(?P<title>.*)$")
_ASKING_CALLOUTS = {"question", "faq", "help", "quiz", "flashcard"}


def unwrap_callouts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Obsidian callouts read as the other layouts they stand for: a question callout (or one
    whose title asks) is a `??? question` admonition whose body is its answer; any other
    (`[!note]`, `[!tip]`) is its title and body as plain text, without the `>` and the marker."""
    out: list[tuple[int, str]] = []
    in_callout = asking = False
    for (loc, line), code in zip(lines, in_code(lines), strict=True):
        m = None if code else _CALLOUT.match(line)
        if m:
            title = m.group("title").strip()
            asking = m.group("type").lower() in _ASKING_CALLOUTS or title.endswith("?")
            in_callout = True
            if asking:
                out.append((loc, card(title)))
            else:
                out.append((loc, title))
            continue
        if in_callout and line.lstrip().startswith(">"):
            body = unquote(line)
            out.append((loc, f"    {body}" if asking and body.strip() else body))
            continue
        in_callout = False
        out.append((loc, line))
    return out


def unfence_banks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A code block with no language that holds `Q:` / `A:` pairs (two or more of each) is a
    bank typed in a monospace box, not code: its fence lines go and its lines are read as
    text."""
    out = list(lines)
    start = None
    for n, (_, line) in enumerate(lines):
        if not FENCE.match(line):
            continue
        if start is None:
            start = n if re.fullmatch(r"\s*(```|~~~)\s*", line) else -1
            continue
        if start >= 0:
            body = [ln for _, ln in lines[start + 1 : n]]
            asked = sum(bool(QN.match(ln)) for ln in body)
            answered = sum(
                bool((m := ANSWER_LABEL.match(ln)) and colon_label(ln, m)) for ln in body
            )
            if asked >= 2 and answered >= 2:
                out[start], out[n] = (lines[start][0], ""), (lines[n][0], "")
        start = None
    return out


# A definition list's definition (Pandoc, PHP Markdown Extra, MyST; markdownify's `<dd>`):
# `: text` on the line under its term.
_DEFINITION = re.compile(r"^:\s+(?P<text>\S.*)$")
# An API reference's parameter, not a term to learn: a code name (a link or `{ #anchor }` around
# it allowed, struck through when deprecated), a colon and its type: "`min_snr_db`: `float`".
_PARAMETER = re.compile(r"^(?:~~)?\[?`[^`]+`\]?(?:\([^)]*\))?(?:\{[^}]*\})?\s*:\s*\S")


def unwrap_definitions(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each term of a definition list (`Term` over `: definition`, two or more of them) is a
    card: read as a `??? question` admonition whose body is its definition, outside code. An
    API reference's parameters (`name`: type) stay text."""
    out = list(lines)
    code = in_code(lines)
    terms = {}  # definition line → its term's line: right above it, or over one blank line
    for n in range(1, len(lines)):
        t = n - 2 if n >= 2 and not lines[n - 1][1].strip() else n - 1
        if (
            _DEFINITION.match(lines[n][1])
            and not (code[n] or code[t])
            and (term := lines[t][1].strip())
            and not term.startswith(("#", "-", "*", ":"))
            and not _PARAMETER.match(term)
            and (t == n - 1 or t == 0 or not lines[t - 1][1].strip())  # over a blank: alone
        ):
            terms[n] = t
    if len(terms) < 2:
        return out  # one line that starts with ": " is wrapped text, not a list
    starts = set(terms) | set(terms.values())
    for n, t in terms.items():
        m = _DEFINITION.match(lines[n][1])
        if not out[t][1].startswith("??? question"):
            out[t] = (lines[t][0], card(lines[t][1].strip()))
        out[n] = (lines[n][0], f"    {m.group('text')}")
        lazy = True  # a line right under a line of the definition continues it, indented or not
        for k in range(n + 1, len(lines)):  # the definition's own lines
            text = lines[k][1]
            if k in starts or code[k] or text.strip() and not lazy and not text[:1].isspace():
                break
            lazy = bool(text.strip())
            out[k] = (lines[k][0], f"    {text.strip()}" if text.strip() else "")
    return out


# A MyST glossary: ```{glossary} (or :::{glossary}) over terms, each over its indented definition.
_GLOSSARY = re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\{glossary\}\s*$")


def unwrap_glossaries(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each term of a MyST `{glossary}` directive is a card: read as a `??? question`
    admonition whose body is its indented definition; the directive's fences go."""
    out = list(lines)
    n = 0
    while n < len(lines):
        m = _GLOSSARY.match(lines[n][1])
        close = m and next(
            (k for k in range(n + 1, len(lines)) if lines[k][1].strip() == m["fence"]), None
        )
        if not close:
            n += 1
            continue
        out[n] = (lines[n][0], "")
        out[close] = (lines[close][0], "")
        for k in range(n + 1, close):
            loc, text = lines[k]
            if text.strip() and not text[0].isspace():
                out[k] = (loc, card(text.strip()))
        n = close + 1
    return out


# A list item that is one bold question: `- **How do I check the version?**`.
_BOLD_QUESTION = re.compile(r"^(?:\*\*[^*]+\?\*\*|__[^_]+\?__)\s*$")  # `feature_extraction` inside


def separate_run_in_answers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`- **How do I check the version?**` with the answer on the next line, indented under
    the item: one paragraph on the page, a bold question and its answer (as a bold run-in
    question is). A blank line is put between them, the layout the list reader takes as an
    answered item."""
    out: list[tuple[int, str]] = []
    code = in_code(lines)
    for n, (loc, line) in enumerate(lines):
        out.append((loc, line))
        m = BULLET.match(line)
        if code[n] or not m or not _BOLD_QUESTION.match(m.group("text").strip()):
            continue
        nxt = lines[n + 1][1] if n + 1 < len(lines) else ""
        indent = len(line) - len(line.lstrip())
        if (
            nxt.strip()
            and not code[n + 1]
            and len(nxt) - len(nxt.lstrip()) > indent
            and not BULLET.match(nxt)
        ):
            out.append((loc, ""))
    return out
