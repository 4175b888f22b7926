"""The 13th plan in review, its pace carried forward, and the plan's self-contradictions."""

import re

import pandas as pd
import pytest

from analysis.plan import load_indicators, read_plan_text
from analysis.review import contradictions, previous_plan_pace, review_previous_plan
from analysis.scenarios import pace_projection


@pytest.fixture(scope="module")
def review():
    return review_previous_plan().set_index("indicator_id")


def test_growth_achieved_against_growth_needed(review):
    hte = review.loc["high_tech_enterprises"]
    assert round(hte["required_rate"], 6) == round((140 / 112) ** 0.2 - 1, 6) == 0.04564
    assert round(hte["achieved_rate"], 6) == round((380 / 112) ** 0.2 - 1, 6) == 0.276771
    assert round(hte["progress_ratio"], 4) == 6.0643
    assert hte["attainment"] == pytest.approx(380 / 140)
    assert set(review["status"]) == {"target_met"}


def test_our_remark_beside_the_tables_own(review):
    assert review["plan_remark"].to_dict() == {
        "rd_gdp_ratio": "超额完成", "high_tech_value_added_share": "完成",
        "high_tech_enterprises": "超额完成", "engineering_tech_centers": "超额完成",
        "tech_smes": "超额完成"}
    # 68.5 against >45 is far above the bound, yet the table says 完成, not 超额完成.
    assert review.loc["high_tech_value_added_share", "own_remark"] == "超额完成"
    assert list(review.index[~review["agrees"]]) == ["high_tech_value_added_share"]
    assert review.loc["high_tech_value_added_share", "comment_zh"] == (
        "2020年实际68.5%，目标>45%，高于目标23.50个百分点；按本报告评价标准为“超额完成”，表中备注为“完成”。")
    assert review.loc["high_tech_value_added_share", "points_above"] == pytest.approx(68.5 - 45)
    assert pd.isna(review.loc["high_tech_enterprises", "points_above"])  # a count: 完成率 271%
    assert review.loc["rd_gdp_ratio", "comment_en"] == ""


def test_the_13th_plan_pace_of_the_series_in_both_plans():
    pace = previous_plan_pace().set_index("indicator_id")
    assert list(pace.index) == ["rd_gdp_ratio", "high_tech_value_added_share",
                                "high_tech_enterprises", "tech_smes"]
    assert round(pace.loc["high_tech_enterprises", "pace_rate"], 6) == 0.276771
    assert round(pace.loc["tech_smes", "pace_rate"], 6) == 0.195102
    assert pace.loc["rd_gdp_ratio", ["from_value", "to_value"]].tolist() == [2.63, 3.2]


def test_the_pace_projected_to_2025():
    indicators = load_indicators()
    measures = dict(zip(indicators["indicator_id"], indicators["measure"]))
    projection = pace_projection(previous_plan_pace(), 2025, measures)
    values = projection.set_index(["indicator_id", "year"])["value"]
    # Five more years at the 2015–2020 growth multiply the 2020 value by its 2015→2020 ratio.
    assert values["high_tech_enterprises", 2025] == pytest.approx(380 * (380 / 112))
    # A share closes its gap to 100% at its 2015–2020 rate: the gap shrinks by the same ratio.
    assert values["rd_gdp_ratio", 2025] == pytest.approx(100 - 96.8 * (96.8 / 97.37))
    assert values["high_tech_value_added_share", 2025] == pytest.approx(100 - 31.5 * (31.5 / 62.44))
    assert values["high_tech_value_added_share", 2025] < 85  # not 124.9%, nor a cap at 100%


def test_contradictions_quote_both_sides_from_the_plan():
    frame = contradictions()
    text = read_plan_text()
    assert len(frame) >= 3
    for row in frame.itertuples():
        assert row.quote_a in text and row.quote_b in text
        assert row.explanation_zh and row.explanation_en
    by_indicator = frame.drop_duplicates("indicator_id").set_index("indicator_id")  # the first of each
    assert "81.4%" in by_indicator.loc["rd_active_firm_share", "quote_a"]
    assert "41.02%" in by_indicator.loc["rd_active_firm_share", "quote_b"]
    assert "315家" in by_indicator.loc["tech_smes", "quote_a"]
    assert by_indicator.loc["rd_revenue_ratio_industrial", "quote_b"] == "1.34\n(2019)"
    assert by_indicator.loc["rd_revenue_ratio_industrial", "where_b"] == "专栏2"
    assert by_indicator.loc["tech_smes", "where_a"] == "企业技术创新迈上新台阶"


def test_the_wording_notes_name_what_a_reviewer_asked_for():
    frame = contradictions()
    topics = dict(zip(frame["topic_zh"], frame["explanation_zh"]))
    # 市级 is the area (Cixi proper), not a kind of spending: compatible with 全社会.
    assert "二者并不矛盾" in topics["R&D经费占GDP比重的统计范围"]
    assert "1.81倍" in topics["“双倍增”与3700家的目标"] and 3700 / 2043 < 1.815
    assert "比较增幅" in topics["相对目标：比较增幅还是比较水平"]
    fiscal = frame[frame["indicator_id"] == ""]
    assert list(fiscal["quote_b"]) == ["稳步提高财政科技拨款占本级财政支出的比重"]


def test_the_review_page_locates_quotes_without_line_numbers_and_notes_the_share_jump():
    from analysis.pages.review import review

    page = review("zh")
    shown = "".join(p.data for p in [*page.review_table(), *page.contradictions()]
                    if hasattr(p, "data") and isinstance(p.data, str))
    assert "第" not in "".join(re.findall(r"（[^）]*行）", shown))
    assert "行）" not in shown
    assert "由2015年的37.56%升至2020年的68.5%" in shown



def test_a_share_moves_in_percentage_points_on_the_review_page():
    """WORDING.md: shares move in 百分点. 37.56% → 68.5% over 2015–2020 is 6.19 points a year
    (not the 12.77% compound growth of the share itself); 37.56% → 45% needed 1.49 points."""
    from analysis.pages.review import review

    for lang, points in (("zh", "{}个百分点"), ("en", "{} percentage points")):
        page = review(lang)
        cells = re.sub(r"<[^>]+>", "|", "".join(
            p.data for p in [*page.review_table(), *page.pace()]
            if hasattr(p, "data") and isinstance(p.data, str)))
        assert f"|{points.format('1.49')}|" in cells and f"|{points.format('6.19')}|" in cells
        assert "12.77%" not in cells
        assert "|27.68%|" in cells  # a count keeps its compound rate


def test_the_review_downloads_and_chart_give_a_share_in_points_not_as_a_rate():
    from analysis.pages.review import review

    page = review("zh")
    parts = page.review_table()
    page.pace()
    table = page.offered["table1"][1].set_index("指标编号")
    share = table.loc["high_tech_value_added_share"]
    assert pd.isna(share["实际年均增长（%）"]) and share["实际年均提高（百分点）"] == 6.19
    assert table.loc["high_tech_enterprises", "实际年均增长（%）"] == 27.68
    pace = page.offered["pace"][1].set_index("指标编号")
    assert pace.loc["high_tech_value_added_share", "上一规划期年均提高（百分点）"] == 6.19
    [chart] = [p for p in parts if "比重类指标以百分点计" in str(getattr(p, "metadata", ""))]
    assert "高新技术产业增加值" not in chart.data  # the chart draws rates only


def test_the_previous_plans_grade_follows_the_indicators_direction():
    from analysis.review import own_grade

    assert own_grade(10.0, 5.0, 4.5, "lower") == "exceeded"  # 5 − 10% × |5 − 10|
    assert own_grade(10.0, 5.0, 5.0, "lower") == "met"
    assert own_grade(10.0, 5.0, 5.4, "lower") == "nearly_met"  # 92% of the way down
    assert own_grade(10.0, 5.0, 11.0, "lower") == "not_met"
    assert own_grade(5.0, 10.0, 11.0) == "exceeded"
