"""Rendering one year as reviewers get it: Chinese text, no code, a chart per indicator, offline."""

import re

import nbformat
import pytest

from analysis import config
from analysis.plan import load_indicators
from analysis.rendering import ANNUAL_REPORT, annual_jobs, execute, render_all, to_html

YEAR = 2023


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    written = render_all(annual_jobs([YEAR], ["zh", "en"]), out)
    return out, written


def read(path):
    return path.read_text(encoding="utf-8")


def test_the_files_land_where_the_design_says(rendered):
    out, written = rendered
    assert sorted(p.relative_to(out).as_posix() for p in written) == [
        f"annual_{YEAR}.html", f"en/annual_{YEAR}.html", "index.html"]


@pytest.mark.parametrize("lang, relative", [("zh", f"annual_{YEAR}.html"),
                                            ("en", f"en/annual_{YEAR}.html")])
def test_every_indicator_is_named_in_the_reports_language(rendered, lang, relative):
    page = read(rendered[0] / relative)
    names = load_indicators()[f"name_{lang}"]
    for name in names[:10]:  # the ten 专栏2 indicators
        assert name.replace("&", "&amp;") in page, name
    assert f'<html lang="{lang}">' in page


def test_no_code_reaches_the_reviewer(rendered):
    page = read(rendered[0] / f"annual_{YEAR}.html")
    assert "hl-ipython3" not in page and 'class="jp-InputArea' not in page
    assert "annual_report(" not in page and "import " not in page
    assert "analyst-note" not in page and "Cells tagged" not in page


def test_one_chart_per_indicator_each_described(rendered):
    page = read(rendered[0] / f"annual_{YEAR}.html")
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 10
    assert all('src="data:image/png;base64,' in image for image in images)
    assert all(re.search(r'alt="[^"]*所需路径', image) for image in images)


def test_nothing_is_loaded_from_another_host(rendered):
    for path in rendered[1]:
        page = read(path)
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', page), path


def test_the_report_shows_observations_with_their_sources(rendered):
    page = read(rendered[0] / f"annual_{YEAR}.html")
    assert "79.69 %" in page and "慈溪市科学技术局2023年度工作总结" in page
    assert "994" not in page.split("各指标所需路径")[0]  # a 2024 value stays out of 2023


def test_the_index_links_every_report(rendered):
    page = read(rendered[0] / "index.html")
    links = re.findall(r'href="([^"]+)"', page)
    assert links == [f"annual_{YEAR}.html", f"en/annual_{YEAR}.html"]
    assert all((rendered[0] / link).is_file() for link in links)


def test_the_executed_notebook_has_no_errors_or_warnings():
    job = annual_jobs([2021], ["en"])[0]
    notebook = execute(job)
    streams = [output for cell in notebook.cells for output in cell.get("outputs", [])
               if output.output_type in ("stream", "error")]
    assert streams == []
    assert "Progress in 2021" in to_html(notebook, job.title, "en")


def test_the_notebook_has_a_parameters_cell_with_the_designs_defaults():
    notebook = nbformat.read(ANNUAL_REPORT, as_version=4)
    [cell] = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert "report_year: int = 2025" in cell.source and 'lang: str = "zh"' in cell.source
