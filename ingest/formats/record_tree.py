"""Where a data tree (parsed JSON, YAML or Python literals) keeps its question records: the
list whose records name a question field, records kept one per key or variable, records nested
under section records; and the field that asks when none is named like a question."""

from __future__ import annotations

import re

from ingest.formats.tabular import Columns, names_question


def record_values(values: list) -> list | None:
    """Values kept one per key or variable, when two or more of them are records and they are
    most of the values: those records, in order."""
    found = [v for v in values if isinstance(v, dict) and Columns.of([str(k) for k in v])]
    return found if len(found) >= 2 and 2 * len(found) >= len(values) else None


def keyed(data: dict) -> list:
    """The records of `record_values` kept one per key, where a record that names no question
    field is asked by its key (`{"affine": {"definition": …, "url": …}}` is the term "affine"
    and its definition); one that names its question (`{"q1": {"question": …}}`) keeps it."""
    return [
        value if names_question(list(map(str, value))) else {"term": key, **value}
        for key, value in data.items()
        if isinstance(value, dict) and Columns.of([str(k) for k in value])
    ]


def text_of(value) -> str:
    if isinstance(value, list):
        return "\n".join(text_of(v) for v in value)
    return "" if value is None else str(value)


TITLE_KEYS = ("title", "name", "heading", "section", "topic", "category", "chapter")


def nested(records: list, parent: str = "") -> tuple[list[tuple[object, str]], str | None]:
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
                (text_of(rec[k]) for k in rec if str(k).lower() in TITLE_KEYS and rec[k]), ""
            )
            path = " > ".join(t for t in (parent, " ".join(title.split())) if t)
            for child in children:
                out += nested(child, path)[0]
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


def find_records(data) -> tuple[list | None, str | None]:
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
            return records, next((keys[k] for k in TITLE_KEYS if k in keys), None)
    return (found[0][1], None) if found else (None, None)


def _record_lists(data, key: str):
    """`(key, list)` for each list of objects in the tree, through objects, in document order."""
    if isinstance(data, list) and any(isinstance(r, dict) for r in data):
        yield key, data
    elif isinstance(data, dict):
        for k, value in data.items():
            yield from _record_lists(value, str(k))
