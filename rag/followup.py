"""Chat history + follow-up → a standalone query for retrieval (the non-LLM fallback).

A turn needs the conversation when it refers back to it: a pronoun or a pointer with no
antecedent of its own ("why is *it* faster?", "*the second one*?"), an ellipsis after a
continuation word ("and for classification?", "what about the decoder?"), or no subject at all
("why?"). A complete question that happens to open with "and"/"so", say "it" without pointing
back ("is it worth learning X?") or hold a relative "that" ("the metric that penalises …") stands
alone and is searched as typed, and so does one whose pronoun comes after a clause of its own
("why do LLMs forget older stuff when you train *them* on new data?").
"""

from __future__ import annotations

import re

from core.text import terms

_REFERRING = re.compile(
    r"\b(it|its|it's|this|that|these|those|they|them|their|same|above|former|latter)\b", re.I
)
# An ordinal or contrastive pointer at something said before: "the second one", "the other kind
# of error", "which of the two".
_POINTER = re.compile(
    r"\bthe (first|second|third|last|other) (one|ones|thing|kind|type|option|approach|method|"
    r"case|part)\b|\b(of|between) the (two|three|both)\b|\bboth of them\b",
    re.I,
)
_CONTINUATION = re.compile(r"^\s*(and|but|also|so|or|ok|okay|then|now|alright|right)\b[\s,]*", re.I)
_ELLIPTICAL = re.compile(r"^\s*(what|how) about\b", re.I)
# The words a complete question is built on: a question word or an auxiliary verb.
_ASKS = re.compile(
    r"\b(what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
    r"should|would|will|shall|may|might|must|has|have|explain|describe|define|compare|list)\b",
    re.I,
)
# "it" standing for nothing: "is it worth learning X?", "is it true that …", "is it fine to …".
_EMPTY_IT = re.compile(
    r"\b(is|was|isn't|wasn't|would|will) it (really |ever |still |always |even )?"
    r"(true|fine|ok|okay|possible|necessary|important|better|best|bad|good|wise|safe|common|"
    r"normal|enough|hard|easy|allowed|required|worth|a good idea|a bad idea)\b"
    r"(\s+that\b|(?=\s+(to|if|when|you|i|we|for|\w+ing)\b))",
    re.I,
)
_DETERMINER = {"the", "a", "an", "any", "each", "every", "some", "one"}
# Words after which "that" is a pronoun or a determiner, never a relative: "does that …",
# "about that", "is that …".
_BEFORE_POINTING_THAT = {
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will",
    "about", "of", "for", "with", "like", "than", "on", "in", "to", "from", "after", "before",
    "into", "use", "using", "mean", "means", "why", "how", "what", "and", "but", "so", "all",
}  # fmt: skip
TOPIC_TERMS = 4  # words of the earlier turns carried into a follow-up
# A pronoun after this many content words of its own question points into that question ("why
# do LLMs forget older stuff when you train *them* on new data?"). In the conversation sets
# written so far (dev, test, test2), no follow-up's pronoun comes after more than four.
OWN_ANTECEDENT = 5
# Words that never name a topic, beyond retrieval's stop words: pronouns, quantities, function
# words and the verbs every question uses.
_NOT_TOPIC = set(
    "i me my we our you your he she it its they them their this that these those there here "
    "many much more most few some any all each every other another such own same so very too "
    "about above after again against before below between during into through under over up "
    "down out off only just also than then now still even ever really quite rather "
    "happen happens happened make makes made get gets got go goes going say says said know "
    "need needs want wants give gives show shows take takes come comes find see look looks "
    "thing things way ways kind sort lot lots bit".split()
)


def _relative_that(words: list[str], at: int) -> bool:
    """`words[at]` is "that" introducing a relative clause: "the metric that penalises …" (a
    determiner a few words before it, and no verb or preposition right before it)."""
    if at == 0 or words[at - 1] in _BEFORE_POINTING_THAT:
        return False
    return any(w in _DETERMINER for w in words[max(0, at - 3) : at])


def _refers_back(text: str) -> bool:
    if _POINTER.search(text):
        return True
    text = _EMPTY_IT.sub(" ", text)
    words = re.findall(r"[\w']+", text.lower())
    return any(
        _REFERRING.fullmatch(w)
        and not (w == "that" and _relative_that(words, n))
        and len(terms(" ".join(words[:n]))) < OWN_ANTECEDENT
        for n, w in enumerate(words)
    )


def _complete(text: str) -> bool:
    """A question with its own verb and subject: a question word or auxiliary and at least two
    content words ("what is detokenization in the inference pipeline?", not "for classification?")."""
    return bool(_ASKS.search(text)) and len(terms(text)) >= 2


def needs_history(query: str) -> bool:
    """A turn that can't stand alone: it points back ("it", "the second one"), continues without
    a question of its own ("and for classification?", "what about dropout?"), or names nothing
    at all ("why?", "tell me more")."""
    if not terms(query) or _ELLIPTICAL.match(query) or _refers_back(query):
        return True
    if m := _CONTINUATION.match(query):
        return not _complete(query[m.end() :])
    return False


def topic_words(turn: str, query: str) -> list[str]:
    """What the earlier turn was about: its content words the query doesn't repeat, names and
    technical terms (capitals, digits) first."""
    have = terms(query)
    words = [w.strip(".,;:!?()\"'") for w in turn.split()]
    picked = [
        w for w in words if w and w.lower() not in _NOT_TOPIC and terms(w) and not terms(w) <= have
    ]
    picked.sort(key=lambda w: not any(c.isupper() or c.isdigit() for c in w))
    return list(dict.fromkeys(picked))[:TOPIC_TERMS]


def standalone_query(query: str, history: list[str]) -> str:
    """Carry the topic of the conversation into a follow-up that can't stand alone; a query
    that stands alone is left as it is, never glued to the conversation.

    The topic goes in as a few words, not the whole earlier question: the new question's own
    words must still decide the search ("and how does it handle the softmax?" is about softmax).
    It comes from the most recent turn, and from the one before that too when the most recent
    was itself a follow-up ("what is power?", "and a type I error?", "how do they relate?").
    """
    query = query.strip()
    history = [h.strip() for h in history if h.strip()]
    if not history or not needs_history(query):
        return query
    topic: list[str] = []
    for turn in reversed(history[-3:]):
        topic += [w for w in topic_words(turn, query) if w not in topic]
        if not needs_history(turn):
            break
    topic = topic[:TOPIC_TERMS]
    return f"{query} ({' '.join(topic)})" if topic else query
