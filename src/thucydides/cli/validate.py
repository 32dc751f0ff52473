"""`thucydides validate`: check an output file against its schema."""

from __future__ import annotations

import sys

import click

from thucydides.cli.app import cli


@cli.command("validate")
@click.argument("file", metavar="FILE")
@click.option(
    "--kind",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "record", "plover", "gdelt", "gdelt-mentions"]),
    help="What the file holds; auto tells from its first line.",
)
def validate_command(file: str, kind: str) -> None:
    """Validate event records (JSON Schema v1), PLOVER JSON or GDELT 2.0 TSV; exit 1 if invalid.

    Example: thucydides validate events.jsonl
    """
    from thucydides.validation import validate_file

    report = validate_file(file, kind)
    click.echo(report.render())
    if not report.ok:
        sys.exit(1)
