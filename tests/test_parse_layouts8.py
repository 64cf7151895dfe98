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


def test_a_numbered_list_in_prose_keeps_its_numbers():
    """Steps in order stay numbered when shown (`1.`, `2)`); only bullets read `-`."""
    (item,) = run(
        "# Notes\n\nTo train the model on a new dataset:\n\n"
        "1. Load the data from disk\n2. Fit the model on the training split\n\n"
        "Things to watch:\n\n* the loss on the validation split\n* the learning rate\n"
    )
    assert "\n1. Load the data from disk\n2. Fit the model on the training split\n" in item.answer
    assert item.answer.endswith("\n- the loss on the validation split\n- the learning rate")
