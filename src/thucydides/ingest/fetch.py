"""URLs → Articles: fetch each page over HTTP(S) and read it as HTML, a feed or plain text.

A URL can be given on the command line or in a URL list (a ``.urls`` file, or a ``.txt`` file whose
lines are all URLs). A page that cannot be fetched (no network, a 404, a timeout, too large) is a
``fetch_failed`` rejection naming the URL and the cause; the other URLs are fetched.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator

from thucydides.ingest.articles import Outcome, build_article, content_id
from thucydides.ingest.checks import check_bytes, decode
from thucydides.ingest.feeds import iter_feed, looks_like_feed
from thucydides.ingest.html import article_from_html
from thucydides.models import Rejection, RejectionReason
from thucydides.settings import Settings


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def parse_url_list(text: str) -> list[str] | None:
    """The URLs of a URL list (blank lines and # comments are skipped); None if it is not one."""
    lines = [ln.strip() for ln in text.splitlines()]
    urls = [ln for ln in lines if ln and not ln.startswith("#")]
    return urls if urls and all(is_url(u) and " " not in u for u in urls) else None


def iter_urls(urls: Iterable[str], settings: Settings) -> Iterator[Outcome]:
    """Fetch each URL in turn and read what it returns."""
    for url in urls:
        yield from fetch_articles(url, settings)


def fetch_articles(url: str, settings: Settings) -> Iterator[Outcome]:
    """The article (or, for a feed, the items) at ``url``."""
    fetched = _fetch(url, settings)
    if isinstance(fetched, Rejection):
        yield fetched
        return
    data, content_type, final_url = fetched
    bad = check_bytes(data)
    if bad:
        yield Rejection(content_id(url), "ingest", bad[0], f"{url}: {bad[1]}", url)
    elif "xml" in content_type or "rss" in content_type or looks_like_feed(data):
        yield from iter_feed(data, settings, origin=url)
    elif "html" in content_type or data.lstrip()[:1] == b"<":
        yield article_from_html(data, settings, origin=url, url=final_url)
    elif content_type.startswith("text/") or not content_type:
        text = decode(data)
        if isinstance(text, tuple):
            yield Rejection(content_id(url), "ingest", text[0], text[1], url)
        else:
            yield build_article(text, settings, origin=url, article_id=content_id(url), url=url)
    else:
        detail = f"{url} returned {content_type!r}, not HTML, a feed or text"
        yield Rejection(content_id(url), "ingest", RejectionReason.MALFORMED, detail, url)


def _fetch(url: str, settings: Settings) -> tuple[bytes, str, str] | Rejection:
    request = urllib.request.Request(url, headers={"User-Agent": settings.user_agent})
    limit = settings.fetch_max_bytes

    def failed(cause: str) -> Rejection:
        return Rejection(
            content_id(url), "ingest", RejectionReason.FETCH_FAILED, f"{url}: {cause}", url
        )

    try:
        with urllib.request.urlopen(request, timeout=settings.fetch_timeout) as response:
            data = response.read(limit + 1)
            content_type = (response.headers.get_content_type() or "").lower()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        return failed(f"the server answered HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        return failed(f"cannot connect ({exc.reason}); is the network up and the URL right?")
    except TimeoutError:
        return failed(f"no answer within {settings.fetch_timeout:g} s (setting fetch_timeout)")
    except (OSError, ValueError) as exc:
        return failed(f"the download failed ({type(exc).__name__}: {exc})")
    if len(data) > limit:
        return failed(f"the page is larger than {limit:,} bytes (setting fetch_max_bytes)")
    if content_type == "application/octet-stream":
        content_type = ""
    return data, content_type, final_url
