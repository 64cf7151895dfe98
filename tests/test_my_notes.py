"""'How well does studybot know my notes?': questions from the student's own index, plain words."""

from eval.my_notes import check_notes
from ingest.pipeline import ingest
from rag.retrieve import Retriever

BANK = """# Bank
## What does dropout do?
Dropout randomly zeroes activations during training, which reduces overfitting.
## What is weight decay?
Weight decay adds an L2 penalty on the weights so large weights cost more.
## How do you tune a sourdough starter for a cold kitchen?
"""


def test_questions_from_my_notes_in_plain_words(tmp_path, store, embedder):
    (tmp_path / "bank.md").write_text(BANK)
    ingest([tmp_path / "bank.md"], store, embedder, progress=False)
    seen = []
    report = check_notes(
        Retriever(store, embedder), progress=lambda n, total: seen.append((n, total))
    )
    kinds = sorted(c.kind for c in report.checks)
    assert kinds == ["asked as written", "asked as written", "not in your notes"]
    assert seen == [(0, 3), (1, 3), (2, 3)]
    text = report.plain_words()
    assert "Finds the right note first for **2 of 2** questions" in text
    assert "wrongly for **0**" in text
    assert "Of 1 bank questions nothing in your notes answers" in text
    assert [r[2] for r in report.rows() if r[1] == "asked as written"] == [1, 1]
