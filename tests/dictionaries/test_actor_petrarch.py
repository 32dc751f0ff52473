"""Importing PETRARCH/TABARI actor and agent dictionaries: reading, writing, loading, coding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from thucydides.cli import main
from thucydides.coding.actors import resolve_actors
from thucydides.dictionaries.actors import (
    ACTORS_ENV,
    DATA_DIR,
    default_dictionary,
    extra_folders,
    load_actor_dictionary,
)
from thucydides.dictionaries.petrarch import read_petrarch, write_imported
from thucydides.errors import DataFileError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "petrarch2_unittest"

# Written for these tests, in the format of PETRARCH's actor dictionaries.
ACTORS = """\
<!-- A TEST ACTOR DICTIONARY
     spanning two lines -->
RURITANIA [RUR]
+RURITANIAN
+STRELSAU_  # the capital
BORDURIA  [BOR] # a comment
KING_RUDOLF
\t[RUR < 950601]
\t[RURGOV 19950601 - 19990815]
\t[RURELI > 990816]
SYLDAVIA [SYL/BOR]  # two codes: a compound actor
ZEMBLA_ [ZEM] # exact word only
KLOPSTOKIA [KLP 1a2b3c]
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
MINISTER  [~GOV] # a suffix
POLICE {} [~COP]
HUMAN_RIGHTS_BODY  [NGO~] # a prefix
CONGRESS!PERSON! [~LEG]
"""


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    actors, agents = tmp_path / "test.actors.txt", tmp_path / "test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return [actors, agents]


@pytest.fixture
def folder(sources: list[Path], tmp_path: Path) -> Path:
    out = tmp_path / "kb"
    write_imported(read_petrarch(sources), out)
    return out


def test_read_actors_and_agents(sources: list[Path]) -> None:
    result = read_petrarch(sources)
    by_name = {a.names[0]: a for a in result.actors}
    assert by_name["Ruritania"].names == ["Ruritania", "Ruritanian", "Strelsau"]
    assert [c.code for c in by_name["King Rudolf"].codes] == ["RUR", "RURGOV", "RURELI"]
    rudolf = by_name["King Rudolf"].codes
    assert rudolf[0].end == dt.date(1995, 6, 1)
    assert (rudolf[1].start, rudolf[1].end) == (dt.date(1995, 6, 1), dt.date(1999, 8, 16))
    assert rudolf[2].start == dt.date(1999, 8, 16)
    assert by_name["Ruritania"].stem and not by_name["Zembla"].stem
    terms = {a.term: (a.code, a.prefix) for a in result.agents}
    assert terms["minister"] == ("GOV", False)
    assert terms["human rights body"] == ("NGO", True)
    assert terms["congressman"] == terms["congressmen"] == ("LEG", False)
    # an unreadable date restriction is reported with its line, and the rest is imported
    assert [p.split("test.actors.txt:")[1] for p in result.problems] == [
        "13: unreadable date restriction '1a2b3c' in [KLP 1a2b3c]; skipped",
        "13: 'Klopstokia' has no code; skipped",
    ]


def test_imported_folder_loads_and_overrides(folder: Path) -> None:
    d = load_actor_dictionary(DATA_DIR, [folder])
    assert d.lookup("Ruritanian") is not None
    assert d.lookup("Ruritanians") is not None  # a stem matches longer words
    assert d.lookup("Zemblan") is None  # "ZEMBLA_": exact word only
    entry = d.lookup("King Rudolf")
    assert entry is not None and entry.source.startswith("imported-actors.csv:")
    assert d.lookup("minister") is not None
    assert d.lookup("minister").source.startswith("imported-agents.csv:")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (dt.date(1990, 1, 1), "RUR"),
        (dt.date(1997, 1, 1), "RURGOV"),
        (dt.date(2005, 1, 1), "RURELI"),
    ],
)
def test_date_restrictions(folder: Path, when: dt.date, code: str) -> None:
    d = load_actor_dictionary(DATA_DIR, [folder])
    entry = d.lookup("King Rudolf")
    assert entry is not None
    assert entry.ref.code_on(when) == code  # type: ignore[union-attr]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "codes"),
    [
        ("Ruritania recalled its ambassador.", "Ruritania", ["RUR"]),
        ("The Ruritanian minister resigned.", "minister", ["RURGOV"]),
        ("Bordurian police closed the border.", "police", ["BORCOP"]),
        ("Syldavia protested.", "Syldavia", ["SYL", "BOR"]),  # compound actor: a list
        ("Ruritania and Borduria signed a treaty.", "Ruritania", ["RUR", "BOR"]),
    ],
)
def test_resolution_with_imported_entries(
    nlp: Any, folder: Path, sentence: str, word: str, codes: list[str]
) -> None:
    d = load_actor_dictionary(DATA_DIR, [folder])
    doc = nlp(sentence)
    head = next(t for t in doc if t.text == word)
    assert [a.code for a in resolve_actors(head, dictionary=d)] == codes


def test_environment_variable_adds_folders(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert extra_folders({}) == ()
    monkeypatch.setenv(ACTORS_ENV, str(folder))
    assert extra_folders() == (folder,)
    assert default_dictionary().lookup("Ruritania") is not None
    monkeypatch.setenv(ACTORS_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(DataFileError, match="not a folder"):
        default_dictionary()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("King,,rur gov,,,", "bad code 'RUR GOV'"),
        ("King,,RUR,1999-13-01,,", "bad date '1999-13-01' in column start"),
        ("King,,RUR,2000-01-01,1999-01-01,", "end 1999-01-01 is before start 2000-01-01"),
        ("King,,RUR,,,maybe", "stem must be yes or no"),
        ("King,RUR", "expected 6 fields"),
    ],
)
def test_bad_imported_rows_name_the_line(tmp_path: Path, row: str, message: str) -> None:
    (tmp_path / "imported-actors.csv").write_text(
        "# comment\nname,aliases,code,start,end,stem\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=f"imported-actors.csv:3: {message}"):
        load_actor_dictionary(DATA_DIR, [tmp_path])


def test_cli_import(
    sources: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    main(["actors", "import", *map(str, sources), "--out", str(out)])
    printed = capsys.readouterr()
    assert "imported 5 actors into" in printed.out
    assert f"export THUCYDIDES_ACTORS={out}" in printed.out
    assert "skipped:" in printed.err
    assert (out / "imported-actors.csv").read_text(encoding="utf-8").count("King Rudolf") == 3


def test_cli_import_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["actors", "import", str(tmp_path / "nope.txt")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert (
        err
        == f"Error: no such file: {tmp_path / 'nope.txt'}; give PETRARCH/TABARI dictionary files"
    )


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/eval/petrarch2_unittest not present")
def test_the_petrarch_validation_dictionaries_import(tmp_path: Path) -> None:
    folder = SHARED / "dictionaries"
    result = read_petrarch(sorted(folder.glob("*.txt")))
    assert len(result.actors) > 100 and len(result.agents) > 80
    write_imported(result, tmp_path)
    d = load_actor_dictionary(DATA_DIR, [tmp_path])
    gollum = d.lookup("Smeagol")
    assert gollum is not None
    assert gollum.ref.code_on(dt.date(1997, 1, 1)) == "HOBGOV"  # type: ignore[union-attr]
