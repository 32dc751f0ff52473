"""`thucydides stats`: what a store holds — articles, events by type, rejections by reason, runs."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Group
from rich.table import Table

from thucydides.cli.app import cli, cli_settings, echo_json, out, state
from thucydides.errors import UsageError


@cli.command("stats")
@click.option("--db", metavar="PATH", help="DuckDB store to read [setting db].")
@click.option(
    "--runs",
    "last_runs",
    default=10,
    show_default=True,
    type=click.IntRange(0),
    help="Show the latest N runs (0: all).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def stats_command(db: str | None, last_runs: int, as_json: bool) -> None:
    """Count what a store holds: articles, events by type, rejections by reason, and runs
    (an interrupted run is listed as such; re-run its command to finish it).

    Example: thucydides stats --db thucydides.duckdb
    """
    from thucydides.store import Store
    from thucydides.store.stats import collect_stats

    path = cli_settings(db=db).db
    if not Path(path).exists():
        raise UsageError(
            f"store {path!r} does not exist; create it with `thucydides code INPUT --db {path}`"
        )
    with Store(path, read_only=True) as store:
        stats = collect_stats(store, last_runs=last_runs or None)
    if as_json or state().json:
        echo_json(stats.to_dict())
        return
    totals = Table(title=f"store {path}", show_header=False)
    totals.add_column(style="bold")
    totals.add_column(justify="right")
    totals.add_row("articles", f"{stats.articles:,}")
    for language, n in stats.articles_by_language.items():
        totals.add_row(f"  {language}", f"{n:,}")
    totals.add_row("events", f"{stats.events:,} ({stats.factual_events:,} factual)")
    for kind, n in stats.events_by_type.items():
        totals.add_row(f"  {kind}", f"{n:,}")
    totals.add_row("rejections", f"{stats.rejections:,}")
    for reason, n in stats.rejections_by_reason.items():
        totals.add_row(f"  {reason}", f"{n:,}")
    for origin, n in list(stats.rejections_by_input.items())[:5]:
        totals.add_row(f"  from {origin}", f"{n:,}")
    if stats.first_published:
        totals.add_row(
            "publication dates",
            f"{stats.first_published} to {stats.last_published}, "
            f"{stats.days_without_articles:,} days without articles",
        )
        for start, end, days in stats.gaps:
            totals.add_row("  gap", f"{start} to {end} ({days} days)")
    runs = Table(title="runs")
    for column in ("run", "status", "started", "read", "coded", "unchanged", "events", "rejected"):
        runs.add_column(column, justify="left" if column in ("run", "status") else "right")
    for r in stats.runs:
        runs.add_row(
            r.run_id,
            r.status if r.finished else f"[yellow]{r.status}[/] ({r.articles_stored} stored)",
            r.started.strftime("%Y-%m-%d %H:%M:%S") if r.started else "-",
            f"{r.read:,}",
            f"{r.coded:,}",
            f"{r.unchanged:,}",
            f"{r.events:,}",
            f"{r.rejections:,}",
        )
    out.print(Group(totals, runs))
