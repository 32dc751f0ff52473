"""`thucydides explain`: how the coder decided, for a stored event or for a sentence."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import click

from thucydides.cli.app import cli, cli_settings, out
from thucydides.errors import UsageError


@cli.command("explain")
@click.argument("target", metavar="EVENT_ID|TEXT")
@click.option(
    "--db",
    default="thucydides.duckdb",
    show_default=True,
    metavar="PATH",
    help="Store to look the event id up in.",
)
@click.option(
    "--date",
    "published",
    metavar="YYYY-MM-DD",
    help="Publication date for a text (resolves 'on Monday', 'last month').",
)
@click.option("--json", "as_json", is_flag=True, help="Print the event records as JSON Lines.")
def explain_command(target: str, db: str, published: str | None, as_json: bool) -> None:
    """Show which pattern matched, on which words, why each actor was chosen, the modality cue
    and the date reason: for an event id in a store, or for a sentence or text.

    Examples: thucydides explain 3f2a9c0d1e4b5a6c7d8e --db thucydides.duckdb;
    thucydides explain "Rebels agreed to release the hostages on Monday." --date 2024-05-08
    """
    records = _stored(target, db) if _looks_like_id(target) else None
    if records is None:
        if _looks_like_id(target):
            raise UsageError(
                f"no event {target!r} in store {db!r}; give an event id from "
                f"`thucydides events --db {db}`, or a sentence to code"
            )
        records = _coded(target, _date(published))
    if as_json:
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not records:
        out.print("no event found: no trigger of the dictionary matched with an actor or target")
        return
    for record in records:
        out.print(render_explanation(record), highlight=False)


def _looks_like_id(value: str) -> bool:
    return len(value) >= 8 and " " not in value and all(c in "0123456789abcdef" for c in value)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date; write it as YYYY-MM-DD") from None


def _stored(event_id: str, db: str) -> list[dict[str, Any]] | None:
    from pathlib import Path

    from thucydides.store import Store

    if not Path(db).exists():
        return None
    with Store(db, read_only=True) as store:
        for record in store.iter_event_records():
            if record["event_id"] == event_id:
                return [record]
    return None


def _coded(text: str, published: dt.date | None) -> list[dict[str, Any]]:
    from thucydides.pipeline import code_text

    events = code_text(text, published=published, settings=cli_settings())
    return [e.to_record() for e in events]


def _actor_lines(title: str, notes: list[Mapping[str, Any]]) -> list[str]:
    if not notes:
        return [f"  {title:<11}none found"]
    lines = []
    for note in notes:
        code = note.get("code") or "(not a known actor)"
        lines.append(f"  {title:<11}{code} {note.get('text', '')!r}: {note.get('how', '')}")
        title = ""
    return lines


def render_explanation(record: Mapping[str, Any]) -> str:
    """The explanation of one event record as readable lines."""
    why: Mapping[str, Any] = record.get("explanation") or {}
    trigger: Mapping[str, Any] = why.get("trigger") or {}
    plover = record.get("plover") or "-"
    mode = f" ({record['plover_mode']})" if record.get("plover_mode") else ""
    lines = [
        f"[bold]{record['event_id']}[/bold]  CAMEO {record['cameo']}  PLOVER {plover}{mode}",
        f"  sentence   {record['sentence']}",
        f"  trigger    {record['trigger']['text']!r}  words: {' '.join(trigger.get('words', []))}",
        f"  pattern    {trigger.get('rule')} (verbs.yaml line {trigger.get('dictionary_line')})",
    ]
    if trigger.get("frame"):
        lines.append(f"  frame      {trigger['frame']} -> CAMEO {record['cameo']}")
    if trigger.get("refined"):
        lines.append(f"  refined    {trigger['refined']}")
    lines += _actor_lines("actors", list(why.get("actors") or []))
    lines += _actor_lines("recipients", list(why.get("recipients") or []))
    factual = "factual" if record.get("factual") else "not factual"
    lines.append(f"  modality   {record.get('modality')} ({factual}): {why.get('modality')}")
    date = record.get("date") or "none"
    lines.append(f"  date       {date}: {why.get('date')}")
    if why.get("location"):
        lines.append(f"  location   {why.get('location')}")
    return "\n".join(lines)
