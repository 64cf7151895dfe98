"""Fuzzing: arbitrary bytes and text through the loaders and the parser, and malformed arguments
through the CLI and the running app's API. The only failure allowed is the documented one: a one-line LoadError (a file)
or a usage error with exit code 2 (the CLI) — never an unexpected exception."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.errors import LoadError
from ingest.loaders import load
from ingest.parse import parse_document
from tests.conftest import running_ui

SUFFIXES = [".md", ".txt", ".pdf", ".csv", ".tsv", ".json", ".jsonl", ".apkg", ".rst", ".yml",
            ".org", ".adoc", ".ipynb", ".html", ".py", ".ts", ".xml", ".tex", ".docx", ".pptx",
            ".odt", ".odp", ".epub"]  # fmt: skip
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(suffix: str, data: bytes) -> None:
    try:
        doc = load(Path(f"fuzzed{suffix}"), data)
        parse_document(doc, lambda text: [text])
    except LoadError as exc:
        assert str(exc) and "\n" not in str(exc).strip()


@FUZZ
@given(st.sampled_from(SUFFIXES), st.binary(max_size=4000))
def test_arbitrary_bytes_load_or_fail_with_a_reason(suffix, data):
    _read(suffix, data)


# Zip-based formats: the members each format looks for, holding anything.
_MEMBERS = {
    ".odt": ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml"],
    ".odp": ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml"],
    ".epub": [
        "mimetype",
        "META-INF/container.xml",
        "content.opf",
        "a.xhtml",
        "META-INF/encryption.xml",
    ],  # fmt: skip
    ".docx": ["[Content_Types].xml", "_rels/.rels", "word/document.xml"],
    ".pptx": ["[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml"],
}
_XML_BITS = st.sampled_from(["<?xml version='1.0'?>", "<a>", "</a>", "<rootfile full-path='a.xhtml'/>",
                             "<item id='a' href='a.xhtml' media-type='application/xhtml+xml'/>",
                             "<itemref idref='a'/>", "<p>text</p>", "encryption-data",
                             "application/vnd.oasis.opendocument.text", "<office:document-content "
                             "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'>",
                             "<!ENTITY a \"b\">", "&a;"])  # fmt: skip


@FUZZ
@given(
    st.sampled_from(sorted(_MEMBERS)),
    st.data(),
)
def test_a_zip_holding_a_formats_members_with_any_content_loads_or_fails_with_a_reason(suffix, data):  # fmt: skip
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        for name in _MEMBERS[suffix]:
            if data.draw(st.booleans()):
                parts = st.lists(st.one_of(_XML_BITS, st.text(max_size=20)), max_size=12)
                out.writestr(name, "".join(data.draw(parts)))
    _read(suffix, archive.getvalue())


_MARKUP = st.sampled_from(["#", "##", "- ", "1. ", "**", "Q1:", "Answer:", "<details>",
                           "<summary>", "</details>", "| a | b |", "|---|", "??? question \"",
                           "```", "$$", "\\[", "[x](y)", "![i](u)", "\t", "\n", ",", "\"", "?",
                           ".. note::", ".. code-block:: py", "====", "----", ":ref:`a <b>`",
                           "``x``", "`t <u>`__", "- question: ", "  answer: ", ": >", "&a", "*a",
                           "* ", "#+BEGIN_SRC", "#+END_SRC", ":PROPERTIES:", ":END:", "[[a][b]]",
                           "= ", "::", "[qanda]", "////", "....", ".T", "<h2>", "</h2>", "<li>",
                           "<script>", "<table><tr><td>", "<pre>", ":::{note} T", "::: {exercise-start}",
                           "```{solution-start} a", "::::", ":label: x", "+++ {}", "```{code-cell}",
                           "<question text=\"", "\">", "</question>", "<answer fraction=\"100\">",
                           "</answer>", "<![CDATA[", "]]>", "<!ENTITY a \"b\">", "&a;",
                           "\\section{", "\\begin{itemize}", "\\item ", "\\end{itemize}", "}", "{",
                           "\\begin{verbatim}", "\\end{verbatim}", "%", "\\begin{document}",
                           "\\textbf{", "$", "const q = [", "{question: '", "', answer: `",
                           "`}", "]", "export default {", "// ", "/*"])  # fmt: skip
_LINES = st.lists(st.one_of(_MARKUP, st.text(max_size=40)), max_size=60).map("".join)


@FUZZ
@given(
    st.sampled_from(
        [
            ".md",
            ".txt",
            ".csv",
            ".json",
            ".rst",
            ".yml",
            ".org",
            ".adoc",
            ".html",
            ".xml",
            ".tex",
            ".ts",
        ]
    ),
    _LINES,
)
@example(".org", "<![CDATA[[qanda]]]>")  # the standard library's HTML parser asserted on it
def test_markup_like_text_parses_or_fails_with_a_reason(suffix, text):
    _read(suffix, text.encode("utf-8", errors="surrogatepass"))


_CELL = st.fixed_dictionaries(
    {"cell_type": st.sampled_from(["markdown", "code", "raw", "heading", 3, None]),
     "source": st.one_of(_LINES, st.lists(_LINES, max_size=4), st.integers())},
    optional={"level": st.one_of(st.integers(-2, 9), st.text(max_size=3))},
)  # fmt: skip


@FUZZ
@given(st.lists(st.one_of(_CELL, st.integers(), st.text(max_size=5)), max_size=8))
def test_notebooks_with_any_cells_parse_or_fail_with_a_reason(cells):
    _read(".ipynb", json.dumps({"cells": cells, "metadata": {}}).encode())


_PY_LINES = st.sampled_from(["# %%", "# %% [markdown]", "# ## What is X?", "#" * 30, 'r"""',
                             '"""', "Title", "=====", "questions = [", "{'question': 'Q?',",
                             "'answer': 'A.'},", "]", "x = 1", "print(x)", "# text", ""])  # fmt: skip


@FUZZ
@given(st.lists(st.one_of(_PY_LINES, st.text(max_size=8)), max_size=12))
def test_python_notebooks_and_banks_of_any_shape_parse_or_fail_with_a_reason(lines):
    _read(".py", "\n".join(lines).encode())


_ARGS = st.lists(st.one_of(st.sampled_from(["search", "ask", "quiz", "eval", "ingest", "--top-k",
                                            "--mode", "--json", "--history", "-1", "0", "x", ""]),
                           st.text(max_size=12)), max_size=5)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_ARGS)
def test_malformed_cli_arguments_get_a_clear_error(cli, args):
    args = [a for a in args if a not in ("ui", "chat", "tune-reranker") and "\x00" not in a]
    if args[:1] in (["search"], ["ask"]) and len(args) > 1 and "--top-k" not in args:
        args = args[:1]  # a real query would run retrieval; the point here is bad arguments
    if args[:1] in (["eval"], ["ingest"], ["quiz"]):
        args = [*args, "--no-such-option"]  # never starts a real evaluation, ingest or quiz
    code, _, err = cli(*args)
    assert code in (0, 2, 4), err


# -- the running app's API (gradio_client against a real `studybot ui` process) -------------------

BM25_NOTE = "Q1: What is BM25?\nBM25 ranks documents by term frequency with saturation.\n"
# Any text, NULs and control characters included; lone surrogates too where JSON carries them
# escaped (a browser's JavaScript string can hold them; gradio_client cannot send them bare).
_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
_SURROGATES = st.text(st.characters(blacklist_categories=()), max_size=300)
_JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), _ANY_TEXT, _LINES,
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just(""), st.just("   "), st.just("?"), st.just("x" * 100_000),
)  # fmt: skip
_HISTORY = st.one_of(
    _JUNK,
    st.lists(_JUNK, max_size=4).map(json.dumps),
    st.lists(_SURROGATES, max_size=4).map(json.dumps),
)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from gradio_client import Client

    root = tmp_path_factory.mktemp("api")
    (root / "notes.md").write_text(BM25_NOTE)
    with running_ui(root, [root / "notes.md"]) as ui:
        yield SimpleNamespace(client=Client(ui.url, verbose=False), proc=ui.proc, log=ui.log)


def _answers_bm25(client) -> None:
    out = client.predict("What is BM25?", "[]", api_name="/ask")
    assert out["grounded"] and out["citations"][0]["source"] == "notes.md", out


@settings(max_examples=50, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_malformed_api_calls_get_a_clear_error_and_the_app_keeps_serving(api, data):
    """Every endpoint a script can call (`/ask`, and the UI's argument-less follow-up events
    Gradio also lists) gets junk of its arity."""
    from gradio_client.exceptions import AppError

    endpoints = api.client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/ask" in endpoints
    for name, info in endpoints.items():
        args = [data.draw(_HISTORY if p["parameter_name"] == "h" else _JUNK, label=f"{name} {p['parameter_name']}")
                for p in info["parameters"]]  # fmt: skip
        try:
            out = api.client.predict(*args, api_name=name)
        except AppError as exc:
            # The caller is told which argument was wrong, never shown an internal error.
            assert name == "/ask" and re.match(r"(question|history) ", str(exc)), str(exc)
        else:
            if name == "/ask":
                assert {"answer", "grounded", "citations", "standalone_query"} <= set(out)
        assert api.proc.poll() is None


def test_after_the_fuzz_the_app_still_answers_and_logged_no_crash(api):
    _answers_bm25(api.client)
    log = api.log.read_text()
    # gr.Error (a refusal with a message) is how a handler says "bad input"; anything else is
    # a crash in a handler.
    crashes = [line for line in re.findall(r"^\w[\w.]*(?:Error|Exception)\b.*$", log, re.M)
               if not line.startswith("gradio.exceptions.Error")]  # fmt: skip
    assert not crashes, crashes[:5]
