"""The gold set: a JSONL superset of Ragas' single-turn fields (`user_input`, `reference`,
`reference_contexts`) plus `id`, `kind`, `history` (earlier user turns), `evidence` (short
verbatim quotes that identify the relevant items, so they survive re-chunking) and
`answerable`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError

DEFAULT_GOLD = Path(__file__).resolve().parent / "gold.jsonl"
ANSWERABLE_KINDS = ("cross_source", "paraphrase", "followup", "topic_switch")
UNANSWERABLE_KINDS = ("unanswerable_offtopic", "unanswerable_ontopic")
KINDS = ANSWERABLE_KINDS + UNANSWERABLE_KINDS
_FIELDS = {
    "id": str, "kind": str, "user_input": str, "history": list, "reference": str,
    "reference_contexts": list, "evidence": list, "answerable": bool,
}  # fmt: skip


@dataclass(frozen=True)
class GoldItem:
    id: str
    kind: str
    user_input: str
    history: tuple[str, ...]
    reference: str
    reference_contexts: tuple[str, ...]
    evidence: tuple[str, ...]
    answerable: bool


def normalise(text: str) -> str:
    """Case, whitespace and hyphen variants (‑ vs -) don't decide relevance."""
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u2013", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def validate(row: object, where: str) -> GoldItem:
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object")
    for name, typ in _FIELDS.items():
        if name not in row:
            raise InputError(f"{where}: missing field {name!r}")
        if not isinstance(row[name], typ):
            raise InputError(f"{where}: {name!r} must be {typ.__name__}")
    if row["kind"] not in KINDS:
        raise InputError(f"{where}: kind must be one of {', '.join(KINDS)}, got {row['kind']!r}")
    if not row["user_input"].strip():
        raise InputError(f"{where}: user_input is empty")
    if row["answerable"] != (row["kind"] in ANSWERABLE_KINDS):
        raise InputError(f"{where}: answerable disagrees with kind {row['kind']!r}")
    if row["answerable"] and not row["evidence"]:
        raise InputError(f"{where}: an answerable item needs evidence quotes")
    if not all(isinstance(x, str) and x.strip() for x in row["history"] + row["evidence"]):
        raise InputError(f"{where}: history and evidence must be non-empty strings")
    return GoldItem(
        row["id"], row["kind"], row["user_input"], tuple(row["history"]), row["reference"],
        tuple(row["reference_contexts"]), tuple(row["evidence"]), row["answerable"],
    )  # fmt: skip


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldItem]:
    items, seen = [], set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc})") from None
        item = validate(row, f"{path}:{n}")
        if item.id in seen:
            raise InputError(f"{path}:{n}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    return items
