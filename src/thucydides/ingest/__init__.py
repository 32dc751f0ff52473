"""Reading inputs into Articles: the only home of file formats on the way in.

``iter_articles(inputs, settings)`` yields an :class:`~thucydides.models.Article` for every readable
record and a :class:`~thucydides.models.Rejection` (with the reason) for every unreadable one, in
input order. Formats: plain text, HTML (trafilatura), RSS/Atom (feedparser), JSON Lines, CSV,
Parquet, gzip-compressed files, folders, URLs and URL lists, stdin.
"""

from thucydides.ingest.articles import build_article, content_id
from thucydides.ingest.furniture import dateline_spans, furniture_spans, publication_date_from_text
from thucydides.ingest.language import detect_language
from thucydides.ingest.readers import MAX_CHARS, check_inputs, estimate_total, iter_articles

__all__ = [
    "MAX_CHARS",
    "build_article",
    "check_inputs",
    "content_id",
    "dateline_spans",
    "detect_language",
    "estimate_total",
    "furniture_spans",
    "iter_articles",
    "publication_date_from_text",
]
