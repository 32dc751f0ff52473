"""HTML pages → Articles: the only home of trafilatura (and of lxml for HTML fragments).

trafilatura keeps the article's paragraphs and drops navigation, cookie banners, asides and footers;
its metadata gives title, author, publication date (meta tags, JSON-LD, or the URL's /2022/12/29/)
and site name. A page with no article text (an index, a login wall) is a ``no_article`` rejection.
"""

from __future__ import annotations

import logging
import re

from thucydides.ingest.articles import Outcome, build_article, content_id, parse_date
from thucydides.ingest.checks import decode
from thucydides.models import Rejection, RejectionReason
from thucydides.settings import Settings

MIN_ARTICLE_WORDS = 15  # fewer words than a one-paragraph brief: a menu, not an article
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)

# trafilatura and htmldate log their own failures; here they become rejections instead.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def article_from_html(
    data: bytes | str,
    settings: Settings,
    *,
    origin: str,
    url: str | None = None,
    article_id: str | None = None,
) -> Outcome:
    """The main text of an HTML page with its metadata, or a rejection saying why there is none."""
    import trafilatura

    html = data if isinstance(data, str) else _decode_html(data)
    if isinstance(html, tuple):
        return Rejection(article_id or origin, "ingest", html[0], html[1], origin)
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup: one rejection
        detail = f"the HTML could not be parsed: {type(exc).__name__}: {exc}"
        return Rejection(article_id or origin, "ingest", RejectionReason.MALFORMED, detail, origin)
    text = (getattr(document, "text", None) or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        found = f"only {len(text.split())} words of text" if text else "no text"
        detail = (
            f"the HTML page has no article ({found} outside navigation and boilerplate); "
            "is it an index, a login or a consent page?"
        )
        return Rejection(article_id or origin, "ingest", RejectionReason.NO_ARTICLE, detail, origin)
    title = getattr(document, "title", None) or None
    page_url = url or getattr(document, "url", None) or None
    return build_article(
        text,
        settings,
        origin=origin,
        article_id=article_id or (content_id(page_url) if page_url else None),
        title=title,
        url=page_url,
        source=getattr(document, "sitename", None) or getattr(document, "hostname", None),
        published=parse_date(getattr(document, "date", None)),
        language=None,
    )


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): one paragraph per block."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _decode_html(data: bytes) -> str | tuple[RejectionReason, str]:
    """UTF-8, or the charset the page declares in a <meta> tag."""
    text = decode(data)
    if not isinstance(text, tuple):
        return text
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return text
