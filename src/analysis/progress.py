"""Progress: where each target stands in a report year against the path to it (DESIGN.md, Method).

Beyond the Method's compound rule for level and lower-bound targets:
- a cumulative target counted from zero has no compound rate; its pace is the linear ratio;
- a range target (1-2家) is met at its lower end; the upper end is carried along;
- a relative target ("提高幅度不低于宁波平均水平") is met when the indicator's increase since its
  baseline year is at least the reference series' increase over the same years (percentage points);
  its ratio is the one increase over the other. Without reference data it is not assessable;
- a target without a baseline in the plan can be found met, but its pace cannot be judged.

Beside the verdict, the comparison Chinese plan reviews make: 完成进度 (progress_share) against
序时进度 (elapsed_share); the final evaluation's 完成情况 (completion) and 完成率 (completion_rate);
and whether the verdict rests on one value only (preliminary, 初步判断).
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.config import LANGUAGES
from analysis.labels import status_label
from analysis.observations import as_of, latest_observation
from analysis.trajectories import (compound_rate, compound_value, linear_value, meets,
                                   with_required_rates)

ASSESSMENT_COLUMNS = [
    "indicator_id", "baseline_year", "baseline_value", "target_year", "target_value",
    "target_kind", "report_year", "latest_year", "latest_value", "required_rate",
    "observed_rate", "progress_ratio", "linear_ratio", "required_value", "remaining_rate",
    "status", "progress_share", "elapsed_share", "completion", "completion_rate", "preliminary",
    "latest_source", "latest_scope", "scope_check", "target_upper", "reference_series",
]
# Best first: a worse value never moves a target up this list.
STATUSES = ["target_met", "on_track", "moderate_progress", "insufficient_progress",
            "moving_away", "insufficient_data", "not_assessable"]
ON_TRACK, MODERATE = 0.95, 0.60
# 完成情况 (`completion`): 超额完成 beyond the target by a tenth of the way from the baseline,
# 完成 at the target, 基本完成 at nine tenths of the way, else 未完成 (DESIGN.md, Method).
EXCEEDED_MARGIN, NEARLY_MET = 0.10, 0.90
_NO_REFERENCES = pd.DataFrame(columns=["series_id", "year", "value", "source", "note"])


def _sign(direction: str) -> int:
    """+1 where higher is better, −1 where lower is."""
    return -1 if direction == "lower" else 1


def classify(progress_ratio: float) -> str:
    """The status that a progress ratio earns (Eurostat's cut-offs: 95%, 60%, 0)."""
    if progress_ratio >= ON_TRACK:
        return "on_track"
    if progress_ratio >= MODERATE:
        return "moderate_progress"
    if progress_ratio >= 0:
        return "insufficient_progress"
    return "moving_away"


def completion(v: float, b: float, T: float, progress_share: float,
               direction: str = "higher") -> str | None:
    """完成情况 of a value v against the target T from the baseline b; None without a target
    or a value. Where lower is better, beyond the target means below it."""
    if math.isnan(v) or math.isnan(T):
        return None
    beyond = T + _sign(direction) * EXCEEDED_MARGIN * abs(T - b)
    if not math.isnan(b) and meets(v, beyond, direction) and T != b:
        return "exceeded"
    if meets(v, T, direction):
        return "met"
    if not math.isnan(progress_share) and progress_share >= NEARLY_MET:
        return "nearly_met"
    return "not_met"


def completion_rate(v: float, T: float, measure: str, direction: str = "higher") -> float:
    """完成率: v/T for levels and counts; for a share, the distance to the target in percentage
    points (v − T). Where lower is better, the same the other way round (T/v, T − v), so that
    in both directions 100% (0 points) is the target and more is better."""
    if math.isnan(v) or math.isnan(T):
        return math.nan
    if direction == "lower":
        v, T = T, v
    if measure == "share":
        return v - T
    return v / T if T else math.nan


def _with_progress(row: dict, v: float, t: int, count: int, measure: str,
                   direction: str = "higher") -> dict:
    """The latest value's 完成进度, 序时进度, 完成情况, 完成率 and whether it stands alone."""
    b, T, t0, tT = row["baseline_value"], row["target_value"], row["baseline_year"], row["target_year"]
    share = (v - b) / (T - b) if t0 is not None and not math.isnan(T) and T != b else math.nan
    return {**row, "progress_share": share,
            "elapsed_share": (t - t0) / (tT - t0) if t0 is not None else math.nan,
            "completion": completion(v, b, T, share, direction),
            "completion_rate": completion_rate(v, T, measure, direction),
            "preliminary": count == 1}


def _number(value) -> float:
    return math.nan if value is None or pd.isna(value) else float(value)


def assess_target(target: dict, observations: pd.DataFrame, report_year: int,
                  references: pd.DataFrame = _NO_REFERENCES) -> dict:
    """One target's verdict in a report year, from its latest observation after the baseline."""
    kind = target.get("target_kind", "level")
    direction = target.get("direction") or "higher"
    b, T = _number(target.get("baseline_value")), _number(target.get("target_value"))
    t0 = None if pd.isna(target.get("baseline_year")) else int(target["baseline_year"])
    tT = int(target["target_year"])
    rate = _number(target.get("required_rate"))
    counted_from_zero = kind == "cumulative" or b == 0
    row = {column: target.get(column) for column in ASSESSMENT_COLUMNS}
    row.update(report_year=report_year, latest_year=None, latest_value=math.nan,
               observed_rate=math.nan, progress_ratio=math.nan, linear_ratio=math.nan,
               remaining_rate=math.nan, required_value=math.nan, latest_source="",
               latest_scope="", scope_check="", progress_share=math.nan, elapsed_share=math.nan,
               completion=None, completion_rate=math.nan, preliminary=False,
               baseline_year=t0, baseline_value=b, target_value=T, required_rate=rate)
    def required_at(year: int) -> float:  # 同年应达值
        if t0 is None or math.isnan(T):
            return math.nan
        at = min(year, tT)
        return float(linear_value(b, T, t0, tT, at) if counted_from_zero
                     else compound_value(b, rate, t0, at))

    row["required_value"] = required_at(report_year)
    if kind == "qualitative" or not target.get("indicator_id"):
        # Nothing can ever be observed for it, so "no data yet" would promise data to come.
        return {**row, "status": "not_assessable"}

    # Without a baseline year, only what was observed within the plan's own period counts.
    after = t0 if t0 is not None else _number(target.get("period_start")) - 1
    if kind == "relative":
        return _assess_relative(row, target, observations, references, report_year)
    after = None if math.isnan(after) else int(after)
    latest = latest_observation(observations, target["indicator_id"], after, report_year)
    if latest is None:
        return {**row, "status": "insufficient_data"}
    v, t = float(latest["value"]), int(latest["year"])
    row.update(latest_year=t, latest_value=v, latest_source=latest["source"],
               latest_scope=latest.get("scope", ""), scope_check=latest.get("scope_check", ""),
               required_value=required_at(t))
    row = _with_progress(row, v, t, _count(observations, target["indicator_id"], after, report_year),
                         target.get("measure") or "", direction)

    if math.isnan(T):
        return {**row, "status": "not_assessable"}
    if t0 is not None:
        elapsed = (t - t0) / (tT - t0)
        row["linear_ratio"] = ((v - b) / (T - b)) / elapsed if T != b else math.nan
        if counted_from_zero:
            row["progress_ratio"] = row["linear_ratio"]
        elif b > 0:
            row["observed_rate"] = float(compound_rate(b, v, t0, t))
            row["progress_ratio"] = (_sign(direction) * row["observed_rate"] / abs(rate)
                                     if rate else math.nan)
    if t < tT and v > 0 and not counted_from_zero:
        row["remaining_rate"] = float(compound_rate(v, T, t, tT))
    if meets(v, T, direction):
        return {**row, "status": "target_met"}
    if t0 is None:
        return {**row, "status": "not_assessable"}  # met or not, but no pace to judge
    if meets(b, T, direction):
        return {**row, "status": "moving_away"}  # the baseline had it; the value fell short
    if math.isnan(row["progress_ratio"]):
        return {**row, "status": "not_assessable"}
    return {**row, "status": classify(row["progress_ratio"])}


def _count(observations: pd.DataFrame, indicator_id: str, after: int | None, up_to: int) -> int:
    """How many values of the indicator fall after the baseline, up to the report year."""
    years = observations.loc[observations["indicator_id"] == indicator_id, "year"]
    return int(((years > (after if after is not None else -math.inf)) & (years <= up_to)).sum())


def _assess_relative(row: dict, target: dict, observations: pd.DataFrame,
                     references: pd.DataFrame, report_year: int) -> dict:
    """Increase since the baseline year against the reference series' increase over the same
    years: the latest observed year that the reference series also has."""
    series = references[references["series_id"] == (target.get("reference_series") or "")]
    values = dict(zip(series["year"], series["value"]))
    t0, b = row["baseline_year"], row["baseline_value"]
    mine = observations[(observations["indicator_id"] == target["indicator_id"])
                        & (observations["year"] > t0) & (observations["year"] <= report_year)]
    if mine.empty:
        return {**row, "status": "insufficient_data"}
    shared = mine[mine["year"].isin(list(values))] if t0 in values else mine.iloc[0:0]
    latest = (shared if not shared.empty else mine).sort_values("year").iloc[-1]
    v, t = float(latest["value"]), int(latest["year"])
    row.update(latest_year=t, latest_value=v, latest_source=latest["source"],
               latest_scope=latest.get("scope", ""), scope_check=latest.get("scope_check", ""))
    if shared.empty:
        return {**row, "status": "not_assessable"}
    reference_increase = values[t] - values[t0]
    row["target_value"] = b + reference_increase  # the value that keeps pace with the reference
    row = _with_progress(row, v, t, len(mine), target.get("measure") or "")
    row["elapsed_share"] = math.nan  # the reference moves: no path through time to compare with
    if reference_increase > 0:
        row["progress_ratio"] = (v - b) / reference_increase
    if meets(v, row["target_value"]):
        status = "target_met" if t >= row["target_year"] else "on_track"
    elif reference_increase <= 0:
        status = "moving_away"
    else:
        status = classify(row["progress_ratio"])
    return {**row, "status": status}


def assess(targets: pd.DataFrame, observations: pd.DataFrame, report_year: int,
           references: pd.DataFrame = _NO_REFERENCES) -> pd.DataFrame:
    """One row per target: required and observed growth, ratios, the value still needed, status."""
    seen = as_of(observations, report_year)
    rated = with_required_rates(targets) if "required_rate" not in targets else targets
    rows = [assess_target(target, seen, report_year, references)
            for target in rated.to_dict("records")]
    frame = pd.DataFrame.from_records(rows, columns=ASSESSMENT_COLUMNS)
    frame["latest_year"] = frame["latest_year"].astype("Int64")
    frame["baseline_year"] = frame["baseline_year"].astype("Int64")
    betters = list(rated["direction"]) if "direction" in rated else ["higher"] * len(frame)
    for lang in LANGUAGES:
        frame[f"status_{lang}"] = [status_label(status, lang, better)
                                   for status, better in zip(frame["status"], betters)]
    return frame
