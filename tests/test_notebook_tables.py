"""Issue 12: in JupyterLab each notebook cell shows the table behind a page: a page function
returns a DataFrame (numbers as numbers), and `show` turns it into the report's table or chart,
for the rows it holds."""

import ast
import json

import pandas as pd
import pytest
from IPython.display import HTML

from analysis import config
from analysis.pages.annual import annual_report
from analysis.pages.overview import overview
from analysis.pages.review import review
from analysis.pages.scenarios import scenarios
from analysis.pages.trajectories import trajectories
from conftest import FOUND

NOTEBOOKS = {"annual_report": "report", "trajectories": "page", "scenarios": "page",
             "review_previous_plan": "page", "overview": "page", "methods": "page"}


@pytest.fixture(scope="module")
def report():
    return annual_report(2024, "zh", [FOUND])


def shown(page, frame, monkeypatch) -> list:
    """What show(frame) displays."""
    import IPython.display

    parts = []
    monkeypatch.setattr(IPython.display, "display", lambda *objects: parts.extend(objects))
    page.show(frame)
    return parts


def html_of(parts) -> str:
    return "".join(getattr(part, "data", "") or "" for part in parts if isinstance(part, HTML))


def test_the_status_table_is_a_dataframe_with_numbers(report):
    status = report.status()
    assert isinstance(status, pd.DataFrame) and status.attrs["view"] == "status"
    hte = status.set_index("indicator_id").loc["high_tech_enterprises"]
    assert (hte["latest_year"], hte["latest_value"], hte["target_value"]) == (2024, 994, 760)
    assert hte["status"] == "target_met"
    assert round(hte["required_rate"], 6) == 0.148698
    status.loc[0, "status"] = "changed"  # a copy: the page's own assessment is untouched
    assert report.assessment.loc[0, "status"] != "changed"


def test_show_gives_the_reports_table_for_the_rows_a_notebook_kept(report, monkeypatch):
    full = html_of(shown(report, report.status(), monkeypatch))
    assert full == report.main_table().data  # the same table the report shows
    assert full.count("<tr>") == 10  # ten indicators (the header row has its own style)
    status = report.status()
    met = status[status["status"] == "target_met"].sort_values("indicator_id")
    assert met.attrs["view"] == "status"  # pandas keeps the mark through a filter and a sort
    one = html_of(shown(report, met, monkeypatch))
    assert one.count("<tr>") == 2 and "994家（2024年，口径待核实）" in one and "79.69%" in one
    assert "研发经费" not in one


def test_show_refuses_a_table_that_is_not_the_pages(report):
    with pytest.raises(ValueError, match=r"show\(\) takes a table this page returned \(body, gaps, "
                                         r"observations, status, yearly\)"):
        report.show(pd.DataFrame({"indicator_id": ["x"]}))


def test_every_table_of_the_annual_report_comes_as_data(report, monkeypatch):
    body = report.body_progress()
    assert {"target_id", "status", "latest_value", "evidence_status"} <= set(body.columns)
    gaps = report.missing_data()
    assert gaps.set_index("indicator_id").loc["tech_smes", "missing_years"] == [2021, 2022, 2023, 2024]
    yearly = report.yearly_status()
    assert sorted(set(yearly["year"])) == [2021, 2022, 2023, 2024]
    assert len(report.observed()) == 2
    for frame, heading in [(body, "正文目标进展"), (gaps, "数据缺口与责任单位"), (yearly, "各指标历年判断")]:
        parts = shown(report, frame, monkeypatch)
        assert heading in parts[0].data, frame.attrs["view"]


def test_the_other_pages_return_their_tables_as_data(monkeypatch):
    page = trajectories("zh")
    rates = page.required()
    assert round(rates.set_index("indicator_id").loc["high_tech_enterprises", "required_rate"], 6) == 0.148698
    paths = page.yearly_paths()
    hte = paths[(paths["indicator_id"] == "high_tech_enterprises") & (paths["year"] == 2025)]
    assert float(hte["compound_value"].iloc[0]) == pytest.approx(760)
    assert shown(page, page.milestone_values(), monkeypatch)[0].data.startswith("## ")
    page = scenarios("zh", draws=200)
    chances = page.chances()
    assert {"indicator_id", "probability", "p10", "median", "p90"} <= set(chances.columns)
    assert chances["probability"].between(0, 1).all()
    one = chances[chances["indicator_id"] == "pct_applications"]
    assert html_of(shown(page, one, monkeypatch)).count("<tr>") == 1
    assert set(page.projected()["indicator_id"]) == set(page.assumed()["indicator_id"])
    page = review("zh")
    achieved = page.achieved().set_index("indicator_id")
    assert achieved.loc["high_tech_enterprises", "actual_value"] == 380
    assert len(page.wording_notes()) > 0 and not page.carried_pace().empty
    page = overview("zh")
    assert "quote" in page.targets().columns and "source" in page.observed().columns
    from analysis.pages.methods import methods

    definitions = methods("zh").indicator_definitions().set_index("indicator_id")
    assert definitions.loc["high_tech_value_added_share", "scope"] == "市级"


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_each_notebook_takes_a_table_then_shows_it(name):
    """The cells read `x = page.something()` then `show(x)`: every table a cell shows is a
    variable the analyst can sort, filter and compute with."""
    cells = json.loads((config.NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells
                     if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", []))
    tree = ast.parse(code)
    taken = {node.targets[0].id: node.value.func.attr for node in ast.walk(tree)
             if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
             and isinstance(node.value.func, ast.Attribute)
             and getattr(node.value.func.value, "id", None) == NOTEBOOKS[name]}
    shown_names = [node.args[0].id for node in ast.walk(tree) if isinstance(node, ast.Call)
                   and getattr(node.func, "id", None) == "show"]
    assert len(shown_names) >= (1 if name == "methods" else 2), shown_names
    assert set(shown_names) <= set(taken), (taken, shown_names)


def test_show_refuses_an_empty_chart_and_keeps_a_grid_whole(report, monkeypatch):
    yearly = report.yearly_status()
    with pytest.raises(ValueError, match="the yearly table has no rows left to draw"):
        report.show(yearly[yearly["indicator_id"] == "none"])
    met = yearly[yearly["status"] == "target_met"]  # cells of a grid, not whole rows
    parts = shown(report, met, monkeypatch)
    assert "各指标历年判断" in parts[0].data and parts[1].data.startswith("<svg")


def test_an_english_page_glosses_each_source_and_a_chinese_one_does_not(monkeypatch):
    """Issue 10: no Chinese-only cell on an English page. A source is cited as its file writes
    it, followed on the English page by its English gloss (the plan's source_glosses file, or
    the row's own source_en); the English download has the gloss in a column of its own."""
    import html

    from analysis.observations import source_glosses
    from analysis.plan import load_plan
    from conftest import SCOPED

    glosses = source_glosses(load_plan())
    pages = {lang: annual_report(2025, lang, [SCOPED]) for lang in ("zh", "en")}
    cited = set(pages["en"].observed()["source"])
    assert cited and cited <= set(glosses)  # the fixture cites glossed documents only
    for lang, page in pages.items():
        text = html_of(shown(page, page.observed(), monkeypatch))
        for source in cited:
            assert html.escape(source, quote=False) in text
            assert (html.escape(glosses[source], quote=False) in text) == (lang == "en")
    _, download = pages["en"].offered["sources"]
    assert list(download["Source in English (a gloss)"]) == [glosses[s] for s in download["Source"]]
    _, download = pages["zh"].offered["sources"]
    assert not any("English" in column or "英文" in column for column in download.columns)
