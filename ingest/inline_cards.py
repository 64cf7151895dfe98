"""Flashcards typed one a line inside notes, as Obsidian's spaced-repetition plugin reads them:

    - Hamming window :: about 4 bins; about −42.7 dB
    - window size ::: frequency resolution vs. time resolution

A separator of two or more colons, or one the user chose that starts and ends with two colons
(`::@::`), with space on both sides, between a front and a back. The same separator on three or
more lines outside code makes them cards (one or two such lines are prose that happens to hold
it); C++'s `std::vector` has no space around its colons. Each card is rewritten as the
`??? question` admonition the line reader takes as a question over its indented answer; every
line keeps its location.

A glossary typed as paragraphs that each open with a bold term (`**density**: Essentially a
relative probability …`), ten or more in a row with distinct terms, is one card per term (a few
such paragraphs are bold lead-ins of prose).

A glossary typed as list items that each open with their bold term as the subject of its
definition (`- A [**_space_**](…) defines how similarity … is measured.`, `- **Dense vectors** are
…`), ten or more on a page, most of them followed by a verb, is one card per term; the sentence
is the answer. Tips in bold (`- **Use a cache** to …`) are followed by no verb and stay prose.

A true/false quiz typed the same way, each numbered statement followed by its verdict
(`4. The dendrogram is read from right to left. (False,`), three or more in a list, is one card
per statement: the statement asks, the verdict answers.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.lines import ANSWER_LABEL, BOLD_TERM, BULLET, NUMBERED, QN, defined_term, in_code
from ingest.prepasses import card

_CARD = re.compile(r"^\s*(?P<front>\S.*?)\s+(?P<sep>:{2,3}|::[^\s:]{1,3}::)\s+(?P<back>\S.*)$")
_MIN_CARDS = 3


def _front_and_back(line: str) -> re.Match | None:
    m = BULLET.match(line)
    text = m.group("text") if m else line
    if "`" in text:
        return None  # an inline code span may hold colons of its own
    return _CARD.match(text)


def _as_cards(
    lines: list[tuple[int, str]], found: dict[int, tuple[str, str]]
) -> list[tuple[int, str]]:
    """`lines` with each line `found` holds (front, back) for rewritten as a card: the
    `??? question` line over its indented answer, then a blank line, all at its location."""
    out: list[tuple[int, str]] = []
    for n, (loc, line) in enumerate(lines):
        if n in found:
            front, back = found[n]
            out += [(loc, card(front)), (loc, f"    {back}"), (loc, "")]
        else:
            out.append((loc, line))
    return out


def unwrap_inline_cards(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each card line (its separator on three or more lines, outside metadata forms) as a
    question over its answer."""
    code = in_code(lines)
    found = {
        n: m
        for n, ((_, line), skip) in enumerate(zip(lines, code, strict=True))
        if not skip and (m := _front_and_back(line))
    }
    for n in _forms(lines):
        found.pop(n, None)
    seps = Counter(m.group("sep") for m in found.values())
    return _as_cards(lines, {n: (m["front"], m["back"]) for n, m in found.items()
                             if seps[m["sep"]] >= _MIN_CARDS})  # fmt: skip


# A field of a note's metadata, as Obsidian's Dataview reads it: `Type :: #atom`, `Creator ::`.
_FIELD = re.compile(r"^\s*[^\s:][^:]{0,40}?\s*::(?P<value>.*)$")


def _forms(lines: list[tuple[int, str]]) -> set[int]:
    """Lines of metadata forms: runs of `Field :: value` lines, some left empty (a template's
    fields, `Reference ::`), which a deck's cards never are."""
    out: set[int] = set()
    run: dict[int, str] = {}  # line → the field's value
    for n, (_, line) in enumerate([*lines, (0, "")]):
        if m := _FIELD.match(line):
            run[n] = m["value"].strip()
            continue
        if not all(run.values()):
            out.update(run)
        run = {}
    return out


# A statement, then its verdict: "… independent. - True,", "… to left. (False,", "… (True".
_VERDICT_LINE = re.compile(
    r"^(?P<statement>.+?(?:[.?)]\s*|\s+[-–—]\s+|\s*(?=\()))"
    r"(?:[-–—]\s*)?\(?\s*(?P<verdict>True|False)\b[\s,.;)]*$"
)


def unwrap_verdicts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Numbered statements each followed by its verdict, three or more in the document, as
    true/false cards: the statement over its verdict."""
    code = in_code(lines)
    found = {}
    for n, ((_, line), skip) in enumerate(zip(lines, code, strict=True)):
        m = None if skip else NUMBERED.match(line)
        if m and (v := _VERDICT_LINE.match(line[m.end() :].strip())):
            found[n] = v
    if len(found) < _MIN_CARDS:
        return lines
    return _as_cards(lines, {n: (v["statement"].strip(" -–—"), v["verdict"])
                             for n, v in found.items()})  # fmt: skip


# A bold term with italics inside it, as statistics writes "*p*-value": `***p*-value**`.
_ITALIC_IN_BOLD = re.compile(r"^\*\*((?:[^*\n]|\*[^*\s][^*\n]*\*)+?)\*\*(?!\*)")
_MIN_TERMS = 10  # fewer are bold lead-ins of prose ("**Training phase**: when the model …")


def unwrap_term_paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Paragraphs that each open with a bold term and its definition (`**term**: …`), ten or
    more in a row with nothing else between and no term twice (a label such as `**Note**:`
    repeats), as cards: the term over its definition."""
    code = in_code(lines)
    runs: list[list[tuple[int, tuple[str, str]]]] = [[]]
    for n, ((_, line), skip) in enumerate(zip(lines, code, strict=True)):
        if not line.strip() and not skip:
            continue
        pair = None
        line = _ITALIC_IN_BOLD.sub(lambda m: "**" + m[1].replace("*", "") + "**", line)
        if not skip and BOLD_TERM.match(line) and not (QN.match(line) or ANSWER_LABEL.match(line)):
            pair = defined_term(line.strip())
        if pair is None:
            runs.append([])
        else:
            runs[-1].append((n, pair))
    found: dict[int, tuple[str, str]] = {}
    for run in runs:
        terms = [term.lower() for _, (term, _) in run]
        if len(run) >= _MIN_TERMS and len(set(terms)) == len(terms):
            found.update(run)
    return _as_cards(lines, found) if found else lines


# `- A [**_space_**](url) defines …`, `- **Dense vectors** are …`: an article, the bold term (a
# link's text, perhaps italic too), then the rest of its sentence.
_SUBJECT_TERM = re.compile(
    r"^(?:(?:A|An|The)\s+)?\[?(\*\*|__)(?P<term>[^*\n]{1,60}?)\1(?:\]\([^()\s]*\))?"
    r"(?P<rest>(?:,|\s+[a-z]).*[.!])\s*$"
)
_COPULAS = {"is", "are", "was", "were", "has", "have", "can", "may", "refers", "means"}
_NOT_VERBS = {"as", "its", "this", "thus", "across", "less", "unless", "plus"}


def _verb_follows(rest: str) -> bool:
    """The word after a term (past an aside: ", also known as X, …") reads as its verb."""
    words = re.sub(r"^,[^,]*,", "", rest).split()
    word = words[0] if words else ""
    return word in _COPULAS or len(word) > 3 and word.endswith("s") and word not in _NOT_VERBS


def unwrap_subject_terms(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """List items that each define their bold term in a sentence, ten or more on a page with
    distinct terms, most followed by a verb, as cards: the term over its sentence."""
    code = in_code(lines)
    found: dict[int, tuple[str, str]] = {}
    verbs = 0
    for n, ((_, line), skip) in enumerate(zip(lines, code, strict=True)):
        item = None if skip else BULLET.match(line)
        m = _SUBJECT_TERM.match(item["text"]) if item and not NUMBERED.match(line) else None
        if m and (term := m["term"].strip("_* ")):
            found[n] = (term, item["text"].strip())
            verbs += _verb_follows(m["rest"].strip())
    terms = [term.lower() for term, _ in found.values()]
    if len(found) < _MIN_TERMS or len(set(terms)) < len(terms) or 3 * verbs < 2 * len(found):
        return lines
    return _as_cards(lines, found)
