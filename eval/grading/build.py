"""Build eval/grading/{dev,test}.jsonl from the hand-written items.

Questions and references are pulled verbatim from the bank files (extract.py); answers and
labels are hand-written (items_*.py). The split is by question, random.Random(7).
Run from anywhere: python eval/grading/build.py
"""

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import extract  # noqa: E402
from items_default import ITEMS as DEFAULT_ITEMS  # noqa: E402

try:
    from items_third import ITEMS as THIRD_ITEMS  # noqa: E402
except ImportError:
    THIRD_ITEMS = []

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
LABELS = {"correct", "partial", "incorrect"}


def resolve(src, key):
    kind = key[0]
    if kind == "qn":
        return extract.qn(src, key[1])
    if kind == "qn-bare":  # a Qn block whose body only says the answer is missing
        q, _ = extract.qn(src, key[1])
        return q, None
    if kind == "adm":
        return extract.admonition(src, key[1])
    if kind == "bare":
        return extract.bare(src, key[1])
    if kind == "bold":
        return extract.bold_question(src, key[1])
    if kind == "answer_label":
        return extract.answer_label(src, key[1])
    if kind == "generic":
        return extract.generic(src, key[1], key[2], *(key[3:4]))
    if kind == "fixed":  # (fixed, question, reference) already copied verbatim
        return key[1], key[2]
    raise ValueError(key)


def main():
    groups = []  # one per question
    seen = set()
    for src, key, answers in DEFAULT_ITEMS + THIRD_ITEMS:
        q, ref = resolve(src, key)
        k = (src, q)
        assert k not in seen, ("duplicate question", k)
        seen.add(k)
        assert 3 <= len(answers) <= 6, (q, len(answers))
        groups.append((src, q, ref, answers))

    rows_by_q = []
    n = 0
    for src, q, ref, answers in groups:
        rows = []
        for style, label, text in answers:
            assert style in STYLES, style
            assert label in LABELS, label
            n += 1
            rows.append(
                {
                    "id": f"g-{n:03d}",
                    "question": q,
                    "reference": ref,
                    "answer": text,
                    "label": label,
                    "style": style,
                    "source_file": src,
                }
            )
        rows_by_q.append(rows)

    order = list(range(len(rows_by_q)))
    random.Random(7).shuffle(order)
    half = len(order) // 2
    dev_q, test_q = sorted(order[:half]), sorted(order[half:])
    for name, idx in (("dev", dev_q), ("test", test_q)):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for i in idx:
                for r in rows_by_q[i]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(groups)} questions, {n} answers; dev {len(dev_q)} q, test {len(test_q)} q")


if __name__ == "__main__":
    main()
