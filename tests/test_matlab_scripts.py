"""MATLAB and Octave scripts in `%%` sections are notes (their titles and publish text as
Markdown, the rest as code); a script without sections is a program, refused with its reason."""

import pytest

from core.errors import LoadError
from ingest.discover import discover
from ingest.loaders import load
from ingest.parse import parse_document

SCRIPT = """\
%% Gradient descent for linear regression
% Course notes, week 2.

%% ============ Part 1: Why scale the features? ============
% Scaling makes the cost surface *round*, so gradient descent takes a direct path.
% Use |featureNormalize| before fitting:
%
% * subtract the mean of each feature
% * divide by its standard deviation
%
% See <https://example.org/scaling the scaling notes>.

X = [1 2104; 1 1416];
mu = mean(X); % the mean of each column
sigma = std(X);

%%
% What does the learning rate control?
alpha = 0.01;
"""


def test_a_matlab_script_in_sections_reads_its_publish_text_as_notes(tmp_path):
    (tmp_path / "ex1.m").write_text(SCRIPT)
    doc = load(tmp_path / "ex1.m")
    items = parse_document(doc, chunker=lambda t: [t])
    assert doc.format == "matlab"
    assert doc.lines[0] == (1, "# Gradient descent for linear regression")
    qa = [i for i in items if i.kind == "qa"]
    assert [i.question for i in qa] == ["Part 1: Why scale the features?"]
    answer = qa[0].answer
    assert answer.startswith("Scaling makes the cost surface **round**, so gradient descent")
    assert "Use `featureNormalize` before fitting:" in answer
    assert "- subtract the mean of each feature\n- divide by its standard deviation" in answer
    assert "See the scaling notes." in answer and "example.org" not in answer
    assert "```matlab\nX = [1 2104; 1 1416];\nmu = mean(X); % the mean of each column" in answer
    # an untitled section's comment is text too; its code stays code
    text = [line for _, line in doc.lines]
    at = text.index("What does the learning rate control?")
    assert text[at + 1 : at + 5] == ["", "```matlab", "alpha = 0.01;", "```"]


def test_a_matlab_program_is_refused_with_its_reason_and_skipped_in_a_folder(tmp_path):
    """An `.m` without sections is a function or program (or Objective-C source): named, it
    gets the reason; in a folder it is passed over beside the notes."""
    (tmp_path / "costFunction.m").write_text(
        "function J = costFunction(X, y, theta)\n% the squared error %% of theta\n"
        "J = sum((X * theta - y) .^ 2) / (2 * length(y));\nend\n"
    )
    (tmp_path / "ex1.m").write_text(SCRIPT)
    with pytest.raises(LoadError, match="a MATLAB program, not notes"):
        load(tmp_path / "costFunction.m")
    assert [f.path.name for f in discover(tmp_path)] == ["ex1.m"]
