"""Browser tests: the website served over loopback HTTP, Debian's chromium through Playwright.

Skipped only where ``chromium`` is missing *and* the environment variable CI is unset:
``.ci/run`` installs chromium and sets CI, so in CI these tests always run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from protokollkit.archive.site import build_site
from tests.archive.conftest import make_archive

if TYPE_CHECKING:
    from playwright.sync_api import Browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
"""axe-core (MPL-2.0, see vendor/README.md), injected into pages for the accessibility check."""

TODAY = dt.date(2022, 11, 11)

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None and not os.environ.get("CI"),
    reason="chromium ist nicht installiert (in CI läuft dieser Test immer)",
)


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("chromium fehlt: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def build_sample_site(folder: Path) -> Path:
    """The website of the small test archive (with documents and search) in ``folder``; one
    search bundle per year, so that the search box merges several."""
    archive = make_archive(folder / "archiv")
    site = folder / "website"
    build_site(
        archive, site, today=TODAY, base_url="https://example.org/protokolle/", search_group=1
    )
    return site


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the served sample website."""
    site = build_sample_site(tmp_path_factory.mktemp("browser"))
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One chromium for the module."""
    with chromium() as instance:
        yield instance
