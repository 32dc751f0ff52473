"""Names learnt from coded articles: `thucydides actors suggest` over a real store, then reuse.

The articles are written for these tests; "Jane Roe" and the "Zorblat Front" are in no dictionary.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from thucydides.cli import main
from thucydides.dictionaries.actors import DATA_DIR, default_dictionary, load_actor_dictionary
from thucydides.dictionaries.discovered import suggest, write_discovered
from thucydides.store import Store
from thucydides.store.actors import ActorNote, actor_notes

pytestmark = pytest.mark.slow

ARTICLES = [
    {
        "id": "a1",
        "published": "2023-03-01",
        "text": "Chad's new defence minister Jane Roe accused the Zorblat Front of attacking "
        "two villages on Monday.",
    },
    {
        "id": "a2",
        "published": "2023-03-05",
        "text": "The Zorblat Front attacked a police post on Sunday. Jane Roe condemned the attack.",
    },
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("suggest")
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "t.duckdb"
    main(["code", str(source), "--db", str(db), "-q"])
    return db


def test_store_gives_back_the_actor_notes(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        notes = list(actor_notes(store))
    roe = [n for n in notes if n.name == "Jane Roe"]
    assert roe and roe[0].code == "TCDGOV" and roe[0].published == dt.date(2023, 3, 1)
    assert any(n.code is None and n.text == "Zorblat Front" for n in notes)


def test_suggest_and_reuse(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        found = suggest(actor_notes(store), default_dictionary())
    by_key = {(s.kind, s.name): s for s in found}
    front = by_key[("unresolved", "Zorblat Front")]
    assert front.count == 3  # accused (recipient), attacking and attacked (actor)
    assert front.first_seen == dt.date(2023, 3, 1) and front.last_seen == dt.date(2023, 3, 5)
    roe = by_key[("discovered", "Jane Roe")]
    assert roe.codes.most_common(1)[0][0] == "TCDGOV"
    assert roe.contexts[0].startswith("Chad's new defence minister Jane Roe accused")

    path, n = write_discovered(found, default_dictionary(), tmp_path)
    assert n == 1
    assert "Jane Roe,,TCD,GOV,seen in text,2023-03-01," in path.read_text(encoding="utf-8")
    # the discovered role loads as a dated person, so later articles resolve the bare name
    d = load_actor_dictionary(DATA_DIR, [tmp_path])
    entry = d.lookup("Jane Roe")
    assert entry is not None and entry.source.startswith("people.csv:")


def test_cli_suggest(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["actors", "suggest", "--db", str(store_path), "--write", str(tmp_path / "kb")])
    out = capsys.readouterr().out
    assert "Zorblat Front" in out and "unresolved" in out
    assert "Jane Roe" in out and "discovered" in out and "TCDGOV" in out
    assert f"appended 1 discovered people to {tmp_path / 'kb' / 'people.csv'}" in out


def test_cli_suggest_without_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.duckdb"
    with pytest.raises(SystemExit) as exit_info:
        main(["actors", "suggest", "--db", str(db)])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == (
        f"Error: no store at {db}; run `thucydides code ... --db {db}` first"
    )


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        (ActorNote("x", None, "s", "actors", None, None, "Zorblat Front", "subj; unknown name"), "unresolved"),
        (ActorNote("x", None, "s", "actors", "TCDGOV", "Jane Roe", "Jane Roe", "subj; country"), "discovered"),
        (ActorNote("x", None, "s", "actors", "TURGOV", "Recep Tayyip Erdogan", "E", "subj"), None),
        (ActorNote("x", None, "s", "actors", "TCDGOV", "Jane Roe", "she", "coreference: 'she'"), None),
        (ActorNote("x", None, "s", "actors", None, None, "the men", "subj; unknown name"), None),
    ],
)  # fmt: skip
def test_what_is_suggested(note: ActorNote, kind: str | None) -> None:
    found = suggest([note], default_dictionary())
    assert [s.kind for s in found] == ([kind] if kind else [])
