"""`studybot ingest --explain FILE`: how one file was understood, without indexing it."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from core.records import KINDS
from ingest.items import ParsedItem
from ingest.loaders import load, read
from ingest.parse import Chunker, parse_document

PREVIEW_CHARS = 160


@dataclass(frozen=True)
class Preview:
    kind: str
    locator: str
    section: str
    question: str
    answer: str  # the first PREVIEW_CHARS characters

    @classmethod
    def of(cls, item: ParsedItem) -> Preview:
        answer = item.answer
        if len(answer) > PREVIEW_CHARS:
            answer = answer[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"
        return cls(item.kind, item.locator, item.section, item.question, answer)


@dataclass(frozen=True)
class Explanation:
    """Counts by kind, the first few items and any records that were skipped."""

    path: str
    format: str
    counts: dict[str, int]
    first: tuple[Preview, ...]
    warnings: tuple[str, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.counts.items())
        return f"{self.path}: read as {self.format}; {counts}"


def _whole(text: str) -> list[str]:
    return [text]


def explain(path: Path, chunker: Chunker | None = None, first: int = 5) -> Explanation:
    """Parse `path` as ingest would (raises `LoadError` with the reason if it can't)."""
    doc = load(path, read(path))
    items = parse_document(doc, chunker or _whole)
    counts = Counter(item.kind for item in items)
    return Explanation(
        path=str(path),
        format=doc.format,
        counts={kind: counts.get(kind, 0) for kind in KINDS},
        first=tuple(Preview.of(item) for item in items[:first]),
        warnings=doc.warnings,
    )
