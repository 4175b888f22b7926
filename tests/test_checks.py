"""Data checks that warn without stopping: a stock that falls, a jump far beyond what the plan
needs, a target met in the plan's first year."""

import pandas as pd

from analysis.checks import JUMP_FACTOR, data_checks, describe
from analysis.cli import main
from analysis.observations import comparable, load_observations
from analysis.targets import headline_targets_with_rates
from conftest import SCOPED, write_csv

TARGETS = headline_targets_with_rates()


def frame(*rows):
    return pd.DataFrame(rows, columns=["indicator_id", "year", "value"]).assign(file="f.csv", line=2)


def checks(indicators, *rows):
    found = data_checks(frame(*rows), TARGETS, indicators)
    return sorted(zip(found["indicator_id"], found["year"], found["check"]))


def test_a_stock_that_falls_is_flagged(indicators):
    assert checks(indicators, ("tech_smes", 2022, 2600), ("tech_smes", 2023, 2500)) == [
        ("tech_smes", 2023, "falls")]
    # A flow may fall: PCT applications are counted per year.
    assert checks(indicators, ("pct_applications", 2022, 50), ("pct_applications", 2023, 45)) == []


def test_a_jump_beyond_three_times_the_largest_required_change_is_flagged(indicators):
    # 68.5 → 70 needs at most 0.3026 points a year; 3 × that is 0.908.
    assert checks(indicators, ("high_tech_value_added_share", 2021, 69.4)) == []
    assert checks(indicators, ("high_tech_value_added_share", 2021, 69.5)) == [
        ("high_tech_value_added_share", 2021, "jump")]
    assert JUMP_FACTOR == 3


def test_a_target_met_in_the_first_year_is_flagged(indicators):
    found = checks(indicators, ("pct_applications", 2021, 72))
    assert ("pct_applications", 2021, "early") in found


def test_the_warnings_read_as_sentences(indicators):
    used = comparable(load_observations([SCOPED]), indicators)
    [check] = data_checks(used, TARGETS, indicators).to_dict("records")
    assert check["check"] == "jump" and check["value"] == 75.31  # the 全市 79.69 is not judged
    assert describe(check, indicators, TARGETS, "zh") == (
        "高新技术产业增加值占规模以上工业增加值比重2020—2023年年均变化2.27个百分点，为实现目标每年所需最大变化幅度"
        "（0.303个百分点）的7.5倍（超过3倍即提示）：请核实数值、口径或统计分类是否有变化。")
    assert ("2.27 percentage points a year from 2020 to 2023, 7.5 times the largest yearly change "
            "the plan needs (0.303 percentage points; flagged beyond 3 times)") in describe(
        check, indicators, TARGETS, "en")


def test_the_command_line_warns_and_goes_on(tmp_path, capsys):
    path = write_csv(tmp_path / "a.csv", "indicator_id,year,value,source,note\n"
                     "tech_smes,2022,2600,doc,\ntech_smes,2023,2500,doc,\n")
    assert main(["assess", "--year", "2023", "--observations", str(path), "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {path}, line 3: " in err and "a stock rarely falls" in err


def test_the_body_texts_numeric_targets_are_checked_too(indicators):
    """A cumulative total or a stock that falls, a target met in the plan's first year: for the
    body text's targets as for 专栏2's (those without a baseline get no jump check)."""
    from analysis.checks import check_targets
    from analysis.plan import load_plan

    targets = check_targets(load_plan())
    assert {"industrial_firm_coverage", "major_sti_projects", "provincial_rd_centres"} <= \
        set(targets["indicator_id"])
    assert targets["indicator_id"].is_unique
    found = data_checks(frame(("industrial_firm_coverage", 2021, 90),
                              ("major_sti_projects", 2022, 10), ("major_sti_projects", 2023, 4),
                              ("provincial_rd_centres", 2022, 150), ("provincial_rd_centres", 2023, 100),
                              ("incubators", 2022, 12), ("incubators", 2023, 9)),  # not known as a stock
                        targets, indicators)
    assert sorted(zip(found["indicator_id"], found["year"], found["check"])) == [
        ("industrial_firm_coverage", 2021, "early"), ("major_sti_projects", 2023, "falls"),
        ("provincial_rd_centres", 2023, "falls")]
    early, falls, _ = found.sort_values(["indicator_id", "year"]).to_dict("records")
    assert describe(early, indicators, targets, "zh").endswith(
        "2021年实际值90已达到2025年目标70：规划首年即达标，请核实单位和口径。")
    assert "4 in 2023 is below 10 in 2022; a cumulative total cannot fall" in describe(
        falls, indicators, targets, "en")
    # a total counted from the plan's start: a value from before it is not compared with
    before = data_checks(frame(("innovation_platforms", 2020, 30), ("innovation_platforms", 2021, 5)),
                         targets, indicators)
    assert before.empty


def test_where_lower_is_better_a_first_year_value_at_or_below_the_target_is_early(indicators):
    lower = TARGETS.assign(direction=TARGETS["direction"].where(
        TARGETS["indicator_id"] != "pct_applications", "lower"))
    rows = frame(("pct_applications", 2021, 80), ("tech_smes", 2021, 3700))
    early = lambda found: sorted(found.loc[found["check"] == "early", "indicator_id"])  # noqa: E731
    assert early(data_checks(rows, TARGETS, indicators)) == ["pct_applications", "tech_smes"]
    # 80 against a target of 72 is not met early where less is better.
    assert early(data_checks(rows, lower, indicators)) == ["tech_smes"]
    assert early(data_checks(frame(("pct_applications", 2021, 70)), lower, indicators)) == [
        "pct_applications"]
