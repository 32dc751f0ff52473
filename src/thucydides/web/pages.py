"""The dashboard pages: HTML shells that draw themselves from the JSON API (static/app.js).

A page never runs a query of its own: it asks ``/api`` like any client, so the dashboard shows
exactly what the API (and ``thucydides query``) answers. Templates are autoescaped.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

PAGES: dict[str, tuple[str, str]] = {
    # path: (template, title)
    "/": ("overview.html", "Overview"),
    "/events": ("events.html", "Events"),
    "/event": ("event.html", "Event"),
    "/dyad": ("dyad.html", "Dyad"),
    "/actor": ("actor.html", "Actor"),
    "/map": ("map.html", "Map"),
    "/code": ("code.html", "Code a text"),
}

router = APIRouter(include_in_schema=False)


@functools.cache
def render(template: str, title: str, coding: bool) -> str:
    """A page's HTML: the same for every request to a server (the data comes from the API), so
    rendered once per page and token setting."""
    return TEMPLATES.get_template(template).render(title=title, coding=coding)


def _page(template: str, title: str) -> Any:
    async def page(request: Request) -> HTMLResponse:
        return HTMLResponse(render(template, title, bool(request.app.state.token)))

    return page


for _path, (_template, _title) in PAGES.items():
    router.add_api_route(
        _path, _page(_template, _title), methods=["GET"], response_class=HTMLResponse
    )

__all__ = ["PAGES", "router"]
