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
    records, titled = _find_records(data)
    if records is None and isinstance(data, dict):
        records = _record_values(list(data.values()))  # `{"q1": {…}, "q2": {…}}`
    if records is None:
        if isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values()):
            records = [{"question": k, "answer": v} for k, v in data.items()]
        else:
            raise LoadError(
                'no list of {"question": …, "answer": …} objects found in this JSON file'
            )
    out = Records()
    cursor, headings = 0, _Headings()
    records, asking = _nested(records)
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
    records, titled = _find_records(data)
    pairs = isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values())
    if records is None and pairs:  # `question: answer` pairs
        records = [{"question": k, "answer": v} for k, v in data.items()]
    if records is None:
        raise LoadError("no list of question/answer records found in this YAML file")
    out, headings = Records(), _Headings()
    records, asking = _nested(records)
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
    records, titled = _find_records(dict(assigned))
    if records is None:  # one record per variable (`q1 = {…}`), a name used twice twice
        records = _record_values([value for _, value in assigned])
    if records is None:
        raise LoadError(NOT_NOTES)
    out, headings = Records(), _Headings()
    records, asking = _nested(records)
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
    answer = _text(values[cols.answer]) if cols.answer is not None else ""
    if cols.answer is None and keys[cols.question].lower() in _TITLE_KEYS:
        answer = described(rec, keys, {cols.question, cols.section})
    if answer:
        answer = with_options(rec, keys, answer, {cols.question, cols.answer})
    section = _text(values[cols.section]) if cols.section is not None else opened
    question = _text(values[cols.question])
    out.add(question, answer, section, line)
    # More questions in a list of their own (`"Follow-up questions": [...]`) are asked after
    # this one, so they stand under it.
    for n, (key, value) in enumerate(zip(keys, values, strict=True)):
        if n != cols.question and "questions" in key.lower() and strings(value):
            for asked in value:
                out.add(asked, "", " > ".join(t for t in (section, question) if t), line)


def _record_values(values: list) -> list | None:
    """Values kept one per key or variable, when two or more of them are records and they are
    most of the values: those records, in order."""
    found = [v for v in values if isinstance(v, dict) and Columns.of([str(k) for k in v])]
    return found if len(found) >= 2 and 2 * len(found) >= len(values) else None


def _text(value) -> str:
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value)
    return "" if value is None else str(value)


_TITLE_KEYS = ("title", "name", "heading", "section", "topic", "category", "chapter")


def _nested(records: list, parent: str = "") -> tuple[list[tuple[object, str]], str | None]:
    """The records that hold questions, each with the titles of the records it is nested in:
    a record with no question field and a list of records under it (`{title, lines: [...]}`)
    is a section of them. Also the field that asks when none is named like a question: the
    one whose text ends in "?" in nearly every record that has it (a checklist's `line`)."""
    out: list[tuple[object, str]] = []
    for rec in records:
        children = [
            v
            for v in (rec.values() if isinstance(rec, dict) else [])
            if isinstance(v, list) and any(isinstance(c, dict) for c in v)
        ]
        if children and Columns.of([str(k) for k in rec]) is None:
            title = next(
                (_text(rec[k]) for k in rec if str(k).lower() in _TITLE_KEYS and rec[k]), ""
            )
            path = " > ".join(t for t in (parent, " ".join(title.split())) if t)
            for child in children:
                out += _nested(child, path)[0]
        else:
            out.append((rec, parent))
    return out, _asking_key([r for r, _ in out])


def _asking_key(records: list) -> str | None:
    counts: dict[str, list[int]] = {}
    for rec in records:
        for key, value in rec.items() if isinstance(rec, dict) else []:
            if isinstance(value, str) and value.strip():
                seen = counts.setdefault(str(key), [0, 0])
                seen[0] += 1
                seen[1] += value.strip().endswith(("?", "？"))
    fits = [(asks, key) for key, (n, asks) in counts.items() if n >= 3 and asks >= 0.8 * n]
    return max(fits)[1] if fits else None


# A list kept under a key like these is a bank of questions whatever its records call them.
_BANK_KEY = re.compile(r"question|faq|flashcard|cards?\b|quiz|interview", re.I)


def _find_records(data) -> tuple[list | None, str | None]:
    """The list of records that holds the questions, and, when its records name no question
    field but the list is kept under a key that says they are questions (`"questions": [{"title":
    …}]`), their title field. Of several lists (`"categories"` before `"questions"`), the first
    whose records name a question field, else the first kept under such a key, else the first."""
    found = list(_record_lists(data, ""))
    for _, records in found:
        if any(isinstance(r, dict) and Columns.of([str(k) for k in r]) for r in records):
            return records, None
    for key, records in found:
        if _BANK_KEY.search(key):
            keys = {str(k).lower(): str(k) for r in records if isinstance(r, dict) for k in r}
            return records, next((keys[k] for k in _TITLE_KEYS if k in keys), None)
    return (found[0][1], None) if found else (None, None)


def _record_lists(data, key: str):
    """`(key, list)` for each list of objects in the tree, through objects, in document order."""
    if isinstance(data, list) and any(isinstance(r, dict) for r in data):
        yield key, data
    elif isinstance(data, dict):
        for k, value in data.items():
            yield from _record_lists(value, str(k))


def _line_of(text: str, rec, cursor: int) -> tuple[int, int]:
    """Where a record's first string value appears, so locators point at the right line."""
    value = next((v for v in (rec.values() if isinstance(rec, dict) else []) if v), None)
    needle = json.dumps(value, ensure_ascii=False)[:60] if isinstance(value, str) else ""
    found = text.find(needle, cursor) if needle else -1
    if found < 0:
        return text.count("\n", 0, cursor) + 1, cursor
    return text.count("\n", 0, found) + 1, found + 1
