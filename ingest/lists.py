"""Rules for list items: a question, an option of the question above, or prose; and an
`Answer:` label that turns the item above it into a question."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.items import ParsedItem
from ingest.lines import BULLET, LINK_LEAD
from ingest.listscan import ASKING_LINK, asks, linked_question
from ingest.questions import clean, is_question, split_joined_questions

if TYPE_CHECKING:
    from ingest.machine import Open, Parser

_TERM = re.compile(
    r"^(?:\*\*|__)[^*_]{1,60}(?:\*\*|__)\s*[:：–—-]\s*|^(?:\*\*|__)[^*_]{1,60}[:：](?:\*\*|__)\s*"
)
_QUOTES = "“\"'‘«"


def close_bullet(p: Parser, o: Open) -> None:
    """Classify a finished bullet: question(s), an option of the question above, or prose."""
    text = o.question
    p.prose_bullet = None
    asks = is_question(text) if o.asks is None else o.asks
    if p.last_bullet is not None and o.asks is None:
        index, indent = p.last_bullet
        prev = p.items[index]
        if text[:1] in _QUOTES or (o.indent > indent and not asks):
            # An option of the question above, e.g. one of three quoted prompts.
            p.items[index] = replace(prev, question=f"{prev.question} {text}", end=o.end)
            return
    if asks:
        for part in split_joined_questions(text):
            p.emit(part, "", o.section, o.start, o.end)
        p.last_bullet = (len(p.items) - 1, o.indent)
        p.awaiting = len(p.items) - 1
        return
    p.last_bullet = None
    p.prose.append((o.start, "- " + text))
    p.prose_bullet = o  # an `Answer:` label below would make it a question after all


def reopen(p: Parser, loc: int, m: re.Match) -> bool:
    """An `Answer:` label after a blank line still answers the bare question just above."""
    from ingest.machine import Open

    index, o = p.awaiting, p.prose_bullet
    if o is not None and p.prose and p.prose[-1][1] == "- " + o.question:
        p.prose.pop()
        prev = ParsedItem("question", o.question, "", o.section, o.start, o.end)
        indent = o.indent
    elif index is None or index != len(p.items) - 1:
        return False
    else:
        prev = p.items.pop()
        indent = p.last_bullet[1] if p.last_bullet else -1
    p.open = Open(prev.question, prev.section, prev.start, loc, "labelled", indent)
    rest = clean(m.group("rest")).strip()
    p.open.answer = [rest] if rest else []
    p.last_bullet = p.awaiting = None
    return True


def open_bullet(p: Parser, i: int, loc: int, raw: str, m: re.Match) -> None:
    """A list item starts: it is classified when it ends (`close_bullet`), unless the line
    itself decides (an example prompt; a reading-list entry that opens with a link)."""
    from ingest.machine import Open

    text, indent = m.group("text"), len(m.group("indent").expandtabs(4))
    p.close()
    if is_question(text) or p.last_bullet is not None:
        p.flush_prose()
    p.open = Open(text, p.section, loc, loc, "bullet", indent=indent)
    if i in p.prompts:
        p.open.asks = True
    elif i in p.prose_lists:
        p.open.asks = False
    elif (item := BULLET.match(raw)) and linked_question(item.group("text")):
        p.open.asks = True  # `[Why normalise?](https://…)`: the question, linked to its answer
    elif (item := BULLET.match(raw)) and (link := LINK_LEAD.match(item.group("text"))):
        # `[Attention? Attention!](url) by …`: a "?" in the link's title does not ask
        rest = item.group("text")[link.end() :]
        p.open.asks = "?" in clean(rest)
    elif (item := BULLET.match(raw)) and (term := _TERM.match(item.group("text"))):
        # `**Code Implementation**: practise …`: a term and its description ask only if the
        # description does
        rest = clean(item.group("text")[term.end() :]).strip()
        p.open.asks = is_question(rest)
        p.open.question = f"{re.sub(r'[*_]{2}', '', term.group(0)).strip()} {rest}"
    elif (item := BULLET.match(raw)) and ASKING_LINK.search(item.group("text")):
        # `See [Why is X?](#why-x) for details`: it names a question elsewhere, asks nothing
        p.open.asks = asks(item.group("text"))
