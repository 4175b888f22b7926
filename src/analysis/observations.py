"""Observed values: loaded and validated in one place, each with the source it was read in."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from analysis.errors import InputError
from analysis.plan import SCOPES, Plan, load_indicators, load_plan, measures
from analysis.records import holds, read_rows, table_files

COLUMNS = ["indicator_id", "year", "value", "source", "note"]
# Optional columns: a file without them stays valid (its values' scope is then 未说明).
OPTIONAL_COLUMNS = ["scope", "vintage", "note_en", "source_en"]
GLOSS_COLUMNS = ["source", "source_en"]  # the plan's source_glosses file
# 统计口径: Cixi proper (without the Qianwan New Area), the whole city, or not stated.
UNSTATED = "未说明"
_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


def observation_files(directory: Path | None = None) -> list[Path]:
    """The observation files (CSV and Excel workbooks) of a folder (default: the Cixi plan's)."""
    return table_files(Path(directory or load_plan().observations_path))


def previous_plan_files(plan: Plan) -> list[Path] | None:
    """The observation files plan.toml names for the previous plan (a folder stands for its
    files); None where it names none (the previous plan's own folder is read)."""
    if not plan.previous_observations:
        return None
    files: list[Path] = []
    for path in plan.previous_observation_paths:
        if path.is_dir():
            files += observation_files(path)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"previous_plan observations: {path} does not exist",
                             file=plan.config_path, field="previous_plan")
    return files


def load_observations(paths: Iterable[str | Path] | None = None,
                      indicators: pd.DataFrame | None = None, plan: Plan | None = None) -> pd.DataFrame:
    """Every observation in the given files (default: all of the plan's observations folder),
    validated. Any problem raises InputError naming the file, line and field; nothing is half-loaded.
    """
    plan = plan or load_plan()
    paths = observation_files(plan.observations_path) if paths is None else [Path(p) for p in paths]
    indicators = load_indicators(plan) if indicators is None else indicators
    frame = read_series(paths, measures(indicators), "indicator_id", year_range(plan))
    return with_source_glosses(frame, source_glosses(plan))


def with_source_glosses(frame: pd.DataFrame, glosses: dict[str, str]) -> pd.DataFrame:
    """The rows with an English gloss of their source (source_en) from `glosses` where a row
    has none of its own."""
    if not glosses or frame.empty:
        return frame
    own = frame["source_en"]
    return frame.assign(source_en=own.where(own != "", frame["source"].map(glosses).fillna("")))


def source_glosses(plan: Plan) -> dict[str, str]:
    """Source, exactly as the observation files write it → its English gloss, from the file
    plan.toml names as `source_glosses` (none named: no glosses)."""
    path = plan.source_glosses_path
    if path is None:
        return {}
    glosses: dict[str, str] = {}
    first: dict[str, int] = {}
    for _, line, row, at in read_rows(path, GLOSS_COLUMNS, []):
        source, gloss = ((row.get(name) or "").strip() for name in GLOSS_COLUMNS)
        for name, text in zip(GLOSS_COLUMNS, (source, gloss)):
            if not text:
                raise InputError(f"{name} is empty; each line glosses one source, written "
                                 "exactly as the observation files write it", **at(name))
        if source in glosses:
            raise InputError(f"this source is already glossed on line {first[source]}",
                             **at("source"))
        glosses[source], first[source] = gloss, line
    return glosses


def year_range(plan: Plan | None = None) -> tuple[int, int]:
    """The years an observation may have: from the plan's earliest baseline year (2019 for a
    baseline the table dates "1.34(2019)") to its end year."""
    plan = plan or load_plan()
    return min(plan.baseline_year, _earliest_baseline(plan.config_path)), plan.end_year


@cache
def _earliest_baseline(config_path: Path) -> int:
    from analysis.plan import plan_values

    plan = load_plan(config_path)
    values = plan_values(plan)
    years = values[(values["plan_period"] == plan.period) & (values["kind"] == "baseline")]["year"]
    return int(years.min()) if not years.empty else plan.baseline_year


def read_series(paths: Iterable[Path], measures: dict[str, str], id_column: str,
                years: tuple[int, int]) -> pd.DataFrame:
    """Validated rows of `id_column,year,value,source,note` files (and optionally
    `scope,vintage,note_en,source_en`); one row per id, year and scope."""
    records: list[dict] = []
    seen: dict[tuple[str, int, str], str] = {}
    for path in paths:
        for record in _read_file(path, measures, id_column, years):
            key = (record[id_column], record["year"], record["scope"])
            sheet = record.get("sheet")
            if key in seen:
                raise InputError(f"{key[0]} {key[1]} ({key[2]}) is already given in {seen[key]}: "
                                 "one row per indicator, year and scope (delete one of the two, "
                                 "or correct its year or scope)", **record["at"]("year"))
            seen[key] = (f"{path}, sheet '{sheet}', row {record['line']}" if sheet is not None
                         else f"{path}, line {record['line']}")
            records.append(record)
    frame = pd.DataFrame.from_records(
        records, columns=[id_column, *COLUMNS[1:], *OPTIONAL_COLUMNS, "file", "line"])
    frame["year"] = frame["year"].astype(int)
    frame["value"] = frame["value"].astype(float)
    return frame.sort_values([id_column, "year"], ignore_index=True)


def scope_checks(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.Series:
    """Per observation, how its 统计口径 compares with its indicator's: `same`, `differs` (never
    set against the target) or `unverified` (either side 未说明: used, and marked)."""
    wanted = observations["indicator_id"].map(indicator_scopes(indicators))
    stated = observations["scope"]
    checks = pd.Series("same", index=observations.index)
    checks[(stated == UNSTATED) | (wanted == UNSTATED)] = "unverified"
    checks[(stated != UNSTATED) & (wanted != UNSTATED) & (stated != wanted)] = "differs"
    return checks


def indicator_scopes(indicators: pd.DataFrame) -> dict[str, str]:
    """Indicator id → the scope of the plan's own figures (未说明 where the plan does not say)."""
    scopes = indicators["scope"] if "scope" in indicators else pd.Series(UNSTATED, indicators.index)
    return dict(zip(indicators["indicator_id"], scopes.replace("", UNSTATED)))


def comparable(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The observations that may be set against the targets: one per indicator and year, of the
    indicator's own scope where there is one, else of an unstated scope; a value of another
    scope is left out (the pages show it, marked 口径不同)."""
    checked = observations.assign(scope_check=scope_checks(observations, indicators))
    usable = checked[checked["scope_check"] != "differs"]
    ranked = usable.assign(_rank=(usable["scope_check"] != "same").astype(int))
    ranked = ranked.sort_values(["indicator_id", "year", "_rank"], kind="stable")
    return (ranked.drop_duplicates(["indicator_id", "year"]).drop(columns="_rank")
            .sort_values(["indicator_id", "year"], ignore_index=True))


def as_of(observations: pd.DataFrame, report_year: int) -> pd.DataFrame:
    """Only what was observed up to the report year counts in that year's report."""
    return observations[observations["year"] <= report_year].reset_index(drop=True)


def _read_file(path: Path, measures: dict[str, str], id_column: str,
               years: tuple[int, int]) -> list[dict]:
    if not holds(path, id_column):
        return []  # another kind of table (evidence on targets)
    return [_read_row(row, path, line, measures, id_column, years, at) | {"sheet": sheet, "at": at}
            for sheet, line, row, at in read_rows(path, [id_column, *COLUMNS[1:]],
                                                   OPTIONAL_COLUMNS, filled="value")]


def _read_row(row: dict, path: Path, line: int, measures: dict[str, str],
              id_column: str, years: tuple[int, int], at: Callable[[str], dict] | None = None) -> dict:
    """One record, validated; `at(field)` says where a field is (file, line; in a workbook
    also the sheet and column) for the error that names it."""
    at = at or (lambda name: {"file": path, "line": line, "field": name})

    def field(name: str) -> str:
        return (row.get(name) or "").strip()

    indicator_id = field(id_column)
    if indicator_id not in measures:
        raise InputError(f"unknown id {indicator_id!r}; valid ids: {', '.join(sorted(measures))}",
                         **at(id_column))

    year_text = unicodedata.normalize("NFKC", field("year"))
    first_year, last_year = years
    if not re.fullmatch(r"\d{4}", year_text) or not first_year <= int(year_text) <= last_year:
        raise InputError(f"year {field('year')!r} is not a whole year from {first_year} to "
                         f"{last_year}", **at("year"))

    value_text = unicodedata.normalize("NFKC", field("value"))
    if not value_text:
        raise InputError("value is empty", **at("value"))
    if not _DECIMAL.match(value_text):
        raise InputError(f"value {field('value')!r} is not a plain number (write 2450, not "
                         "2,450; 3.3, not 3.3%)", **at("value"))
    value = float(value_text)
    if not math.isfinite(value):
        raise InputError(f"value {field('value')!r} is not finite", **at("value"))
    measure = measures[indicator_id]
    if value < 0:
        raise InputError(f"value {value:g} is negative; {indicator_id} cannot be",
                         **at("value"))
    if measure == "share" and value > 100:
        raise InputError(f"value {value:g} is above 100; {indicator_id} is a percentage",
                         **at("value"))
    if measure == "count" and not value.is_integer():
        raise InputError(f"value {value:g} is not a whole number; {indicator_id} counts whole "
                         "firms, patents, projects or people", **at("value"))

    source = field("source")
    if not source:
        raise InputError("source is empty; name the document, its date and where the value is "
                         "in it", **at("source"))
    scope = field("scope") or UNSTATED
    if scope not in SCOPES:
        raise InputError(f"scope {scope!r} is not one of {', '.join(SCOPES)} (市级: Cixi proper, "
                         "without the Qianwan New Area; 全市: the whole city)",
                         **at("scope"))
    return {id_column: indicator_id, "year": int(year_text), "value": value,
            "source": source, "note": field("note"), "scope": scope, "vintage": field("vintage"),
            "note_en": field("note_en"), "source_en": field("source_en"), "file": str(path),
            "line": line}


def latest_observation(observations: pd.DataFrame, indicator_id: str, after_year: int | None,
                       up_to_year: int) -> pd.Series | None:
    """The indicator's latest observation with after_year < year ≤ up_to_year, or None."""
    mine = observations[(observations["indicator_id"] == indicator_id)
                        & (observations["year"] <= up_to_year)]
    if after_year is not None:
        mine = mine[mine["year"] > after_year]
    return None if mine.empty else mine.loc[mine["year"].idxmax()]
