"""Reading inputs into Articles: the only home of file formats on the way in.

``iter_articles(inputs)`` yields an :class:`~thucydides.models.Article` for every readable record and a
:class:`~thucydides.models.Rejection` (with the reason) for every unreadable one, in input order.
"""

from thucydides.ingest.furniture import dateline_spans, furniture_spans, publication_date_from_text
from thucydides.ingest.readers import MAX_CHARS, check_inputs, iter_articles

__all__ = [
    "MAX_CHARS",
    "check_inputs",
    "dateline_spans",
    "furniture_spans",
    "iter_articles",
    "publication_date_from_text",
]
