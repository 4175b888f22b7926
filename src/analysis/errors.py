"""The one exception type for bad input: it says which file, line and field, and what is valid."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input data or parameters; the command line turns it into exit code 2."""

    def __init__(self, message: str, *, file: str | Path | None = None,
                 line: int | None = None, field: str | None = None, sheet: str | None = None,
                 column: str | None = None):
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line  # in a workbook, the row
        self.field = field
        self.sheet = sheet
        self.column = column  # a workbook's column letter
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.sheet is not None:
            where.append(f"sheet '{self.sheet}'")
        if self.line is not None:
            where.append(f"{'row' if self.sheet is not None else 'line'} {self.line}")
        if self.column:
            where.append(f"column {self.column}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message
