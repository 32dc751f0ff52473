"""Place names in text: mentions, the article's place context, and the choice among namesakes."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.coding.places import resolve_event_place
from thucydides.coding.toponyms import article_places, choose_entry, find_place_mentions
from thucydides.gazetteer import Gazetteer, load_gazetteer
from thucydides.models import Article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_context_from_the_rest_of_the_article(nlp: Any, gazetteer: Gazetteer) -> None:
    text = (
        "The Liberian Peace Council made an allegation. "
        "Fighters had taken over the city of Greenville."
    )
    doc = nlp(text)
    context = article_places(doc, Article(id="c", text=text), gazetteer)
    assert "LBR" in context.countries
    assert article_places(doc, Article(id="c", text=text), gazetteer) is context  # once per Doc
    assert doc.to_bytes()  # nothing unserialisable is left on the Doc
    trigger = next(t for t in doc if t.text == "taken")
    result = resolve_event_place(trigger.sent, trigger, Article(id="c", text=text))
    assert result.place is not None and result.place.country == "LBR", result.reason


def test_article_context_has_each_sentences_place_mentions(nlp: Any, gazetteer: Gazetteer) -> None:
    """The article's place context keeps, for every sentence, the mentions
    find_place_mentions gives for that sentence alone (it reads the entities once per article)."""
    text = (
        "KABUL, May 2 - Gunmen attacked a checkpoint near Herat on Sunday. "
        "Officials in Kandahar and Kabul said the Taliban were behind it.\n"
        "The United Nations Assistance Mission in Afghanistan condemned the attack. "
        "Pakistan closed the border at Torkham."
    )
    doc = nlp(text)
    context = article_places(doc, Article(id="k", text=text), gazetteer)
    sentences = list(doc.sents)
    assert sorted(context.mentions) == [s.start for s in sentences]
    for sentence in sentences:
        expected = find_place_mentions(sentence, gazetteer)
        got = context.mentions[sentence.start]
        assert [(m.text, m.start, m.end, m.candidates) for m in got] == [
            (m.text, m.start, m.end, m.candidates) for m in expected
        ], sentence.text
    assert {m.text for ms in context.mentions.values() for m in ms} >= {"Herat", "Kandahar"}


def test_find_place_mentions_skips_adjectives_and_acronyms(nlp: Any, gazetteer: Gazetteer) -> None:
    doc = nlp("Syrian and Turkish officials from the LPC met in Aleppo and Gaziantep.")
    names = [m.text for m in find_place_mentions(doc, gazetteer)]
    assert names == ["Aleppo", "Gaziantep"]


@pytest.mark.parametrize(
    ("name", "kwargs", "country"),
    [
        ("Paris", {}, "FRA"),
        ("Paris", {"countries": frozenset({"USA"}), "admin1": frozenset({"Texas"})}, "USA"),
        ("Georgia", {}, "GEO"),
        ("Georgia", {"actor_countries": frozenset({"USA"})}, "GEO"),
        ("Georgia", {"countries": frozenset({"USA"}), "admin1": frozenset({"Georgia"})}, "USA"),
        ("Jericho", {"actor_countries": frozenset({"PSE"})}, "PSE"),
        ("Jericho", {"qualifiers": frozenset({"USA"})}, "USA"),
    ],
)
def test_choose_entry(gazetteer: Gazetteer, name: str, kwargs: Any, country: str) -> None:
    entry = choose_entry(gazetteer.candidates(name), name, gazetteer, **kwargs)
    assert entry.country == country
