"""The `studybot` command: a thin shell that parses arguments, calls ingest/, rag/ and eval/, and
prints. One module per group of subcommands; `base` holds the group and shared options."""

from studybot.cli import chat, evaluate, library, quiz  # noqa: F401  (register the subcommands)
from studybot.cli.base import main

__all__ = ["main"]
