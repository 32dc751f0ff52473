"""Event dates resolved against the publication date, with precision.

``find_date_expressions(text)`` scans a sentence for date words in one pass of one compiled regex;
``resolve_date(sentence, published, tense=...)`` picks one expression and turns it into a
``DateResolution``: an ISO date, its precision (``day``, ``month`` or ``year``), the words it came
from and the reason. Historical references ("since 2011", "in the 1990s", "for decades") are
flagged and not dated; a sentence without a date expression is dated to the publication day when
it reports in the present tense, else to the publication month (see ``docs/dates.md``).
The rules, with examples, are in ``docs/dates.md``. Pure Python; spaCy only through duck typing
in :func:`resolve_span_date` and :func:`tense_of`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Any, Final

__all__ = [
    "DateExpression",
    "DateResolution",
    "find_date_expressions",
    "resolve_date",
    "resolve_expression",
    "resolve_span_date",
    "tense_of",
]

Span = Any  # spacy.tokens.Span
Token = Any  # spacy.tokens.Token

_PRECISION_RANK: Final = {"day": 3, "month": 2, "year": 1}
_MONTHS: Final = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_FULL_MONTHS: Final = frozenset(list(_MONTHS)[:12])
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SMALL_NUMBERS: Final = {
    w: i + 1
    for i, w in enumerate(
        (
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        )
    )
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_VAGUE_NUMBERS: Final = {"a couple of": 2, "a few": 3, "few": 3, "several": 3, "many": None}
_UNITS: Final = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
_LONG_UNITS: Final = frozenset({"month", "year", "decade", "century"})
_DAY_WORDS: Final = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
_ANCHORS: Final = {
    "last": -1,
    "this": 0,
    "next": 1,
    "past": -1,
    "this past": -1,
    "coming": 1,
    "this coming": 1,
}
_BOUND_PREPS: Final = frozenset({"since", "before", "until", "till", "from", "after", "through"})

# ---------------------------------------------------------------- the scanner (one regex)


def _prep(name: str) -> str:
    return (
        rf"(?:(?P<{name}_prep>(?i:on|in|since|by|until|till|through|during|from|before|"
        rf"after|throughout|of|as\s+of))\s+)?"
    )


_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
_MONTH_ANY = rf"(?:{_MONTH_NAME}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_POSS = r"['’]s"
_NUM = (
    r"(?i:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?!\w))?|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|"
    r"five|six|seven|eight|nine|a\s+couple\s+of|a\s+few|a\s+dozen|several|many|few|an|a)"
)
_UNIT = r"(?i:days?|weeks?|months?|years?|decades?|century|centuries)"
_PART = r"(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)(?:\s+of)?)"

_ALTERNATIVES = [
    rf"(?P<iso>{_prep('iso')}(?P<iso_y>{_YEAR})-(?P<iso_m>1[0-2]|0?[1-9])-"
    rf"(?P<iso_d>[12]\d|3[01]|0?[1-9])(?!\d))",
    rf"(?P<num>{_prep('num')}(?P<num_a>\d\d?)/(?P<num_b>\d\d?)/(?P<num_y>\d\d(?:\d\d)?)(?!\d))",
    rf"(?P<md>{_prep('md')}(?:(?P<md_wd>{_WEEKDAY}),?\s+)?(?P<md_mon>{_MONTH_ANY})\s+"
    rf"(?P<md_day>{_DAYNUM})(?:,?\s+(?P<md_year>{_YEAR})(?!\d))?(?P<md_poss>{_POSS})?(?!\w))",
    rf"(?P<dm>{_prep('dm')}(?:(?P<dm_wd>{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<dm_day>{_DAYNUM})"
    rf"\s+(?:(?i:of)\s+)?(?P<dm_mon>{_MONTH_ANY})(?:,?\s+(?P<dm_year>{_YEAR})(?!\d))?"
    rf"(?P<dm_poss>{_POSS})?(?!\w))",
    rf"(?P<wd>{_prep('wd')}(?:(?P<wd_q>(?i:late|early))\s+(?:(?i:on)\s+)?)?"
    rf"(?:(?P<wd_anchor>(?i:this\s+past|this\s+coming|last|this|next|past|coming))\s+)?"
    rf"(?P<wd_name>{_WEEKDAY})(?P<wd_poss>{_POSS})?"
    rf"(?:\s+(?i:morning|afternoon|evening|night))?"
    rf"(?:,?\s+(?P<wd_week>(?i:last|this|next))\s+(?i:week))?(?!\w))",
    r"(?P<dw>(?:(?i:late|early|earlier|later)\s+)?(?P<dw_word>(?i:the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|this\s+morning|"
    rf"this\s+afternoon|this\s+evening|last\s+night))(?P<dw_poss>{_POSS})?(?!\w))",
    r"(?P<rp>(?<![Tt]he\s)(?:(?P<rp_q>(?i:earlier|later|early|late))\s+(?:(?i:in)\s+)?)?"
    r"(?P<rp_anchor>(?i:last|this|next))\s+(?P<rp_unit>(?i:week|month|year))"
    rf"(?P<rp_poss>{_POSS})?(?!\w))",
    r"(?P<rq>(?P<rq_q>(?i:earlier|later))\s+(?i:in\s+the)\s+(?P<rq_unit>(?i:week|month|year))"
    r"(?!\w))",
    r"(?P<ago>(?<!-)(?:(?P<ago_approx>(?i:about|around|nearly|almost|more\s+than|over|some|"
    rf"roughly|less\s+than|just|only))\s+)?(?P<ago_n>{_NUM})\s+(?P<ago_unit>{_UNIT})\s+"
    r"(?i:ago)(?!\w))",
    r"(?P<sp>(?P<sp_prep>(?i:in|within|for|over|during|after))\s+"
    r"(?:(?P<sp_dir>(?i:(?:the\s+)?(?:past|last|next|coming|previous)))\s+)?"
    rf"(?:(?P<sp_n>{_NUM})\s+)?(?P<sp_unit>{_UNIT})(?!\w))",
    r"(?P<hist>(?i:in\s+recent\s+(?:years|decades|months|times)|(?:many\s+)?(?:decades|"
    r"centuries|generations|years)\s+ago|long\s+ago|for\s+(?:many\s+)?generations|"
    r"for\s+a\s+long\s+time|in\s+the\s+past)(?!\w))",
    rf"(?P<dec>{_prep('dec')}(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?"
    r"(?P<dec_y>(?:1[89]|20)\d0|['’]\d0)s(?!\w))",
    rf"(?P<mo>{_prep('mo')}(?:(?P<mo_anchor>(?i:last|this|next))\s+)?(?:(?P<mo_q>{_PART})[\s-]+)?"
    rf"(?P<mo_name>{_MONTH_ANY})(?!\w)(?:,?\s+(?P<mo_year>{_YEAR})(?![\w/-])|"
    r",?\s+(?:(?i:of)\s+)?(?P<mo_rel>(?i:last|this|next))\s+(?i:year)(?!\w))?)",
    rf"(?P<yr>{_prep('yr')}(?:(?P<yr_q>{_PART})[\s-]+)?(?P<yr_y>{_YEAR})(?P<yr_poss>{_POSS})?"
    r"(?![\w/-]|[.,]\d))",
]
# Every alternative starts with one of these: the lookahead rejects most words at once (4x faster).
_FIRST_WORDS = (
    "on in since by until till through during from before after throughout of as late early "
    "earlier later last this next past coming the yesterday today tonight tomorrow about around "
    "nearly almost more over some roughly less just only several many few within for long mid "
    "end beginning start middle decades centuries generations years a an one two three four five "
    "six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).replace(" ", "|")  # the \b after the group makes the order of the words irrelevant
_FIRST = (
    r"(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|(?i:" + _FIRST_WORDS + r")\b)"
)
_SCANNER: Final = re.compile(r"\b" + _FIRST + "(?:" + "|".join(_ALTERNATIVES) + ")")
# Every alternative contains one of these (a digit, a month or weekday, a unit or day word, or a
# word of the historical phrases): a text without any has no date expression, and this is found
# faster than the scanner finds nothing (most sentences).
_MAYBE: Final = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|(?i:day|tonight|tomorrow|morning|afternoon|evening|night|week|month|year|decade|centur"
    r"|generation|long|past|time)"
)


@dataclass(frozen=True, slots=True)
class DateExpression:
    """One date expression found in a sentence, parsed but not yet resolved.

    ``kind`` is one of ``date`` (calendar day), ``weekday``, ``relative_day`` ("yesterday"),
    ``relative_period`` ("last month"), ``ago`` ("two weeks ago"), ``span`` ("for 11 years",
    "in two weeks"), ``historical`` ("in recent years"), ``decade``, ``month``, ``year``.
    ``offset`` is the signed count of ``unit`` (or of days/weeks for day words and weekdays).
    """

    kind: str
    text: str
    start: int
    end: int
    prep: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    offset: int | None = None
    anchor: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    possessive: bool = False


@dataclass(frozen=True, slots=True)
class DateResolution:
    """The date of one event, how precise it is, and where it came from."""

    date: str | None
    precision: str | None
    text: str | None
    start: int | None
    end: int | None
    reason: str
    historical: bool = False


def _norm(text: str | None) -> str | None:
    return None if text is None else " ".join(text.lower().split())


def _number(text: str) -> tuple[int | None, bool]:
    """(count, approximate) for "11", "two", "twenty-one", "a few", "many"."""
    word = _norm(text) or ""
    if word.isdigit():
        return int(word), False
    if word in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[word], True
    if word in ("a", "an"):
        return 1, False
    if word == "a dozen":
        return 12, False
    parts = word.replace("-", " ").split()
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_SMALL_NUMBERS[parts[1]] if len(parts) > 1 else 0), False
    return _SMALL_NUMBERS[word], False


def _expression(m: re.Match[str]) -> DateExpression | None:
    kind = m.lastgroup or ""
    g = m.groupdict()
    base: dict[str, Any] = {
        "text": m.group(),
        "start": m.start(),
        "end": m.end(),
        "prep": _norm(g.get(f"{kind}_prep")),
        "possessive": bool(g.get(f"{kind}_poss")),
    }
    if kind in ("iso", "num"):
        if kind == "iso":
            year, month, day = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        else:
            a, b, year = int(g["num_a"]), int(g["num_b"]), int(g["num_y"])
            year += 2000 if year < 100 else 0
            month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
            if month > 12:
                return None
            if a > 12:
                base["qualifier"] = "day-first"
        return DateExpression("date", year=year, month=month, day=day, **base)
    if kind in ("md", "dm"):
        month = _MONTHS[g[f"{kind}_mon"].rstrip(".").lower()]
        day = int(g[f"{kind}_day"].rstrip("stndrh"))
        written = int(g[f"{kind}_year"]) if g[f"{kind}_year"] else None
        return DateExpression("date", year=written, month=month, day=day, **base)
    if kind == "wd":
        week = _norm(g["wd_week"])
        return DateExpression(
            "weekday",
            weekday=_WEEKDAYS.index(g["wd_name"]),
            anchor=_norm(g["wd_anchor"]),
            qualifier=_norm(g["wd_q"]),
            offset=None if week is None else _ANCHORS[week],
            **base,
        )
    if kind == "dw":
        offset = _DAY_WORDS[_norm(g["dw_word"]) or ""]
        return DateExpression("relative_day", unit="day", offset=offset, **base)
    if kind in ("rp", "rq"):
        anchor = _norm(g["rp_anchor"]) if kind == "rp" else "this"
        return DateExpression(
            "relative_period",
            unit=_norm(g[f"{kind}_unit"]),
            anchor=anchor,
            offset=_ANCHORS[anchor or ""],
            qualifier=_norm(g[f"{kind}_q"]),
            **base,
        )
    if kind == "ago":
        count, vague = _number(g["ago_n"])
        return DateExpression(
            "ago",
            unit=_UNITS[_norm(g["ago_unit"]) or ""],
            offset=None if count is None else -count,
            qualifier="vague" if vague else _norm(g["ago_approx"]),
            approximate=vague or bool(g["ago_approx"]),
            **base,
        )
    if kind == "sp":
        count, vague = (None, False) if g["sp_n"] is None else _number(g["sp_n"])
        direction = _norm(g["sp_dir"])
        unit = _UNITS[_norm(g["sp_unit"]) or ""]
        if g["sp_n"] is None and direction is None and not g["sp_unit"].lower().endswith("s"):
            return None  # "in year", "for day": not a date expression
        base["prep"] = _norm(g["sp_prep"])
        return DateExpression(
            "span",
            unit=unit,
            offset=count,
            approximate=vague,
            anchor=None if direction is None else direction.split()[-1],
            **base,
        )
    if kind == "hist":
        return DateExpression("historical", **base)
    if kind == "dec":
        digits = g["dec_y"].lstrip("'’")
        year = (
            int(digits) if len(digits) == 4 else (1900 if int(digits) >= 30 else 2000) + int(digits)
        )
        return DateExpression("decade", year=year, unit="decade", **base)
    if kind == "mo":
        name = g["mo_name"].rstrip(".").lower()
        written = int(g["mo_year"]) if g["mo_year"] else None
        rel = _norm(g["mo_rel"])
        anchor, part = _norm(g["mo_anchor"]), _norm(g["mo_q"])
        has_context = bool(base["prep"] or anchor or part or written or rel)
        if (name not in _FULL_MONTHS and written is None) or (
            name in ("may", "march") and not has_context
        ):
            return None  # "Aug" alone, modal "May", verb "March": not dates
        return DateExpression(
            "month",
            month=_MONTHS[name],
            year=written,
            anchor=anchor,
            qualifier=part,
            offset=None if rel is None else _ANCHORS[rel],
            **base,
        )
    if kind == "yr":
        if not (base["prep"] or g["yr_q"]):
            return None  # a bare year is usually a modifier ("the 2011 uprising")
        return DateExpression("year", year=int(g["yr_y"]), qualifier=_norm(g["yr_q"]), **base)
    return None  # pragma: no cover - every alternative is handled above


def find_date_expressions(text: str) -> list[DateExpression]:
    """Every date expression in ``text``, left to right, in one pass of one compiled regex."""
    return list(_date_expressions(text))


@functools.lru_cache(maxsize=32)
def _date_expressions(text: str) -> tuple[DateExpression, ...]:
    """The scan, remembered for the last few sentences: each event of a sentence resolves its
    own date from the same sentence."""
    if not _MAYBE.search(text):
        return ()
    found = (_expression(m) for m in _SCANNER.finditer(text))
    return tuple(e for e in found if e is not None)


# ---------------------------------------------------------------- resolution

_DATED, _HISTORICAL, _UNDATED, _IGNORED = "dated", "historical", "undated", "ignored"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day_without_year(
    month: int, day: int, published: dt.date, future: bool
) -> dt.date | None:
    """The most recent such day not after publication (future: the next not before it)."""
    step = 1 if future else -1
    for k in range(9):  # February 29 needs up to 8 years
        candidate = _safe_date(published.year + step * k, month, day)
        if candidate is not None and (candidate >= published if future else candidate <= published):
            return candidate
    return None


def _weekday(
    expr: DateExpression, published: dt.date, future: bool, same_day_weekday: bool
) -> tuple[dt.date, str]:
    wd = expr.weekday or 0
    if expr.offset is not None:
        monday = published - dt.timedelta(published.weekday()) + dt.timedelta(7 * expr.offset)
        return monday + dt.timedelta(wd), "that day of the week named"
    anchor = _ANCHORS.get(expr.anchor or "")
    same_ok = anchor == 0 or (anchor is None and same_day_weekday)
    forward = anchor == 1 or (anchor != -1 and future)
    delta = (wd - published.weekday()) % 7 if forward else (published.weekday() - wd) % 7
    if delta == 0 and not same_ok:
        delta = 7
    name, same = _WEEKDAYS[wd], "on or " if same_ok else ""
    if forward:
        return published + dt.timedelta(delta), f"next {name} {same}after"
    return published - dt.timedelta(delta), f"most recent {name} {same}before"


def _offset_date(published: dt.date, unit: str, count: int) -> tuple[dt.date, str]:
    if unit in ("day", "week"):
        return published + dt.timedelta(count * (7 if unit == "week" else 1)), "day"
    if unit == "month":
        year, month = _shift_month(published.year, published.month, count)
        return dt.date(year, month, 1), "month"
    return dt.date(published.year + count, 1, 1), "year"


def _resolve(
    expr: DateExpression, published: dt.date | None, tense: str | None, same_day_weekday: bool
) -> tuple[str, dt.date | None, str | None, str]:
    """(status, date, precision, reason) for one expression."""
    future = tense == "future"
    quoted = f"'{expr.text}'"
    vs = f" vs published {published.isoformat()}" if published else ""
    kind = expr.kind
    if kind == "historical" or kind == "decade":
        return _HISTORICAL, None, None, f"historical reference {quoted} not dated"
    if kind == "year" and expr.prep in _BOUND_PREPS:
        year = expr.year or 0
        if published is None or year <= published.year:
            return _HISTORICAL, None, None, f"historical reference {quoted} not dated"
        return _UNDATED, None, None, f"period bound {quoted} is not an event date"
    if kind == "ago" and (
        expr.unit in ("decade", "century")
        or expr.offset is None
        or (expr.qualifier == "vague" and expr.unit == "year")
    ):
        return _HISTORICAL, None, None, f"historical reference {quoted} not dated"
    if kind == "span":
        if expr.anchor in ("next", "coming"):
            return _IGNORED, None, None, f"future window {quoted} not dated"
        if (
            future
            and expr.anchor is None
            and expr.prep in ("in", "within", "after")
            and (expr.offset is not None and expr.unit in ("day", "week", "month", "year"))
        ):
            if published is None:
                return _UNDATED, None, None, f"relative {quoted} but no publication date"
            date, precision = _offset_date(published, expr.unit, expr.offset)
            return _DATED, date, precision, f"future: {quoted}{vs}"
        if expr.unit in _LONG_UNITS and not future:
            return _HISTORICAL, None, None, f"historical reference (duration) {quoted} not dated"
        return _IGNORED, None, None, f"duration {quoted} ignored"
    # ---- explicit years need no publication date
    if kind == "year":
        year = expr.year or 0
        note = _after_note(dt.date(year, 1, 1), published, tense, "year")
        return _DATED, dt.date(year, 1, 1), "year", f"explicit year {quoted}{note}"
    if kind == "month" and expr.year is not None:
        date = dt.date(expr.year, expr.month or 1, 1)
        note = _after_note(date, published, tense, "month")
        return _DATED, date, "month", f"explicit month {quoted}{note}{_since(expr)}"
    if kind == "date" and expr.year is not None:
        date_or_none = _safe_date(expr.year, expr.month or 1, expr.day or 1)
        if date_or_none is None:
            return _UNDATED, None, None, f"{quoted} is not a calendar date"
        order = (
            " (day-first: the first number cannot be a month)"
            if (expr.qualifier == "day-first")
            else ""
        )
        note = _after_note(date_or_none, published, tense, "day")
        return _DATED, date_or_none, "day", f"explicit date {quoted}{order}{note}{_since(expr)}"
    if published is None:
        return _UNDATED, None, None, f"relative expression {quoted} but no publication date"
    # ---- everything below is relative to the publication date
    if kind == "date":
        date_or_none = _month_day_without_year(expr.month or 1, expr.day or 1, published, future)
        if date_or_none is None:
            return _UNDATED, None, None, f"{quoted} is not a calendar date"
        rule = "next such day on or after" if future else "most recent such day not after"
        return (
            _DATED,
            date_or_none,
            "day",
            (f"date without year: {quoted}{vs} -> {rule} publication{_since(expr)}"),
        )
    if kind == "weekday":
        date, rule = _weekday(expr, published, future, same_day_weekday)
        return (
            _DATED,
            date,
            "day",
            (
                f"weekday: {quoted}{vs} ({_WEEKDAYS[published.weekday()]}) -> {rule} publication"
                f"{_since(expr)}"
            ),
        )
    if kind == "relative_day":
        date = published + dt.timedelta(expr.offset or 0)
        return _DATED, date, "day", f"relative: {quoted}{vs}{_since(expr)}"
    if kind == "relative_period":
        unit, offset = expr.unit or "year", expr.offset or 0
        if unit == "week":
            monday = published - dt.timedelta(published.weekday()) + dt.timedelta(7 * offset)
            return (
                _DATED,
                monday,
                "day",
                (
                    f"relative: {quoted}{vs} -> Monday of that week (no week precision; day used)"
                    f"{_since(expr)}"
                ),
            )
        date, precision = _offset_date(published, unit, offset)
        return _DATED, date, precision, f"relative: {quoted}{vs}{_since(expr)}"
    if kind == "ago":
        date, precision = _offset_date(published, expr.unit or "day", expr.offset or 0)
        approx = " (approximate)" if expr.approximate else ""
        return _DATED, date, precision, f"relative: {quoted}{vs}{approx}"
    # kind == "month" without an explicit year
    month = expr.month or 1
    if expr.offset is not None:
        year, rule = published.year + expr.offset, "year named"
    elif expr.anchor == "this":
        year, rule = published.year, "publication year"
    elif expr.anchor == "last":
        year = published.year - int(month >= published.month)
        rule = "most recent such month before publication"
    elif expr.anchor == "next" or future:
        later = month < published.month if expr.anchor is None else month <= published.month
        year = published.year + int(later)
        rule = (
            "next such month not before publication"
            if expr.anchor is None
            else "next such month after publication"
        )
    else:
        year = published.year - int(month > published.month)
        rule = "most recent such month not after publication"
    return (
        _DATED,
        dt.date(year, month, 1),
        "month",
        (f"month: {quoted}{vs} -> {rule}{_since(expr)}"),
    )


def _since(expr: DateExpression) -> str:
    return "; 'since': start of an ongoing period" if expr.prep == "since" else ""


def _after_note(date: dt.date, published: dt.date | None, tense: str | None, precision: str) -> str:
    if published is None or tense == "future":
        return ""
    later = {
        "day": date > published,
        "month": (date.year, date.month) > (published.year, published.month),
        "year": date.year > published.year,
    }[precision]
    return (
        (
            f"; after publication {published.isoformat()} in a {tense or 'non-future'} "
            f"sentence, kept as written"
        )
        if later
        else ""
    )


def resolve_expression(
    expr: DateExpression,
    published: dt.date | None,
    *,
    tense: str | None = None,
    same_day_weekday: bool = False,
) -> DateResolution:
    """Resolve one expression on its own (``resolve_date`` chooses among several)."""
    candidate = _Candidate(expr, *_resolve(expr, published, tense, same_day_weekday))
    return candidate.resolution(candidate.reason)


def _default(published: dt.date | None, tense: str | None, why: str) -> DateResolution:
    """No dated expression: a present-tense report happens on the publication day; a past one
    (or one of unknown tense) happened on or before it, so only its month is claimed."""
    if tense == "future":
        return DateResolution(None, None, None, None, None, f"{why}; future event, not dated")
    if published is None:
        return DateResolution(None, None, None, None, None, f"{why}; no publication date")
    day = published.isoformat()
    if tense == "present":
        return DateResolution(
            day, "day", None, None, None, f"{why}; present report on publication day {day}"
        )
    told = "past report" if tense == "past" else "report (tense unknown)"
    return DateResolution(
        published.replace(day=1).isoformat(),
        "month",
        None,
        None,
        None,
        (
            f"{why}; {told}: on or before publication {day}, no day given, so dated to the "
            f"publication month {day[:7]} (month precision)"
        ),
    )


def resolve_date(
    sentence: str,
    published: dt.date | None,
    *,
    tense: str | None = None,
    trigger_start: int | None = None,
    same_day_weekday: bool = False,
) -> DateResolution:
    """The date of an event reported in ``sentence``, resolved against ``published``.

    ``tense`` is "past", "present", "future" or None (unknown; treated like past).
    With several dated expressions: the one nearest ``trigger_start`` (char offset of the trigger
    in ``sentence``) when given, else the most specific (day > month > year, a non-possessive
    before a possessive "last month's"), ties to the first. A dated expression beats a
    historical one; only historical ones give ``historical=True`` and no date.
    ``same_day_weekday=True`` reads a weekday equal to the publication weekday as the publication
    day itself (wire style, "said on Thursday" in a Thursday story) instead of a week earlier.
    """
    expressions = find_date_expressions(sentence)
    if not expressions:
        return _default(published, tense, "no date expression")
    results = [_Candidate(e, *_resolve(e, published, tense, same_day_weekday)) for e in expressions]
    dated = [r for r in results if r.status == _DATED]
    if dated:
        if trigger_start is None:
            best = min(dated, key=lambda r: (-r.rank, r.expr.possessive, r.expr.start))
            how = "most specific"
        else:
            best = min(dated, key=lambda r: (r.distance(trigger_start), -r.rank, r.expr.start))
            how = "nearest the trigger"
        reason = best.reason
        if len(results) > 1:
            others = ", ".join(f"'{r.expr.text}'" for r in results if r is not best)
            reason += f"; chose {how} of {len(results)} (others: {others})"
        return best.resolution(reason)
    for wanted in (_HISTORICAL, _UNDATED):
        for r in results:
            if r.status == wanted:
                return r.resolution(r.reason)
    return _default(published, tense, "; ".join(r.reason for r in results))


@dataclass(frozen=True, slots=True)
class _Candidate:
    expr: DateExpression
    status: str
    date: dt.date | None
    precision: str | None
    reason: str

    @property
    def rank(self) -> int:
        return _PRECISION_RANK.get(self.precision or "", 0)

    def distance(self, position: int) -> int:
        if self.expr.start <= position < self.expr.end:
            return 0
        return min(abs(position - self.expr.start), abs(position - self.expr.end))

    def resolution(self, reason: str) -> DateResolution:
        e = self.expr
        return DateResolution(
            None if self.date is None else self.date.isoformat(),
            self.precision,
            e.text,
            e.start,
            e.end,
            reason,
            historical=self.status == _HISTORICAL,
        )


def tense_of(token: Token) -> str | None:
    """ "past", "present", "future" or None from a spaCy trigger token's morphology and auxiliaries
    ("will meet" -> future, "has met" -> past, "met" -> past, "meets" -> present)."""
    verb = token if token.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "shall", "'ll", "wo"} or {"going", "to"} <= words:
        return "future"
    if any(c.lemma_ == "have" for c in aux) or any("Past" in c.morph.get("Tense") for c in aux):
        return "past"
    if aux:
        return "present" if any("Pres" in c.morph.get("Tense") for c in aux) else None
    tenses = verb.morph.get("Tense")
    return "past" if "Past" in tenses else "present" if "Pres" in tenses else None


def resolve_span_date(
    sentence: Span,
    published: dt.date | None,
    *,
    trigger: Token | None = None,
    tense: str | None = None,
    same_day_weekday: bool = False,
) -> DateResolution:
    """``resolve_date`` over a spaCy sentence Span; the tense comes from ``trigger`` when not
    given, and the offsets of the result are character offsets into the Doc (the article)."""
    if tense is None and trigger is not None:
        tense = tense_of(trigger)
    offset = int(sentence.start_char)
    result = resolve_date(
        str(sentence.text),
        published,
        tense=tense,
        trigger_start=None if trigger is None else int(trigger.idx) - offset,
        same_day_weekday=same_day_weekday,
    )
    if result.start is None or result.end is None:
        return result
    return replace(result, start=result.start + offset, end=result.end + offset)
