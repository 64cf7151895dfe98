"""The one exception hierarchy. Only the CLI turns these into exit codes."""


class StudybotError(Exception):
    """Base class: the message says what went wrong and how to fix it."""

    exit_code = 1


class ConfigError(StudybotError):
    """A setting has a value studybot cannot use."""

    exit_code = 2


class ModelNotInstalled(StudybotError):
    """A configured model is not on disk; the message names the package to install."""

    exit_code = 3


class LoadError(StudybotError):
    """A file could not be read or parsed; the batch goes on without it."""


class IndexUnavailable(StudybotError):
    """The index is missing or unusable."""

    exit_code = 4


class InputError(StudybotError, ValueError):
    """A request studybot cannot act on (an empty question, a malformed gold file, no quiz
    question picked…). Also a ValueError, for callers that check values generically."""

    exit_code = 2
