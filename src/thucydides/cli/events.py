"""`thucydides events`: list the events in a store."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.table import Table

from thucydides.cli.app import cli, out
from thucydides.errors import UsageError


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
