"""Scenarios: where growth assumptions lead by the target year. Illustrations, not forecasts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.observations import latest_observation
from analysis.plan import Plan
from analysis.progress import meets
from analysis.review import previous_plan_pace
from analysis.trajectories import compound_value, share_capped

# The Monte Carlo's defaults, for the scenario page and its notebook's parameters cell (a test
# holds them equal); the explorer draws fewer, so its sliders answer at once.
SCENARIO_DEFAULTS = {"volatility": 0.05, "draws": 2000, "seed": 20210101}
EXPLORER_DRAWS = 1000

SCENARIO_COLUMNS = ["indicator_id", "start_year", "start_value", "start_source", "growth",
                    "assumption", "target_year", "target_value"]


def default_assumptions(targets: pd.DataFrame, plan: Plan | None = None,
                        values: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per indicator with a numeric target: the previous plan's pace where the series runs
    through both plans, else the required rate."""
    pace = previous_plan_pace(values, plan).set_index("indicator_id")["pace_rate"]
    numeric = targets.dropna(subset=["target_value", "required_rate"])
    from_pace = numeric["indicator_id"].isin(pace.index)
    return pd.DataFrame({
        "indicator_id": numeric["indicator_id"].to_numpy(),
        "growth": np.where(from_pace, numeric["indicator_id"].map(pace), numeric["required_rate"]),
        "assumption": np.where(from_pace, "pace_13th", "required_rate"),
    })


def scenario_table(targets: pd.DataFrame, observations: pd.DataFrame,
                   assumptions: pd.DataFrame, overrides: dict[str, float] | None = None) -> pd.DataFrame:
    """Each indicator's starting point (its latest observation, else its baseline) and growth."""
    overrides = overrides or {}
    rows = []
    by_id = targets.set_index("indicator_id")
    for row in assumptions.itertuples(index=False):
        target = by_id.loc[row.indicator_id]
        latest = latest_observation(observations, row.indicator_id, target["baseline_year"],
                                    target["target_year"])
        if latest is None:
            start_year, start_value, source = target["baseline_year"], target["baseline_value"], "baseline"
        else:
            start_year, start_value, source = latest["year"], latest["value"], "observed"
        custom = row.indicator_id in overrides
        rows.append({
            "indicator_id": row.indicator_id, "start_year": int(start_year),
            "start_value": float(start_value), "start_source": source,
            "growth": float(overrides[row.indicator_id]) if custom else float(row.growth),
            "assumption": "parameter" if custom else row.assumption,
            "target_year": int(target["target_year"]), "target_value": float(target["target_value"]),
        })
    return pd.DataFrame(rows, columns=SCENARIO_COLUMNS)


def project(scenarios: pd.DataFrame, measures: dict[str, str]) -> pd.DataFrame:
    """Deterministic paths from each start to its target year at the assumed yearly growth."""
    rows = []
    for row in scenarios.itertuples(index=False):
        for year in range(row.start_year, row.target_year + 1):
            value = compound_value(row.start_value, row.growth, row.start_year, year)
            rows.append({"indicator_id": row.indicator_id, "year": year,
                         "value": float(share_capped(value, measures[row.indicator_id]))})
    return pd.DataFrame(rows, columns=["indicator_id", "year", "value"])


def simulate(scenarios: pd.DataFrame, measures: dict[str, str], volatility: float, draws: int,
             seed: int) -> pd.DataFrame:
    """Monte Carlo: each year's growth drawn from Normal(assumption, volatility), seeded.

    One row per indicator, draw and year (tidy); the same seed gives the same draws.
    """
    if volatility < 0 or draws < 1:
        raise ValueError("volatility must be ≥ 0 and draws ≥ 1")
    rng = np.random.default_rng(seed)
    frames = []
    for row in scenarios.itertuples(index=False):
        years = np.arange(row.start_year + 1, row.target_year + 1)
        growth = rng.normal(row.growth, volatility, size=(draws, len(years)))
        paths = share_capped(row.start_value * np.cumprod(1 + np.maximum(growth, -1.0), axis=1),
                             measures[row.indicator_id])
        frames.append(pd.DataFrame({
            "indicator_id": row.indicator_id,
            "draw": np.repeat(np.arange(draws), len(years)),
            "year": np.tile(years, draws),
            "value": paths.ravel(),
        }))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["indicator_id", "draw", "year", "value"])


def probabilities(scenarios: pd.DataFrame, simulated: pd.DataFrame) -> pd.DataFrame:
    """The share of draws that meet each target in its target year, with the fan's quantiles."""
    rows = []
    for row in scenarios.itertuples(index=False):
        if row.start_year >= row.target_year:
            final = np.array([row.start_value])
        else:
            mine = simulated[(simulated["indicator_id"] == row.indicator_id)
                             & (simulated["year"] == row.target_year)]
            final = mine["value"].to_numpy()
        rows.append({"indicator_id": row.indicator_id,
                     "probability": float(np.mean(meets(final, row.target_value))),
                     "p10": float(np.quantile(final, 0.1)), "median": float(np.median(final)),
                     "p90": float(np.quantile(final, 0.9))})
    return pd.DataFrame(rows)


def pace_projection(pace: pd.DataFrame, end_year: int, measures: dict[str, str]) -> pd.DataFrame:
    """"If the previous plan's pace went on": each series from its last value to end_year at
    its earlier yearly growth (a share at most 100%), like any other scenario."""
    table = pd.DataFrame({"indicator_id": pace["indicator_id"], "start_year": pace["to_year"],
                          "start_value": pace["to_value"], "growth": pace["pace_rate"],
                          "target_year": end_year})
    return project(table, measures)


def fan(simulated: pd.DataFrame) -> pd.DataFrame:
    """Per indicator and year: the 10th, 50th and 90th percentiles of the draws."""
    grouped = simulated.groupby(["indicator_id", "year"])["value"]
    return pd.DataFrame({"p10": grouped.quantile(0.1), "median": grouped.median(),
                         "p90": grouped.quantile(0.9)}).reset_index()
