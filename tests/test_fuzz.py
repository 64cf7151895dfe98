"""Fuzzing: arbitrary bytes and text through the loaders and the parser, and malformed arguments
through the CLI. The only failure allowed is the documented one: a one-line LoadError (a file)
or a usage error with exit code 2 (the CLI) — never an unexpected exception."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import LoadError
from ingest.loaders import load
from ingest.parse import parse_document

SUFFIXES = [".md", ".txt", ".pdf", ".csv", ".tsv", ".json", ".jsonl", ".apkg"]
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


_MARKUP = st.sampled_from(["#", "##", "- ", "1. ", "**", "Q1:", "Answer:", "<details>",
                           "<summary>", "</details>", "| a | b |", "|---|", "??? question \"",
                           "```", "$$", "\\[", "[x](y)", "![i](u)", "\t", "\n", ",", "\"", "?"])  # fmt: skip
_LINES = st.lists(st.one_of(_MARKUP, st.text(max_size=40)), max_size=60).map("".join)


@FUZZ
@given(st.sampled_from([".md", ".txt", ".csv", ".json"]), _LINES)
def test_markup_like_text_parses_or_fails_with_a_reason(suffix, text):
    _read(suffix, text.encode("utf-8", errors="surrogatepass"))


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
