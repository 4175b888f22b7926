"""A report's tables as downloads: one Excel workbook (a sheet per table) and a CSV per table,
written beside the report's HTML and linked from it.

A page hands its tables over as one display output of its own MIME type (`tables_output`), so
the notebook stays the only place a report's content comes from; the renderer takes them out of
the executed notebook (`tables_in`) and writes the files (`write_tables`). Numbers stay numbers
(units go in the header); the files are byte-identical from one render to the next.

Writing the files needs no pandas (the rows arrive as plain values), only openpyxl for the
workbook; the run's own process writes them, as each executed notebook comes back from its
worker."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.files import write_atomic
from analysis.workbooks import display_width

MIMETYPE = "application/vnd.analysis.tables+json"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_STAMP = "2000-01-01T00:00:00Z"

if TYPE_CHECKING:
    import pandas as pd


class TablesOutput:
    """Displayed in a notebook, the tables travel in its outputs (JupyterLab shows nothing);
    so may the report's summary for the index (status counts, latest data year)."""

    def __init__(self, tables: list[dict], summary: dict | None = None):
        self.tables = tables
        self.summary = summary

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"tables": self.tables}
        if self.summary is not None:
            bundle["summary"] = self.summary
        return {MIMETYPE: bundle}

    def __repr__(self) -> str:  # the plain-text form JupyterLab shows: the same at every run
        return f"{len(self.tables)} tables for download: {', '.join(t['key'] for t in self.tables)}"


def tables_output(tables: list[tuple[str, str, pd.DataFrame]],
                  summary: dict | None = None) -> TablesOutput:
    """(key, title, frame) per table: `key` names its CSV file, `title` its sheet."""
    return TablesOutput([{"key": key, "title": title, "columns": [str(c) for c in frame.columns],
                          "rows": [[_plain(v) for v in row] for row in frame.itertuples(index=False)]}
                         for key, title, frame in tables], summary)


def _plain(value):
    """A cell as JSON holds it: None for a missing value, plain int/float/str/bool; a whole
    number as an int (994 firms, the year 2024: not 994.0 and 2024.0 in the downloads)."""
    from pandas import isna

    if value is None or (not isinstance(value, str) and isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def tables_in(notebook) -> list[dict]:
    """The tables a page handed over in an executed notebook, in order."""
    return [table for cell in notebook.cells if cell.get("cell_type") == "code"
            for output in cell.get("outputs", []) for table in
            output.get("data", {}).get(MIMETYPE, {}).get("tables", [])]


def summary_in(notebook) -> dict | None:
    """The summary a page handed over with its tables, if any."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            bundle = output.get("data", {}).get(MIMETYPE, {})
            if "summary" in bundle:
                return bundle["summary"]
    return None


def without_tables(notebook):
    """The notebook with the tables' outputs taken out (the page shows them as tables already)."""
    for cell in notebook.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if MIMETYPE not in o.get("data", {})]
    return notebook


def write_tables(html_path: Path, tables: list[dict]) -> list[tuple[str, str]]:
    """`<report>.xlsx` and `<report>_<key>.csv` beside the report; (title, file name) of each
    written, the workbook first. No tables, no files. Each cell is written as the int, float or
    text it is (the page made it plain: `_plain`)."""
    if not tables:
        return []
    stem = html_path.stem
    workbook = html_path.with_name(f"{stem}.xlsx")
    write_atomic(workbook, _xlsx(tables))
    written = [("xlsx", workbook.name)]
    for table in tables:
        path = html_path.with_name(f"{stem}_{table['key']}.csv")
        # UTF-8 with a byte-order mark: Excel and WPS open Chinese text in it correctly.
        write_atomic(path, "\ufeff" + _csv(table))
        written.append((table["title"], path.name))
    return written


def _csv(table: dict) -> str:
    """The table as CSV: a header row, a row per row, CRLF line ends, quotes only where needed
    (as pandas writes it); an empty cell for a missing value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table["columns"])
    writer.writerows(table["rows"])
    return buffer.getvalue()


def _xlsx(tables: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table["title"]))
        sheet.append(table["columns"])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table["rows"]:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table["columns"]):
            longest = max([display_width(column)] + [display_width(row[index]) for row in table["rows"]])
            sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = min(60, longest + 2)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed(buffer.getvalue())


def _sheet_name(title: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "", title)[:31]



def _fixed(data: bytes) -> bytes:
    """The workbook with no trace of when it was written: fixed times in the archive and in
    its document properties."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>" + _STAMP.encode(), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return out.getvalue()
