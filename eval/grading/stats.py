"""Print Markdown count tables for README.md (split x label, x style, x source file)."""

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ["correct", "partial", "incorrect"]
rows = {
    s: [json.loads(ln) for ln in (HERE / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
    for s in ("dev", "test")
}


def table(key, title):
    vals = sorted({r[key] for s in rows for r in rows[s]})
    print(
        f"| {title} | "
        + " | ".join(f"dev {ln}" for ln in LABELS)
        + " | "
        + " | ".join(f"test {ln}" for ln in LABELS)
        + " | total |"
    )
    print("|---" * (2 + 2 * len(LABELS)) + "|")
    for v in vals:
        cells = []
        tot = 0
        for s in ("dev", "test"):
            c = Counter(r["label"] for r in rows[s] if r[key] == v)
            cells += [str(c[ln]) for ln in LABELS]
            tot += sum(c.values())
        print(f"| {v} | " + " | ".join(cells) + f" | {tot} |")
    print()


print("| split | questions | answers | correct | partial | incorrect | reference null |")
print("|---|---|---|---|---|---|---|")
for s in ("dev", "test"):
    c = Counter(r["label"] for r in rows[s])
    print(
        f"| {s} | {len({(r['source_file'], r['question']) for r in rows[s]})} | {len(rows[s])} | "
        + " | ".join(str(c[ln]) for ln in LABELS)
        + f" | {sum(r['reference'] is None for r in rows[s])} |"
    )
allr = rows["dev"] + rows["test"]
c = Counter(r["label"] for r in allr)
print(
    f"| all | {len({(r['source_file'], r['question']) for r in allr})} | {len(allr)} | "
    + " | ".join(f"{c[ln]} ({100 * c[ln] / len(allr):.0f}%)" for ln in LABELS)
    + f" | {sum(r['reference'] is None for r in allr)} |"
)
print()
table("style", "style")
table("source_file", "source file")
qs = Counter()
for s in rows:
    for f in {(r["source_file"], r["question"]) for r in rows[s]}:
        qs[(s, f[0])] += 1
print("| split | source file | questions |")
print("|---|---|---|")
for (s, f), n in sorted(qs.items()):
    print(f"| {s} | {f} | {n} |")
