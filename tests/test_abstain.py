"""Answer or abstain (rag/abstain.py): a passage must contain what was asked, not only sit near
it in embedding space; rare words the notes never use weigh most."""

import pytest

from core.text import names, terms
from ingest.pipeline import ingest
from rag.abstain import coverage
from rag.answer import grounded_answer
from rag.retrieve import Retriever

NOTES = """# Attention
??? question "Why is FlashAttention fast?"
    It tiles attention into blocks that fit in on-chip SRAM and uses an online softmax, so the
    full attention matrix never goes to slow GPU memory.
??? question "What is RoPE?"
    Rotary position embeddings rotate query and key vectors by an angle that grows with the
    position, so attention scores depend on relative distance.
??? question "What does multi-query attention share?"
    All query heads share a single key head and a single value head, which shrinks the KV cache.
"""


@pytest.fixture
def retriever(tmp_path, store, embedder):
    (tmp_path / "notes.md").write_text(NOTES)
    ingest([tmp_path / "notes.md"], store, embedder, progress=False)
    return Retriever(store, embedder)


def test_terms_are_stemmed_content_words():
    assert terms("What are the rotary embeddings in FlashAttention?") == {
        "rotari", "embed", "flashattent", "flash", "attent",
    }  # fmt: skip


def test_rare_missing_words_weigh_most():
    weight = {"page": 3.0, "attent": 0.2}.get
    assert coverage("paged attention", "attention tiles", weight) == pytest.approx(0.2 / 3.2)
    assert coverage("paged attention", "attention tiles") == 0.5  # unweighted


def test_a_short_question_the_notes_answer_is_answered(retriever):
    ans = grounded_answer(retriever, "what is rope?")
    assert ans.grounded and "rotate query and key" in ans.citations[0].quote


def test_an_unrelated_question_is_refused(retriever):
    off = grounded_answer(retriever, "what is a good lasagna recipe?")
    assert not off.grounded and off.citations == []


@pytest.mark.xfail(
    strict=True,
    reason="known limit: the fitted model (cut chosen for <=3% false abstentions) still answers "
    "from a note that shares the topic words (attention, KV cache) but not the asked-about one; "
    "neither the 1.5B model as a yes/no judge nor a missing-jargon signal fixed it on held-out "
    "data (README, held-out suite; issue 13)",
)
def test_a_neighbouring_topic_is_not_passed_off_as_the_answer(retriever):
    """Paged attention is about attention and the KV cache, like these notes, but they never
    explain it: say so, and offer the nearest notes as related, not as the answer."""
    ans = grounded_answer(retriever, "how does paged attention manage the KV cache?")
    assert not ans.grounded and ans.citations == []


def test_names_are_acronyms_mixed_case_inner_capitals_and_words_with_digits():
    assert names("what's ALiBi and how does it compare to RoPE?") == {"alibi", "rope"}
    assert names("How many tokens does the Chinchilla paper recommend for int8 models?") == {
        "chinchilla", "int8",
    }  # fmt: skip
    # The first word of a sentence and the words of a Title Case question are not names.
    assert names("Explain overfitting") == set()
    assert names("What Is The Difference Between Bagging And Boosting") == set()


def test_a_name_the_notes_never_mention_is_refused_and_named(retriever):
    """ALiBi sits next to RoPE in embedding space, but no note mentions it: the reply says
    which word the notes lack rather than quoting RoPE as the answer."""
    ans = grounded_answer(retriever, "what's ALiBi and how does it compare to RoPE?")
    assert not ans.grounded and ans.citations == []
    assert ans.answer.startswith("Your notes never mention ALiBi.")
    # A name the notes do mention is no reason to refuse, in any case the student types it.
    assert grounded_answer(retriever, "how does the RoPE rotation work?").grounded
    assert grounded_answer(retriever, "why is flashattention fast?").grounded
