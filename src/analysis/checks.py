"""Data checks that warn without stopping: values that may be right but deserve a second look
before anyone signs a report (a stock that falls, a jump far beyond what the plan needs, a
target met in the plan's first year). Hard rules, which refuse a value, are in observations."""

from __future__ import annotations

import pandas as pd

from analysis.texts import CHECKS
from analysis.trajectories import required_paths

JUMP_FACTOR = 3  # a yearly change beyond 3 × the largest yearly change the plan needs
CHECK_COLUMNS = ["indicator_id", "year", "check", "value", "previous_year", "previous_value",
                 "limit", "file", "line"]


def data_checks(observations: pd.DataFrame, targets: pd.DataFrame,
                indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per warning, on the values set against the targets (`comparable` ones) of the
    indicators with a numeric target: `falls` (a stock below its previous value), `jump`
    (a yearly change beyond JUMP_FACTOR × the largest required one), `early` (the target already
    met in the plan's first year)."""
    stocks = set(indicators.loc[indicators.get("stock", pd.Series("", indicators.index)) == "yes",
                                "indicator_id"])
    paths = required_paths(targets)
    rows = []
    for target in targets.dropna(subset=["target_value", "baseline_value"]).to_dict("records"):
        indicator = target["indicator_id"]
        mine = observations[(observations["indicator_id"] == indicator)
                            & (observations["year"] > target["baseline_year"])].sort_values("year")
        path = paths[paths["indicator_id"] == indicator]
        steps = path["compound_value"].diff().abs().dropna()
        if target.get("target_kind") == "cumulative" or steps.empty or steps.isna().all():
            steps = path["linear_value"].diff().abs().dropna()
        largest = float(steps.max()) if not steps.empty else float("nan")
        previous_year, previous = int(target["baseline_year"]), float(target["baseline_value"])
        for row in mine.to_dict("records"):
            year, value = int(row["year"]), float(row["value"])
            found = {"indicator_id": indicator, "year": year, "value": value,
                     "previous_year": previous_year, "previous_value": previous,
                     "file": row.get("file", ""), "line": row.get("line", "")}
            if indicator in stocks and value < previous:
                rows.append({**found, "check": "falls", "limit": previous})
            per_year = abs(value - previous) / (year - previous_year)
            if largest > 0 and per_year > JUMP_FACTOR * largest:
                rows.append({**found, "check": "jump", "limit": JUMP_FACTOR * largest})
            if year == target["baseline_year"] + 1 and value >= target["target_value"]:
                rows.append({**found, "check": "early", "limit": float(target["target_value"])})
            previous_year, previous = year, value
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def describe(check: dict, indicators: pd.DataFrame, targets: pd.DataFrame, lang: str) -> str:
    """A warning in words, in the language of the page or of the command line."""
    words = CHECKS[lang]
    meta = indicators.set_index("indicator_id").loc[check["indicator_id"]]
    share = meta["measure"] == "share"
    unit = words["points"] if share else ("" if lang == "en" else meta[f"unit_{lang}"])
    target_year = int(targets.set_index("indicator_id").loc[check["indicator_id"], "target_year"])
    change = abs(check["value"] - check["previous_value"]) / (check["year"] - check["previous_year"])
    needed = check["limit"] / JUMP_FACTOR  # a jump's limit: the largest change the plan needs
    return words[check["check"]].format(
        name=meta[f"name_{lang}"], year=check["year"], value=check["value"],
        previous_year=check["previous_year"], previous=check["previous_value"],
        change=change, limit=check["limit"], unit=unit, target_year=target_year,
        needed=needed, times=change / needed if needed else float("nan"))
