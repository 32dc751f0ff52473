"""Every kind of bad input → a rejection with a clear reason, and the good records around it are read.

One table: file name, bytes, the outcomes expected (Article, or the rejection reason) and a phrase
the first rejection's detail must contain.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from thucydides.ingest import iter_articles
from thucydides.models import Article, Rejection, RejectionReason

GOOD = (
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the situation in "
    "the region, officials said after the talks ended."
)
GOOD_LINE = json.dumps({"id": "good", "text": GOOD})
JSONL = "\n".join(json.dumps({"id": f"r{i}", "text": GOOD + f" Item {i}."}) for i in range(200))
HTML_NO_ARTICLE = (
    b"<html><head><title>Example Wire</title></head><body><nav><a href='/'>Home</a> "
    b"<a href='/world'>World</a></nav><div>Sign in to continue</div></body></html>"
)
FRENCH = (
    "Les ministres des affaires etrangeres de l'Egypte et de la Jordanie se sont rencontres au "
    "Caire lundi pour discuter de la situation dans la region, selon un communique officiel."
)


def broken_feed() -> bytes:
    good = f"<item><title>Talks</title><link>https://example.org/1</link><description>{GOOD}</description></item>"
    no_text = "<item><title>Photo gallery</title><link>https://example.org/2</link></item>"
    empty = "<item></item>"
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        f"{good}{no_text}{empty}</channel></rss>"
    ).encode()


A = "Article"
CASES: list[tuple[str, bytes, list[str], str]] = [
    ("empty.txt", b"", ["empty"], "the input is empty"),
    ("empty.jsonl", b"", ["empty"], "the input is empty"),
    ("blank.html", b"  \n ", ["empty"], "the input is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["binary"], "binary (contains NUL"),
    ("binary.jsonl", b"\x00\x01\x02\x03" * 10, ["binary"], "binary (contains NUL"),
    (
        "truncated.jsonl.gz",
        (lambda z: z[: len(z) // 2])(gzip.compress(JSONL.encode())),
        [A] * 3 + ["malformed"],  # checked: the records before the break are kept
        "the compressed file is truncated",
    ),
    ("early.txt.gz", gzip.compress(GOOD.encode() * 50)[:30], ["malformed"], "truncated"),
    ("not-gzip.jsonl.gz", GOOD_LINE.encode(), ["malformed"], "named .gz but is not gzip"),
    ("huge.txt", b"word " * 4_000_000, ["too_large"], "20,000,000 characters, over the limit"),
    (
        "huge.jsonl",
        (json.dumps({"id": "big", "text": "word " * 4_000_000}) + "\n" + GOOD_LINE).encode(),
        ["too_large", A],
        "over the limit of 1,000,000",
    ),
    (
        "gzip-bomb.txt.gz",
        gzip.compress(b"word " * 1_000_000),
        ["too_large"],
        "decompresses to more than 4,000,000 bytes",
    ),
    (
        "malformed.jsonl",
        f'{GOOD_LINE}\n{{"id": "x", "text": \n[1, 2]\n'.encode(),
        [A, "malformed", "malformed"],
        "line 2 is not valid JSON",
    ),
    (
        "latin1.txt",
        "Le président a été reçu à Paris.".encode("latin-1"),
        ["encoding"],
        "not valid UTF-8 (byte 0xe9 at offset 5); re-save the file as UTF-8",
    ),
    (
        "latin1-line.jsonl",
        GOOD_LINE.encode() + b'\n{"id": "l", "text": "caf\xe9"}\n' + GOOD_LINE.encode(),
        [A, "encoding", A],
        "line 2 is not valid UTF-8",
    ),
    (
        "latin1.csv",
        f'id,text\na,"{GOOD}"\nb,"caf\xe9 au lait"\nc,"{GOOD} Again."\n'.encode("latin-1"),
        [A, "encoding", A],
        "line 3 is not valid UTF-8 (byte 0xe9 at offset 6)",
    ),
    ("no-article.html", HTML_NO_ARTICLE, ["no_article"], "the HTML page has no article"),
    ("broken.rss", broken_feed(), [A, "no_text", "no_text"], "feed item 2 ('Photo gallery')"),
    ("not-a-feed.xml", b"<?xml version='1.0'?><rss><channel>", ["malformed"], "the feed gives no"),
    ("french.txt", FRENCH.encode(), ["language"], "the article is in French"),
    (
        "no-text-column.csv",
        b"id,body\n1,hello\n",
        ["no_text"],
        "the CSV has no 'text' column (columns: id, body)",
    ),
    ("not-urls.urls", b"https://example.org/a\nnot a url\n", ["malformed"], "one URL per line"),
]


@pytest.mark.parametrize(("name", "data", "expected", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_becomes_a_rejection(
    tmp_path: Path, name: str, data: bytes, expected: list[str], phrase: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_articles([str(path)]))
    kinds = [A if isinstance(i, Article) else i.reason.value for i in items]
    if name == "truncated.jsonl.gz":  # how many records survive depends on where the cut falls
        assert kinds[-1] == "malformed" and set(kinds[:-1]) == {A} and len(kinds) > 3
    else:
        assert kinds == expected
    rejection = next(i for i in items if isinstance(i, Rejection))
    assert rejection.stage == "ingest"
    assert phrase in rejection.detail, rejection.detail
    assert "\n" not in rejection.detail
    assert rejection.origin.startswith(str(path))


def test_reasons_are_the_documented_ones() -> None:
    documented = (Path(__file__).parents[2] / "docs" / "ingest.md").read_text()
    for reason in RejectionReason:
        assert f"`{reason.value}`" in documented, f"docs/ingest.md does not explain {reason.value}"


def test_the_run_goes_on_after_every_bad_file(tmp_path: Path) -> None:
    for name, data, _, _ in CASES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "zz-good.txt").write_text(GOOD)
    items = list(iter_articles([str(tmp_path)]))
    assert isinstance(items[-1], Article) and items[-1].text == GOOD
    assert sum(isinstance(i, Rejection) for i in items) >= len(CASES)
