"""The dashboard in a real browser (Debian's Chromium driven by Playwright) against a real server.

Screenshots go to a temporary folder, or to ``$THUCYDIDES_SCREENSHOTS`` when it is set (the README's
come from ``THUCYDIDES_SCREENSHOTS=docs/screenshots pytest tests/web/test_browser.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from webstore import ACTOR_NAME, ATTR_TITLE, IMG_TEXT, SCRIPT_TITLE, TOKEN, Server

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"{CHROMIUM} is absent: install it with `apt-get install -y chromium` (.ci/run does)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = os.environ.get("THUCYDIDES_SCREENSHOTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    pg.on(
        "request",
        lambda r: (
            problems.append(f"off-site request: {r.url}")
            if not r.url.startswith("http://127.0.0.1")
            else None
        ),
    )
    pg.problems = problems
    yield pg
    context.close()


def open_page(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]")
    assert page.get_attribute("body", "data-ready") == "yes", page.text_content("#status")


def assert_inert(page: Any) -> None:
    """No payload ran, no element came out of the data, no CSP or script error was logged."""
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img, main svg[onload], main script, [onmouseover]").count() == 0
    assert page.problems == []


def test_dyad_to_event_to_evidence(page: Any, server: Server, shots: Path) -> None:
    open_page(page, server.url + "/")
    assert page.locator("#quad-chart svg .bar").count() == len(api(server, "/series")["series"])
    dyads = api(server, "/top/dyads?limit=15")["dyads"]
    assert page.locator("#top-dyads tbody tr").count() == len(dyads)
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    assert_inert(page)

    page.click("#top-dyads a.dyad-link:text-is('TURMIL')")
    page.wait_for_selector("body[data-ready]")
    assert page.text_content("#dyad-name") == "TURMIL – SYRMIL"
    page.click("#dyad-chart .point[data-period='2024-02-01']")
    page.wait_for_selector("#dyad-events-title:text('2024-02-01 to 2024-02-29')")
    assert page.locator("#dyad-events tbody tr").count() == 1

    page.click("#dyad-events a.event-link")
    page.wait_for_selector("body[data-ready]")
    marks = dict(
        zip(
            page.locator("#event-sentence mark").evaluate_all("ms => ms.map(m => m.className)"),
            page.locator("#event-sentence mark").all_text_contents(),
            strict=True,
        )
    )
    assert marks == {
        "m-actor": "Turkish forces",
        "m-trigger": "shelled",
        "m-recipient": "Syrian army",
        "m-place": "Aleppo",
        "m-date": "Monday",
    }
    page.screenshot(path=str(shots / "event.png"), full_page=True)
    first_source = page.text_content(".article-title")
    assert page.locator("#event-reports a").count() == 1  # the other report of the strike
    page.click("#event-reports a")
    page.wait_for_url("**/event?id=*")
    page.wait_for_selector("body[data-ready]")
    assert {first_source, page.text_content(".article-title")} == {
        ATTR_TITLE,
        "Shelling near Aleppo",
    }
    assert_inert(page)


def test_payloads_in_text_titles_and_names_stay_text(page: Any, server: Server) -> None:
    open_page(page, server.url + "/event?id=a-meeting-e0")
    assert IMG_TEXT in page.text_content("#event-sentence")
    assert page.text_content(".article-title") == SCRIPT_TITLE
    assert ACTOR_NAME in page.text_content("#event-fields")
    assert IMG_TEXT in page.text_content("#event-explanation")
    page.hover(".article-title")
    assert_inert(page)
    open_page(page, server.url + "/event?id=a-strike-e0")
    assert page.text_content(".article-title") == ATTR_TITLE
    assert page.get_attribute(".article-title", "href") == "#"  # a javascript: URL made inert
    page.hover(".article-title")
    assert_inert(page)
    open_page(page, server.url + "/events?text=img")
    assert IMG_TEXT in page.text_content("#events-table")
    assert_inert(page)


def api(server: Server, path: str) -> Any:
    return httpx.get(server.url + "/api" + path).json()


@pytest.mark.parametrize(
    ("path", "selector", "api_path", "key", "shot"),
    [
        ("/events", "#events-table tbody tr", "/events?limit=50", "events", "events.png"),
        (
            "/events?plover=ASSAULT",
            "#events-table tbody tr",
            "/events?plover=ASSAULT",
            "events",
            None,
        ),
        (
            "/actor?code=RUSMIL",
            "#actor-dyads tbody tr",
            "/top/dyads?party=RUSMIL",
            "dyads",
            "actor.png",
        ),
        ("/actor?code=TURGOV", "#actor-events tbody tr", "/actors/TURGOV/timeline", "events", None),
        ("/map", "#map circle.dot", "/map", "points", "map.png"),
        ("/dyad?a=RUS&b=UKR", "#dyad-chart .point", "/dyads/RUS/UKR/series", "series", "dyad.png"),
    ],
)
def test_each_page_shows_what_the_api_answers(
    page: Any,
    server: Server,
    shots: Path,
    path: str,
    selector: str,
    api_path: str,
    key: str,
    shot: str | None,
) -> None:
    open_page(page, server.url + path)
    assert page.locator(selector).count() == len(api(server, api_path)[key]) > 0
    if shot:
        page.screenshot(path=str(shots / shot))  # the first screen: the lists are long
    assert_inert(page)


def test_event_table_pages(page: Any, server: Server) -> None:
    open_page(page, server.url + "/events")
    first = page.text_content("#events-table tbody tr")
    page.click("#events-pager button:text('Older')")
    page.wait_for_selector("#events-pager button:text('Newer')")
    assert page.text_content("#events-table tbody tr") != first
    assert_inert(page)


def test_event_table_filters_from_the_form(page: Any, server: Server) -> None:
    open_page(page, server.url + "/events")
    page.fill("#events-form input[name=plover]", "AID")
    page.fill("#events-form input[name=text]", "humanitarian")
    page.click("#events-form button")
    page.wait_for_selector("#events-pager span:text('1–1')")
    assert "plover=AID&text=humanitarian" in page.url
    assert page.locator("#events-table tbody tr").count() == 1
    assert "Turkey sent humanitarian aid" in page.text_content("#events-table")


@pytest.mark.slow
def test_paste_an_article(page: Any, server: Server, shots: Path) -> None:
    open_page(page, server.url + "/code")
    page.fill(
        "textarea[name=text]",
        "Russia accused Ukraine of shelling Donetsk on Monday. <b onclick=x()>bold</b>",
    )
    page.fill("input[name=published]", "2024-05-01")
    page.fill("input[name=token]", TOKEN)
    page.click("#code-form button")
    page.wait_for_selector("#code-results .coded mark.m-trigger", timeout=60_000)
    assert page.text_content("#code-results mark.m-trigger") == "accused"
    page.screenshot(path=str(shots / "code.png"), full_page=True)
    assert_inert(page)
