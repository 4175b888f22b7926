"""The data step: raw → processed. Every table in data/processed/ is rebuilt here from data/raw/."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import config
from analysis.files import write_atomic
from analysis.observations import load_observations
from analysis.plan import Plan, load_indicators, load_plan, plan_values
from analysis.targets import catalogue, headline_targets
from analysis.trajectories import required_paths, with_required_rates


def processed_tables(plan: Plan) -> dict[str, pd.DataFrame]:
    """Every processed table by file name, computed from raw data only."""
    indicators = load_indicators(plan)
    values = plan_values(plan)
    targets = headline_targets(values, plan)
    return {
        "indicators.csv": indicators.drop(columns=[c for c in indicators if c.startswith("label_")]),
        "plan_values.csv": values,
        "headline_targets.csv": with_required_rates(targets),
        "targets.csv": catalogue(plan),
        "required_paths.csv": required_paths(targets),
        "observations.csv": load_observations(indicators=indicators, plan=plan).assign(
            file=lambda frame: frame["file"].map(lambda p: Path(p).name)),
    }


def default_processed_dir(plan: Plan) -> Path:
    """data/processed/ for the Cixi 14th plan; data/processed/<plan id>/ for any other plan."""
    return config.PROCESSED_DIR if plan.is_default else config.PROCESSED_DIR / plan.id


def build(plan: Plan | None = None, out_dir: Path | None = None) -> list[Path]:
    """Compute every table first, then write each atomically: bad input writes nothing."""
    plan = plan or load_plan()
    out_dir = out_dir or default_processed_dir(plan)
    tables = processed_tables(plan)
    return [write_atomic(Path(out_dir) / name, table.to_csv(index=False, lineterminator="\n"))
            for name, table in tables.items()]
