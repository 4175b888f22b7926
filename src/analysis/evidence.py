"""Evidence on targets that numbers cannot judge (qualitative targets, body-text targets): per
target and year, a status, what was done and the source, handed in like observations (CSV or a
sheet of a workbook whose header names `target_id`) and validated the same way.

A target with no record is 暂无信息 (no information yet), not 无法评估: information can come."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from analysis.errors import InputError
from analysis.observations import year_range
from analysis.plan import Plan, load_plan
from analysis.records import holds, read_rows, table_files
from analysis.targets import BODY_ORIGIN, catalogue

COLUMNS = ["target_id", "year", "status", "done", "source"]
OPTIONAL = ["note"]
STATUSES = ("已完成", "基本完成", "推进中", "滞后", "暂无信息")
NO_INFORMATION = "暂无信息"


def evidence_targets(plan: Plan) -> pd.DataFrame:
    """The targets evidence speaks for: the plan period's qualitative targets and those of its
    body text."""
    frame = catalogue(plan)
    return frame[(frame["plan_period"] == plan.period)
                 & ((frame["target_kind"] == "qualitative") | (frame["origin"] == BODY_ORIGIN))
                 ].reset_index(drop=True)


def load_evidence(paths: Iterable[str | Path] | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """Every evidence record in the given files (default: the tables naming `target_id` in the
    plan's observations folder), validated; one row per target and year."""
    plan = plan or load_plan()
    paths = table_files(plan.observations_path) if paths is None else [Path(p) for p in paths]
    known = set(evidence_targets(plan)["target_id"])
    first, last = year_range(plan)
    records, seen = [], {}
    for path in paths:
        if not holds(path, "target_id"):
            continue
        for sheet, line, row, at in read_rows(path, COLUMNS, OPTIONAL, filled="status"):
            def field(name: str) -> str:
                return (row.get(name) or "").strip()

            target = field("target_id")
            if target not in known:
                raise InputError(f"unknown target id {target!r}; evidence is for the qualitative "
                                 "and body-text targets (`python -m analysis targets` lists them)",
                                 **at("target_id"))
            year = field("year")
            if not year.isdigit() or not first <= int(year) <= last:
                raise InputError(f"year {year!r} is not a whole year from {first} to {last}",
                                 **at("year"))
            status = field("status")
            if status not in STATUSES:
                raise InputError(f"status {status!r} is not one of {', '.join(STATUSES)}",
                                 **at("status"))
            if not field("source"):
                raise InputError("source is empty; name the document, its date and where it "
                                 "says so", **at("source"))
            key = (target, int(year))
            where = f"{path}, sheet '{sheet}', row {line}" if sheet else f"{path}, line {line}"
            if key in seen:
                raise InputError(f"{target} {year} is already given in {seen[key]}: one record "
                                 "per target and year", **at("year"))
            seen[key] = where
            records.append({"target_id": target, "year": int(year), "status": status,
                            "done": field("done"), "source": field("source"),
                            "note": field("note"), "file": str(path), "line": line})
    return pd.DataFrame(records, columns=[*COLUMNS, *OPTIONAL, "file", "line"]).sort_values(
        ["target_id", "year"], ignore_index=True)


def target_progress(targets: pd.DataFrame, evidence: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per target: the latest record up to `year` (status, its year, what was done, source), or
    暂无信息 where there is none."""
    seen = evidence[evidence["year"] <= year].sort_values("year").drop_duplicates(
        "target_id", keep="last").set_index("target_id")
    rows = []
    for target in targets["target_id"]:
        if target in seen.index:
            record = seen.loc[target]
            rows.append({"target_id": target, "status": record["status"],
                         "status_year": int(record["year"]), "done": record["done"],
                         "source": record["source"]})
        else:
            rows.append({"target_id": target, "status": NO_INFORMATION, "status_year": None,
                         "done": "", "source": ""})
    return pd.DataFrame(rows, columns=["target_id", "status", "status_year", "done", "source"])
