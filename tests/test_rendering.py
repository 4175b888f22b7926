"""The report set as reviewers get it: no code, Chinese by default, offline, byte-identical,
committed as rendered, and re-rendered only when its inputs change."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.cli import main
from analysis.plan import load_indicators, load_plan
from analysis.rendering import (ANNUAL_REPORT, MANIFEST, annual_jobs, execute, other_jobs,
                                read_manifest, render_all, to_html)
from conftest import FOUND, SCOPED, kernel_prints

PLAN = load_plan()

YEARS = [2021, 2022, 2023, 2024, 2025]
OTHERS = ["overview", "review_previous_plan", "trajectories", "scenarios", "scenario_explorer",
          "methods"]
MAX_BYTES = 350_000  # issue 11: lean pages


def all_jobs():
    return annual_jobs(PLAN, YEARS, ["zh", "en"]) + other_jobs(PLAN, ["zh", "en"])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The whole set from the live data, as `make reports` renders it."""
    out = tmp_path_factory.mktemp("reports")
    summary = render_all(PLAN, all_jobs(), out, force=True, progress=False)
    assert not summary.failed, summary.failed
    return out


@pytest.fixture(scope="module")
def with_found(tmp_path_factory):
    """Two annual reports from the fixture observations (tests of content never read live data)."""
    out = tmp_path_factory.mktemp("found")
    jobs = annual_jobs(PLAN, [2023, 2024], ["zh"], [FOUND])
    summary = render_all(PLAN, jobs, out, force=True, progress=False)
    assert not summary.failed, summary.failed
    return out


def read(path):
    return path.read_text(encoding="utf-8")


def reports(out):
    return sorted(p for p in out.rglob("*.html") if p.name != "index.html")


def test_the_files_land_where_the_design_says(rendered):
    expected = ([f"annual_{y}.html" for y in YEARS] + [f"{n}.html" for n in OTHERS])
    expected += [f"en/{name}" for name in expected]
    assert sorted(p.relative_to(rendered).as_posix() for p in reports(rendered)) == sorted(expected)
    assert (rendered / "index.html").is_file() and (rendered / MANIFEST).is_file()


def test_every_report_is_reviewer_grade(rendered):
    for path in reports(rendered):
        page = read(path)
        assert path.stat().st_size < MAX_BYTES, path
        assert "hl-ipython3" not in page and 'class="jp-InputArea' not in page, path
        assert not re.search(r'class="[^"]*jp-(Input|Output)Prompt', page), path
        assert "Traceback" not in page and 'data-mime-type="application/vnd.jupyter.stderr"' not in page, path
        assert "analyst-note" not in page, path
        assert re.search(r"<title>[^<]{4,}</title>", page), path
        assert f'<html lang="{"en" if "/en/" in path.as_posix() else "zh"}">' in page, path


def test_nothing_is_loaded_from_another_host(rendered):
    for path in [*reports(rendered), rendered / "index.html"]:
        page = read(path)
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', page), path
        assert "@import url(http" not in page and "url(https://" not in page, path


@pytest.mark.parametrize("lang, relative", [("zh", "annual_2023.html"), ("en", "en/annual_2023.html")])
def test_the_annual_report_names_every_indicator_in_its_language(rendered, lang, relative):
    page = read(rendered / relative)
    for name in load_indicators()[f"name_{lang}"][:10]:
        assert name.replace("&", "&amp;") in page, name


def charts(page: str) -> list[str]:
    """The charts of a page: inline SVG, each in an element that names it for screen readers
    (a chart of its own, or one of a grid of one chart per indicator)."""
    return [own or one for own, one in re.findall(
        r'<div aria-label="([^"]*)" class="jp-RenderedSVG[^"]*" role="img"[^>]*>\s*<svg'
        r'|<figure aria-label="([^"]*)" role="img">\s*<svg', page)]


def test_a_dashboard_and_one_described_chart_per_indicator(rendered):
    page = read(rendered / "annual_2023.html")
    labels = charts(page)
    assert len(labels) == 11  # the year-by-year grid, then one chart per 专栏2 indicator
    assert "<img" not in page  # no bitmap: text in the charts stays text
    assert labels[0] == "各指标历年判断"
    assert all("目标路径" in label for label in labels[1:])
    assert "全社会R&amp;D经费占GDP比重：" in labels[1]  # escaped once, not twice


def test_a_value_of_another_scope_is_listed_but_never_judged(tmp_path):
    jobs = annual_jobs(PLAN, [2023], ["zh", "en"], [SCOPED])
    assert not render_all(PLAN, jobs, tmp_path, force=True, progress=False).failed
    page = read(tmp_path / "annual_2023.html")
    # 75.31 (市级, the plan's scope) is set against the target; 79.69 (全市) is only listed.
    assert "75.31%（2023年）" in page and "79.69%（2023年）" not in page
    assert re.search(r"<td[^>]*>79.69%</td>", page) and "全市（口径不同，不参与评价）" in page
    english = read(tmp_path / "en" / "annual_2023.html")
    assert "whole city (全市, including the Qianwan New Area) (a different scope from the plan" in english
    assert "Cixi proper (市级, excluding the Qianwan New Area)" in english
    assert "the whole city including the Qianwan New Area" not in page  # the English note stays English


def test_observed_values_show_units_and_sources(with_found):
    page = read(with_found / "annual_2023.html")
    assert "79.69%" in page and "慈溪市科学技术局2023年度工作总结" in page
    assert "994家" not in page  # a 2024 value stays out of the 2023 report
    assert "994家" in read(with_found / "annual_2024.html")


def test_mid_term_in_2023_and_final_evaluation_in_2025(rendered):
    assert "时间过半、任务过半" in read(rendered / "annual_2023.html")
    assert "时间过半、任务过半" not in read(rendered / "annual_2024.html")
    assert "终期" in read(rendered / "annual_2025.html")
    assert "终期" not in read(rendered / "annual_2024.html")
    assert "final evaluation" in read(rendered / "en/annual_2025.html").lower()


def test_the_annual_report_opens_with_its_overall_assessment(rendered):
    page = read(rendered / "annual_2024.html")
    headings = re.findall(r"<h2[^>]*>(.*?)<", page)
    assert headings[:5] == ["一、总体情况", "二、主要指标完成情况", "三、正文目标进展",
                            "四、需要关注的问题", "五、数据缺口与责任单位"]
    assert "编制单位：慈溪市科学技术局" in page


def test_the_overview_has_its_data_checks(rendered):
    assert "数据核查（提示，不影响评价）" in read(rendered / "overview.html")
    assert "Data checks (warnings; they change no verdict)" in read(rendered / "en" / "overview.html")


def test_scenarios_are_labelled_as_such(rendered):
    for name in ("scenarios", "scenario_explorer"):
        assert "非预测" in read(rendered / f"{name}.html")
        assert "not a forecast" in read(rendered / f"en/{name}.html")


def test_the_explorer_falls_back_to_a_static_table_and_chart(rendered):
    page = read(rendered / "scenario_explorer.html")
    assert "widget-view" not in page and "<table" in page
    labels = charts(page)  # one fan per indicator
    assert len(labels) == 9 and labels[2] == "各指标情景路径的10%～90%区间：高新技术企业数"


def test_the_index_has_a_card_per_report_and_every_link_resolves(rendered):
    page = read(rendered / "index.html")
    links = re.findall(r'href="([^"]+)"', page)
    assert len(links) == 22 and len(set(links)) == 22
    assert all((rendered / link).is_file() for link in links)


def card(index_page: str, href: str) -> str:
    return re.search(rf'<a class="card[^"]*" href="{re.escape(href)}">.*?</a>', index_page, re.S).group(0)


def test_a_card_shows_the_summary_stored_when_its_report_rendered(with_found):
    index = read(with_found / "index.html")
    assert "最新数据年份 2023" in card(index, "annual_2023.html")
    assert "已达到目标 1" in card(index, "annual_2023.html")
    assert "最新数据年份 2024" in card(index, "annual_2024.html")
    assert "已达到目标 2" in card(index, "annual_2024.html")
    summary = read_manifest(with_found)["annual_2024.html"]["summary"]
    assert summary == {"statuses": {"target_met": 2, "insufficient_data": 8},
                       "latest_data_year": 2024}


def test_rendering_one_year_with_other_data_changes_only_that_years_card(with_found, tmp_path):
    shutil.copytree(with_found, tmp_path, dirs_exist_ok=True)
    before = read(tmp_path / "index.html")
    other = tmp_path / "other.csv"
    other.write_text("indicator_id,year,value,source,note\n"
                     "tech_smes,2022,2600,test fixture,\n", encoding="utf-8")
    summary = render_all(PLAN, annual_jobs(PLAN, [2024], ["zh"], [other]), tmp_path, progress=False)
    assert summary.rendered == ["annual_2024.html"]
    after = read(tmp_path / "index.html")
    assert card(after, "annual_2023.html") == card(before, "annual_2023.html")
    assert "最新数据年份 2022" in card(after, "annual_2024.html")
    assert "已达到目标" not in card(after, "annual_2024.html")


def test_committed_reports_are_what_the_code_renders(rendered):
    for path in [*reports(rendered), rendered / "index.html"]:
        relative = path.relative_to(rendered)
        committed = config.REPORTS_DIR / relative
        assert committed.is_file() and committed.read_bytes() == path.read_bytes(), (
            f"reports/{relative.as_posix()} is stale: run `make reports` and commit reports/")


def test_the_same_bytes_whatever_time_zone_locale_folder_or_workers(tmp_path):
    """A fresh interpreter, another time zone and locale, one worker, run from another folder:
    the committed report, byte for byte."""
    env = {**os.environ, "TZ": "Asia/Shanghai", "LANG": "zh_CN.UTF-8", "LC_ALL": "C",
           "PYTHONHASHSEED": "123"}
    result = subprocess.run([sys.executable, "-m", "analysis", "render", "--year", "2023",
                             "--lang", "en", "--jobs", "1", "--out", str(tmp_path / "out")],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in ("annual_2023.html", "annual_2023.xlsx", "annual_2023_indicators.csv"):
        assert ((tmp_path / "out" / "en" / name).read_bytes()
                == (config.REPORTS_DIR / "en" / name).read_bytes()), name


def test_rendering_never_asks_for_the_projects_named_kernel(monkeypatch):
    """conda and plain venv users have no `cixi-sti` kernel: rendering runs on this interpreter."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def missing(self, name):
        raise NoSuchKernel(name)

    monkeypatch.setattr(KernelSpecManager, "get_kernel_spec", missing)
    [job] = annual_jobs(PLAN, [2022], ["zh"])
    notebook = execute(job.notebook, job.parameters)
    assert "高新技术企业数" in to_html(notebook, job.title, "zh")


def test_rendering_twice_gives_identical_bytes(rendered, tmp_path):
    summary = render_all(PLAN, annual_jobs(PLAN, [2023], ["zh"]), tmp_path, force=True, progress=False)
    assert summary.rendered == ["annual_2023.html"]
    assert (tmp_path / "annual_2023.html").read_bytes() == (rendered / "annual_2023.html").read_bytes()


def test_unchanged_inputs_are_not_rendered_again(rendered, tmp_path):
    shutil.copytree(rendered, tmp_path, dirs_exist_ok=True)
    summary = render_all(PLAN, all_jobs(), tmp_path, progress=False)
    assert summary.rendered == [] and len(summary.unchanged) == 22
    observations = tmp_path / "mine.csv"
    observations.write_text("indicator_id,year,value,source,note\n"
                            "tech_smes,2022,2600,test fixture,\n", encoding="utf-8")
    jobs = annual_jobs(PLAN, [2022], ["zh"], [observations])
    summary = render_all(PLAN, jobs, tmp_path, progress=False)
    assert summary.rendered == ["annual_2022.html"]
    assert "2600家" in read(tmp_path / "annual_2022.html")
    assert (read_manifest(tmp_path)["annual_2022.html"]["digest"]
            != read_manifest(rendered)["annual_2022.html"]["digest"])


def test_charts_read_back_and_a_preloaded_pool_change_no_byte(rendered, tmp_path):
    """`update` starts its workers' kernels early and preloads them; charts whose inputs did not
    change come back from the report folder's cache. The pages stay byte for byte the same."""
    from analysis.rendering.report_set import CHART_CACHE, WarmPool

    shutil.copytree(rendered, tmp_path, dirs_exist_ok=True)  # its chart cache included
    cache = tmp_path / CHART_CACHE
    drawn = sorted(cache.glob("*.svg"))
    assert drawn  # the cold render drew and kept them
    (tmp_path / MANIFEST).unlink()  # everything is stale
    names = ["annual_2023.html", "en/annual_2025.html", "scenarios.html"]
    jobs = [job for job in all_jobs() if job.relative_path in names]
    with WarmPool(2) as pool:
        summary = render_all(PLAN, jobs, tmp_path, progress=False, pool=pool)
    assert sorted(summary.rendered) == sorted(names) and not summary.failed
    for name in names:
        assert (tmp_path / name).read_bytes() == (rendered / name).read_bytes(), name
    assert sorted(cache.glob("*.svg")) == drawn  # none drawn again
    (cache / "stale.svg").write_text("<svg/>", encoding="utf-8")
    render_all(PLAN, [], tmp_path, force=True, progress=False)
    assert not cache.exists()  # --force draws everything again


def test_a_failed_render_leaves_the_last_good_report(rendered, tmp_path):
    good = (rendered / "annual_2021.html").read_bytes()
    (tmp_path / "annual_2021.html").write_bytes(good)
    [job] = annual_jobs(PLAN, [2021], ["zh"])
    broken = type(job)(notebook=job.notebook, parameters={**job.parameters, "report_year": 2031},
                       relative_path=job.relative_path, title=job.title, lang="zh", year=2021)
    summary = render_all(PLAN, [broken], tmp_path, force=True, progress=False)
    assert list(summary.failed) == ["annual_2021.html"]
    assert "report year 2031 is outside the plan" in summary.failed["annual_2021.html"]
    assert (tmp_path / "annual_2021.html").read_bytes() == good
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_executed_notebook_has_no_errors_or_warnings():
    job = annual_jobs(PLAN, [2021], ["en"])[0]
    notebook = execute(job.notebook, job.parameters)
    streams = [output for cell in notebook.cells for output in cell.get("outputs", [])
               if output.output_type in ("stream", "error")]
    assert streams == []
    assert "2. Headline indicators (主要指标完成情况)" in to_html(notebook, job.title, "en")


def test_every_notebook_has_a_parameters_cell():
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path
        assert 'lang: str = "zh"' in tagged[0].source, path
        assert 'plan: str = "data/raw/plan/plan.toml"' in tagged[0].source, path
        assert notebook.metadata.kernelspec.name == "cixi-sti", path
    annual = nbformat.read(ANNUAL_REPORT, as_version=4)
    [cell] = [c for c in annual.cells if "parameters" in c.metadata.get("tags", [])]
    assert "report_year: int = 2025" in cell.source


def test_notebooks_define_no_functions():
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            assert not re.search(r"^\s*(def|class) ", cell.source, flags=re.M), path


HOSTILE = Path(__file__).parent / "hostile"


def test_markup_in_a_data_file_shows_as_text(tmp_path):
    jobs = annual_jobs(PLAN, [2022], ["zh"], [HOSTILE / "html_in_source.csv"])
    summary = render_all(PLAN, jobs, tmp_path, force=True, progress=False)
    assert not summary.failed
    page = read(tmp_path / "annual_2022.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_a_rejected_run_leaves_every_report_as_it_was(rendered, tmp_path, capsys):
    shutil.copytree(rendered, tmp_path, dirs_exist_ok=True)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code = main(["render", "--out", str(tmp_path), "--observations", str(HOSTILE / "gbk_excel.csv")])
    assert code == 2 and "is not UTF-8" in capsys.readouterr().err
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_a_value_of_unstated_scope_is_judged_and_marked(with_found):
    # The fixture's 994 states no scope, the plan's 380 is 市级: used, and marked.
    assert "994家（2024年，口径待核实）" in read(with_found / "annual_2024.html")


def test_every_report_links_to_the_index_its_other_language_and_the_methods(rendered):
    for path in reports(rendered):
        page = read(path)
        nav = re.search(r'<nav class="report-nav">(.*?)</nav>', page, re.S).group(1)
        links = re.findall(r'href="([^"]+)"', nav)
        targets = {(path.parent / link).resolve() for link in links}
        assert (rendered / "index.html").resolve() in targets, path
        other = (rendered / "en" / path.name if path.parent == rendered else rendered / path.name)
        assert other.resolve() in targets, path
        if path.name != "methods.html":
            assert any(t.name == "methods.html" and t.parent == path.parent.resolve() for t in targets)
        assert all(t.is_file() for t in targets), (path, links)


def test_a_report_has_a_table_of_contents_of_its_sections(rendered):
    page = read(rendered / "annual_2024.html")
    contents = re.search(r'<details class="toc"><summary>本页目录</summary><ol>(.*?)</ol>', page).group(1)
    anchors = re.findall(r'href="#([^"]+)"', contents)
    assert len(anchors) == 8 and all(f'id="{a}"' in page for a in anchors)


def test_tables_carry_their_column_names_for_the_phone_layout(rendered):
    page = read(rendered / "annual_2024.html")
    assert 'class="dataframe reflow"' in page
    assert re.search(r'<td data-label="判断"><span class="status"', page)
    assert "@media (max-width: 600px)" in page and "@page" in page


def test_no_page_carries_jupyterlabs_stylesheets(rendered):
    for path in reports(rendered):
        page = read(path)
        styles = sum(len(s) for s in re.findall(r"<style.*?</style>", page, re.S))
        assert styles < 10_000, (path, styles)


def test_a_reports_tables_download_as_excel_and_csv_with_the_values_it_shows(with_found):
    import csv
    import io

    from openpyxl import load_workbook

    from analysis.observations import comparable, load_observations
    from analysis.plan import load_indicators
    from analysis.progress import assess
    from analysis.targets import headline_targets_with_rates

    page = read(with_found / "annual_2024.html")
    files = re.findall(r'<a download="" href="([^"]+)">', page)
    assert files[0] == "annual_2024.xlsx" and len(files) == 5
    assert all((with_found / name).is_file() for name in files)
    book = load_workbook(with_found / "annual_2024.xlsx")
    assert book.sheetnames == ["主要指标完成情况", "正文目标进展", "数据缺口与责任单位", "实际值及来源"]
    rows = list(book["主要指标完成情况"].iter_rows(values_only=True))
    header, body = rows[0], {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert "完成进度（%）" in header and "同年应达值" in header
    firms = body["high_tech_enterprises"]
    assert isinstance(firms["最新实际值"], int | float) and firms["单位"] == "家"
    expected = assess(headline_targets_with_rates(), comparable(load_observations([FOUND]), load_indicators()),
                      2024).set_index("indicator_id").loc["high_tech_enterprises"]
    assert firms["最新实际值"] == expected["latest_value"] == 994
    assert firms["同年应达值"] == round(expected["required_value"])  # a count: whole
    assert firms["完成进度（%）"] == round(100 * expected["progress_share"], 2)
    assert firms["序时进度（%）"] == 80 and firms["判断"] == "已达到目标"
    text = (with_found / "annual_2024_indicators.csv").read_bytes()
    assert text.startswith("\ufeff".encode())  # Excel reads the Chinese of a CSV with a BOM
    table = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
    assert [r["指标编号"] for r in table] == [r[0] for r in rows[1:]]



def test_every_report_offers_its_tables_for_download(rendered):
    from openpyxl import load_workbook

    for path in reports(rendered):
        files = re.findall(r'<a download="" href="([^"]+)">', read(path))
        assert files and files[0] == path.with_suffix(".xlsx").name, path
        assert all((path.parent / name).is_file() for name in files), path
        book = load_workbook(path.with_suffix(".xlsx"))
        assert len(book.sheetnames) == len(files) - 1  # a sheet per table, a CSV per table


def test_the_index_says_which_report_is_the_latest(rendered):
    page = read(rendered / "index.html")
    assert card(page, "annual_2025.html").count("最新报告") == 1
    assert "最新报告" not in card(page, "annual_2024.html")
    assert "latest report" in card(page, "en/annual_2025.html")


def test_a_kept_kernel_runs_notebook_after_notebook_on_one_client():
    """A worker keeps its kernel and one client for the notebooks it runs one after another
    (nbclient would otherwise wait 0.2 s per notebook for a new client); each notebook still
    gets exactly its own outputs, and after a failure the next notebook gets a new kernel."""
    from analysis.rendering.kernels import close_warm_kernels, warm_kernel

    [job] = annual_jobs(PLAN, [2022], ["en"])
    broken = {**job.parameters, "report_year": 2031}
    cwd = job.notebook.parent.resolve()
    try:
        first = execute(job.notebook, job.parameters, warm=True)
        kernel = warm_kernel(cwd)
        client = kernel.km.client()
        second = execute(job.notebook, job.parameters, warm=True)
        assert warm_kernel(cwd) is kernel and kernel.km.client() is client
        assert [cell.get("outputs") for cell in second.cells] == \
            [cell.get("outputs") for cell in first.cells]
        with pytest.raises(Exception, match="2031"):
            execute(job.notebook, broken, warm=True)
        third = execute(job.notebook, job.parameters, warm=True)
        assert warm_kernel(cwd) is not kernel  # the failed one was dropped
        assert [cell.get("outputs") for cell in third.cells] == \
            [cell.get("outputs") for cell in first.cells]
        kernel = warm_kernel(cwd)  # killed while idle (for memory, say): the next run starts one
        kernel.km.provisioner.process.kill()
        kernel.km.provisioner.process.wait()
        fourth = execute(job.notebook, job.parameters, warm=True)
        assert warm_kernel(cwd) is not kernel
        assert [cell.get("outputs") for cell in fourth.cells] == \
            [cell.get("outputs") for cell in first.cells]
    finally:
        close_warm_kernels()


def test_a_preloaded_kernel_is_ready_for_the_notebooks_client_frozen_and_without_a_debugger():
    """A worker's preload talks through the client its notebooks will use, so the first report
    does not wait for the kernel again; what the preload loaded is out of the garbage
    collector's way; and the kernel runs without ipykernel's debugger (debugpy not imported)."""
    from analysis.rendering.kernels import WarmKernel

    kernel = WarmKernel(config.NOTEBOOKS_DIR.resolve())
    try:
        kernel.preload()
        client = kernel.km.client()
        assert client._ready and client.channels_running
        printed = kernel_prints(kernel.km, "import gc, sys; print(gc.get_freeze_count() > 1000, "
                                           "sys.modules.get('debugpy', 0) is None, "
                                           "hasattr(get_ipython().kernel, 'debugger'))")
        assert printed.split() == ["True", "True", "False"]
    finally:
        kernel.close()


@pytest.mark.skipif(os.name != "posix", reason="Windows has no Unix sockets: kernels use TCP there")
def test_a_rendering_kernel_takes_no_tcp_port_and_leaves_nothing_behind():
    """A TCP port jupyter_client finds free can be taken by another process before the kernel
    binds it ("Address already in use": the kernel dies and the report fails); kernels started
    side by side make that likely. The rendering kernels talk over socket files instead, in a
    folder of their own that goes with the kernel."""
    import json

    from analysis.rendering.kernels import close_warm_kernels, warm_kernel

    [job] = annual_jobs(PLAN, [2022], ["en"])
    cwd = job.notebook.parent.resolve()
    try:
        execute(job.notebook, job.parameters, warm=True)
        kernel = warm_kernel(cwd)
        connection = json.loads(Path(kernel.km.connection_file).read_text())
        folder = Path(connection["ip"]).parent
        assert connection["transport"] == "ipc" and folder.is_dir()
        assert folder.stat().st_mode & 0o077 == 0  # private to whoever renders
    finally:
        close_warm_kernels()
    assert not folder.exists()


def test_update_starts_its_workers_before_loading_pandas():
    """`update` starts its workers' kernels first; the command line and the worker's first
    module import nothing heavy, so the kernels start at once (the analyst's loop benchmark)."""
    code = ("import sys, analysis.cli, analysis.rendering.kernels; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'nbconvert', 'jupyter_client') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_a_worker_loads_only_what_runs_a_notebook(tmp_path):
    """A pool worker runs a report's notebook on its kernel and hands the executed notebook
    back: the kernel needs pandas and matplotlib, the worker needs neither, nor nbconvert or
    openpyxl (the run's own process writes the HTML and the downloads, once for all workers; on
    two cores the time a worker spends loading libraries is taken from the kernels)."""
    [job] = [job for job in other_jobs(PLAN, ["zh"]) if job.relative_path == "methods.html"]
    code = f"""
import sys
from pathlib import Path
from analysis.rendering.kernels import _import_papermill, close_warm_kernels
from analysis.rendering.tasks import ReportJob, run_task
_import_papermill()
job = ReportJob(notebook=Path({str(job.notebook)!r}), parameters={job.parameters!r},
                relative_path="methods.html", title="", lang="zh")
executed = run_task(job, {str(tmp_path)!r}, None, None, None)
close_warm_kernels()
assert executed.cells and not list(Path({str(tmp_path)!r}).iterdir())  # nothing written
print(sorted(m for m in ("pandas", "matplotlib", "nbconvert", "openpyxl") if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_a_tables_csv_is_the_one_pandas_would_write(tmp_path):
    from analysis.downloads import write_tables

    table = {"key": "t", "title": "表", "columns": ["指标", "值", "年份", "说明"],
             "rows": [["高新技术企业", 994, 2024, None], ["R&D, 占比", 3.2, None, '引号"'],
                      ["多行", 0.30000000000000004, 2025, "一\n二"], [None, None, None, None]]}
    write_tables(tmp_path / "page.html", [table])
    expected = pd.DataFrame(table["rows"], columns=table["columns"], dtype=object).to_csv(
        index=False, lineterminator="\r\n")
    assert (tmp_path / "page_t.csv").read_bytes().decode("utf-8-sig") == expected


def test_downloads_write_whole_numbers_and_years_without_decimals(with_found):
    """994 firms and the year 2024 read 994 and 2024 in the CSV, not 994.0 and 2024.0 (a column
    with a gap used to turn into floats); 3.2 stays 3.2."""
    import csv

    rows = list(csv.DictReader((with_found / "annual_2024_indicators.csv")
                               .read_text(encoding="utf-8-sig").splitlines()))
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if re.fullmatch(r"-?\d+\.0", cell)]
    [firms] = [row for row in rows if row["指标编号"] == "high_tech_enterprises"]
    assert (firms["最新实际值年份"], firms["最新实际值"], firms["基期值"]) == ("2024", "994", "380")
    assert firms["同年应达值"] == "662"  # a count on the path is whole too (not 661.6184)
    [rd] = [row for row in rows if row["指标编号"] == "rd_gdp_ratio"]
    assert rd["基期值"] == "3.2" and rd["最新实际值年份"] == ""


@pytest.mark.parametrize("warm", [False, True])
def test_the_users_ipython_startup_files_never_run_in_a_rendering_kernel(tmp_path, monkeypatch, warm):
    """Whoever renders may have IPython startup files (pandas options, imports …); a rendering
    kernel has an IPython folder of its own, so they cannot change a report."""
    from analysis.rendering.kernels import close_warm_kernels

    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    marker = tmp_path / "ran"
    (startup / "00-mine.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    close_warm_kernels()  # a kernel started before the variable was set would prove nothing
    job = annual_jobs(PLAN, [2021], ["zh"])[0]
    try:
        execute(job.notebook, job.parameters, warm=warm)
    finally:
        close_warm_kernels()
    assert not marker.exists()


def test_storing_a_widgets_outputs_again_changes_no_byte(tmp_path):
    """A widget's view names its model by a random id at every run; stored, it would churn the
    committed notebook each time its outputs are stored again. The stored id is the cell's."""
    import copy

    from analysis.rendering.report import WIDGET_VIEW, store_outputs

    notebook = tmp_path / "scenario_explorer.ipynb"
    shutil.copy(config.NOTEBOOKS_DIR / notebook.name, notebook)
    executed = nbformat.read(notebook, as_version=4)
    views = [output["data"][WIDGET_VIEW] for cell in executed.cells
             for output in cell.get("outputs", []) if WIDGET_VIEW in output.get("data", {})]
    assert views  # the explorer shows its sliders in JupyterLab
    written = []
    for run in ("0123abcd", "4567ef01"):
        again = copy.deepcopy(executed)
        for cell in again.cells:
            for output in cell.get("outputs", []):
                if WIDGET_VIEW in output.get("data", {}):
                    output["data"][WIDGET_VIEW]["model_id"] = run * 4
        store_outputs(notebook, again, {})
        written.append(notebook.read_bytes())
    assert written[0] == written[1] and b"0123abcd" not in written[0]


def test_the_run_gets_ready_to_write_only_when_there_is_something_to_render():
    """While the workers run their first notebooks, the run's own process loads what writes the
    reports (rendering.report.get_ready); with nothing to render it loads nothing."""
    from analysis.rendering.report_set import run_pool

    calls = []
    ready = lambda: calls.append("ready")  # noqa: E731
    done = list(run_pool(lambda x: x * 2, [(1,), (2,)], workers=1, progress=False,
                         then=lambda first, result: (calls.append(first), result + 1)[1],
                         meanwhile=ready))
    assert done == [(1, 3), (2, 5)] and calls == ["ready", 1, 2]
    calls.clear()
    assert list(run_pool(int, [], workers=1, progress=False, meanwhile=ready)) == []
    assert calls == []


def test_a_failure_while_writing_a_report_is_that_reports_alone():
    """The run writes each report as its notebook comes back: a failure there, or in getting
    ready to write, is reported for the reports it touches, and the others come out."""
    from analysis.rendering.report_set import run_pool
    from analysis.rendering.tasks import Failure

    def then(first, result):
        if first == 2:
            raise OSError("disk full")
        return result

    def broken():
        raise ImportError("no nbconvert")

    done = dict(run_pool(lambda x: x * 2, [(1,), (2,), (3,)], workers=1, progress=False,
                         then=then, meanwhile=broken))
    assert done[1] == 2 and done[3] == 6
    assert isinstance(done[2], Failure) and done[2].message == "OSError: disk full"


def test_a_reaped_kernels_group_is_never_signalled_again():
    """Once the kernel's process is killed and reaped, its process group id may belong to
    another process: jupyter_client's own shutdown then signals the process, not the group."""
    from jupyter_core.utils import run_sync

    from analysis.rendering.kernels import _kill_and_reap, kernel_arguments, kernel_manager, \
        shut_down

    manager = kernel_manager()
    run_sync(manager.start_kernel)(extra_arguments=kernel_arguments(),
                                   cwd=str(config.NOTEBOOKS_DIR))
    try:
        process = manager.provisioner.process
        assert manager.provisioner.pgid
        _kill_and_reap(manager)
        assert process.returncode is not None and manager.provisioner.pgid is None
    finally:
        shut_down(manager)
    assert not manager.has_kernel


def test_a_preload_gives_up_once_the_run_has_ended():
    """A run with nothing (more) to render does not wait for a worker's preload: once the run
    sets its stop event, the preload gives up and the kernel can go at once."""
    import threading

    from analysis.rendering.kernels import Stopped, WarmKernel

    stop = threading.Event()
    stop.set()
    kernel = WarmKernel(config.NOTEBOOKS_DIR.resolve())
    try:
        with pytest.raises(Stopped):
            kernel.preload(stop=stop)
    finally:
        kernel.close()
    assert not kernel.km.has_kernel


def test_a_kept_client_connects_once_the_kernel_listens(tmp_path):
    """Over socket files, the client connects only once the kernel has made all of them (a
    socket connected earlier tries again only every 0.1 s, and the kernel's first answers are
    missed meanwhile); it stops waiting if the kernel has ended."""
    import threading
    from types import SimpleNamespace

    from analysis.rendering.kernel_client import KeptClient, KeptClientManager

    manager = KeptClientManager()
    client = KeptClient(parent=manager, transport="ipc", ip=str(tmp_path / "kernel"),
                        shell_port=1, iopub_port=2, stdin_port=3, hb_port=4, control_port=5)
    client._wait_for_sockets(timeout=0.05)  # none there, no kernel: gives up at the timeout
    assert not list(tmp_path.iterdir())
    manager.provisioner = SimpleNamespace(process=SimpleNamespace(poll=lambda: 1))
    waiting = threading.Thread(target=client._wait_for_sockets, kwargs={"timeout": 120})
    waiting.start()
    waiting.join(timeout=60)
    assert not waiting.is_alive()  # the kernel has ended: no wait for its sockets
    manager.provisioner = None
    made = []

    def listen():
        for port in range(1, 6):
            (tmp_path / f"kernel-{port}").touch()
            made.append(port)

    timer = threading.Timer(0.2, listen)
    timer.start()
    client._wait_for_sockets()
    assert all((tmp_path / f"kernel-{port}").exists() for port in range(1, 6))  # all made
    timer.join()
    assert made == [1, 2, 3, 4, 5]
