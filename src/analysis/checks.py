"""Data checks that warn without stopping: values that may be right but deserve a second look
before anyone signs a report (a stock that falls, a jump far beyond what the plan needs, a
target met in the plan's first year). Hard rules, which refuse a value, are in observations."""

from __future__ import annotations

import pandas as pd

from analysis.texts import CHECKS
from analysis.trajectories import meets, required_paths

JUMP_FACTOR = 3  # a yearly change beyond 3 × the largest yearly change the plan needs
CHECK_COLUMNS = ["indicator_id", "year", "check", "value", "previous_year", "previous_value",
                 "limit", "file", "line"]


def check_targets(plan) -> pd.DataFrame:
    """The targets the checks read: 专栏2's (with their required rates), and the body text's
    numeric targets of the indicators 专栏2 does not have, one per indicator (most without a
    baseline: they get the `falls` and `early` checks, not `jump`)."""
    from analysis.targets import BODY_ORIGIN, NUMERIC_KINDS, catalogue, headline_targets_with_rates

    headline = headline_targets_with_rates(plan)
    every = catalogue(plan)
    body = every[(every["origin"] == BODY_ORIGIN) & (every["plan_period"] == plan.period)
                 & every["target_kind"].isin(NUMERIC_KINDS) & (every["indicator_id"] != "")
                 & every["target_value"].notna() & (every["target_year"] == plan.end_year)
                 & ~every["indicator_id"].isin(headline["indicator_id"])]
    body = body.drop_duplicates("indicator_id")
    columns = [c for c in headline.columns if c in body.columns] + ["period_start"]
    return pd.concat([headline.assign(period_start=plan.start_year), body[columns]],
                     ignore_index=True)


def data_checks(observations: pd.DataFrame, targets: pd.DataFrame,
                indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per warning, on the values set against the targets (`comparable` ones) of the
    indicators with a numeric target: `falls` (a stock below its previous value, or its
    baseline), `jump` (a yearly change beyond JUMP_FACTOR × the largest required one, where the
    target has a baseline), `early` (the target already met in the plan's first year: the year
    after the baseline, or for a target without one the plan's first year, `period_start`)."""
    stocks = set(indicators.loc[indicators.get("stock", pd.Series("", indicators.index)) == "yes",
                                "indicator_id"])
    based = targets.dropna(subset=["target_value", "baseline_value", "baseline_year"])
    paths = required_paths(based.assign(baseline_year=based["baseline_year"].astype(int)))
    rows = []
    for target in targets.dropna(subset=["target_value"]).to_dict("records"):
        indicator = target["indicator_id"]
        mine = observations[observations["indicator_id"] == indicator].sort_values("year")
        largest = float("nan")
        if pd.isna(target["baseline_value"]) or pd.isna(target["baseline_year"]):
            previous_year = previous = None
            first_year = int(target["period_start"])
            mine = mine[mine["year"] >= first_year]  # a total counted from the plan's start
        else:
            previous_year, previous = int(target["baseline_year"]), float(target["baseline_value"])
            first_year = previous_year + 1
            mine = mine[mine["year"] > previous_year]
            path = paths[paths["indicator_id"] == indicator]
            steps = path["compound_value"].diff().abs().dropna()
            if target.get("target_kind") == "cumulative" or steps.empty or steps.isna().all():
                steps = path["linear_value"].diff().abs().dropna()
            largest = float(steps.max()) if not steps.empty else float("nan")
        for row in mine.to_dict("records"):
            year, value = int(row["year"]), float(row["value"])
            found = {"indicator_id": indicator, "year": year, "value": value,
                     "previous_year": previous_year, "previous_value": previous,
                     "file": row.get("file", ""), "line": row.get("line", "")}
            if previous is not None and year > previous_year:  # (two scopes of one year: no change)
                # a cumulative target counts a running total, which cannot fall either
                if (indicator in stocks or target.get("target_kind") == "cumulative") \
                        and value < previous:
                    rows.append({**found, "check": "falls", "limit": previous})
                per_year = abs(value - previous) / (year - previous_year)
                if largest > 0 and per_year > JUMP_FACTOR * largest:
                    rows.append({**found, "check": "jump", "limit": JUMP_FACTOR * largest})
            if year == first_year and meets(value, target["target_value"],
                                            target.get("direction") or "higher"):
                rows.append({**found, "check": "early", "limit": float(target["target_value"])})
            previous_year, previous = year, value
    checks = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    checks["previous_year"] = checks["previous_year"].astype("Int64")  # none for a first value
    return checks


def describe(check: dict, indicators: pd.DataFrame, targets: pd.DataFrame, lang: str) -> str:
    """A warning in words, in the language of the page or of the command line."""
    words = CHECKS[lang]
    meta = indicators.set_index("indicator_id").loc[check["indicator_id"]]
    share = meta["measure"] == "share"
    unit = words["points"] if share else ("" if lang == "en" else meta[f"unit_{lang}"])
    target_year = int(targets.set_index("indicator_id").loc[check["indicator_id"], "target_year"])
    known = check["previous_value"] is not None and not pd.isna(check["previous_value"])
    change = (abs(check["value"] - check["previous_value"]) / (check["year"] - check["previous_year"])
              if known and check["year"] > check["previous_year"] else float("nan"))
    needed = check["limit"] / JUMP_FACTOR  # a jump's limit: the largest change the plan needs
    kind = targets.set_index("indicator_id").loc[check["indicator_id"], "target_kind"]
    key = "falls_total" if check["check"] == "falls" and kind == "cumulative" else check["check"]
    return words[key].format(
        name=meta[f"name_{lang}"], year=check["year"], value=check["value"],
        previous_year=int(check["previous_year"]) if known else "", previous=check["previous_value"],
        change=change, limit=check["limit"], unit=unit, target_year=target_year,
        needed=needed, times=change / needed if needed else float("nan"))
