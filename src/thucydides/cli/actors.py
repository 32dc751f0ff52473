"""`thucydides actors import` and `thucydides actors suggest`: curate the actor knowledge base."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click
from rich.table import Table

from thucydides.cli.app import cli, out


@cli.group("actors")
def actors_group() -> None:
    """Curate the actor knowledge base: import dictionaries, review names seen in articles."""


@actors_group.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--out",
    "folder",
    default="actors",
    show_default=True,
    metavar="DIR",
    help="Folder to write imported-actors.csv and imported-agents.csv to.",
)
def import_command(files: Sequence[str], folder: str) -> None:
    """Import PETRARCH/TABARI actor and agent dictionaries (with their date restrictions).

    The entries are written as CSV files a person can read and edit. To code with them, name the
    folder in THUCYDIDES_ACTORS (several folders: separated by ':'); they override the bundled
    entries.

    Example: thucydides actors import PETR.actors.txt PETR.agents.txt --out my-actors
    """
    from thucydides.dictionaries.actors import load_actor_dictionary
    from thucydides.dictionaries.petrarch import read_petrarch, write_imported
    from thucydides.errors import UsageError

    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}; give PETRARCH/TABARI dictionary files")
    result = read_petrarch(Path(f) for f in files)
    actors_path, agents_path = write_imported(result, Path(folder))
    load_actor_dictionary(extra=[Path(folder)])  # what was written must load
    click.echo(f"imported {len(result.actors)} actors into {actors_path}")
    click.echo(f"imported {len(result.agents)} agent terms into {agents_path}")
    for problem in result.problems[:20]:
        click.echo(f"  skipped: {problem}", err=True)
    if len(result.problems) > 20:
        click.echo(f"  ... and {len(result.problems) - 20} more", err=True)
    click.echo(f"to code with them: export THUCYDIDES_ACTORS={os.path.abspath(folder)}")


@actors_group.command("suggest")
@click.option("--db", default="thucydides.duckdb", show_default=True, metavar="PATH")
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1))
@click.option("--min-count", default=1, show_default=True, type=click.IntRange(1))
@click.option(
    "--write",
    "folder",
    metavar="DIR",
    help="Also append the discovered people to DIR/people.csv (for THUCYDIDES_ACTORS).",
)
def suggest_command(db: str, limit: int, min_count: int, folder: str | None) -> None:
    """List frequent names the dictionaries do not know, with their contexts, from a store.

    "discovered": a name whose country and sector an article gave (title, apposition);
    "unresolved": capitalised words of an event argument that resolved to no actor.

    Example: thucydides actors suggest --db thucydides.duckdb --write my-actors
    """
    from thucydides.dictionaries.actors import default_dictionary
    from thucydides.dictionaries.discovered import suggest, write_discovered
    from thucydides.errors import UsageError
    from thucydides.store import Store
    from thucydides.store.actors import actor_notes

    if not Path(db).exists():
        raise UsageError(f"no store at {db}; run `thucydides code ... --db {db}` first")
    dictionary = default_dictionary()
    with Store(db, read_only=True) as store:
        found = suggest(actor_notes(store), dictionary, min_count=min_count)
    if not found:
        click.echo("no unknown names in the stored events")
        return
    table = Table(title=f"names to curate ({len(found)})")
    for column in ("name", "kind", "count", "codes", "first seen", "context"):
        table.add_column(column)
    for s in found[:limit]:
        codes = ", ".join(f"{c} ({n})" for c, n in s.codes.most_common(3))
        context = s.contexts[0][:100] if s.contexts else ""
        first = s.first_seen.isoformat() if s.first_seen else ""
        table.add_row(s.name, s.kind, str(s.count), codes, first, context)
    out.print(table)
    if folder:
        path, n = write_discovered(found, dictionary, Path(folder))
        click.echo(f"appended {n} discovered people to {path}")
