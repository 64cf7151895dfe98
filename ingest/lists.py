"""Rules for list items: a question, an option of the question above, or prose; and an
`Answer:` label that turns the item above it into a question."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from core.text import join_wrapped
from ingest.items import ParsedItem
from ingest.label_words import A_WORD
from ingest.lines import (
    BOLD_TERM,
    BULLET,
    LINK_LEAD,
    OPTION,
    RUN_IN,
    defined_term,
    indent_of,
    run_in,
)
from ingest.listscan import ASKING_LINK, asks, linked_question
from ingest.questions import clean, is_question, is_quoted, split_joined_questions
from ingest.section_titles import GLOSSARY_PAGE, GLOSSARY_TITLE, TROUBLE_TITLE

if TYPE_CHECKING:
    from ingest.machine import Open, Parser

_QUOTES = "“\"'‘«"
# A question and its answer on one line, the answer after its label: "*What is overfitting?*
# **Answer:** The model fits noise.", "¿Qué es X? Respuesta: …".
_INLINE_ANSWER = re.compile(
    rf"^(?P<q>\S.{{2,300}}?[?？][*_]*)\s+(?:(?:\*\*|__)?{A_WORD}\s*[:：](?:\*\*|__)?"
    rf"|(?:\*\*|__){A_WORD}(?:\*\*|__)\s*[:：])\s*(?P<rest>\S.*)$"
)
# A reading-list entry cited by author and year: `Wei, Haghtalab & Steinhardt (2023), "Jailbroken:
# How Does LLM Safety Training Fail?"`, `Carlini et al. (2023)`, `Vaswani, A., Shazeer, N. (2017).`
# Only names come before the year, so its title's "?" asks nothing ("What did Vaswani et al.
# (2017) propose?" asks).
_CITATION = re.compile(r"^(?:[A-Z][\w'’.-]*|et al\.?|and|&|,|\s)+\((?:19|20)\d\d[a-z]?\)")


def close_bullet(p: Parser, o: Open) -> None:
    """Classify a finished bullet: question(s), an option of the question above, or prose."""
    text = o.question
    p.prose_bullet = None
    asks = is_question(text) if o.asks is None else o.asks
    asks = asks and not _CITATION.match(text.lstrip("*_ "))
    if p.last_bullet is not None and o.asks is None:
        index, indent, _ = p.last_bullet
        prev = p.items[index]
        if o.indent > indent and not asks and _states(text):
            # a sentence nested under a list question answers it ("- Data points separated by
            # the same interval, with no more than 10% missing.")
            answer = f"{prev.answer}\n{o.marker} {text}".strip()
            p.items[index] = replace(prev, kind="qa", answer=answer, end=o.end)
            return
        if is_quoted(text) or (o.indent > indent and not asks):
            # An option of the question above, e.g. one of three quoted prompts.
            p.items[index] = replace(prev, question=join_wrapped(prev.question, text), end=o.end)
            return
    if asks:
        for part in split_joined_questions(text):
            p.emit(part, "", o.section, o.start, o.end)
        p.last_bullet = (len(p.items) - 1, o.indent, o.row)
        p.awaiting = len(p.items) - 1
        return
    p.last_bullet = None
    # an `Answer:` label below would make a list's only item a question after all; under a
    # list of statements ("- Primal max → dual min", …), it answers what the list explains
    alone = not (p.prose and BULLET.match(p.prose[-1][1]))
    p.prose.append((o.start, f"{o.marker} {text}"))
    p.prose_bullet = o if alone else None


def _states(text: str) -> bool:
    """A full sentence, not an option: six words or more and a full stop."""
    return len(text.split()) >= 6 and text.rstrip().endswith(".")


def _options_follow(p: Parser, i: int, indent: int) -> bool:
    """The next line with text is a multiple-choice option nested under this item."""
    nxt = next((ln for _, ln in p.lines[i + 1 : i + 4] if ln.strip()), "")
    return bool(OPTION.match(nxt)) and indent_of(nxt) > indent


def _option_of_question(p: Parser, loc: int, raw: str, indent: int) -> bool:
    """`- [ ] A) …` nested under a list question: an option of a multiple-choice question,
    kept in its answer as written (an `Answer:` label below adds the key)."""
    if p.awaiting is None or p.last_bullet is None or p.awaiting != p.last_bullet[0]:
        return False
    if indent <= p.last_bullet[1] or not OPTION.match(raw):
        return False
    prev = p.items[p.awaiting]
    answer = f"{prev.answer}\n{clean(raw.strip())}".strip()
    p.items[p.awaiting] = replace(prev, kind="qa", answer=answer, end=loc)
    return True


def reopen(p: Parser, loc: int, rest: str, label: bool = True, faq: bool = False) -> bool:
    """An `Answer:` label (`label`, `rest` the text after it) after a blank line still answers
    the bare question just above; so does a paragraph indented under it (`rest` its first
    line), and, in a FAQ (`faq`), under a list item that states a problem ("- Using
    Albumentations")."""
    from ingest.machine import Open

    index, o = p.awaiting, p.prose_bullet
    if (
        o is not None
        and p.prose
        and p.prose[-1][1] == f"{o.marker} {o.question}"
        and (label or faq)
    ):
        prev = ParsedItem("question", o.question, "", o.section, o.start, o.end)
        indent, row, from_prose = o.indent, o.row, True
    elif index is not None and index == len(p.items) - 1:
        prev = p.items[-1]
        indent, row = p.last_bullet[1:] if p.last_bullet else (-1, -1)
        from_prose = False
    else:
        return False
    loose = row in p.answered_rows  # `- **How …?**`, blank, answer (scan.py)
    if not label and (indent < 0 or (indent_of(rest) <= indent and not loose)):
        return False  # only a paragraph indented under the item answers it
    if from_prose:
        p.prose.pop()
    else:
        p.items.pop()
    p.open = Open(prev.question, prev.section, prev.start, loc, "labelled", indent)
    p.open.indented_body = not label and indent_of(rest) > indent
    if loose and not label and not p.open.indented_body:
        p.open.loose, p.open.row = True, row
    rest = clean(rest).strip()
    if prev.answer:  # the options of a multiple-choice question, then its key
        p.open.answer = [prev.answer, "", f"Answer: {rest}" if label else rest]
    else:
        p.open.answer = [rest] if rest else []
    p.last_bullet = p.awaiting = None
    return True


def open_bullet(p: Parser, i: int, loc: int, raw: str, m: re.Match) -> None:
    """A list item starts: it is classified when it ends (`close_bullet`), unless the line
    itself decides (an example prompt; a reading-list entry that opens with a link)."""
    from ingest.machine import Open

    text, indent = m.group("text"), len(m.group("indent").expandtabs(4))
    p.close()
    if _option_of_question(p, loc, raw, indent):
        return
    if is_question(text) and i not in p.prose_lists or p.last_bullet is not None:
        p.flush_prose()  # a question starts a new item; a prose list stays one run of text
    if (m := RUN_IN.match(text)) or (inline := _INLINE_ANSWER.match(text)):
        p.flush_prose()  # `- **How do I X?** You …`, `1. *X?* **Answer:** Y`: answered on its line
        question, rest = run_in(m) if m else (clean(inline["q"]), inline["rest"])
        p.open = Open(question, p.section, loc, loc, "labelled", indent=indent, answer=[rest])
        return
    # the section names terms ("Key concepts"), or the page is a glossary ("Glossary" > "Terms")
    in_glossary = bool(p.sections) and bool(GLOSSARY_TITLE.search(p.sections[-1][1]))
    in_glossary |= any(GLOSSARY_PAGE.search(title) for _, title in p.sections)
    # a section of known problems: `- **CUDA out of memory**: lower the batch size …`
    in_glossary |= bool(p.sections) and bool(TROUBLE_TITLE.search(p.sections[-1][1]))
    if in_glossary and (pair := defined_term(text)) and (rest := clean(pair[1]).strip()):
        # in a glossary, a term is a card and its description the answer
        p.flush_prose()
        p.open = Open(pair[0], p.section, loc, loc, "labelled", indent=indent, answer=[rest])
        return
    number = re.match(r"\s*(?:\*\*)?(\d{1,3}[.)])", raw)  # "2." stays "2.", "-", "•" read "-"
    p.open = Open(text, p.section, loc, loc, "bullet", indent, marker=number[1] if number else "-")
    p.open.row = i
    if _options_follow(p, i, indent):
        p.open.asks = True  # "76. Identify the incorrect element." over `- [ ] A) …` options
    elif i in p.prompts:
        p.open.asks = True
    elif i in p.prose_lists:
        p.open.asks = False
    elif i in p.bank_lists:
        p.open.asks = True
    elif (item := BULLET.match(raw)) and linked_question(item.group("text")):
        p.open.asks = True  # `[Why normalise?](https://…)`: the question, linked to its answer
    elif (item := BULLET.match(raw)) and (link := LINK_LEAD.match(item.group("text"))):
        # `[Attention? Attention!](url) by …`: a "?" in the link's title does not ask
        rest = item.group("text")[link.end() :]
        p.open.asks = "?" in clean(rest)
    elif (item := BULLET.match(raw)) and (term := BOLD_TERM.match(item.group("text"))):
        # `**Code Implementation**: practise …`: a term and its description ask only if the
        # description does
        rest = clean(item.group("text")[term.end() :]).strip()
        p.open.asks = is_question(rest)
        p.open.question = f"{re.sub(r'[*_]{2}', '', term.group(0)).strip()} {rest}"
    elif (item := BULLET.match(raw)) and ASKING_LINK.search(item.group("text")):
        # `See [Why is X?](#why-x) for details`: it names a question elsewhere, asks nothing
        p.open.asks = asks(item.group("text"))
