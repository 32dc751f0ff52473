"""The command line: parse, call one library function, render. Errors become one-line messages.

One module per command; importing it registers the command on the group.
"""

from thucydides.cli import actors, code, evaluate, events, stats  # noqa: F401  (registers the commands)
from thucydides.cli import export, import_, query  # noqa: F401  (registers the commands)
from thucydides.cli import serve  # noqa: F401  (registers the command)
from thucydides.cli import explain  # noqa: F401  (registers the command)
from thucydides.cli import validate  # noqa: F401  (registers the command)
from thucydides.cli.app import cli, main

__all__ = ["cli", "main"]
