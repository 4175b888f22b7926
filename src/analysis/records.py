"""Input records from the files people hand in: CSV (UTF-8, or Excel's "CSV UTF-8") and Excel
workbooks, read into rows of text with where each field stands, so that one set of rules can
validate both and every error names file, line (or sheet, row and column) and field.

A folder holds two kinds of tables, told apart by the id column their header names:
observations (`indicator_id`) and evidence on targets (`target_id`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Callable, Iterator

from analysis.errors import InputError

WORKBOOK_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".et")
KINDS = ("indicator_id", "target_id")  # the id column of each kind of table

Row = tuple[str | None, int, dict, Callable[[str], dict]]  # sheet, line, fields, where(field)


def table_files(folder: Path) -> list[Path]:
    """The CSV files and workbooks of a folder, in a stable order; Excel's lock files
    (~$name.xlsx) are not data."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file()
                  and path.suffix.lower() in (".csv", *WORKBOOK_SUFFIXES)
                  and not path.name.startswith("~$"))


def holds(path: Path, id_column: str) -> bool:
    """Whether a file holds tables of the kind `id_column` names. A workbook may (its sheets are
    told apart when read). A CSV file does when its header names that id; one naming neither
    kind's id is read as an observation (or reference) file, so that reading it says what its
    header lacks."""
    if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        return True
    try:
        first = Path(path).read_bytes().split(b"\n", 1)[0].decode("utf-8-sig", "replace")
    except OSError:
        return id_column == KINDS[0]  # reading it says why it cannot be read
    names = {name.strip() for name in first.split(",")}
    if id_column in names:
        return True
    return not any(kind in names for kind in KINDS) and id_column not in KINDS[1:]


def read_rows(path: Path, required: list[str], optional: list[str],
              filled: str | None = None) -> Iterator[Row]:
    """Every non-empty row of a CSV file, or of each data sheet of a workbook (where a row whose
    `filled` column is empty is "not supplied" and skipped), as text."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from analysis.workbooks import read_workbook

        yield from read_workbook(path, required, optional, filled)
        return
    yield from _csv_rows(path, required)


def _csv_rows(path: Path, required: list[str]) -> Iterator[Row]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", file=path) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError("is not UTF-8 text; save it as CSV UTF-8", file=path, line=line) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise InputError(f"is empty; expected the header {','.join(required)}", file=path, line=1)
    missing = [name for name in required if name not in header]
    if missing:
        raise InputError(f"missing column; the header must hold {','.join(required)}",
                         file=path, line=1, field=missing[0])
    reader.fieldnames = header
    record_start = 2  # where the record being read begins: a broken quote is reported there
    try:
        for row in reader:
            if None in row:  # more fields than the header: a comma in "2,450" shifts every field
                raise InputError(f"has {len(header) + len(row[None])} fields, the header "
                                 f"{len(header)}; quote a value that holds a comma, or remove "
                                 "the comma", file=path, line=reader.line_num)
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                line = reader.line_num
                yield None, line, row, lambda name, _line=line: {"file": path, "line": _line,
                                                                  "field": name}
            record_start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"is not valid CSV ({exc})", file=path, line=record_start) from exc
