"""Banks in the layouts the parser reads, built at random: every question becomes a
question–answer item with its own answer, in order, whatever the questions' wording (a "?",
an interrogative, an imperative with or without a full stop) and whatever comes before the bank.
Not covered: plain `###` headings where most questions are imperatives without a "?" ("###
Explain X."), which read as section titles unless the level is a bank of questions."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_parse_layouts import run

WORDS = ["model", "gradient", "loss", "token", "layer", "weights", "batch", "vector", "query",
         "index", "dropout", "softmax", "attention", "variance", "kernel", "encoder"]  # fmt: skip
OPENINGS = ["What is", "Why does", "How does", "When should you use", "Which", "Explain",
            "Describe"]  # fmt: skip


def indented(text: str, pad: str) -> str:
    return "\n".join(pad + line if line.strip() else line for line in text.split("\n"))


LAYOUTS = {
    "numbered heading": lambda n, q, a: f"## {n}. {q}\n\n{a}",
    "Qn heading": lambda n, q, a: f"### Q{n}: {q}\n{a}",
    "bold Q/A labels": lambda n, q, a: f"**Q:** {q}\n**A:** {a}",
    "Q/A lines": lambda n, q, a: f"Q: {q}\nA: {a}",
    "numbered with answer label": lambda n, q, a: (
        f"{n}. {q}\n   - Answer: " + indented(a, "     ").lstrip()
    ),
    "details": lambda n, q, a: f"<details>\n<summary>{q}</summary>\n\n{a}\n\n</details>",
    "admonition": lambda n, q, a: f'??? question "{q}"\n' + indented(a, "    "),
    "bold paragraph": lambda n, q, a: f"**{q}**\n\n{a}",
    "heading with answer label": lambda n, q, a: f"#### {q}\n**Answer:** {a}",
    "numbered, answered below": lambda n, q, a: f"{n}) {q}\n\n{a}",
    "numbered, answer on the next line": lambda n, q, a: f"{n}. {q}\n{a}",
    "question line over its answer": lambda n, q, a: f"{q}\n{a}",
    "bold bullet, indented answer": lambda n, q, a: f"- **{q}**\n\n" + indented(a, "  "),
    "Question N / Answer labels": lambda n, q, a: f"**Question {n}:** {q}\n\n**Answer:** {a}",
    "Qn. / Ans:": lambda n, q, a: f"Q{n}. {q}\nAns: {a}",
    "table": lambda n, q, a: (
        ("| Question | Answer |\n|---|---|\n" if n == 1 else "") + f"| {q} | {a} |"
    ),
}


@st.composite
def bank(draw):
    def words(shortest: int, longest: int) -> str:
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=shortest, max_size=longest)))

    layout = draw(st.sampled_from(sorted(LAYOUTS)))

    def question() -> str:
        # a line that only opens a paragraph asks with its "?" (a task there reads as a title)
        openings = OPENINGS[:5] if layout == "question line over its answer" else OPENINGS
        opening = draw(st.sampled_from(openings))
        ends = ["?"] if opening not in ("Explain", "Describe") else ["", ".", "?"]
        return f"{opening} {words(2, 6)}{draw(st.sampled_from(ends))}"

    def paragraph() -> str:
        return " ".join(f"{words(6, 12).capitalize()}." for _ in range(draw(st.integers(1, 3))))

    one_line = layout in ("Q/A lines", "bold Q/A labels", "Qn. / Ans:", "table")

    def answer() -> str:
        """A paragraph, and in layouts with room for it, a list, code or another paragraph."""
        more = draw(st.sampled_from(["", "list", "code", "paragraph"] if not one_line else [""]))
        return (
            paragraph()
            + {
                "": "",
                "list": "".join(f"\n- {words(2, 5)}" for _ in range(draw(st.integers(2, 3)))),
                "code": f"\n\n```python\n{words(1, 3).replace(' ', '_')}()\n```",
                "paragraph": f"\n\n{paragraph()}",
            }[more]
        )

    pairs = [(question(), answer()) for _ in range(draw(st.integers(3, 6)))]
    title = f"# {words(1, 3).title()}\n\n"
    before = draw(st.sampled_from(["", title, f"{title}{paragraph()}\n\n"]))
    rows = [LAYOUTS[layout](n, q, a) for n, (q, a) in enumerate(pairs, start=1)]
    body = ("\n" if layout == "table" else "\n\n").join(rows)
    return before + body + "\n", pairs


@settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(bank())
def test_every_question_of_a_bank_is_read_with_its_answer(case):
    text, pairs = case
    items = [(i.question, i.answer) for i in run(text) if i.kind == "qa"]
    assert [q.rstrip(".") for q, _ in items] == [q.rstrip(".") for q, _ in pairs], text
    for (_, got), (_, written) in zip(items, pairs, strict=True):
        assert " ".join(got.split()) == " ".join(written.split()), text


HTML_LAYOUTS = {
    "h3 and p": lambda pairs: "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in pairs),
    "dl": lambda pairs: "<dl>" + "".join(f"<dt>{q}</dt><dd>{a}</dd>" for q, a in pairs) + "</dl>",
    "details": lambda pairs: "".join(
        f"<details><summary>{q}</summary><p>{a}</p></details>" for q, a in pairs
    ),
    "table": lambda pairs: (
        "<table><tr><th>Question</th><th>Answer</th></tr>"
        + "".join(f"<tr><td>{q}</td><td>{a}</td></tr>" for q, a in pairs)
        + "</table>"
    ),
    "strong and p": lambda pairs: "".join(
        f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in pairs
    ),
    "divs": lambda pairs: "".join(
        f'<div class="faq"><div class="q">{q}</div><div class="a">{a}</div></div>' for q, a in pairs
    ),
}


@st.composite
def html_bank(draw):
    def words(shortest: int, longest: int) -> str:
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=shortest, max_size=longest)))

    def paragraph() -> str:
        return " ".join(f"{words(6, 12).capitalize()}." for _ in range(draw(st.integers(1, 3))))

    pairs = [(f"{draw(st.sampled_from(OPENINGS[:5]))} {words(2, 6)}?", paragraph())
             for _ in range(draw(st.integers(3, 7)))]  # fmt: skip
    layout = HTML_LAYOUTS[draw(st.sampled_from(sorted(HTML_LAYOUTS)))]
    intro = f"<h1>{words(1, 3).title()}</h1><p>{paragraph()}</p>"
    return f"<html><body>{intro}{layout(pairs)}</body></html>", pairs


@settings(
    max_examples=100, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(html_bank())
def test_every_question_of_a_web_page_bank_is_read_with_its_answer(case):
    from pathlib import Path

    from ingest.loaders import load
    from ingest.parse import parse_document

    page, pairs = case
    items = parse_document(load(Path("faq.html"), page.encode()), chunker=lambda text: [text])
    assert [(i.question, i.answer) for i in items if i.kind == "qa"] == pairs, page
