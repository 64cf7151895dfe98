"""Pull question and reference text verbatim out of a bank file.

Written by a helper that never saw the grader; used only by build.py.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # /work/main


def _lines(src):
    return (ROOT / src).read_text(encoding="utf-8").splitlines()


def _trim(block):
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    ind = [len(ln) - len(ln.lstrip(" ")) for ln in block if ln.strip() and ln.startswith(" ")]
    n = min(ind) if ind else 0
    out = [ln[n:] if ln.startswith(" " * n) else ln for ln in block]
    return "\n".join(out).strip()


def qn(src, n):
    """`Qn: question` blocks (corpus/000): answer = lines up to the next Qn: line."""
    lines = _lines(src)
    pat = re.compile(r"^Q(\d+):\s*(.*)$")
    for i, line in enumerate(lines):
        m = pat.match(line)
        if m and int(m.group(1)) == n:
            q = m.group(2).strip()
            body = []
            for nxt in lines[i + 1 :]:
                if pat.match(nxt) or nxt.startswith("Overall, the article provides"):
                    break
                body.append(nxt)
            return q, _trim(body)
    raise KeyError((src, n))


def admonition(src, needle):
    """`??? question "…"` blocks (corpus/002, 004): answer = lines up to the next `???`
    line or Markdown heading."""
    lines = _lines(src)
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("??? question") and needle in s:
            m = re.match(r'\?\?\? question\s+["“](.*?)["”]\s*$', s)
            if not m:
                raise ValueError("not a clean admonition line: " + s)
            q = m.group(1)
            body = []
            for nxt in lines[i + 1 :]:
                t = nxt.strip()
                if t.startswith("???") or t.startswith("#") or t.startswith("Section titled"):
                    break
                body.append(nxt)
            return q, _trim(body)
    raise KeyError((src, needle))


def bare(src, needle):
    """A question with no answer under it: the line, bullet/marker stripped."""
    for line in _lines(src):
        if needle in line:
            s = line.strip()
            s = re.sub(r"^(?:[-•*]\s*|\?\?\? question\s+|Q\d+:\s*|\d+[.)]\s*)", "", s).strip()
            s = s.strip('"“”')
            return s, None
    raise KeyError((src, needle))


def generic(src, start, end_markers, question=None):
    """Question line containing `start`; answer = following lines until a line that starts
    with one of end_markers (after stripping). `question` overrides the question text
    (must be a verbatim substring of the question line)."""
    lines = _lines(src)
    for i, line in enumerate(lines):
        if start in line:
            q = question if question is not None else line.strip()
            body = []
            for nxt in lines[i + 1 :]:
                t = nxt.strip()
                if any(t.startswith(mk) for mk in end_markers):
                    break
                body.append(nxt)
            return q, _trim(body)
    raise KeyError((src, start))


def bold_question(src, needle):
    """`**question 👶**` paragraphs (bold-question-ds-theory): question = the bold text without
    the difficulty marker; answer = lines up to the next `<br/>`. `Answer here` or an empty
    body means no answer."""
    lines = _lines(src)
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("**") and s.endswith("**") and needle in s:
            q = s[2:-2]
            q = re.sub(r"[\s\u200d]*(?:👶|⭐️|⭐|🚀)+[\u200d\ufe0fI]*\s*$", "", q).strip()
            body = []
            for nxt in lines[i + 1 :]:
                if nxt.strip().startswith("<br/>") or nxt.startswith("## "):
                    break
                body.append(nxt)
            ref = _trim(body)
            return q, (None if ref in ("", "Answer here") else ref)
    raise KeyError((src, needle))


def answer_label(src, needle):
    """Numbered questions with a `- Answer:` label and the answer indented under it, `---`
    separators (answer-label-genai-60q): question = line without numbering/bold; answer =
    lines after the label up to `---`."""
    lines = _lines(src)
    for i, line in enumerate(lines):
        if needle in line:
            q = line.strip()
            q = re.sub(r"^(?:\*\*\d+\.\*\*|\d+\.)\s*", "", q)
            q = q.strip("*").strip()
            body = []
            started = False
            for nxt in lines[i + 1 :]:
                t = nxt.strip()
                if not started:
                    if re.match(r"^- Answer:?\s*$", t):
                        started = True
                    continue
                if t == "---":
                    break
                body.append(nxt)
            return q, _trim(body)
    raise KeyError((src, needle))
