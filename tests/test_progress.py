"""Progress verdicts, per DESIGN.md's Method."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.progress import STATUSES, assess
from analysis.targets import headline_targets


def observations(*rows):
    return pd.DataFrame([{"indicator_id": i, "year": y, "value": v, "source": "test fixture",
                          "note": ""} for i, y, v in rows],
                        columns=["indicator_id", "year", "value", "source", "note"])


def verdict(indicator, year, value, report_year=None):
    frame = assess(headline_targets(), observations((indicator, year, value)),
                   report_year or year).set_index("indicator_id")
    return frame.loc[indicator]


def test_450_high_tech_enterprises_in_2022_is_insufficient_progress():
    row = verdict("high_tech_enterprises", 2022, 450)
    assert round(row["progress_ratio"], 4) == 0.5932
    assert round(row["linear_ratio"], 4) == 0.4605
    assert round(row["remaining_rate"], 4) == 0.1909
    assert round(row["required_value"], 6) == 501.413006
    assert row["status"] == "insufficient_progress"


def test_450_in_2022_against_the_time_elapsed_and_the_final_grades():
    row = verdict("high_tech_enterprises", 2022, 450)
    assert round(row["progress_share"], 6) == round(70 / 380, 6) == 0.184211  # 完成进度
    assert row["elapsed_share"] == 0.4  # 序时进度: 2 of 5 years
    assert row["completion"] == "not_met" and round(row["completion_rate"], 6) == 0.592105
    assert row["preliminary"]  # one value after the baseline


def test_the_value_is_set_against_the_path_at_its_own_year():
    # 994 in 2024, seen from the 2025 report: the path's 2024 value, not the 2025 target.
    row = verdict("high_tech_enterprises", 2024, 994, report_year=2025)
    assert round(row["required_value"], 6) == 661.618428
    assert row["completion"] == "exceeded" and row["elapsed_share"] == 0.8
    # No value: the path at the report year.
    empty = assess(headline_targets(), observations(), 2023).set_index("indicator_id")
    assert round(empty.loc["high_tech_enterprises", "required_value"], 6) == 575.972295  # 380 × 2^(3/5)
    assert empty.loc["high_tech_enterprises", "completion"] is None


def test_two_values_make_a_verdict_no_longer_preliminary():
    frame = assess(headline_targets(), observations(("high_tech_enterprises", 2022, 450),
                                                    ("high_tech_enterprises", 2023, 600)), 2023)
    row = frame.set_index("indicator_id").loc["high_tech_enterprises"]
    assert not row["preliminary"] and row["latest_value"] == 600


@pytest.mark.parametrize("value, grade", [(3.75, "exceeded"), (3.7, "met"), (3.66, "nearly_met"),
                                          (3.64, "not_met")])
def test_the_final_grades_of_a_share(value, grade):
    # 3.2% → 3.7%: 超额完成 from 3.75 (a tenth of the 0.5 points beyond), 基本完成 from 3.65.
    row = verdict("rd_gdp_ratio", 2025, value)
    assert row["completion"] == grade
    assert row["completion_rate"] == pytest.approx(value - 3.7)  # percentage points, not 101%


def test_600_in_2023_is_on_track():
    row = verdict("high_tech_enterprises", 2023, 600)
    assert round(row["progress_ratio"], 4) == 1.1060
    assert row["status"] == "on_track"


def test_rd_intensity_falling_is_moving_away():
    row = verdict("rd_gdp_ratio", 2022, 3.10)
    assert round(row["progress_ratio"], 4) == -0.5346
    assert row["status"] == "moving_away"


def test_a_lower_bound_target_is_met_at_its_bound():
    assert verdict("high_tech_value_added_share", 2023, 71)["status"] == "target_met"
    assert verdict("high_tech_value_added_share", 2023, 70)["status"] == "target_met"


def test_without_observations_nothing_is_claimed():
    frame = assess(headline_targets(), observations(), 2023)
    assert set(frame["status"]) == {"insufficient_data"}
    assert frame["progress_ratio"].isna().all() and frame["observed_rate"].isna().all()


def test_observations_after_the_report_year_do_not_count():
    row = verdict("high_tech_enterprises", 2024, 994, report_year=2023)
    assert row["status"] == "insufficient_data" and pd.isna(row["latest_year"])


def test_a_relative_target_without_reference_data_is_not_assessable():
    row = verdict("rd_revenue_ratio_industrial", 2022, 1.6)
    assert row["status"] == "not_assessable"
    assert math.isnan(row["required_rate"]) and math.isnan(row["progress_ratio"])


def test_the_csv_columns_of_the_design():
    frame = assess(headline_targets(), observations(), 2025)
    assert list(frame.columns[:15]) == [
        "indicator_id", "baseline_year", "baseline_value", "target_year", "target_value",
        "target_kind", "report_year", "latest_year", "latest_value", "required_rate",
        "observed_rate", "progress_ratio", "linear_ratio", "required_value", "remaining_rate",
    ][:15]
    assert "status" in frame.columns


@given(year=st.integers(min_value=2021, max_value=2025),
       value=st.floats(min_value=1, max_value=5000, allow_nan=False))
def test_a_series_growing_at_the_required_rate_has_ratio_one(year, value):
    rate = (760 / 380) ** (1 / 5) - 1
    row = verdict("high_tech_enterprises", year, 380 * (1 + rate) ** (year - 2020))
    assert row["progress_ratio"] == pytest.approx(1.0)


@given(year=st.integers(min_value=2021, max_value=2025),
       lower=st.floats(min_value=1, max_value=2000, allow_nan=False),
       higher=st.floats(min_value=1, max_value=2000, allow_nan=False))
def test_the_status_never_improves_when_the_value_gets_worse(year, lower, higher):
    lower, higher = sorted((lower, higher))
    rank = {status: index for index, status in enumerate(STATUSES)}
    worse = verdict("high_tech_enterprises", year, lower)["status"]
    better = verdict("high_tech_enterprises", year, higher)["status"]
    assert rank[worse] >= rank[better]


# --- the catalogue's other kinds of target ------------------------------------------------------

from analysis.targets import catalogue


def catalogue_verdict(target_id, rows, report_year, references=None):
    targets = catalogue()
    targets = targets[targets["target_id"] == target_id]
    kwargs = {} if references is None else {"references": references}
    return assess(targets, observations(*rows), report_year, **kwargs).iloc[0]


def test_a_cumulative_target_from_zero_is_judged_on_the_linear_path():
    # 新增就业大学生7万人以上 by 2025: 30,000 by 2022 is 3/7 of the way in 2/5 of the time.
    row = catalogue_verdict("body_graduates_employed", [("graduates_employed", 2022, 30000)], 2022)
    assert round(row["linear_ratio"], 4) == round((30000 / 70000) / (2 / 5), 4) == 1.0714
    assert row["progress_ratio"] == row["linear_ratio"]
    assert math.isnan(row["required_rate"]) and math.isnan(row["remaining_rate"])
    assert row["required_value"] == pytest.approx(28000)
    assert row["status"] == "on_track"


def test_a_range_is_met_at_its_lower_end_and_keeps_its_upper_end():
    row = catalogue_verdict("body_star_market_listings", [("star_market_listings", 2024, 1)], 2024)
    assert row["status"] == "target_met"
    assert (row["target_value"], row["target_upper"]) == (1, 2)


def test_a_target_without_baseline_is_met_or_not_assessable():
    met = catalogue_verdict("body_provincial_key_labs", [("provincial_key_labs", 2023, 3)], 2023)
    short = catalogue_verdict("body_provincial_key_labs", [("provincial_key_labs", 2023, 2)], 2023)
    assert (met["status"], short["status"]) == ("target_met", "not_assessable")


def test_a_qualitative_target_is_not_assessable():
    assert catalogue_verdict("body_innovative_county", [], 2025)["status"] == "not_assessable"


def ningbo(*rows):
    return pd.DataFrame([{"series_id": "ningbo_rd_revenue_ratio_industrial", "year": y, "value": v,
                          "source": "test fixture", "note": ""} for y, v in rows])


def test_a_relative_target_is_measured_against_the_reference_increase():
    # Cixi 1.34 (2019) → 1.60 (2022): +0.26 points; Ningbo +0.20 → keeps pace; +0.40 → 0.65 of it.
    rows = [("rd_revenue_ratio_industrial", 2022, 1.60)]
    ahead = catalogue_verdict("table2_rd_revenue_ratio_industrial_2025", rows, 2022,
                              ningbo((2019, 1.80), (2022, 2.00)))
    assert ahead["status"] == "on_track" and ahead["target_value"] == pytest.approx(1.54)
    behind = catalogue_verdict("table2_rd_revenue_ratio_industrial_2025", rows, 2022,
                               ningbo((2019, 1.80), (2022, 2.20)))
    assert round(behind["progress_ratio"], 4) == 0.65 and behind["status"] == "moderate_progress"
    final = catalogue_verdict("table2_rd_revenue_ratio_industrial_2025",
                              [("rd_revenue_ratio_industrial", 2025, 1.70)], 2025,
                              ningbo((2019, 1.80), (2025, 2.10)))
    assert final["status"] == "target_met"


def test_a_relative_target_without_the_reference_year_is_not_assessable():
    row = catalogue_verdict("table2_rd_revenue_ratio_industrial_2025",
                            [("rd_revenue_ratio_industrial", 2022, 1.6)], 2022, ningbo((2022, 2.0)))
    assert row["status"] == "not_assessable"


def test_statuses_carry_chinese_and_english_labels():
    row = verdict("high_tech_enterprises", 2022, 450)
    assert (row["status_zh"], row["status_en"]) == ("明显滞后", "Insufficient progress")
    labels = assess(headline_targets(), observations(), 2022)[["status_zh", "status_en"]]
    assert set(map(tuple, labels.values)) == {("暂无数据", "No data yet")}


def test_a_baseline_already_at_the_target_then_falling_is_moving_away():
    targets = pd.DataFrame([{"indicator_id": "tech_smes", "baseline_year": 2020,
                             "baseline_value": 100.0, "target_year": 2025, "target_value": 100.0,
                             "target_kind": "level"}])
    row = assess(targets, observations(("tech_smes", 2022, 95)), 2022).iloc[0]
    assert row["status"] == "moving_away"


def test_without_a_baseline_only_the_plans_own_years_count():
    # A 2019 count of 3 labs says nothing of the 2021–2025 target: no data in the period yet.
    row = catalogue_verdict("body_provincial_key_labs", [("provincial_key_labs", 2019, 3)], 2021)
    assert row["status"] == "insufficient_data"


def test_a_relative_target_uses_the_latest_year_the_reference_also_has():
    rows = [("rd_revenue_ratio_industrial", 2021, 1.50), ("rd_revenue_ratio_industrial", 2023, 1.40)]
    row = catalogue_verdict("table2_rd_revenue_ratio_industrial_2025", rows, 2023,
                            ningbo((2019, 1.80), (2021, 1.90)))
    assert row["latest_year"] == 2021 and row["status"] == "on_track"


# --- an indicator that is better lower (DESIGN.md, Method: "higher is better unless an
# indicator says otherwise"); none of the Cixi plan's is, so these use a target of their own.

from analysis.progress import completion, completion_rate, meets  # noqa: E402

FALLING = {"indicator_id": "energy_per_gdp", "baseline_year": 2020, "baseline_value": 10.0,
           "target_year": 2025, "target_value": 5.0, "target_kind": "level", "measure": "amount",
           "direction": "lower"}


def falling_verdict(year, value, **changes):
    target = {**FALLING, **changes}
    frame = assess(pd.DataFrame([target]), observations((target["indicator_id"], year, value)), 2025)
    return frame.iloc[0]


def test_meets_the_other_way_round_where_lower_is_better():
    assert list(meets([4.9, 5.0, 5.1], 5.0, "lower")) == [True, True, False]
    assert list(meets([4.9, 5.0, 5.1], 5.0)) == [False, True, True]
    assert bool(meets(5.000000001, 5.0, "lower"))  # the last bits of floating point


def test_a_value_still_above_a_target_that_is_lower_is_not_met():
    # 10 → 8 in two years: −10.56% a year against the −12.94% needed. Read as higher-is-better
    # (8 ≥ 5) it would be "met".
    row = falling_verdict(2022, 8.0)
    assert round(row["observed_rate"], 4) == -0.1056
    assert round(row["required_rate"], 4) == -0.1294
    assert round(row["progress_ratio"], 4) == 0.8156
    assert row["status"] == "moderate_progress"
    assert round(row["progress_share"], 4) == 0.4  # (8 − 10) ÷ (5 − 10)
    assert row["completion"] == "not_met"
    assert round(row["completion_rate"], 4) == 0.625  # T ÷ v = 5 ÷ 8


def test_a_value_that_rises_when_lower_is_better_moves_away():
    row = falling_verdict(2022, 11.0)
    assert row["status"] == "moving_away" and row["progress_ratio"] < 0


def test_at_or_below_a_lower_target_it_is_met_and_well_below_exceeded():
    met = falling_verdict(2025, 4.8)
    assert met["status"] == "target_met" and met["completion"] == "met"
    exceeded = falling_verdict(2025, 4.5)  # 5 − 10% × |5 − 10|
    assert exceeded["completion"] == "exceeded"
    assert completion(4.6, 10.0, 5.0, 1.08, "lower") == "met"


def test_a_share_better_lower_completes_in_points_below_its_target():
    assert completion_rate(38.0, 40.0, "share", "lower") == 2.0
    assert completion_rate(38.0, 40.0, "share") == -2.0
