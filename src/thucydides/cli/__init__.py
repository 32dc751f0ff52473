"""The command line: parse, call one library function, render. Errors become one-line messages.

One module per command; importing it registers the command on the group.
"""

from thucydides.cli import (  # noqa: F401  (registers the commands)  # noqa: F401  (registers the commands)
    actors,
    code,
    evaluate,
    events,
    explain,
    export,
    import_,
    query,
    serve,
    stats,
    validate,
)
from thucydides.cli.app import cli, main

__all__ = ["cli", "main"]
