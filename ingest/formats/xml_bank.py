"""XML question banks, read as a JSON bank is: a record is an element whose fields, its child
elements and attributes, name a question (ingest/formats/tabular.py's `Columns`):
`<entry><question>…</question><answer>…</answer></entry>`, DocBook's `<qandaentry>`,
`<card front="…" back="…"/>`. An element named as a question whose text is an attribute holds
its answer as its content (`<question text="Why …?">answer</question>`). Answers scored by a
`fraction` attribute (Moodle's quiz XML) are options, those with full marks ticked. A title (a
`<title>` child, a `title`, `name` or `group` attribute) is the section of the records inside
its element; a record-less element that only names a category (Moodle's) is the section of the
records after it. Read with defusedxml: entities are not expanded and nothing is fetched."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from core.errors import LoadError
from ingest.formats.markup import clean_field
from ingest.formats.tabular import SECTION_KEYS, Columns, Records, ticked

_TITLES = ("title", "name", "group", "heading", "caption")
_ASKS_BY_ATTRIBUTE = ("text", "title", "q", "question", "value", "name")


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""


# HTML elements kept as such in a field's content (without their attributes, so no link or
# image loads); any other element (DocBook's `<para>`) is a block of its text.
_HTML_TAGS = frozenset(
    "a b big blockquote br code dd div dl dt em h1 h2 h3 h4 h5 h6 hr i kbd li ol p pre s small "
    "span strong sub sup table td th tr tt u ul var".split()
)


def _html(el: ET.Element) -> str:
    """An element's content as HTML: its text, each child element as markup, and the text
    after each child."""
    parts = [el.text or ""]
    for child in el:
        tag = _tag(child)
        tag = tag if tag in _HTML_TAGS else "div"
        parts.append(f"<{tag}>{_html(child)}</{tag}>")
        parts.append(child.tail or "")
    return "".join(parts)


def _mixed(el: ET.Element) -> bool:
    """Text of its own beside or between its children: content, not fields."""
    return bool((el.text or "").strip() or any((c.tail or "").strip() for c in el))


def _value(el: ET.Element) -> str:
    """A field's text: a `<text>` child's if it has one (Moodle wraps every field so), else its
    whole content."""
    inner = next((c for c in el if _tag(c) == "text"), None)
    return clean_field(_html(inner if inner is not None and not _mixed(el) else el))


def _answer(children: list[ET.Element]) -> str:
    """The answer of a record's answer elements: one's text; several scored by `fraction`,
    as options with the full-mark ones ticked."""
    scored = [c for c in children if c.get("fraction") is not None]
    if len(scored) < 2:
        return "\n".join(filter(None, map(_value, children)))

    def full(c: ET.Element) -> bool:
        try:
            return float(c.get("fraction", "0")) >= 100
        except ValueError:
            return False

    return ticked([_value(c) for c in scored], [full(c) for c in scored])


def _record(el: ET.Element, memo: dict | None = None) -> tuple[str, str] | None:
    """(question, answer) if the element is a record, else None. `memo`: answers already
    found, by element, so a deep tree is judged once per element."""
    memo = {} if memo is None else memo
    if el in memo:
        return memo[el]
    memo[el] = found = _judge(el, memo)
    return found


def _holds_records(el: ET.Element, memo: dict) -> bool:
    return any(_record(c, memo) or _holds_records(c, memo) for c in el)


def _judge(el: ET.Element, memo: dict) -> tuple[str, str] | None:
    fields: dict[str, list[ET.Element | str]] = {}
    for key, value in el.attrib.items():
        fields.setdefault(key.rsplit("}", 1)[-1].lower(), []).append(value)
    if not _mixed(el):
        for child in el:
            fields.setdefault(_tag(child), []).append(child)
    keys = list(fields)
    cols = Columns.of(keys)
    if cols is None:
        # `<question text="Why …?">answer</question>`: the element names itself a question
        asked = next((el.get(k) for k in _ASKS_BY_ATTRIBUTE if el.get(k)), None)
        if asked and _names_question(_tag(el)):
            return asked, clean_field(_html(el))
        return None
    asked = fields[keys[cols.question]]
    if len(asked) > 1 or any(
        not isinstance(v, str) and (_record(v, memo) or _holds_records(v, memo)) for v in asked
    ):
        return None  # records (`<quiz><question …>`) or a section of them, not one

    def text(k: int) -> str:
        return "\n".join(v if isinstance(v, str) else _value(v) for v in fields[keys[k]])

    answer = ""
    if cols.answer is not None:
        found = fields[keys[cols.answer]]
        answer = _answer([v for v in found if not isinstance(v, str)]) or text(cols.answer)
    elif _mixed(el):
        answer = clean_field(_html(el))  # `<card front="…">the back</card>`
    return text(cols.question), answer


def _names_question(tag: str) -> bool:
    cols = Columns.of([tag])
    return cols is not None and cols.question == 0


def _title(el: ET.Element) -> str:
    child = next((c for c in el if _tag(c) in _TITLES and not list(c)), None)
    title = child.text if child is not None else next((el.get(k) for k in _TITLES if el.get(k)), "")
    return " ".join((title or "").split())


def _category(el: ET.Element) -> str | None:
    """A record-less element that only names a category (Moodle's `<question
    type="category">`): its path, without `$course$`-style markers."""
    child = next((c for c in el if _tag(c) in SECTION_KEYS), None)
    if child is None or len(el) > 2 or any(_tag(c) != "text" for c in child):
        return None
    parts = [p for p in _value(child).split("/") if p and not re.fullmatch(r"\$\w+\$", p)]
    return " > ".join(parts)


def read_xml(data: bytes, text: str) -> Records:
    """The records of an XML bank, each located at its question's line in `text`."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (ET.ParseError, DefusedXmlException) as exc:
        raise LoadError(f"invalid or unsafe XML ({exc}); nothing read") from exc
    out, cursor, category = Records(), 0, ""
    memo: dict = {}

    def walk(el: ET.Element, path: str) -> None:
        nonlocal cursor, category
        found = _record(el, memo)
        if found is not None:
            question, answer = found
            at = text.find(" ".join(question.split()[:4]), cursor) if question else -1
            cursor = at if at >= 0 else cursor
            line = text.count("\n", 0, cursor) + 1
            out.add(question, answer, " > ".join(p for p in (path, category) if p), line)
            return
        named = _category(el)
        if named is not None:
            category = named
            return
        inner = " > ".join(p for p in (path, _title(el)) if p)
        for child in el:
            if _tag(child) not in _TITLES:
                walk(child, inner)

    try:
        walk(root, "")
    except RecursionError as exc:
        raise LoadError("XML nested too deeply to read; nothing read") from exc
    if not out.items:
        out.warnings.append("no element holds a question field (question, q, front, term, …)")
    return out
