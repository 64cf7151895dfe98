"""Templates' boxes and includes, read as the page renders them. Each line keeps its location.

- Liquid's (Jekyll, Eleventy) includes that pass a page's text as parameters,
  `{% include partials/faq-element f-title: "Why …?", f-copy: "…" %}` or `{% include card.html
  title="…" content="…" %}`: an include with a title parameter and a text parameter is a section,
  the title a heading, the text under it; one without both is left as written.
- Hugo's notice boxes (`{{% notice tip "Title" %}}` … `{{% /notice %}}`, the Learn and Relearn
  themes): the box is a section titled by its title; a box of an exercise kind (`challenge`,
  `exercise`, `question`, `task`) is a task left to the student, a bare question after its text.
"""

from __future__ import annotations

import re
from textwrap import dedent

from ingest.lines import Lines

_OPEN = re.compile(r"^\s*\{%-?\s*include\s")
# A parameter: `key: "value"` or `key="value"`, the value over as many lines as it runs.
_PARAM = re.compile(r'(?P<key>[\w-]+)\s*[:=]\s*"(?P<value>(?:[^"\\]|\\.)*)"', re.S)
_TITLE_KEY = re.compile(r"(?:^|[-_])(?:title|question|heading|summary|q)$", re.I)
_TEXT_KEY = re.compile(r"(?:^|[-_])(?:copy|content|body|answer|text|description|a)$", re.I)
_MAX_LINES = 400  # an include longer than this is not read as one


# `{{% notice challenge "Impute missing values" %}}` (or `{{< … >}}`) and its closing tag.
_NOTICE = re.compile(
    r"""^\s*\{\{[%<]\s*notice\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*[%>]\}\}\s*$"""
)
_NOTICE_END = re.compile(r"^\s*\{\{[%<]\s*/notice\s*[%>]\}\}\s*$")
_TASK_KINDS = {"challenge", "exercise", "question", "task", "practice", "quiz"}


def render_includes(lines: Lines) -> Lines:
    """Each include with a title and a text parameter as a `##` heading over its text; each
    notice box as a section (see the module docstring)."""
    lines = _notices(lines)
    if not any(_OPEN.match(line) for _, line in lines):
        return lines
    out = list(lines)
    n = 0
    while n < len(lines):
        if not _OPEN.match(lines[n][1]):
            n += 1
            continue
        end = next(
            (k for k in range(n, min(len(lines), n + _MAX_LINES)) if "%}" in lines[k][1]), None
        )
        if end is None:
            break
        _render(lines, out, n, end)
        n = end + 1
    return out


def _render(lines: Lines, out: list[tuple[int, str]], start: int, end: int) -> None:
    texts = [line for _, line in lines[start : end + 1]]
    whole = "\n".join(texts)
    params = list(_PARAM.finditer(whole))
    title = next((p for p in params if _TITLE_KEY.search(p["key"])), None)
    text = next((p for p in params if _TEXT_KEY.search(p["key"])), None)
    if title is None or text is None:
        return
    offsets = [0]
    for line in texts:
        offsets.append(offsets[-1] + len(line) + 1)
    first = next(k for k in range(len(texts)) if offsets[k + 1] > text.start("value"))
    head, broke, rest = text["value"].replace('\\"', '"').partition("\n")
    value = [head, *dedent(rest).split("\n")] if broke else [head]  # as the template prints it
    if first == 0 and value[0].strip():
        return  # the text starts on the heading's line: no line of its own to keep it on
    for k in range(start, end + 1):
        out[k] = (lines[k][0], "")
    out[start] = (lines[start][0], f"## {' '.join(title['value'].split())}")
    for j, line in enumerate(value):  # the text's lines, each on its own line of the include
        if j or first:
            k = start + first + j
            out[k] = (lines[k][0], line.strip() if j == 0 else line.rstrip())


def _notices(lines: Lines) -> Lines:
    """Hugo's notice boxes: the opening tag a `####` heading of the title (or the kind), the
    closing tag the bare question an exercise box asks, or nothing."""
    if not any(_NOTICE.match(line) for _, line in lines):
        return lines
    out = list(lines)
    title = ""  # the open box's title, when it sets a task
    for n, (loc, line) in enumerate(lines):
        if m := _NOTICE.match(line):
            name = (m["title"] or "").strip()
            title = name if m["kind"].lower() in _TASK_KINDS and name else ""
            out[n] = (loc, f"#### {name or m['kind'].capitalize()}")
        elif _NOTICE_END.match(line):
            out[n] = (loc, f"**Q:** {title}" if title else "")
            title = ""
    return out
