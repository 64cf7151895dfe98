"""Whole-document looks at lines that one line cannot give: which quoted list items are example
prompts, which bold or quoted lines are questions, which plain lines form a list of questions
(headings: `ingest.headings`)."""

from __future__ import annotations

import re

from ingest.lines import (
    ANSWER_LABEL,
    BULLET,
    FENCE,
    HEADING,
    QN,
    Lines,
    in_code,
    indent_of,
    next_line,
    same_list,
)
from ingest.questions import is_question, is_quoted, question_text, reads_as_question
from ingest.section_titles import FAQ_TITLE, GLOSSARY_TITLE, TROUBLE_TITLE

# A line that is bold from end to end (decoration emoji allowed inside): `**What is X? 👶**`;
# `snake_case` names and single `*` inside are text (`**Why call `load_data()`?**`).
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_NEAR = 40  # lines: a bold line that does not ask belongs to a bank only among its questions
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_\s](?:(?!\*\*|__\s|__$).)*?)\1\s*$")
# A line in italics from end to end: `*Why square?*`, `_Why sum?_`.
_ITALIC_LINE = re.compile(r"^(\*|_)(?P<text>[^*_\s](?:[^*_]*[^*_\s])?)\1\s*$")


def prompt_runs(lines: Lines) -> set[int]:
    """Indexes of quoted list items that are example prompts: two or more in a row at one
    indent, under a label or paragraph (under a list question they are its options), most
    reading as questions ("Example prompts:" / - "Walk me through …" / - "Design …")."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        run, indent = [], None
        j = i
        while j < len(lines):
            m = BULLET.match(lines[j][1])
            if not lines[j][1].strip() and run:
                j += 1
                continue
            if not m or not is_quoted(m.group("text")) or indent not in (None, m.group("indent")):
                break
            indent = m.group("indent")
            run.append((j, m.group("text")))
            j += 1
        above = next((ln for _, ln in reversed(lines[:i]) if ln.strip()), "")
        asking = sum(reads_as_question(question_text(t)) for _, t in run)
        if len(run) >= 2 and not BULLET.match(above) and 2 * asking >= len(run):
            out.update(n for n, _ in run)
        i = max(j, i + 1)
    return out


def bold_questions(lines: Lines) -> tuple[set[int], set[int]]:
    """Indexes of standalone question lines in a bank: whole bold lines, one-line quotes (`> 问题`)
    or lines in italics (`*Why square?*`). Three or more of one sort, most reading as questions,
    make each that asks (in italics, only those), states a problem (`_sentence`) or is answered by
    the paragraph below a question whose answer runs to the next. A bold line over the next bold
    question is its topic (the second set: labels); one over a list is text ("**Option 1**").
    Fewer bold lines: each that ends in "?" over the plain paragraph answering it, in a document
    that lays out no questions another way ("**Why this toolkit?**" in a tutorial's prose)."""
    bold: list[tuple[int, bool]] = []
    quoted: list[tuple[int, bool]] = []
    italic: list[tuple[int, bool]] = []
    for i, ((_, raw), code) in enumerate(zip(lines, in_code(lines), strict=True)):
        if code:
            continue
        elif (m := _BOLD_LINE.match(_untagged(raw))) and not _label_or_item(raw):
            bold.append((i, reads_as_question(question_text(m.group("text")))))
        elif (text := quote_line(lines, i)) and not ANSWER_LABEL.match(text):
            quoted.append((i, reads_as_question(question_text(text))))
        elif (m := _ITALIC_LINE.match(raw.strip())) and not _label_or_item(raw):
            italic.append((i, m.group("text").rstrip().endswith(("?", "？"))))
    out: set[int] = set()
    labels: set[int] = set()
    bold_lines = {i for i, _ in bold}
    elsewhere = _asks_otherwise(lines)
    for found in (bold, quoted):
        if len(found) >= 3 and 2 * sum(a for _, a in found) > len(found):
            asking = [i for i, a in found if a]
            for i, asks in found:
                if not asks and not any(abs(i - j) <= _NEAR for j in asking):
                    continue  # bold text far from the bank's questions is emphasis
                if not asks and question_text(lines[i][1]).endswith((":", "：")):
                    continue  # "**Preventing it through your data:**" leads into an answer's part
                j, below = next(
                    ((j, ln) for j, (_, ln) in enumerate(lines[i + 1 :], i + 1) if ln.strip()),
                    (len(lines), ""),
                )
                if asks or _sentence(lines[i][1]):
                    out.add(i)
                elif j in bold_lines or HEADING.match(below):
                    labels.add(i)  # "**Models**" over the bold questions of that topic
                elif running_text(below):
                    out.add(i)  # answered by the paragraph below ("**Bias-variance trade-off**")
        elif found is bold and not elsewhere:
            # Fewer: each that ends in "?" and is answered by the paragraph under it.
            out.update(i for i, asks in found if asks and _answered(lines, i))
    if len(italic) >= 3 and 2 * sum(a for _, a in italic) > len(italic):
        out.update(i for i, asks in italic if asks)  # in italics, only a line that asks does
    glossary = under_glossary(lines)
    terms = [i for i, _ in bold if glossary[i] and running_text(next_line(lines, i) or "")]
    if len(terms) >= 3:
        out.update(terms)  # "## Glossary", then "**Term**" lines each over its definition
    return out | (set() if elsewhere else answered_paragraphs(lines)), labels


def _answered(lines: Lines, i: int) -> bool:
    """Line `i` ends in "?" and the paragraph right under it is plain text that does not ask."""
    below = next_line(lines, i) or ""
    return (
        lines[i][1].rstrip().rstrip("*_").endswith(("?", "？"))
        and running_text(below)
        and not reads_as_question(question_text(below))
    )


def _asks_otherwise(lines: Lines) -> bool:
    """The document lays out questions in another way (question headings, folds, `Q:` lines),
    under which a question standing in a paragraph is an answer's own sub-question."""
    return any(
        (h := HEADING.match(raw))
        and h.group(2).rstrip("*_ ").endswith(("?", "？"))
        or QN.match(raw)
        or raw.lstrip().startswith(("<details", "??? ", "???+ "))
        for _, raw in lines
    )


def answered_paragraphs(lines: Lines) -> set[int]:
    """Questions that open a paragraph, each answered by the rest of it or by the paragraph
    under it (a plain-text note's `Q?` lines, a FAQ page's `<div>`s): three or more, most of
    the question paragraphs. (Read only in a document with no other layout of questions:
    `bold_questions` checks.)"""
    asked = [
        i
        for i, ((_, raw), code) in enumerate(zip(lines, in_code(lines), strict=True))
        if not code
        and running_text(raw)
        and raw.rstrip().endswith(("?", "？"))
        and not (i and lines[i - 1][1].strip())  # it opens a paragraph, its answer may follow
        and reads_as_question(question_text(raw))
    ]
    answered = [
        i for i in asked
        if running_text(below := next_line(lines, i) or "") and not reads_as_question(question_text(below))
    ]  # fmt: skip
    return set(answered) if len(answered) >= 3 and 2 * len(answered) > len(asked) else set()


def under_glossary(lines: Lines) -> list[bool]:
    """Per line, whether the nearest heading above it names a glossary ("Glossary", "Key
    terms", "Definitions" …)."""
    out, inside = [], False
    for (_, raw), code in zip(lines, in_code(lines), strict=True):
        if not code and (heading := HEADING.match(raw)):
            inside = bool(GLOSSARY_TITLE.search(heading.group(2)))
        out.append(inside)
    return out


def _sentence(raw: str) -> bool:
    """Written as a sentence, not a label: four or more words, most of them lower case, and no
    full stop (a sentence in bold with its full stop is emphasis in running text). In a
    bank of bold questions, a FAQ's problem statement ("**I'm getting an SSL error on macOS**")
    is one more question; a topic label ("**ClearML Server Configuration**") is not."""
    text = question_text(_TAG.sub("", raw))
    words = [w for w in text.split() if w[:1].isalpha()]
    titled = not text.endswith(".")  # "**To build a model that … we provide it.**" is emphasis
    return titled and len(words) >= 4 and 2 * sum(w[:1].islower() for w in words) > len(words)


def _untagged(raw: str) -> str:
    """The line without inline HTML tags: an anchor inside or after the bold
    (`**Why X?** <a id="why-x"></a>`) leaves it a bold line."""
    if "<" not in raw:
        return raw
    return re.sub(r"\s+(\*\*|__)$", r"\1", _TAG.sub("", raw).strip())


def quote_line(lines: Lines, i: int) -> str:
    """The text of a blockquote of exactly one line at `i` (blank or no lines around it)."""
    raw = lines[i][1]
    if not raw.startswith(">"):
        return ""
    around = [lines[j][1] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    if any(ln.lstrip().startswith(">") for ln in around):
        return ""
    return raw.lstrip(">").strip()


def _label_or_item(raw: str) -> bool:
    """An `**Answer:**` label, or a list item (`- **Term**`); a bold line that only starts
    with its number (`**3. Why …?**`) is neither."""
    if ANSWER_LABEL.match(raw):
        return True
    return bool(BULLET.match(raw)) and not raw.lstrip().startswith(("**", "__"))


def running_text(raw: str) -> bool:
    """A line of running text: no list marker, heading, label, fence, table, image, note in
    parentheses or markup block."""
    return bool(raw.strip()) and not (
        any(rule.match(raw) for rule in (BULLET, HEADING, QN, ANSWER_LABEL, FENCE))
        or raw.lstrip().startswith(("|", "<", ">", "![", "*(", "???", "!!!"))
    )


def answered_bullets(lines: Lines) -> set[int]:
    """Indexes of list questions answered by the paragraph under them, unindented: a FAQ
    written as `- **How do I …?**`, then the answer (after a blank line, or on the next line in
    a plain-text note or a printed page). Three or more such items make the pattern; a list of
    questions followed by one paragraph of prose does not."""
    found: list[int] = []
    entries = False  # under a FAQ or troubleshooting title an item asks, whatever its wording
    for i, ((_, raw), code) in enumerate(zip(lines, in_code(lines), strict=True)):
        if not code and (h := HEADING.match(raw)):
            entries = bool(FAQ_TITLE.search(h.group(2)) or TROUBLE_TITLE.search(h.group(2)))
        m = None if code else BULLET.match(raw)
        if not m or not (entries or is_question(question_text(m.group("text")))):
            continue
        before = next((ln for _, ln in reversed(lines[:i]) if ln.strip()), "")
        after = next(((j, ln) for j, (_, ln) in enumerate(lines[i + 1 :], i + 1) if ln.strip()),
                     None)  # fmt: skip
        if after is None or same_list(before, raw):
            continue  # a list of questions, or no blank line between question and text
        text = after[1]
        # flush left, or indented under the item's text as its own paragraph (`1. Why …?` /
        # `   *Because …*`)
        column = len(raw) - len(m.group("text"))
        placed = indent_of(text) == 0 or indent_of(text) >= column > indent_of(raw)
        if not (BULLET.match(text) or HEADING.match(text)) and placed:
            found.append(i)
    return set(found) if len(found) >= 3 else set()


def question_runs(
    lines: Lines, min_run: int = 3, wrapped: bool = False
) -> dict[int, tuple[int, str]]:
    """Plain lines that list questions, as a PDF prints a bulleted list (the bullets are
    drawn, not text): `first index → (last index, question)` for each question in a run of
    `min_run` or more. A line that starts lower-case and follows one that does not end a
    sentence continues it ("… learned positional" / "embeddings?"). With `wrapped` (text
    from a printed page), a line that fills the page's width and ends no sentence continues on
    the next line whatever its case ("… vs Stochastic" / "Gradient Descent vs …?"). Section
    titles between the questions (`## Tree models`) and blank lines (one question per
    paragraph) do not break a run: a list under many small headings is still one list."""
    full = full_width(lines) if wrapped else None
    units: list[tuple[int, int, str]] = []
    for i, ((_, raw), code) in enumerate(zip(lines, in_code(lines), strict=True)):
        if not code and not raw.strip():
            units.append((i, i, " "))  # a blank line: questions set one per paragraph
            continue
        if code or not running_text(raw):
            units.append((i, i, "#" if HEADING.match(raw) and not code else ""))
            continue
        text = raw.strip()
        first, last, prev = units[-1] if units else (-1, -1, "")
        if (
            prev not in ("", "#", " ")
            and last == i - 1
            and not prev.endswith((".", "?", "!", ":", "？"))
            and (
                text[:1].islower()
                or text[:1] in "(["
                # a full line that has not asked yet ("… what is X? (e.g. Y)" has)
                or (full is not None and len(lines[i - 1][1].rstrip()) >= full and "?" not in prev)
            )
        ):
            units[-1] = (first, i, f"{prev} {text}")
        else:
            units.append((i, i, text))
    out: dict[int, tuple[int, str]] = {}
    run: list[tuple[int, int, str]] = []
    for unit in [*units, (len(lines), len(lines), "")]:
        text = unit[2]
        if text in ("#", " ") and run:
            continue  # a section title or a blank line inside the list
        if text and len(text) <= 300 and text[:1].isupper() and reads_as_question(text):
            run.append(unit)
            continue
        if len(run) >= min_run and sum(t.endswith(("?", "？")) for _, _, t in run) * 2 >= len(run):
            out.update({first: (last, text) for first, last, text in run})
        run = []
    return out


def full_width(lines: Lines) -> float:
    """How long a line that reached the right margin is: near the longest lines of the text."""
    lengths = sorted(len(ln.rstrip()) for _, ln in lines if ln.strip())
    if not lengths:
        return float("inf")
    return 0.85 * lengths[int(0.95 * (len(lengths) - 1))]
