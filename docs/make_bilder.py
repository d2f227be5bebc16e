"""Render the reference protocol as a reader sees it: PDF, DOCX and mail HTML as PNG pictures.

``make bilder`` runs this script. It writes every page into ``ausgabe/bilder/`` (ignored by git)
and one picture of each format into ``docs/bilder/`` for the README:

- the PDF through poppler's ``pdftoppm``,
- the Word file through LibreOffice (``soffice --convert-to pdf``, its own profile) and
  ``pdftoppm`` — as Word users see it, with LibreOffice's metric-compatible fonts,
- the mail's HTML part through headless Chromium at 800 and 390 (phone) pixels wide.

Needs ``pdftoppm`` (poppler-utils), ``soffice`` (libreoffice-writer-nogui) and ``chromium``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "archiv" / "2022-11-10-stadtteiltisch.txt"
DPI = 80
WIDTHS = (800, 390)
"""Window widths for the mail: a desktop mail program and a phone."""

README_PICTURES = {
    "pdf-1.png": "protokoll-pdf.png",
    "docx-1.png": "protokoll-docx.png",
    "mail-800.png": "protokoll-mail.png",
}
"""Which page goes into ``docs/bilder/`` under which name."""


def tool(*names: str) -> str:
    """The path of the first of ``names`` that is installed, or exit with a German hint."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    sys.exit(f"{names[0]} fehlt (apt-get install poppler-utils libreoffice-writer-nogui chromium)")


def run(command: list[str], timeout: float = 180) -> str:
    """Run a tool, return its standard output; stop with its message if it fails."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        sys.exit(f"{command[0]} ist fehlgeschlagen:\n{result.stderr}")
    return result.stdout


def pdf_pages(pdf: Path, target: Path, prefix: str) -> list[Path]:
    """Every page of ``pdf`` as ``<prefix>-<n>.png`` in ``target``."""
    run([tool("pdftoppm"), "-r", str(DPI), "-png", str(pdf), str(target / prefix)])
    pages = sorted(target.glob(f"{prefix}-*.png"))
    for page in pages:  # pdftoppm pads the number when there are ten pages or more
        page.rename(target / f"{prefix}-{int(page.stem.rsplit('-', 1)[1])}.png")
    return sorted(target.glob(f"{prefix}-*.png"))


def docx_as_pdf(docx: Path, work: Path) -> Path:
    """The Word file converted by LibreOffice (own profile, so a running office is untouched)."""
    profile = (work / "lo-profil").as_uri()
    run([tool("soffice", "libreoffice"), "--headless", f"-env:UserInstallation={profile}",
         "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)])  # fmt: skip
    return work / "lo" / f"{docx.stem}.pdf"


def at_width(html: Path, width: int, work: Path, script: str = "") -> Path:
    """A copy of the page laid out ``width`` pixels wide (headless Chromium's window is at least
    500 wide; the page itself is narrowed instead), with an optional script at its end."""
    narrowed = f"<style>html {{ width: {width}px; overflow: hidden; }}</style>"
    source = html.read_text("utf-8").replace("</head>", f"{narrowed}</head>", 1)
    copy = work / f"{html.stem}-{width}{'-probe' if script else ''}.html"
    copy.write_text(source.replace("</body>", f"{script}</body>", 1), "utf-8")
    return copy


def page_height(chromium: str, html: Path, width: int, work: Path) -> int:
    """The height of the page at ``width`` pixels (Chromium reports it in the title)."""
    script = "<script>document.title = document.documentElement.scrollHeight</script>"
    probe = at_width(html, width, work, script)
    dom = run([chromium, "--headless", "--no-sandbox", "--hide-scrollbars",
               f"--window-size={max(width, 500)},600", "--dump-dom", probe.as_uri()])  # fmt: skip
    match = re.search(r"<title>(\d+)</title>", dom)
    return int(match.group(1)) if match else 2400


def screenshot(html: Path, width: int, target: Path, work: Path) -> Path:
    """The whole page at ``width`` pixels as ``mail-<width>.png``."""
    chromium = tool("chromium", "chromium-browser", "google-chrome")
    height = page_height(chromium, html, width, work)
    picture = target / f"mail-{width}.png"
    page = at_width(html, width, work)
    run([chromium, "--headless", "--no-sandbox", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={picture}", page.as_uri()])  # fmt: skip
    return picture


def main() -> None:
    """Render the pictures (``--protokoll`` for another protocol)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--protokoll", type=Path, default=REFERENCE)
    parser.add_argument("--ausgabe", type=Path, default=ROOT / "ausgabe" / "bilder")
    parser.add_argument("--readme", type=Path, default=ROOT / "docs" / "bilder")
    args = parser.parse_args()

    import protokollkit
    from protokollkit.writers.email import write_email_html

    protocol = protokollkit.read(args.protokoll)
    args.ausgabe.mkdir(parents=True, exist_ok=True)
    for old in args.ausgabe.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="protokollkit-bilder-") as folder:
        work = Path(folder)
        pdf = work / "protokoll.pdf"
        pdf.write_bytes(protokollkit.write(protocol, "pdf"))
        docx = work / "protokoll.docx"
        docx.write_bytes(protokollkit.write(protocol, "docx"))
        mail = work / "mail.html"
        mail.write_text(write_email_html(protocol), "utf-8")
        written = pdf_pages(pdf, args.ausgabe, "pdf")
        written += pdf_pages(docx_as_pdf(docx, work), args.ausgabe, "docx")
        written += [screenshot(mail, width, args.ausgabe, work) for width in WIDTHS]
    for picture in written:
        print(f"Bild: {picture}")
    if args.protokoll == REFERENCE:
        args.readme.mkdir(parents=True, exist_ok=True)
        for source, name in README_PICTURES.items():
            shutil.copyfile(args.ausgabe / source, args.readme / name)
            print(f"für die README: {args.readme / name}")


if __name__ == "__main__":
    main()
