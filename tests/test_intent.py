"""Quiz requests typed in chat are recognised by their shape, for any topic."""

import pytest

from rag.intent import QuizRequest, quiz_request


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("quiz me on RAG", QuizRequest("RAG", None)),
        ("Test me on attention!", QuizRequest("attention", None)),
        ("ask me 5 questions about LoRA", QuizRequest("LoRA", 5)),
        (
            "can you please quiz me about gradient checkpointing?",
            QuizRequest("gradient checkpointing", None),
        ),
        (
            "give me some practice questions on the topic of tokenizers",
            QuizRequest("tokenizers", None),
        ),
        ("quiz me", QuizRequest(None, None)),
        ("start a quiz on transformers", QuizRequest("transformers", None)),
    ],
)
def test_quiz_requests(message, expected):
    assert quiz_request(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "what is a quiz in RAG evaluation?",
        "how do I test my retriever?",
        "explain why models ask questions about LoRA",
        "Why does the test set leak?",
    ],
)
def test_ordinary_questions_are_not_quiz_requests(message):
    assert quiz_request(message) is None
