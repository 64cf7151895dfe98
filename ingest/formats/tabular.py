"""CSV and TSV question banks: one row per question, columns found by name. `Records`,
`Columns` and `with_options` serve the JSON, JSONL, YAML and Python readers too
(ingest/formats/structured.py)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ingest.formats.markup import clean_field
from ingest.items import ParsedItem
from ingest.questions import unnumbered

_QUESTION_KEYS = ("question", "q", "front", "prompt", "term", "query", "questions")
_ANSWER_KEYS = (
    "answer",
    "a",
    "back",
    "response",
    "definition",
    "solution",
    "answers",
    "reply",
    "correct",
)
# A lettered option on a line of its own: "A. MCAR", "(b) Z-score", "C) IQR".
_LETTERED = re.compile(r"^\(?[A-Ha-h][.)]\s+\S")
# A header row names its columns: short names, no markup.
_NAME = re.compile(r"^[^<>\n]{0,60}$")
SECTION_KEYS = ("section", "topic", "category", "chapter", "deck", "subject", "module")


@dataclass
class Records:
    """Items read from a structured file, and one line per record that had to be skipped."""

    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, question: str, answer: str, section: str, line: int) -> None:
        question, answer = clean_field(question), clean_field(answer)
        asked = question.split("\n")
        options = [n for n, ln in enumerate(asked) if n and _LETTERED.match(ln)]
        if answer and len(options) >= 2 and options == list(range(options[0], len(asked))):
            # a front that lists its options under the question (a quiz card): the back says
            # which is right; the options follow it, as a revealed answer lists them
            listed = "\n".join(f"- {asked[n]}" for n in options)
            question, answer = "\n".join(asked[: options[0]]), f"{answer}\n\n{listed}"
        question = unnumbered(" ".join(question.split()))
        if question:
            kind = "qa" if answer else "question"
            self.items.append(ParsedItem(kind, question, answer, section, line, line))


def _pick(names: list[str], wanted: tuple[str, ...], stem: str) -> int | None:
    """The column named one of `wanted`; else one whose name has one of them as a word
    ("Definition & Analogy"); else one whose name contains `stem`."""
    lowered = [n.strip().lower() for n in names]
    for key in wanted:
        if key in lowered:
            return lowered.index(key)
    words = [set(re.findall(r"[a-z]+", n)) for n in lowered]
    for key in (k for k in wanted if len(k) > 1):
        found = next((i for i, w in enumerate(words) if key in w), None)
        if found is not None:
            return found
    return next((i for i, n in enumerate(lowered) if stem in n), None)


def names_question(header: list[str]) -> bool:
    """A field is named as the question: "question", "front", "term", "Question text"."""
    return _pick(header, _QUESTION_KEYS, "question") is not None


_DEFINITION_KEYS = ("definition", "meaning", "explanation")


@dataclass(frozen=True)
class Columns:
    question: int
    answer: int | None
    section: int | None
    notes: tuple[tuple[int, str], ...] = ()  # more columns for the answer, with their names

    @classmethod
    def of(cls, header: list[str]) -> Columns | None:
        q = _pick(header, _QUESTION_KEYS, "question")
        # an explanation answers only a record that has no answer field (`correct_answer`)
        a = _pick(header, _ANSWER_KEYS, "answer")
        a = _pick(header, ("explanation",), "explanation") if a is None else a
        section = _pick(header, SECTION_KEYS, "topic")
        if q is None and a is not None and _pick([header[a]], _DEFINITION_KEYS, "definition") == 0:
            # A glossary ("Name | Definition | Use cases"): the first column is the term, and
            # the columns beyond the definition belong to its answer, under their names.
            q = next(n for n in range(len(header)) if n != a)
            notes = tuple((n, h.strip()) for n, h in enumerate(header)
                          if n not in (q, a, section) and h.strip())  # fmt: skip
            return cls(q, a, section, notes)
        if q is None:
            return None
        return cls(q, a, section)

    @classmethod
    def titled(cls, header: list[str], question: int) -> Columns:
        """A record asked by its field `question` (a title), with its section field if any."""
        return cls(question, None, _pick(header, SECTION_KEYS, "topic"))

    def with_notes(self, answer: str, row: list[str]) -> str:
        """`answer` and, under their column names, the row's other cells that the answer owns."""
        extra = [f"{name}: {row[n].strip()}" for n, name in self.notes
                 if n < len(row) and any(c.isalnum() for c in row[n])]  # fmt: skip
        return "\n".join(x for x in (answer.strip(), *extra) if x)


def read_delimited(text: str, delimiter: str | None) -> Records:
    """Rows of a CSV/TSV file; a header naming a question column is used when present, else
    the first column is the question and the second the answer (Anki's default order)."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    return read_rows(text.split("\n"), delimiter, header=True)


def csv_rows(
    lines: Iterable[str], delimiter: str, first_line: int, warnings: list[str]
) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each row that has any text; a malformed row is skipped with a
    warning and reading goes on."""
    # Each line with its line break: a quoted field that spans lines keeps its breaks.
    ended = (ln if ln.endswith("\n") else ln + "\n" for ln in lines)
    reader = csv.reader(ended, delimiter=delimiter, strict=True)
    while True:
        line = first_line + reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            warnings.append(f"row at line {line}: malformed ({exc}); skipped")
            continue
        if any(cell.strip() for cell in row):
            yield line, row


def ticked(options: list[str], marks: list[bool]) -> str:
    """Options as a list, each marked right ticked: `- ✓ Adam`, `- SGD`."""
    return "\n".join(f"- {'✓ ' if t else ''}{o}" for o, t in zip(options, marks, strict=True))


def _choices(row: list[str]) -> str:
    """A headerless multiple-choice row — question, two to six options, the key's letter
    (MMLU's layout) — as the options listed with the key ticked; else ""."""
    *options, key = [cell.strip() for cell in row[1:]] or [""]
    letter = key.upper()
    if not (2 <= len(options) <= 6 and len(letter) == 1 and "A" <= letter < chr(65 + len(options))):
        return ""
    keyed = ord(letter) - 65
    return ticked(options, [n == keyed for n in range(len(options))])


_OPTIONS_KEY = re.compile(r"option|choice", re.I)
_EXPLAINS_KEY = re.compile(r"explanation|rationale|reason", re.I)


def with_options(
    rec: dict, keys: list[str], answer: str, used: set[int], index: int | None = None
) -> str:
    """A record's answer with its options (a field named like `options` or `choices` listing
    two to eight strings) above it, the one the answer names ticked, by its text or letter, or
    by `index` when the answer was a number (`correct: 1`, counted from 0 as a program counts),
    and its explanation (a field so named that is not the answer) below."""
    n = next((i for i, k in enumerate(keys) if _OPTIONS_KEY.search(k) and i not in used), None)
    options = rec[keys[n]] if n is not None else None
    if strings(options) and 2 <= len(options) <= 8:
        key = answer.strip()
        letter = ord(key.upper()) - 65 if len(key) == 1 and key.isalpha() else -1
        marks = [o.strip() == key or i in (letter, index) for i, o in enumerate(options)]
        listed = ticked(options, marks)
        answer = listed if any(marks) else f"{listed}\n\nAnswer: {answer}"
    why = next((i for i, k in enumerate(keys) if _EXPLAINS_KEY.search(k) and i not in used), None)
    if why is not None and isinstance(rec[keys[why]], str) and rec[keys[why]].strip():
        answer = f"{answer}\n\n{rec[keys[why]].strip()}"
    return answer


_SENTENCE_END = (".", "!", "?", "。", "！", "？")


def described(rec: dict, keys: list[str], skip: set[int | None]) -> str:
    """A card titled by a title field (`{title, whatItIs, example}`): its answer is the text of
    its other fields that say something (sentences of five words or more, not metadata such as
    a source or a file name), the first as it is and the rest under their names."""
    said = [(k, v.strip()) for n, (k, v) in enumerate(zip(keys, rec.values(), strict=True))
            if n not in skip and isinstance(v, str)
            and len(v.split()) >= 5 and v.rstrip().endswith(_SENTENCE_END)]  # fmt: skip
    return "\n\n".join(v if n == 0 else f"{k}: {v}" for n, (k, v) in enumerate(said))


def strings(value) -> bool:
    """A list of strings, not empty."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def read_rows(
    lines: Iterable[str], delimiter: str, header: bool, first_line: int = 1, section: str = ""
) -> Records:
    out = Records()
    columns: Columns | None = None
    width = 0
    for line, row in csv_rows(lines, delimiter, first_line, out.warnings):
        if header and columns is None and width == 0:
            width = len(row)
            columns = Columns.of(row) if all(_NAME.match(c.strip()) for c in row) else None
            if columns is not None:
                continue
        cols = columns or Columns(0, 1 if len(row) > 1 else None, None)
        if cols.question >= len(row):
            out.warnings.append(f"row at line {line}: no question column; skipped")
            continue
        answer = ""
        if columns is None and (choices := _choices(row)):
            answer = choices  # question, options, key letter: a multiple-choice row
        elif cols.answer is not None and cols.answer < len(row):
            answer = row[cols.answer]
            if len(row) > width and cols.answer == width - 1:
                # An unquoted delimiter split the last column: put it back together.
                answer = delimiter.join(row[cols.answer :])
        topic = row[cols.section] if cols.section is not None and cols.section < len(row) else ""
        before = len(out.items)
        out.add(row[cols.question], cols.with_notes(answer, row), topic.strip() or section, line)
        if len(out.items) == before:
            out.warnings.append(f"row at line {line}: empty question; skipped")
    return out
