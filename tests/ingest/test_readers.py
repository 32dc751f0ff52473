from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.ingest import iter_articles
from thucydides.models import Article, Rejection, RejectionReason

ARTICLE = (
    "Ministers meet in Cairo\n\nThe foreign ministers of Egypt and Jordan met in Cairo on Monday "
    "to discuss the situation in the region, officials said after the talks ended."
)


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_txt_article_takes_title_from_first_line(tmp_path: Path) -> None:
    (item,) = iter_articles([str(write(tmp_path / "a.txt", ARTICLE))])
    assert isinstance(item, Article)
    assert item.title == "Ministers meet in Cairo"
    assert item.text == ARTICLE
    assert len(item.id) == 16


def test_txt_without_headline_has_no_title(tmp_path: Path) -> None:
    text = "The foreign ministers of Egypt and Jordan met in Cairo on Monday, officials said."
    (item,) = iter_articles([str(write(tmp_path / "a.txt", text))])
    assert isinstance(item, Article) and item.title is None


def test_jsonl_keeps_given_id_and_fields_and_ignores_unknown(tmp_path: Path) -> None:
    rec = {
        "id": 42,
        "text": ARTICLE,
        "title": "T",
        "published": "2025-03-04T10:00:00Z",
        "url": "https://example.org/a",
        "source": "Wire",
        "extra": [1, 2],
    }
    (item,) = iter_articles([str(write(tmp_path / "a.jsonl", json.dumps(rec) + "\n"))])
    assert isinstance(item, Article)
    assert (item.id, item.title, item.url, item.source) == ("42", "T", rec["url"], "Wire")
    assert item.published == dt.date(2025, 3, 4)


def test_jsonl_date_field_is_a_publication_date(tmp_path: Path) -> None:
    rec = {"text": ARTICLE, "date": "2024-01-31"}
    (item,) = iter_articles([str(write(tmp_path / "a.jsonl", json.dumps(rec)))])
    assert isinstance(item, Article) and item.published == dt.date(2024, 1, 31)


def test_csv_collection(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.csv", 'id,text,date\nx1,"' + ARTICLE.replace('"', '""') + '",2025-01-02\n'
    )
    (item,) = iter_articles([str(path)])
    assert isinstance(item, Article) and item.id == "x1" and item.published == dt.date(2025, 1, 2)


@pytest.mark.parametrize(
    ("name", "data", "reason", "detail"),
    [
        ("empty.txt", b"", RejectionReason.EMPTY, "the input is empty"),
        ("blank.txt", b"  \n\n ", RejectionReason.EMPTY, "the input is empty"),
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            RejectionReason.BINARY,
            "binary (contains NUL bytes)",
        ),
        (
            "latin1.txt",
            "Le président a été reçu à Paris.".encode("latin-1"),
            RejectionReason.ENCODING,
            "not valid UTF-8 (byte 0xe9 at offset 5)",
        ),
        (
            "french.txt",
            (
                "Le ministre des affaires étrangères a rencontré son homologue à Paris "
                "pour discuter de la situation dans la région et des relations entre "
                "les deux pays, selon un communiqué."
            ).encode(),
            RejectionReason.LANGUAGE,
            "the article is in French (fr; detected",
        ),
        ("huge.txt", b"word " * 300_000, RejectionReason.TOO_LARGE, "over the limit"),
    ],
)
def test_bad_files_become_rejections(
    tmp_path: Path, name: str, data: bytes, reason: RejectionReason, detail: str
) -> None:
    (item,) = iter_articles([str(write(tmp_path / name, data))])
    assert isinstance(item, Rejection)
    assert item.reason is reason
    assert detail in item.detail
    assert item.stage == "ingest"


def test_malformed_jsonl_line_is_rejected_and_the_rest_is_read(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": ARTICLE})
    path = write(
        tmp_path / "m.jsonl",
        f'{good}\n{{"id": "b", "text": \n[1, 2]\n{{"id": "c"}}\n'
        + good.replace('"a"', '"d"')
        + "\n",
    )
    items = list(iter_articles([str(path)]))
    kinds = [(type(i).__name__, getattr(i, "reason", None)) for i in items]
    assert kinds == [
        ("Article", None),
        ("Rejection", RejectionReason.MALFORMED),
        ("Rejection", RejectionReason.MALFORMED),
        ("Rejection", RejectionReason.NO_TEXT),
        ("Article", None),
    ]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.detail.startswith("line 2 is not valid JSON")
    assert rejection.origin.endswith("m.jsonl:2")
    assert items[3].article_id == "c"  # type: ignore[union-attr]


def test_record_language_other_than_english_is_rejected(tmp_path: Path) -> None:
    rec = {"id": "fr1", "text": "Le ministre a rencontré son homologue.", "lang": "fr"}
    (item,) = iter_articles([str(write(tmp_path / "a.jsonl", json.dumps(rec)))])
    assert isinstance(item, Rejection) and item.reason is RejectionReason.LANGUAGE
    assert "the article is in French (fr; the record says 'fr')" in item.detail
    assert "add 'fr' to the languages setting" in item.detail


def test_csv_without_text_column(tmp_path: Path) -> None:
    (item,) = iter_articles([str(write(tmp_path / "a.csv", "id,body\n1,hello\n"))])
    assert isinstance(item, Rejection) and item.reason is RejectionReason.NO_TEXT
    assert "columns: id, body" in item.detail


def test_folder_is_read_recursively_in_order_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "sub" / "a.jsonl", json.dumps({"id": "j", "text": ARTICLE}))
    write(tmp_path / "notes.md", "ignored")
    write(tmp_path / ".hidden.txt", ARTICLE)
    items = list(iter_articles([str(tmp_path)]))
    assert [getattr(i, "origin", "") for i in items] == [
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "a.jsonl") + ":1",
    ]


def test_stdin_text_and_jsonl() -> None:
    (item,) = iter_articles(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert isinstance(item, Article) and item.origin == "-"
    lines = (json.dumps({"id": "1", "text": ARTICLE}) + "\n").encode()
    (item,) = iter_articles(["-"], stdin=io.BytesIO(lines))
    assert isinstance(item, Article) and item.id == "1"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "input '{p}' does not exist; give a .txt, .html, .jsonl, .csv, .parquet"),
        ("paper.pdf", "input '{p}' has no reader for '.pdf'"),
    ],
)
def test_unusable_paths_raise_one_line_errors(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    if name.endswith(".pdf"):
        write(path, b"%PDF")
    with pytest.raises(InputError) as info:
        list(iter_articles([str(path)]))
    assert message.format(p=path) in str(info.value)
    assert "\n" not in str(info.value)
