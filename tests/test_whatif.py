"""What-ifs never become the official reports by accident: `render --notebook NAME -p …` renders
one notebook alone, elsewhere; into reports/ only with --publish. The parameters cells that the
official reports run with are guarded here against an edit saved from JupyterLab."""

from pathlib import Path

import pytest

from analysis import config
from analysis.cli import main
from analysis.rendering import default_parameters
from analysis.scenarios import SCENARIO_DEFAULTS

PLAN = "data/raw/plan/plan.toml"
OFFICIAL = {
    "annual_report": {"report_year": 2025, "lang": "zh", "plan": PLAN, "observation_files": []},
    "overview": {"lang": "zh", "plan": PLAN},
    "review_previous_plan": {"lang": "zh", "plan": PLAN},
    "trajectories": {"lang": "zh", "plan": PLAN},
    "scenarios": {"lang": "zh", "plan": PLAN, "growth": {}, **SCENARIO_DEFAULTS},
    "scenario_explorer": {"lang": "zh", "plan": PLAN, "interactive": True},
    "methods": {"lang": "zh", "plan": PLAN},
}


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_the_official_parameters_cell_is_unchanged(name):
    """A what-if saved into a notebook's parameters cell would be published by the next
    scheduled run: its defaults must be exactly these."""
    assert default_parameters(config.NOTEBOOKS_DIR / f"{name}.ipynb") == OFFICIAL[name]


def test_every_report_notebook_is_guarded():
    assert {p.stem for p in config.NOTEBOOKS_DIR.glob("*.ipynb")} == set(OFFICIAL)


def test_a_what_if_renders_one_notebook_alone_elsewhere(tmp_path):
    out = tmp_path / "what-if"
    code = main(["render", "--notebook", "scenarios", "--lang", "zh",
                 "-p", "growth", '{"pct_applications": 0.2}', "--out", str(out)])
    assert code == 0
    assert sorted(p.name for p in out.glob("*.html")) == ["index.html", "scenarios.html"]
    page = (out / "scenarios.html").read_text(encoding="utf-8")
    assert "20.00%" in page and "参数设定" in page  # the assumption, and where it comes from


def test_a_what_if_never_replaces_the_official_reports_unless_published(capsys, monkeypatch):
    before = {p: p.stat().st_mtime_ns for p in config.REPORTS_DIR.glob("*.html")}
    code = main(["render", "--notebook", "scenarios", "-p", "growth", '{"pct_applications": 0.2}'])
    assert code == 2
    assert "--publish" in capsys.readouterr().err
    code = main(["render", "--year", "2024", "--observations", str(Path(__file__).parent / "fixtures"
                                                                     / "observations" / "found.csv")])
    assert code == 2
    assert {p: p.stat().st_mtime_ns for p in config.REPORTS_DIR.glob("*.html")} == before


def test_an_unknown_notebook_is_refused(capsys):
    assert main(["render", "--notebook", "scenario", "--out", "/tmp/never"]) == 2
    assert "choose from annual_report" in capsys.readouterr().err
