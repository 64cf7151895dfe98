"""Nothing a note says is lost: Markdown notes built from the shapes notes are made of
(paragraphs, bulleted, numbered and nested lists with and without full stops, a list with
one item that asks, term lists, bold
titles, code, quotes, tables, questions with answers, `<details>` folds, headings) keep every word
of their text in some item's question, answer or section."""

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_parse_layouts import run

WORDS = ["model", "gradient", "loss", "token", "layer", "weights", "batch", "vector", "query",
         "index", "training", "dropout", "softmax", "attention", "learning", "rate", "split"]  # fmt: skip
_WORD = re.compile(r"[a-z]{3,}")


def sentence(draw, shortest: int, longest: int, end: str) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=shortest, max_size=longest))
    return f"{words[0].capitalize()} {' '.join(words[1:])}{end}"


@st.composite
def block(draw) -> str:
    """One block of a note, of a shape drawn at random."""

    def say(shortest: int, longest: int, end: str = "") -> str:
        return sentence(draw, shortest, longest, end)

    def some(make) -> list[str]:
        return [make() for _ in range(draw(st.integers(1, 4)))]

    ends = draw(st.sampled_from(["", "."]))  # "1. Load the data" or "1. Load the data."
    intro = say(8, 10, ":")
    shapes = {
        "paragraph": lambda: " ".join(say(8, 14, ".") for _ in range(draw(st.integers(1, 3)))),
        "bullets": lambda: intro + "\n\n" + "\n".join(f"- {say(3, 8, ends)}" for _ in range(3)),
        "numbered": lambda: (
            intro
            + "\n\n"
            + "\n".join(
                f"{n}. {item}" for n, item in enumerate(some(lambda: say(3, 8, ends)), start=1)
            )
        ),
        "aside": lambda: (  # a note's list with one item that asks among short ones
            intro + "\n\n" + "\n".join(f"- {say(1, 3, e)}" for e in (ends, "?", ends, ends))
        ),
        "nested": lambda: f"{intro}\n\n- {say(3, 6)}\n  - {say(3, 6, '.')}\n- {say(3, 6)}",
        "terms": lambda: (
            intro + "\n\n" + "\n".join(some(lambda: f"- **{say(1, 2)}**: {say(4, 8, '.')}"))
        ),
        "heading": lambda: f"{'#' * draw(st.integers(2, 4))} {say(2, 4)}",
        "bold title": lambda: f"**{say(2, 4)}**\n{say(8, 12, '.')}",
        "code": lambda: f"```\n{say(1, 6)}\n```",
        "quote": lambda: f"> {say(8, 12, '.')}",
        "question": lambda: f"{say(4, 8, '?')}\n\n{say(8, 12, '.')}",
        "table": lambda: (
            "| Name | Meaning |\n|---|---|\n"
            + "\n".join(some(lambda: f"| {say(1, 3)} | {say(3, 6)} |"))
        ),
        "details": lambda: (
            f"<details><summary>{say(4, 8, '?')}</summary>\n\n{say(8, 12, '.')}\n\n</details>"
        ),
    }
    return shapes[draw(st.sampled_from(sorted(shapes)))]()


@settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(block(), min_size=1, max_size=8))
def test_every_word_of_a_note_survives_parsing(blocks):
    text = "# Notes\n\n" + "\n\n".join(blocks) + "\n"
    items = run(text)
    kept = " ".join(f"{i.question} {i.answer} {i.section}" for i in items).lower()
    # A heading with nothing under it is not an item, and tags are markup: every other word stays.
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    said, have = (
        Counter(_WORD.findall(re.sub(r"<[^>]+>", " ", body).lower())),
        Counter(_WORD.findall(kept)),
    )
    lost = {w: n - have[w] for w, n in said.items() if have[w] < n}  # as often as it was said
    assert not lost, (lost, [(i.kind, i.question, i.answer, i.section) for i in items])
