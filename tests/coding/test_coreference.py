"""ArticleActors: within-article coreference over real parses of an article written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from thucydides.coding.coreference import ArticleActors

pytestmark = pytest.mark.slow

ARTICLE = (
    "Turkish President Recep Tayyip Erdogan met Syria's defence minister Ali Mahmoud Abbas and "
    "Russia's Sergei Shoigu in Ankara on Monday. "
    "Mr Erdogan said he wanted the talks to continue. "
    "Abbas said his country was ready. "
    "The three officials agreed to meet again in January. "
    "They also discussed the return of refugees. "
    "The PKK rejected the talks. "
    "The group said it would fight on. "
    "Russia's defence ministry welcomed the meeting. "
    "The ministry called for calm. "
    "Iraq said it would send observers. "
    "Chad's new defence minister Jane Roe arrived in Niger on Tuesday. "
    "Roe praised the army."
)
WHEN = dt.date(2022, 12, 29)


@pytest.fixture(scope="module")
def article(nlp: Any) -> tuple[Any, ArticleActors]:
    doc = nlp(ARTICLE)
    return doc, ArticleActors(doc, when=WHEN)


def _token(doc: Any, sentence: int, word: str) -> Any:
    sent = list(doc.sents)[sentence]
    found = [t for t in sent if t.text == word]
    assert found, f"{word!r} not in sentence {sentence}: {sent.text!r}"
    return found[0]


# sentence index, word, expected codes, expected names (None: don't check)
CASES: list[tuple[int, str, list[str], list[str | None] | None]] = [
    (1, "Erdogan", ["TURGOV"], ["Recep Tayyip Erdogan"]),  # surname with honorific
    (1, "he", ["TURGOV"], ["Recep Tayyip Erdogan"]),  # pronoun -> subject before it
    # the article's Ali Mahmoud Abbas (SYR), not the dictionary's Mahmoud Abbas (PSE)
    (2, "Abbas", ["SYRGOV"], ["Ali Mahmoud Abbas"]),
    (2, "his", ["SYRGOV"], ["Ali Mahmoud Abbas"]),
    # a number of officials -> the latest mention of exactly that many actors
    (3, "officials", ["TURGOV", "SYRGOV", "RUSGOV"], None),
    (4, "They", ["TURGOV", "SYRGOV", "RUSGOV"], None),  # "they" -> the earlier subject
    (6, "group", ["TURREB"], None),  # "the group" -> the latest named group
    (6, "it", ["TURREB"], None),
    (8, "ministry", ["RUSGOV"], None),  # "the ministry" -> the latest government actor
    (9, "it", ["IRQ"], None),  # "it" -> the country that is the subject before it
    # a person the dictionaries do not know: the apposition gives country and sector, and a
    # later surname finds them
    (11, "Roe", ["TCDGOV"], ["Jane Roe"]),
]


@pytest.mark.parametrize(("sentence", "word", "codes", "names"), CASES)
def test_coreference(
    article: tuple[Any, ArticleActors],
    sentence: int,
    word: str,
    codes: list[str],
    names: list[str | None] | None,
) -> None:
    doc, actors = article
    token = _token(doc, sentence, word)
    found = actors.resolve(token)
    assert sorted(r.actor.code for r in found) == sorted(codes)
    if names is not None:
        assert [r.actor.name for r in found] == names
    for r in found:
        assert doc.text[r.actor.start : r.actor.end] == r.actor.text
        assert token.idx >= r.actor.start  # the words of this mention, not the antecedent's


def test_the_chain_is_explained(article: tuple[Any, ArticleActors]) -> None:
    doc, actors = article
    [he] = actors.resolve(_token(doc, 1, "he"))
    assert he.how.startswith("coreference: 'he' -> 'Recep Tayyip Erdogan' (person people.csv:")
    officials = actors.resolve(_token(doc, 3, "officials"))
    assert all(r.how.startswith("coreference: 'three officials' -> ") for r in officials)
    # a chain of chains keeps only the first link's reason, not nested ones
    they = actors.resolve(_token(doc, 4, "They"))
    assert all(r.how.count("coreference:") == 1 for r in they)


def test_direct_mentions_keep_their_dictionary_reason(article: tuple[Any, ArticleActors]) -> None:
    doc, actors = article
    [shoigu] = [r for r in actors.resolve(_token(doc, 0, "Erdogan")) if r.actor.name]
    assert shoigu.how.startswith("person people.csv:")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It rained all day in the capital.", "It"),  # nothing before it
        ("Officials said the road was closed.", "Officials"),  # no antecedent: stays as is
    ],
)
def test_no_antecedent(nlp: Any, text: str, word: str) -> None:
    doc = nlp(text)
    actors = ArticleActors(doc)
    token = next(t for t in doc if t.text == word)
    assert all(r.actor.code.startswith("---") for r in actors.resolve(token))


SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-article.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/examples/seed-article.txt not present")
def test_running_example(nlp: Any) -> None:
    """The project's running example (read, not copied): the actors its expected coding names."""
    doc = nlp(SEED.read_text(encoding="utf-8"))
    actors = ArticleActors(doc, when=dt.date(2022, 12, 29))
    found = {
        (r.actor.name or r.actor.text): r.actor.code for m in actors.mentions for r in m.resolutions
    }
    assert found["Sergei Shoigu"] == "RUSGOV"
    assert found["Hulusi Akar"] == "TURGOV"
    assert found["Ali Mahmoud Abbas"] == "SYRGOV"
    assert found["Ankara"] == "TURGOV"
    assert found["Kurdish militants"] == "KURREB"
    assert found["Syrian Democratic Forces"] == "SYRREB"
    three = actors.resolve(next(t for t in doc if t.text == "officials"))
    assert sorted(r.actor.name or "" for r in three) == [
        "Ali Mahmoud Abbas",
        "Hulusi Akar",
        "Sergei Shoigu",
    ]


def _answers(actors: ArticleActors, tokens: list[Any]) -> dict[int, list[tuple[Any, ...]]]:
    return {
        t.i: [(r.actor.code, r.actor.name, r.actor.text, r.how) for r in actors.resolve(t)]
        for t in tokens
    }


@pytest.mark.parametrize("order", ["forward", "backward", "mentions first"])
def test_the_order_of_questions_does_not_change_the_answers(nlp: Any, order: str) -> None:
    """Mentions are resolved lazily, when a question needs them: any order of questions gives
    the answers of reading the whole article first."""
    doc = nlp(ARTICLE)
    tokens = list(doc)
    expected = ArticleActors(doc, when=WHEN)
    expected.mentions  # noqa: B018 - reads the whole article, in order
    actors = ArticleActors(doc, when=WHEN)
    if order == "mentions first":
        actors.mentions  # noqa: B018
    asked = tokens if order != "backward" else tokens[::-1]
    assert _answers(actors, asked) == _answers(expected, tokens)
    assert [m.resolutions for m in actors.mentions] == [m.resolutions for m in expected.mentions]


@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The index of every word the coreference resolver is asked about, in order."""
    from thucydides.coding import coreference

    calls: list[int] = []
    direct = coreference.resolve

    def counting(head: Any, **kwargs: Any) -> Any:
        calls.append(head.i)
        return direct(head, **kwargs)

    monkeypatch.setattr(coreference, "resolve", counting)
    return calls


def test_a_question_resolves_only_what_it_needs(nlp: Any, looked_up: list[int]) -> None:
    doc = nlp(ARTICLE)
    actors = ArticleActors(doc, when=WHEN)
    erdogan = _token(doc, 0, "Erdogan")
    assert [r.actor.code for r in actors.resolve(erdogan)] == ["TURGOV"]
    assert looked_up and max(looked_up) <= erdogan.i  # nothing after the word asked about
    looked_up.clear()
    actors.resolve(erdogan)
    assert looked_up == []  # each mention is resolved once


def test_long_chains_of_look_backs(nlp: Any) -> None:
    """A pronoun at the end of a long article, asked about first, looks back through hundreds of
    mentions that each look back in turn: answered without running out of stack, and the same
    as when the article is read in order."""
    text = "Recep Tayyip Erdogan met Vladimir Putin in Ankara. " + (
        "He said the talks with the ministers had gone well. " * 250
    )
    doc = nlp(text)
    last_he = [t for t in doc if t.text == "He"][-1]
    lazy = ArticleActors(doc, when=WHEN)
    first = _answers(lazy, [last_he])
    in_order = ArticleActors(doc, when=WHEN)
    in_order.mentions  # noqa: B018
    assert first == _answers(in_order, [last_he])
    assert [code for code, *_ in first[last_he.i]] == ["TURGOV"]


@pytest.mark.parametrize(
    ("text", "asked", "passed"),
    [
        # "he" and the surname look back for one person: the plural words between are passed
        (
            "Turkish President Recep Tayyip Erdogan met Russian officials in Ankara. "
            "Erdogan said he was pleased.",
            "he",
            "officials",
        ),
        # "it" looks back for one country or organisation: "observers" is passed
        ("Iraq welcomed the observers. It said the vote was fair.", "It", "observers"),
    ],
)
def test_singular_look_backs_pass_plural_words(
    nlp: Any, looked_up: list[int], text: str, asked: str, passed: str
) -> None:
    """A mention headed by a plural word is plural whatever it resolves to, so the look-backs
    for one person or one country pass it without resolving it; the answer is the one of
    reading the article in order."""
    doc = nlp(text)
    token = [t for t in doc if t.text == asked][-1]
    plural = next(t for t in doc if t.text == passed)
    lazy = ArticleActors(doc, when=WHEN)
    answer = _answers(lazy, [token])
    assert answer[token.i], f"{asked!r} should resolve to an earlier mention"
    assert plural.i not in looked_up
    in_order = ArticleActors(doc, when=WHEN)
    in_order.mentions  # noqa: B018 - reads the whole article, in order
    assert answer == _answers(in_order, [token])
