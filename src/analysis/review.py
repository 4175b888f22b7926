"""The previous plan in review (专栏1), its pace, and where the plan disagrees with itself."""

from __future__ import annotations

import math

import pandas as pd

from analysis.errors import InputError
from analysis.labels import indicator_units, with_unit
from analysis.plan import (Plan, directions, load_indicators, load_plan, locate, measures, plan_values,
                           previous_plan, read_plan_text, read_table)
from analysis.progress import assess_target, completion, completion_rate
from analysis.targets import headline_targets
from analysis.texts import ATTAINMENT, COMPLETION_LABELS, REVIEW_COMMENT
from analysis.trajectories import compound_rate

def own_grade(baseline: float, target: float, actual: float, direction: str = "higher") -> str:
    """The 完成情况 this report's rules give a row of the previous plan's table (the final
    evaluation's grades of the Method: exceeded, met, nearly_met, not_met)."""
    share = (actual - baseline) / (target - baseline) if target != baseline else math.nan
    return completion(actual, baseline, target, share, direction)


def review_previous_plan(values: pd.DataFrame | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """Per row of the previous plan's table (专栏1), or of its headline targets where plan.toml
    names the previous plan (see with_previous_plan): growth achieved against the growth its
    target needed, the verdict of our rules, and our remark beside the table's own. A row with
    no value yet has no verdict."""
    plan = plan or load_plan()
    values = with_previous_plan(plan_values(plan), plan) if values is None else values
    table = values[values["plan_period"] == plan.previous_period]
    previous = previous_plan(plan)
    # the previous plan's indicators, then this plan's (which win where both describe one)
    metadata = pd.concat([*([load_indicators(previous)] if previous else []), load_indicators(plan)],
                         ignore_index=True).drop_duplicates("indicator_id", keep="last")
    kinds, betters = measures(metadata), directions(metadata)
    units = {lang: indicator_units(metadata, lang) for lang in REVIEW_COMMENT}
    rows = []
    for indicator, group in table.groupby("indicator_id", sort=False):
        by_kind = group.set_index("kind")
        baseline, target = by_kind.loc["baseline"], by_kind.loc["target"]
        b, T = baseline["value"], target["value"]
        t0, tT = int(baseline["year"]), int(target["year"])
        needed = float(compound_rate(b, T, t0, tT))
        if "actual" not in by_kind.index:
            rows.append({
                "indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
                "target_year": tT, "target_value": T, "comparator": target["comparator"],
                "actual_year": pd.NA, "actual_value": math.nan, "required_rate": needed,
                "achieved_rate": math.nan, "progress_ratio": math.nan, "attainment": math.nan,
                "points_above": math.nan,
                "status": "insufficient_data", "plan_remark": baseline["remark"], "own_grade": "",
                "own_remark": "", "agrees": True, "comment_zh": "", "comment_en": ""})
            continue
        actual = by_kind.loc["actual"]
        a = actual["value"]
        better = betters.get(indicator, "higher")
        verdict = assess_target(
            {"indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
             "target_year": tT, "target_value": T, "target_kind": target["target_kind"],
             "required_rate": needed, "direction": better},
            pd.DataFrame({"indicator_id": [indicator], "year": [int(actual["year"])],
                          "value": [a], "source": [target["table"]]}), tT)
        grade = own_grade(b, T, a, better)
        ours = COMPLETION_LABELS["zh"][grade]
        rows.append({
            "indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
            "target_year": tT, "target_value": T, "comparator": target["comparator"],
            "actual_year": int(actual["year"]), "actual_value": a, "required_rate": needed,
            "achieved_rate": verdict["observed_rate"], "progress_ratio": verdict["progress_ratio"],
            # 完成率 (a ÷ T; T ÷ a where lower is better); a share's distance in points
            "attainment": completion_rate(a, T, "", better),
            "points_above": a - T if kinds.get(indicator) == "share" else math.nan,
            "status": verdict["status"], "plan_remark": baseline["remark"],
            "own_grade": grade, "own_remark": ours, "agrees": ours == baseline["remark"],
            **{f"comment_{lang}": "" if ours == baseline["remark"] else REVIEW_COMMENT[lang].format(
                year=tT, actual=with_unit(f"{a:g}", units[lang].get(indicator, "")),
                target=with_unit(target["value_text"], units[lang].get(indicator, "")),
                attainment=attainment_text(a, T, kinds.get(indicator), lang),
                ours=COMPLETION_LABELS[lang][grade], remark=remark_label(baseline["remark"], lang))
               for lang in REVIEW_COMMENT},
        })
    return pd.DataFrame(rows)


# --- the previous plan from its own targets and the observations (plan.toml `previous_plan`) -----

SEEDED_TABLE = "previous_plan"  # the `table` of the rows made from the previous plan


def previous_plan_actuals(plan: Plan) -> pd.DataFrame:
    """Per headline indicator of the previous plan, its latest value up to the previous plan's
    end year, of the previous plan's scope (or of none stated), with its source: the
    observations plan.toml names for it, else the previous plan's own."""
    from analysis.observations import as_of, comparable, load_observations, previous_plan_files

    previous = previous_plan(plan)
    indicators = load_indicators(previous)
    files = previous_plan_files(plan)
    used = comparable(as_of(load_observations(files, indicators, previous), previous.end_year),
                      indicators)
    latest = used.sort_values("year").groupby("indicator_id", sort=False).tail(1)
    return latest.sort_values(["indicator_id"]).reset_index(drop=True)


def with_previous_plan(values: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """The plan's table values, with rows for the previous period made from the previous plan
    (its headline targets with a number, and each one's latest value) where plan.toml names one:
    how a new plan whose text has no review table reviews the plan before it."""
    if not plan.previous_plan:
        return values
    if (values["plan_period"] == plan.previous_period).any():
        raise InputError("give the previous period either as a table of the text or as "
                         "previous_plan, not both", file=plan.config_path, field="previous_plan")
    previous = previous_plan(plan)
    targets = headline_targets(plan_values(previous), previous)
    targets = targets[targets["baseline_value"].notna() & targets["target_value"].notna()]
    actuals = previous_plan_actuals(plan).set_index("indicator_id")
    catalogue = load_indicators(previous)
    names = dict(zip(catalogue["indicator_id"], catalogue["name_zh"]))
    rows = []
    for target in targets.to_dict("records"):
        common = {"indicator_id": target["indicator_id"], "plan_period": plan.previous_period,
                  "table": SEEDED_TABLE, "target_kind": target["target_kind"], "remark": "",
                  "label": names[target["indicator_id"]], "line": float("nan")}
        rows.append({**common, "year": target["baseline_year"], "kind": "baseline",
                     "value": target["baseline_value"], "comparator": "",
                     "value_text": f"{target['baseline_value']:g}"})
        rows.append({**common, "year": target["target_year"], "kind": "target",
                     "value": target["target_value"], "comparator": target["comparator"],
                     "value_text": target["target_text"]})
        if target["indicator_id"] in actuals.index:
            actual = actuals.loc[target["indicator_id"]]
            rows.append({**common, "year": int(actual["year"]), "kind": "actual",
                         "value": float(actual["value"]), "comparator": "",
                         "value_text": f"{actual['value']:g}"})
    return pd.concat([values, pd.DataFrame(rows, columns=values.columns)], ignore_index=True)


def attainment_text(actual: float, target: float, measure: str | None, lang: str) -> str:
    """"达到目标的271%"; for a share, "高于目标23.50个百分点" (shares move in 百分点)."""
    words = ATTAINMENT[lang]
    if measure != "share":
        return words["ratio"].format(share=actual / target)
    return words["above" if actual >= target else "below"].format(points=abs(actual - target))


def remark_label(remark: str, lang: str) -> str:
    """The table's own 备注 in a language: "met (完成)" in English where it is a known grade."""
    grades = {label: grade for grade, label in COMPLETION_LABELS["zh"].items()}
    return COMPLETION_LABELS[lang][grades[remark]] if remark in grades else remark


def previous_plan_pace(values: pd.DataFrame | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """The pace achieved under the previous plan by each series that runs on into this plan."""
    plan = plan or load_plan()
    values = with_previous_plan(plan_values(plan), plan) if values is None else values
    review = review_previous_plan(values, plan).dropna(subset=["actual_value"])
    current = values[(values["plan_period"] == plan.period) & (values["kind"] == "target")]
    review = review[review["indicator_id"].isin(set(current["indicator_id"]))]
    return pd.DataFrame({
        "indicator_id": review["indicator_id"], "from_year": review["baseline_year"],
        "from_value": review["baseline_value"], "to_year": review["actual_year"],
        "to_value": review["actual_value"], "pace_rate": review["achieved_rate"],
    }).reset_index(drop=True)


def contradictions(plan: Plan | None = None) -> pd.DataFrame:
    """Each place where the plan's wording or definitions need a note (规划文本口径说明), with both
    quotes located; an empty indicator id is a note on a target outside the indicator tables."""
    plan = plan or load_plan()
    text = read_plan_text(plan)
    frame = read_table(plan.contradictions_path)
    known = set(load_indicators(plan)["indicator_id"])
    located = {"line_a": [], "where_a": [], "line_b": [], "where_b": []}
    for index, row in frame.iterrows():
        line = int(index) + 2
        if row["indicator_id"] and row["indicator_id"] not in known:  # empty: the plan as a whole
            raise InputError(f"unknown indicator id {row['indicator_id']!r}",
                             file=plan.contradictions_path, line=line, field="indicator_id")
        for side in ("a", "b"):
            try:
                number, where = locate(text, row[f"quote_{side}"])
            except ValueError as exc:
                raise InputError(str(exc), file=plan.contradictions_path, line=line,
                                 field=f"quote_{side}") from exc
            located[f"line_{side}"].append(number)
            located[f"where_{side}"].append(where)
    return frame.assign(**located)
