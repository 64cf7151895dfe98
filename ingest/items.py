"""The records that flow from files to the index: one `Item` per question, Q&A pair or chunk."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from core.records import Item, Kind

# How a locator names one unit and a span of them: "p. 3", "pp. 3-4", "cells 2-5".
_UNIT_NAMES = {
    "line": ("line", "lines"),
    "page": ("p.", "pp."),
    "cell": ("cell", "cells"),
    "paragraph": ("paragraph", "paragraphs"),
    "slide": ("slide", "slides"),
    "chapter": ("chapter", "chapters"),
}


@dataclass(frozen=True)
class ParsedItem:
    """What a parser finds, before it is given an id."""

    kind: Kind
    question: str
    answer: str
    section: str
    start: int  # first line or page, 1-based
    end: int
    unit: Literal["line", "page", "cell", "paragraph", "slide", "chapter"] = "line"

    @property
    def locator(self) -> str:
        one, many = _UNIT_NAMES[self.unit]
        return (
            f"{one} {self.start}" if self.start == self.end else f"{many} {self.start}-{self.end}"
        )


def content_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def make_item(file_key: str, source: str, parsed: ParsedItem) -> Item:
    """Stable id from source + locator + content hash."""
    chash = content_hash(parsed.kind, parsed.question, parsed.answer)
    item_id = hashlib.sha256(f"{file_key}|{parsed.locator}|{chash}".encode()).hexdigest()[:20]
    return Item(
        id=item_id,
        kind=parsed.kind,
        source=source,
        locator=parsed.locator,
        section=parsed.section,
        question=parsed.question,
        answer=parsed.answer,
        content_hash=chash,
    )
