"""Every input format, read into Articles with their metadata (pages and feeds written here)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from thucydides.ingest import estimate_total, iter_articles
from thucydides.models import Article, Rejection, RejectionReason
from thucydides.settings import Settings

if TYPE_CHECKING:
    from conftest import PageServer  # tests/ingest/conftest.py

BODY = [
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the situation "
    "in the region, officials said after the talks ended.",
    "The two ministers agreed to hold another round of talks in Amman next month and called for "
    "an end to the fighting along the border.",
]


def page(
    *,
    title: str = "Ministers meet in Cairo",
    date: str | None = "2025-03-03",
    body: list[str] = BODY,
) -> str:
    meta = f'<meta property="article:published_time" content="{date}T09:00:00Z">' if date else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f"<html><head><title>{title} | Example Wire</title>{meta}"
        '<meta name="author" content="Jane Doe"></head><body>'
        '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
        '<div class="cookie-banner">We use cookies to improve your experience. Accept all.</div>'
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright 2025 Example Wire. All rights reserved. Contact us.</footer>"
        "</body></html>"
    )


def feed(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example Wire</title><link>https://example.org/</link>{items}</channel></rss>"
    )


def item(
    title: str, link: str, text: str | None, date: str = "Mon, 03 Mar 2025 09:00:00 GMT"
) -> str:
    desc = f"<description><![CDATA[<p>{text}</p>]]></description>" if text is not None else ""
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate>{desc}</item>"
    )


def read(path: Path, data: str | bytes, settings: Settings | None = None) -> list[Any]:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return list(iter_articles([str(path)], settings))


def test_html_page_gives_main_text_title_and_date(tmp_path: Path) -> None:
    (article,) = read(tmp_path / "cairo.html", page())
    assert isinstance(article, Article)
    assert article.title == "Ministers meet in Cairo"
    assert article.published == dt.date(2025, 3, 3)
    assert BODY[0] in article.text and BODY[1] in article.text
    for boilerplate in ("cookies", "Sport", "All rights reserved"):
        assert boilerplate not in article.text
    assert article.language == "en"


def test_html_date_from_the_url_when_the_page_has_none(page_server: PageServer) -> None:
    page_server.pages["/2024/11/05/talks.html"] = (200, "text/html", page(date=None).encode())
    (article,) = iter_articles([page_server.url("/2024/11/05/talks.html")])
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 11, 5)
    assert article.url == page_server.url("/2024/11/05/talks.html")


def test_feed_items_keep_their_own_links_dates_and_text(tmp_path: Path) -> None:
    items = item("Talks in Cairo", "https://example.org/a", BODY[0]) + item(
        "Talks in Amman", "https://example.org/b", BODY[1], "Tue, 04 Mar 2025 10:00:00 GMT"
    )
    first, second = read(tmp_path / "wire.rss", feed(items))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.url, first.title) == (
        "https://example.org/a",
        "https://example.org/a",
        "Talks in Cairo",
    )
    assert first.text == BODY[0] and first.source == "Example Wire"
    assert (first.published, second.published) == (dt.date(2025, 3, 3), dt.date(2025, 3, 4))
    assert second.origin.endswith("wire.rss#2")


def test_atom_feed_with_full_content(tmp_path: Path) -> None:
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Example Wire</title><entry><title>Talks</title><id>tag:example.org,2025:1</id>"
        '<link href="https://example.org/t"/><updated>2025-03-05T08:00:00Z</updated>'
        "<summary>Short.</summary>"
        f'<content type="html">&lt;p&gt;{BODY[0]}&lt;/p&gt;&lt;p&gt;{BODY[1]}&lt;/p&gt;</content>'
        "</entry></feed>"
    )
    (article,) = read(tmp_path / "wire.atom", atom)
    assert isinstance(article, Article)
    assert article.text == f"{BODY[0]}\n\n{BODY[1]}"
    assert article.id == "tag:example.org,2025:1" and article.published == dt.date(2025, 3, 5)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_collections_with_field_mapping(tmp_path: Path, suffix: str) -> None:
    rows = [
        {"doc": "n-1", "body": BODY[0], "pubdate": "2025-01-02", "title": "One"},
        {"doc": "n-2", "body": BODY[1], "pubdate": "2025-01-03", "title": "Two"},
    ]
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows))
    path = tmp_path / f"c{suffix}"
    if suffix == ".jsonl":
        path = jsonl
    elif suffix == ".csv":
        lines = ["doc,body,pubdate,title"] + [
            f'{r["doc"]},"{r["body"]}",{r["pubdate"]},{r["title"]}' for r in rows
        ]
        path.write_text("\n".join(lines) + "\n")
    else:
        from thucydides.store.files import jsonl_to_parquet

        jsonl_to_parquet(jsonl, path, ["doc", "body", "pubdate", "title"])
    settings = Settings(text_field="body", id_field="doc", date_field="pubdate")
    items = list(iter_articles([str(path)], settings))
    assert [(a.id, a.published, a.title) for a in items] == [
        ("n-1", dt.date(2025, 1, 2), "One"),
        ("n-2", dt.date(2025, 1, 3), "Two"),
    ]
    assert items[0].origin == f"{path}:{2 if suffix == '.csv' else 1}"


def test_a_missing_mapped_field_names_the_fields_there_are(tmp_path: Path) -> None:
    (item_,) = read(tmp_path / "a.jsonl", json.dumps({"body": BODY[0]}))
    assert isinstance(item_, Rejection) and item_.reason is RejectionReason.NO_TEXT
    assert item_.detail == (
        "the record has no 'text' field (fields: body); name the text field with --text-field"
    )


@pytest.mark.parametrize("name", ["a.jsonl.gz", "a.csv.gz", "a.txt.gz", "a.html.gz", "a.rss.gz"])
def test_gzip_compressed_files(tmp_path: Path, name: str) -> None:
    kind = name.split(".")[1]
    data = {
        "jsonl": json.dumps({"id": "z", "text": BODY[0]}) + "\n",
        "csv": f'id,text\nz,"{BODY[0]}"\n',
        "txt": BODY[0],
        "html": page(),
        "rss": feed(item("Talks", "z", BODY[0])),
    }[kind]
    (article,) = read(tmp_path / name, gzip.compress(data.encode()))
    assert isinstance(article, Article)
    assert BODY[0] in article.text


def test_folders_are_read_recursively_with_include_and_exclude(tmp_path: Path) -> None:
    for rel in ("a.txt", "sub/b.html", "sub/drafts/c.txt", "d.jsonl", "notes.md", ".git/e.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        content = page() if rel.endswith(".html") else BODY[0]
        if rel.endswith(".jsonl"):
            content = json.dumps({"id": "d", "text": BODY[1]})
        path.write_text(content)

    def origins(**kw: Any) -> list[str]:
        items = iter_articles([str(tmp_path)], Settings(**kw))
        return [i.origin.removeprefix(str(tmp_path) + "/") for i in items]

    assert origins() == ["a.txt", "d.jsonl:1", "sub/b.html", "sub/drafts/c.txt"]
    assert origins(include=("*.txt",)) == ["a.txt", "sub/drafts/c.txt"]
    assert origins(exclude=("sub/drafts/*", "*.jsonl")) == ["a.txt", "sub/b.html"]
    assert estimate_total([str(tmp_path)], Settings()) == 4


def test_url_list_is_fetched_from_a_local_server(tmp_path: Path, page_server: PageServer) -> None:
    page_server.pages["/a.html"] = (200, "text/html; charset=utf-8", page().encode())
    page_server.pages["/feed"] = (
        200,
        "application/rss+xml",
        feed(item("Talks", "https://example.org/x", BODY[1])).encode(),
    )
    page_server.pages["/plain"] = (200, "text/plain", BODY[0].encode())
    urls = tmp_path / "list.urls"
    urls.write_text(
        "# pages to code\n"
        + "\n".join(page_server.url(p) for p in ("/a.html", "/feed", "/plain", "/gone"))
        + "\n"
    )
    items = list(iter_articles([str(urls)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Article", "Rejection"]
    assert items[0].title == "Ministers meet in Cairo"
    assert items[1].url == "https://example.org/x"
    assert items[2].text == BODY[0]
    gone = items[3]
    assert isinstance(gone, Rejection) and gone.reason is RejectionReason.FETCH_FAILED
    assert gone.detail == f"{page_server.url('/gone')}: the server answered HTTP 404 Not Found"
    assert page_server.requests == ["/a.html", "/feed", "/plain", "/gone"]


def test_a_txt_file_of_urls_is_a_url_list(tmp_path: Path, page_server: PageServer) -> None:
    page_server.pages["/a"] = (200, "text/html", page().encode())
    (article,) = read(tmp_path / "links.txt", page_server.url("/a") + "\n")
    assert isinstance(article, Article) and article.url == page_server.url("/a")


def test_unreachable_host_is_a_rejection_not_a_crash() -> None:
    (item_,) = iter_articles(["http://127.0.0.1:9/nothing"], Settings(fetch_timeout=2))
    assert isinstance(item_, Rejection) and item_.reason is RejectionReason.FETCH_FAILED
    assert "cannot connect" in item_.detail and "is the network up" in item_.detail


def test_stdin_html_feed_and_gzip() -> None:
    (html,) = iter_articles(["-"], stdin=io.BytesIO(page().encode()))
    assert isinstance(html, Article) and html.title == "Ministers meet in Cairo"
    rss = feed(item("Talks", "https://example.org/s", BODY[0])).encode()
    (entry,) = iter_articles(["-"], stdin=io.BytesIO(rss))
    assert isinstance(entry, Article) and entry.url == "https://example.org/s"
    zipped = gzip.compress(json.dumps({"id": "g", "text": BODY[0]}).encode())
    (record,) = iter_articles(["-"], stdin=io.BytesIO(zipped))
    assert isinstance(record, Article) and record.id == "g"
