"""The headline targets: one row per 专栏2 indicator, with its own baseline year."""

import math

from analysis.targets import headline_targets


def test_one_row_per_table2_indicator_in_plan_order():
    targets = headline_targets()
    assert list(targets["indicator_id"]) == [
        "rd_gdp_ratio", "rd_revenue_ratio_industrial", "rd_personnel_per_10k",
        "high_tech_enterprises", "tech_smes", "rd_active_firm_share", "invention_patents",
        "pct_applications", "high_tech_value_added_share", "high_tech_investment",
    ]


def test_a_baseline_from_another_year_keeps_its_year():
    targets = headline_targets().set_index("indicator_id")
    assert targets.loc["rd_revenue_ratio_industrial", "baseline_year"] == 2019
    assert targets.loc["rd_revenue_ratio_industrial", "baseline_value"] == 1.34
    assert targets.loc["rd_gdp_ratio", "baseline_year"] == 2020
    assert math.isnan(targets.loc["rd_revenue_ratio_industrial", "target_value"])
    assert targets.loc["rd_revenue_ratio_industrial", "target_text"] == "提高幅度不低于宁波平均水平"
    assert targets.loc["high_tech_value_added_share", "comparator"] == ">"
