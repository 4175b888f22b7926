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
