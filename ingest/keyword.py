"""The keyword index: bm25s over stemmed words, built at ingest into a versioned folder.

A build writes `bm25-<generation>/` completely, then the caller records the new generation in one
committed catalog row; readers open whichever generation the catalog names, so a killed build
never leaves a half-written index in use.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from collections import Counter
from pathlib import Path

from core.errors import IndexUnavailable
from core.records import Item
from core.text import terms

_CAMEL = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")


def keyword_text(text: str) -> str:
    """Add the parts of CamelCase words, so "flash attention" finds "FlashAttention"."""
    parts = [re.sub(r"(?<=[a-z])(?=[A-Z])", " ", w) for w in _CAMEL.findall(text)]
    return f"{text} {' '.join(parts)}" if parts else text


def item_keywords(item: Item) -> str:
    return keyword_text(f"{item.section}\n{item.text}")


def _tokenize(texts: list[str], stemmer):
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False)


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def build(items: list[Item], folder: Path) -> None:
    """Write the index of `items` into `folder` (replacing whatever was there)."""
    import bm25s

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if items:
        retriever = bm25s.BM25()
        retriever.index(
            _tokenize([item_keywords(it) for it in items], _stemmer()), show_progress=False
        )
        retriever.save(str(folder))
    (folder / "ids.json").write_text(json.dumps([it.id for it in items]))
    df = Counter(t for it in items for t in terms(item_keywords(it)))
    (folder / "terms.json").write_text(json.dumps({"docs": len(items), "df": df}))


class KeywordIndex:
    """A built index, loaded once; `search` returns (item id, BM25 score) best first."""

    def __init__(self, folder: Path):
        import bm25s

        if not (folder / "ids.json").is_file():
            raise IndexUnavailable("no keyword index yet; run `studybot ingest` first")
        self.ids: list[str] = json.loads((folder / "ids.json").read_text())
        self.retriever = bm25s.BM25.load(str(folder)) if self.ids else None
        self.stemmer = _stemmer()
        stats = folder / "terms.json"
        self._stats = json.loads(stats.read_text()) if stats.is_file() else {"docs": 0, "df": {}}

    def term_weight(self, term: str) -> float:
        """Inverse document frequency of a content word (core.text.terms): a word no item
        contains weighs most."""
        n = self._stats["docs"]
        return math.log((n + 1) / (self._stats["df"].get(term, 0) + 0.5))

    def knows(self, term: str) -> bool:
        """Some item contains this content word (core.text.terms)."""
        return self._stats["df"].get(term, 0) > 0

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        if self.retriever is None:
            return []
        tokens = _tokenize([keyword_text(query)], self.stemmer)
        if not tokens.vocab:
            return []
        docs, scores = self.retriever.retrieve(tokens, k=min(k, len(self.ids)), show_progress=False)
        return [
            (self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0
        ]
