"""`thucydides export`: the store's events as JSONL, CSV, Parquet, GDELT, PLOVER or POLECAT."""

from __future__ import annotations

from pathlib import Path

import click

from thucydides.cli.app import cli, err
from thucydides.errors import UsageError

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover", "polecat")


@cli.command("export")
@click.option("--db", default="thucydides.duckdb", show_default=True, metavar="PATH")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option("--out", "out_path", required=True, metavar="FILE", help="File to write.")
@click.option("--dataset", metavar="NAME", help="Only events from this dataset.")
def export_command(db: str, fmt: str, out_path: str, dataset: str | None) -> None:
    """Write the store's events, one per cluster with its counts.

    gdelt: GDELT 2.0 event rows (61 tab-separated columns; compound actors expand to dyads);
    gdelt-mentions: GDELT 2.0 mention rows (16 columns); plover: PLOVER JSON records, one per
    line; polecat: POLECAT-like TSV (40 columns, with header).

    Example: thucydides export --format gdelt --out events.export.CSV
    """
    from thucydides.formats.exchange import export_store
    from thucydides.store import Store

    if not Path(db).exists():
        raise UsageError(
            f"store {db!r} does not exist; create it with `thucydides code INPUT --db {db}`"
        )
    with Store(db, read_only=True) as store:
        summary = export_store(store, fmt, out_path, dataset=dataset)
    err.print(f"{summary.events} events, {summary.rows} rows → {out_path}")
