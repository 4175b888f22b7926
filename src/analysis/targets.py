"""The target catalogue: what the plan wants, from its two tables and from its body text."""

from __future__ import annotations

import math
import re

import pandas as pd

from analysis.errors import InputError
from analysis.plan import (Plan, directions, load_indicators, load_plan, measures, per_plan,
                           plan_values, read_table)

HEADLINE_COLUMNS = [
    "indicator_id", "baseline_year", "baseline_value", "target_year", "target_value",
    "target_kind", "comparator", "target_text", "reference_series", "measure", "direction",
]
CATALOGUE_COLUMNS = [
    "target_id", "indicator_id", "plan_period", "origin", "name_zh", "name_en", "target_kind",
    "comparator", "target_value", "target_upper", "unit_zh", "unit_en", "target_year",
    "baseline_year", "baseline_value", "baseline_source", "target_text", "section", "section_en",
    "quote", "quote_en", "reference_series", "period_start", "measure", "direction", "related",
]
TARGET_KINDS = ("level", "lower_bound", "range", "cumulative", "relative", "qualitative")
NUMERIC_KINDS = ("level", "lower_bound", "range", "cumulative")
# "70%以上", "3家", "1-2个", "7万人以上": a number, maybe a range, maybe 万 (ten thousand).
_QUANTITY = re.compile(r"^(?P<low>\d+(?:\.\d+)?)(?:-(?P<high>\d+(?:\.\d+)?))?(?P<wan>万)?")


# The catalogue's origin of a target stated in the body text (a table's is its heading).
BODY_ORIGIN = "正文"

def headline_targets_with_rates(plan: Plan | None = None) -> pd.DataFrame:
    """The headline table's targets with the compound rate each requires and the linear step."""
    from analysis.trajectories import with_required_rates

    return with_required_rates(headline_targets(plan=plan))


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
    frame["reference_series"] = [_reference_series(kind, indicator) for kind, indicator
                                 in zip(frame["target_kind"], frame["indicator_id"])]
    indicators = load_indicators(plan)
    frame["measure"] = frame["indicator_id"].map(measures(indicators))
    frame["direction"] = frame["indicator_id"].map(directions(indicators))
    _check_directions(frame, indicators, plan)
    return frame[HEADLINE_COLUMNS]


def _check_directions(frame: pd.DataFrame, indicators: pd.DataFrame, plan: Plan) -> None:
    """A relative target ("提高幅度不低于…", an increase against another region's) and a range
    (met at its lower end) are judged upward only: an indicator better lower cannot have one."""
    upward = frame[(frame["direction"] == "lower") & frame["target_kind"].isin(["relative", "range"])]
    if not upward.empty:
        indicator = upward["indicator_id"].iloc[0]
        line = int(indicators.index[indicators["indicator_id"] == indicator][0]) + 2
        raise InputError(f"{indicator} is better lower, but its {upward['target_kind'].iloc[0]} "
                         "target is judged upward only (an increase, or a range met at its "
                         "lower end)", file=plan.indicators_path, line=line, field="direction")


def parse_quantity(text: str) -> tuple[float, float]:
    """The number a target states, and its upper end for a range (NaN otherwise)."""
    match = _QUANTITY.match(text)
    if match is None:
        raise ValueError(f"no number at the start of {text!r}")
    scale = 10_000 if match["wan"] else 1
    low = float(match["low"]) * scale
    high = float(match["high"]) * scale if match["high"] else math.nan
    return low, high


@per_plan
def load_body_targets(plan: Plan | None = None) -> pd.DataFrame:
    """The curated targets of the body text, checked row by row against the plan and its indicators."""
    plan = plan or load_plan()
    path = plan.body_targets_path
    frame = read_table(path)
    known = set(load_indicators(plan)["indicator_id"])
    for index, row in frame.iterrows():
        line = int(index) + 2

        def fail(field: str, message: str):
            raise InputError(message, file=path, line=line, field=field)

        if row["target_kind"] not in TARGET_KINDS:
            fail("target_kind", f"{row['target_kind']!r} is not one of {', '.join(TARGET_KINDS)}")
        if row["indicator_id"] and row["indicator_id"] not in known:
            fail("indicator_id", f"unknown indicator id {row['indicator_id']!r}")
        for related in row.get("related", "").split():  # indicators a target without one names
            if related not in known:
                fail("related", f"unknown indicator id {related!r}")
        if row["target_kind"] in NUMERIC_KINDS and not row["indicator_id"]:
            fail("indicator_id", "a numeric target needs the indicator it is measured by")
        required = ("target_value",) if row["target_kind"] in NUMERIC_KINDS else ()
        for field in ("target_value", "target_upper", "baseline_value"):
            if row[field] or field in required:
                try:
                    float(row[field])
                except ValueError:
                    fail(field, f"{row[field]!r} is not a number")
        for field in ("target_year", "baseline_year"):
            if (row[field] or field == "target_year") and not re.fullmatch(r"\d{4}", row[field]):
                fail(field, f"{row[field]!r} is not a year")
    numbers = ["target_value", "target_upper", "baseline_value"]
    frame[numbers] = frame[numbers].replace("", math.nan).astype(float)
    frame["baseline_year"] = pd.to_numeric(frame["baseline_year"]).astype("Int64")
    frame["target_year"] = frame["target_year"].astype(int)
    return frame


@per_plan
def catalogue(plan: Plan | None = None) -> pd.DataFrame:
    """Every target of the plan, one row each: 专栏1, 专栏2 and the body text."""
    plan = plan or load_plan()
    values = plan_values(plan)
    metadata = load_indicators(plan)
    indicators = metadata.set_index("indicator_id")
    tables = {spec["id"]: spec["heading"] for spec in plan.tables}
    tables_en = {spec["id"]: spec.get("heading_en", "") for spec in plan.tables}
    rows = []
    for target in values[values["kind"] == "target"].itertuples():
        baseline = values[(values["table"] == target.table) & (values["kind"] == "baseline")
                          & (values["indicator_id"] == target.indicator_id)].iloc[0]
        meta = indicators.loc[target.indicator_id]
        rows.append({
            "target_id": f"{target.table}_{target.indicator_id}_{target.year}",
            "indicator_id": target.indicator_id, "plan_period": target.plan_period,
            "origin": tables[target.table], "name_zh": meta["name_zh"], "name_en": meta["name_en"],
            "target_kind": target.target_kind, "comparator": target.comparator,
            "target_value": target.value, "target_upper": math.nan,
            "unit_zh": meta["unit_zh"], "unit_en": meta["unit_en"], "target_year": target.year,
            "baseline_year": baseline["year"], "baseline_value": baseline["value"],
            "baseline_source": tables[target.table], "target_text": target.value_text,
            "section": tables[target.table], "section_en": tables_en[target.table],
            "quote": f"{target.label} {target.value_text}", "quote_en": "",  # the pages gloss it
            "reference_series": _reference_series(target.target_kind, target.indicator_id),
        })
    body = load_body_targets(plan)
    # the paragraph's opening words and the quote in English, where the catalogue gives them;
    # the indicators a target without one of its own names ("高新技术企业、科技型中小企业大幅增加")
    for optional in ("section_en", "quote_en", "related"):
        if optional not in body:
            body[optional] = ""
    body = body.assign(
        plan_period=plan.period, origin=BODY_ORIGIN, target_text=lambda f: f["value_text"])
    frame = pd.concat([pd.DataFrame(rows), body], ignore_index=True)
    frame["related"] = frame["related"].fillna("")
    frame["baseline_year"] = frame["baseline_year"].astype("Int64")
    frame["period_start"] = [plan.start_year if period == plan.period else pd.NA
                             for period in frame["plan_period"]]
    frame["measure"] = frame["indicator_id"].map(measures(metadata)).fillna("")
    frame["direction"] = frame["indicator_id"].map(directions(metadata)).fillna("higher")
    _check_directions(frame, metadata, plan)
    return frame[CATALOGUE_COLUMNS]


def _reference_series(target_kind: str, indicator_id: str) -> str:
    """A relative target of a table is measured against the Ningbo series of the same indicator."""
    return f"ningbo_{indicator_id}" if target_kind == "relative" else ""
