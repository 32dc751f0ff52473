"""Article furniture: by-lines, photo credits, "Updated:" lines, share buttons, "Read more" links,
"Powered by automated translation" and the like.

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
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}

_NAME = r"(?-i:[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})"
_SHARE_WORD = (
    r"(?:share(?:\s+(?:this|on|via)(?:\s+\w+)?)?|tweet|facebook|twitter|x|whatsapp|linkedin|"
    r"telegram|reddit|pinterest|e-?mail|print|copy\s+link|copied|comments?|save|bookmark)"
)
_FURNITURE_LINE = re.compile(
    rf"""(?:
        (?:updated|published|last\ updated|posted|first\ published)\s*[:\-]?\s+\S.*
      | (?:photo|photograph|picture|image|video|file\ photo|credit|source|photo\ credit|
           image\ credit|image\ caption|image\ source|caption)\s*[:/,].*
      | \(?(?:photo|picture|image)\ (?:by|credit|courtesy)\b.*
      | powered\ by\ .*
      | (?:by|reporting\ by|writing\ by|editing\ by|additional\ reporting\ by|written\ by|
           words\ by|story\ by|compiled\ by)
        \s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s*(?:[,;|/][^.]{{0,60}})?
      | (?:staff|special)\ (?:writer|reporter|correspondent)s?
      | {_SHARE_WORD}(?:[\s|·•,/]+{_SHARE_WORD}){{0,9}}
      | (?:read\ more|also\ read|read\ also|see\ also|related|more\ on\ this\ story|
           recommended|most\ read|related\ articles?|related\ stories|related\ topics)
        \s*(?:[:|»>\-–—]\s*.*)?
      | (?:advertisement|subscribe.*|sign\ up.*|follow\ us\ on.*|click\ here.*|
           listen\ to\ this\ article.*|\d+\ min(?:ute)?s?\ read|loading\.*|
           (?:copyright|©).*|all\ rights\ reserved\.?)
      | .{{0,160}}?\b(?:AFP|Reuters|AP|EPA|Getty\ Images|Anadolu|Xinhua|Bloomberg)
        \s*(?:/\s*\w+)?\s*[.)]?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption ends with an agency credit but has no finite verb; a real sentence that ends with
# "Reuters" almost always has "said"/"reported": those are kept.
_FURNITURE_STARTS = (
    *("updated", "published", "posted", "photo", "powered", "read ", "also read", "related"),
    *("see also", "image", "caption", "(photo", "picture"),
)
_REPORTING = re.compile(r"\b(?:said|says|reported|reports|told|according)\b", re.IGNORECASE)

_DATE_LINE = re.compile(
    r"^\s*(?:updated|published|last updated|posted|first published)\s*[:\-]?\s*"
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))",
    re.IGNORECASE | re.MULTILINE,
)


# "CAIRO, Feb 3 (Reuters) - " / "KADUNA, Nigeria, March 3 (AP) — " / "MOSCOW (Reuters) -"
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z .'\-]{1,40}?)(?:,[ \t]*[A-Z][A-Za-z .'\-]{1,30}?)?"
    r"(?:,[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}))?"
    r"(?:[ \t]*\((?P<agency>[^)\n]{1,40})\))?[ \t]*[-\u2013\u2014]+[ \t]*",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Spans of datelines at the start of a line ("CAIRO, Feb 3 (Reuters) - "), without the text
    that follows; the place part must be in capitals, so ordinary sentences never match."""
    return [
        (m.start("place"), m.end())
        for m in DATELINE.finditer(text)
        if m.group("date") or m.group("agency")
    ]


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines that are article furniture, not reporting."""
    spans = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if stripped and len(stripped) <= 300 and _FURNITURE_LINE.fullmatch(stripped):
            keep_anyway = _REPORTING.search(stripped) and not stripped.lower().startswith(
                _FURNITURE_STARTS
            )
            if not keep_anyway:
                begin = offset + line.index(stripped)
                spans.append((begin, begin + len(stripped)))
        offset += len(raw)
    spans.extend(dateline_spans(text))
    return sorted(spans)


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
