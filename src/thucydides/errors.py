"""The one exception tree of thucydides.

Third-party errors are converted once, where the dependency lives (``raise StoreError(...) from exc``).
A failure on one article is not an exception but a :class:`~thucydides.models.Rejection`.

::

    ThucydidesError
      UsageError             a user's mistake (bad path, bad flag value)       -> CLI exit 2
        InputError           an input path that does not exist / has no reader
        UnknownCodeError     a CAMEO / PLOVER / actor code that does not exist
        ConfigError          a bad setting in thucydides.toml or THUCYDIDES_*
      ModelError             the spaCy pipeline cannot be loaded               -> CLI exit 2
      DataFileError          a dictionary or ontology file with a bad line     -> CLI exit 1
      StoreError             DuckDB failure                                    -> CLI exit 1
      EvaluationError        a gold file that is not in the expected format    -> CLI exit 2
"""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base class of every error thucydides raises on purpose."""


class UsageError(ThucydidesError):
    """The user asked for something that cannot be done as asked; the message says how to fix it."""


class InputError(UsageError):
    """An input path that does not exist or that no reader understands."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class UnknownCodeError(UsageError):
    """A CAMEO, PLOVER or actor code that the ontology does not know."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class ModelError(UsageError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class DataFileError(ThucydidesError):
    """A dictionary or ontology data file has a bad entry; the message names file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class StoreError(ThucydidesError):
    """The event store could not be opened, migrated, read or written."""


class EvaluationError(UsageError):
    """A gold file is not in the format ``thucydides evaluate`` reads."""


class ConfigError(UsageError):
    """A setting with a bad name or value (config file, environment or flag); names the fix."""

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting
