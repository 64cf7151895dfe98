"""Notebooks kept as scripts (jupytext's percent format, sphinx-gallery examples, marimo, Pluto.jl),
literate Python and reStructuredText doctest pages are notes; a plain program is not."""

import pytest

from core.errors import LoadError
from ingest.discover import discover
from ingest.loaders import load
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


def test_a_program_with_a_loop_or_with_block_at_top_level_is_refused_not_crashed(tmp_path):
    """A loop's and a `with` block's targets are names but hold no literal: a script that
    loops at top level is a program, refused with its reason, not a crash that stops ingest."""
    path = tmp_path / "exercises.py"
    path.write_text(
        "import torch\n\n# 1. Create a tensor\nt = torch.rand(3)\n\n"
        "# 2. Loop over batches\nfor batch in [1, 2]:\n    print(batch)\n\n"
        "with open(__file__) as handle:\n    pass\nsize: int = 3\n"
    )
    with pytest.raises(LoadError, match="a Python program, not notes"):
        load(path)


LITERATE = r'''"""
# Diffusion

We add noise step by step, then learn to remove it.

## Forward process

\begin{align}
q(x_t|x_0) &= \mathcal{N}(x_t; \sqrt{\bar\alpha_t} x_0, (1-\bar\alpha_t) \mathbf{I})
    + \textcolor{lightgreen}{\epsilon}
\end{align}
"""

import torch


class Diffusion:
    """
    ## Denoise diffusion
    """

    def sample(self, x0):
        """
        #### Sample from $q(x_t|x_0)$

        Noise is drawn once per step.
        """
        return x0 + torch.randn_like(x0)
'''


def test_literate_python_reads_its_markdown_docstrings_as_the_text_between_the_code(tmp_path):
    """labml-style annotated code: the docstrings are the page (headings, LaTeX as typed), the
    code sits between them; a formula's indented "+ …" line is not a list under a title."""
    (tmp_path / "ddpm.py").write_text(LITERATE)
    (tmp_path / "train.py").write_text('def main():\n    """Train the model."""\n')
    doc, items = load_items(tmp_path / "ddpm.py")
    assert doc.format == "literate python"
    assert [i.section for i in items] == [
        "Diffusion",
        "Diffusion > Forward process",
        "Diffusion > Denoise diffusion",
        "Diffusion > Denoise diffusion > Sample from $q(x_t|x_0)$",
    ]
    assert "\\textcolor{lightgreen}" in items[1].answer  # as typed, not a tab escape
    assert "    + \\textcolor{lightgreen}{\\epsilon}\n\\end{align}" in items[1].answer
    assert "(display)" not in items[1].answer
    assert "```python\n    def sample(self, x0):\n```" in items[2].answer
    assert "return x0 + torch.randn_like(x0)" in items[3].answer
    assert [f.path.name for f in discover(tmp_path)] == ["ddpm.py"]


MARIMO = r'''import marimo

app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # Bayes' theorem

    The posterior is $P(H|E) = \frac{P(E|H)P(H)}{P(E)}$, a prior updated by evidence.
    """)
    return


@app.cell
def _():
    # a rare disease
    prior = 0.01
    posterior = 0.95 * prior / 0.104
    return (posterior,)


@app.cell(hide_code=True)
def _(mo, posterior):
    explanation = mo.md(f"""
    ## Medical testing

    Despite a positive test, the chance of disease is only {posterior:.1%}.
    """)
    return (explanation,)
'''


def test_a_marimo_notebook_reads_its_markdown_cells_and_code(tmp_path):
    """A marimo notebook is Python whose cells are `@app.cell` functions: `mo.md` text is
    Markdown (an f-string's field shown by its name), the rest code; nothing is run."""
    (tmp_path / "bayes.py").write_text(MARIMO)
    doc, items = load_items(tmp_path / "bayes.py")
    assert doc.format == "marimo notebook"
    assert [i.section for i in items] == ["", "Bayes' theorem", "Bayes' theorem > Medical testing"]
    assert "\\frac{P(E|H)P(H)}{P(E)}" in items[1].answer
    assert "# a rare disease\nprior = 0.01" in items[1].answer  # its code, comments kept
    assert "return" not in items[1].answer and "mo.md" not in items[2].answer
    assert "only {posterior}." in items[2].answer  # a field shows its name: nothing is run
    assert [f.path.name for f in discover(tmp_path)] == ["bayes.py"]


PLUTO = """### A Pluto.jl notebook ###
# v0.19.47

using Markdown
using InteractiveUtils

# ╔═╡ 2b000000-0000-0000-0000-000000000002
md\"\"\"
## Exercise 1

What is ``p(a)`` when both boxes are equally likely?

> ``p(a) = \\frac{3}{4}``, by the sum rule over the two boxes.
\"\"\"

# ╔═╡ 1a000000-0000-0000-0000-000000000001
md\"\"\"
# Probability review
\"\"\"

# ╔═╡ 3c000000-0000-0000-0000-000000000003
p_a = 8/12 * 1/2 + 10/12 * 1/2

# ╔═╡ 00000000-0000-0000-0000-000000000001
PLUTO_PROJECT_TOML_CONTENTS = \"\"\"
[deps]
\"\"\"

# ╔═╡ Cell order:
# ╟─1a000000-0000-0000-0000-000000000001
# ╟─2b000000-0000-0000-0000-000000000002
# ╠═3c000000-0000-0000-0000-000000000003
# ╟─00000000-0000-0000-0000-000000000001
"""


def test_a_pluto_notebook_reads_its_cells_in_display_order(tmp_path):
    """A Pluto.jl notebook: `md` strings are Markdown, other cells Julia code, in the order
    the notebook lists them (not the file's); the package manager's cells are left out. A
    plain Julia program is refused with its reason and passed over in a folder."""
    (tmp_path / "review.jl").write_text(PLUTO)
    (tmp_path / "train.jl").write_text("using Flux\nmodel = Chain(Dense(2, 1))\n")
    doc, items = load_items(tmp_path / "review.jl")
    assert doc.format == "pluto notebook"
    assert [(i.kind, i.section, i.question) for i in items] == [
        ("qa", "Probability review", "What is ``p(a)`` when both boxes are equally likely?"),
    ]
    assert "``p(a) = \\frac{3}{4}``" in items[0].answer
    assert "```julia\np_a = 8/12 * 1/2 + 10/12 * 1/2\n```" in items[0].answer
    assert "PLUTO_PROJECT" not in items[0].answer
    with pytest.raises(LoadError, match="a Julia program, not notes"):
        load(tmp_path / "train.jl")
    assert [f.path.name for f in discover(tmp_path)] == ["review.jl"]


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
