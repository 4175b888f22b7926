"""`make pdf`: every report printed to an A4 PDF by headless Chromium, its Chinese text
extractable; without Chromium, one line saying what to install."""

import unicodedata

import pytest

from analysis import config
from analysis.cli import main
from analysis.rendering import pdf


def test_without_chromium_one_line_says_what_to_install(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    code = main(["pdf", "--out", str(tmp_path)])
    assert code == 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "apt-get install chromium" in errors[0]
    assert list(tmp_path.iterdir()) == []


def test_without_rendered_reports_it_says_so(tmp_path, capsys):
    assert main(["pdf", "--reports", str(tmp_path)]) == 2


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    try:
        browser = pdf.find_browser()
    except pdf.NoBrowser:
        pytest.skip("headless Chromium is not installed (.ci/run installs it: apt-get install chromium)")
    out = tmp_path_factory.mktemp("pdf")
    pages = [config.REPORTS_DIR / "annual_2025.html", config.REPORTS_DIR / "en" / "annual_2023.html"]
    return {page.name if page.parent == config.REPORTS_DIR else f"en/{page.name}":
            pdf.print_pdf(page, out / page.relative_to(config.REPORTS_DIR).with_suffix(".pdf"), browser)
            for page in pages}


def text_of(reader) -> str:
    # NFKC: the CJK font maps a few characters to their Kangxi radical forms (⼗ for 十).
    return unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages))


def test_a_report_prints_on_a4_with_its_title_page_numbers_and_chinese_text(printed):
    from pypdf import PdfReader

    reader = PdfReader(printed["annual_2025.html"])
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(595, 842)}  # A4 in points
    assert 4 <= len(reader.pages) <= 20
    text = text_of(reader)
    assert "一、总体情况" in text and "二、主要指标完成情况" in text and "终期" in text
    assert f"1 / {len(reader.pages)}" in text  # page numbers
    assert text.count("慈溪市科技创新“十四五”规划监测报告(2025年)") >= len(reader.pages)  # running title
    english = text_of(PdfReader(printed["en/annual_2023.html"]))
    assert "1. Overall assessment" in english and "Mid-term review" in english
