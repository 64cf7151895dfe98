"""Prose → chunks with llama-index's SentenceSplitter, measured in the embedding model's tokens."""

from __future__ import annotations

import re
from pathlib import Path

from core.errors import ConfigError
from ingest.prose import Chunker

# A sentence ends at . ! ? (or their CJK forms), after any closing quotes or brackets, where
# whitespace follows; not at an ellipsis ("...").
# Each sentence keeps its trailing whitespace, so the pieces rejoin exactly.
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?\u3002\uff01\uff1f][\"')\]\u201d\u2019]*\s+")


def split_sentences(text: str) -> list[str]:
    """`text` cut into sentences that concatenate back to it.

    The splitter's default sentence tokenizer is NLTK's punkt, which llama-index loads with
    no trained abbreviations, so it cuts at much the same marks; importing NLTK (and SciPy and
    scikit-learn with it) cost about 2 s of every ingest, and its data check may download.
    """
    cuts = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if a < b]


def sentence_chunker(
    chunk_tokens: int, overlap: int, tokenizer_json: Path | None = None
) -> Chunker:
    """Chunks of at most `chunk_tokens` wordpieces (the embedder truncates longer input)."""
    from llama_index.core.node_parser import SentenceSplitter

    if overlap >= chunk_tokens:
        raise ConfigError(
            f"chunk overlap ({overlap}) must be smaller than chunk size ({chunk_tokens})"
        )
    tokenize = None
    if tokenizer_json is not None and tokenizer_json.is_file():
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(tokenizer_json))
        # tokenizer.json may carry a saved setting (MiniLM's pads and truncates to 128), which
        # would count every piece of text as exactly 128 tokens.
        tok.no_padding()
        tok.no_truncation()

        def tokenize(text: str) -> list[int]:
            return tok.encode(text, add_special_tokens=False).ids

    splitter = SentenceSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=overlap,
        tokenizer=tokenize,
        chunking_tokenizer_fn=split_sentences,
    )
    return splitter.split_text
