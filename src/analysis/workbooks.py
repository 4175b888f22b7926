"""Excel workbooks in: observation files as the offices save them in Excel or WPS (.xlsx).

A data sheet is a visible sheet whose header row names the columns by their ids (a header cell
may carry a Chinese label beside the id, "数值 value"); other visible sheets (instructions) and
hidden helper sheets are not read, and columns without an id are ignored. A row whose value is
empty is "not supplied" and skipped. Every cell becomes the text a CSV would hold, so one set of
rules validates both; every error names the file, sheet, row and column.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path
from typing import Iterator

from analysis.errors import InputError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls files and of encrypted .xlsx
_ZIP = b"PK\x03\x04"
HEADER_ROWS = 20  # how far down a header row is looked for


def read_workbook(path: Path, required: list[str], optional: list[str], filled: str | None = None
                  ) -> Iterator[tuple[str, int, dict, callable]]:
    """Per data row: (sheet, row number, {column id: text}, where(field) for an error). A data
    sheet's header names `required[0]`, the table's id column; a row whose `filled` column is
    empty is not supplied."""
    data = _bytes(path)
    values, formulas = _open(path, data)
    found = other_kind = False
    for sheet, cells in zip(values.worksheets, formulas.worksheets):
        if sheet.sheet_state != "visible":
            continue
        header = _header(path, sheet, required, optional)
        if header is None:
            other_kind = other_kind or _names_other_kind(sheet, required[0])
            continue
        found = True
        header_row, columns = header
        _refuse_merged(path, cells, header_row, columns)
        for number, (row, formula_row) in enumerate(
                zip(sheet.iter_rows(min_row=header_row + 1),
                    cells.iter_rows(min_row=header_row + 1)), start=header_row + 1):
            record = {}
            for name, index in columns.items():
                cell, formula = row[index] if index < len(row) else None, \
                    formula_row[index] if index < len(formula_row) else None
                where = _where(path, sheet.title, number, index, name)
                if cell is not None and cell.value is None and formula is not None \
                        and formula.data_type == "f":
                    raise InputError("holds a formula with no saved value: open the file in Excel "
                                     "or WPS and save it (or type the value)", **where)
                if name == "value" and cell is not None and _percentage(cell):
                    raise InputError(
                        f"is formatted as a percentage: Excel shows {cell.value * 100:g}% but keeps "
                        f"{cell.value:g}; type the number of percent ({cell.value * 100:g}) in a "
                        "cell formatted as a number", **where)
                record[name] = _text(cell.value if cell is not None else None, name, where)
            if not any(text.strip() for text in record.values()):
                continue
            if filled and not record.get(filled, "").strip():
                continue  # not supplied: the request leaves it to be filled
            yield (sheet.title, number, record,
                   lambda name, _n=number, _s=sheet.title, _c=columns: _where(path, _s, _n, _c.get(name), name))
    if not found and not other_kind:  # a workbook of evidence only holds no observation, and so on
        raise InputError(f"has no visible sheet with a header row naming the columns "
                         f"{', '.join(required)}", file=path)


def _percentage(cell) -> bool:
    """Whether a number cell is shown as a percentage: Excel keeps 3.5% as 0.035 (a % in
    quotes or after a backslash is only a sign, and scales nothing)."""
    if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
        return False
    shown = re.sub(r'"[^"]*"|\\.', "", str(cell.number_format or ""))
    return "%" in shown


def _names_other_kind(sheet, id_column: str) -> bool:
    """Whether a sheet's first rows name the id column of another kind of table."""
    from analysis.records import KINDS

    others = set(KINDS) - {id_column}
    return any(_ids(text) & others for row in sheet.iter_rows(max_row=HEADER_ROWS, values_only=True)
               for text in row)


def _bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", file=path) from exc
    if data.startswith(_OLE):
        if path.suffix.lower() in (".xls", ".et"):
            raise InputError("is an old Excel (.xls) or WPS (.et) file: save it as an Excel "
                             "workbook (.xlsx)", file=path)
        raise InputError("is password-protected (or an old .xls under another name): save it "
                         "as an Excel workbook (.xlsx) without a password", file=path)
    if not data.startswith(_ZIP):
        raise InputError("is not an Excel workbook (.xlsx): save it as one, or as CSV UTF-8 "
                         "(.csv)", file=path)
    return data


def _open(path: Path, data: bytes):
    """The workbook twice: with the values Excel saved, and with the formulas (to tell a formula
    without a saved value from an empty cell)."""
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # openpyxl warns about data validation, styles, …
            warnings.simplefilter("ignore")
            return (load_workbook(io.BytesIO(data), data_only=True),
                    load_workbook(io.BytesIO(data), data_only=False))
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"cannot be read as an Excel workbook ({type(exc).__name__}: {exc}): "
                         "open it in Excel or WPS and save it again as an Excel workbook (.xlsx), "
                         "or as CSV UTF-8 (.csv)", file=path) from exc


def _ids(text) -> set[str]:
    """The column ids a header cell names: "数值 value" → {"value"}."""
    return set(re.findall(r"[a-z_]+", str(text))) if text is not None else set()


def _header(path: Path, sheet, required: list[str], optional: list[str]):
    """(header row, {column id: index}) or None for a sheet that holds no data table."""
    known = set(required) | set(optional)
    for number, row in enumerate(sheet.iter_rows(max_row=HEADER_ROWS, values_only=True), start=1):
        columns = {}
        for index, text in enumerate(row):
            for name in _ids(text) & known:
                columns.setdefault(name, index)
        # A header names its id column and others, in cells of their own (an instruction naming
        # two ids in one sentence is not a header; another kind of table names another id).
        if required[0] not in columns or len(set(columns.values())) < 2:
            continue
        missing = [name for name in required if name not in columns]
        if missing:
            raise InputError(f"the header row lacks the column {missing[0]!r}; it must name "
                             f"{', '.join(required)}", file=path, sheet=sheet.title, line=number,
                             field=missing[0])
        return number, columns
    return None


def _refuse_merged(path: Path, sheet, header_row: int, columns: dict[str, int]) -> None:
    for merged in sheet.merged_cells.ranges:
        crossed = [name for name, index in sorted(columns.items(), key=lambda item: item[1])
                   if merged.min_col - 1 <= index <= merged.max_col - 1]
        if merged.max_row > header_row and crossed:
            raise InputError(f"cells {merged.coord} are merged across the data: unmerge them and "
                             "give every row its own value",
                             **_where(path, sheet.title, max(merged.min_row, header_row + 1),
                                      columns[crossed[0]], crossed[0]))


def _where(path: Path, sheet: str, row: int, index: int | None, name: str) -> dict:
    from openpyxl.utils import get_column_letter

    return {"file": path, "sheet": sheet, "line": row, "field": name,
            "column": get_column_letter(index + 1) if index is not None else None}


def _text(value, name: str, where: dict) -> str:
    """A cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        shown = (value.date() if isinstance(value, datetime.datetime) and value.time() == datetime.time()
                 else value)  # as the cell shows it: 2024-03-01, not 2024-03-01 00:00:00
        if name == "year":
            raise InputError(f"holds a date ({shown}) where a year belongs: type the year, "
                             "e.g. 2024, in a cell formatted as a number or text", **where)
        if name == "value":
            raise InputError(f"holds a date ({shown}), not a number: type the value as a "
                             "number (3.5, 994) in a cell formatted as a number or text", **where)
        return str(value)
    if isinstance(value, bool):
        return str(value).upper()  # refused as a number or a year by the common rules
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and name == "year" else repr(value)
    return str(value)


def display_width(text) -> float:
    """How wide a cell's text shows in Excel or WPS: a CJK character takes two Latin widths
    (the longest line of a multi-line text; nothing for an empty cell)."""
    if text is None or (isinstance(text, float) and text != text):  # empty, or NaN
        return 0
    longest = max(str(text).split("\n"), key=len)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in longest)
