"""Generated sentences → checked sentences: nothing reaches the student that its notes don't say.

The model's answer is cut into sentences as it streams (`Sentences`), and each one is checked
before it is shown (`ClaimCheck`). A sentence is shown only when
- every content word it uses (stemmed, stop words removed, `core.text.terms`) and every number
  is in the notes handed to the model — a new term is a new claim ("regularization" added to a
  note listing PCA and feature selection), so the sentence goes; the question's words are no
  support ("X is mitigated by Y" with X from the question and Y from a note is not in any note);
- each clause's words all stand together in one note, within two adjacent sentences or
  clauses of it, so words of two notes — or of two far-apart parts of one long note ("RT-2 is
  built on PaLI-X … OpenVLA: 7B") — are not joined into a claim that no note makes;
- it is a sentence: not a list copied out ("- conditional - ✓ independent") and not a fragment
  of fewer than four words ("Action chunking.");
- its negation agrees with the note sentence it draws on most ("X is not Y" from "X is Y" goes);
- it states something: a sentence that asks (a note's own question copied out, "How does it
  manifest in LLMs?") answers nothing;
- it says something not already on screen: not a repeat of an earlier sentence, not a
  near-verbatim copy of the note quoted in the instant answer, and not just the question's own
  words echoed back;
- it is about the question: it draws on a note the instant answer quotes (judged to answer the
  question), goes on from the sentence shown just before it out of the same note, or its cosine
  to the question (`about`) reaches core/thresholds.ON_TOPIC. A true sentence copied from a note
  on something else ("A credential is valid 12 months" to "how long must I wait to retake?") is
  supported and still no answer.
Citations are set from the notes that hold each clause: the model's own [n] where that note
holds it, else the note that does. Lexical support cannot see every
paraphrase, so a correct sentence in new words is dropped too: for a study tool, showing the
note alone beats showing an unchecked claim. Costs microseconds per sentence, and one sentence
embedding (a few ms) for those that pass every other check: no LLM call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from core.records import Hit
from core.text import fold, terms
from core.thresholds import ON_TOPIC

_CITE = re.compile(r"\s*\[(\d+)\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nothing|neither|nor|without|cannot)\b|n't\b", re.IGNORECASE
)
_REPLY = re.compile(r"^\W*(?:no|nope)\b\s*[,.;:!—–-]\s*", re.IGNORECASE)
# A sentence ends at . ! or ? (then its citation markers) before white space and a capital,
# digit, quote or list mark — "e.g. the" and "0.5" do not end one — or at a line break.
_END = re.compile(r"(?<=[.!?])((?:\s*\[\d+\])*)\s+(?=[A-Z0-9\"'*(\-![<])|((?:\s*\[\d+\])*)\s*\n+")
# Clauses are checked one by one: "L1 adds |a| to the loss, while L2 adds w²" draws on two notes.
_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|and)\b|\bwhereas\b", re.IGNORECASE)
_NOTE_PART = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*|\s+[—–]\s+")
# A list copied out of a note, not a sentence: "- conditional - multiclass - ✓ independent".
_LISTED = re.compile(r"✓|(?:^|\s)[-*•]\s+\S.*\s[-*•]\s+\S|\*\*\\?_+\*\*")
COPY_SHARE = 0.8
# Words that join claims rather than make them: an answer may use them though no note does.
_CONNECTIVES = terms(
    "because therefore thus hence since while whereas however instead also both either rather "
    "whereby so which means meaning example instance"
)  # share of a sentence's word trigrams found in the quote that makes it a copy


class Sentences:
    """Streamed text pieces in, complete sentences out (with their [n] markers)."""

    def __init__(self):
        self.buffer = ""

    def feed(self, piece: str) -> list[str]:
        self.buffer += piece
        out = []
        while m := _END.search(self.buffer):
            cut = m.start() + len(m.group(1) or m.group(2) or "")
            sentence, self.buffer = self.buffer[:cut].strip(), self.buffer[m.end() :]
            if sentence:
                out.append(sentence)
        return out

    def flush(self) -> list[str]:
        rest, self.buffer = self.buffer.strip(), ""
        return [rest] if rest else []


@dataclass(frozen=True)
class Verdict:
    sentence: str  # as the model wrote it, markers removed
    shown: str | None  # the sentence with checked [n] markers, or None when dropped
    notes: tuple[int, ...] = ()  # the notes it cites (1-based)
    reason: str = ""  # why it was dropped


class ClaimCheck:
    """Checks one answer's sentences, in order, against the notes the model was given."""

    def __init__(
        self,
        notes: list[Hit],
        quoted: str = "",
        question: str = "",
        about: Callable[[str], float] | None = None,  # a sentence's closeness to the question
        quoted_notes: tuple[int, ...] = (),  # the notes `quoted` comes from (1-based)
    ):
        self.about = about
        self.quoted_notes = set(quoted_notes)
        self.last_notes: set[int] = set()  # the notes of the sentence shown last
        self.notes = [h.item.text for h in notes]
        self.note_terms = [terms(t) for t in self.notes]
        # per note, the words of each stretch of two adjacent sentences or clauses: a claim is
        # made where its words stand together, not anywhere in a long note
        self.note_windows = [_windows(t) for t in self.notes]
        # per note, its sentences with their words: what a negation is compared against
        self.note_sentences = [
            [(s, terms(s)) for s in re.split(r"(?<=[.!?])\s+|\n+", t)] for t in self.notes
        ]
        self.note_numbers = {n for t in self.notes for n in _NUMBER.findall(t)}
        self.quoted = _trigrams(quoted)
        self.question_terms = terms(question)
        self.shown_terms: set[str] = set()
        self.seen: set[str] = set()  # every sentence so far, shown or not (folded)
        self.repeats_in_a_row = 0

    def check(self, sentence: str) -> Verdict:
        cited = [int(n) for n in _CITE.findall(sentence)]
        bare = _CITE.sub("", sentence).strip()
        words = terms(bare) - _CONNECTIVES
        key = fold(bare)
        if key in self.seen:
            verdict = Verdict(bare, None, reason="repeats an earlier sentence")
        else:
            self.seen.add(key)
            verdict = self._judge(bare, words, cited)
        repeat = verdict.reason.startswith("repeat")
        self.repeats_in_a_row = self.repeats_in_a_row + 1 if repeat else 0
        if verdict.shown:
            self.shown_terms |= words
            self.last_notes = set(verdict.notes)
        return verdict

    def _judge(self, bare: str, words: set[str], cited: list[int]) -> Verdict:
        if not words:
            return Verdict(bare, None, reason="no content")
        if bare.rstrip("*_ ").endswith(("?", "？")):
            return Verdict(bare, None, reason="asks instead of answering")
        if _LISTED.search(bare) or len(bare.split()) < 4:
            return Verdict(bare, None, reason="a fragment, not a sentence")
        new = sorted(words - set().union(*self.note_terms))
        numbers = sorted(set(_NUMBER.findall(bare)) - self.note_numbers)
        if new or numbers:
            return Verdict(bare, None, reason="not in the notes: " + ", ".join(new + numbers))
        if words <= self.shown_terms:
            return Verdict(bare, None, reason="repeats an earlier sentence")
        grams = _trigrams(bare)
        if grams and len(grams & self.quoted) >= COPY_SHARE * len(grams):
            return Verdict(bare, None, reason="repeats the quoted note")
        if words <= self.question_terms:
            return Verdict(bare, None, reason="repeats the question")
        notes = self._citing(bare, cited)
        if notes is None:
            return Verdict(bare, None, reason="joins words no note states together into one claim")
        if _negated(bare) != _negated(self._closest(bare, words, notes)):
            return Verdict(bare, None, notes, reason="negation disagrees with the note")
        on_topic = (self.quoted_notes | self.last_notes) & set(notes)
        if self.about is not None and not on_topic and self.about(bare) < ON_TOPIC:
            return Verdict(bare, None, notes, reason="not about the question")
        return Verdict(bare, _with_markers(bare, notes), notes)

    def _citing(self, bare: str, cited: list[int]) -> tuple[int, ...] | None:
        """One note per clause that holds all of that clause's words — the model's own [n]
        when it does — or None when some clause mixes notes (a relation no note states:
        "the curse of dimensionality is mitigated by positional encodings")."""
        order = [n for n in dict.fromkeys(cited) if 1 <= n <= len(self.notes)]
        order += [n for n in range(1, len(self.notes) + 1) if n not in order]
        chosen = []
        for clause in _CLAUSE.split(bare):
            words = terms(clause) - _CONNECTIVES
            if not words:
                continue
            n = next((n for n in order if any(words <= w for w in self.note_windows[n - 1])), None)
            if n is None:
                return None
            chosen.append(n)
        return tuple(sorted(set(chosen)))

    def _closest(self, bare: str, words: set[str], notes: tuple[int, ...]) -> str:
        """The sentence of the cited notes sharing most content words with `bare`."""
        candidates = [pair for n in notes for pair in self.note_sentences[n - 1]]
        return max(candidates, key=lambda pair: len(words & pair[1]), default=("", set()))[0]


def closeness(embed: Callable[[list[str]], np.ndarray], question: str) -> Callable[[str], float]:
    """A sentence's cosine to `question` under `embed` (an Embedder's, unit vectors)."""
    target = embed([question])[0]
    return lambda sentence: float(embed([sentence])[0] @ target)


def _windows(note: str) -> list[set[str]]:
    """Content words of each two adjacent sentences or clauses (`;`, line breaks) of a note."""
    parts = [p for p in _NOTE_PART.split(note) if p.strip()] or [note]
    return [terms(" ".join(parts[i : i + 2])) for i in range(max(1, len(parts) - 1))]


def _negated(text: str) -> bool:
    """An odd number of negations. A reply's opening "No," answers the question and negates
    nothing in the claim: "No, you can't implement it yourself" is negated, not double-negated."""
    return len(_NEGATION.findall(_REPLY.sub("", text))) % 2 == 1


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _with_markers(sentence: str, notes: tuple[int, ...]) -> str:
    """`Text [1].` — markers go before the sentence's final punctuation."""
    if not notes:
        return sentence
    marks = "".join(f" [{n}]" for n in notes)
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".!?" else (sentence, "")
    return f"{body}{marks}{end}"


def checked(pieces: Iterator[str], check: ClaimCheck, max_repeats: int = 2) -> Iterator[Verdict]:
    """Every sentence of a streamed answer with its verdict, as soon as it is complete; stops
    reading (and closes the stream) after `max_repeats` repeated sentences in a row."""
    split = Sentences()
    try:
        for piece in pieces:
            for sentence in split.feed(piece):
                yield check.check(sentence)
                if check.repeats_in_a_row >= max_repeats:
                    return
        for sentence in split.flush():
            yield check.check(sentence)
    finally:
        close = getattr(pieces, "close", None)
        if close:
            close()
