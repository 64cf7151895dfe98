"""Prose → chunks with llama-index's SentenceSplitter, measured in the embedding model's tokens."""

from __future__ import annotations

from pathlib import Path

from core.errors import ConfigError
from ingest.prose import Chunker


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

    splitter = SentenceSplitter(chunk_size=chunk_tokens, chunk_overlap=overlap, tokenizer=tokenize)
    return splitter.split_text
