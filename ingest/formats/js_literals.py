"""Question banks kept as JavaScript or TypeScript literals: a quiz app's module
(`export const questions: QuizQuestion[] = [{question: '…', options: […], correctAnswer: 1}]`)
or a page's script (`const quizData = [{…}]`). Each literal assigned to a name is parsed with
chompjs, which reads JavaScript's object syntax (unquoted keys, single quotes, template strings,
trailing commas, comments) into data and runs nothing; its records are then found as in a JSON
bank (ingest/formats/structured.py), named by their variables."""

from __future__ import annotations

import re

import chompjs

from core.errors import LoadError
from ingest.formats.structured import read_data
from ingest.formats.tabular import Records

NOT_NOTES = (
    "a program, not notes: studybot reads a JavaScript or TypeScript file only as a bank kept in "
    "a literal (const questions = [{question: …, answer: …}])"
)
# `const quiz = [`, `export let cards: Card[] = {`, `export default [`, `module.exports = [`, each
# opening its line as a bank's declaration does (a minified bundle's thousands of `var a={` on
# one line are code, and parsing from each of them would take quadratic time)
_ASSIGNED = re.compile(
    r"^[ \t]*(?:(?:export\s+)?(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*)\s*(?::[^=;\n]*)?="
    r"|export\s+default|module\.exports\s*=)\s*(?=[\[{])",
    re.M,
)


def assigned_literals(code: str) -> dict[str, object]:
    """Every object or array literal `code` assigns to a name, by name (`default` for a
    module's default export); literals that do not parse (code, not data) are left out."""
    found: dict[str, object] = {}
    for m in _ASSIGNED.finditer(code):
        try:
            value = chompjs.parse_js_object(code[m.end() :], loader_kwargs={"strict": False})
        except ValueError:
            continue
        found.setdefault(m["name"] or "default", value)
    return found


def read_script(text: str) -> Records:
    """A JavaScript or TypeScript module's bank; a `LoadError` when it holds none."""
    try:
        return read_data(assigned_literals(text), text)
    except LoadError as exc:
        raise LoadError(NOT_NOTES) from exc
