"""CSV, TSV, JSON, JSONL and YAML question banks: one record per question, columns found by
name."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from core.errors import LoadError
from ingest.formats.markup import clean_field
from ingest.items import ParsedItem

_QUESTION_KEYS = ("question", "q", "front", "prompt", "term", "query", "questions")
_ANSWER_KEYS = ("answer", "a", "back", "response", "definition", "solution", "answers", "reply")
_SECTION_KEYS = ("section", "topic", "category", "chapter", "deck", "subject", "module")


@dataclass
class Records:
    """Items read from a structured file, and one line per record that had to be skipped."""

    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, question: str, answer: str, section: str, line: int) -> None:
        question = " ".join(clean_field(question).split())
        answer = clean_field(answer)
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


@dataclass(frozen=True)
class Columns:
    question: int
    answer: int | None
    section: int | None

    @classmethod
    def of(cls, header: list[str]) -> Columns | None:
        q = _pick(header, _QUESTION_KEYS, "question")
        if q is None:
            return None
        return cls(q, _pick(header, _ANSWER_KEYS, "answer"), _pick(header, _SECTION_KEYS, "topic"))


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
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
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


def read_rows(
    lines: Iterable[str], delimiter: str, header: bool, first_line: int = 1, section: str = ""
) -> Records:
    out = Records()
    columns: Columns | None = None
    width = 0
    for line, row in csv_rows(lines, delimiter, first_line, out.warnings):
        if header and columns is None and width == 0:
            width = len(row)
            columns = Columns.of(row)
            if columns is not None:
                continue
        cols = columns or Columns(0, 1 if len(row) > 1 else None, None)
        if cols.question >= len(row):
            out.warnings.append(f"row at line {line}: no question column; skipped")
            continue
        answer = ""
        if cols.answer is not None and cols.answer < len(row):
            answer = row[cols.answer]
            if len(row) > width and cols.answer == width - 1:
                # An unquoted delimiter split the last column: put it back together.
                answer = delimiter.join(row[cols.answer :])
        topic = row[cols.section] if cols.section is not None and cols.section < len(row) else ""
        before = len(out.items)
        out.add(row[cols.question], answer, topic.strip() or section, line)
        if len(out.items) == before:
            out.warnings.append(f"row at line {line}: empty question; skipped")
    return out


def read_json(text: str) -> Records:
    """A list of `{question, answer}` objects (or an object holding one such list), or a
    `{question: answer}` mapping."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON ({exc}); fix it or export JSON Lines") from exc
    records = _find_records(data)
    if records is None:
        if isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values()):
            records = [{"question": k, "answer": v} for k, v in data.items()]
        else:
            raise LoadError(
                'no list of {"question": …, "answer": …} objects found in this JSON file'
            )
    out = Records()
    cursor, headings = 0, _Headings()
    for n, rec in enumerate(records, start=1):
        line, cursor = _line_of(text, rec, cursor)
        _add_record(out, rec, line, f"record {n}", headings)
    return out


def read_yaml(text: str) -> Records:
    """A YAML list of `{question, answer}` mappings (or a mapping holding one), read with the
    safe loader; like JSON, but each record knows the line it starts on."""
    import yaml

    class _Loader(yaml.SafeLoader):
        """The safe loader, noting where each mapping starts."""

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        rec = loader.construct_mapping(node, deep=True)
        lines[id(rec)] = node.start_mark.line + 1
        return rec

    lines: dict[int, int] = {}
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no object tags
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}" if where is not None else ""
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise LoadError(f"invalid YAML{at} ({problem}); fix it") from exc
    records = _find_records(data)
    pairs = isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values())
    if records is None and pairs:  # `question: answer` pairs
        records = [{"question": k, "answer": v} for k, v in data.items()]
    if records is None:
        raise LoadError("no list of question/answer records found in this YAML file")
    out, headings = Records(), _Headings()
    for n, rec in enumerate(records, start=1):
        _add_record(out, rec, lines.get(id(rec), 1), f"record {n}", headings)
    return out


# Record keys named like HTML headings (`h2: Deep Learning`): a site prints them as a title
# above a run of cards, so each one is the section of its record and of the records after it.
_HEADING_KEY = re.compile(r"^h([1-6])$", re.I)


class _Headings:
    """The section path that heading keys (`h1`..`h6`) have opened so far."""

    def __init__(self) -> None:
        self.open: dict[int, str] = {}

    def section(self, rec: dict) -> str:
        for key, value in rec.items():
            m = _HEADING_KEY.match(str(key).strip())
            if m and _text(value).strip():
                level = int(m.group(1))
                self.open = {lv: t for lv, t in self.open.items() if lv < level}
                self.open[level] = " ".join(clean_field(_text(value)).split())
        return " > ".join(self.open[lv] for lv in sorted(self.open))


def read_jsonl(text: str) -> Records:
    out, headings = Records(), _Headings()
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            out.warnings.append(f"line {line}: invalid JSON ({exc.msg}); skipped")
            continue
        _add_record(out, rec, line, f"line {line}", headings)
    return out


def _add_record(
    out: Records, rec, line: int, where: str, headings: _Headings | None = None
) -> None:
    if not isinstance(rec, dict):
        out.warnings.append(f"{where}: not an object; skipped")
        return
    keys = [str(k) for k in rec]
    values = list(rec.values())
    cols = Columns.of(keys)
    opened = headings.section(rec) if headings is not None else ""
    if cols is None:
        out.warnings.append(f"{where}: no question field (have {', '.join(keys[:5])}); skipped")
        return
    answer = _text(values[cols.answer]) if cols.answer is not None else ""
    section = _text(values[cols.section]) if cols.section is not None else opened
    out.add(_text(values[cols.question]), answer, section, line)


def _text(value) -> str:
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value)
    return "" if value is None else str(value)


def _find_records(data) -> list | None:
    if isinstance(data, list) and any(isinstance(r, dict) for r in data):
        return data
    if isinstance(data, dict):
        for value in data.values():
            found = _find_records(value)
            if found is not None:
                return found
    return None


def _line_of(text: str, rec, cursor: int) -> tuple[int, int]:
    """Where a record's first string value appears, so locators point at the right line."""
    value = next((v for v in (rec.values() if isinstance(rec, dict) else []) if v), None)
    needle = json.dumps(value, ensure_ascii=False)[:60] if isinstance(value, str) else ""
    found = text.find(needle, cursor) if needle else -1
    if found < 0:
        return text.count("\n", 0, cursor) + 1, cursor
    return text.count("\n", 0, found) + 1, found + 1
