"""Required rates and paths: the growth each 2025 target needs."""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from analysis.targets import headline_targets
from analysis.trajectories import (compound_rate, compound_value, linear_value, required_paths,
                                   with_required_rates)


def test_doubling_high_tech_enterprises_needs_14_8698_percent_a_year():
    assert round(float(compound_rate(380, 760, 2020, 2025)), 6) == 0.148698


def test_rd_intensity_needs_2_9462_percent_a_year_or_a_tenth_of_a_point():
    assert round(float(compound_rate(3.2, 3.7, 2020, 2025)), 6) == 0.029462
    assert [round(float(linear_value(3.2, 3.7, 2020, 2025, year)), 10)
            for year in range(2020, 2026)] == [3.2, 3.3, 3.4, 3.5, 3.6, 3.7]


def test_required_rates_of_every_headline_target():
    rated = with_required_rates(headline_targets()).set_index("indicator_id")
    rates = rated["required_rate"].dropna().round(6).to_dict()
    assert rates == {
        "rd_gdp_ratio": 0.029462, "rd_personnel_per_10k": 0.026831,
        "high_tech_enterprises": 0.148698, "tech_smes": 0.126125,
        "rd_active_firm_share": 0.079024, "invention_patents": 0.059224,
        "pct_applications": 0.148698, "high_tech_value_added_share": 0.004342,
        "high_tech_investment": 0.096116,
    }
    assert rated.loc["rd_gdp_ratio", "linear_step"] == pytest.approx(0.1)
    assert rated.loc["high_tech_enterprises", "linear_step"] == 76


def test_paths_run_from_baseline_to_target_for_numeric_targets_only():
    paths = required_paths(headline_targets())
    assert "rd_revenue_ratio_industrial" not in set(paths["indicator_id"])
    hte = paths[paths["indicator_id"] == "high_tech_enterprises"].set_index("year")
    assert list(hte.index) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert hte.loc[2020, "compound_value"] == pytest.approx(380)
    assert hte.loc[2025, "compound_value"] == pytest.approx(760)
    assert round(hte.loc[2022, "compound_value"], 6) == 501.413006
    assert hte.loc[2022, "linear_value"] == pytest.approx(532)


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(baseline=positive, target=positive, years=st.integers(min_value=1, max_value=15))
def test_the_required_path_reaches_the_target_in_the_target_year(baseline, target, years):
    # A plan's targets lie within three orders of magnitude of their baselines; beyond that,
    # 1 + rate itself loses the digits the comparison needs.
    assume(1e-3 <= target / baseline <= 1e3)
    rate = compound_rate(baseline, target, 2020, 2020 + years)
    assert compound_value(baseline, rate, 2020, 2020 + years) == pytest.approx(target, rel=1e-9)
    assert linear_value(baseline, target, 2020, 2020 + years, 2020 + years) == pytest.approx(target)


def test_a_share_closes_its_gap_to_100_percent_at_a_steady_rate_and_never_reaches_it():
    from analysis.trajectories import share_gap_rate, share_value

    rate = share_gap_rate(37.56, 68.5, 5)  # 专栏1: 37.56% in 2015, 68.5% in 2020
    assert share_value(37.56, rate, 2015, 2020) == pytest.approx(68.5)
    # Five more years at that rate: the gap of 31.5 points shrinks by the same ratio again.
    assert share_value(68.5, rate, 2020, 2025) == pytest.approx(100 - 31.5 * 31.5 / 62.44)
    steps = np.diff([share_value(68.5, rate, 2020, y) for y in range(2020, 2060)])
    assert (steps > 0).all() and (np.diff(steps) < 0).all()  # fewer points each year
    assert share_value(68.5, rate, 2020, 2200) < 100


def test_the_yearly_breakdown_keeps_the_same_decimals_along_a_row():
    """WORDING.md: the same number of decimals down a column; a count stays whole."""
    from analysis.pages.trajectories import trajectories

    table = trajectories("zh").milestones()[2].data
    assert "3.29（3.30）" in table and "3.70（3.70）" in table  # not "3.7（3.7）" beside "3.29"
    assert "437（456）" in table and "760（760）" in table  # 高新技术企业: whole firms
