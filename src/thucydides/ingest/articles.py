"""The last step of every reader: checked text and metadata → Article, or a Rejection saying why.

Every source (a text file, a record of a collection, an HTML page, a feed item, a fetched URL) ends
here, so the checks (empty, too large, binary, language) are the same whatever the format.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from typing import Any

from thucydides.ingest.checks import check_text
from thucydides.ingest.furniture import publication_date_from_text
from thucydides.ingest.language import detect_language, language_name, normalise_code
from thucydides.models import Article, Rejection, RejectionReason
from thucydides.settings import Settings

Outcome = Article | Rejection

_LONG_DATE = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def content_id(text: str) -> str:
    """The id of an article that came without one: a hash of its text (stable across runs)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build_article(
    text: str,
    settings: Settings,
    *,
    origin: str,
    article_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
) -> Outcome:
    """An Article from text and whatever metadata came with it, or a Rejection with the reason."""
    article_id = article_id or content_id(text)
    bad = check_text(text, max_chars=settings.max_chars)
    if bad:
        return Rejection(article_id, "ingest", bad[0], bad[1], origin)
    code = _language(text, language, settings)
    if isinstance(code, tuple):
        return Rejection(article_id, "ingest", RejectionReason.LANGUAGE, code[1], origin)
    return Article(
        id=article_id,
        text=text,
        title=title,
        url=url,
        source=source,
        published=published or publication_date_from_text(text),
        language=code,
        origin=origin,
    )


def _language(text: str, given: str | None, settings: Settings) -> str | tuple[None, str]:
    """The article's language code, or (None, the reason it cannot be coded)."""
    allowed = {normalise_code(code) for code in settings.languages}
    if given:
        code = normalise_code(given)
        how = f"the record says {given!r}"
    elif settings.detect_language:
        detected = detect_language(text)
        if detected is None:  # too short to judge: the first allowed language
            return settings.languages[0] if settings.languages else "en"
        code, how = detected.code, f"detected with {detected.confidence:.2f} confidence"
    else:
        return settings.languages[0] if settings.languages else "en"
    if code in allowed:
        return code
    return None, unsupported_language(code, how, sorted(allowed))


def unsupported_language(code: str, how: str, allowed: list[str]) -> str:
    """The rejection detail for an article in a language no installed pipeline codes."""
    names = ", ".join(f"{language_name(c)} ({c})" for c in allowed) or "none"
    return (
        f"the article is in {language_name(code)} ({code}; {how}), and thucydides codes only "
        f"{names}; to code {language_name(code)}, install a spaCy pipeline and dictionaries for it "
        f"and add {code!r} to the languages setting (docs/ingest.md, 'Adding a language'); "
        "if the detection is wrong, set detect_language = false"
    )


def parse_date(value: Any) -> dt.date | None:
    """A publication date from ISO ("2022-12-29", "2022-12-29T07:31:00Z"), RFC 2822
    ("Thu, 29 Dec 2022 07:31:00 GMT") or "December 29, 2022"; None when absent or unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value.strip()) < 8:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    match = _LONG_DATE.match(value)
    if match and match.group(1).lower()[:3] in _MONTHS:
        try:
            month = _MONTHS[match.group(1).lower()[:3]]
            return dt.date(int(match.group(3)), month, int(match.group(2)))
        except ValueError:
            return None
    return None


def str_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)
