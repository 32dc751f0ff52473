"""`thucydides code`: code inputs into the store (and a file), with progress and a summary."""

from __future__ import annotations

from collections.abc import Sequence

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thucydides.cli.app import cli, err, model_option


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
