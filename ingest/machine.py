"""The line-by-line reader behind `ingest.parse`: it walks a document once, keeping the open
question, the section path and the prose run, and hands finished items out as it goes.

One module because `Parser.step` is one ordered decision over shared state: which rule sees a
line first decides what it becomes, and that order is easiest to check read top to bottom. The
rules themselves live beside it (`ingest.blocks`, `ingest.lists`, `ingest.headings`,
`ingest.scan`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import join_wrapped
from ingest import blocks, lists
from ingest.answers import (
    after_answer_label,
    answer_part_first,
    fold_lines,
    labelled_part,
    lettered,
    split_fold,
    split_statement,
    split_stem,
    statement_before_label,
    stem_and_options,
    strip_answer_label,
)
from ingest.bodies import solved_exercise
from ingest.checkers import calls_checker
from ingest.exam_parts import unsolved_problems
from ingest.exercises import asking_cells, blank_exercise, exercise_headings, task_headings
from ingest.formats.link_text import join_split_links, strip_anchor, url_title
from ingest.headings import BARE_NUMBER, question_headings
from ingest.items import ParsedItem
from ingest.lines import (
    ADMONITION,
    ANSWER_HEADING,
    ANSWER_LABEL,
    BULLET,
    ECHO,
    FENCE,
    HEADING,
    LABEL_ALONE,
    NUMBERED,
    OPTION,
    PROBLEM,
    QN,
    RUN_IN,
    STYLED_LABEL,
    TABLE_RULE,
    THEMATIC_BREAK,
    Lines,
    closes,
    dedent,
    echoes,
    indent_of,
    next_line,
    plain_heading,
    run_in,
    same_list,
)
from ingest.listscan import list_roles
from ingest.named_questions import numbered_title, restated_question, split_titled_stem
from ingest.prose import Chunker, note_under, prose_chunks
from ingest.questions import (
    ANSWER_SUMMARY,
    clean,
    ends_sentence,
    is_question,
    no_answer,
    question_text,
    reads_as_question,
)
from ingest.scan import (
    answered_bullets,
    bold_questions,
    prompt_runs,
    question_runs,
    quote_line,
    running_text,
)
from ingest.section_titles import FAQ_TITLE, TROUBLE_TITLE
from ingest.solutions import labels_solutions, split_unlabelled, states_first
from ingest.worksheets import worksheet_cells

# A link to a place on the same page, `- [Q02: Installation](#q02)(13)`: a table of contents.
TOC_ENTRY = re.compile(r"^\s*(?:\*\*)?(?:[-*+]\s+)?\[[^\]]*\]\(#[^)]*\)")
# A list item labelled 问题 ("question", as often "problem"), the field of an answer it may be.
_FIELD_PROBLEM = re.compile(r"^\s*[-*+]\s+(?:\*\*|__)?问题")
# A labelled line right under a list question that belongs to it: `Hint: …`, `Note: …`.
_AFTERWORD = re.compile(r"^(?:Hint|Note|Tip|Hints|Notes)\s*:\s+\S", re.I)
_ANSWER_STYLES = ("qn", "admonition", "labelled", "heading")
_EMPHASIS_PAIR = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# a line set in bold, or a bold item of a list, an emoji before it aside ("- **Pros**",
# "1. **Switch models**", "✅ **Pros:**")
_BOLD_LINE = re.compile(r"\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?[^\w\s*_]{0,3}\s*(?:\*\*|__)")
# A list marker left alone once its item's image or badge is removed prints nothing.
_EMPTIED_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s*$")


@dataclass
class Open:
    """A question being collected while its answer lines arrive."""

    question: str
    section: str
    start: int
    end: int
    style: str  # "qn", "admonition", "labelled", "heading", "bullet"
    indent: int = 0  # heading level for "heading"
    answer: list[str] = field(default_factory=list)
    indented_body: bool | None = None
    asks: bool | None = None  # set when the line itself decides (an example prompt, a link)
    labelled_below: bool = False  # a `Q:` question whose answer label is lines below it
    marker: str = "-"  # a list item's marker as shown again: "-", or its number ("2.")
    row: int = -1  # a list item's own line (its index in the document)
    # A list question answered by the text under it, unindented: the answer runs, lists and
    # code included, up to the next item of that list.
    loose: bool = False
    numbered: bool = False  # a `Question 3: …` line: its label numbers the question


def _disclosure_control(raw: str, stripped: str) -> bool:
    """`<summary>Show answer</summary>`, `<summary>Solution</summary>`: a fold's control that
    says it holds the answer, a label and no text of a question or its answer."""
    return "<summary" in raw.lower() and bool(ANSWER_SUMMARY.match(stripped))


class Parser:
    def __init__(self, lines: Lines, unit: str, chunker: Chunker):
        self.lines = lines
        self.unit = unit
        self.chunker = chunker
        self.items: list[ParsedItem] = []
        self.sections: list[tuple[float, str]] = []  # (level, title): the headings in force
        self.open: Open | None = None
        self.prose: list[tuple[int, str]] = []
        self.in_fence = False
        # (item index, indent, line index) of the last list question
        self.last_bullet: tuple[int, int, int] | None = None
        self.awaiting: int | None = None  # a bare question a following <details> may answer
        self.skip_to = -1  # lines already consumed by a multi-line block
        self.prose_bullet: Open | None = None  # a list item just put into prose
        self.folds = fold_lines(lines)  # read once; the heading scans skip what it holds
        self.bold_questions, self.bold_labels = bold_questions(lines)
        # a worksheet's prompts are unanswered, whatever text follows them
        worksheet = worksheet_cells(lines) if unit == "cell" else {}
        self.bold_questions = {i for i in self.bold_questions if i not in worksheet}
        self.question_headings = question_headings(
            lines, self.folds, notebook=unit == "cell", asked=self.bold_questions
        )
        self.exercises = exercise_headings(lines, self.folds)
        self.prompts = prompt_runs(lines)
        self.answered_rows = answered_bullets(lines)
        self.question_runs = question_runs(lines, wrapped=unit == "page")
        self.question_runs |= unsolved_problems(lines, wrapped=unit == "page")
        if unit == "cell":
            self.question_runs |= asking_cells(lines) | worksheet
            self.question_headings |= task_headings(lines, self.folds)
        self.prose_lists, self.bank_lists = list_roles(lines)
        self.solution_bank = labels_solutions(lines, self.question_headings, self.folds)

    # -- helpers ------------------------------------------------------------------------------
    def answer_label_below(self, i: int) -> bool:
        """Line `i` wraps a `Q:` question: an answer label follows it, before the next
        question or heading (else line `i` is the answer, unlabelled)."""
        if ANSWER_LABEL.match(self.lines[i][1]):
            return False
        for _, raw in self.lines[i + 1 :]:
            if ANSWER_LABEL.match(raw):
                return True
            if HEADING.match(raw) or QN.match(raw) or LABEL_ALONE.match(raw):
                return False
        return False

    def solution_label(self, o: Open, line: str) -> bool:
        """`Solution:` alone on its line after an exercise's statement, in a bank that labels
        its solutions so (`ingest.solutions`): what follows answers the question, and the
        statement above it is a note, read like a folded solution."""
        return (
            self.solution_bank
            and not self.in_fence
            and ":::{answer}" not in o.answer
            and states_first([*o.answer, line])
        )

    def unlabelled(self, o: Open, lines: list[str]) -> tuple[list[str], list[str]] | None:
        """(statement, answer) of a question heading's body without the label its bank puts
        its solutions under (`ingest.solutions`); None outside such a bank."""
        return split_unlabelled(lines) if self.solution_bank and o.indent <= 6 else None

    def ends_box(self, raw: str) -> bool:
        """An admonition whose answer is indented under it is open, and `raw` is not indented
        into it (a flattened box, its answer flush left, runs on to the next title)."""
        o = self.open
        first = next((a for a in o.answer if a.strip()), None) if o is not None else None
        return (
            o is not None
            and o.style == "admonition"
            and first is not None
            and indent_of(first) > o.indent >= indent_of(raw)
        )

    def labels_question(self, line: str) -> bool:
        """`**Q：…？**` after a question heading's own answer: a follow-up of its own."""
        return not self.in_fence and bool(
            (m := QN.match(line)) and reads_as_question(question_text(m.group("q")))
        )

    def answer_field(self, line: str, m: re.Match) -> bool:
        """`- **问题**: 假阳性率膨胀` in a list inside an open answer: 问题 says "problem" as often
        as "question", and a list item of an answer that does not ask is one of its fields."""
        return (
            self.open is not None
            and bool(_FIELD_PROBLEM.match(line))
            and not is_question(question_text(m.group("q")))
        )

    @property
    def in_faq(self) -> bool:
        return any(FAQ_TITLE.search(title) for _, title in self.sections)

    @property
    def in_trouble(self) -> bool:
        return any(TROUBLE_TITLE.search(title) for _, title in self.sections)

    @property
    def section(self) -> str:
        return " > ".join(title for _, title in self.sections)

    def title_line(self, title: str, raw: str) -> None:
        """A title written as a line of text. Set in bold (`**Common mistakes.**`) it heads what
        follows inside the Markdown section it stands in — under `## 2. Coding` it is
        "2. Coding > Common mistakes." — until the next heading or title line; a plain one (a
        text file's or a PDF's chapter titles) is a section of its own."""
        marked = [lv for lv, _ in self.sections if lv == int(lv)]
        bold = _BOLD_LINE.match(raw)
        self.heading(max(marked) + 0.5 if marked and bold else 2, title)

    def heading(self, level: float, title: str) -> None:
        self.close()
        self.flush_prose()
        self.last_bullet = None
        self.awaiting = None
        # Emphasis goes from a section's name, pairs first ("1. **Basics**" is "1. Basics").
        title = _EMPHASIS_PAIR.sub(r"\2", clean(url_title(strip_anchor(title))))
        title = title.strip().strip("*_").strip()
        if re.fullmatch(r"`[^`]+`", title):  # a title that is one code span: its text
            title = title[1:-1].strip()
        if not title:
            return
        self.cut_sections(level)
        self.sections.append((level, title))

    def cut_sections(self, level: float) -> None:
        """Close the sections at `level` and below; a Markdown heading (levels 1-6) also ends
        the title lines (half levels) above it."""
        heading = level <= 6 and level == int(level)
        self.sections = [(lv, t) for lv, t in self.sections
                         if lv < level and not (heading and lv != int(lv))]  # fmt: skip

    def close(self) -> None:
        if self.open is None:
            return
        o, self.open = self.open, None
        if o.style == "bullet":
            lists.close_bullet(self, o)
            return
        question, lines = o.question, o.answer
        chapter = o.style == "heading" and solved_exercise(question, lines)  # "Exercise 2.1"
        numbered = o.style == "heading" and bool(BARE_NUMBER.match(question)) or chapter
        # "Question 3" over its question; "Question 1: MSE by Hand" over the task it names
        title = (
            o.question if o.numbered else numbered_title(question) if o.style == "heading" else ""
        )
        stem = split_stem(lines) if numbered else split_titled_stem(title, lines) if title else None
        if stem:
            question, lines = stem
            if chapter and (parts := statement_before_label(lines)):
                # the statement goes on past its first paragraph, up to "**Proof.** …": a note
                self.items += note_under(question_text(question), o.section, o.start, parts[0],
                                         self.chunker, self.unit)  # fmt: skip
                lines = parts[1]
        elif o.style == "heading" and re.fullmatch(r"[\d.\s]+", question):
            return  # "## 1.2" over a question line of its own: the number asks nothing
        if o.style == "heading":
            question, lines = restated_question(question, lines)
        if o.style == "heading" and (fold := split_fold(lines) or self.unlabelled(o, lines)):
            # an exercise: the folded solution answers it; the problem statement is a note
            statement, lines = fold[0], after_answer_label(fold[1])
            if numbered and not question.startswith(("**", "__")):
                # the answer is elsewhere: the statement's paragraphs all ask (a bold line is
                # the question itself, and the paragraphs after it instructions)
                more, statement = split_statement(statement)
                question = f"{question} {more}".strip()
            self.items += note_under(question_text(question), o.section, o.start, statement,
                                     self.chunker, self.unit)  # fmt: skip
        elif o.style == "heading":
            question, lines = stem_and_options(question, after_answer_label(lines))
        elif o.style == "qn":
            lines = answer_part_first(lines)
        if o.style == "labelled" and lines and lines[0].strip():
            # The text after the label sits at its own indent; dedent the rest on its own.
            lines = [lines[0].strip(), dedent("\n".join(lines[1:]))]
        answer = dedent("\n".join(lines)).strip()
        if no_answer(answer):
            answer = ""
        elif blank_exercise(answer, question) or calls_checker(answer.split("\n")):
            # code to fill in answers nothing: the exercise is bare, what it gives a note
            self.items += note_under(question_text(question), o.section, o.start,
                                     answer.split("\n"), self.chunker, self.unit)  # fmt: skip
            answer = ""
        self.emit(question, answer, o.section, o.start, o.end)
        if not answer and o.style in ("qn", "labelled"):
            self.awaiting = len(self.items) - 1

    def emit(self, question: str, answer: str, section: str, start: int, end: int) -> None:
        question = question_text(strip_anchor(question))
        answer = "" if no_answer(answer) else join_split_links(answer)
        if question:
            kind = "qa" if answer else "question"
            self.items.append(ParsedItem(kind, question, answer, section, start, end, self.unit))

    def flush_prose(self) -> None:
        block, self.prose = self.prose, []
        self.items.extend(prose_chunks(block, self.chunker, self.section, self.unit))

    # -- the state machine --------------------------------------------------------------------
    def run(self) -> list[ParsedItem]:
        for i, (loc, raw) in enumerate(self.lines):
            if i > self.skip_to:
                self.step(i, loc, raw)
        self.close()
        self.flush_prose()
        return self.items

    def step(self, i: int, loc: int, raw: str) -> None:
        # Code is kept as written: `print("<b>")` is code, not markup to strip.
        line = raw.rstrip() if self.in_fence else clean(raw)
        if _EMPTIED_ITEM.match(line) and not _EMPTIED_ITEM.match(raw):
            line = ""
        stripped = line.strip()
        folded = i in self.folds  # inside a `<details>` that holds an answer
        heading = None if self.in_fence else HEADING.match(raw)
        if folded and heading:  # `#### Answer: D` in the fold is a line of the answer
            line = stripped = clean(heading.group(2))
            heading = None
        o = self.open
        if i in self.bold_questions and not self.in_fence:
            # Answered up to the next bold question, topic label or any heading: levels below
            # all six (a label at 7 heads the questions at 8 after it).
            self.heading(8, "")
            question = quote_line(self.lines, i) or stripped
            self.open = Open(question, self.section, loc, loc, "heading", indent=8)
            return
        if i in self.bold_labels and not self.in_fence:
            self.heading(7, stripped)  # `**Models**` among bold questions: their topic
            return
        if i in self.question_runs and (o is None or o.style == "bullet"):
            last, text = self.question_runs[i]
            self.close()
            self.flush_prose()
            self.emit(text, "", self.section, loc, self.lines[last][0])
            self.skip_to = last
            return
        if (
            o is not None
            and o.style == "heading"
            and not closes(heading, o.indent)
            and i not in self.question_headings
            and not (self.labels_question(line) and any(ln.strip() for ln in o.answer))
        ):
            # Everything down to the next heading of the same level answers the question.
            if FENCE.match(raw):
                self.in_fence = not self.in_fence
            if folded and i - 1 not in self.folds or self.solution_label(o, line):
                o.answer.append(":::{answer}")  # read like a MyST answer fold (split_fold)
            if not (heading and ANSWER_HEADING.match(clean(heading.group(2)))) and not (
                _disclosure_control(raw, stripped)
            ):
                o.answer.append(clean(heading.group(2)) if heading else line)
            if folded and i + 1 not in self.folds:
                o.answer.append(":::")
            o.end = loc if stripped else o.end
            return
        if FENCE.match(line):
            if not self.in_fence and self.ends_box(raw):
                self.close()  # a fence at the box's own indent is outside its answer
            self.in_fence = not self.in_fence
            self.content(loc, line)
            return
        if self.in_fence:
            self.content(loc, line)
            return
        if heading:
            level, title = len(heading.group(1)), heading.group(2)
            if i in self.exercises:
                # A bare question; a code block under it is its stimulus, kept as a note.
                self.heading(level, "")
                self.cut_sections(level)
                self.emit(title, "", self.section, loc, loc)
                self.heading(level, question_text(title))
            elif i in self.question_headings:
                self.heading(level, "")  # closes what was open, keeps the parent sections
                self.cut_sections(level)
                self.open = Open(title, self.section, loc, loc, "heading", indent=level)
            else:
                self.heading(level, title)
            return
        if (m := ECHO.match(stripped)) and echoes(self.lines, i, m.group("title")):
            # A line quoting the line above it ("Section titled “X”" under "X") is an anchor
            # label: the line above was the section's title, not content.
            title = m.group("title")
            target = self.open.answer if self.open is not None else None
            while target and not target[-1].strip():
                target.pop()
            if target and target[-1].strip() == title:
                target.pop()
            self.prose = [(lc, ln) for lc, ln in self.prose if ln.strip() != title]
            self.heading(2, title)
            return
        if stripped.startswith(("???", "!!!")) and (m := ADMONITION.match(line)):
            blocks.admonition(self, loc, m)
            return
        if "<details" in raw.lower() and (self.open is None or self.open.style == "bullet"):
            blocks.details(self, i)
            return
        if (m := QN.match(line)) and not TOC_ENTRY.match(raw) and not self.answer_field(line, m):
            self.close()
            self.flush_prose()
            self.open = Open(m.group("q"), self.section, loc, loc, "qn", numbered=bool(m["n"]))
            return
        if (m := PROBLEM.match(line) or LABEL_ALONE.match(line)) and self.answer_label_below(i):
            # `**Problem**: …` or a label alone on its line (its text on the lines below), with
            # an answer label further down
            self.close()
            self.flush_prose()
            question = m.groupdict().get("q") or ""
            self.open = Open(question, self.section, loc, loc, "qn", labelled_below=True)
            return
        if m := RUN_IN.match(line):  # answered down to the next list item or heading
            self.close()
            self.flush_prose()
            question, rest = run_in(m)
            self.open = Open(question, self.section, loc, loc, "labelled", answer=[rest])
            return
        if self.is_section_label(i, raw):
            self.title_line(stripped.lstrip("-* "), raw)
            return
        if self.open is not None and self.open.style in ("qn", "admonition", "labelled"):
            if self.continues_answer(line, i):
                o = self.open
                if o.style == "qn" and _disclosure_control(raw, stripped):
                    return
                if o.style == "qn" and not any(a.strip() for a in o.answer):
                    if stripped and self.answer_label_below(i) and not labelled_part(raw):
                        # the question wraps, its sub-questions' numbers aside
                        o.question = join_wrapped(o.question, NUMBERED.sub("", stripped))
                        o.labelled_below = True
                        return
                    if not ((b := BULLET.match(raw)) and (m := ANSWER_LABEL.match(b["text"]))
                            and lettered(b["text"], m)):  # fmt: skip
                        line = strip_answer_label(line)  # `A: …`, not a listed option `- a) …`
                elif o.style == "qn" and THEMATIC_BREAK.match(line):
                    self.close()  # `---` between entries
                    return
                self.open.answer.append(line)
                if stripped:
                    self.open.end = loc
                return
            self.close()
        if (
            self.open is not None and self.open.style == "bullet" and (m := ANSWER_LABEL.match(raw))
        ):  # whatever its wording, an item followed by an answer label is a question
            self.open.style = "labelled"
            rest = clean(m.group("rest")).strip()
            if lettered(raw, m):
                rest = stripped  # "a) …" under "1. What is …?": the first option, not a label
            self.open.answer = [rest] if rest else []
            self.open.end = loc
            return
        label = ANSWER_LABEL.match(raw)
        if self.open is None and label and not lettered(raw, label):
            if lists.reopen(self, loc, label.group("rest")):
                return
        elif (
            self.open is None
            and stripped
            # an option goes to its question (lists.open_bullet); "a) …" indented under a
            # list question is its answer's first line
            and (not OPTION.match(raw) or label and lettered(raw, label))
            and lists.reopen(self, loc, line, False, self.in_faq)
        ):
            return
        if TABLE_RULE.match(self.peek(i)) and stripped.startswith("|") and blocks.table(self, i):
            return
        if NUMBERED.match(line) and plain_heading(self.lines, i, stripped):
            self.title_line(stripped, raw)
            return
        if m := BULLET.match(line):
            lists.open_bullet(self, i, loc, raw, m)
            return
        if self.open is not None and self.open.style == "bullet":
            o = self.open
            asks = o.question.rstrip().rstrip("*_").endswith(("?", "？"))
            flush_left = indent_of(line) <= o.indent
            if (
                stripped
                and asks
                and flush_left
                and self.unit != "page"
                and self.in_faq
                and not _AFTERWORD.match(stripped)
                and ends_sentence(stripped)  # a sentence, not the title of what follows
                and not plain_heading(self.lines, i, stripped)
            ):  # in a FAQ, `- **How do I X?**`, then flush left on the next line its answer
                # (not in a PDF, whose text layer keeps no indents)
                o.style, o.answer, o.end = "labelled", [stripped], loc
                return
            # a task ("2. Explain X") over a line that starts a sentence, in typed text (a
            # printed page wraps lines that start with a capital too)
            task = self.unit != "page" and stripped[:1].isupper() and is_question(o.question)
            if (
                stripped
                and o.row in self.answered_rows
                # an entry of a FAQ or troubleshooting list asks as listed
                and (asks or task or self.unit != "page" and (self.in_faq or self.in_trouble))
                and not reads_as_question(stripped)  # the question's second part asks too
            ):
                # `1. What is X?` with its answer on the lines under it (a text note, a page)
                o.style, o.answer, o.end, o.loose = "labelled", [stripped], loc, True
                return
            if stripped and (not ends_sentence(self.open.question) or _AFTERWORD.match(stripped)):
                # a bullet wrapped onto the next line, or its `Hint: …` line
                self.open.question = join_wrapped(self.open.question, stripped)
                self.open.end = loc
                return
            self.close()
            if not stripped:
                return
        if stripped:  # a line that prints nothing (an image alone) keeps the list going
            self.last_bullet = None
        if plain_heading(self.lines, i, stripped):
            self.title_line(stripped, raw)
            return
        if stripped and not re.search(r"\w", stripped):
            return  # separators such as "⸻" or "***" between prose blocks
        if stripped:
            self.awaiting = None
        self.prose.append((loc, line))

    def peek(self, i: int) -> str:
        return self.lines[i + 1][1] if i + 1 < len(self.lines) else ""

    def is_section_label(self, i: int, raw: str) -> bool:
        """`- <span class="…">Topic</span>` (or `- **Topic**`) between a bare question and the
        next admonition is a section label (flattened mkdocs), not that question's answer."""
        o = self.open
        if o is None or o.style != "admonition" or o.answer or not STYLED_LABEL.match(raw):
            return False
        nxt = next_line(self.lines, i)
        return nxt is None or nxt.lstrip().startswith(("???", "!!!"))

    def content(self, loc: int, line: str) -> None:
        o = self.open
        if o is not None and o.labelled_below and not any(a.strip() for a in o.answer):
            self.prose.append((loc, line))  # code shown with the question (an error): a note
        elif o is not None and o.style in _ANSWER_STYLES:
            self.open.answer.append(line)
            self.open.end = loc
        else:
            self.prose.append((loc, line))

    def lazy_continuation(self, i: int) -> bool:
        above, raw = self.lines[i - 1][1], self.lines[i][1]
        return (
            bool(above.strip())
            and not (BULLET.match(above) or FENCE.match(above) or self.in_fence)
            and running_text(raw)
            and not (THEMATIC_BREAK.match(raw) or raw.lstrip().startswith(":::"))
        )

    def continues_answer(self, line: str, i: int) -> bool:
        o = self.open
        assert o is not None
        if o.style == "qn" or not line.strip():
            return True
        indent = indent_of(line)
        if o.loose:
            item = self.lines[o.row][1] if o.row >= 0 else ""
            ends = i in self.answered_rows or same_list(item, line)
            return not (ends or THEMATIC_BREAK.match(line))
        if o.style == "labelled":
            # The answer runs until the next list item or thematic break (`---`) at the
            # question's own level; an answer indented under its item, until the indent ends.
            if o.indented_body:
                # a flush-left line right under the paragraph's last line continues it
                # (CommonMark's lazy continuation), unless it starts a block of its own
                return indent > o.indent or self.lazy_continuation(i)
            return indent > o.indent or not (BULLET.match(line) or THEMATIC_BREAK.match(line))
        if o.indented_body is None:
            o.indented_body = indent > o.indent
        return not o.indented_body or indent > o.indent
