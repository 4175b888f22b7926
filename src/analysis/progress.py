"""Progress: where each indicator stands in a report year against the path to its target."""

from __future__ import annotations

import math

import pandas as pd

from analysis.observations import as_of
from analysis.trajectories import compound_value, with_required_rates

ASSESSMENT_COLUMNS = [
    "indicator_id", "baseline_year", "baseline_value", "target_year", "target_value",
    "target_kind", "report_year", "latest_year", "latest_value", "required_rate",
    "observed_rate", "progress_ratio", "linear_ratio", "required_value", "remaining_rate",
    "status", "latest_source",
]
STATUSES = ["target_met", "on_track", "moderate_progress", "insufficient_progress",
            "moving_away", "insufficient_data", "not_assessable"]
ON_TRACK, MODERATE = 0.95, 0.60


def classify(progress_ratio: float) -> str:
    """The status that a progress ratio earns (Eurostat's cut-offs: 95%, 60%, 0)."""
    if progress_ratio >= ON_TRACK:
        return "on_track"
    if progress_ratio >= MODERATE:
        return "moderate_progress"
    if progress_ratio >= 0:
        return "insufficient_progress"
    return "moving_away"


def assess_indicator(target: dict, observations: pd.DataFrame, report_year: int) -> dict:
    """One indicator's verdict in a report year, from its latest observation after the baseline."""
    b, t0 = target["baseline_value"], target["baseline_year"]
    T, tT = target["target_value"], target["target_year"]
    rate = target["required_rate"]
    row = {column: target.get(column) for column in ASSESSMENT_COLUMNS}
    row.update(report_year=report_year, latest_year=None, latest_value=math.nan,
               observed_rate=math.nan, progress_ratio=math.nan, linear_ratio=math.nan,
               remaining_rate=math.nan, latest_source="",
               required_value=(float(compound_value(b, rate, t0, min(report_year, tT)))
                               if not math.isnan(T) else math.nan))
    mine = observations[(observations["indicator_id"] == target["indicator_id"])
                        & (observations["year"] > t0) & (observations["year"] <= report_year)]
    if mine.empty:
        return {**row, "status": "insufficient_data"}
    latest = mine.loc[mine["year"].idxmax()]
    v, t = float(latest["value"]), int(latest["year"])
    row.update(latest_year=t, latest_value=v, latest_source=latest["source"])
    if math.isnan(T):
        return {**row, "status": "not_assessable"}
    observed_rate = (v / b) ** (1 / (t - t0)) - 1
    row.update(
        observed_rate=observed_rate,
        progress_ratio=observed_rate / abs(rate) if rate else math.nan,
        linear_ratio=((v - b) / (T - b)) / ((t - t0) / (tT - t0)) if T != b else math.nan,
        remaining_rate=(T / v) ** (1 / (tT - t)) - 1 if t < tT and v > 0 else math.nan,
    )
    if v >= T:
        status = "target_met"
    elif b >= T:
        status = "moving_away"
    else:
        status = classify(row["progress_ratio"])
    return {**row, "status": status}


def assess(targets: pd.DataFrame, observations: pd.DataFrame, report_year: int) -> pd.DataFrame:
    """One row per target: required and observed growth, ratios, the value still needed, status."""
    seen = as_of(observations, report_year)
    rated = with_required_rates(targets)
    rows = [assess_indicator(target, seen, report_year) for target in rated.to_dict("records")]
    frame = pd.DataFrame.from_records(rows, columns=ASSESSMENT_COLUMNS)
    frame["latest_year"] = frame["latest_year"].astype("Int64")
    return frame
