"""What every tab works with: the index, the embedder, the chat engine and the quiz tutor, built
once per process, and the lock that makes events take turns (one model, one index)."""

from __future__ import annotations

import html
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from core.config import Settings
from ingest.embedder import Embedder, build_embedder
from ingest.store import IndexStore
from rag.engine import Engine, build_engine
from rag.quiz import Tutor, build_tutor
from rag.retrieve import build_retriever

# Gradio's concurrency id for events that use the model or the index: they run one at a time.
BUSY = "studybot"


@dataclass
class Services:
    settings: Settings
    store: IndexStore
    embedder: Embedder
    engine: Engine
    tutor: Tutor
    lock: threading.RLock
    _downloads: tempfile.TemporaryDirectory | None = None

    def downloads(self) -> Path:
        """Where files handed to the browser (deck exports) go: a folder of this process's own,
        made on first use and removed when the process ends, not a new one in the system's
        temp folder per export."""
        if self._downloads is None:
            self._downloads = tempfile.TemporaryDirectory(prefix="studybot-downloads-")
        return Path(self._downloads.name)


def build_services(settings: Settings, with_llm: bool = True) -> Services:
    store = IndexStore(settings)
    embedder = build_embedder(settings)
    retriever = build_retriever(settings, store, embedder)
    engine = build_engine(settings, retriever, with_llm)
    tutor = build_tutor(settings, retriever, with_llm)
    return Services(settings, store, embedder, engine, tutor, threading.RLock())


_DISPLAY_MATH = re.compile(r"\\\[(.+?)\\\]", re.S)


def display_math(text: str) -> str:
    """`\\[ … \\]` as `$$ … $$`: the chat renders those as display math, while the brackets,
    once escaped so they can never form a link, would not be."""
    return _DISPLAY_MATH.sub(lambda m: f"$${m.group(1)}$$", text)


# Notes as a reader sees them in a source card: Markdown rendered (tables, lists, emphasis,
# code), raw HTML escaped, and no rule that makes a link or an image, so nothing in a note can
# load or point anywhere: `[x](url)` and `![x](url)` stay as the text they are.
_NOTE_MD = (
    MarkdownIt("commonmark", {"html": False})
    .enable("table")
    .disable(["link", "image", "autolink", "reference"])
)
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$|\\\(.+?\\\)", re.S)


def note_html(text: str) -> str:
    """A note (or a quote of one) as one line of safe HTML for a source card; its maths kept
    as written for the chat's math renderer, not read as Markdown emphasis."""
    spans: list[str] = []

    def hold(m: re.Match) -> str:
        spans.append(m.group(0))
        return f"\ue000{len(spans) - 1}\ue001"

    body = _NOTE_MD.render(_MATH.sub(hold, display_math(text)))
    body = re.sub("\ue000(\\d+)\ue001", lambda m: esc(spans[int(m.group(1))]), body)
    return body.strip().replace("\n", "&#10;")


def esc(text: str) -> str:
    """Document text for display: chat bubbles render Markdown and source cards are HTML, so
    escape it and it can never become markup."""
    return html.escape(text, quote=True)


# A fenced code block, closed or running to the end of the text (as CommonMark reads one).
_FENCED = re.compile(
    r"^[ \t]{0,3}(`{3,}|~{3,})([^\n]*)\n?(.*?)(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)


def inert(text: str) -> str:
    """Document or model text for a Markdown view (chat bubbles, quiz cards): HTML-escaped, and
    brackets escaped so `![x](http://host/?q=secret)` or `[a][ref]` can never become an image or
    link that the browser loads — the classic way a note (or a prompt-injected answer) leaks.
    Code stays code, as written (`x < y`, not `x &lt; y`): the Markdown renderer escapes a code
    block itself, and each block is re-fenced with more backticks than it holds, so nothing in
    it can close the fence early and let the rest out as Markdown."""
    out, pos = [], 0
    for m in _FENCED.finditer(text):
        out.append(_inert_spans(text[pos : m.start()]))
        info = re.sub(r"[^\w+-]", "", m.group(2))  # a language name, nothing that could escape
        out.append(_fence(m.group(3).rstrip("\n"), info))
        pos = m.end()
    out.append(_inert_spans(text[pos:]))
    return "".join(out)


def _ticks(code: str, at_least: int) -> str:
    """A backtick run longer than any in `code`: a fence nothing in it can close."""
    return "`" * max(at_least, 1 + max((len(r) for r in re.findall(r"`+", code)), default=0))


def _fence(code: str, info: str = "") -> str:
    ticks = _ticks(code, 3)
    return f"{ticks}{info}\n{code}\n{ticks}\n"


def _inert_spans(text: str) -> str:
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_inert_plain(text[pos : m.start()]))
        code = m.group(2)
        ticks = _ticks(code, 1)
        out.append(f"{ticks} {code} {ticks}" if "`" in code else f"`{code}`")
        pos = m.end()
    out.append(_inert_plain(text[pos:]))
    return "".join(out)


def _inert_plain(text: str) -> str:
    return esc(display_math(text)).replace("[", "\\[").replace("]", "\\]")
