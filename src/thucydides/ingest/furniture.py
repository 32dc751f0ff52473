"""Article furniture: by-lines, photo credits, "Updated:" lines and the like.

They stay in the article text (offsets are never shifted) but their spans are marked so that the
coder takes no events from them; an "Updated:"/"Published:" line also gives a publication date.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}

_FURNITURE_LINE = re.compile(
    r"""^[ \t]*(?:
        (?:updated|published|last\ updated|posted|first\ published)\s*[:\-]?\s+\S.*
      | (?:photo|picture|image|video|file\ photo|credit|source)\s*[:/].*
      | powered\ by\ .*
      | (?:by|reporting\ by|writing\ by|editing\ by|additional\ reporting\ by)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*(?:[,|].*)?
      | (?:share|share\ this\ article|read\ more|related|advertisement|subscribe.*|sign\ up.*)\s*:?
      | .{0,160}?\b(?:AFP|Reuters|AP|EPA|Getty\ Images|Anadolu|Xinhua|Bloomberg)\s*(?:/\s*\w+)?\s*\.?\s*
    )$""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
# A caption ends with an agency credit but has no finite verb; a real sentence that ends with
# "Reuters" almost always has "said"/"reported": those are kept.
_REPORTING = re.compile(r"\b(?:said|says|reported|reports|told|according)\b", re.IGNORECASE)

_DATE_LINE = re.compile(
    r"^\s*(?:updated|published|last updated|posted|first published)\s*[:\-]?\s*"
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))",
    re.IGNORECASE | re.MULTILINE,
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines that are article furniture, not reporting."""
    spans = []
    for match in _FURNITURE_LINE.finditer(text):
        line = match.group(0)
        if len(line) > 300 or (_REPORTING.search(line) and not line.lower().lstrip().startswith(
            ("updated", "published", "posted", "photo", "powered")
        )):
            continue
        spans.append((match.start(), match.end()))
    return spans


def publication_date_from_text(text: str) -> dt.date | None:
    """The date of an "Updated:"/"Published:" line, if the article carries one."""
    match = _DATE_LINE.search(text)
    if not match:
        return None
    g = match.groupdict()
    try:
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        month_name = (g["m1"] or g["m2"] or "").lower()
        month = _MONTHS.get(month_name) or _MONTHS.get(month_name[:3])
        if month is None:
            return None
        return dt.date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
    except ValueError:
        return None
