"""Outside series that relative targets refer to (e.g. the Ningbo average), in data/raw/reference/."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from analysis.observations import read_series, year_range
from analysis.plan import Plan, load_plan, measures


def reference_files(directory: Path | None = None) -> list[Path]:
    return sorted(Path(directory or load_plan().references_path).glob("*.csv"))


def load_references(series: dict[str, str], paths: Iterable[str | Path] | None = None,
                    plan: Plan | None = None) -> pd.DataFrame:
    """Reference values (`series_id,year,value,source,note`), validated like observations.

    `series` maps each known series id to its measure (share, count, …); the files default to
    the plan's reference folder.
    """
    plan = plan or load_plan()
    paths = reference_files(plan.references_path) if paths is None else [Path(p) for p in paths]
    return read_series(paths, series, "series_id", year_range(plan))


def reference_measures(targets: pd.DataFrame, indicators: pd.DataFrame) -> dict[str, str]:
    """Each reference series the targets name → the measure of the indicator it is compared with."""
    kinds = measures(indicators)
    named = targets[targets["reference_series"].fillna("") != ""]
    return {series: kinds[indicator]
            for series, indicator in zip(named["reference_series"], named["indicator_id"])}


def plan_references(plan, indicators: pd.DataFrame) -> pd.DataFrame:
    """The reference series the plan's relative targets name, from the plan's reference folder."""
    from analysis.targets import catalogue

    return load_references(reference_measures(catalogue(plan), indicators), plan=plan)
