"""What reads as a question, and how a question is shown: numbering, tags, emphasis, quotes
and decoration removed; what reads as "no answer here"."""

from __future__ import annotations

import re

from ingest.asks_cjk import chinese_asks, korean_asks
from ingest.formats.markup import clean_line

# Numbering before a question: `12.`, `3)`, `2.1`, `Q:`, `Q7 -`, `Q3.1-`, `Question 4:`, a card's
# `Front:`, with CJK's full-width colon (`Q：`); a dash or a middle dot only before a space.
NUMBER_END = r"(?:\.\d{1,3})*\s*(?:[.):：]|[-–—·](?=\s))"
# "Question N" in Japanese and Chinese (問N, 問題N, 问题N, 题N) and Korean (문제 N, 질문 N).
CJK_QUESTION_WORD = r"(?:問題?|问题?|题|문제|질문|예제|例題|例题)"
# A part of a numbered exercise: "1(a)", "2 (c)".
PART = r"\d{1,3}\s?\([a-z]\)"
# Keycap emoji number items too: "1️⃣", "1️⃣2️⃣", "🔟".
KEYCAP = r"(?:(?:\d\ufe0f?\u20e3)+|\U0001f51f)"
# "Step 5.", "Exercise 2:", "Task 13.a." number an exercise's steps.
STEP_WORD = r"(?:Step|Exercise|Task|Problem)"
# "Question 5a -", "Question 25 -The": a lettered number, a dash touching the title.
QUESTION_N = rf"Question\s*\d{{1,4}}[a-z]?(?:{NUMBER_END}|\s*[-–—](?=[^\W\d]))"
NUMBERING = (
    rf"(?:\d{{1,4}}(?:\.\d{{1,3}})+\.?(?=\s)|\d{{1,4}}{NUMBER_END}|Q\s*\d{{0,4}}{NUMBER_END}|{QUESTION_N}"
    rf"|{CJK_QUESTION_WORD}\s*\d{{1,4}}{NUMBER_END}|{STEP_WORD}\s*\d{{1,4}}(?:\.[a-z])?{NUMBER_END}"
    rf"|Front\s*[:：]"
    rf"|{KEYCAP}\s|{PART}(?:\s*[-–—:.](?=\s))?)"
)
_NUMBER_PREFIX = re.compile(rf"^\s*{NUMBERING}\s*")
_DECORATION = re.compile(r"^[^\w\s\"“'‘(\[$\\*_`<¿¡]+\s*")
# Trailing decoration: difficulty emoji, stars, zero-width joiners ("… metric? 👶").
# Full-width CJK punctuation (？！。：）) ends a sentence like its ASCII twin; a closing `$` ends
# inline math.
_TRAILING_DECORATION = re.compile(
    r"(?<=[\w?.!:)\]*_`\"”？！。：）$])[\s\u200d\ufe0f]*[^\w\s?.!:)\]*_`\"”？！。：）$]+$"
)
# Non-ASCII symbols in parentheses are decoration too, wherever they stand: "(★☆☆)", "(🔥)"
# (ASCII ones such as "(+)" or "(*)" can carry meaning).
_SYMBOL_GROUP = re.compile(r"\s*\((?:[^\x00-\x7f\w\s]\s*){1,8}\)(?=\s|$|[?.!:])")
# Tags around a question: "[E] …", "… [Hard]". A list such as "[1,2,0]" or an index "Z[i,j]"
# is part of the question: tags hold no comma and stand apart from the words.
_TAGS = re.compile(r"^(?:\[[^\]\s,]{1,12}\]\s*)+|(?:\s+\[[^\]\s,]{1,12}\])+$")
# Marks a task is worth, printed beside it: "(2P)", "[4p]", "(5 points)", "(3 Punkte)". Marks,
# not words of the question.
POINTS = re.compile(r"\s*[\[(]\s*\d{1,3}\s*(?:p|pts?|points?|marks?|punkte?)\.?\s*[\])]\s*", re.I)
_POINTS_AROUND = re.compile(rf"^{POINTS.pattern}|{POINTS.pattern}$", re.I)
_QUOTE_PAIRS = {'"': '"', "“": "”", "‘": "’", "«": "»", "'": "'"}
# A short answer body that says the answer is missing, in any of the usual phrasings.
NO_ANSWER = re.compile(
    r"^(?:\W*(?:answer|solution|response)s?\b)?.{0,20}?\b(?:not (?:yet )?(?:provided|available"
    r"|given|written|known)|(?:coming|to come) soon|to be (?:added|written|done|filled))\b.{0,30}$"
    # "missing" alone, or said of the answer ("Answer missing"); "No information is missing." answers
    r"|^\W*(?:(?:answer|solution|response)s?\s+)?(?:missing|pending)\W*$"
    r"|^\W*(?:tbd|tba|todo|n/?a|none|\?+|…|\.\.\.)\W*$"
    r"|^\W*(?:your |the )?(?:answer|solution)s?\s+(?:goes\s+|comes\s+)?here\W*$",
    re.I,
)
ANSWER_SUMMARY = re.compile(
    r"^\W*(?:show |see |view |reveal |click (?:here )?(?:to|for) (?:see |show |reveal )?)?"
    r"(?:the )?(?:answer|solution|explanation|hint|expand)s?\b"
    # answer, solution, explanation in Japanese, Chinese and Korean
    r"|^\W*(?:回答|答案|解答|答え|正解|解説|解析|参考答案|정답|답변|해설)",
    re.I,
)
# Words a question may open with when it has no "?": interrogatives and task verbs.
INTERROGATIVES = set(
    "what why how when where which who whom whose can could would should is are do does did "
    "will".split()
)
IMPERATIVES = set(
    "explain describe discuss compare contrast design derive prove define list name give "
    "write outline summarize summarise suppose imagine implement code solve provide walk show "
    "state calculate compute find determine verify estimate please take introduce analyze "
    "analyse evaluate identify tell build create propose distinguish differentiate".split()
)
# Openers that set a scene: a task only when a later clause asks or demands something.
_SCENARIO = {"suppose", "imagine"}
# Task verbs that are as often nouns: lower case at the start, they name a thing ("state value").
_NOUN_TOO = {"state", "code", "name", "list", "show", "walk", "take", "design", "build"}
# Where a clause of a sentence may start asking: "In SVM classifier design, what does …",
# "(Remember y = 0 on the boundary) What would be …", "Given L(w) = …, compute dL/dw."
CLAUSE = re.compile(r"(?<=[,;:)])\s+")
# Noun phrases that ask for a comparison as plainly as "Compare": "Difference between A and B."
_ASKING_PHRASE = re.compile(
    r"^(?:the\s+)?(?:main\s+|key\s+)?(?:differences?|similarit(?:y|ies)|pros and cons"
    r"|advantages and disadvantages)\s+(?:between|of)\b",
    re.I,
)


def clean(text: str) -> str:
    """Remove markup noise (HTML, entities, comments, link syntax, images) from stored text."""
    return clean_line(text)


def _words(text: str) -> list[str]:
    return re.sub(r"^[\W_]+", "", _TAGS.sub("", text)).split()


# A web address, whose "?" starts its query string and asks nothing.
_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.I)


def has_mark(text: str) -> bool:
    """Has a question mark, ASCII or the full-width one of CJK text, outside web addresses."""
    if "?" in text and "/" in text:
        text = _URL.sub("", text)
    return "?" in text or "？" in text


def asks_outright(text: str) -> bool:
    """Asks as plainly as a "?" does: a question mark, or a Korean request ending, which
    Korean banks write in place of one ("차원의 저주에 대해 설명해주세요.")."""
    return has_mark(text) or korean_asks(text)


def is_question(text: str) -> bool:
    """Asks something: has a "?", or opens with a task verb ("Explain …", "Tell me …")."""
    if has_mark(text):
        return True
    text = _NUMBER_PREFIX.sub("", text)
    if chinese_asks(_TAGS.sub("", text)):
        return True
    if asks_outright(_TAGS.sub("", text)):
        return True
    words = _words(text)
    first = words[0].strip("*_`") if words else ""
    if first in _NOUN_TOO:
        return False  # "state value model loss", "code review checklist": lower case, a noun
    if first.lower() in _SCENARIO:
        return _demands(" ".join(words[1:]))
    return first.lower() in IMPERATIVES or bool(_ASKING_PHRASE.match(" ".join(words)))


def _demands(text: str) -> bool:
    """A later sentence or clause asks or sets a task: "Suppose X is uniform; derive Y." does,
    "Suppose we have a time series and would like to fit a line." only sets a scene."""
    parts = re.split(r"(?<=[.;:,])\s+", text)
    return any(p.split()[0].lower() in IMPERATIVES | INTERROGATIVES for p in parts[1:] if p.split())


def opens_task(text: str) -> bool:
    """The text opens with a task verb: "Explain TF-IDF.", "Describe dropout"."""
    words = text.split()
    return bool(words) and words[0].strip("*_`").lower() in IMPERATIVES


def reads_as_question(text: str) -> bool:
    """`is_question`, or opens with an interrogative ("How do you handle X" without "?"), or
    a capitalised task verb follows a short Title Case prefix ("Data Mining Describe …").
    For titles and lines that stand alone; list items keep the stricter `is_question`."""
    if is_question(text):
        return True
    words = _words(_NUMBER_PREFIX.sub("", text))
    if not words:
        return False
    if words[0].lower() in INTERROGATIVES and len(words) >= 3:
        return True
    for n, word in enumerate(words[1:4], start=1):
        if word.lower() in IMPERATIVES | INTERROGATIVES and word[:1].isupper():
            return all(w[:1].isupper() for w in words[:n]) and len(words) > n + 2
    return False


def unnumbered(text: str) -> str:
    """The text without the numbering it opens with: "1. Why …?", "Q3: Why …?" read "Why …?"."""
    return _NUMBER_PREFIX.sub("", text)


def question_text(text: str) -> str:
    """A question as shown: numbering, tags like `[E]`, emphasis, surrounding quotes and
    decoration emoji removed."""
    text = re.sub(r"\s+", " ", clean(text)).strip()
    text = _SYMBOL_GROUP.sub("", text)
    text = _DECORATION.sub("", text)  # emoji and symbols before the numbering: "📌 Q1: …"
    text = _TRAILING_DECORATION.sub("", text).strip()
    text = _TAGS.sub("", _NUMBER_PREFIX.sub("", text)).strip()
    text = _POINTS_AROUND.sub("", text)
    if (m := _TOPIC_LABEL.match(text)) and not has_mark(m["label"]) and has_mark(m["rest"]):
        text = m["rest"]  # "**Router learning:** The router must … What prevents …?"
    for mark in ("**", "__", "*", "_", "`"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            text = text[len(mark) : -len(mark)].strip()
    text = re.sub(r"^(?:\*\*|__)\s*|\s*(?:\*\*|__)$", "", text)  # unbalanced bold: "**7.** Why"
    text = _NUMBER_PREFIX.sub("", text)  # numbering inside the emphasis: "**Q: Why …?**"
    if text.count("**") % 2:  # a bold left unclosed by its author: "**Q18: Topic:** Why …?**"
        text = re.sub(r"\s*\*\*\s*", " ", text).strip()
    text = _DECORATION.sub("", text)  # and decoration: "**... Why …?**"
    text = _TRAILING_DECORATION.sub("", text).strip()
    close = _QUOTE_PAIRS.get(text[:1])
    if close and len(text) > 2 and text.endswith(close) and close not in text[1:-1]:
        text = text[1:-1].strip()
    return _TAGS.sub("", text).strip()


# A bold topic label before the question it heads, in a discussion list: `**Router Learning:**`.
_TOPIC_LABEL = re.compile(
    r"^(?:\*\*|__)(?P<label>[^*_\n]{1,60}?)[:：](?:\*\*|__)\s+(?P<rest>\S.*)$"
)


def is_quoted(text: str) -> bool:
    """The whole line is one quotation: an example prompt."""
    text = text.strip()
    close = _QUOTE_PAIRS.get(text[:1])
    return bool(close) and len(text) > 2 and text.endswith(close)


# A line of an answer form left blank: a field's label with nothing after it (`**Answer:**`), a
# bold prompt (`**Why at this timestep?**`), a line with a blank to fill in (`**Timestep:** t =
# ______`), an empty list item (`1.`), a line break, or a hint in parentheses (`*(Hint: …)*`).
FORM_LINE = re.compile(
    r"^\s*(?:(?:\*\*|__)[^*_\n]{1,60}?[:：?？]\s*(?:\*\*|__)\s*[:：]?\s*|.*_{3,}.*"
    r"|(?:\d{1,3}[.)]|[-*+])|(?:<br\s*/?>\s*)+|[*_]\(.*\)[*_])$",
    re.I,
)


_FIELD_LABEL = re.compile(r"^\s*[^\s:：][^:：\n]{0,80}[:：]\s*$")


def field_label(line: str) -> bool:
    """A form's field label with nothing written after it, as an exam sheet prints ("Measure:",
    "(b) Leading indicator:"): a line of at most 80 characters that ends in its only colon."""
    return bool(_FIELD_LABEL.match(line))


def no_answer(answer: str) -> bool:
    """The body says the answer is missing, holds no word at all (a placeholder `!`), or is an
    answer form left blank (labels, blanks and hints, no answer written in)."""
    if not any(c.isalnum() for c in answer):
        return True
    lines = [ln for ln in answer.split("\n") if ln.strip()]
    if all(FORM_LINE.match(ln) or field_label(ln) for ln in lines):
        return True
    return len(answer) < 80 and bool(NO_ANSWER.match(answer))


def ends_sentence(text: str) -> bool:
    """Ends as a sentence does, emphasis aside (`**Why?**` ends one)."""
    return text.rstrip().rstrip("*_").endswith(("?", ".", "!", ")", '"', "”", "？", "。"))


def split_joined_questions(text: str) -> list[str]:
    """`What is X? - Why is Y?` on one bullet line (lost line breaks) is two questions."""
    parts = [p.strip() for p in re.split(r"(?<=\?)\s+-\s+(?=[A-Z])", text)]
    return [p for p in parts if p]
