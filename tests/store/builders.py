"""Small builders of articles and events for store, query and format tests."""

from __future__ import annotations

import datetime as dt

from thucydides.models import Actor, Article, Event, Place, Trigger
from thucydides.ontology import cameo_code

STORY = (
    "MOSCOW, Dec 28 - The defence ministers of Syria, Turkey and Russia met in Moscow on "
    "Wednesday, the first such meeting since the war in Syria began, the Russian defence ministry "
    "said. The meeting between the three ministers was held in a constructive atmosphere. The "
    "officials discussed ways to resolve the crisis, the problem of refugees and joint efforts to "
    "combat extremist groups. The heads of intelligence of Syria and Turkey also met in Moscow, "
    "according to a statement issued in Damascus on Thursday by the Syrian presidency."
)


def actor(code: str, start: int = 0) -> Actor:
    country = code[:3] if code[:3].isalpha() and code[:3] not in ("IGO", "NGO") else None
    rest = code[3:]
    sectors = tuple(rest[i : i + 3] for i in range(0, len(rest), 3))
    return Actor(code, country, sectors, None, code.lower(), start, start + len(code))


def event(
    article_id: str,
    n: int,
    cameo: str = "040",
    actors: tuple[str, ...] = ("SYRGOV", "TURGOV", "RUSGOV"),
    recipients: tuple[str, ...] = (),
    date: str | None = "2022-12-28",
    precision: str | None = "day",
    place: str | None = "Moscow",
    factual: bool = True,
) -> Event:
    code = cameo_code(cameo)
    return Event(
        event_id=f"{article_id}-e{n}",
        article_id=article_id,
        sentence_index=n,
        sentence=f"Sentence {n} of {article_id}.",
        trigger=Trigger("met", 10 * n, 10 * n + 3),
        plover=code.plover,
        plover_mode=code.plover_mode,
        plover_contexts=code.plover_contexts,
        cameo=cameo,
        cameo_root=cameo[:2],
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        actors=tuple(actor(c) for c in actors),
        recipients=tuple(actor(c) for c in recipients),
        factual=factual,
        modality="asserted" if factual else "hypothetical",
        date=date,
        date_precision=precision if date else None,
        date_text=None,
        location=None
        if place is None
        else Place(place, "RUS", None, 55.75, 37.62, 524901, "city", place, 0, 6),
        explanation={"trigger": {"rule": f"{cameo}.test"}},
    )


def article(
    article_id: str, text: str = STORY, source: str = "Wire A", day: dt.date = dt.date(2022, 12, 28)
) -> Article:
    return Article(
        id=article_id,
        text=text,
        source=source,
        published=day,
        url=f"https://example.org/{article_id}",
        origin=f"{article_id}.txt",
    )


def moscow_story(article_id: str = "a1", source: str = "Wire A") -> tuple[Article, list[Event]]:
    """One article reporting the ministers' meeting three ways and the chiefs' meeting once."""
    return article(article_id, source=source), [
        event(article_id, 0),
        event(article_id, 1, actors=(), place=None, date=None),
        event(article_id, 2, actors=("RUSGOV", "TURGOV", "SYRGOV"), place=None),
        event(article_id, 3, actors=("SYRSPY", "TURSPY")),
    ]
