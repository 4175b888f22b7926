"""Scenarios: default assumptions, deterministic projection, and a seeded Monte Carlo."""

import re

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.pages.scenarios import scenarios as scenario_page
from analysis.plan import load_indicators, load_plan
from analysis.scenarios import (SCENARIO_DEFAULTS, default_assumptions, fan, probabilities,
                                project, scenario_table, simulate)
from analysis.targets import headline_targets
from analysis.trajectories import with_required_rates


PLAN = load_plan()


def test_the_notebooks_parameters_cell_has_the_scenario_defaults():
    from analysis import config
    from analysis.rendering import default_parameters

    defaults = default_parameters(config.NOTEBOOKS_DIR / "scenarios.ipynb")
    assert {name: defaults[name] for name in SCENARIO_DEFAULTS} == SCENARIO_DEFAULTS


@pytest.fixture(scope="module")
def targets():
    return with_required_rates(headline_targets())


@pytest.fixture(scope="module")
def measures():
    indicators = load_indicators()
    return dict(zip(indicators["indicator_id"], indicators["measure"]))


def no_observations():
    return pd.DataFrame(columns=["indicator_id", "year", "value", "source", "note"])


def test_defaults_are_the_13th_plan_pace_else_the_required_rate(targets):
    defaults = default_assumptions(targets, PLAN).set_index("indicator_id")
    assert "rd_revenue_ratio_industrial" not in defaults.index  # no numeric target
    assert defaults.loc["high_tech_enterprises", "assumption"] == "pace_previous"
    assert round(defaults.loc["high_tech_enterprises", "growth"], 6) == 0.276771
    assert defaults.loc["pct_applications", "assumption"] == "required_rate"
    assert round(defaults.loc["pct_applications", "growth"], 6) == 0.148698


def test_a_scenario_starts_from_the_latest_observation(targets):
    observations = pd.DataFrame([{"indicator_id": "high_tech_enterprises", "year": 2024,
                                  "value": 994.0, "source": "s", "note": ""}])
    table = scenario_table(targets, observations, default_assumptions(targets, PLAN),
                           {"pct_applications": 0.10}).set_index("indicator_id")
    assert table.loc["high_tech_enterprises", ["start_year", "start_value", "start_source"]].tolist() == [
        2024, 994.0, "observed"]
    assert table.loc["invention_patents", ["start_year", "start_value"]].tolist() == [2020, 2475.0]
    assert table.loc["pct_applications", ["growth", "assumption"]].tolist() == [0.10, "parameter"]


def test_at_the_required_rate_the_projection_lands_on_the_target(targets, measures):
    table = scenario_table(targets, no_observations(), default_assumptions(targets, PLAN),
                           {"invention_patents": float(targets.set_index("indicator_id").loc[
                               "invention_patents", "required_rate"])})
    paths = project(table, measures).set_index(["indicator_id", "year"])["value"]
    assert paths["invention_patents", 2025] == pytest.approx(3300)
    assert paths["high_tech_value_added_share"].max() <= 100  # a share never passes 100%


def test_the_monte_carlo_is_seeded_and_centred(targets, measures):
    table = scenario_table(targets, no_observations(), default_assumptions(targets, PLAN))
    first = simulate(table, measures, volatility=0.05, draws=500, seed=7)
    again = simulate(table, measures, volatility=0.05, draws=500, seed=7)
    other = simulate(table, measures, volatility=0.05, draws=500, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not first["value"].equals(other["value"])
    chances = probabilities(table, first).set_index("indicator_id")
    # Growing at exactly the required rate, half the draws end above the target.
    assert 0.4 < chances.loc["pct_applications", "probability"] < 0.6
    # At the 13th plan's 27.7% a year against 14.9% needed, nearly every draw makes it.
    assert chances.loc["high_tech_enterprises", "probability"] > 0.99
    bands = fan(first)
    assert (bands["p10"] <= bands["median"]).all() and (bands["median"] <= bands["p90"]).all()


def test_a_new_value_for_one_indicator_leaves_the_others_draws_as_they_were(targets, measures):
    """Each indicator draws its own numbers: one indicator starting later (a new value) or
    leaving the table changes no other indicator's draws, nor its chances."""
    table = scenario_table(targets, no_observations(), default_assumptions(targets, PLAN))
    first = simulate(table, measures, volatility=0.05, draws=200, seed=7)
    moved = table.copy()
    early = moved.index[0]  # the first indicator: before this change, all the others' numbers
    moved.loc[early, "start_year"] = moved.loc[early, "target_year"]  # followed from its draws
    again = simulate(moved.drop(index=moved.index[1]), measures, volatility=0.05, draws=200,
                     seed=7)
    changed, dropped = table.loc[early, "indicator_id"], table.loc[table.index[1], "indicator_id"]
    others = [i for i in table["indicator_id"] if i not in (changed, dropped)]
    assert len(others) >= 5

    def rows(frame):
        frame = frame[frame["indicator_id"].astype(str).isin(others)]
        return frame.assign(indicator_id=frame["indicator_id"].astype(str)).reset_index(drop=True)

    pd.testing.assert_frame_equal(rows(first), rows(again))
    assert not simulated_values(first, changed).equals(simulated_values(again, changed))


def test_an_indicator_with_a_value_for_its_target_year_needs_no_draws(targets, measures):
    """A value for 2025 (the final evaluation) puts a scenario's start in its target year: no
    years to draw, for a share as for any other measure; its chances are its value's."""
    table = scenario_table(targets, no_observations(), default_assumptions(targets, PLAN))
    kinds = table["indicator_id"].map(measures)
    done = table.copy()
    done["start_year"] = done["target_year"]
    assert "share" in set(kinds) and len(set(kinds)) > 1  # shares and levels both
    simulated = simulate(done, measures, volatility=0.05, draws=50, seed=7)
    assert simulated.empty
    chances = probabilities(done, simulated).set_index("indicator_id")
    for row in done.itertuples():
        assert chances.loc[row.indicator_id, "median"] == row.start_value


def simulated_values(frame, indicator):
    return frame.loc[frame["indicator_id"].astype(str) == indicator, "value"].reset_index(drop=True)


def test_without_volatility_every_draw_is_the_projection(targets, measures):
    table = scenario_table(targets, no_observations(), default_assumptions(targets, PLAN))
    simulated = simulate(table, measures, volatility=0.0, draws=3, seed=1)
    final = simulated[simulated["year"] == 2025].groupby("indicator_id")["value"].nunique()
    assert (final == 1).all()
    projected = project(table, measures).set_index(["indicator_id", "year"])["value"]
    row = simulated[(simulated["indicator_id"] == "tech_smes") & (simulated["year"] == 2025)].iloc[0]
    assert row["value"] == pytest.approx(projected["tech_smes", 2025])


def test_an_unknown_indicator_in_growth_is_refused():
    with pytest.raises(InputError, match="no scenario for made_up"):
        scenario_page("zh", {"made_up": 0.1})


def projection_answers(page):
    [table] = [part for part in page.projection() if hasattr(part, "data") and "<table" in part.data]
    rows = re.findall(r"<tr>\s*<td[^>]*>([^<]+)</td>.*?<td[^>]*>([^<]+)</td>\s*</tr>", table.data, flags=re.S)
    return {name: answer for name, answer in rows}


def test_a_projection_at_the_required_rate_is_not_judged_it_lands_on_the_target_by_construction():
    reaches = projection_answers(scenario_page("zh"))
    assert reaches["每万名就业人员中R&amp;D人员数"] == "—"  # 250 by the required 2.68% a year
    assert reaches["有效发明专利拥有量"] == "—"
    assert reaches["高新技术企业数"] == "是"  # at the 13th plan's pace


def test_a_growth_given_at_the_required_rate_reaches_the_target_despite_rounding(targets):
    rate = float(targets.set_index("indicator_id").loc["invention_patents", "required_rate"])
    reaches = projection_answers(scenario_page("zh", growth={"invention_patents": rate}))
    assert reaches["有效发明专利拥有量"] == "是"  # 3,299.9999… meets 3,300


def test_a_simulated_share_moves_in_points_and_stays_below_100(targets, measures):
    table = scenario_table(targets, no_observations(), default_assumptions(targets, PLAN),
                           {"high_tech_value_added_share": 0.5})  # half the gap closed a year
    drawn = simulate(table, measures, volatility=0.2, draws=2000, seed=3)
    share = drawn[drawn["indicator_id"] == "high_tech_value_added_share"]
    assert share["value"].between(0, 100, inclusive="left").all()
    # R&D intensity at its 13th-plan rate: about 0.11 points a year, its spread a few tenths.
    rd = drawn[(drawn["indicator_id"] == "rd_gdp_ratio") & (drawn["year"] == 2021)]["value"]
    assert 3.25 < rd.median() < 3.4 and rd.std() < 1.0


def test_a_simulated_chance_is_never_shown_as_a_certainty():
    from analysis.pages.scenarios import scenarios

    for lang, high, low in (("zh", "99%以上", "不足1%"), ("en", "over 99%", "under 1%")):
        page = scenarios(lang, draws=200)
        assert [page.chance_text(p) for p in (1.0, 0.999, 0.995, 0.994, 0.5, 0.006, 0.005, 0.0)] == \
            [high, high, high, "99%", "50%", "1%", low, low]


def test_where_lower_is_better_the_chance_counts_the_draws_at_or_below_the_target():
    table = pd.DataFrame({"indicator_id": ["a", "b"], "start_year": [2020, 2020],
                          "start_value": [10.0, 10.0], "growth": [0.0, 0.0],
                          "target_year": [2022, 2022], "target_value": [5.0, 5.0],
                          "direction": ["lower", "higher"]})
    draws = pd.DataFrame({"indicator_id": ["a"] * 4 + ["b"] * 4, "draw": [0, 1, 2, 3] * 2,
                          "year": [2022] * 8, "value": [4.0, 5.0, 6.0, 7.0] * 2})
    chances = probabilities(table, draws).set_index("indicator_id")["probability"]
    assert chances["a"] == 0.5 and chances["b"] == 0.75


def test_a_scenario_starting_from_a_value_of_unstated_scope_says_so(targets):
    from analysis.observations import comparable
    from analysis.pages.base import page_context
    from analysis.pages.scenarios import ScenariosPage
    from analysis.texts import SCENARIOS

    indicators = load_indicators()
    values = pd.DataFrame({"indicator_id": ["high_tech_enterprises", "rd_gdp_ratio"],
                           "year": [2024, 2023], "value": [994.0, 3.4],
                           "scope": ["未说明", "市级"], "source": ["test fixture"] * 2, "note": ""})
    table = scenario_table(targets, comparable(values, indicators), default_assumptions(targets, PLAN))
    starts = table.set_index("indicator_id")
    assert starts.loc["high_tech_enterprises", "start_scope_check"] == "unverified"
    assert starts.loc["rd_gdp_ratio", "start_scope_check"] == "same"  # the plan's 市级
    assert starts.loc["tech_smes", "start_scope_check"] == ""  # from its baseline
    page = ScenariosPage(**page_context("zh", None), texts=SCENARIOS, scenarios=table,
                         observations=values)
    [shown] = [part.data for part in page.assumptions() if "<table" in getattr(part, "data", "")]
    assert "994家（2024年，口径待核实） 实际值" in shown
    assert "3.4%（2023年） 实际值" in shown
    _, download = page.offered["assumptions"]
    marks = dict(zip(download["指标编号"], download["统计口径核验"]))
    assert marks["high_tech_enterprises"] == "口径待核实" and marks["rd_gdp_ratio"] == ""
    # A share's growth assumption is the part of its gap to 100% closed a year: not a growth rate.
    shares = download.set_index("指标编号").loc["high_tech_value_added_share"]
    assert pd.isna(shares["增长假设（%）"]) and shares["与100%差距每年缩小（%，比重类）"] > 0


def test_at_the_required_rate_a_scenario_from_a_latest_value_still_lands_on_the_target(targets, measures):
    # The rate the target requires from where the indicator stands, not the baseline's rate:
    # from 2600 patents in 2023, 3300 in 2025 needs 12.66% a year, not 5.92%.
    values = pd.DataFrame({"indicator_id": ["invention_patents", "rd_active_firm_share"],
                           "year": [2023, 2022], "value": [2600.0, 45.0],
                           "source": ["test fixture"] * 2, "note": ""})
    table = scenario_table(targets, values, default_assumptions(targets, PLAN)).set_index("indicator_id")
    assert round(table.loc["invention_patents", "growth"], 4) == 0.1266
    assert table.loc["invention_patents", "by_construction"]
    paths = project(table.reset_index(), measures).set_index(["indicator_id", "year"])["value"]
    assert paths["invention_patents", 2025] == pytest.approx(3300)
    assert paths["rd_active_firm_share", 2025] == pytest.approx(60)  # a share too
    # One already beyond its target keeps the baseline's rate and is judged.
    met = scenario_table(targets, values.assign(value=[3400.0, 45.0]),
                         default_assumptions(targets, PLAN)).set_index("indicator_id")
    assert not met.loc["invention_patents", "by_construction"]
    assert met.loc["invention_patents", "growth"] == pytest.approx(
        targets.set_index("indicator_id").loc["invention_patents", "required_rate"])
