"""Parse benchmark on third-party files with hand labels (eval/corpora*, see their READMEs).

Per file: recall and precision of question items against the labels. A label is matched by an
item with the same normalised question and the same kind; a `qa` label also needs the item's
answer to begin with the label's first words. A file studybot refuses to read scores 0, even one
of prose only: its notes are lost. A batch is a folder holding `expected/` (one
`.jsonl` of labels per file) and the files themselves in `files/` (or `dev/` and `test/`);
a batch is scored once its `READY` file exists.

    python -m eval.parse_bench eval/corpora2      # one batch; no argument: every ready batch
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from core.errors import LoadError
from ingest.loaders import load
from ingest.parse import parse_document

EVAL = Path(__file__).resolve().parent
TARGET = 0.95
_FILE_FOLDERS = ("files", "dev", "test")


@dataclass(frozen=True)
class Score:
    """One file's result: labels, question items, and how many of each were matched."""

    name: str
    labels: int
    items: int
    matched: int
    refused: str = ""  # why studybot would not read the file

    @property
    def recall(self) -> float:
        if self.refused:
            return 0.0
        return self.matched / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        if self.refused:
            return 0.0
        return self.matched / self.items if self.items else 1.0


def batches(root: Path = EVAL) -> list[Path]:
    """Every labelled batch under `root` whose READY file exists, in name order."""
    return sorted(p for p in root.glob("corpora*") if (p / "READY").is_file())


def files(batch: Path) -> list[Path]:
    folders = [batch / name for name in _FILE_FOLDERS]
    return sorted(p for f in folders if f.is_dir() for p in f.iterdir() if p.is_file())


def norm(text: str) -> str:
    # Emphasis and code marks go without a trace, as in the labels: "**성능**을" reads "성능을".
    text = re.sub(r"[*`]+", "", unicodedata.normalize("NFKC", text).lower())
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def score(path: Path, expected: Path) -> Score:
    """Match one file's parsed question items against its labels in `expected/`."""
    labels = [
        json.loads(line)
        for line in (expected / f"{path.stem}.jsonl").read_text().splitlines()
        if line.strip()
    ]
    labels = [lab for lab in labels if lab["kind"] in ("qa", "question")]
    try:
        items = parse_document(load(path), chunker=lambda t: [t])
    except LoadError as exc:
        return Score(path.name, len(labels), 0, 0, str(exc))
    items = [it for it in items if it.kind != "chunk"]
    pool = Counter((norm(it.question), it.kind) for it in items)
    answers: dict[str, list[str]] = {}
    for it in items:
        # A code fence's info string (```python) is not rendered, so no label holds it.
        shown = re.sub(r"^(\s*(?:```|~~~))[\w+-]+", r"\1", it.answer, flags=re.M)
        answers.setdefault(norm(it.question), []).append(norm(shown)[:400])
    matched = 0
    for lab in labels:
        key = (norm(lab["question"]), lab["kind"])
        if pool[key] <= 0:
            continue
        if lab["kind"] == "qa":
            start = " ".join(norm(lab.get("answer_start", "")).split()[:5])
            if not any(start in a[: len(start) + 80] for a in answers[key[0]]):
                continue
        pool[key] -= 1
        matched += 1
    return Score(path.name, len(labels), len(items), matched)


def score_batch(batch: Path) -> list[Score]:
    return [score(path, batch / "expected") for path in files(batch)]


def table(batch: Path, scores: list[Score]) -> str:
    rows = [f"{batch.name}: file | labels | items | recall | precision"]
    rows += [
        f"{s.name} | {s.labels} | {s.items} | {s.recall:.1%} | {s.precision:.1%}"
        + (f" | refused: {s.refused}" if s.refused else "")
        for s in scores
    ]
    good = sum(min(s.recall, s.precision) >= TARGET for s in scores)
    rows.append(f"{good}/{len(scores)} files at >= {TARGET:.0%} recall and precision")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    chosen = [Path(a) for a in argv] or batches()
    for batch in chosen:
        print(table(batch, score_batch(batch)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
