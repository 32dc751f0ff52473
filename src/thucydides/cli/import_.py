"""`thucydides import`: load GDELT, ICEWS, POLECAT or ACLED files into a store."""

from __future__ import annotations

import click

from thucydides.cli.app import cli, err


@cli.command("import")
@click.argument("path", metavar="FILE")
@click.option("--db", default="thucydides.duckdb", show_default=True, metavar="PATH")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "icews", "polecat", "acled", "jsonl"]),
    required=True,
    help="The file's format.",
)
@click.option(
    "--memory-limit",
    metavar="SIZE",
    help="Cap DuckDB's memory, e.g. 2GB (pages beyond it go to disk).",
)
def import_command(path: str, db: str, fmt: str, memory_limit: str | None) -> None:
    """Load an event file into the store, streamed: queries then run across it and the events
    thucydides coded. Importing the same file again replaces its rows.

    Example: thucydides import --format gdelt 20250301.export.CSV
    """
    from thucydides.formats.exchange import import_file
    from thucydides.store import Store

    with Store(db, memory_limit=memory_limit) as store:
        summary = import_file(store, fmt, path)
    err.print(f"{summary.imported} events imported from {path}; {summary.skipped} lines skipped")
    for skipped in summary.first_skipped:
        err.print(f"  line {skipped.line}: {skipped.reason}")
