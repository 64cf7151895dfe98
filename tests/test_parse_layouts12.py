"""Layout families found in the twenty-ninth third-party batch (LLM fine-tuning, alignment and
inference), each on a small hand-made input."""

from tests.test_parse_layouts import run

BODY = "   - Potential savings: a third to a half of the monthly bill\n   - Trade-off: some quality\n\n"


def test_a_section_named_by_a_bold_line_keeps_no_emphasis_marks():
    """A bold numbered line, or a bold lead-in, heads its part of the section it stands in
    (under its heading, not in place of it); the name shown with its items is plain text
    ("1. Switch to a smaller model", not "1. **Switch …")."""
    items = run(
        "# Quiz\n\n## Sample answer\n\nThe plan has several parts, cheapest first.\n\n"
        f"1. **Switch to a smaller model (13B)**\n{BODY}"
        f"2. **Quantise the weights to 4 bits**\n{BODY}"
        f"✅ **Pros:**\n\n- Cheaper serving of the same model to the same users\n"
    )
    assert [i.section for i in items] == [
        "Quiz > Sample answer",
        "Quiz > Sample answer > 1. Switch to a smaller model (13B)",
        "Quiz > Sample answer > 2. Quantise the weights to 4 bits",
        "Quiz > Sample answer > ✅ Pros:",
    ]
