"""Structure-aware parsing: lines of a document → questions, Q&A pairs and prose chunks.

Each rule is a family of layouts seen in real question banks, not one file's strings
(examples in the README, "What ingest understands"):
- `Q12: question` / `**Q:** question` / `Question 3.` followed by answer lines (`A:` label
  optional), up to the next question or heading;
- questions as Markdown headings (`## 3) Why …?`, any level), the body up to the next heading of
  the same or a higher level being the answer, sub-headings and code included;
- numbered or bulleted questions followed by an `Answer:` / `A:` / `**Answer**` label, the
  answer indented or flat;
- `<details><summary>question</summary>answer</details>`, or a question followed by a
  `<details>` whose summary is a label such as "Answer";
- Markdown tables with a question column (and usually an answer column);
- mkdocs admonitions `??? question "…"` whose body is the answer, indented or flat;
  `??? tip "…"` and `!!! abstract "…"` act as section headings; Obsidian callouts
  (`> [!question] …`) read the same way, other callouts as their plain text;
- a dialogue of bold speaker labels (`**You:**` / `**Me:**`) where one speaker asks and the
  other answers;
- exam questions titled by a topic (`Question 2: Model Quality [8p]`) and asked in lettered
  parts `(a)`, `(b)`: each part a question;
- exercises whose answer is folded away: a MyST `:::{solution}` or a Pandoc fenced div
  (`::: solution`, a Quarto callout titled "Solution") under the exercise's heading;
- multiple-choice list items: a numbered stem (over one paragraph or several) with options
  nested under it (`- [ ] …`, `a) …`);
- bulleted question lists (`-`, `*`, `•`, `1.`) under Markdown or plain-text headings;
  tags such as `[E]` or `[Hard]` are dropped from the question;
- Markdown headings (`#`..`######`), which give every item its section path.
Everything else is prose, split into chunks by the chunker passed in. Page chrome is dropped
first (`ingest.chrome`); links, images and HTML are cleaned from stored text
(`ingest.formats.markup`).

Where the parts live: `ingest.questions` (what reads as a question, how it is shown),
`ingest.lines` (what one line is; `<details>` and tables read whole), `ingest.headings`
(which headings are questions), `ingest.scan` (which lines are: bold or quoted question lines,
lists of questions, example prompts), `ingest.blocks` (admonition, details and table rules),
`ingest.machine` (the line-by-line reader), `ingest.prose`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.bold_paragraphs import bold_italic_labels, join_bold_paragraphs
from ingest.choice_stems import join_choice_stems
from ingest.chrome import drop_chrome
from ingest.course_exercises import course_exercises
from ingest.dialogue import label_dialogues
from ingest.divs import unwrap_divs
from ingest.exam_parts import lettered_parts, solved_parts
from ingest.exercises import answer_fields
from ingest.front_matter import strip_front_matter
from ingest.grouped_asks import join_listed_asks
from ingest.includes import render_includes
from ingest.inline_cards import (
    unwrap_inline_cards,
    unwrap_subject_terms,
    unwrap_term_paragraphs,
    unwrap_verdicts,
)
from ingest.items import ParsedItem
from ingest.jsx import render_components
from ingest.label_headings import labelled_headings
from ingest.machine import Parser
from ingest.math_fence import fence_math, unfence_math
from ingest.myst import unwrap_myst
from ingest.outline import read_outline
from ingest.pagetitles import mark_titles, slide_titles
from ingest.prepasses import (
    join_wrapped_asks,
    mend_markers,
    separate_run_in_answers,
    strip_hidden,
    unfence_banks,
    unwrap_callouts,
    unwrap_definitions,
    unwrap_glossaries,
)
from ingest.prose import Chunker
from ingest.questions import clean, is_question, question_text
from ingest.rmarkdown import knit
from ingest.setext import setext_headings
from ingest.slide_marks import drop_slide_marks
from ingest.solutions import answer_keys, revealed_solutions, solution_headings

if TYPE_CHECKING:
    from ingest.loaders import Document

__all__ = [
    "Chunker",
    "clean",
    "is_question",
    "parse",
    "parse_document",
    "question_text",
    "split_long_answers",
]


def parse(
    lines: Sequence[tuple[int, str]], chunker: Chunker, unit: str = "line", slides: bool = False
) -> list[ParsedItem]:
    """Parse `(location, line)` pairs — location is a line or page number — into items.
    `slides`: the pages are a deck's slides, each under its title."""
    kept = fence_math(strip_front_matter(list(lines)))
    kept = render_includes(course_exercises(drop_slide_marks(kept)))
    if unit != "page":  # a PDF's text layer has no Markdown to read
        kept = setext_headings(knit(kept))
    kept = read_outline(mend_markers(kept))  # an outliner's page: blocks as Markdown
    kept = unwrap_verdicts(unwrap_term_paragraphs(unwrap_inline_cards(kept)))
    kept = unwrap_subject_terms(kept)
    kept = fence_math(unwrap_myst(unwrap_glossaries(kept)))  # a directive's formulas too
    kept = unwrap_callouts(label_dialogues(join_wrapped_asks(strip_hidden(unfence_banks(kept)))))
    kept = join_listed_asks(join_bold_paragraphs(bold_italic_labels(kept)))
    kept = join_choice_stems(kept)
    kept = answer_keys(solution_headings(labelled_headings(revealed_solutions(unwrap_divs(kept)))))
    kept = separate_run_in_answers(unwrap_definitions(kept))
    kept = drop_chrome(render_components(kept))
    if unit == "page":  # a PDF's text layer has no headings: find its titles by their shape
        kept = slide_titles(kept) if slides else mark_titles(kept)
    kept = solved_parts(lettered_parts(kept))  # after PDF titles: its headings are Markdown's
    items = answer_fields(Parser(kept, unit, chunker).run(), chunker)
    return [replace(it, question=unfence_math(it.question), answer=unfence_math(it.answer))
            for it in items]  # fmt: skip


def split_long_answers(items: list[ParsedItem], chunker: Chunker) -> list[ParsedItem]:
    """An answer longer than one chunk becomes several items that all carry its question and
    section, so every part is found by the question and shown under it."""
    out: list[ParsedItem] = []
    for item in items:
        try:
            parts = chunker(item.answer) if item.kind == "qa" else [item.answer]
        except ValueError:  # the splitter refuses some inputs at tiny chunk sizes: keep whole
            parts = [item.answer]
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) <= 1:
            out.append(item)
            continue
        out.extend(replace(item, answer=part) for part in parts)
    return out


def parse_document(doc: Document, chunker: Chunker) -> list[ParsedItem]:
    """Items of a loaded file: its records for structured decks, else its parsed lines and the
    cards its script holds."""
    if doc.items is not None:
        items = list(doc.items)
    else:
        items = parse(doc.lines, chunker, doc.unit, slides=doc.format == "pdf slides")
    return split_long_answers([*items, *doc.deck], chunker)
