"""The website in a real browser: navigation, search, links, charts, accessibility, layout."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin

import pytest

from tests.browser.conftest import AXE, needs_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = needs_chromium

PAGES = (
    "index.html",
    "protokoll/2022-11-10-stadtteiltisch.html",
    "einrichtung/sbz.html",
    "person/kathrin-krug.html",
    "jahr/2022.html",
    "archiv.html",
    "personen.html",
    "einrichtungen.html",
    "statistik.html",
    "suche.html",
)


def open_page(browser: Browser, width: int = 1280) -> tuple[Page, list[str]]:
    """A new page that records console errors and uncaught exceptions."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page, errors


def test_start_to_protocol_to_institution(browser: Browser, site_url: str) -> None:
    page, errors = open_page(browser)
    page.goto(site_url + "index.html")
    assert page.locator("h1").inner_text() == "Protokolle Stadtteiltisch"
    page.get_by_role("link", name="Protokoll Stadtteiltisch 12.01.23").click()
    assert page.url.endswith("protokoll/2023-01-12-stadtteiltisch.html")
    assert page.locator("article h1").inner_text() == "Protokoll Stadtteiltisch 12.01.23"
    page.get_by_role("link", name="vorheriges (10.11.2022)").click()
    assert page.url.endswith("protokoll/2022-11-10-stadtteiltisch.html")
    page.get_by_role("link", name="SBZ", exact=True).click()
    assert page.url.endswith("einrichtung/sbz.html")
    assert page.locator("h1").inner_text() == "SBZ"
    assert "Kathrin Krug" in page.locator("main").inner_text()
    assert errors == []


def test_the_search_box_finds_the_right_protocol(browser: Browser, site_url: str) -> None:
    page, errors = open_page(browser)
    page.goto(site_url + "index.html")
    box = page.locator("#suche input")
    box.fill("Strassenfest")
    link = page.locator(".pagefind-ui__result-link").first
    link.wait_for(timeout=15_000)
    assert link.get_attribute("href") is not None
    # the site has one search bundle per year here: the exact hit comes first, a bundle without
    # one may add a partial hit below it ('Straße', 'Sommerfest' in 2021)
    assert "2023-01-12-stadtteiltisch" in str(link.get_attribute("href"))
    box.fill("Weihnachtsmärkte")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pagefind-ui__result-link')]"
        ".some(a => a.href.includes('2021-12-09'))",
        timeout=15_000,
    )
    link = page.locator(".pagefind-ui__result-link", has_text="09.12.21").first
    link.click()
    assert page.url.endswith("protokoll/2021-12-09-stadtteiltisch.html")
    assert errors == []


def test_no_console_errors_and_every_internal_link_resolves(
    browser: Browser, site_url: str
) -> None:
    page, errors = open_page(browser)
    seen: set[str] = set()
    queue = [site_url + "index.html"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        if not url.endswith(".html"):
            try:
                with urllib.request.urlopen(url) as response:
                    assert response.status == 200, url
            except urllib.error.HTTPError as exc:
                pytest.fail(f"{url}: {exc.code}")
            continue
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        hrefs: list[str] = page.eval_on_selector_all(
            "a[href], img[src], link[href]", "els => els.map(e => e.href || e.src)"
        )
        for href in hrefs:
            target = urldefrag(urljoin(url, href))[0]
            if target.startswith(site_url):
                queue.append(target)
    assert len([u for u in seen if u.endswith(".html")]) >= 30
    assert errors == []


def test_the_charts_render(browser: Browser, site_url: str) -> None:
    page, errors = open_page(browser)
    for rel in ("person/kathrin-krug.html", "einrichtung/sbz.html", "statistik.html"):
        page.goto(site_url + rel)
        images = page.locator("figure img")
        assert images.count() >= 1
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete", arg=image.element_handle())
            width = image.evaluate("img => img.naturalWidth")
            assert width > 300, rel
            assert image.get_attribute("alt")
    assert errors == []


def axe(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    violations: list[dict[str, Any]] = result["violations"]
    return violations


@pytest.mark.parametrize("rel", PAGES)
def test_no_serious_accessibility_violations(browser: Browser, site_url: str, rel: str) -> None:
    page, _errors = open_page(browser)
    page.goto(site_url + rel)
    page.wait_for_load_state("networkidle")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in axe(page)
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


def test_pages_fit_a_360_pixel_screen(browser: Browser, site_url: str) -> None:
    page, _errors = open_page(browser, width=360)
    for rel in PAGES:
        page.goto(site_url + rel)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{rel}: {width} px breit"


def test_the_print_stylesheet_hides_navigation(browser: Browser, site_url: str) -> None:
    page, _errors = open_page(browser)
    page.goto(site_url + "protokoll/2022-11-10-stadtteiltisch.html")
    assert page.locator("header.kopf").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("header.kopf").is_visible()
    assert not page.locator(".blaettern").is_visible()
    assert page.locator("article h1").is_visible()
