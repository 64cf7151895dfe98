"""Multiple-choice questions in the quiz: the options go on the front of the card, the key is
what an answer is graded against (grading against every option would count the wrong ones as
ideas to state)."""

from __future__ import annotations

import re

# An option line as the parser stores it: a bullet, perhaps a tick, then a letter
# (`- A) …`, `- ✓ B: …`) or, when ticked, any text (`- ✓ linear regression`).
_OPTION = re.compile(r"^\s*[-*+]\s+(?P<tick>✓\s+)?(?P<letter>\(?[A-Ha-h][.):]\s+)?\S")
# The key line after the options names a letter: "**Correct Answer**: B", "Answer: B) …".
_KEY_LETTER = re.compile(
    r"^[*_\s]*(?:[A-Za-z ]{0,20}answer[*_]*\s*:[*_\s]*\(?([A-Ha-h])\b|\(?([A-Ha-h])[.):])", re.I
)


def split_choices(answer: str) -> tuple[str, str] | None:
    """(the options as the student sees them, ticks removed; the key: what follows the options,
    or the ticked ones) for a multiple-choice answer; None for any other answer. Options are
    two or more leading bullet lines, lettered or with a tick among them; or two or more
    lettered ones closing an answer that states the key first (the revealed answer of a "Show
    answer" fold, the options listed after it)."""
    lines = answer.strip().split("\n")
    found = _leading(lines)
    if len(found) < 2:
        trailing = _leading(lines[::-1])[::-1]
        before = "\n".join(lines[: len(lines) - len(trailing)]).strip()
        if len(trailing) >= 2 and before and all(m.group("letter") for m in trailing):
            return "\n".join(m.string for m in trailing), before
    ticked = [m.string for m in found if m.group("tick")]
    lettered = all(m.group("letter") for m in found)
    if len(found) < 2 or not (ticked or lettered):
        return None
    options = [m.string.replace("✓ ", "", 1) for m in found]
    rest = "\n".join(lines[len(found) :]).strip()
    if not rest:
        key = "\n".join(_text(t) for t in ticked)
    elif (m := _KEY_LETTER.match(rest)) and (named := _option(options, m.group(1) or m.group(2))):
        key = f"{named}\n\n{rest}"  # "Correct Answer: B" names the option it means
    else:
        key = rest
    return ("\n".join(options), key) if key else None


def _leading(lines: list[str]) -> list[re.Match]:
    """The option lines `lines` open with."""
    found = []
    for line in lines:
        if (m := _OPTION.match(line)) is None:
            break
        found.append(m)
    return found


def _text(option: str) -> str:
    return re.sub(r"^\s*[-*+]\s+(?:✓\s+)?", "", option).strip()


def _option(options: list[str], letter: str) -> str | None:
    for option in options:
        m = _OPTION.match(option)
        if m and m.group("letter") and m.group("letter").strip("( .):").upper() == letter.upper():
            return _text(option)
    return None
