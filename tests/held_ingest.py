"""`studybot ingest`, committing one file at a time, that stops for good right after its Nth
vector write (before that file's catalog transaction) and says so on stderr, so a test's SIGKILL
lands at a known point every time. Run as `python -m tests.held_ingest N <ingest arguments>`."""

from __future__ import annotations

import sys

import ingest.pipeline
from ingest.vectors import VectorIndex
from studybot.cli import main as cli

HELD = "held: vectors written, catalog not yet"


def main() -> None:
    hold_after, args = int(sys.argv[1]), sys.argv[2:]
    ingest.pipeline._BATCH_ITEMS = 1  # every file gets its own vector write and transaction
    real, writes = VectorIndex.upsert, []

    def upsert_then_hold(self, *a, **kw):
        real(self, *a, **kw)
        writes.append(1)
        if len(writes) == hold_after:
            print(HELD, file=sys.stderr, flush=True)
            sys.stdin.readline()  # the test never writes: this blocks until the kill

    VectorIndex.upsert = upsert_then_hold
    sys.argv = ["studybot", "ingest", *args]
    cli()


if __name__ == "__main__":
    main()
