"""Argument heads of triggers in the dependency parse, with the reason each was chosen."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.coding.arguments import nominal_actors, patients_of, recipients_of, subjects_of


def _token(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "heads", "how"),
    [
        ("Kenya expelled two diplomats.", "expelled", ["Kenya"], "subject of"),
        ("The envoy was expelled by Kenya.", "expelled", ["Kenya"], "agent of passive"),
        ("Kenya agreed to expel the envoy.", "expel", ["Kenya"], "via 'agreed'"),
        ("Ghana is ready to resume talks.", "resume", ["Ghana"], "via 'ready'"),
        ("Uganda urged Kenya to expel the envoy.", "expel", ["Kenya"], "controls"),
        ("Kenya met and thanked the envoy.", "thanked", ["Kenya"], "conjunction"),
        ("Two men were killed in police firing.", "killed", ["police"], "cause of"),
        ("Two men died in an army raid.", "died", ["army"], "cause of"),
    ],
)
def test_subjects_of(nlp: Any, text: str, word: str, heads: list[str], how: str) -> None:
    found = subjects_of(_token(nlp, text, word))
    assert [h.text for h, _ in found] == heads
    assert how in found[0][1]


@pytest.mark.parametrize(
    ("text", "word", "heads"),
    [
        ("Three students were arrested in the capital.", "arrested", ["students"]),
        ("Three students died in police firing.", "died", ["students"]),
        ("Kenya expelled two diplomats.", "expelled", []),
    ],
)
def test_patients_of(nlp: Any, text: str, word: str, heads: list[str]) -> None:
    assert [h.text for h, _ in patients_of(_token(nlp, text, word))] == heads


@pytest.mark.parametrize(
    ("text", "word", "heads"),
    [
        ("Russia's attack on the port angered Kyiv.", "attack", ["Russia"]),
        # the head of "Chad and Sudan"; the actor resolver expands the conjunction
        ("Talks between Chad and Sudan resumed.", "Talks", ["Chad"]),
        ("An attack by militants killed six.", "attack", ["militants"]),
        ("Nigeria launched an offensive in the north.", "offensive", ["Nigeria"]),
    ],
)
def test_nominal_actors(nlp: Any, text: str, word: str, heads: list[str]) -> None:
    assert sorted(h.text for h, _ in nominal_actors(_token(nlp, text, word))) == sorted(heads)


def _recipients(nlp: Any, text: str, word: str) -> list[tuple[str, str]]:
    head = _token(nlp, text, word)
    nominal = head.pos_ == "NOUN"
    return [(h.text, how) for h, how in recipients_of([head], ("dobj",), {head.i}, nominal=nominal)]


@pytest.mark.parametrize(
    ("text", "word", "heads", "how"),
    [
        ("Kenya expelled two Ugandan diplomats.", "expelled", ["diplomats"], "object of"),
        ("Kenya threatened further action against Uganda.", "threatened", ["Uganda"], "'against'"),
        ("Ghana offered to hand over two suspects to Togo.", "offered", ["Togo"], "'to' after"),
        ("Norway gave Malawi a grant.", "gave", ["Malawi"], "of 'gave'"),
        ("Chile will support Peru's efforts.", "support", ["Peru"], "owner of 'efforts'"),
        ("Britain mobilized reservists for a war against Iraq.", "mobilized", ["Iraq"], "within"),
        ("Riots against Israeli policies continued.", "Riots", ["Israeli"], "owner of"),
        ("Chad insisted that Sudan withdraw its troops.", "insisted", ["Sudan"], "asks for"),
        # whom an allegation accuses: the doers of what it alleges, in each joined clause
        (
            "The inquiry alleged that Malian soldiers shot the men.",
            "alleged",
            ["soldiers"],
            "alleges",
        ),
        (
            "The inquiry alleged that Mali knew of the plan and that its army helped.",
            "alleged",
            ["Mali", "army"],
            "which 'alleged' alleges",
        ),
        # ... not who suffered it
        ("The inquiry alleged that civilians were shot.", "alleged", [], ""),
        # a clause after a verb of saying is not aimed at anyone
        ("Kenya warned that Nairobi would respond.", "warned", [], ""),
        # a date after "on" is no party
        ("Kenya protested on Monday.", "protested", [], ""),
        # the party of an "of" after the object: "the rights of X", "the withdrawal of Y from Z"
        ("Chile defended the rights of Peruvian workers.", "defended", ["workers"], "'of' after"),
        (
            "Kenya sped up the withdrawal of troops from Somalia.",
            "withdrawal",
            ["Somalia"],
            "'from'",
        ),
        # ... but not of a venue
        ("The envoys met on the sidelines of the Arab League summit.", "met", [], ""),
        # who did the deed the trigger is about
        (
            "Peru is investigating abuses committed by Bolivian guards.",
            "investigating",
            ["guards"],
            "doer of 'abuses'",
        ),
        # the object of a verb the trigger governs, named or with a name before it
        ("Chad refused to allow Libyan planes to land.", "refused", ["planes"], "after 'allow'"),
        ("Mali refused to recognise Azawad.", "refused", ["Azawad"], "object of 'recognise'"),
        # who must act to avert a threat; whom a demand is made of
        (
            "Mali threatened a strike unless Niger reopened the border.",
            "threatened",
            ["Niger"],
            "the condition of",
        ),
        (
            "Togo insisted on its demand that Benin free the men.",
            "insisted",
            ["Benin"],
            "the content of 'demand'",
        ),
    ],
)
def test_recipients_of(nlp: Any, text: str, word: str, heads: list[str], how: str) -> None:
    found = _recipients(nlp, text, word)
    assert [h for h, _ in found] == heads
    if heads:
        assert how in found[0][1]


@pytest.mark.parametrize(
    ("text", "words", "heads", "how"),
    [
        # a party among the trigger words is acted on itself
        (
            "Turkey will allow Syrian refugees to return.",
            ["allow", "refugees"],
            ["refugees"],
            "is a party",
        ),
        # the party of an "of" after an object in the trigger
        (
            "Serbia demanded a meeting of the Security Council.",
            ["demanded", "meeting"],
            ["Council"],
            "'of' after 'meeting'",
        ),
        # "between" names those a mediator acts on
        (
            "Qatar began a mediation between Hamas and Israel.",
            ["began", "mediation"],
            ["Hamas"],  # the resolver adds the conjuncts
            "'between'",
        ),
    ],
)
def test_recipients_of_a_trigger_with_its_object(
    nlp: Any, text: str, words: list[str], heads: list[str], how: str
) -> None:
    doc = nlp(text)
    tokens = [next(t for t in doc if t.text == w) for w in words]
    found = recipients_of(tokens, ("dobj",), {t.i for t in tokens}, nominal=False)
    assert [h.text for h, _ in found] == heads
    assert how in found[0][1]


def test_statement_speaks_for_its_author(nlp: Any) -> None:
    found = subjects_of(
        _token(nlp, "The union issued a statement demanding higher pay.", "demanding")
    )
    assert [h.text for h, _ in found] == ["union"]
    assert "author of 'statement'" in found[0][1]


def test_indirect_object_whatever_the_entry_names(nlp: Any) -> None:
    head = _token(nlp, "Norway gave Malawi a grant.", "gave")
    found = recipients_of([head], ("prep:to",), {head.i}, nominal=False)
    assert [(h.text, how) for h, how in found] == [("Malawi", "indirect object of 'gave'")]


@pytest.mark.parametrize(
    ("text", "word", "heads", "how"),
    [
        ("Uganda called on Kenya to expel the envoy.", "expel", ["Kenya"], "controls"),
        ("Congo accused Rwanda of sending troops.", "sending", ["Rwanda"], "said to be"),
    ],
)
def test_subjects_named_as_objects(
    nlp: Any, text: str, word: str, heads: list[str], how: str
) -> None:
    found = subjects_of(_token(nlp, text, word))
    assert [h.text for h, _ in found] == heads
    assert how in found[0][1]
