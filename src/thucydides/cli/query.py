"""`thucydides query ...`: events, dyad series, actor timelines, top actors and dyads, last time."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import pandas as pd
from rich.table import Table

from thucydides.cli.app import cli, out
from thucydides.errors import UsageError

OUTPUTS = ("table", "json", "csv")

db_option = click.option(
    "--db", default="thucydides.duckdb", show_default=True, metavar="PATH", help="Store to read."
)
format_option = click.option(
    "--format",
    "output",
    type=click.Choice(OUTPUTS),
    default="table",
    show_default=True,
    help="How to print the result.",
)
since_option = click.option("--since", metavar="DATE", help="From this date (YYYY-MM-DD).")
until_option = click.option("--until", metavar="DATE", help="Up to this date (YYYY-MM-DD).")


@contextmanager
def _store(db: str) -> Iterator[Any]:
    from thucydides.store import Store

    if not Path(db).exists():
        raise UsageError(
            f"store {db!r} does not exist; create it with `thucydides code INPUT --db {db}`"
        )
    with Store(db, read_only=True) as store:
        yield store


def _render(frame: pd.DataFrame, output: str, records: Callable[[], Any] | None = None) -> None:
    if output == "json":
        data = (
            records() if records else json.loads(frame.to_json(orient="records", date_format="iso"))
        )
        click.echo(json.dumps(data, ensure_ascii=False, default=str, indent=1))
    elif output == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    else:
        hidden = {"event_id", "dataset", "cluster_id"}  # ids are in --format json/csv
        columns = [c for c in frame.columns if c not in hidden or len(frame.columns) <= 6]
        table = Table()
        for column in columns:
            table.add_column(str(column), overflow="fold", max_width=60)
        for row in frame[columns].itertuples(index=False):
            table.add_row(*(_cell(v) for v in row))
        out.print(table)


def _cell(value: Any) -> str:
    """A table cell: dates without a midnight time, long text cut to a readable length."""
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else str(value)
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."


@cli.group("query")
def query_group() -> None:
    """Ask a store questions: events, dyad series, timelines, top actors, "last time".

    Example: thucydides query events --plover CONSULT --actor TUR --format json
    """


@query_group.command("events")
@db_option
@click.option("--actor", metavar="CODE", help="Among the actors (prefix: TUR matches TURGOV).")
@click.option("--recipient", metavar="CODE", help="Among the recipients.")
@click.option("--country", metavar="ISO3", help="Any party from this country.")
@click.option("--sector", metavar="CODE", help="Any party in this sector (GOV, MIL, REB, ...).")
@click.option("--plover", metavar="TYPE", help="PLOVER type, e.g. CONSULT.")
@click.option("--cameo", metavar="PREFIX", help="CAMEO code prefix, e.g. 04 or 043.")
@since_option
@until_option
@click.option("--place", metavar="NAME", help="Place name (substring) or ISO3 country.")
@click.option("--text", metavar="WORDS", help="Words in the sentence.")
@click.option("--dataset", metavar="NAME", help="thucydides, gdelt, icews, polecat or acled.")
@click.option("--factual", is_flag=True, help="Only events the text asserts happened.")
@click.option("--mentions", is_flag=True, help="One row per report instead of per event.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@format_option
def events_command(
    db: str,
    since: str | None,
    until: str | None,
    factual: bool,
    mentions: bool,
    limit: int,
    offset: int,
    output: str,
    **filters: str | None,
) -> None:
    """Events (deduplicated: one per cluster, newest first) matching every filter given.

    Example: thucydides query events --plover CONSULT --actor TUR --since 2025-01-01
    """
    from thucydides.store import queries

    f = queries.EventFilter(
        since=queries.parse_date(since, "--since"),
        until=queries.parse_date(until, "--until"),
        factual_only=factual,
        **filters,
    )
    with _store(db) as store:
        frame = queries.events(store, f, limit=limit, offset=offset, mentions=mentions)
    shown = frame.drop(columns=["record", "article_id"])
    _render(shown, output, lambda: queries.event_records(frame))


def _plot(frame: pd.DataFrame, path: str, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if Path(path).suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"--plot {path!r}: use a .png or .svg file name")
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 5.5), sharex=True)
    periods = pd.to_datetime(frame["period"])
    bottom_level = None
    for column in (
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
    ):
        values = frame[column].to_numpy()
        top.bar(periods, values, bottom=bottom_level, label=column.replace("_", " "), width=20)
        bottom_level = values if bottom_level is None else bottom_level + values
    top.set_ylabel("events")
    top.legend(fontsize=8, loc="upper left")
    top.set_title(title)
    bottom.plot(periods, frame["mean_goldstein"], marker="o")
    bottom.axhline(0, color="grey", linewidth=0.5)
    bottom.set_ylabel("mean Goldstein")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


@query_group.command("dyad")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@db_option
@click.option(
    "--interval", type=click.Choice(["day", "week", "month"]), default="month", show_default=True
)
@since_option
@until_option
@click.option("--directed", is_flag=True, help="Only A → B (A among actors, B among recipients).")
@click.option("--dataset", metavar="NAME", help="Only events from this dataset.")
@click.option("--plot", "plot_path", metavar="FILE", help="Also draw the series to FILE.png|svg.")
@format_option
def dyad_command(
    a: str,
    b: str,
    db: str,
    interval: str,
    since: str | None,
    until: str | None,
    directed: bool,
    dataset: str | None,
    plot_path: str | None,
    output: str,
) -> None:
    """Events between A and B per day, week or month: counts by QuadClass and PLOVER type,
    mean Goldstein, net cooperation.

    Example: thucydides query dyad TUR SYR --interval month --plot tur-syr.png
    """
    from thucydides.store import queries

    with _store(db) as store:
        frame = queries.dyad_series(
            store,
            a,
            b,
            interval=interval,
            since=queries.parse_date(since, "--since"),
            until=queries.parse_date(until, "--until"),
            directed=directed,
            dataset=dataset,
        )
    if plot_path:
        if frame.empty:
            raise UsageError(f"no events between {a} and {b}: nothing to plot")
        _plot(frame, plot_path, f"{a} {'→' if directed else '–'} {b}, events per {interval}")
    frame = frame.assign(period=frame["period"].astype(str))
    _render(frame, output)


@query_group.command("timeline")
@click.argument("actor", metavar="ACTOR")
@db_option
@since_option
@until_option
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1))
@format_option
def timeline_command(
    actor: str, db: str, since: str | None, until: str | None, limit: int, output: str
) -> None:
    """What ACTOR did and had done to it, newest first.

    Example: thucydides query timeline TURGOV --since 2025-01-01
    """
    from thucydides.store import queries

    with _store(db) as store:
        frame = queries.actor_timeline(
            store,
            actor,
            since=queries.parse_date(since, "--since"),
            until=queries.parse_date(until, "--until"),
            limit=limit,
        )
    _render(
        frame.drop(columns=["record", "article_id"]), output, lambda: queries.event_records(frame)
    )


@query_group.command("top-actors")
@db_option
@click.option("--role", type=click.Choice(["actor", "recipient"]), help="Count only this role.")
@click.option("--plover", metavar="TYPE", help="Only events of this PLOVER type.")
@since_option
@until_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@format_option
def top_actors_command(
    db: str,
    role: str | None,
    plover: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    output: str,
) -> None:
    """The actors in most events.

    Example: thucydides query top-actors --role actor --since 2025-01-01
    """
    from thucydides.store import queries

    f = queries.EventFilter(
        plover=plover,
        since=queries.parse_date(since, "--since"),
        until=queries.parse_date(until, "--until"),
    )
    with _store(db) as store:
        _render(queries.top_actors(store, f, role=role, limit=limit), output)


@query_group.command("top-dyads")
@db_option
@click.option("--plover", metavar="TYPE", help="Only events of this PLOVER type.")
@since_option
@until_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@format_option
def top_dyads_command(
    db: str, plover: str | None, since: str | None, until: str | None, limit: int, output: str
) -> None:
    """The actor → recipient pairs in most events.

    Example: thucydides query top-dyads --plover ASSAULT
    """
    from thucydides.store import queries

    f = queries.EventFilter(
        plover=plover,
        since=queries.parse_date(since, "--since"),
        until=queries.parse_date(until, "--until"),
    )
    with _store(db) as store:
        _render(queries.top_dyads(store, f, limit=limit), output)


@query_group.command("last")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@db_option
@click.option("--plover", metavar="TYPE", help="PLOVER type, e.g. CONSULT.")
@click.option("--cameo", metavar="PREFIX", help="CAMEO code prefix, e.g. 04.")
@click.option("--before", metavar="DATE", help="Strictly before this date (YYYY-MM-DD).")
@format_option
def last_command(
    a: str,
    b: str,
    db: str,
    plover: str | None,
    cameo: str | None,
    before: str | None,
    output: str,
) -> None:
    """The most recent event of a type between A and B before a date ("first since ...").

    Example: thucydides query last TUR SYR --plover CONSULT --before 2022-12-28
    """
    from thucydides.store import queries

    with _store(db) as store:
        frame = queries.last_time(
            store, a, b, plover=plover, cameo=cameo, before=queries.parse_date(before, "--before")
        )
    _render(
        frame.drop(columns=["record", "article_id"]), output, lambda: queries.event_records(frame)
    )
