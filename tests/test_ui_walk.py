"""A student's session, end to end: the real `studybot ui` process with the local LLM (it writes
the chat's generated answer and judges the quiz answer), driven in headless Chromium. Ask, click
[1], follow up, reload, "quiz me on attention", answer, see the verdict and the progress move,
export the deck and open it."""

from __future__ import annotations

import pytest

from tests.conftest import exported_fronts, running_ui
from tests.test_ui import pytestmark  # noqa: F401  (skip without chromium)

BANK = """# Attention
## Why is FlashAttention fast?
FlashAttention tiles attention into blocks that fit in on-chip SRAM, so it reads and writes far
less GPU memory; an online softmax lets it finish one block at a time.
## What does multi-head attention do?
It runs several attention heads in parallel, each with its own projections, so different heads
attend to different relations; their outputs are concatenated and projected.
## Why do transformers need positional encodings?
Self-attention is order-blind, so positions are added to the token embeddings.
# Regularization
## What does dropout do?
Dropout randomly zeroes activations during training, which reduces overfitting.
"""
ANSWERS = {  # what the student types for whichever attention card comes up
    "FlashAttention": "It works on tiles that fit in the fast on-chip SRAM, so it moves much less "
    "data to and from GPU memory, using an online softmax per block.",
    "multi-head": "Several heads attend in parallel with separate projections, and their outputs "
    "are concatenated and projected.",
    "positional": "Attention alone ignores token order, so position information is added to the "
    "embeddings.",
}
LLM_STEP_S = 600  # a generated answer or a judged grade on a busy 2-core machine


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    pytest.importorskip("xllamacpp")
    root = tmp_path_factory.mktemp("walk")
    (root / "bank.md").write_text(BANK)
    with running_ui(root, [root / "bank.md"], llm=True, timeout=180) as ui:
        yield ui.url


def ask_and_wait(page, text: str) -> None:
    """Send a chat message and wait until its turn is over: the question is in the chat and
    nothing on the page is still generating."""
    page.fill("#chat-input textarea", text)
    page.click("#chat-send")
    page.wait_for_function(
        "q => [...document.querySelectorAll('#chatbot .message')].some(m => m.innerText.trim() === q)"
        " && !document.querySelector('.wrap.generating, .wrap.pending')",
        arg=text, timeout=LLM_STEP_S * 1000,
    )  # fmt: skip


@pytest.mark.llm
def test_a_study_session_from_question_to_exported_deck(app, browser, tmp_path):
    page = browser.new_context(
        viewport={"width": 1280, "height": 1000}, accept_downloads=True
    ).new_page()
    page.goto(app)
    page.wait_for_selector("#chat-input textarea", timeout=60_000)

    # Ask: the instant answer from the notes, then the local model's turn (a checked answer,
    # or the note saying why only the quote is shown).
    ask_and_wait(page, "why is flashattention fast?")
    chat = page.inner_text("#chatbot")
    assert "From your notes" in chat
    assert "studybot:" in chat or "no generated answer" in chat
    assert "no LLM" not in chat and "not installed" not in chat

    # Click [1]: its source card opens, highlighted, with the passage.
    page.locator("#chatbot a.sb-cite").first.click()
    page.wait_for_function("() => document.querySelector('.sb-source.sb-hl[open]')")
    assert "SRAM" in page.inner_text(".sb-source.sb-hl")

    # A follow-up is searched with the conversation's topic.
    ask_and_wait(page, "does it change the result?")
    assert "flashattention" in page.input_value("#standalone textarea").lower()

    # Reload: the conversation is still there.
    page.reload()
    page.wait_for_selector("#chatbot .sb-sources", timeout=60_000)
    chat = page.inner_text("#chatbot")
    assert "why is flashattention fast?" in chat and "does it change the result?" in chat

    # "quiz me on attention": the Quiz tab with that topic and an attention card.
    page.fill("#chat-input textarea", "quiz me on attention")
    page.click("#chat-send")
    page.wait_for_function(
        "() => document.querySelector('#quiz-question')?.innerText.includes('?')",
        timeout=120_000,
    )
    assert page.input_value("#quiz-topic input") == "attention"
    card = page.inner_text("#quiz-question")
    key = next(k for k in ANSWERS if k in card)

    # Answer: the local judge grades it, and progress moves.
    page.fill("#quiz-answer textarea", ANSWERS[key])
    page.click("#quiz-submit")
    page.wait_for_selector("#quiz-result h2", timeout=LLM_STEP_S * 1000)
    result = page.inner_text("#quiz-result")
    assert any(v in result for v in ("CORRECT", "PARTIAL", "INCORRECT"))
    assert "graded by llm" in result
    page.wait_for_function(
        "() => document.querySelector('#quiz-counts')?.innerText.includes('1 reviews')",
        timeout=60_000,
    )

    # Export the deck: an .apkg, a zip holding a SQLite collection with the bank's cards.
    fronts = exported_fronts(page, tmp_path)
    assert key in " ".join(fronts) and "What does dropout do?" in fronts
