"""Banks printed to real PDFs, built at random: a page keeps no blank lines, indents or Markdown,
and carries a running header and a page-number footer; every question must still be read with
exactly its answer, however many pages the bank runs over."""

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.test_formats import load_items

# Made-up words: no repeated short line can pass for a running header by chance.
_rnd = random.Random(0)
WORDS = sorted({"".join(_rnd.choice("abcdefghiklmnoprstuvw") for _ in range(_rnd.randint(4, 9)))
                for _ in range(300)})  # fmt: skip
OPENINGS = ["What is", "Why does", "How does", "When should you use", "What are", "Which"]
LAYOUTS = {
    "Qn:": lambda n, q, a: f"Q{n}: {q}\n{a}",
    "numbered": lambda n, q, a: f"{n}. {q}\n{a}",
    "plain": lambda n, q, a: f"{q}\n{a}",
    "Q:/A:": lambda n, q, a: f"Q: {q}\nA: {a}",
    "numbered, Answer:": lambda n, q, a: f"{n}. {q}\nAnswer: {a}",
    "bulleted": lambda n, q, a: f"- {q}\n{a}",
    "Question N:/Answer:": lambda n, q, a: f"Question {n}: {q}\nAnswer: {a}",
}


@st.composite
def bank(draw):
    def words(shortest: int, longest: int) -> str:
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=shortest, max_size=longest)))

    def answer() -> str:
        sentences = draw(st.integers(1, 3))
        return " ".join(f"{words(8, 16).capitalize()}." for _ in range(sentences))

    layout = draw(st.sampled_from(sorted(LAYOUTS)))
    pairs = [(f"{draw(st.sampled_from(OPENINGS))} {words(2, 7)}?", answer())
             for _ in range(draw(st.integers(4, 14)))]  # fmt: skip
    rows = [LAYOUTS[layout](n, q, a) for n, (q, a) in enumerate(pairs, start=1)]
    return f"{words(2, 4).title()}\n{answer()}\n" + "\n".join(rows), pairs


@settings(
    max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(bank())
def test_every_question_of_a_printed_bank_is_read_with_its_answer(tmp_path_factory, case):
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self):
            self.set_font("helvetica", size=8)
            self.cell(0, 8, "ML interview notes", align="R")
            self.ln(10)
            self.set_font("helvetica", size=11)

        def footer(self):
            self.set_y(-15)
            self.set_font("helvetica", size=8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    text, pairs = case
    pdf = Printed()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    # Only the page's edges tell a running line from text: a printed line that comes back word
    # for word (Hypothesis likes banks of one word over and over) could truly be either.
    printed = pdf.multi_cell(0, 6, text, dry_run=True, output="LINES")
    assume(len(set(printed)) == len(printed))
    pdf.multi_cell(0, 6, text)
    path = tmp_path_factory.mktemp("pdf") / "bank.pdf"
    pdf.output(str(path))
    _, items = load_items(path)
    got = [(i.question, " ".join(i.answer.split())) for i in items if i.kind == "qa"]
    assert got == pairs, text
