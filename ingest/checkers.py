"""An exercise graded by a checker the notebook calls: Kaggle Learn's `q_1.check()`,
`q_1.hint()`, `q_1.solution()`, otter-grader's `grader.check("q1")`. The answer lives in the
checker, not in the file: the code shown is the student's workspace (with the maintainers'
test cells), so the exercise is a question left to the student."""

from __future__ import annotations

import re

from ingest.lines import FENCE

# A line that only calls a checker's method: `q_3.hint()`, `grader.check("q1_1")`.
_CHECKER_CALL = re.compile(
    r"""^\s*[A-Za-z_][\w.]*\.(?:check|hint|solution|check_all)\(\s*(?:(['"])[\w.-]*\1\s*)?\)\s*;?\s*$"""
)


def calls_checker(body: list[str]) -> bool:
    """A code block of the body calls a checker."""
    code = False
    for line in body:
        if FENCE.match(line):
            code = not code
        elif code and _CHECKER_CALL.match(line):
            return True
    return False
