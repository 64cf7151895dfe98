"""YAML front matter (`---` … `---` opening a Markdown file): dropped, as a rendered page shows
none of it, but for its title, which a site prints as the page's heading when the text has none
of its own (Mintlify, Docusaurus, Jekyll), and the questions it lists (`questions:`), which a
Carpentries lesson episode's page prints in a box at its top."""

from __future__ import annotations

import re

from ingest.lines import in_code


def strip_front_matter(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """YAML front matter dropped, but for its title (a heading, if the text has none) and the
    questions it lists (`questions:`, as a Carpentries lesson episode keeps the questions its
    page prints): a list of them."""
    if lines and lines[0][1].strip() == "---":
        for j in range(1, min(len(lines), 60)):
            if lines[j][1].strip() in ("---", "..."):
                data = _data(lines[1:j])
                body = lines[j + 1 :]
                return [*_title(data, lines[1:j], body), *_questions(data, lines[1:j]), *body]
    return lines


def _data(lines: list[tuple[int, str]]) -> dict:
    import yaml

    try:
        data = yaml.safe_load("\n".join(text for _, text in lines))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _title(data: dict, lines: list[tuple[int, str]], body: list[tuple[int, str]]):
    """`# title` where the page's text has no top heading of its own."""
    title = data.get("title")
    code = in_code(body)
    if not isinstance(title, str) or not title.strip() or "\n" in title.strip():
        return []
    if any(not code[n] and re.match(r"#\s+\S", text) for n, (_, text) in enumerate(body)):
        return []
    loc = next((loc for loc, text in lines if text.lstrip().startswith("title:")), lines[0][0])
    return [(loc, f"# {title.strip()}"), (loc, "")]


def _questions(data: dict, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    asked = data.get("questions")
    if not isinstance(asked, list) or not all(isinstance(q, str) and q.strip() for q in asked):
        return []
    where = {q: next((loc for loc, text in lines if q.strip() in text), lines[0][0]) for q in asked}
    return [*((where[q], f"- {q.strip()}") for q in asked), (lines[-1][0], "")]
