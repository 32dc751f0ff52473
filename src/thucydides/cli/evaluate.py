"""`thucydides evaluate`: score the coder against a gold file."""

from __future__ import annotations

from typing import Any

import click

from thucydides.cli.app import cli, model_option


@cli.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False), metavar="GOLD.jsonl")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--show-errors",
    type=click.IntRange(0),
    default=0,
    metavar="N",
    help="Also list the first N wrongly coded records: text, gold, predicted events.",
)
@model_option
def evaluate_command(
    gold: str, limit: int | None, as_json: bool, show_errors: int, model: str
) -> None:
    """Score the coder against a gold file (the format of ../shared/eval/*/dev.jsonl).

    Example: thucydides evaluate ../shared/eval/plover_gsr_en/dev.jsonl --show-errors 20
    """
    from thucydides.evaluation import evaluate
    from thucydides.pipeline import Coded, Settings, code_articles

    settings = Settings(model=model)

    def coder(articles: Any) -> Any:
        for outcome in code_articles(articles, settings):
            if isinstance(outcome, Coded):  # rejected records are skipped: counted as not coded
                yield outcome.article.id, outcome.events

    report = evaluate(gold, coder, limit=limit)
    if as_json:
        click.echo(report.to_json(show_errors))
    else:
        click.echo(report.render(show_errors))
