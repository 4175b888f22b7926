"""The 13th plan in review (专栏1), its pace carried forward, and where the plan disagrees with itself."""

from __future__ import annotations


import pandas as pd

from analysis.errors import InputError
from analysis.plan import Plan, load_indicators, load_plan, locate, plan_values, read_plan_text
from analysis.progress import assess_target
from analysis.trajectories import required_rate

REMARKS = {"exceeded": "超额完成", "met": "完成", "missed": "未完成"}


def own_remark(actual: float, target: float) -> str:
    """The 备注 our rules give: above the target (or bound) is exceeded, at it met, below missed."""
    if actual > target:
        return REMARKS["exceeded"]
    return REMARKS["met"] if actual == target else REMARKS["missed"]


def review_13th_plan(values: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per 专栏1 row: growth achieved 2015→2020 against the growth its 2020 target needed."""
    values = plan_values() if values is None else values
    table = values[values["plan_period"] == "13th"]
    rows = []
    for indicator, group in table.groupby("indicator_id", sort=False):
        by_kind = group.set_index("kind")
        baseline, target, actual = (by_kind.loc[k] for k in ("baseline", "target", "actual"))
        b, T, a = baseline["value"], target["value"], actual["value"]
        t0, tT = int(baseline["year"]), int(target["year"])
        needed = float(required_rate(b, T, t0, tT))
        verdict = assess_target(
            {"indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
             "target_year": tT, "target_value": T, "target_kind": target["target_kind"],
             "required_rate": needed},
            pd.DataFrame({"indicator_id": [indicator], "year": [tT], "value": [a],
                          "source": ["专栏1"]}), tT)
        ours = own_remark(a, T)
        rows.append({
            "indicator_id": indicator, "baseline_year": t0, "baseline_value": b,
            "target_year": tT, "target_value": T, "comparator": target["comparator"],
            "actual_value": a, "required_rate": needed,
            "achieved_rate": float(required_rate(b, a, t0, tT)),
            "progress_ratio": verdict["progress_ratio"], "attainment": a / T,
            "status": verdict["status"], "plan_remark": baseline["remark"], "own_remark": ours,
            "agrees": ours == baseline["remark"],
            "comment_zh": "" if ours == baseline["remark"] else (
                f"2020年实际{a:g}，目标{target['value_text']}，达到目标的{a / T:.0%}；"
                f"按本项目规则为“{ours}”，专栏1备注为“{baseline['remark']}”。"),
            "comment_en": "" if ours == baseline["remark"] else (
                f"{a:g} in 2020 against a target of {target['value_text']} ({a / T:.0%} of it): "
                f"our rules say {ours}, the table's remark says {baseline['remark']}."),
        })
    return pd.DataFrame(rows)


def thirteenth_plan_pace(values: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 2016–2020 pace of each series that runs through both plans, compound and linear."""
    values = plan_values() if values is None else values
    old = values[values["plan_period"] == "13th"]
    new = values[(values["plan_period"] == "14th") & (values["kind"] == "target")]
    shared = [i for i in dict.fromkeys(old["indicator_id"]) if i in set(new["indicator_id"])]
    rows = []
    for indicator in shared:
        mine = old[old["indicator_id"] == indicator].set_index("kind")
        b, a = mine.loc["baseline", "value"], mine.loc["actual", "value"]
        t0, t1 = int(mine.loc["baseline", "year"]), int(mine.loc["actual", "year"])
        rows.append({"indicator_id": indicator, "from_year": t0, "from_value": b,
                     "to_year": t1, "to_value": a,
                     "pace_rate": float(required_rate(b, a, t0, t1)),
                     "pace_step": (a - b) / (t1 - t0)})
    return pd.DataFrame(rows)


def pace_projection(pace: pd.DataFrame, years: list[int], measures: dict[str, str]) -> pd.DataFrame:
    """"If the 13th plan's pace went on": compound for counts, linear in points for shares
    (compound growth of a share soon passes 100%), a share capped at 100."""
    rows = []
    for row in pace.itertuples(index=False):
        for year in years:
            elapsed = year - row.to_year
            if measures[row.indicator_id] == "share":
                value = min(100.0, row.to_value + row.pace_step * elapsed)
            else:
                value = row.to_value * (1 + row.pace_rate) ** elapsed
            rows.append({"indicator_id": row.indicator_id, "year": year, "value": value})
    return pd.DataFrame(rows)


def contradictions(plan: Plan | None = None) -> pd.DataFrame:
    """Each place where the plan contradicts itself or mixes definitions, with both quotes located."""
    plan = plan or load_plan()
    text = read_plan_text(plan)
    frame = pd.read_csv(plan.contradictions_path, dtype=str, keep_default_na=False, encoding="utf-8")
    known = set(load_indicators(plan)["indicator_id"])
    located = {"line_a": [], "where_a": [], "line_b": [], "where_b": []}
    for index, row in frame.iterrows():
        line = int(index) + 2
        if row["indicator_id"] not in known:
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
