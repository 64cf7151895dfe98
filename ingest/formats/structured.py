"""JSON, JSONL and YAML question banks, and banks kept as Python literals: records found wherever
the tree holds them, fields found by name (ingest/formats/tabular.py's `Columns`), nested
sections read as the records' section."""

from __future__ import annotations

import ast
import json
import re
import warnings

from core.errors import LoadError
from ingest.formats.markup import clean_field
from ingest.formats.record_tree import (
    TITLE_KEYS,
    find_records,
    keyed,
    nested,
    record_values,
    text_of,
)
from ingest.formats.tabular import Columns, Records, described, strings, with_options


def read_json(text: str) -> Records:
    """A list of `{question, answer}` objects (or an object holding one such list), or a
    `{question: answer}` mapping."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON ({exc}); fix it or export JSON Lines") from exc
    return read_data(data, text)


def read_data(data, text: str) -> Records:
    """`read_json` of data already parsed; `text` is where locators find its records."""
    records, titled = find_records(data)
    if records is None and isinstance(data, dict):
        records = record_values(list(data.values()))  # `{"q1": {…}, "q2": {…}}`
        if records is not None:
            records = keyed(data)
    if records is None:
        if isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values()):
            records = [{"question": k, "answer": v} for k, v in data.items()]
        else:
            raise LoadError(
                'no list of {"question": …, "answer": …} objects found in this JSON file'
            )
    out = Records()
    cursor, headings = 0, _Headings()
    records, asking = nested(records)
    for n, (rec, parent) in enumerate(records, start=1):
        line, cursor = _line_of(text, rec, cursor)
        _add_record(out, rec, line, f"record {n}", headings, parent, asking or titled)
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
    records, titled = find_records(data)
    pairs = isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values())
    if records is None and pairs:  # `question: answer` pairs
        records = [{"question": k, "answer": v} for k, v in data.items()]
    if records is None:
        raise LoadError("no list of question/answer records found in this YAML file")
    out, headings = Records(), _Headings()
    records, asking = nested(records)
    for n, (rec, parent) in enumerate(records, start=1):
        where = f"record {n}"
        _add_record(out, rec, lines.get(id(rec), 1), where, headings, parent, asking or titled)
    return out


NOT_NOTES = (
    "a Python program, not notes: studybot reads a .py file as a notebook with cells (jupytext's "
    "'# %%' format, a sphinx-gallery example), as literate Python (Markdown headings in its "
    "docstrings) or as a bank kept in a literal (questions = [{…}])"
)


def python_tree(text: str) -> ast.Module:
    """`text` parsed as a Python module with `ast`, which runs nothing; a `LoadError` saying why
    when it does not parse."""
    try:
        with warnings.catch_warnings():  # a program's own faults ("invalid escape") are not ours
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise LoadError(f"{NOT_NOTES} (it does not parse: {exc})") from exc


def read_python(text: str, tree: ast.Module | None = None) -> Records:
    """A bank kept in a Python module as literals (`questions = [{"question": …}, …]`), read
    with `ast.literal_eval`, which runs nothing: the module's literal assignments are the tree
    searched for records, named by their variables. `tree` is `text` already parsed."""
    tree = tree or python_tree(text)
    assigned, dicts = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            dicts.append((node.lineno, _literal(node)))
    for stmt in tree.body:  # `x = …` and `x: T = …`; a loop's or a `with`'s target holds none
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets = [stmt.target]
        else:
            continue
        for target in (t for t in targets if isinstance(t, ast.Name)):
            assigned.append((target.id, _literal(stmt.value)))
    records, titled = find_records(dict(assigned))
    if records is None:  # one record per variable (`q1 = {…}`), a name used twice twice
        records = record_values([value for _, value in assigned])
    if records is None:
        raise LoadError(NOT_NOTES)
    out, headings = Records(), _Headings()
    records, asking = nested(records)
    cursor = 0
    for n, (rec, parent) in enumerate(records, start=1):
        line = next((ln for ln, value in dicts if ln >= cursor and value == rec), cursor or 1)
        cursor = line
        _add_record(out, rec, line, f"record {n}", headings, parent, asking or titled)
    return out


def _literal(node: ast.AST | None):
    try:
        return ast.literal_eval(node) if node is not None else None
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None  # not a literal: code


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
            if m and text_of(value).strip():
                level = int(m.group(1))
                self.open = {lv: t for lv, t in self.open.items() if lv < level}
                self.open[level] = " ".join(clean_field(text_of(value)).split())
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
    out: Records,
    rec,
    line: int,
    where: str,
    headings: _Headings | None = None,
    parent: str = "",
    asking: str | None = None,
) -> None:
    if not isinstance(rec, dict):
        out.warnings.append(f"{where}: not an object; skipped")
        return
    keys = [str(k) for k in rec]
    values = list(rec.values())
    cols = Columns.of(keys)
    if cols is None and asking in keys:
        cols = Columns.titled(keys, keys.index(asking))
    opened = (headings.section(rec) if headings is not None else "") or parent
    if cols is None:
        out.warnings.append(f"{where}: no question field (have {', '.join(keys[:5])}); skipped")
        return
    raw = values[cols.answer] if cols.answer is not None else None
    answer = text_of(raw)
    if cols.answer is None and keys[cols.question].lower() in TITLE_KEYS:
        answer = described(rec, keys, {cols.question, cols.section})
    if answer:
        index = raw if type(raw) is int else None  # `correct: 1`: an option's index
        answer = with_options(rec, keys, answer, {cols.question, cols.answer}, index)
    section = text_of(values[cols.section]) if cols.section is not None else opened
    question = text_of(values[cols.question])
    out.add(question, answer, section, line)
    # More questions in a list of their own (`"Follow-up questions": [...]`) are asked after
    # this one, so they stand under it.
    for n, (key, value) in enumerate(zip(keys, values, strict=True)):
        if n != cols.question and "questions" in key.lower() and strings(value):
            for asked in value:
                out.add(asked, "", " > ".join(t for t in (section, question) if t), line)


def _line_of(text: str, rec, cursor: int) -> tuple[int, int]:
    """Where a record's first string value appears, so locators point at the right line."""
    value = next((v for v in (rec.values() if isinstance(rec, dict) else []) if v), None)
    needle = json.dumps(value, ensure_ascii=False)[:60] if isinstance(value, str) else ""
    found = text.find(needle, cursor) if needle else -1
    if found < 0:
        return text.count("\n", 0, cursor) + 1, cursor
    return text.count("\n", 0, found) + 1, found + 1
