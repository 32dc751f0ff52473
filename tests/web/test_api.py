"""The JSON API over a real uvicorn server on loopback: answers, the one error shape, security."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from webstore import ARTICLES, IMG_TEXT, SCRIPT_TITLE, TOKEN, Server, free_port, run_server

from thucydides.models import Actor, Article, Event, Trigger
from thucydides.store import Store

REPORTS = sum(len(specs) for *_, specs in ARTICLES)
EVENTS = REPORTS - 1  # the two reports of the strike are one event


def get(server: Server, path: str, **kw: Any) -> httpx.Response:
    return httpx.get(server.url + path, timeout=30, **kw)


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        ("/api/health", "events", EVENTS),
        ("/api/health", "reports", REPORTS),
        ("/api/stats", "events", REPORTS),
        ("/api/events?plover=ACCUSE&actor=RUS", "events", ["a-aid-e1"]),
        ("/api/events?text=humanitarian", "events", ["a-aid-e0"]),
        ("/api/events?place=Aleppo", "events", ["a-strike-again-e0"]),  # the representative
        ("/api/events?cameo=19&country=SYR", "events", ["a-strike-again-e0"]),
        ("/api/events?since=2024-01-09&until=2024-01-09", "events", ["a-meeting-e0"]),
        ("/api/dyads/TUR/SYR/events", "events", ["a-aid-e0", "a-strike-again-e0", "a-meeting-e0"]),
        ("/api/dyads/SYR/TUR/events?directed=true", "events", []),
        ("/api/actors/TURGOV/timeline", "events", ["a-meeting-e0"]),
    ],
)
def test_answers(server: Server, path: str, key: str, expected: Any) -> None:
    body = get(server, path).json()
    assert body["ok"] is True
    value = body[key]
    if isinstance(expected, list):
        value = [e["event_id"] for e in value]
    assert value == expected


def test_dyad_series_has_both_curves(server: Server) -> None:
    body = get(server, "/api/dyads/TUR/SYR/series").json()
    by_month = {r["period"]: r for r in body["series"]}
    assert list(by_month) == ["2024-01-01", "2024-02-01", "2024-03-01"]
    assert by_month["2024-02-01"]["material_conflict"] == 1
    assert by_month["2024-02-01"]["mean_goldstein"] == -10.0
    assert by_month["2024-03-01"]["material_cooperation"] == 1


def test_series_top_and_map(server: Server) -> None:
    series = get(server, "/api/series?party=TUR").json()["series"]
    assert sum(r["events"] for r in series) == 4
    dyads = get(server, "/api/top/dyads?limit=3").json()["dyads"]
    assert set(dyads[0]) == {"actor", "recipient", "events", "mean_goldstein"}
    actors = get(server, "/api/top/actors?role=recipient&limit=2").json()["actors"]
    assert len(actors) == 2
    points = {p["name"]: p for p in get(server, "/api/map?party=SYR").json()["points"]}
    assert set(points) == {"Aleppo", "Damascus", "Moscow"}
    assert points["Aleppo"]["events"] == 1  # two reports, one event


def test_event_detail_keeps_the_evidence_and_the_payloads_as_data(server: Server) -> None:
    body = get(server, "/api/events/a-meeting-e0").json()
    assert body["article"]["title"] == SCRIPT_TITLE
    assert [(s["kind"], s["text"]) for s in body["segments"] if s["kind"]] == [
        ("actor", "Turkey's defence minister"),
        ("trigger", "met"),
        ("recipient", "Syrian officials"),
        ("place", "Moscow"),
        ("date", "Tuesday"),
    ]
    assert body["segments"][-1]["text"].endswith(IMG_TEXT + ".")
    strike = get(server, "/api/events/a-strike-e0").json()
    assert strike["num_mentions"] == 2
    assert [r["event_id"] for r in strike["reports"]] == ["a-strike-again-e0"]


def test_openapi_schema_lists_every_route(server: Server) -> None:
    paths = get(server, "/api/openapi.json").json()["paths"]
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/dyads/{a}/{b}/series",
        "/api/actors/{code}/timeline",
        "/api/top/dyads",
        "/api/map",
        "/api/code",
    } <= set(paths)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "message"),
    [
        ("GET", "/api/nothing", {}, 404, "'/api/nothing' is not a page or API route"),
        ("GET", "/api/events/nope", {}, 404, "no event 'nope' in this store"),
        (
            "GET",
            "/api/events?limit=0",
            {},
            422,
            "limit: Input should be greater than or equal to 1",
        ),
        (
            "GET",
            "/api/events?limit=5000",
            {},
            422,
            "limit: Input should be less than or equal to 1000",
        ),
        ("GET", "/api/events?since=yesterday", {}, 422, "since: Input should be a valid date"),
        ("GET", "/api/series?interval=year", {}, 422, "interval: String should match pattern"),
        ("GET", "/api/dyads/TU'R/SYR/series", {}, 422, "a: String should match pattern"),
        ("POST", "/api/events", {}, 405, "Method Not Allowed"),
        ("POST", "/api/code", {"json": {"text": "x"}}, 401, "a valid token is required"),
        (
            "POST",
            "/api/code",
            {"json": {"text": "x"}, "headers": {"authorization": "Bearer wrong"}},
            401,
            "a valid token is required",
        ),
        (
            "POST",
            "/api/code",
            {"json": {"text": ""}, "headers": {"authorization": f"Bearer {TOKEN}"}},
            422,
            "text: String should have at least 1 character",
        ),
        (
            "POST",
            "/api/code",
            {"content": b"x" * 1_000_001, "headers": {"authorization": f"Bearer {TOKEN}"}},
            413,
            "request body too large; the limit is 1000000 bytes",
        ),
    ],
)
def test_one_error_shape(
    server: Server, method: str, path: str, kwargs: dict[str, Any], status: int, message: str
) -> None:
    response = httpx.request(method, server.url + path, timeout=30, **kwargs)
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert body["error"].startswith(message)


def test_security_headers_on_pages_and_api(server: Server) -> None:
    for path in ("/", "/api/health", "/static/app.js", "/api/nothing"):
        headers = get(server, path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_pages_escape_nothing_from_the_store_server_side(server: Server) -> None:
    """Pages are shells: no stored text is rendered into HTML on the server."""
    for path in ("/", "/events", "/event?id=a-meeting-e0", "/dyad?a=<b>&b=x", "/code"):
        html = get(server, path).text
        assert "window.__xss" not in html and "<b>" not in html


@pytest.fixture
def read_only_server(tmp_path: Path, store_path: tuple[Path, list[str]]) -> Iterator[Server]:
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(store_path[0], db)
    yield from run_server(db, token=None)


def test_coding_is_off_without_a_token(read_only_server: Server) -> None:
    response = httpx.post(read_only_server.url + "/api/code", json={"text": "x"})
    assert response.status_code == 403
    assert "start it with `thucydides serve --token" in response.json()["error"]
    assert "Coding is disabled" in get(read_only_server, "/code").text


def _one_more_event(db: Path) -> None:
    text = "Chile praised Peru on Friday."
    event = Event(
        event_id="late-e0", article_id="late", sentence_index=0, sentence=text,
        trigger=Trigger("praised", 6, 13), plover="COOPERATE", plover_mode=None,
        plover_contexts=(), cameo="051", cameo_root="05", goldstein=3.4, quad_class=1,
        actors=(Actor("CHL", "CHL", (), None, "Chile", 0, 5),),
        recipients=(Actor("PER", "PER", (), None, "Peru", 14, 18),),
        factual=True, modality="asserted", date="2024-04-05", date_precision="day",
    )  # fmt: skip
    article = Article(id="late", text=text, published=None, language="en")
    with Store(db) as store:
        store.write([(article, [event])], [], run_id="late", coder_version="test")


def test_ingest_never_waits_for_the_server(read_only_server: Server) -> None:
    """The server reads a snapshot: a writer opens the store while it serves, and a new
    snapshot shows the new event."""
    before = get(read_only_server, "/api/health").json()
    _one_more_event(read_only_server.db)  # would fail with a lock error if the server held it
    assert get(read_only_server, "/api/health").json()["events"] == before["events"]
    assert read_only_server.app.state.reader.refresh_now() is True
    after = get(read_only_server, "/api/health").json()
    assert after["events"] == before["events"] + 1
    assert after["snapshot"]["generation"] == before["snapshot"]["generation"] + 1
    assert (
        get(read_only_server, "/api/events?actor=CHL").json()["events"][0]["event_id"] == "late-e0"
    )


@pytest.mark.slow
def test_code_a_pasted_text(server: Server) -> None:
    response = httpx.post(
        server.url + "/api/code",
        json={
            "text": "Russia accused Ukraine of shelling Donetsk on Monday.",
            "published": "2024-05-01",
        },
        headers={"authorization": f"Bearer {TOKEN}"},
        timeout=120,
    )
    events = response.json()["events"]
    first = events[0]
    assert (first["plover"], first["actors"][0]["code"], first["recipients"][0]["code"]) == (
        "ACCUSE",
        "RUS",
        "UKR",
    )
    assert {"kind": "trigger", "text": "accused", "label": "112"} in events[0]["segments"]


def test_serve_command_serves_and_explains_its_mistakes(
    store_path: tuple[Path, list[str]], tmp_path: Path
) -> None:
    thucydides = [sys.executable, "-m", "thucydides"]
    missing = subprocess.run(
        [*thucydides, "serve", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert missing.returncode == 2
    assert "does not exist; create it with `thucydides code INPUT --db" in missing.stderr
    short = subprocess.run(
        [*thucydides, "serve", "--db", str(store_path[0]), "--token", "abc"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert short.returncode == 2 and "--token is too short" in short.stderr

    port = free_port()
    proc = subprocess.Popen(
        [*thucydides, "serve", "--db", str(store_path[0]), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert body["events"] == EVENTS
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_writer_holding_the_store(tmp_path: Path, store_path: tuple[Path, list[str]]) -> None:
    """While another process writes the store the server cannot start, and a running server
    keeps its last snapshot."""
    from thucydides.errors import StoreError
    from thucydides.web.snapshot import SnapshotReader

    db = tmp_path / "busy.duckdb"
    shutil.copyfile(store_path[0], db)
    reader = SnapshotReader(db, refresh=0)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"from thucydides.store import Store\ns = Store({str(db)!r})\nprint('open', flush=True)\n"
         "import sys; sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="is being written by another process; start"):
            SnapshotReader(db, refresh=0)
        db.touch()  # changed: the reader tries, finds the writer, keeps its snapshot
        from thucydides.store.snapshots import StoreBusyError

        with pytest.raises(StoreBusyError):
            reader.refresh_now()
        assert reader.snapshot.generation == 1
        assert reader.answer(("n",), lambda s: s.sql("SELECT count(*) FROM events")[0][0]) > 0
    finally:
        holder.communicate("", timeout=30)
        reader.close()


def test_answers_come_from_the_cache_of_the_snapshot(server: Server) -> None:
    """A repeated question is a cache hit; codes are upper-cased first, so ``tur`` and ``TUR``
    are one answer; /api/health counts both."""

    def cache() -> dict[str, int]:
        counts: dict[str, int] = get(server, "/api/health").json()["snapshot"]["cache"]
        return counts

    first = get(server, "/api/events?party=RUS&since=2023-06-02&limit=7")
    before = cache()
    again = get(server, "/api/events?party=rus&since=2023-06-02&limit=7")
    after = cache()
    assert again.content == first.content and again.headers["content-type"] == "application/json"
    # two hits: the page, and the counts of the /api/health that reads them
    assert (after["hits"] - before["hits"], after["misses"] - before["misses"]) == (2, 0)
    assert after["answers"] == before["answers"]
    other = get(server, "/api/events?party=RUS&since=2023-06-03&limit=7")
    assert cache()["misses"] == after["misses"] + 1 and other.json()["ok"] is True


def test_health_says_how_long_the_snapshot_took(server: Server) -> None:
    snapshot = get(server, "/api/health").json()["snapshot"]
    assert snapshot["took_seconds"] > 0 and snapshot["generation"] >= 1
