"""Check eval/grading/{dev,test}.jsonl: JSON parses, fields and values valid, ids unique,
every question and non-null reference occurs verbatim (after collapsing whitespace) in its
source file, and no question appears in both splits. Prints counts.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIELDS = {"id", "question", "reference", "answer", "label", "style", "source_file"}
LABELS = {"correct", "partial", "incorrect"}
STYLES = {
    "terse",
    "verbose",
    "paraphrased",
    "hedged",
    "partial",
    "negated",
    "keywords-wrong",
    "offtopic",
    "idk",
    "starts-with-skip",
    "extra-correct",
    "extra-wrong",
}


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    errors = []
    ids = set()
    qs = {}
    cache = {}
    rows = {}
    for split in ("dev", "test"):
        rows[split] = []
        for ln, line in enumerate(
            (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines(), 1
        ):
            where = f"{split}:{ln}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON {e}")
                continue
            rows[split].append(r)
            if set(r) != FIELDS:
                errors.append(f"{where}: fields {sorted(set(r) ^ FIELDS)}")
                continue
            if not re.fullmatch(r"g-\d{3,}", r["id"]) or r["id"] in ids:
                errors.append(f"{where}: bad/duplicate id {r['id']}")
            ids.add(r["id"])
            if r["label"] not in LABELS:
                errors.append(f"{where}: label {r['label']}")
            if r["style"] not in STYLES:
                errors.append(f"{where}: style {r['style']}")
            for k in ("question", "answer", "source_file"):
                if not isinstance(r[k], str) or not r[k].strip():
                    errors.append(f"{where}: empty {k}")
            if r["reference"] is not None and (
                not isinstance(r["reference"], str) or not r["reference"].strip()
            ):
                errors.append(f"{where}: reference must be null or non-empty str")
            src = ROOT / r["source_file"]
            if not src.is_file():
                errors.append(f"{where}: no file {r['source_file']}")
                continue
            if src not in cache:
                cache[src] = squash(src.read_text(encoding="utf-8"))
            text = cache[src]
            if squash(r["question"]) not in text:
                errors.append(f"{where}: question not in {r['source_file']}: {r['question'][:60]}")
            if r["reference"] is not None and squash(r["reference"]) not in text:
                errors.append(
                    f"{where}: reference not in {r['source_file']}: {r['reference'][:60]}"
                )
            key = (r["source_file"], r["question"])
            qs.setdefault(key, set()).add(split)
    for key, splits in qs.items():
        if len(splits) > 1:
            errors.append(f"question in both splits: {key}")
    per_q = Counter((r["source_file"], r["question"]) for s in rows for r in rows[s])
    for key, c in per_q.items():
        if not 3 <= c <= 6:
            errors.append(f"{c} answers for {key[1][:60]}")
    for e in errors:
        print("ERROR", e)
    total = sum(len(v) for v in rows.values())
    print(f"{total} answers, {len(qs)} questions")
    for s in rows:
        c = Counter(r["label"] for r in rows[s])
        print(
            s, len(rows[s]), "answers", len({r["question"] for r in rows[s]}), "questions", dict(c)
        )
    allr = [r for s in rows for r in rows[s]]
    c = Counter(r["label"] for r in allr)
    print("all", {k: f"{v} ({100 * v / total:.0f}%)" for k, v in c.items()})
    print("styles", dict(Counter(r["style"] for r in allr)))
    print("null refs", sum(r["reference"] is None for r in allr))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
