"""The target catalogue: what the plan wants, indicator by indicator."""

from __future__ import annotations

import pandas as pd

from analysis.plan import Plan, load_plan, plan_values

HEADLINE_COLUMNS = [
    "indicator_id", "baseline_year", "baseline_value", "target_year", "target_value",
    "target_kind", "comparator", "target_text",
]


def headline_targets(values: pd.DataFrame | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """One row per indicator of the plan's own period (专栏2): its baseline and its target."""
    plan = plan or load_plan()
    values = plan_values(plan) if values is None else values
    period = values[values["plan_period"] == plan.period]
    baselines = period[period["kind"] == "baseline"].set_index("indicator_id")
    targets = period[period["kind"] == "target"].set_index("indicator_id")
    order = list(dict.fromkeys(period["indicator_id"]))
    frame = pd.DataFrame({
        "indicator_id": order,
        "baseline_year": baselines.loc[order, "year"].astype(int).to_numpy(),
        "baseline_value": baselines.loc[order, "value"].to_numpy(),
        "target_year": targets.loc[order, "year"].astype(int).to_numpy(),
        "target_value": targets.loc[order, "value"].to_numpy(),
        "target_kind": targets.loc[order, "target_kind"].to_numpy(),
        "comparator": targets.loc[order, "comparator"].to_numpy(),
        "target_text": targets.loc[order, "value_text"].to_numpy(),
    })
    return frame[HEADLINE_COLUMNS]
