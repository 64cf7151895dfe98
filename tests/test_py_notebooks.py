"""Notebooks kept as .py scripts (jupytext's percent format, sphinx-gallery examples) and
reStructuredText doctest pages are notes; a plain Python program is not."""

import pytest

from core.errors import LoadError
from ingest.loaders import discover, load
from ingest.parse import parse_document


def load_items(path):
    doc = load(path)
    return doc, parse_document(doc, chunker=lambda t: [t])


PERCENT = """\
# %% [markdown]
# # Regularisation
#
# ## What does dropout do?
# It zeroes random activations while training.

# %%
import torch
layer = torch.nn.Dropout(p=0.5)

# %% [markdown]
# ## Why use weight decay?
# It shrinks the weights towards zero.
"""

SPHINX = '''\
r"""
Word vectors
============

How words become vectors, in a few steps.
"""

import numpy as np

###############################################################################
# Counting words
# --------------
#
# A bag of words counts each word of a ``document``, order left out.

counts = np.bincount([0, 1, 1])

# %%
# Embeddings
# ----------
#
# An embedding maps each word to a dense vector; similar words lie close.
'''


def test_a_percent_format_notebook_reads_its_markdown_cells_as_markdown(tmp_path):
    (tmp_path / "regularisation.py").write_text(PERCENT)
    doc, items = load_items(tmp_path / "regularisation.py")
    assert (doc.format, doc.unit) == ("py notebook", "cell")
    qa = [(i.question, i.answer, i.locator) for i in items if i.kind == "qa"]
    assert qa == [
        (
            "What does dropout do?",
            "It zeroes random activations while training.\n\n"
            "```python\nimport torch\nlayer = torch.nn.Dropout(p=0.5)\n```",
            "cells 1-2",
        ),
        ("Why use weight decay?", "It shrinks the weights towards zero.", "cell 3"),
    ]


def test_a_sphinx_gallery_example_reads_its_docstring_and_text_blocks_as_restructuredtext(
    tmp_path,
):
    (tmp_path / "plot_word_vectors.py").write_text(SPHINX)
    _, items = load_items(tmp_path / "plot_word_vectors.py")
    sections = [(i.section, i.answer.split("\n")[0]) for i in items]
    assert sections == [
        ("Word vectors", "How words become vectors, in a few steps."),
        ("Word vectors > Counting words", "A bag of words counts each word of a `document`, order left out."),
        ("Word vectors > Embeddings", "An embedding maps each word to a dense vector; similar words lie close."),
    ]  # fmt: skip
    assert "```\ncounts = np.bincount([0, 1, 1])\n```" in items[1].answer
    assert not any("%matplotlib" in i.answer or 'r"""' in i.answer for i in items)


def test_a_python_program_is_refused_with_its_reason_and_skipped_in_a_folder(tmp_path):
    (tmp_path / "train.py").write_text("import sys\n\n# train the model\nprint(sys.argv)\n")
    (tmp_path / "notes.py").write_text(PERCENT)
    with pytest.raises(LoadError, match="a Python program, not notes"):
        load(tmp_path / "train.py")
    assert [f.path.name for f in discover(tmp_path)] == ["notes.py"]
    assert [f.path.name for f in discover(tmp_path / "train.py")] == ["train.py"]


def test_a_doctest_page_is_restructuredtext(tmp_path):
    (tmp_path / "probability.doctest").write_text(
        "Smoothing\n=========\n\nAdd-one smoothing adds one to every count.\n\n"
        "    >>> (3 + 1) / (10 + 4)\n    0.2857142857142857\n"
    )
    doc, items = load_items(tmp_path / "probability.doctest")
    assert doc.format == "restructuredtext"
    assert [(i.section, i.answer.split("\n")[0]) for i in items] == [
        ("Smoothing", "Add-one smoothing adds one to every count.")
    ]
