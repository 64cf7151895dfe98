"""Which lists are prose: in a document whose list items mostly do not ask (a long note, a
playbook), a list asks only when most of its own items do; steps such as "1. Identify the
goal" or an aside with a "?" inside a prose list are text, not quiz questions. In any document,
a linked question in a list of links that mostly do not ask is a reading-list entry, and a list
that a sentence introduces as aims ("This guide's objective is twofold:", "By the end you will
be able to:") lists what a text sets out to do, not tasks for the reader; one it introduces as
steps ("repeat the following two steps") is a procedure, until a question asks; one under an
exercises title ("## Exercises", "**练习**：") lists tasks, each a question however worded; one
introduced as questions the reviewed work leaves open ("doesn't analyze:") lists the author's
remarks, unless its questions are put to the reader ("Can you prove …?"). A list
that links to the questions the page's own headings ask is its table of contents."""

from __future__ import annotations

import re

from ingest.lines import ANSWER_LABEL, BULLET, HEADING, NUMBERED, QN, Lines, in_code, indent_of
from ingest.questions import (
    clean,
    ends_sentence,
    is_question,
    is_quoted,
    opens_task,
    question_text,
)

# A Markdown link whose label asks: `[Why X?](#why-x)` names a question, it does not ask one.
ASKING_LINK = re.compile(r"\[[^\]]*[?？][^\]]*\]\([^)]*\)")
# A lead-in that announces a list of aims or learning outcomes, ending in a colon.
_AIMS = re.compile(
    r"\b(?:objectives?|goals?|aims?|outcomes?|you will|you'll|you should|be able to)\b[^.?!]*:\s*$",
    re.I,
)
# A lead-in that announces the steps of a procedure: "repeat the following two steps until …",
# "Three steps for learning:", "The procedure is as follows:". Its items are steps, not tasks.
_STEPS = re.compile(
    r"\b\w+\s+(?:\w+\s+)?(?:steps|stages)\b|\b(?:steps?|procedure)\b[^.?!]*:\s*$"
    r"|\bas follows\s*:?\s*$",
    re.I,
)
# A heading over a list of aims, no colon needed: "### What you'll learn", "## Learning outcomes".
_AIMS_TITLE = re.compile(
    r"\b(?:objectives?|goals?|aims|outcomes?|what you(?:'ll| will) learn|you(?:'ll| will) learn)\b",
    re.I,
)
# A heading or label over a list of exercises, whose items are tasks however they are worded
# ("1. The effect of temperature on output"): "## Exercises", "## Quiz (ch. 1)", "**Review questions:**",
# "# Day 26 — 12 Quick Exercises (15-min each)" (after a lead, a count and a word of kind),
# "**练习**：" (exercises), 习题/思考题 (problems, questions to think about), 演習/練習問題
# (Japanese exercises), 연습 문제 (Korean).
_TASKS_TITLE = re.compile(
    r"^\W*(?:[^—–:]{1,40}\s[—–:]\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?"
    r"(?:(?:quick|short|practice|hands-on|extra|more|further|additional|bonus|optional|mini|coding"
    r"|practical)\s+)?(?:exercises|quiz(?:zes)?(?:\s+\d{1,3})?|(?:review|"
    r"practice|self-check|discussion)\s+(?:questions|problems|exercises)|练习题?|习题|思考题|課題"
    r"|演習(?:問題)?|練習問題|연습\s*문제)\W*(?:\([^()]{1,20}\)\W*)?$",
    re.I,
)
# A lead-in or heading that says the questions after it are left open by the work it reviews: a
# critique's "doesn't deeply analyze:", "What's missing:", "Future work". Nobody answers them,
# the author included: they are remarks, not questions to study. ("Open questions" and
# "Unanswered" are not among them: a student heads the bank's bare questions so.)
_OPEN = re.compile(
    r"\b(?:unresolved|unexplored|remains?\s+open|future\s+(?:work|directions|research)"
    r"|what(?:'s|’s|\s+is)\s+missing"
    r"|(?:doesn't|doesn’t|does\s+not|don't|don’t|do\s+not)\s+(?:\w+\s+)?"
    r"(?:analy[sz]e|address|answer|explore|discuss|study|investigate))\b",
    re.I,
)
_TO_READER = re.compile(r"\byou\b", re.I)
# A list item that is one link to another page and nothing else: `[Why X?](https://…/x)`.
_LINK_ONLY = re.compile(
    r"^\s*(?:\*\*)?\[(?P<label>[^\]]+)\]\((?P<url>[^)#\s][^)\s]*)\)(?:\*\*)?\s*$"
)


# A reading-list entry: a link, then a dash or colon and what the page offers (`[Leaf disease
# contest](https://…) - Rather compete for prizes? Train a net …`).
_LINK_ENTRY = re.compile(r"^\s*(?:\*\*)?\[(?P<label>[^\]]+)\]\([^)\s]+\)(?:\*\*)?\s*[-–—:]\s+\S")


def linked_question(text: str) -> bool:
    """A list item that is only a link to another page, its label asking: a bank that links
    each question to its answer elsewhere (`* [Why normalise?](https://…)`). A link with text
    after it (`[Attention?](url) by X`) is a reading-list entry; a link to an anchor on the
    same page (`#why-x`) is a table of contents."""
    m = _LINK_ONLY.match(text)
    return bool(m) and is_question(clean(m.group("label")))


def asks(text: str) -> bool:
    """A list item's text asks; a "?" only inside a link's label does not count, unless the
    item is that link alone (`linked_question`)."""
    if linked_question(text):
        return True
    if (m := _LINK_ENTRY.match(text)) and "?" not in m.group("label"):
        # the page's title, then what it offers: it asks only if it ends asking ("[Survey](…):
        # what is left to solve?"), not with a teaser before the pitch ("Rather compete? Train …")
        return clean(text).rstrip().endswith("?")
    if ASKING_LINK.search(text):
        return "?" in clean(ASKING_LINK.sub("", text))
    return is_question(clean(text)) and not _outline_entry(clean(text))


def _outline_entry(text: str) -> bool:
    """A skill in an outline, "create a compute instance": a verb phrase set lower-case with no
    stop, as an exam guide or syllabus lists what it covers. A task is a sentence ("Create a
    compute instance.", "Create a compute instance")."""
    text = text.strip()
    return text[:1].islower() and not text.endswith((".", "?", "!", ":", "？")) and opens_task(text)


def _items(lines: Lines) -> list[tuple[int, int, int, str]]:
    """(index, indent, list id, text with its wrapped lines) of every list item."""
    out: list[tuple[int, int, int, str]] = []
    # (indent, numbered) → id of the list open there: "1." items and "-" items at one indent
    # are two lists (the bullets of an answer between numbered questions are not the questions')
    lists: dict[tuple[int, bool], int] = {}
    next_id, blank = 0, False
    for i, ((_, raw), code) in enumerate(zip(lines, in_code(lines), strict=True)):
        if code:
            continue
        if not raw.strip():
            blank = True
            continue
        m = BULLET.match(raw)
        if HEADING.match(raw):
            lists = {}
        elif m and not ANSWER_LABEL.match(raw) and not QN.match(raw):
            indent, key = indent_of(raw), (indent_of(raw), bool(NUMBERED.match(raw)))
            lists = {k: n for k, n in lists.items() if k[0] < indent or k == key}
            if key not in lists:
                lists[key], next_id = next_id, next_id + 1
            out.append((i, indent, lists[key], m.group("text")))
        elif out and not blank and not ANSWER_LABEL.match(raw):
            n, indent, lid, text = out[-1]
            out[-1] = (n, indent, lid, f"{text} {raw.strip()}")  # a wrapped line
        elif blank:
            lists = {k: n for k, n in lists.items() if k[0] < indent_of(raw)}
        blank = False
    return out


def _by_list(items, asking) -> dict[int, list[bool]]:
    by_list: dict[int, list[bool]] = {}
    for (_, _, lid, _), a in zip(items, asking, strict=True):
        by_list.setdefault(lid, []).append(a)
    return by_list


def list_roles(lines: Lines) -> tuple[set[int], set[int]]:
    """`(prose, bank)`: indexes of list items that are prose (`_prose`) and of list items that
    ask because their list does (`_bank`). Every item is read and judged once for both."""
    items = _items(lines)
    asking = [asks(text) for *_, text in items]
    by_list = _by_list(items, asking)
    aims, steps, exercises, left_open = _lead_ins(lines, items)
    tasks = {i for (i, _, lid, t) in items if lid in exercises and not _LINK_ONLY.match(t)}
    prose = _prose(items, asking, by_list) | {i for (i, _, lid, _) in items if lid in aims}
    # an open question put to the reader ("Can you prove …?") is a challenge, still asked
    prose |= {i for (i, _, lid, t) in items if lid in left_open and not _TO_READER.search(t)}
    prose -= tasks
    prose |= _contents(lines, items)
    # a step is no task; a question asked after the steps ends them
    for i, _, lid, text in items:
        if lid in steps and "?" in text:
            steps.discard(lid)
        elif lid in steps:
            prose.add(i)
    return prose, (_bank(items, asking, by_list) | tasks) - prose


def _contents(lines: Lines, items) -> set[int]:
    """List items that link to a question a heading of the same page asks (a table of contents
    whose links are full URLs, `[What is OOF?](https://github.com/x/y#10-what-is-oof)`)."""
    asked = {_key(m.group(2)) for _, line in lines if (m := HEADING.match(line))}
    return {
        i
        for i, _, _, text in items
        if (m := _LINK_ONLY.match(text)) and "#" in m["url"] and _key(m["label"]) in asked
    }


def _key(title: str) -> str:
    """A title as a table of contents and its heading both spell it."""
    return " ".join(re.sub(r"[\W_]+", " ", question_text(title)).lower().split())


def _lead_ins(lines: Lines, items) -> tuple[set[int], set[int], set[int], set[int]]:
    """Ids of the lists a lead-in sentence introduces as aims (`_AIMS`), as the steps of a
    procedure (`_STEPS`), as exercises (`_TASKS_TITLE`, a heading or a label line) and as
    questions left open (`_OPEN`)."""
    firsts: dict[int, int] = {}
    for i, _, lid, _ in items:
        firsts.setdefault(lid, i)
    aims, steps, exercises, left_open = set(), set(), set(), set()
    for lid, i in firsts.items():
        before = next((lines[k][1] for k in range(i - 1, -1, -1) if lines[k][1].strip()), "")
        heading = HEADING.match(before)
        lead = clean(before)
        if _TASKS_TITLE.match(clean(heading.group(2)) if heading else lead):
            exercises.add(lid)
        elif _AIMS.search(lead) or heading and _AIMS_TITLE.search(clean(heading.group(2))):
            aims.add(lid)
        elif _OPEN.search(lead):  # a heading's text too: "## Open questions"
            left_open.add(lid)
        elif not heading and _STEPS.search(lead):
            steps.add(lid)
    return aims, steps, exercises, left_open


def _bank(items, asking, by_list, share: float = 0.8, least: int = 5) -> set[int]:
    """In a list of at least `least` items of which `share` ask, a sentence that words its task
    without a question mark or a leading task verb ("Given n observations, derive the
    estimator.") is one more question of the bank, as a reader takes it. A label without a
    sentence's end ("Retrieval module") heads the questions after it, and a quotation is an
    example given with the one above."""
    banks = {lid for lid, a in by_list.items() if len(a) >= least and sum(a) >= share * len(a)}
    return {
        i
        for (i, _, lid, text), a in zip(items, asking, strict=True)
        if lid in banks and not a and ends_sentence(clean(text)) and not is_quoted(clean(text))
    }


def _prose(items, asking, by_list, bank_share: float = 1 / 3) -> set[int]:
    """List items that are prose, not questions (see the module docstring)."""
    if not items:
        return set()
    minority = {lid for lid, a in by_list.items() if 2 * sum(a) <= len(a)}
    if sum(asking) >= bank_share * len(items):
        # a bank: only a linked question in a reading list (`- [Docs](…)`, `- [How to X?](…)`)
        return {i for (i, _, lid, t) in items if lid in minority and linked_question(t)}
    return {i for (i, _, lid, _) in items if lid in minority}
