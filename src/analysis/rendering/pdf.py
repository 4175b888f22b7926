"""A4 PDFs of the rendered reports, printed by headless Chromium (Debian's `chromium`, the browser
the tests use): the reports' own print rules set the page (A4, margins, running title, page
numbers), so a PDF is what a reviewer gets from the browser's print dialog."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Sequence

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--run-all-compositor-stages-before-draw"]


class NoBrowser(RuntimeError):
    """No headless Chromium on this machine."""


def find_browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise NoBrowser("PDFs are printed by headless Chromium, which is not installed: "
                    "apt-get install chromium (Debian/Ubuntu), or install Google Chrome")


def reports_to_print(reports_dir: Path) -> list[Path]:
    """Every report of a folder (the index is a list of links, not a report)."""
    return sorted(p for p in reports_dir.rglob("*.html")
                  if p.name != "index.html" and "pdf" not in p.relative_to(reports_dir).parts)


def print_pdf(page: Path, pdf: Path, browser: str | None = None, timeout: int = 120) -> Path:
    """One HTML page printed to an A4 PDF; the file appears only when printing succeeded."""
    browser = browser or find_browser()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        partial = pdf.with_name(pdf.name + ".part")
        result = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={partial}",
             page.resolve().as_uri()],
            capture_output=True, text=True, timeout=timeout)
        if result.returncode or not partial.exists() or partial.stat().st_size == 0:
            partial.unlink(missing_ok=True)
            raise RuntimeError(f"{page}: Chromium could not print it "
                               f"({(result.stderr.strip().splitlines() or ['no message'])[-1]})")
        partial.replace(pdf)
    return pdf


def print_reports(reports_dir: Path, out_dir: Path, pages: Sequence[Path] | None = None) -> list[Path]:
    """Each report of `reports_dir` as `out_dir/<same path>.pdf`."""
    browser = find_browser()
    written = []
    for page in pages or reports_to_print(reports_dir):
        relative = page.resolve().relative_to(reports_dir.resolve()).with_suffix(".pdf")
        written.append(print_pdf(page, out_dir / relative, browser))
    return written
