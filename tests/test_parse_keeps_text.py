"""Nothing a note says is lost: Markdown notes built from the shapes notes are made of
(paragraphs, bulleted and numbered lists with and without full stops, bold titles, code, quotes,
headings) keep every word of their text in some item's question, answer or section."""

import re

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
    kind = draw(st.sampled_from(["paragraph", "bullets", "numbered", "heading", "bold", "code"]))
    if kind == "paragraph":
        return " ".join(sentence(draw, 8, 14, ".") for _ in range(draw(st.integers(1, 3))))
    if kind in ("bullets", "numbered"):
        ends = draw(st.sampled_from(["", "."]))  # "1. Load the data" or "1. Load the data."
        items = [sentence(draw, 3, 8, ends) for _ in range(draw(st.integers(1, 4)))]
        marks = [f"{n}." if kind == "numbered" else "-" for n in range(1, len(items) + 1)]
        lines = "\n".join(f"{m} {text}" for m, text in zip(marks, items, strict=True))
        return f"{sentence(draw, 8, 10, ':')}\n\n{lines}"
    if kind == "heading":
        return f"{'#' * draw(st.integers(2, 4))} {sentence(draw, 2, 4, '')}"
    if kind == "bold":
        return f"**{sentence(draw, 2, 4, '')}**\n{sentence(draw, 8, 12, '.')}"
    return f"```\n{sentence(draw, 1, 6, '')}\n```"


@settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(block(), min_size=1, max_size=8))
def test_every_word_of_a_note_survives_parsing(blocks):
    text = "# Notes\n\n" + "\n\n".join(blocks) + "\n"
    items = run(text)
    kept = " ".join(f"{i.question} {i.answer} {i.section}" for i in items).lower()
    # A heading with nothing under it is not an item; every other line's words must be kept.
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    lost = {w for w in _WORD.findall(body.lower()) if w not in kept}
    assert not lost, (lost, [(i.kind, i.question, i.answer, i.section) for i in items])
