"""RSS and Atom feeds → one Article per item: the only home of feedparser.

Each item keeps its own link, date, title and author; its text is the full content when the feed
carries it, else the summary. An item without any text, or a feed that cannot be read, is a
rejection that says which item and why; the other items are read.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

from thucydides.ingest.articles import Outcome, build_article
from thucydides.ingest.html import fragment_text
from thucydides.models import Rejection, RejectionReason
from thucydides.settings import Settings


def looks_like_feed(data: bytes) -> bool:
    """True for bytes that start like an RSS, RDF or Atom document."""
    head = data[:1024].lstrip().lower()
    roots = (b"<rss", b"<feed", b"<rdf")
    if head.startswith(b"<?xml"):
        return any(root in head for root in roots)
    return head.startswith(roots)


def iter_feed(data: bytes, settings: Settings, *, origin: str) -> Iterator[Outcome]:
    """Every item of the feed in ``data``, as an Article or a Rejection."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            problem = f"it is not valid RSS/Atom ({parsed.get('bozo_exception')})"
        elif not parsed.version:
            problem = "it is not an RSS or Atom feed"
        else:
            problem = "it has no items"
        detail = f"the feed gives no articles: {problem}"
        yield Rejection(origin, "ingest", RejectionReason.MALFORMED, detail, origin)
        return
    source = parsed.feed.get("title") or None
    for index, entry in enumerate(entries, start=1):
        yield _from_entry(entry, index, source, settings, f"{origin}#{index}")


def _from_entry(
    entry: Any, index: int, source: str | None, settings: Settings, where: str
) -> Outcome:
    title = entry.get("title") or None
    link = entry.get("link") or None
    article_id = entry.get("id") or link
    text = _entry_text(entry)
    if not text:
        named = f" ({title!r})" if title else ""
        fix = (
            f"; to code the page, list its link {link} in a .urls file"
            if link
            else "; it has no link either"
        )
        detail = f"feed item {index}{named} has no text (no content or summary){fix}"
        return Rejection(article_id or where, "ingest", RejectionReason.NO_TEXT, detail, where)
    return build_article(
        text,
        settings,
        origin=where,
        article_id=article_id,
        title=title,
        url=link,
        source=source,
        published=_entry_date(entry),
        language=entry.get("language") or None,
    )


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        text = fragment_text(str(content.get("value") or ""))
        if text:
            return text
    return fragment_text(str(entry.get("summary") or ""))


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None
