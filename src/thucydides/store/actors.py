"""Reading the actors of stored events back, for curation (``thucydides actors suggest``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass

from thucydides.store.store import Store

__all__ = ["ActorNote", "actor_notes"]


@dataclass(frozen=True, slots=True)
class ActorNote:
    """One actor (or unresolved argument) of one stored event, as its explanation records it."""

    article_id: str
    published: dt.date | None
    sentence: str
    role: str  # "actors" | "recipients"
    code: str | None  # None: the words named no known actor
    name: str | None
    text: str
    how: str


def actor_notes(store: Store) -> Iterator[ActorNote]:
    """Every actor note in the explanations of the stored events, in article order."""
    rows = store.sql(
        "SELECT e.article_id, a.published, e.sentence, e.explanation FROM events e "
        "LEFT JOIN articles a ON a.article_id = e.article_id "
        "ORDER BY e.article_id, e.sentence_index"
    )
    for article_id, published, sentence, explanation in rows:
        data = json.loads(explanation) if isinstance(explanation, str) else explanation or {}
        for role in ("actors", "recipients"):
            for note in data.get(role) or ():
                if not isinstance(note, dict):
                    continue
                yield ActorNote(
                    article_id=str(article_id),
                    published=published,
                    sentence=str(sentence or ""),
                    role=role,
                    code=note.get("code"),
                    name=note.get("name"),
                    text=str(note.get("text") or ""),
                    how=str(note.get("how") or ""),
                )
