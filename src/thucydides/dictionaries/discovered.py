"""Names the dictionaries do not know yet, found in coded articles: for curation and reuse.

Two kinds come out of the stored events' explanations (:func:`suggest`):

* **discovered**: a person or organisation the dictionaries do not know, whose country and sector
  the article gave by a title or an apposition ("Syria's defence minister Jane Roe") — with the
  codes it got and the first and last dates it was seen;
* **unresolved**: capitalised words in an argument that resolved to nothing ("the Azadliq bloc").

:func:`write_discovered` writes the discovered people as rows of a ``people.csv`` (start = the
first date seen, role = "seen in text"), into a folder that ``$THUCYDIDES_ACTORS`` adds to the
knowledge base, so later articles that name them without a title resolve them too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from thucydides.dictionaries.actors import CAMEO_SECTORS, ActorDictionary

__all__ = ["Suggestion", "suggest", "write_discovered"]


class Note(Protocol):
    """An actor note of a stored event (thucydides.store.actors.ActorNote)."""

    @property
    def published(self) -> dt.date | None: ...
    @property
    def sentence(self) -> str: ...
    @property
    def code(self) -> str | None: ...
    @property
    def name(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def how(self) -> str: ...


@dataclass(slots=True)
class Suggestion:
    name: str
    kind: str  # "discovered" | "unresolved"
    count: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    contexts: list[str] = field(default_factory=list)

    def add(self, note: Note) -> None:
        self.count += 1
        if note.code:
            self.codes[note.code] += 1
        day = note.published
        if day is not None:
            self.first_seen = min(self.first_seen or day, day)
            self.last_seen = max(self.last_seen or day, day)
        if len(self.contexts) < 3 and note.sentence not in self.contexts:
            self.contexts.append(note.sentence)


def suggest(
    notes: Iterable[Note], dictionary: ActorDictionary, *, min_count: int = 1
) -> list[Suggestion]:
    """Names worth adding to the dictionaries, most frequent first."""
    found: dict[tuple[str, str], Suggestion] = {}
    for note in notes:
        if "coreference:" in note.how:
            continue  # counted where the name itself was written
        if note.code is None:
            if not note.how.endswith("unknown name"):
                continue
            short_acronym = note.text.isupper() and len(note.text) < 3
            if short_acronym or not any(c.isupper() for c in note.text):
                continue
            key = ("unresolved", note.text)
        elif note.name and dictionary.lookup(note.name) is None:
            key = ("discovered", note.name)
        else:
            continue
        found.setdefault(key, Suggestion(key[1], key[0])).add(note)
    kept = [s for s in found.values() if s.count >= min_count]
    return sorted(kept, key=lambda s: (-s.count, s.kind, s.name))


def write_discovered(
    suggestions: Iterable[Suggestion], dictionary: ActorDictionary, folder: Path
) -> tuple[Path, int]:
    """Append the discovered people (with a country and sectors) to ``folder/people.csv``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "people.csv"
    rows = []
    for s in suggestions:
        if s.kind != "discovered" or not s.codes or s.first_seen is None:
            continue
        code = s.codes.most_common(1)[0][0]
        country, rest = code[:3], code[3:]
        sectors = [rest[i : i + 3] for i in range(0, len(rest), 3)]
        if country not in dictionary.countries or not sectors:
            continue
        if any(x not in CAMEO_SECTORS for x in sectors):
            continue
        rows.append([s.name, "", country, "|".join(sectors), "seen in text", s.first_seen, ""])
    buffer = io.StringIO()
    if not path.exists():
        buffer.write(
            "# People discovered in coded articles by `thucydides actors suggest --write`.\n"
            "# start is the first date the role was seen, not when it began; check and edit.\n"
        )
        csv.writer(buffer, lineterminator="\n").writerow(
            ["name", "aliases", "country", "sectors", "role", "start", "end"]
        )
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([str(v) for v in row])
    with path.open("a", encoding="utf-8") as handle:
        handle.write(buffer.getvalue())
    return path, len(rows)
