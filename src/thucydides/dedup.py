"""Deduplication rules: which reports are the same event, and which articles are wire copies.

Pure functions over event records (version 1) and article texts; the store calls them in its
write path and keeps the results (docs/dedup.md explains the rules in prose).

Two reports are the **same event** when all of these hold:

1. same kind: PLOVER type (or the CAMEO root for 01/02 events), and the same ``factual`` flag;
2. compatible CAMEO codes: equal, or the same PLOVER mode (``042`` "visited" and ``043``
   "hosted" are the two sides of one visit), or one is the root's unspecified code (``040``,
   ``04``) and their Goldstein values differ by at most ``GOLDSTEIN_SLACK`` (a generic "met" can
   be the same event as "visited", never the same as "mediated" or "negotiated");
3. compatible dates: within ``DAY_SLACK`` days at day precision, the same month or year at
   coarser precision; inside one article a missing date is compatible with any date;
4. compatible places: when both are local (admin1, city or point), the same country and, when
   both are cities, the same name (a country-level place never separates two reports);
5. compatible parties, compared by country. Across articles both reports must name the same
   set of countries. Inside one article one set may contain the other ("Syria, Russia and
   Turkey" and "the defence ministers of Syria and Turkey"), and a report whose parties have
   no country ("the three officials") is compatible with any; where both name sectors for the
   same country the sectors must overlap (defence ministers ``GOV`` are not intelligence chiefs
   ``SPY``). For directed kinds (everything but CONSULT and COOPERATE) a report whose actor is
   the other's recipient, and not its actor, is a different event.

Inside one article, reports are clustered in text order; a report joins the most recently
mentioned cluster whose every member is compatible with it (complete linkage, so a vague report
cannot chain two distinct events together).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from thucydides.models import Event

GOLDSTEIN_SLACK = 2.0
DAY_SLACK = 1
SYMMETRIC_KINDS = frozenset({"CONSULT", "COOPERATE"})

SHINGLE_WORDS = 5
MINHASH_PERMUTATIONS = 64
MINHASH_BANDS = 16
NEAR_DUPLICATE_JACCARD = 0.7
MIN_SHINGLES = 40  # shorter texts are never called copies of each other: too little evidence

# MinHash with multiply-shift hashing: h_i(x) = ((a_i * x + b_i) mod 2**64) >> 32 with odd random
# 64-bit a_i, over 64-bit shingle hashes. (Multipliers much smaller than the modulus would make every
# h_i order the shingles alike, so all permutations would pick the same minimum.)
_RNG = np.random.default_rng(20221229)
_A = _RNG.integers(1, 1 << 63, size=MINHASH_PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 1 << 63, size=MINHASH_PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Report:
    """The parts of an event record that decide whether two reports are the same event."""

    kind: str
    mode: str | None
    cameo: str
    goldstein: float
    factual: bool
    date: dt.date | None
    precision: str | None
    actors: frozenset[str]
    recipients: frozenset[str]
    sectors: Mapping[str, frozenset[str]]
    place_country: str | None
    place_name: str | None
    place_precision: str | None

    @property
    def countries(self) -> frozenset[str]:
        return self.actors | self.recipients

    @property
    def countries_key(self) -> str:
        """The blocking key used to find candidate clusters across articles."""
        return "|".join(sorted(self.countries))

    @property
    def evidence(self) -> int:
        """How well-evidenced the report is; the best one represents its cluster. (The store
        computes the same score in SQL, :mod:`thucydides.store.bulk`; a test keeps them equal.)"""
        score = 2 * len(self.actors) + 2 * len(self.recipients)
        score += sum(1 for s in self.sectors.values() if s)
        score += {"day": 3, "month": 2, "year": 1}.get(self.precision or "", 0)
        score += 2 if self.place_country else 0
        score += 1 if not _generic(self.cameo) else 0
        return score


def kind_of(record: Mapping[str, Any]) -> str:
    plover = record.get("plover")
    return str(plover) if plover else f"CAMEO{str(record['cameo'])[:2]}"


def report(record: Mapping[str, Any]) -> Report:
    """The matching features of an event record (version 1)."""
    place = record.get("location") or {}
    date = record.get("date")
    return _report(
        kind_of(record),
        record.get("plover_mode"),
        str(record["cameo"]),
        float(record.get("goldstein") or 0.0),
        bool(record.get("factual", True)),
        date,
        record.get("date_precision"),
        [(a.get("country"), a.get("sectors") or ()) for a in record.get("actors") or ()],
        [(a.get("country"), a.get("sectors") or ()) for a in record.get("recipients") or ()],
        (place.get("country"), place.get("name"), place.get("precision")),
    )


def report_of_event(e: Event) -> Report:
    """The matching features of an :class:`Event` (the same as ``report(e.to_record())``)."""
    place = e.location
    return _report(
        e.plover or f"CAMEO{e.cameo[:2]}",
        e.plover_mode,
        e.cameo,
        e.goldstein,
        e.factual,
        e.date,
        e.date_precision,
        [(a.country, a.sectors) for a in e.actors],
        [(a.country, a.sectors) for a in e.recipients],
        (place.country, place.name, place.precision) if place else (None, None, None),
    )


def _report(
    kind: str,
    mode: str | None,
    cameo: str,
    goldstein: float,
    factual: bool,
    date: str | None,
    precision: str | None,
    actors: Iterable[tuple[str | None, Iterable[str]]],
    recipients: Iterable[tuple[str | None, Iterable[str]]],
    place: tuple[str | None, str | None, str | None],
) -> Report:
    sectors: dict[str, set[str]] = {}
    found: list[set[str]] = [set(), set()]
    for i, parties in enumerate((actors, recipients)):
        for country, its_sectors in parties:
            if country:
                found[i].add(country)
                sectors.setdefault(country, set()).update(its_sectors)
    return Report(
        kind=kind,
        mode=mode,
        cameo=cameo,
        goldstein=goldstein,
        factual=factual,
        date=dt.date.fromisoformat(date) if date else None,
        precision=precision,
        actors=frozenset(found[0]),
        recipients=frozenset(found[1]),
        sectors={k: frozenset(v) for k, v in sectors.items()},
        place_country=place[0],
        place_name=place[1],
        place_precision=place[2],
    )


def _generic(cameo: str) -> bool:
    return len(cameo) == 2 or (len(cameo) == 3 and cameo.endswith("0"))


def cameo_compatible(a: Report, b: Report) -> bool:
    if a.cameo == b.cameo or (a.mode is not None and a.mode == b.mode):
        return True
    if a.cameo[:2] != b.cameo[:2] or not (_generic(a.cameo) or _generic(b.cameo)):
        return False
    return abs(a.goldstein - b.goldstein) <= GOLDSTEIN_SLACK


def dates_compatible(a: Report, b: Report, *, same_article: bool) -> bool:
    if a.date is None or b.date is None:
        return same_article
    coarse = {a.precision, b.precision} - {"day"}
    if "year" in coarse:
        return a.date.year == b.date.year
    if "month" in coarse:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return abs((a.date - b.date).days) <= DAY_SLACK


_LOCAL = frozenset({"admin1", "city", "point"})


def places_compatible(a: Report, b: Report) -> bool:
    """Only two local places (admin1, city, point) can tell events apart: a country-level place
    is too vague (and too often the country an actor is from) to separate two reports."""
    if a.place_precision not in _LOCAL or b.place_precision not in _LOCAL:
        return True
    if a.place_country != b.place_country:
        return False
    cities = {a.place_precision, b.place_precision} <= {"city", "point"}
    return not cities or a.place_name == b.place_name


def _sets_compatible(a: frozenset[str], b: frozenset[str], *, same_article: bool) -> bool:
    if not a or not b:
        return same_article
    return a == b or (same_article and (a <= b or b <= a))


def parties_compatible(a: Report, b: Report, *, same_article: bool) -> bool:
    for country in a.sectors.keys() & b.sectors.keys():
        sa, sb = a.sectors[country], b.sectors[country]
        if sa and sb and not sa & sb:
            return False
    if a.kind in SYMMETRIC_KINDS:
        if not a.countries or not b.countries:
            return same_article
        return _sets_compatible(a.countries, b.countries, same_article=same_article)
    if a.actors & b.recipients and not a.actors & b.actors:
        return False  # the roles are reversed: a different event
    if same_article:
        return all(
            _sets_compatible(x, y, same_article=True)
            for x, y in ((a.actors, b.actors), (a.recipients, b.recipients))
        )
    return a.countries == b.countries and bool(a.countries)


def same_event(a: Report, b: Report, *, same_article: bool) -> bool:
    """The matching rule (module docstring): are ``a`` and ``b`` reports of one event?"""
    return (
        a.kind == b.kind
        and a.factual == b.factual
        and cameo_compatible(a, b)
        and dates_compatible(a, b, same_article=same_article)
        and places_compatible(a, b)
        and parties_compatible(a, b, same_article=same_article)
    )


def cluster_article(reports: Sequence[Report]) -> list[int]:
    """For reports of one article in text order: the index of each report's cluster founder."""
    clusters: list[list[int]] = []
    founder: list[int] = []
    for i, r in enumerate(reports):
        chosen: list[int] | None = None
        for members in sorted(clusters, key=lambda m: m[-1], reverse=True):
            if all(same_event(reports[j], r, same_article=True) for j in members):
                chosen = members
                break
        if chosen is None:
            chosen = []
            clusters.append(chosen)
        chosen.append(i)
        founder.append(chosen[0])
    return founder


def cluster_events(events: Sequence[Event]) -> list[int]:
    """:func:`cluster_article` for the events of one article in text order, computing the
    matching features only where they can matter: reports of different kinds or ``factual``
    flags are never the same event, so each (kind, factual) group is clustered on its own and
    a group of one report is its own cluster. Gives the same founders as
    ``cluster_article([report_of_event(e) for e in events])``."""
    groups: dict[tuple[str, bool], list[int]] = {}
    for i, e in enumerate(events):
        groups.setdefault((e.plover or f"CAMEO{e.cameo[:2]}", e.factual), []).append(i)
    founder = list(range(len(events)))
    for members in groups.values():
        if len(members) > 1:
            found = cluster_article([report_of_event(events[i]) for i in members])
            for i, f in zip(members, found, strict=True):
                founder[i] = members[f]
    return founder


# -- near-duplicate articles -------------------------------------------------------------------


# A word is a run of alphanumeric characters (``\w`` is exactly ``str.isalnum`` plus "_").
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``: runs of alphanumeric characters, each character
    lower-cased on its own (a capital sigma becomes "σ", never the word-final "ς")."""
    return " ".join(_WORD.findall(text)).replace("\u03a3", "\u03c3").lower().split()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    found = words(text)
    return set(map(" ".join, zip(*(found[i:] for i in range(k)), strict=False)))


def minhash(text: str) -> np.ndarray[Any, np.dtype[np.uint64]] | None:
    """The MinHash signature of the text's word 5-shingles, or None for a too-short text."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    # each shingle's 8-byte BLAKE2b digest read as a little-endian 64-bit integer, in one pass
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in found)
    x = np.frombuffer(digests, dtype="<u8").astype(np.uint64)
    hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)  # wraps mod 2**64
    result: np.ndarray[Any, np.dtype[np.uint64]] = hashed.min(axis=0)
    return result


def bands(signature: np.ndarray[Any, np.dtype[np.uint64]]) -> list[int]:
    """Locality-sensitive band hashes: copies share at least one band with high probability."""
    rows = MINHASH_PERMUTATIONS // MINHASH_BANDS
    return [
        zlib.crc32(signature[i * rows : (i + 1) * rows].tobytes()) for i in range(MINHASH_BANDS)
    ]


def estimated_jaccard(a: bytes, b: bytes) -> float:
    sa = np.frombuffer(a, dtype=np.uint64)
    sb = np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(sa == sb))


def evidence_of(records: Iterable[Mapping[str, Any]]) -> list[int]:
    return [report(r).evidence for r in records]
