"""YAML front matter (`---` … `---` opening a Markdown file): dropped, as a rendered page shows
none of it, but for the questions it lists (`questions:`), which a Carpentries lesson episode's
page prints in a box at its top."""

from __future__ import annotations


def strip_front_matter(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """YAML front matter dropped, but for the questions it lists (`questions:`, as a
    Carpentries lesson episode keeps the questions its page prints): a list of them."""
    if lines and lines[0][1].strip() == "---":
        for j in range(1, min(len(lines), 60)):
            if lines[j][1].strip() in ("---", "..."):
                return [*_front_matter_questions(lines[1:j]), *lines[j + 1 :]]
    return lines


def _front_matter_questions(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    import yaml

    try:
        data = yaml.safe_load("\n".join(text for _, text in lines))
    except yaml.YAMLError:
        return []
    asked = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(asked, list) or not all(isinstance(q, str) and q.strip() for q in asked):
        return []
    where = {q: next((loc for loc, text in lines if q.strip() in text), lines[0][0]) for q in asked}
    return [*((where[q], f"- {q.strip()}") for q in asked), (lines[-1][0], "")]
