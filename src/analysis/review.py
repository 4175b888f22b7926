"""The previous plan in review (专栏1), its pace, and where the plan disagrees with itself."""

from __future__ import annotations

import math

import pandas as pd

from analysis.errors import InputError
from analysis.plan import (Plan, load_indicators, load_plan, locate, plan_values, read_plan_text,
                           read_table)
from analysis.progress import assess_target, completion
from analysis.texts import COMPLETION_LABELS, REVIEW_COMMENT
from analysis.trajectories import compound_rate

def own_grade(baseline: float, target: float, actual: float) -> str:
    """The 完成情况 this report's rules give a row of the previous plan's table (the final
    evaluation's grades of the Method: exceeded, met, nearly_met, not_met)."""
    share = (actual - baseline) / (target - baseline) if target != baseline else math.nan
    return completion(actual, baseline, target, share)


def review_previous_plan(values: pd.DataFrame | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """Per row of the previous plan's table (专栏1): growth achieved against the growth its target
    needed, the verdict of our rules, and our remark beside the table's own."""
    plan = plan or load_plan()
    values = plan_values(plan) if values is None else values
    table = values[values["plan_period"] == plan.previous_period]
    rows = []
    for indicator, group in table.groupby("indicator_id", sort=False):
        by_kind = group.set_index("kind")
        baseline, target, actual = (by_kind.loc[k] for k in ("baseline", "target", "actual"))
        b, T, a = baseline["value"], target["value"], actual["value"]
        t0, tT = int(baseline["year"]), int(target["year"])
        needed = float(compound_rate(b, T, t0, tT))
        verdict = assess_target(
            {"indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
             "target_year": tT, "target_value": T, "target_kind": target["target_kind"],
             "required_rate": needed},
            pd.DataFrame({"indicator_id": [indicator], "year": [int(actual["year"])],
                          "value": [a], "source": [target["table"]]}), tT)
        grade = own_grade(b, T, a)
        ours = COMPLETION_LABELS["zh"][grade]
        rows.append({
            "indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
            "target_year": tT, "target_value": T, "comparator": target["comparator"],
            "actual_year": int(actual["year"]), "actual_value": a, "required_rate": needed,
            "achieved_rate": verdict["observed_rate"], "progress_ratio": verdict["progress_ratio"],
            "attainment": a / T, "status": verdict["status"], "plan_remark": baseline["remark"],
            "own_grade": grade, "own_remark": ours, "agrees": ours == baseline["remark"],
            **{f"comment_{lang}": "" if ours == baseline["remark"] else REVIEW_COMMENT[lang].format(
                year=tT, actual=a, target=target["value_text"], share=a / T,
                ours=COMPLETION_LABELS[lang][grade], remark=remark_label(baseline["remark"], lang))
               for lang in REVIEW_COMMENT},
        })
    return pd.DataFrame(rows)


def remark_label(remark: str, lang: str) -> str:
    """The table's own 备注 in a language: "met (完成)" in English where it is a known grade."""
    grades = {label: grade for grade, label in COMPLETION_LABELS["zh"].items()}
    return COMPLETION_LABELS[lang][grades[remark]] if remark in grades else remark


def previous_plan_pace(values: pd.DataFrame | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """The pace achieved under the previous plan by each series that runs on into this plan."""
    plan = plan or load_plan()
    values = plan_values(plan) if values is None else values
    review = review_previous_plan(values, plan)
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
