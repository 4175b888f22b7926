"""Scenarios: where growth assumptions lead by the target year. Illustrations, not forecasts."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from analysis.observations import latest_observation
from analysis.plan import Plan
from analysis.review import previous_plan_pace
from analysis.trajectories import (SHARE_CEILING, compound_rate, compound_value, meets,
                                   share_gap_rate, share_value)

# The Monte Carlo's defaults, for the scenario page and its notebook's parameters cell (a test
# holds them equal); the explorer draws fewer, so its sliders answer at once.
SCENARIO_DEFAULTS = {"volatility": 0.05, "draws": 2000, "seed": 20210101}
EXPLORER_DRAWS = 1000

SCENARIO_COLUMNS = ["indicator_id", "start_year", "start_value", "start_source",
                    "start_scope_check", "growth", "assumption", "by_construction", "target_year",
                    "target_value", "direction"]


def default_assumptions(targets: pd.DataFrame, plan: Plan | None = None,
                        values: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per indicator with a numeric target: the previous plan's pace where the series runs
    through both plans, else the rate the target requires. A share's growth is the yearly rate
    at which it closes its gap to 100% (`share_gap_rate`), so it moves in percentage points,
    fewer each year, and never reaches 100%."""
    pace = previous_plan_pace(values, plan).set_index("indicator_id")
    numeric = targets.dropna(subset=["target_value", "required_rate"])
    shares = numeric.get("measure", pd.Series("", numeric.index)) == "share"
    rows = []
    for target, share in zip(numeric.to_dict("records"), shares):
        indicator = target["indicator_id"]
        if indicator in pace.index:
            before = pace.loc[indicator]
            growth = (share_gap_rate(before["from_value"], before["to_value"],
                                     before["to_year"] - before["from_year"])
                      if share else before["pace_rate"])
            assumption = "pace_previous"
        else:
            growth = (share_gap_rate(target["baseline_value"], target["target_value"],
                                     target["target_year"] - target["baseline_year"])
                      if share else target["required_rate"])
            assumption = "required_rate"
        rows.append({"indicator_id": indicator, "growth": float(growth), "assumption": assumption})
    return pd.DataFrame(rows, columns=["indicator_id", "growth", "assumption"])


def scenario_table(targets: pd.DataFrame, observations: pd.DataFrame,
                   assumptions: pd.DataFrame, overrides: dict[str, float] | None = None) -> pd.DataFrame:
    """Each indicator's starting point (its latest observation, else its baseline) and growth.
    Assumed to grow at the rate its target requires, it grows at the rate that takes it from
    where it starts to the target (from a latest value, not the baseline's rate), so that its
    projection lands on the target by construction (`by_construction`: the pages judge neither
    it nor its chance, about one half); one that starts at or beyond its target keeps the
    baseline's rate."""
    overrides = overrides or {}
    rows = []
    by_id = targets.set_index("indicator_id")
    for row in assumptions.itertuples(index=False):
        target = by_id.loc[row.indicator_id]
        latest = latest_observation(observations, row.indicator_id, target["baseline_year"],
                                    target["target_year"])
        check = ""  # the start's scope check (analysis.observations.comparable): "unverified"
        if latest is None:
            start_year, start_value, source = target["baseline_year"], target["baseline_value"], "baseline"
        else:
            start_year, start_value, source = latest["year"], latest["value"], "observed"
            check = latest.get("scope_check", "")
            check = check if isinstance(check, str) else ""
        custom = row.indicator_id in overrides
        growth = float(overrides[row.indicator_id]) if custom else float(row.growth)
        T, tT, direction = (float(target["target_value"]), int(target["target_year"]),
                            target.get("direction") or "higher")
        constructed = (not custom and row.assumption == "required_rate" and int(start_year) < tT
                       and not meets(float(start_value), T, direction))
        if constructed and source == "observed":
            share = target.get("measure") == "share"
            growth = float(share_gap_rate(start_value, T, tT - int(start_year)) if share
                           else compound_rate(float(start_value), T, int(start_year), tT))
        rows.append({
            "indicator_id": row.indicator_id, "start_year": int(start_year),
            "start_value": float(start_value), "start_source": source, "start_scope_check": check,
            "growth": growth, "assumption": "parameter" if custom else row.assumption,
            "by_construction": bool(constructed),
            "target_year": tT, "target_value": T, "direction": direction,
        })
    return pd.DataFrame(rows, columns=SCENARIO_COLUMNS)


def project(scenarios: pd.DataFrame, measures: dict[str, str]) -> pd.DataFrame:
    """Deterministic paths from each start to its target year at the assumed yearly growth."""
    rows = []
    for row in scenarios.itertuples(index=False):
        path = share_value if measures[row.indicator_id] == "share" else compound_value
        for year in range(row.start_year, row.target_year + 1):
            rows.append({"indicator_id": row.indicator_id, "year": year,
                         "value": float(path(row.start_value, row.growth, row.start_year, year))})
    return pd.DataFrame(rows, columns=["indicator_id", "year", "value"])


def simulate(scenarios: pd.DataFrame, measures: dict[str, str], volatility: float, draws: int,
             seed: int) -> pd.DataFrame:
    """Monte Carlo: each year's growth drawn from Normal(assumption, volatility), seeded; a
    share closes its gap to 100% at its assumed rate, varying about as much as a level does
    (see `_share_paths`), and stays within 0–100%.

    One row per indicator, draw and year (tidy); the same seed gives the same draws. Each
    indicator draws from a stream of its own (`_stream`): a new value for one indicator, which
    moves its start, leaves every other indicator's draws as they were.
    """
    if volatility < 0 or draws < 1:
        raise ValueError("volatility must be ≥ 0 and draws ≥ 1")
    frames = []
    for row in scenarios.itertuples(index=False):
        years = np.arange(row.start_year + 1, row.target_year + 1)
        growth = _stream(seed, row.indicator_id).normal(row.growth, volatility,
                                                         size=(draws, len(years)))
        if measures[row.indicator_id] == "share":
            paths = _share_paths(row.start_value, row.growth, growth - row.growth)
        else:
            paths = row.start_value * np.cumprod(1 + np.maximum(growth, -1.0), axis=1)
        frames.append((row.indicator_id, np.repeat(np.arange(draws), len(years)),
                       np.tile(years, draws), paths.ravel()))
    if not frames:
        return pd.DataFrame(columns=["indicator_id", "draw", "year", "value"])
    # One frame built from whole arrays, its ids categorical: 100,000 draws stay fast.
    ids = [indicator for indicator, *_ in frames]
    return pd.DataFrame({
        "indicator_id": pd.Categorical.from_codes(
            np.concatenate([np.full(len(v), k) for k, (_, _, _, v) in enumerate(frames)]), ids),
        "draw": np.concatenate([d for _, d, _, _ in frames]),
        "year": np.concatenate([y for _, _, y, _ in frames]),
        "value": np.concatenate([v for _, _, _, v in frames]),
    })


def _stream(seed: int, indicator_id: str) -> np.random.Generator:
    """The random numbers of one indicator's draws: from the seed and the indicator's id (not
    from its place among the others, nor from how many numbers they took)."""
    key = int.from_bytes(hashlib.sha256(indicator_id.encode("utf-8")).digest()[:8], "big")
    return np.random.default_rng([seed, key])


def _share_paths(start: float, gap_rate: float, noise: np.ndarray) -> np.ndarray:
    """Draws × years of a share: each year its gap to 100% shrinks by `gap_rate`, then a shock
    moves it on the log-odds scale, sized so that near the start it moves the value by about
    noise × value (as a level moves at the same volatility). The share stays within 0–100%."""
    if noise.shape[1] == 0:  # it starts in its target year (a value for that year): no years
        return np.empty((noise.shape[0], 0))
    scale = 1.0 / (1.0 - float(start) / SHARE_CEILING)
    value = np.full(noise.shape[0], float(start))
    columns = []
    for shock in noise.T:
        stepped = SHARE_CEILING - (SHARE_CEILING - value) * (1.0 - gap_rate)
        odds = np.clip(stepped / SHARE_CEILING, 1e-12, 1 - 1e-12)
        logit = np.clip(np.log(odds / (1 - odds)) + shock * scale, -30.0, 30.0)
        value = np.where(shock == 0, stepped, SHARE_CEILING / (1.0 + np.exp(-logit)))
        columns.append(value)
    return np.column_stack(columns)


def probabilities(scenarios: pd.DataFrame, simulated: pd.DataFrame) -> pd.DataFrame:
    """The share of draws that meet each target in its target year, with the fan's quantiles."""
    ids = simulated["indicator_id"].astype(str).to_numpy() if not isinstance(
        simulated["indicator_id"].dtype, pd.CategoricalDtype) else None
    years, values = simulated["year"].to_numpy(), simulated["value"].to_numpy()
    rows = []
    for row in scenarios.itertuples(index=False):
        if row.start_year >= row.target_year:
            final = np.array([row.start_value])
        else:
            if ids is None:  # categorical: compare codes, not strings
                categories = list(simulated["indicator_id"].cat.categories)
                code = categories.index(row.indicator_id) if row.indicator_id in categories else -1
                mine = simulated["indicator_id"].cat.codes.to_numpy() == code
            else:
                mine = ids == row.indicator_id
            final = values[mine & (years == row.target_year)]
        rows.append({"indicator_id": row.indicator_id,
                     "probability": float(np.mean(meets(final, row.target_value,
                                                        getattr(row, "direction", "higher")))),
                     "p10": float(np.quantile(final, 0.1)), "median": float(np.median(final)),
                     "p90": float(np.quantile(final, 0.9))})
    return pd.DataFrame(rows)


def pace_projection(pace: pd.DataFrame, end_year: int, measures: dict[str, str]) -> pd.DataFrame:
    """"If the previous plan's pace went on": each series from its last value to end_year at
    its earlier pace (a share closing its gap to 100% at its earlier rate), like any other
    scenario."""
    growth = [float(share_gap_rate(row.from_value, row.to_value, row.to_year - row.from_year))
              if measures[row.indicator_id] == "share" else row.pace_rate
              for row in pace.itertuples(index=False)]
    table = pd.DataFrame({"indicator_id": pace["indicator_id"], "start_year": pace["to_year"],
                          "start_value": pace["to_value"], "growth": growth,
                          "target_year": end_year})
    return project(table, measures)


def fan(simulated: pd.DataFrame) -> pd.DataFrame:
    """Per indicator and year: the 10th, 50th and 90th percentiles of the draws."""
    grouped = simulated.groupby(["indicator_id", "year"], observed=True)["value"]
    frame = pd.DataFrame({"p10": grouped.quantile(0.1), "median": grouped.median(),
                          "p90": grouped.quantile(0.9)}).reset_index()
    frame["indicator_id"] = frame["indicator_id"].astype(str)
    return frame.sort_values(["indicator_id", "year"], ignore_index=True)
