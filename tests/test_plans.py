"""The engine is plan-agnostic: a second plan, described only by data, renders its reports."""

import csv
import io
import re

from analysis.cli import main
from analysis.plan import load_plan
from analysis import config

DEMO = config.PROJECT_DIR / "tests" / "fixtures" / "demo_plan" / "plan.toml"


def test_the_cixi_plan_is_the_default():
    plan = load_plan()
    assert plan.id == "cixi_sti_2021_2025" and plan.is_default
    assert (plan.start_year, plan.end_year, plan.mid_term_year) == (2021, 2025, 2023)


def test_a_second_plan_is_assessed_from_its_own_files(capsys):
    assert main(["--plan", str(DEMO), "assess", "--year", "2028", "--format", "csv"]) == 0
    rows = {r["indicator_id"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert set(rows) == {"rd_intensity", "high_tech_firms"}
    assert rows["high_tech_firms"]["required_rate"] == "0.098561"  # (320/200)^(1/5) − 1
    assert rows["high_tech_firms"]["status"] == "on_track"
    assert main(["--plan", str(DEMO), "assess", "--year", "2025"]) == 2  # outside 2026–2030


def test_a_second_plan_renders_its_reports(tmp_path, capsys):
    assert main(["--plan", str(DEMO), "render", "--out", str(tmp_path)]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    others = ["overview", "review_previous_plan", "trajectories", "scenarios", "scenario_explorer",
              "methods"]  # every notebook, the previous plan's review and the scenarios included
    pages = [f"annual_{y}.html" for y in range(2026, 2031)] + [f"{n}.html" for n in others]
    assert written == sorted(pages + [f"en/{p}" for p in pages] + ["index.html"])
    page = (tmp_path / "annual_2028.html").read_text(encoding="utf-8")
    assert "示例县科技规划监测报告（2028年）" in page and "时间过半" in page
    assert "2030年目标" in page and "2025年目标" not in page
    assert "高新技术企业数" in page and "慈溪" not in page
    assert "终期（预）评估" in (tmp_path / "annual_2030.html").read_text(encoding="utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'href="', index)) == 22 and "示例县" in index
    # The engine writes no other plan's periods, tables, places or years into this plan's pages.
    for path in tmp_path.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for word in ("十三五", "十四五", "慈溪", "宁波", "Cixi", "Ningbo", "13th", "14th", "2015",
                     "2021"):
            assert not re.search(rf"(?<!\d){word}(?!\d)", text), (path.name, word)
    review = (tmp_path / "review_previous_plan.html").read_text(encoding="utf-8")
    assert "专栏2：上一期完成情况" in review and "如果上一期的速度延续下去" in review
    overview = (tmp_path / "overview.html").read_text(encoding="utf-8")
    assert "专栏1 2个（“十五五”）" in overview
