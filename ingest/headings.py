"""Which headings ask: a heading whose body answers it is a question (a bank of `?` headings, a
numbered FAQ entry, an exercise with a folded solution), one whose body holds questions of its
own names their topic, and a run of numbered headings with nothing under them is an exercise
list. Whole-document looks, read before the line-by-line pass (`ingest.machine`)."""

from __future__ import annotations

import re

from ingest import siblings as kin  # `siblings` names the sibling groups below
from ingest.answers import answer_fold, fold_lines
from ingest.bodies import (
    answered_before_questions,
    checklist,
    holds_questions,
    nothing_but_code,
    solved_exercise,
    told_solution,
)
from ingest.checkers import calls_checker
from ingest.lines import (
    BULLET,
    HEADING,
    OPTION,
    SECTION_NUMBER,
    Lines,
    defined_term,
    in_code,
    opens_answer,
)
from ingest.questions import (
    CJK_QUESTION_WORD,
    IMPERATIVES,
    NUMBER_END,
    PART,
    QUESTION_N,
    STEP_WORD,
    asks_outright,
    has_mark,
    is_question,
    opens_task,
    question_text,
    reads_as_question,
)
from ingest.section_titles import (
    FAQ_TITLE,
    GLOSSARY_PAGE,
    SOLUTIONS_TITLE,
    TROUBLE_TITLE,
)

# `Q12.` / `Question 3:` / `Q3.1-` / a part `1(a)` before a heading's text says it is a question,
# whatever the wording (in a bank of asking headings, a numbered one that does not ask is a
# sub-section).
_Q_NUMBER = re.compile(
    rf"^\W*(?:(?:Q|{CJK_QUESTION_WORD})\s*\d{{1,4}}{NUMBER_END}|{QUESTION_N}|{PART})", re.I
)
# A heading that only numbers a question: "Question 3", "Q12.", "Problem 4:", "Exercise 2", "1.2"
# (bookdown numbers an empty heading), "Part A.III" (a part of a problem; "Part 2" alone may be a
# part of a note).
BARE_NUMBER = re.compile(
    r"^\W*(?:(?:Q|Question|Problem|Exercise)\s*\d{1,4}|Exercise|\d{1,3}(?:\.\d{1,3})*"
    # a statement's label and its identifier: "Enunciado AAII.EX.2023J2.1", "Aufgabe 3"
    r"|(?:Statement|Enunciado|Ejercicio|Pregunta|Exercice|Aufgabe)\s+[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*"
    r"|Part\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})(?:\.(?:[A-Z]|\d{1,2}|[IVX]{1,5}))+)\s*[.:)]?\s*$",
    re.I,
)
# A short heading ending in a colon labels what follows ("Citation:", "**Requirements:**"): no
# FAQ entry, unlike a problem stated in a sentence ("I get this error when training on two GPUs:").
_LABEL = re.compile(r"^[\s*_]*\S+(?:\s+\S+){0,2}?[\s*_]*[:：][\s*_]*$")
# An entry number with no sub-number: `3.`, `12)` (not `2.1`, which numbers a sub-section).
_STEP = re.compile(rf"^\W*{STEP_WORD}\s*\d{{1,4}}", re.I)
_ENTRY_NUMBER = re.compile(r"^\W*\d{1,4}[.)]\s")
_SUB_NUMBER = re.compile(r"^\W*(?:Q|Question)?\s*\d{1,4}\.\d", re.I)  # `Q15.1-`: a sub-section
# A problem told in the first person ("I'm inserting 400,000 rows … and it's really slow!",
# "My loss is NaN"): among headings worded as questions, a FAQ's entry though it does not ask.
_TOLD_PROBLEM = re.compile(r"^(?:I(?:['’](?:m|ve|d))?|My)\s")
_WH = {"how", "why", "what", "which", "when", "where", "whether", "who"}
_YES_NO = {"would", "should", "could", "can", "does", "do", "did", "is", "are", "will"}
_LINK_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]?\]\s+\[[^\]]*\]\([^)]*\)\s*$")
_SKIPPABLE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|\|.*\|)\s*$")


def defines_terms(body: list[str]) -> bool:
    """Most of the body is list items that each define a term (`- Xt - the response
    variable.`): a heading over it names a group of terms, and is no term itself."""
    filled = [ln for ln in body if ln.strip()]
    defined = [ln for ln in filled if (m := BULLET.match(ln)) and defined_term(m.group("text"))]
    return bool(defined) and 2 * len(defined) > len(filled)


def offers_options(body: list[str]) -> bool:
    """The body opens (after any image or table) with two or more multiple-choice options; a
    checklist of links (`- [ ] [A guide](https://…)`) is a reading list, not options."""
    options = 0
    for line in body:
        if not line.strip() or _SKIPPABLE.match(line):
            continue
        if not OPTION.match(line) or _LINK_ITEM.match(line):
            break
        options += 1
    return options >= 2


# A title that invites questions names a slide or a section: "Questions?", "Any questions?".
_INVITATION = re.compile(r"^(?:any\s+)?(?:more\s+|further\s+|other\s+)?questions\s*\?+$", re.I)


def _asks(title: str, body: list[str], bank: bool, step: bool = False) -> bool:
    """`step`: one of a run of numbered headings most of which do not read as questions (a
    tutorial's "1. Set up", "2. Create the dataset", "3. Align the model"): its number does not
    make it a question. A title that invites questions ("Any questions?") asks none."""
    text = question_text(title)
    if _INVITATION.match(text):
        return False
    numbered = bool(kin.NUMBER.match(title)) and not step
    if is_question(text) and (asks_outright(text) or bank or numbered):
        return True
    if (_Q_NUMBER.match(title) and not bank) or offers_options(body):
        return True
    # "Would adding more data help underfitting": a title in yes/no question order asks.
    words = text.split()
    if len(words) >= 4 and words[0].lower() in _YES_NO and words[1][:1].islower():
        return True
    # "What is a graph": a wh-word then a verb, in question order, asks; "How it works" and
    # "What's new" title a section.
    if len(words) >= 4 and words[0].lower() in _WH and words[1].lower() in _YES_NO:
        return True
    # "Tell how many GPUs you need", "Explain why X": a task verb asking for a how/why/what.
    if len(words) >= 4 and words[0].lower() in IMPERATIVES and words[1].lower() in _WH:
        return True
    # "13. Define variance", "How Do You Handle Missing Data": in a bank of questions only.
    return (bank or numbered) and reads_as_question(text)


def question_headings(
    lines: Lines,
    folded: set[int] | None = None,
    notebook: bool = False,
    asked: set[int] = frozenset(),
) -> set[int]:
    """Indexes of headings that ask a question answered by their body: the title asks (see
    `_asks`) and the body holds no questions of its own (else the heading is a section); a term
    heading in a glossary is one too. A question heading with text of its own before question
    sub-headings is answered by that text; the sub-headings are questions in their own right.
    In a notebook, a numbered step (`### Step 5. Count the rows`) with only code cells under it
    (or none) is a task whatever its wording, answered by that code. `asked`: lines that are
    questions of their own (a bank of bold or quoted lines): a heading over one names its
    topic."""
    heads = headings_of(lines, folded)
    # A level at which most headings end in "?" is a bank: its imperatives ask too.
    by_level: dict[int, list[bool]] = {}
    for _, level, title in heads:
        by_level.setdefault(level, []).append(has_mark(title))
    banks = {
        lv for lv, marks in by_level.items() if len(marks) >= 3 and 2 * sum(marks) >= len(marks)
    }
    parents = kin.parents_of(heads)
    siblings = kin.sibling_groups(heads, parents)
    faq_like = kin.asking_siblings(heads, siblings)
    worded_like = kin.asking_siblings(heads, siblings, kin.worded)
    walkthrough = kin.steps(heads, siblings)
    subtitled = kin.subtitled_topics(heads, siblings)
    entries, parts = kin.index_entries(heads, parents)
    terms = {n for members in siblings if len(members) >= 3 for n in members} - parts | entries
    # a page whose title (its first heading) names a glossary: a site's header over its chapters
    titled_glossary = bool(heads) and bool(GLOSSARY_PAGE.search(heads[0][2]))
    cards: set[int] = set()  # positions of a glossary's term headings
    out = set()
    path: list[tuple[int, str]] = []  # the headings above the current one
    for n, (i, level, title) in enumerate(heads):
        path = [(lv, t) for lv, t in path if lv < level]
        in_faq = any(FAQ_TITLE.search(t) for _, t in path)
        under_faq = bool(path) and bool(FAQ_TITLE.search(path[-1][1]))
        trouble = any(TROUBLE_TITLE.search(t) for _, t in path)  # its groups ("Jupyter errors") too
        solved = bool(path) and bool(SOLUTIONS_TITLE.match(path[-1][1]))
        glossary = titled_glossary or any(GLOSSARY_PAGE.search(t) for _, t in path)
        in_glossary = glossary and (n in terms or parents[n] in cards)  # a term or a sub-term
        path.append((level, title))
        end = next((j for j, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
        body = [ln for _, ln in lines[i + 1 : end]]
        leaf = not any(i < j < end for j, _, _ in heads)
        # A numbered entry of a FAQ, or one at a level where most headings ask, is a question
        # whatever its wording: FAQs list problems as statements ("Training crashes on
        # Windows.") and error messages.
        if leaf and solved:
            out.add(i)  # "2.4 Convolution of two Gaussians" in "2 Solutions": solved under it
            continue
        if leaf and (BARE_NUMBER.match(title) and any(ln.strip() for ln in body)
                     or solved_exercise(title, body)):  # fmt: skip
            out.add(i)  # "### Question 3": the question is the first line of its body
            continue
        below = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        if (
            in_glossary
            and not SECTION_NUMBER.match(title)  # "1.3 References": a part of the page, not a term
            and any(ln.strip() for _, ln in lines[i + 1 : below])
            # an A–Z index's entry defines its one term, even in parts ("Local vs Global")
            and (n in entries or not defines_terms([ln for _, ln in lines[i + 1 : below]]))
        ):
            cards.add(n)  # a card, defined under it; its sub-terms are cards of their own
            out.add(i)
            continue
        if leaf and notebook and calls_checker(body):
            out.add(i)  # an exercise whose answer a checker holds: asks whatever its wording
            continue
        if leaf and any(answer_fold(ln) for ln in body):
            out.add(i)  # an exercise: its title asks whatever its wording; a fold holds the answer
            continue
        if (
            leaf
            and (first := next((ln for ln in body if ln.strip()), None))
            and opens_answer(first)
            and not told_solution(title, first)
        ):
            out.add(i)  # "#### Describe X." over "**Answer:** …": answered, so it asks
            continue
        if leaf and trouble and any(ln.strip() for ln in body) and not _LABEL.match(title):
            out.add(i)  # "Illegal instruction (core dumped)" under "Troubleshooting": its fix
            continue
        if leaf and n in worded_like and _TOLD_PROBLEM.match(question_text(title)):
            out.add(i)  # "I'm inserting 400,000 rows and it's really slow!" among questions
            continue
        faq_entry = (
            in_faq
            # a numbered entry's answer may run over sub-headings of its own, none asking
            and (
                leaf
                or bool(_ENTRY_NUMBER.match(title))
                and not any(reads_as_question(question_text(t)) for j, _, t in heads if i < j < end)
            )
            and not _LABEL.match(title)
            and bool(
                # a numbered part of a question's answer ("#### 1. Data with timestamps") is none
                (
                    _ENTRY_NUMBER.match(title)
                    and not (parents[n] >= 0 and heads[parents[n]][0] in out)
                )
                or ((level in banks or n in faq_like) and not _SUB_NUMBER.match(title))
                # "How to serialize an algorithm", "What are raw and inner ids": right under a
                # FAQ title whose entries are mostly worded as questions, though without "?"
                or (under_faq and n in worded_like and kin.worded(title))
                # "Explain TF-IDF.": a task set right under a Q&A title is one of its entries
                or (under_faq and opens_task(question_text(title)))
            )
        )
        step = notebook and bool(_STEP.match(title)) and nothing_but_code(body)
        if n in subtitled and not faq_entry:
            continue  # "Testing: is our model any good?" among "Features: the raw material …"
        if (
            not (faq_entry and any(ln.strip() for ln in body))
            and not step
            and not _asks(title, body, level in banks, n in walkthrough)
        ):
            continue
        subs = [
            j
            for j, lv, t in heads
            if i < j < end and (is_question(question_text(t)) or notebook and _STEP.match(t))
        ]
        if subs and not any(ln.strip() for _, ln in lines[i + 1 : subs[0]]):
            continue  # only sub-questions under it: it names their topic
        if any(i < j < end for j in asked):
            continue  # "## Anything else?" over "> I have a question…" and its answer
        if (
            not holds_questions(body)
            or answered_before_questions(body)
            or (asks_outright(question_text(title)) and checklist(body))
        ):
            out.add(i)
    return out


def headings_of(lines: Lines, folded: set[int] | None = None) -> list[tuple[int, int, str]]:
    """(index, level, title) of every heading outside code fences and answer folds (a
    `<details>` answer, a `:::{solution}` fold: "#### Load the data" in a worked solution)."""
    heads = []
    folded = fold_lines(lines) if folded is None else folded
    inside: str | None = None  # the closing fence of the answer fold we are in
    for i, ((_, raw), code) in enumerate(zip(lines, in_code(lines), strict=True)):
        if inside is not None:
            inside = None if raw.strip() == inside else inside
        elif not code and (fence := answer_fold(raw)) is not None:
            inside = fence
        elif not code and i not in folded and (m := HEADING.match(raw)):
            heads.append((i, len(m.group(1)), m.group(2)))
    return heads
