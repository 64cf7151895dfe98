"""Layout families found in the eighteenth third-party batch (deep learning and LLM notes), each
on a small hand-made input."""

from tests.test_parse_layouts import run


def test_a_numbered_list_keeps_every_item_in_its_section():
    """Items without a full stop (`1. Load the data`) are a list, not a run of titles each over
    the next item: every item is kept, under the heading it sits under."""
    items = run(
        "# Perceptron\n\n"
        "### What we learned:\n"
        "1. **Structure**: one neuron with weights and a bias\n"
        "2. **Learning**: weights move with the prediction error\n"
        "3. **Limits**: cannot solve XOR\n\n"
        "### Insights:\n"
        "- **Boundary**: w x + b = 0\n\n"
        "Steps to train:\n\n"
        "1. Load the data\n"
        "2. Fit the model\n"
        "3. Check the loss\n"
    )
    text = "\n".join(i.answer for i in items)
    for kept in ("one neuron with weights", "weights move with", "cannot solve XOR",
                 "Load the data", "Fit the model", "Check the loss"):  # fmt: skip
        assert kept in text
    sections = {i.section for i in items}
    assert sections == {"Perceptron > What we learned:", "Perceptron > Insights:"}
