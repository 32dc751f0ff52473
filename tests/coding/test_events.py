"""The event coder on sentences we wrote: frames, background clauses, violence, disasters, the
implicit police agent of passive arrests, and the explanation of every decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from thucydides.coding.disasters import crime_document, disaster_document
from thucydides.coding.events import _SAYING, _event_scope, code_doc
from thucydides.coding.frames import framed_code
from thucydides.dictionaries.verbs import load_trigger_dictionary
from thucydides.models import Article, Event

TRIGGERS = load_trigger_dictionary()


def _code(nlp: Any, text: str) -> list[Event]:
    article = Article(id="t", text=text, published=dt.date(2024, 5, 8), language="en")
    return code_doc(nlp(text), article, TRIGGERS)


def _summary(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.cameo, e.plover) for e in events]


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        # intent frames: agreeing, promising or being ready to cooperate is AGREE (CAMEO 03)
        ("Kenya agreed on Tuesday to release the detained fishermen.", "0353", "AGREE"),
        ("Chile will send food aid to the flooded region.", "033", "AGREE"),
        ("Peru said it would release the detained fishermen.", "0353", "AGREE"),
        ("Ghana is ready to resume talks with the rebels.", "036", "AGREE"),
        # threats: a threatened or announced future conflict event is THREATEN (CAMEO 13)
        ("Ecuador threatened to impose sanctions on the fishing fleet.", "1312", "THREATEN"),
        (
            "The minister said the army would extend the curfew in the port city.",
            "1323",
            "THREATEN",
        ),
        # refusals: refusing cooperation is REJECT (CAMEO 12)
        ("The army refused to release the detained journalists.", "1243", "REJECT"),
        ("The rebels declined to meet the envoy in the capital.", "125", "REJECT"),
        # demands: a demand or "must" in reported speech over cooperation is REQUEST (CAMEO 10)
        ("Nepal demanded that India release the arrested traders.", "1053", "REQUEST"),
        ("Oman said Yemen must release the seized tanker.", "1053", "REQUEST"),
        ("Oman said Yemen must be ready to release the seized tanker.", "1053", "REQUEST"),
        (
            "The unions renewed their demand that the city ease the parking rules.",
            "1051",
            "REQUEST",
        ),
        # "must" in a clause of a noun of saying, and "pushing for X (to) act" (a clause marked
        # by "for"), are demands too
        (
            "Oman issued a reminder to Yemen that it must release the seized tanker.",
            "1053",
            "REQUEST",
        ),
        ("The unions are pushing hard for the city ease the parking rules.", "1051", "REQUEST"),
        # wanting to act on an event is an intent
        ("The mayor wants to meet the striking bus drivers.", "036", "AGREE"),
    ],
)
def test_frames_recode_the_complement(nlp: Any, text: str, cameo: str, plover: str) -> None:
    events = _code(nlp, text)
    assert (cameo, plover) in _summary(events), _summary(events)
    framed = next(e for e in events if e.cameo == cameo)
    assert framed.actors, "the frame's subject is the actor"


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("Ghana is ready to resume talks with the rebels.", "intent frame: 'ready'"),
        ("Chile will send food aid to the flooded region.", "future frame: 'send'"),
        ("Oman said Yemen must release the seized tanker.", "demand frame: 'said'"),
    ],
)
def test_the_explanation_names_the_frame(nlp: Any, text: str, frame: str) -> None:
    (event,) = _code(nlp, text)
    assert event.explanation["trigger"]["frame"].startswith(frame)


def test_demand_targets_the_party_asked_to_act(nlp: Any) -> None:
    (event,) = _code(nlp, "Nepal demanded that India release the arrested traders.")
    assert ([a.code for a in event.actors], [a.code for a in event.recipients]) == (
        ["NPL"],
        ["IND"],
    )


def test_a_frame_and_its_complement_are_one_event(nlp: Any) -> None:
    events = _code(nlp, "Kenya agreed on Tuesday to release the detained fishermen.")
    assert len(events) == 1
    assert events[0].explanation["trigger"]["words"] == ["agreed", "release"]


@pytest.mark.parametrize(
    ("kind", "code", "expected"),
    [
        ("intent", "042", "036"),
        ("intent", "0874", "0356"),
        ("intent", "190", "138"),
        ("demand", "0841", "1053"),
        ("appeal", "0841", "0253"),
        ("reject", "040", "125"),
        ("threat", "0831", "130"),
        ("demand", "190", None),
    ],
)
def test_framed_code_table(kind: str, code: str, expected: str | None) -> None:
    assert framed_code(kind, code) == expected


def test_nominal_trigger_in_the_object_of_a_frame_is_its_content(nlp: Any) -> None:
    events = _code(nlp, "The bishops called for sanctions against the regime in Lima.")
    assert "SANCTION" not in {e.plover for e in events}, _summary(events)


def test_background_clause_does_not_add_an_event(nlp: Any) -> None:
    text = "Bolivia lifted the curfew in the town where two men were killed in riots last year."
    assert _summary(_code(nlp, text)) == [("0813", "RETREAT")]


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # a cause or time clause or phrase is the context of the main event
        (
            "Chile closed its northern border because of fighting between smugglers and troops.",
            "COERCE",
            "ASSAULT",
        ),
        (
            "Peru recalled its ambassador from Quito because a patrol boat had shot down "
            "a Peruvian helicopter.",
            "SANCTION",
            "ASSAULT",
        ),
        (
            "The rebels shelled the garrison in retaliation for an air raid on their camp.",
            "ASSAULT",
            "ASSAULT",
        ),
        (
            "Bolivian miners began a hunger strike in protest of the ministry's refusal to "
            "raise wages.",
            "PROTEST",
            "REJECT",
        ),
        # the reason someone cites and the content of an accusation are not events
        (
            "Hungary refused to release the detained sailors, citing strong domestic opposition.",
            "REJECT",
            "ACCUSE",
        ),
        ("The union accused the mayor of supporting the strikebreakers.", "ACCUSE", "SUPPORT"),
        # the reason for a punishment is not an event of its own
        ("A court in Lima jailed the union leader for helping the strikers.", "COERCE", "AID"),
        # what an allegation says is part of it; what someone hopes for has not happened
        (
            "The report alleged that the governor knew of the plot and that his brother "
            "helped the smugglers.",
            "ACCUSE",
            "AID",
        ),
        ("The minister said she hoped the strikers would be arrested soon.", None, "COERCE"),
        # what an attack did, and the attack a harm happened in, are the attack itself
        (
            "Rebels shelled the garrison town, killing four soldiers and wounding six.",
            "ASSAULT",
            "ASSAULT",
        ),
        ("Two guards were killed in a rocket attack on the prison.", "ASSAULT", "ASSAULT"),
        # a noun compounded into the object is part of the verb's event
        (
            "Norway suspended a military aid programme for the island's coast guard.",
            "SANCTION",
            "AID",
        ),
    ],
)
def test_context_of_the_main_event_is_not_another_event(
    nlp: Any, text: str, kept: str, dropped: str
) -> None:
    events = _code(nlp, text)
    types = [e.plover for e in events]
    assert kept in types, _summary(events)
    assert types.count(dropped) == (1 if dropped == kept else 0), _summary(events)


def test_a_demand_for_a_hostile_act_is_one_demand(nlp: Any) -> None:
    text = "The elders demanded that the port be taken away from the governor's militia."
    assert _summary(_code(nlp, text)) == [("100", "REQUEST")]


def test_a_condition_on_a_threat_is_not_an_event(nlp: Any) -> None:
    text = "The party said it will boycott the vote unless the mayor agrees to resign."
    assert [e.plover for e in _code(nlp, text)] == ["THREATEN"]


def test_a_time_clause_reports_an_event_of_its_own(nlp: Any) -> None:
    text = "Dozens were injured after riot police violently dispersed a sit-in in Quito."
    events = _code(nlp, text)
    assert [e.trigger.text for e in events] == ["dispersed"], _summary(events)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # "insist" on a wish is a demand; on a plain statement of fact it is only a statement
        ("The unions insisted that the minister withdraw the pension bill.", "REQUEST"),
        ("The unions insisted that the minister must withdraw the pension bill.", "REQUEST"),
        ("The ministry insisted that the strike had failed in most provinces.", None),
    ],
)
def test_insisting_on_a_fact_is_not_a_demand(nlp: Any, text: str, plover: str | None) -> None:
    events = _code(nlp, text)
    assert [e.plover for e in events if e.plover] == ([plover] if plover else []), _summary(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Gunmen killed four villagers near the market on Monday.", "180"),
        ("A suicide bomber killed six people at a checkpoint outside the city.", "1831"),
        ("Army troops killed three rebel fighters in the hills.", "190"),
        # the weapon named in the sentence: artillery or rockets, the air, chemical weapons
        ("Mortar rounds fired by the militia killed three farmers near the border.", "194"),
        ("Warplanes killed eleven fighters near the dam on Sunday.", "195"),
        ("Government forces attacked the suburb with chlorine gas, witnesses said.", "2041"),
        # who reports the attack, or who did it, is not who was attacked
        ("Gunmen attacked a bus station in the capital, police said.", "180"),
        ("Militants opened fire on shoppers in the market on Sunday.", "180"),
        # a clash has armed sides on both ends
        ("Boko Haram militants clashed with villagers near the market on Sunday.", "190"),
        # destroying property from the air is an air attack; by hand it stays destruction
        ("Air force jets destroyed two fuel depots near the port.", "195"),
        ("Settlers destroyed an olive grove near the village.", "1712"),
    ],
)
def test_generic_violence_is_refined_by_victims_and_weapons(
    nlp: Any, text: str, cameo: str
) -> None:
    events = [e for e in _code(nlp, text) if e.plover == "ASSAULT"]
    assert [e.cameo for e in events] == [cameo]


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake killed eight people in the mountain villages.",
        "Six workers were killed when a chemical plant exploded on Thursday.",
        "Floods destroyed hundreds of homes and 2,000 residents were evacuated.",
    ],
)
def test_disasters_are_not_political_events(nlp: Any, text: str) -> None:
    assert _code(nlp, text) == []


def test_passive_arrest_without_agent_was_made_by_police(nlp: Any) -> None:
    (event,) = _code(nlp, "Fifteen union workers were arrested at the factory gate.")
    assert event.cameo == "173"
    assert [a.code for a in event.actors] == ["COP"]
    assert "implicit agent" in event.explanation["actors"][0]["how"]


def test_killed_in_police_firing_names_the_police(nlp: Any) -> None:
    (event,) = _code(nlp, "Two protesters were killed in police firing near the station.")
    assert event.plover == "ASSAULT"
    assert {s for a in event.actors for s in a.sectors} == {"COP"}


def test_unknown_actor_keeps_the_event_and_says_so(nlp: Any) -> None:
    (event,) = _code(nlp, "Hundreds of angry fishermen demonstrated outside the harbour office.")
    assert event.plover == "PROTEST"
    assert event.actors == ()
    assert "not a known actor" in event.explanation["actors"][0]["how"]


def test_explanation_names_pattern_words_and_reasons(nlp: Any) -> None:
    (event,) = _code(nlp, "Kenya agreed on Tuesday to release the detained fishermen.")
    why = event.explanation
    assert why["trigger"]["rule"].startswith("0353.agree")
    assert why["trigger"]["dictionary_line"] > 0
    assert why["actors"][0]["code"] == "KEN"
    assert "subject" in why["actors"][0]["how"]
    assert why["modality"]
    assert "Tuesday" in why["date"]


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        # the claimant did it: a claim of responsibility
        ("The rebels claimed that they had shelled the garrison overnight.", "015", None),
        # an option under consideration, whatever the option is
        # someone else is named as the doer of a hostile act: an allegation against them
        ("Ghana claimed that the smugglers had attacked its border post.", "112", "ACCUSE"),
        ("Norway is considering sending food aid to the flooded valley.", "014", None),
        ("The cabinet is weighing imposing sanctions on the fishing fleet.", "014", None),
    ],
)
def test_claims_and_considered_options_frame_the_complement(
    nlp: Any, text: str, cameo: str, plover: str | None
) -> None:
    events = _code(nlp, text)
    assert _summary(events) == [(cameo, plover)], _summary(events)
    assert events[0].actors, "the claimant or the one considering is the actor"


def test_a_claim_about_peaceful_acts_by_others_is_not_an_allegation(nlp: Any) -> None:
    events = _code(nlp, "Chile claimed that Peru had agreed to the new border talks.")
    assert "112" not in [e.cameo for e in events], _summary(events)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # reports on ordinary crime: the police work on criminals is not political
        ("Police seized 40 kilograms of cocaine and arrested three smugglers at the port.", []),
        ("Detectives are investigating a string of bank robberies in the suburbs.", []),
        # crime words in a political report do not silence it
        (
            "Police arrested twelve opposition activists accused of fraud after the election.",
            ["173"],
        ),
        # disasters: investigating, declaring an emergency or mobilising troops to help is relief
        (
            "A flood swept through the valley. The army was mobilized to evacuate residents.",
            [],
        ),
        (
            "Wildfires raged near the coast. The governor declared a state of emergency.",
            [],
        ),
        # a car bomb is an attack, not an accident: evacuating the wounded after it is aid
        (
            "A car bomb exploded at a checkpoint. Kenyan troops evacuated the wounded.",
            ["183", "073"],
        ),
        # but a government's aid to the victims is still aid
        (
            "An earthquake struck the north. Japan sent relief supplies to the victims.",
            ["073"],
        ),
    ],
)
def test_crime_and_disaster_reports(nlp: Any, text: str, kept: list[str]) -> None:
    assert [e.cameo for e in _code(nlp, text)] == kept


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Rioters clashed with soldiers near the market on Friday.", "145"),
        ("Protesters threw stones at the police outside the court.", "145"),
        # violence the marchers denounce is not violence they did
        ("Thousands marched through the capital to denounce police violence.", "141"),
        ("Students rallied against violence in the schools.", "141"),
        # violence that was absent
        ("The farmers held a violence-free march to the ministry.", "141"),
        ("Thousands of nurses demonstrated in the capital without violence.", "141"),
        # violence by a mob or rioters is a riot
        ("An angry mob killed two cattle traders outside the village.", "145"),
        ("Rioters fought with the palace guards until dawn.", "145"),
        # a clash between armed forces stays a fight
        ("Government troops clashed with rebels near the airport.", "190"),
    ],
)
def test_protest_violence_is_what_protesters_did(nlp: Any, text: str, cameo: str) -> None:
    codes = [e.cameo for e in _code(nlp, text)]
    assert codes and codes[0] == cameo, codes


def test_getting_ready_to_act_is_not_a_promise(nlp: Any) -> None:
    events = _code(nlp, "The Kenyan president prepared to attend the summit in Addis Ababa.")
    assert [e.plover for e in events] == ["CONSULT"], _summary(events)


def test_the_subject_of_a_passive_schedule_is_the_doer(nlp: Any) -> None:
    (event,) = _code(nlp, "The Kenyan president is scheduled to attend the summit in Lagos.")
    assert event.plover == "CONSULT"
    assert [a.code for a in event.actors] == ["KENGOV"]
    assert "subject of passive 'scheduled'" in event.explanation["actors"][0]["how"]


def test_a_death_caused_by_a_nominal_event_stands_alone(nlp: Any) -> None:
    events = _code(nlp, "A detainee died as a result of torture in the provincial prison.")
    assert [e.plover for e in events] == ["ASSAULT"], _summary(events)


@pytest.mark.parametrize(
    ("text", "disaster", "crime"),
    [
        ("An earthquake struck the valley. Rescue teams searched the rubble.", "earthquake", None),
        ("Police arrested three men for robbing a bank in the capital.", None, "rob"),
        ("The ministers met in Lima to discuss the border.", None, None),
    ],
)
def test_document_checks_read_the_text_given_once(
    nlp: Any, text: str, disaster: str | None, crime: str | None
) -> None:
    doc = nlp(text)
    lowered = doc.text.lower()
    assert (disaster_document(doc, lowered), crime_document(doc, lowered)) == (disaster, crime)
    assert (disaster_document(doc), crime_document(doc)) == (disaster, crime)


@pytest.mark.parametrize(
    ("text", "dyads"),
    [
        # a joint event of several countries is one event per party, aimed at the others
        (
            "Mali, Niger and Chad met in Bamako on Monday.",
            [("MLI", ["NER", "TCD"]), ("NER", ["MLI", "TCD"]), ("TCD", ["MLI", "NER"])],
        ),
        ("Peru and Chile signed a fishing treaty.", [("PER", ["CHL"]), ("CHL", ["PER"])]),
        # a party named as the counterpart keeps one event
        ("Peru met Chile in Lima.", [("PER", ["CHL"])]),
    ],
)
def test_joint_event_is_one_event_per_party(
    nlp: Any, text: str, dyads: list[tuple[str, list[str]]]
) -> None:
    events = _code(nlp, text)
    assert sorted((e.actors[0].code, [r.code for r in e.recipients]) for e in events) == sorted(
        dyads
    )
    # distinct ids, in id order: the order the store gives back events that share a trigger
    assert [e.event_id for e in events] == sorted({e.event_id for e in events})
    for e in events:
        assert [n["code"] for n in e.explanation["actors"]] == [e.actors[0].code]
        assert [n["code"] for n in e.explanation["recipients"]] == [r.code for r in e.recipients]


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it was unaware of such agreement.",
        "Peru reported the first such attack since the war.",
    ],
)
def test_a_kind_of_event_is_not_an_event(nlp: Any, text: str) -> None:
    assert _summary(_code(nlp, text)) == []


def test_an_allegation_accuses_the_doer_it_names(nlp: Any) -> None:
    [event] = _code(nlp, "A report in Kenya alleged that Uganda armed the rebels.")
    assert (event.cameo, [r.code for r in event.recipients]) == ("112", ["UGA"])


def test_a_named_target_is_not_joined_by_the_content_s(nlp: Any) -> None:
    # what the accusation says ("alleging Bolivia armed ...") does not add to whom it accuses
    [event] = _code(nlp, "Chile accused Peru of lying by alleging that Bolivia armed the rebels.")
    assert (event.cameo[:2], [r.code for r in event.recipients]) == ("11", ["PER"])


@pytest.mark.parametrize(
    "text",
    [
        "Militants opened fire on a crowded market in the north, police said on Monday.",
        "The army clashed with rebels in the city, killing six fighters and a soldier.",
        "An attack by gunmen on a checkpoint near the border left three guards dead.",
        "Officials told reporters that troops had shelled villages the rebels held.",
    ],
)
def test_event_scope_is_the_clause_without_doers_or_source(nlp: Any, text: str) -> None:
    """The scope read from the doc's head indices holds the same words as the head's
    Token.subtree without the subtrees of the doers and of a reporting verb."""
    doc = nlp(text)
    checked = 0
    for token in doc:
        if token.pos_ not in ("VERB", "NOUN"):
            continue
        doers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        clause = token if token.pos_ == "VERB" else token.head
        if clause.dep_ == "advcl" and clause.tag_ == "VBG":
            clause = clause.head
        saying = [c for c in clause.children if c.lemma_.lower() in _SAYING and c.dep_ != "xcomp"]
        left_out = {t.i for a in (*doers, *saying) for t in a.subtree}
        expected = sorted(t.i for t in clause.subtree if t.i not in left_out)
        assert [t.i for t in _event_scope(token, doers)] == expected, token.text
        checked += 1
    assert checked >= 2
