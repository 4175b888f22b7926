"""The engine is plan-agnostic: a second plan, described only by data, renders its reports."""

import csv
import io
import re

import pandas as pd
import pytest

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


NEXT = config.PROJECT_DIR / "tests" / "fixtures" / "next_plan" / "plan.toml"


def test_a_next_plan_reviews_the_cixi_14th_plan_from_its_targets_and_the_observations():
    """plan.toml `previous_plan`: the 15th plan's review of the 14th from the 14th plan's table
    (专栏2) and the latest observed values (here the fixture's), not from a table of its text."""
    from analysis.review import previous_plan_pace, review_previous_plan

    plan = load_plan(NEXT)
    review = review_previous_plan(plan=plan).set_index("indicator_id")
    # Every headline target of the 14th plan with a number; the relative one has none to grade.
    assert list(review.index) == ["rd_gdp_ratio", "rd_personnel_per_10k", "high_tech_enterprises",
                                  "tech_smes", "rd_active_firm_share", "invention_patents",
                                  "pct_applications", "high_tech_value_added_share",
                                  "high_tech_investment"]
    hte = review.loc["high_tech_enterprises"]
    assert (hte["baseline_year"], hte["baseline_value"], hte["target_value"]) == (2020, 380, 760)
    assert (hte["actual_year"], hte["actual_value"]) == (2024, 994)  # the latest value there is
    assert round(hte["required_rate"], 4) == 0.1487
    assert round(hte["achieved_rate"], 6) == round((994 / 380) ** (1 / 4) - 1, 6)
    assert hte["own_grade"] == "exceeded" and hte["plan_remark"] == ""
    assert review.loc["high_tech_value_added_share", "actual_value"] == 79.69
    missing = review.loc["tech_smes"]  # no value: no verdict, no grade
    assert pd.isna(missing["actual_value"]) and missing["own_grade"] == ""
    assert missing["status"] == "insufficient_data"
    pace = previous_plan_pace(plan=plan).set_index("indicator_id")
    assert list(pace.index) == ["high_tech_enterprises"]  # in both plans, with a value
    assert (pace.loc["high_tech_enterprises", "from_year"], pace.loc["high_tech_enterprises", "to_year"]) == (2020, 2024)


def test_a_next_plans_review_page_names_the_previous_plan_and_its_sources(tmp_path):
    from analysis.rendering import other_jobs, read_manifest, render_all

    plan = load_plan(NEXT)
    jobs = other_jobs(plan, ["zh", "en"])
    summary = render_all(plan, jobs, tmp_path, progress=False)
    assert sorted(summary.rendered) == ["en/review_previous_plan.html", "review_previous_plan.html"]
    page = (tmp_path / "review_previous_plan.html").read_text(encoding="utf-8")
    assert "《慈溪市科技创新“十四五”规划（2021—2025年）》专栏2：“十四五”完成情况" in page
    assert "<th>2020年</th>" in page and "<th>2025年目标</th>" in page and "<th>2025年实际</th>" in page
    assert "994家（2024年）" in page and "超额完成（初步判断）" in page and "暂无数据" in page
    assert "实际值及来源" in page and "慈溪市科学技术局2024年工作总结" in page
    assert "备注" not in page and "一致" not in page  # no table of the text, so no remark to compare
    assert "如果“十四五”的速度延续下去" in page and "按2020年至最新实际值年份的年均增速" in page
    assert "本规划未列出需要说明的表述或口径。" in page
    english = (tmp_path / "en" / "review_previous_plan.html").read_text(encoding="utf-8")
    assert "Box 2 (专栏2) of the Cixi Science and Technology Innovation Plan, 2021–2025" in english
    assert "994 firms (2024)" in english and "exceeded (超额完成), preliminary" in english
    # The previous plan's observations are among the review's inputs.
    before = read_manifest(tmp_path)["review_previous_plan.html"]["digest"]
    found = config.PROJECT_DIR / "tests" / "fixtures" / "observations" / "found.csv"
    original = found.read_bytes()
    try:
        found.write_bytes(original.replace(b"994", b"995"))
        assert render_all(plan, jobs, tmp_path, progress=False).rendered
        assert "995家（2024年）" in (tmp_path / "review_previous_plan.html").read_text(encoding="utf-8")
    finally:
        found.write_bytes(original)
    assert read_manifest(tmp_path)["review_previous_plan.html"]["digest"] != before


def test_a_previous_plan_is_given_once(tmp_path):
    from analysis.errors import InputError
    from analysis.review import review_previous_plan

    demo = DEMO.read_text(encoding="utf-8").replace(
        'previous_period = "prev"',
        'previous_period = "prev"\nprevious_plan = { plan = "' + str(config.PLAN_CONFIG) + '" }')
    folder = tmp_path / "both"
    import shutil
    shutil.copytree(DEMO.parent, folder)
    (folder / "plan.toml").write_text(demo, encoding="utf-8")
    with pytest.raises(InputError, match="either as a table of the text or as previous_plan"):
        review_previous_plan(plan=load_plan(folder / "plan.toml"))


def test_a_next_plan_with_no_values_yet_reviews_without_a_pace(tmp_path):
    """No observation of the previous plan yet (a folder of empty files named): every row
    暂无数据, no pace to carry on, and no crash."""
    import shutil

    from analysis.pages.review import review

    folder = tmp_path / "next"
    shutil.copytree(NEXT.parent, folder)
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "values.csv").write_text("indicator_id,year,value,source,note\n", encoding="utf-8")
    text = NEXT.read_text(encoding="utf-8")
    text = text.replace('"../../../data/raw/plan/plan.toml"', f'"{config.PLAN_CONFIG}"')
    text = text.replace('["../observations/found.csv"]', f'["{empty}"]')
    for name in ("demo_plan.txt", "body_targets.csv", "contradictions.csv"):
        text = text.replace(f'"../demo_plan/{name}"', f'"{NEXT.parent.parent / "demo_plan" / name}"')
    (folder / "plan.toml").write_text(text, encoding="utf-8")
    page = review("zh", load_plan(folder / "plan.toml"))
    assert page.review["actual_value"].isna().all()
    table = page.review_table()[1].data
    assert table.count("暂无数据") == 9 and "实际值及来源" not in table
    assert page.pace()[1].data == "两个规划共有的指标中，尚无可据以推算速度的实际值。"
    missing = text.replace(f'["{empty}"]', f'["{tmp_path / "nowhere"}"]')
    (folder / "plan.toml").write_text(missing, encoding="utf-8")
    from analysis.errors import InputError
    from analysis.plan import _load_plan

    _load_plan.cache_clear()  # the plan.toml changed under the same path
    with pytest.raises(InputError, match="nowhere does not exist"):
        review("zh", load_plan(folder / "plan.toml"))
