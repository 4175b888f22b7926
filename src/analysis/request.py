"""The data request (数据征集表): a workbook asking the offices that hold the data for exactly
the values still missing, which, filled in and saved, is read back as an observation file as it
is (its data sheet's header names the observation columns by their ids)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.files import write_atomic
from analysis.labels import source_releases
from analysis.observations import SCOPES, as_of, comparable, indicator_scopes, load_observations
from analysis.evidence import STATUSES
from analysis.plan import Plan, load_indicators
from analysis.targets import NUMERIC_KINDS, catalogue
from analysis.texts import REQUEST
from analysis.trajectories import compound_value, linear_value, with_required_rates
from analysis.workbooks import display_width

VINTAGES = ("快报", "年报", "统计公报", "统计年鉴", "工作总结", "其他")
# Reference columns (locked), then the columns to fill, whose headers carry the ids the reader
# looks for; the order is the sheet's.
REFERENCE = ["name", "definition", "unit", "plan_scope", "supplier", "source_release", "baseline",
             "target", "required_value"]
FILL = ["indicator_id", "year", "value", "scope", "vintage", "source", "note"]
TO_FILL = {"value", "scope", "vintage", "source", "note"}
EVIDENCE_REFERENCE = ["name", "quote"]
EVIDENCE_FILL = ["target_id", "year", "status", "done", "source", "note"]
EVIDENCE_TO_FILL = {"year", "status", "done", "source", "note"}
# Cells to fill with a sentence (a citation like "××市2024年统计公报（2025年3月），第五部分", what
# was done): wide enough for one from the start, not only for their header.
WRITTEN = {"source", "note", "done"}
WRITTEN_WIDTH = 44


def missing(plan: Plan, year: int, observations: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator with a target of the plan (table or body text, each indicator once)
    and per year from the plan's start to `year` that has no value that can be judged yet."""
    indicators = load_indicators(plan)
    if observations is None:
        observations = load_observations(indicators=indicators, plan=plan)
    judged = comparable(as_of(observations, year), indicators)
    have = set(zip(judged["indicator_id"], judged["year"]))
    targets = catalogue(plan)
    targets = targets[(targets["plan_period"] == plan.period) & (targets["indicator_id"] != "")
                      & targets["target_kind"].isin([*NUMERIC_KINDS, "relative"])]
    targets = with_required_rates(targets.drop_duplicates("indicator_id"))
    meta = indicators.set_index("indicator_id")
    scopes = indicator_scopes(indicators)
    releases = source_releases(indicators, "zh")
    rows = []
    for target in targets.to_dict("records"):
        indicator = target["indicator_id"]
        for when in range(plan.start_year, year + 1):
            if (indicator, when) in have:
                continue
            rows.append({
                "indicator_id": indicator, "year": when, "name": meta.loc[indicator, "name_zh"],
                # Where no definition is curated yet, the plan's own words say what is meant.
                "definition": (meta.loc[indicator].get("definition_zh", "")
                               or REQUEST["zh"]["plan_words"].format(quote=target["quote"])),
                "unit": meta.loc[indicator, "unit_zh"], "plan_scope": scopes[indicator],
                "supplier": (meta.loc[indicator].get("supplier_zh", "")
                             or REQUEST["zh"]["supplier_unknown"]),
                "source_release": releases[indicator],
                "baseline": _with_year(target["baseline_value"], target["baseline_year"]),
                "target": f"{target['target_text']}（{int(target['target_year'])}年）",
                "required_value": _required(target, when),
            })
    return pd.DataFrame(rows, columns=["indicator_id", "year", *REFERENCE])


def _with_year(value, year) -> str:
    if pd.isna(value):
        return "—"
    return f"{value:g}（{int(year)}年）" if not pd.isna(year) else f"{value:g}"


def _required(target: dict, year: int) -> str:
    """同年应达值: the required path's value in that year, for a plausibility glance."""
    b, t0, T, tT = (target["baseline_value"], target["baseline_year"], target["target_value"],
                    target["target_year"])
    if any(pd.isna(x) for x in (b, t0, T)):
        return "—"
    rate = target.get("required_rate")
    value = (compound_value(b, rate, int(t0), year) if not pd.isna(rate) else
             linear_value(b, T, int(t0), int(tT), year))
    value = float(value)
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}"


def write_request(path: Path, plan: Plan, year: int, observations: pd.DataFrame | None = None,
                  evidence: pd.DataFrame | None = None) -> Path:
    """The request workbook: instructions, then the rows to fill (atomically written)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    words = REQUEST["zh"]
    rows = missing(plan, year, observations)
    book = Workbook()
    notes = book.active
    notes.title = words["instructions_sheet"]
    for line in words["instructions"]:
        notes.append([line.format(year=year, start_year=plan.start_year, plan=plan.title_zh,
                                  scopes="、".join(SCOPES), vintages="、".join(VINTAGES),
                                  scope_note=plan.scope_note.get("zh", ""))])
    notes.column_dimensions["A"].width = 110
    for cell in notes["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    notes["A1"].font = Font(bold=True, size=14)

    columns = REFERENCE + FILL
    _table_sheet(book, words["data_sheet"], [words["columns"][name] for name in columns],
                 [[row.get(name, "") for name in columns] for row in rows.to_dict("records")],
                 [name in TO_FILL for name in columns], [name in WRITTEN for name in columns],
                 {columns.index("value"): number_rule(), columns.index("scope"): list_rule(SCOPES, True),
                  columns.index("vintage"): list_rule(VINTAGES, False)})
    records = evidence_rows(plan, year, evidence)
    evidence_columns = EVIDENCE_REFERENCE + EVIDENCE_FILL
    _table_sheet(book, words["evidence_sheet"],
                 [words["evidence_columns"][name] for name in evidence_columns],
                 [[row.get(name, "") for name in evidence_columns] for row in records],
                 [name in EVIDENCE_TO_FILL for name in evidence_columns],
                 [name in WRITTEN for name in evidence_columns],
                 {evidence_columns.index("status"): list_rule(STATUSES, True)})
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomic(path, buffer.getvalue())


def _table_sheet(book, title: str, header: list[str], rows: list[list], to_fill: list[bool],
                 written: list[bool], validations: dict) -> None:
    """A sheet to fill: grey header frozen, reference columns locked, the cells to fill yellow
    and unlocked (and 50 spare rows for rows people add), validations, columns wide enough for
    their text (the `written` ones, to hold a sentence, at least WRITTEN_WIDTH)."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    last, spare = sheet.max_row, sheet.max_row + 50
    for index, (fill, sentence) in enumerate(zip(to_fill, written), start=1):
        letter = sheet.cell(1, index).column_letter
        sheet.cell(1, index).font = Font(bold=True)
        sheet.cell(1, index).fill = PatternFill("solid", fgColor="DDDDDD")
        texts = [str(c.value or "") for c in sheet[letter]]
        width = min(48, max(display_width(t) for t in texts) + 2)
        sheet.column_dimensions[letter].width = max(width, WRITTEN_WIDTH) if sentence else width
        for number in range(2, spare + 1):
            cell = sheet.cell(number, index)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if fill or number > last:
                cell.protection = Protection(locked=False)
            if fill and number <= last:
                cell.fill = PatternFill("solid", fgColor="FFF2CC")
    for index, rule in validations.items():
        letter = sheet.cell(1, index + 1).column_letter
        rule.add(f"{letter}2:{letter}{spare}")
        sheet.add_data_validation(rule)
    sheet.freeze_panes = "B2"
    sheet.protection.sheet = True  # reference cells locked; no password, so nobody is locked out
    sheet.protection.formatRows = sheet.protection.formatColumns = False
    sheet.protection.insertRows = False


def number_rule():
    from openpyxl.worksheet.datavalidation import DataValidation

    words = REQUEST["zh"]
    return DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                          showErrorMessage=True, errorTitle=words["number_title"],
                          error=words["number_error"])


def list_rule(choices, strict: bool):
    from openpyxl.worksheet.datavalidation import DataValidation

    words = REQUEST["zh"]
    return DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                          showErrorMessage=strict, errorTitle=words["list_title"],
                          error=words["list_error"].format(choices="、".join(choices)))


def evidence_rows(plan: Plan, year: int, evidence: pd.DataFrame | None = None) -> list[dict]:
    """One row per qualitative or body-text target without a record for `year`."""
    from analysis.evidence import evidence_targets, load_evidence

    evidence = load_evidence(plan=plan) if evidence is None else evidence
    have = set(evidence.loc[evidence["year"] == year, "target_id"])
    return [{"name": row["name_zh"], "quote": row["quote"], "target_id": row["target_id"],
             "year": year} for row in evidence_targets(plan).to_dict("records")
            if row["target_id"] not in have]
