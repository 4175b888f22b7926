"""The plan: its description, its verbatim text, and its indicator tables (专栏) parsed from that text."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, wraps
from pathlib import Path
from typing import Callable

import pandas as pd

from analysis import config
from analysis.errors import InputError

PLAN_VALUE_COLUMNS = [
    "indicator_id", "plan_period", "table", "year", "kind", "value", "comparator",
    "target_kind", "value_text", "remark", "label", "line",
]

# A cell such as "1.34(2019)", ">2.8" or "68.5"; anything else in a value cell is a text target.
_NUMBER_CELL = re.compile(r"^(?P<comparator>[>＞≥]?)\s*(?P<number>\d+(?:\.\d+)?)\s*"
                          r"(?:[（(](?P<year>\d{4})[）)])?$")
_COMPARATORS = {"": "", ">": ">", "＞": ">", "≥": ">="}


@dataclass(frozen=True)
class Plan:
    """A plan described by its plan.toml: where its text is and how its tables read."""

    id: str
    title_zh: str
    title_en: str
    directory: Path
    text_file: str
    text_sha256: str
    indicators_file: str
    body_targets_file: str
    contradictions_file: str
    period: str
    start_year: int
    end_year: int
    baseline_year: int
    tables: tuple[dict, ...]
    report_title_zh: str = "{year}年监测报告"
    report_title_en: str = "Monitoring report {year}"
    mid_term_year: int | None = None
    previous_period: str = ""
    observations_dir: str = "observations"
    references_dir: str = "reference"
    notebooks: tuple[str, ...] = ("overview", "trajectories")
    config_path: Path | None = None
    # The office that compiles the monitoring reports (each page's colophon names it).
    compiled_by_zh: str = ""
    compiled_by_en: str = ""
    # How the pages name the plan periods ("14th" → "“十四五”") and the region a relative
    # target is measured against, in each language.
    period_names: dict = field(default_factory=dict, hash=False, compare=False)
    reference_region: dict = field(default_factory=dict, hash=False, compare=False)
    # What 市级 and 全市 cover in this plan's place, per language (overrides the generic names),
    # and a sentence saying so (the methods page, the data request).
    scope_names: dict = field(default_factory=dict, hash=False, compare=False)
    scope_note: dict = field(default_factory=dict, hash=False, compare=False)
    # The previous plan, reviewed from its own targets and the observations where this plan's
    # text has no table reviewing it (plan.toml: previous_plan = { plan = "…/plan.toml",
    # observations = ["…"] }, paths relative to this plan.toml; the observations default to
    # the previous plan's own folder).
    previous_plan: str = ""
    previous_observations: tuple[str, ...] = ()
    # English glosses of the observations' sources (plan.toml: source_glosses = "….csv", columns
    # source,source_en): for files that cannot carry a source_en column of their own.
    source_glosses_file: str = ""

    @property
    def source_glosses_path(self) -> Path | None:
        return self.directory / self.source_glosses_file if self.source_glosses_file else None

    @property
    def previous_plan_path(self) -> Path | None:
        return (self.directory / self.previous_plan).resolve() if self.previous_plan else None

    @property
    def previous_observation_paths(self) -> list[Path]:
        return [(self.directory / name).resolve() for name in self.previous_observations]

    def period_name(self, period: str, lang: str) -> str:
        return self.period_names.get(lang, {}).get(period, period)

    @property
    def is_default(self) -> bool:
        return self.config_path == config.PLAN_CONFIG.resolve()

    def report_title(self, lang: str, year: int) -> str:
        return (self.report_title_zh if lang == "zh" else self.report_title_en).format(year=year)

    @property
    def observations_path(self) -> Path:
        return (self.directory / self.observations_dir).resolve()

    @property
    def references_path(self) -> Path:
        return (self.directory / self.references_dir).resolve()

    @property
    def text_path(self) -> Path:
        return self.directory / self.text_file

    @property
    def indicators_path(self) -> Path:
        return self.directory / self.indicators_file

    @property
    def body_targets_path(self) -> Path:
        return self.directory / self.body_targets_file

    @property
    def contradictions_path(self) -> Path:
        return self.directory / self.contradictions_file

    @property
    def series_notes_path(self) -> Path:
        """Notes on breaks and revisions of the plan's series (optional: `series_notes`)."""
        return self.directory / "series_notes.csv"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def files(self) -> list[Path]:
        """The files of the plan itself: its description, its text and the curated tables it
        names, and the optional glosses and series notes where they exist (not the
        observations, the outside series or the evidence records)."""
        optional = [self.source_glosses_path, self.series_notes_path]
        return [self.config_path, self.text_path, self.indicators_path, self.body_targets_path,
                self.contradictions_path, *(path for path in optional if path and path.is_file())]


def plan_path(path: str | Path | None = None) -> Path:
    """A plan.toml as an absolute path: a relative one is read from the project folder (never
    from the working directory); none or "" is the Cixi 14th plan."""
    if not path:
        return config.PLAN_CONFIG.resolve()
    path = Path(path)
    return (path if path.is_absolute() else config.PROJECT_DIR / path).resolve()


def plan_parameter(plan: "Plan") -> str:
    """How a plan is named to a notebook: inside the project relative to it, so that the
    parameter (and the reports' input hashes) read the same in every checkout."""
    path = plan.config_path
    return path.relative_to(config.PROJECT_DIR).as_posix() if path.is_relative_to(config.PROJECT_DIR) \
        else str(path)


def load_plan(path: str | Path | None = None) -> Plan:
    """Read a plan's description (plan.toml); without a path, the Cixi 14th plan's."""
    return _load_plan(plan_path(path))


@cache
def _load_plan(path: Path) -> Plan:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return Plan(
            id=raw["id"], title_zh=raw["title_zh"], title_en=raw["title_en"],
            directory=path.parent, text_file=raw["text"], text_sha256=raw["text_sha256"],
            indicators_file=raw["indicators"], body_targets_file=raw["body_targets"],
            contradictions_file=raw["contradictions"],
            period=raw["period"],
            start_year=int(raw["start_year"]), end_year=int(raw["end_year"]),
            baseline_year=int(raw["baseline_year"]), tables=tuple(raw["tables"]),
            report_title_zh=raw.get("report_title_zh", Plan.report_title_zh),
            report_title_en=raw.get("report_title_en", Plan.report_title_en),
            mid_term_year=raw.get("mid_term_year"), previous_period=raw.get("previous_period", ""),
            observations_dir=raw.get("observations", "observations"),
            references_dir=raw.get("references", "reference"),
            notebooks=tuple(raw.get("notebooks", Plan.notebooks)), config_path=path,
            compiled_by_zh=raw.get("compiled_by_zh", ""), compiled_by_en=raw.get("compiled_by_en", ""),
            period_names={lang: dict(raw.get(f"period_names_{lang}", {})) for lang in ("zh", "en")},
            reference_region={lang: raw.get(f"reference_region_{lang}", "") for lang in ("zh", "en")},
            scope_names={lang: dict(raw.get(f"scope_names_{lang}", {})) for lang in ("zh", "en")},
            scope_note={lang: raw.get(f"scope_note_{lang}", "") for lang in ("zh", "en")},
            previous_plan=str(raw.get("previous_plan", {}).get("plan", "")),
            previous_observations=tuple(map(str, raw.get("previous_plan", {}).get("observations", []))),
            source_glosses_file=str(raw.get("source_glosses", "")),
        )
    except FileNotFoundError as exc:
        raise InputError("plan description not found", file=path) from exc
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"invalid plan description ({exc})", file=path) from exc


_per_plan: dict[tuple[str, str], tuple[tuple, pd.DataFrame]] = {}


def per_plan(function: Callable[[Plan], pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """`function(plan)` (a table made from the plan's own files alone), computed once in a
    process for as long as those files keep their contents: a page asks for the indicators
    twenty times and for the catalogue five, and each time read and checked the CSV files
    again. Every caller gets a copy of its own to change; a file that cannot be read, or a
    table refused, is met anew at the next call. (The code is not in the key: in a JupyterLab
    kernel that reloads an edited module of the package, restart the kernel.)"""

    @wraps(function)
    def cached(plan: Plan | None = None) -> pd.DataFrame:
        plan = plan or load_plan()
        key = (function.__qualname__, repr(plan))
        contents = _contents(plan.files)
        kept = _per_plan.get(key)
        if kept is None or kept[0] != contents:
            kept = _per_plan[key] = (contents, function(plan))
        return kept[1].copy()

    return cached


def _contents(paths: list[Path | None]) -> tuple:
    """The files' contents, as digests (None for one that cannot be read)."""
    found = []
    for path in paths:
        try:
            found.append(hashlib.sha256(Path(path).read_bytes()).digest())
        except (OSError, TypeError):
            found.append(None)
    return tuple(found)


def read_table(path: Path) -> pd.DataFrame:
    """A curated CSV of the plan's folder, every cell as text."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("not found: the plan description names this file", file=path) from exc
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(f"cannot be read as UTF-8 CSV ({exc})", file=path) from exc


def read_plan_text(plan: Plan | None = None) -> str:
    """The plan text, refused if it is not byte for byte the copy the plan description names."""
    plan = plan or load_plan()
    try:
        data = plan.text_path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("not found: the plan description names this file",
                         file=plan.text_path) from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest != plan.text_sha256:
        raise InputError(f"sha256 is {digest}, expected {plan.text_sha256}: the raw plan text "
                         "must be an unedited copy of the source", file=plan.text_path)
    return data.decode("utf-8")


# What the indicator metadata's coded columns may hold (an empty cell: not stated).
MEASURES = ("count", "share", "amount", "rate", "ratio")  # DESIGN.md names ratio; rate alike
SCOPES = ("市级", "全市", "未说明")  # 统计口径: Cixi proper, the whole city, not stated
DIRECTIONS = ("higher", "lower")  # which way is better; empty: higher (DESIGN.md, Method)
_CODED = {"measure": MEASURES, "direction": ("", *DIRECTIONS), "stock": ("", "yes"),
          "scope": ("", *SCOPES)}
# Free text that may be left out (empty: not known yet; the pages say 待确认): where the values
# are published and when, each as a document states it.
SOURCE_COLUMNS = ("source_kind_zh", "source_kind_en", "release_zh", "release_en")


@per_plan
def load_indicators(plan: Plan | None = None) -> pd.DataFrame:
    """The indicator metadata: id, table row labels, Chinese and English names, units, measure,
    direction ("higher" where the file leaves it empty or has no such column), scope, supplier,
    the kind of source and when it is released (empty where not known, or not in the file).
    A coded cell holding anything else is refused, naming its line: a misspelt "shares" or
    "lower " must not silently change how values are judged."""
    plan = plan or load_plan()
    frame = read_table(plan.indicators_path)
    duplicated = frame["indicator_id"][frame["indicator_id"].duplicated()]
    if not duplicated.empty:
        line = int(duplicated.index[0]) + 2
        raise InputError(f"indicator id {duplicated.iloc[0]!r} appears twice",
                         file=plan.indicators_path, line=line, field="indicator_id")
    for column, allowed in _CODED.items():
        if column not in frame:
            if column == "measure":
                raise InputError("no column 'measure'", file=plan.indicators_path, line=1)
            frame[column] = ""
        wrong = frame.index[~frame[column].isin(allowed)]
        if len(wrong):
            valid = ", ".join(value for value in allowed if value)
            empty = ", or empty" if "" in allowed else ""
            raise InputError(f"{frame.at[wrong[0], column]!r} is not a valid {column} (valid: "
                             f"{valid}{empty})", file=plan.indicators_path,
                             line=int(wrong[0]) + 2, field=column)
    frame["direction"] = frame["direction"].replace("", "higher")
    for column in SOURCE_COLUMNS:
        if column not in frame:
            frame[column] = ""
    return frame


def measures(indicators: pd.DataFrame) -> dict[str, str]:
    """Indicator id → its measure (count, share, amount, rate): what values it may take."""
    return dict(zip(indicators["indicator_id"], indicators["measure"]))


def directions(indicators: pd.DataFrame) -> dict[str, str]:
    """Indicator id → which way is better: "higher" or "lower"."""
    return dict(zip(indicators["indicator_id"], indicators["direction"]))


def _table_cells(lines: list[str], heading_index: int) -> list[tuple[int, str]]:
    """The cells of the table under a heading, as (line number, text), in reading order.

    A cell starts on a line opening with a tab; a short line without indent continues the cell
    before it (the source wraps "超额完成" and "1.34(2019)" over two lines); a blank line separates
    rows; anything else ends the table.
    """
    cells: list[tuple[int, str]] = []
    for index in range(heading_index + 1, len(lines)):
        line = lines[index]
        if line.startswith("\t"):
            cells.append((index + 1, line.strip()))
        elif not line.strip():
            continue
        elif cells and not line[0].isspace() and len(line) <= 12 and "。" not in line:
            number, text = cells[-1]
            cells[-1] = (number, text + line.strip())
        else:
            break
    return cells


def parse_table(text: str, spec: dict, indicators: pd.DataFrame,
                source: str | Path = "plan text") -> pd.DataFrame:
    """One 专栏 as a tidy table: a row per indicator, year and kind, every qualifier kept."""
    lines = text.splitlines()
    heading_index = next((i for i, line in enumerate(lines) if line.startswith(spec["heading"])), None)
    if heading_index is None:
        raise InputError(f"table heading {spec['heading']!r} not found", file=source)
    columns = spec["columns"]
    cells = _table_cells(lines, heading_index)
    header, body = cells[:len(columns)], cells[len(columns):]
    for (line, found), column in zip(header, columns):
        if found != column["header"]:
            raise InputError(f"header cell reads {found!r}, expected {column['header']!r}",
                             file=source, line=line, field=spec["heading"])
    if len(header) < len(columns) or not body or len(body) % len(columns):
        line = (body or header or [(heading_index + 1, "")])[-1][0]
        raise InputError(f"the table's cells do not divide into rows of {len(columns)}",
                         file=source, line=line, field=spec["heading"])

    label_to_id = {label: indicator for label, indicator in
                   zip(indicators[spec["label_column"]], indicators["indicator_id"]) if label}
    records = []
    for start in range(0, len(body), len(columns)):
        row = list(zip(columns, body[start:start + len(columns)]))
        label_line, label = next(cell for column, cell in row if column["role"] == "label")
        if label not in label_to_id:
            raise InputError(f"row {label!r} matches no indicator in {spec['label_column']}",
                             file=source, line=label_line, field=spec["heading"])
        remark = next((cell[1] for column, cell in row if column["role"] == "remark"), "")
        for column, (line, cell) in row:
            if column["role"] in ("label", "remark"):
                continue
            records.append({
                "indicator_id": label_to_id[label], "plan_period": spec["plan_period"],
                "table": spec["id"], "kind": column["role"], "label": label,
                "remark": remark, "line": line, "value_text": cell,
                **_read_value(cell, column, source, line),
            })
    return pd.DataFrame.from_records(records, columns=PLAN_VALUE_COLUMNS)


def _read_value(cell: str, column: dict, source, line: int) -> dict:
    match = _NUMBER_CELL.match(cell)
    if match is None:
        if column["role"] != "target":
            raise InputError(f"{cell!r} is not a number", file=source, line=line,
                             field=column["header"])
        return {"year": column["year"], "value": float("nan"), "comparator": "",
                "target_kind": "relative"}
    comparator = _COMPARATORS[match["comparator"]]
    if column["role"] == "target":
        target_kind = "lower_bound" if comparator else "level"
    else:
        target_kind = ""
    year = int(match["year"]) if match["year"] else column["year"]
    return {"year": year, "value": float(match["number"]), "comparator": comparator,
            "target_kind": target_kind}


def previous_plan(plan: Plan) -> Plan | None:
    """The plan whose period this plan's review covers, where plan.toml names it."""
    return load_plan(plan.previous_plan_path) if plan.previous_plan else None


@per_plan
def plan_values(plan: Plan | None = None) -> pd.DataFrame:
    """Every table of the plan, parsed from its text, in one tidy table."""
    plan = plan or load_plan()
    text = read_plan_text(plan)
    indicators = load_indicators(plan)
    frames = [parse_table(text, spec, indicators, source=plan.text_path) for spec in plan.tables]
    return pd.concat(frames, ignore_index=True)


def locate(text: str, quote: str) -> tuple[int, str]:
    """Where a verbatim quote stands: its line number, and the 专栏 it is in or the opening words
    of its paragraph ("2.加强实验室建设与开放共享"). A quote not in the text is a ValueError."""
    start = text.find(quote)
    if start < 0:
        raise ValueError(f"{quote!r} does not occur in the plan text")
    lines = text.splitlines()
    index = text.count("\n", 0, start)
    line = lines[index]
    in_table = line.startswith("\t") or (index > 0 and lines[index - 1].startswith("\t")
                                          and len(line) <= 12)
    if in_table:
        heading = next(l for l in reversed(lines[:index]) if l.startswith("专栏"))
        return index + 1, heading.split("：")[0]
    lead = line.strip()
    numbered = re.match(r"^(\d+\.[^。]+)。", lead)
    if numbered:
        return index + 1, numbered.group(1)
    sentence = re.split(r"[：。]", lead)[0]
    return index + 1, sentence if len(sentence) <= 24 else sentence[:24] + "…"


SERIES_NOTE_COLUMNS = ["indicator_id", "note_zh", "note_en", "source_zh", "source_en"]


def series_notes(plan: Plan | None = None) -> pd.DataFrame:
    """The plan's curated notes on breaks and revisions of its series, each with the document
    that states it (series_notes.csv in the plan's folder; optional)."""
    plan = plan or load_plan()
    path = plan.series_notes_path
    if not path.exists():
        return pd.DataFrame(columns=SERIES_NOTE_COLUMNS)
    frame = read_table(path)
    missing = [c for c in SERIES_NOTE_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(f"missing columns {', '.join(missing)}", file=path)
    known = set(load_indicators(plan)["indicator_id"])
    for index, indicator in enumerate(frame["indicator_id"]):
        if indicator not in known:
            raise InputError(f"unknown indicator id {indicator!r}", file=path, line=index + 2,
                             field="indicator_id")
    return frame[SERIES_NOTE_COLUMNS]

