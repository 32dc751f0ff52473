"""The dashboard's pages: HTML shells rendered once per page and token setting."""

from __future__ import annotations

import pytest

from thucydides.web.pages import PAGES, render


@pytest.mark.parametrize(("path", "page"), sorted(PAGES.items()))
@pytest.mark.parametrize("coding", [True, False])
def test_a_page_is_rendered_once_per_token_setting(
    path: str, page: tuple[str, str], coding: bool
) -> None:
    template, title = page
    html = render(template, title, coding)
    assert f"<title>{title} · thucydides</title>" in html
    assert f'data-coding="{"on" if coding else "off"}"' in html
    assert render(template, title, coding) is html  # from the cache: not rendered again
    assert render(template, title, not coding) != html
