"""Event locations: the place an event happened, from its sentence or the dateline, geocoded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from thucydides.coding.places import resolve_event_place
from thucydides.models import Actor, Article


def _resolve(nlp: Any, text: str, trigger: str, actors: tuple[Actor, ...] = ()) -> Any:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return resolve_event_place(token.sent, token, Article(id="t", text=text), actors)


# sentence, trigger word, expected (name, ISO3, precision, text) or None, words in the reason
LOCATED = [
    (
        "The defence ministers of Syria, Turkey and Russia met in Moscow on Wednesday.",
        "met",
        ("Moscow", "RUS", "city", "Moscow"),
        "locative: 'in Moscow'",
    ),
    (
        "Turkish jets struck Kurdish targets near Syria's northern border.",
        "struck",
        ("Syria", "SYR", "country", "Syria"),
        "'near Syria'",
    ),
    (
        "Clashes broke out in southern Hasaka on Monday.",
        "Clashes",
        ("Al Ḩasakah", "SYR", "city", "Hasaka"),
        "'in Hasaka'",
    ),
    (
        "Kurdish fighters repelled an assault near Kobani.",
        "repelled",
        ("‘Ayn al ‘Arab", "SYR", "city", "Kobani"),
        "'near Kobani'",
    ),
    (
        "A roadside bomb near the town of Samarra killed one soldier.",
        "killed",
        ("Sāmarrā’", "IRQ", "city", "Samarra"),
        "'near Samarra'",
    ),
    (
        "Doctors handed over medicine to the Red Crescent in Bam, Iran.",
        "handed",
        ("Bam", "IRN", "city", "Bam"),
        "'in Bam'",
    ),
    (
        "Prisoners rioted at a jail in East Timor's capital Dili on Monday.",
        "rioted",
        ("Dili", "TLS", "city", "Dili"),  # not Delhi, whose alternate names include "Dili"
        "'in Dili'",
    ),
    (
        "Helicopters evacuated the wounded from the besieged town of Gorazde.",
        "evacuated",
        ("Goražde", "BIH", "city", "Gorazde"),
        "movement: 'from Gorazde'",
    ),
    (
        "Zambia extradited the suspect to Britain on Sunday.",
        "extradited",
        ("United Kingdom", "GBR", "country", "Britain"),
        "movement: 'to Britain'",
    ),
    (
        "A US woman is under investigation in Italy over rioting at a summit in Genoa.",
        "investigation",
        ("Genoa", "ITA", "city", "Genoa"),
        "refined to the city 'Genoa'",
    ),
    (
        "Opposition parties organized a general strike that shut down Khatmandu.",
        "strike",
        ("Kathmandu", "NPL", "city", "Khatmandu"),
        "mentioned: 'Khatmandu'",
    ),
    (
        "Fighters attacked a village in the western province of Herat.",
        "attacked",
        ("Herāt", "AFG", "city", "Herat"),
        "'in Herat'",
    ),
    (
        "The talks were held in Paris, Texas.",
        "held",
        ("Paris", "USA", "city", "Paris"),
        "could also be Paris (FRA, city)",
    ),
    (
        "Protesters marched in Paris on Saturday.",
        "marched",
        ("Paris", "FRA", "city", "Paris"),
        "could also be",
    ),
    (
        "Russian troops clashed with rebels in Georgia.",
        "clashed",
        ("Georgia", "GEO", "country", "Georgia"),
        "could also be Georgia (USA, admin1)",
    ),
    (
        "Police clashed with protesters in Georgia, a few miles from Atlanta.",
        "clashed",
        ("Georgia", "USA", "admin1", "Georgia"),
        "could also be Georgia (GEO, country)",
    ),
    (
        "Rebels shelled positions in the Gaza Strip.",
        "shelled",
        ("Gaza Strip", "PSE", "admin1", "Gaza Strip"),
        "'in Gaza Strip'",
    ),
    (
        "Gunmen abducted 25 students from a school in Zamfara state on Monday.",
        "abducted",
        ("Zamfara", "NGA", "admin1", "Zamfara"),  # an ISO 3166-2 division (pycountry)
        "'in Zamfara'",
    ),
    (
        "Police detained two men on suspicion of setting fire to a warehouse in Wroclaw.",
        "detained",
        ("Wrocław", "POL", "city", "Wroclaw"),
        "'in Wroclaw'",
    ),
    (
        "Turkish forces shelled villages near Qamishli.",
        "shelled",
        ("Al Qāmishlī", "SYR", "city", "Qamishli"),
        "'near Qamishli'",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "expected", "why"), LOCATED)
def test_event_location_from_the_sentence(
    nlp: Any, text: str, trigger: str, expected: tuple[str, str, str, str], why: str
) -> None:
    result = _resolve(nlp, text, trigger)
    assert result.place is not None, result.reason
    place = result.place
    assert (place.name, place.country, place.precision, place.text) == expected, result.reason
    assert text[place.start : place.end] == place.text
    assert why in result.reason


# places merely mentioned are not the location
NOT_LOCATED = [
    ("Ankara blamed Kurdish militants for the attack.", "blamed", "'Ankara' is the subject"),
    ("Syria's Ali Mahmoud Abbas met Turkey's Hulusi Akar.", "met", "is the possessor of"),
    ("Belgrade radio said 24 people were killed.", "killed", "'Belgrade' modifies 'radio'"),
    ("Russia has been mediating between Turkey and Syria.", "mediating", "names a party"),
    ("The US-backed militia denied any responsibility.", "denied", "'US' modifies"),
    ("Protests broke out after talk of reconciliation with Syria.", "Protests", "'with Syria'"),
    (
        "Turkey condemned the attack, officials said in Ankara.",
        "condemned",
        "where it was reported",
    ),
    ("Egypt called on Israel and Hamas to begin talks.", "called", "'on Israel' names a party"),
    ("The minister expressed support for Poland.", "expressed", "'for Poland' names a party"),
    ("Pakistan accused India of violating the truce.", "accused", "is a party, not a place"),
    (
        "Wang will visit Brazil for talks on trade, climate policy and the war in Ukraine.",
        "visit",
        "'in Ukraine' is too far from 'visit'",
    ),
    ("The ministers met on Tuesday.", "met", "no place named in the sentence and no dateline"),
]


@pytest.mark.parametrize(("text", "trigger", "why"), NOT_LOCATED)
def test_places_merely_mentioned_are_not_the_location(
    nlp: Any, text: str, trigger: str, why: str
) -> None:
    result = _resolve(nlp, text, trigger)
    assert result.place is None, result
    assert why in result.reason


def test_a_place_that_is_the_events_actor_is_not_its_location(nlp: Any) -> None:
    text = "Ankara blamed Kurdish militants for the attack."
    ankara = Actor("TURGOV", "TUR", ("GOV",), None, "Ankara", 0, 6)
    result = _resolve(nlp, text, "blamed", (ankara,))
    assert result.place is None
    assert "'Ankara' is an actor of the event" in result.reason


DATELINES = [
    ("MOSCOW (Reuters) - The ministers met on Tuesday.", ("Moscow", "RUS", "MOSCOW")),
    ("KADUNA, Nigeria, March 3 (AP) - Gunmen attacked a school.", ("Kaduna", "NGA", "KADUNA")),
    ("PARIS, Texas (AP) - The mayor resigned on Friday.", ("Paris", "USA", "PARIS")),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_the_dateline_when_the_sentence_names_no_place(
    nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    doc = nlp(text)
    sentence = list(doc.sents)[-1]
    trigger = next(t for t in sentence if t.pos_ == "VERB")
    result = resolve_event_place(sentence, trigger, Article(id="d", text=text))
    assert result.place is not None, result.reason
    place = result.place
    assert (place.name, place.country, place.text) == expected
    assert text[place.start : place.end] == place.text
    assert result.reason.startswith(f"dateline '{expected[2]}'")


def test_the_sentence_wins_over_the_dateline(nlp: Any) -> None:
    text = "ANKARA (Reuters) - A bomb exploded in Istanbul on Sunday."
    doc = nlp(text)
    sentence = list(doc.sents)[-1]
    trigger = next(t for t in sentence if t.text == "exploded")
    result = resolve_event_place(sentence, trigger, Article(id="d", text=text))
    assert result.place is not None and result.place.name == "Istanbul"


def test_place_records_carry_coordinates_and_ids(nlp: Any) -> None:
    result = _resolve(nlp, "The ministers met in Istanbul.", "met")
    place = result.place
    assert place is not None
    assert place.lat == pytest.approx(41.01, abs=0.05)
    assert place.lon == pytest.approx(28.95, abs=0.05)
    assert place.geonameid == 745044
    record = place.to_record()
    assert set(record) == {"name", "country", "admin1", "lat", "lon", "geonameid", "precision"} | {
        "text",
        "start",
        "end",
    }


SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-article.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not present")
def test_seed_article_places_and_dates() -> None:
    from thucydides.pipeline import code_text

    events = code_text(SEED.read_text(encoding="utf-8"), published=dt.date(2022, 12, 29))

    def find(trigger: str, sentence_words: str) -> Any:
        found = [e for e in events if trigger in e.trigger.text and sentence_words in e.sentence]
        assert found, [(e.trigger.text, e.sentence[:40]) for e in events]
        return found[0]

    meeting = find("met", "defence ministers")
    place = meeting.location
    assert place is not None and (place.name, place.country) == ("Moscow", "RUS")
    assert place.lat == pytest.approx(55.75, abs=0.05)
    assert place.lon == pytest.approx(37.6, abs=0.1)
    protests = find("Protests", "broke out")
    assert (protests.date, protests.date_precision) == ("2022-08-01", "month")
    attack = find("attack", "Istanbul")
    assert attack.location is not None and attack.location.name == "Istanbul"
    assert attack.location.country == "TUR"
    assert (attack.date, attack.date_precision) == ("2022-11-01", "month")
