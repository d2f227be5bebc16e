"""Screenshots of the website for the README (``make screenshots``): 1280 and 390 px wide.

Builds the website of the small test archive, serves it on loopback and writes
``website-1280.png`` and ``website-390.png`` (start page) and ``protokoll-390.png`` into the
folder given (default ``docs/bilder``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import build_sample_site, chromium, serve

SHOTS = (
    ("website-1280.png", "index.html", 1280, 900),
    ("website-390.png", "index.html", 390, 844),
    ("protokoll-390.png", "protokoll/2022-11-10-stadtteiltisch.html", 390, 844),
)


def main() -> None:
    """Write the screenshots into the folder named on the command line."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/bilder")
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = build_sample_site(Path(work))
        with serve(site) as url, chromium() as browser:
            for name, rel, width, height in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(url + rel)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(target / name))
                page.close()
                print(f"geschrieben: {target / name}")


if __name__ == "__main__":
    main()
