"""Question banks kept as JavaScript or TypeScript literals: a quiz app's module, and a post whose
script holds its quiz. The literal is parsed, never run; a program without one is not notes."""

import pytest

from core.errors import LoadError
from ingest.discover import discover
from ingest.loaders import load
from ingest.parse import parse_document

QUIZ_MODULE = """\
// Quiz questions for the attention chapter
import type { QuizQuestion } from '../quizzes';

export const attentionQuestions: QuizQuestion[] = [
  {
    id: 'attn-1',
    question: 'Why are attention scores divided by the square root of d_k?',
    options: [
      'To make training faster',
      'To keep the softmax out of its flat, saturated region',  // the key
      'To normalise the values',
    ],
    correctAnswer: 1,
    explanation: `Dot products grow with the dimension;
scaling keeps their variance near one.`,
    category: 'attention',
  },
  {
    id: 'attn-2',
    question: 'What does a causal mask stop?',
    options: ['Tokens attending to later tokens', "The model's padding", 'Dropout'],
    correctAnswer: 0,
    explanation: 'Each position may only see itself and the ones before it.',
    category: 'attention',
  },
];

export const estimatedMinutes = 5;
"""


def items_of(path):
    return parse_document(load(path), chunker=lambda t: [t])


def test_a_typescript_quiz_module_is_read_as_its_bank_with_the_indexed_option_ticked(tmp_path):
    (tmp_path / "attention.ts").write_text(QUIZ_MODULE)
    assert load(tmp_path / "attention.ts").format == "javascript"
    first, second = items_of(tmp_path / "attention.ts")
    assert (first.kind, first.section) == ("qa", "attention")
    assert first.question == "Why are attention scores divided by the square root of d_k?"
    assert first.answer == (
        "- To make training faster\n"
        "- ✓ To keep the softmax out of its flat, saturated region\n"
        "- To normalise the values\n"
        "Dot products grow with the dimension;\nscaling keeps their variance near one."
    )  # `correctAnswer: 1` counts from 0, as the app's code does
    assert "- ✓ Tokens attending to later tokens" in second.answer
    assert "- The model's padding" in second.answer


def test_a_program_is_not_notes_in_a_folder_and_gets_its_reason_when_named(tmp_path):
    (tmp_path / "quiz.ts").write_text(QUIZ_MODULE)
    (tmp_path / "app.js").write_text(
        "const express = require('express');\nconst routes = [];\n"
        "function start() { return routes.map((r) => r.path); }\n"
    )
    (tmp_path / "clip.ts").write_bytes(b"\x47\x40\x00\x10\x00" * 200)  # an MPEG transport stream
    assert [f.path.name for f in discover(tmp_path)] == ["quiz.ts"]
    with pytest.raises(LoadError, match=r"bank kept in a literal"):
        load(tmp_path / "app.js")


def test_a_post_keeps_its_text_and_reads_the_quiz_its_script_holds(tmp_path):
    """The post's words are notes; its style and script are not text a reader sees, and the
    quiz the script draws (`const quizData = […]` inside a function, unquoted keys) is read as
    cards."""
    (tmp_path / "post.md").write_text(
        "# Pre-training quiz\n\nPre-training teaches next-token prediction on raw text.\n\n"
        '<div class="quiz"></div>\n<style>\n  .quiz { color: #333; }\n</style>\n\n'
        "<script>\n  (function() {\n    const quizData = [\n"
        '      { question: "What does RLHF stand for?",\n'
        '        options: ["Random Language Hypertext Format",\n'
        '                  "Reinforcement Learning from Human Feedback"],\n'
        '        correct: 1, explanation: "Human preferences train a reward model." },\n'
        '      { question: "Which stage comes first?", options: ["Pre-training", "SFT"],\n'
        "        correct: 0 },\n"
        '      { question: "What is SFT?", options: ["Supervised fine-tuning", "Sampling"],\n'
        "        correct: 0 },\n"
        "    ];\n    function show() { document.body.innerHTML = quizData[0].question; }\n"
        "  })();\n</script>\n"
    )
    chunk, *cards = items_of(tmp_path / "post.md")
    assert chunk.kind == "chunk"
    assert chunk.answer.strip() == "Pre-training teaches next-token prediction on raw text."
    assert [(c.kind, c.question) for c in cards] == [
        ("qa", "What does RLHF stand for?"),
        ("qa", "Which stage comes first?"),
        ("qa", "What is SFT?"),
    ]
    assert cards[0].answer.splitlines()[1] == "- ✓ Reinforcement Learning from Human Feedback"


def test_a_script_or_style_spanning_lines_shows_none_of_its_text(tmp_path):
    (tmp_path / "notes.md").write_text(
        "# Dropout\n\nDropout zeroes activations at random while training.\n"
        "<style>\n  p { margin: 0; }\n</style>\n<script>\n  generateQuiz('q1', 'Dropout?');\n"
        "</script>\nAt test time the full network is used.\n"
    )
    (chunk,) = items_of(tmp_path / "notes.md")
    assert "margin" not in chunk.answer and "generateQuiz" not in chunk.answer
    assert "At test time the full network is used." in chunk.answer
