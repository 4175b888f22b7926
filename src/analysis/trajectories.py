"""Trajectories: the yearly growth a target needs, and the paths from baseline to target."""

from __future__ import annotations

import numpy as np
import pandas as pd


def compound_rate(start, end, start_year, end_year):
    """The compound yearly growth from one value to another, (end/start)^(1/(years)) − 1: the
    rate a target requires, the rate observed so far, the rate still needed."""
    return np.power(np.divide(end, start), 1.0 / np.subtract(end_year, start_year)) - 1.0


def compound_value(start, rate, start_year, year):
    """The value on a compound path in a given year: start·(1+rate)^(year−start_year)."""
    return np.multiply(start, np.power(1.0 + np.asarray(rate, dtype=float),
                                       np.subtract(year, start_year)))


def meets(value, target, direction: str = "higher"):
    """value ≥ target (value ≤ target where lower is better), forgiving the last bits of
    floating point: a path computed to land on 3,300 that lands on 3,299.9999999996 meets it.
    Works elementwise on arrays."""
    value, target = np.asarray(value), np.asarray(target)
    if direction == "lower":
        return value <= target + 1e-9 * np.abs(target)
    return value >= target - 1e-9 * np.abs(target)


# A share's ceiling: a scenario moves a share toward it in percentage points, never to it.
SHARE_CEILING = 100.0


def share_gap_rate(start, end, years):
    """The yearly rate at which a share closes its gap to the ceiling, from one value to another
    in `years`: 1 − ((C − end)/(C − start))^(1/years). The share's analogue of compound growth."""
    return 1.0 - np.power(np.divide(SHARE_CEILING - np.asarray(end, dtype=float),
                                    SHARE_CEILING - np.asarray(start, dtype=float)),
                          1.0 / np.asarray(years, dtype=float))


def share_value(start, gap_rate, start_year, year):
    """A share on its path toward the ceiling: C − (C − start)·(1 − gap_rate)^(year − start_year).
    Each year it gains fewer percentage points; it never reaches the ceiling."""
    return SHARE_CEILING - np.multiply(SHARE_CEILING - np.asarray(start, dtype=float),
                                       np.power(1.0 - np.asarray(gap_rate, dtype=float),
                                                np.subtract(year, start_year)))


def linear_value(baseline, target, baseline_year, target_year, year):
    """The value on the straight line from baseline to target (序时进度) in a given year."""
    share = np.subtract(year, baseline_year) / np.subtract(target_year, baseline_year)
    # Weighted this way the path passes exactly through both ends.
    return np.multiply(baseline, 1 - share) + np.multiply(target, share)


def with_required_rates(targets: pd.DataFrame) -> pd.DataFrame:
    """Targets with their required compound rate and the linear path's yearly step added.

    A compound rate needs a positive baseline and a numeric target; a cumulative target counted
    from zero has only the linear step.
    """
    frame = targets.copy()
    kinds = frame["target_kind"] if "target_kind" in frame else pd.Series("level", frame.index)
    baseline, target = frame["baseline_value"].astype(float), frame["target_value"].astype(float)
    years = (frame["target_year"] - frame["baseline_year"]).astype(float)
    compound = baseline.gt(0) & target.notna() & years.gt(0) & kinds.ne("cumulative")
    frame["required_rate"] = np.nan
    frame.loc[compound, "required_rate"] = compound_rate(baseline[compound], target[compound],
                                                         0, years[compound])
    frame["linear_step"] = (target - baseline) / years
    return frame


def required_paths(targets: pd.DataFrame) -> pd.DataFrame:
    """Both paths, year by year from each baseline to its target year, as a tidy table.

    Indicators without a numeric target get no path.
    """
    rated = with_required_rates(targets).dropna(subset=["target_value"])
    rows = []
    for target in rated.itertuples(index=False):
        for year in range(target.baseline_year, target.target_year + 1):
            rows.append({
                "indicator_id": target.indicator_id,
                "year": year,
                "compound_value": float(compound_value(target.baseline_value, target.required_rate,
                                                       target.baseline_year, year)),
                "linear_value": float(linear_value(target.baseline_value, target.target_value,
                                                   target.baseline_year, target.target_year, year)),
            })
    return pd.DataFrame.from_records(rows, columns=["indicator_id", "year", "compound_value",
                                                    "linear_value"])
