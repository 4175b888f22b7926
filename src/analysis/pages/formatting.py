"""How values read on a page: numbers, rates, units, years, tables, and text from data files."""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import HTML

from analysis.labels import with_unit  # noqa: F401 (the pages' own, also for the review's sentences)

# Chinese characters: a text with any is not yet English.
CJK = re.compile(r"[\u3400-\u9fff]")


class Safe(str):
    """Text already made safe for a page (a sentence `Page.phrase` wrote, with the data's text
    escaped in it): put into another sentence or a table as it is, never escaped twice (which
    would show "R&amp;D" for R&D)."""


def md_text(text: str) -> Safe:
    """Text from data files, safe inside Markdown: markup shows as characters, never as HTML
    (text that is Safe already is left as it is)."""
    if isinstance(text, Safe):
        return text
    return Safe(html.escape(str(text), quote=False))


def escaped(**values) -> dict:
    return {key: md_text(value) if isinstance(value, str) else value for key, value in values.items()}


def as_html(frame: pd.DataFrame, markup: tuple[str, ...] = ()) -> HTML:
    """A table as reviewers see it: no index, text escaped, missing values as a dash. Cells of
    the `markup` columns are HTML already (built from escaped text) and go in as they are.
    Each cell carries its column's name (`data-label`), so that on a phone the table reflows
    into one block per row, each value under its name."""
    frame = frame.copy()
    for column in frame.columns:
        if markup and column not in markup:
            frame[column] = ["—" if pd.isna(cell) else cell if isinstance(cell, Safe)
                             else html.escape(str(cell)) for cell in frame[column]]
        elif not markup and frame[column].map(lambda cell: isinstance(cell, Safe)).any():
            # pandas escapes every cell: a Safe one goes in as its text, to be escaped once
            frame[column] = [html.unescape(cell) if isinstance(cell, Safe) else cell
                             for cell in frame[column]]
    table = frame.to_html(index=False, border=0, na_rep="—", escape=not markup,
                          classes="reflow")
    return HTML(labelled(table, [str(column) for column in frame.columns]))


def labelled(table: str, columns: list[str]) -> str:
    """Every body cell of an HTML table with the name of its column as `data-label`."""
    labels = [f' data-label="{html.escape(column)}"' for column in columns]

    def row(match: re.Match) -> str:
        cells = iter(labels)
        return re.sub(r"<td(?=[ >])", lambda m: "<td" + next(cells, ""), match.group(0))

    head, _, body = table.partition("<tbody>")
    return head + _ + re.sub(r"<tr>.*?</tr>", row, body, flags=re.S)


def with_minus(text: str) -> str:
    """A negative number with a true minus sign (−9%, not -9%), as printed statistics write it;
    a zero that rounding left a sign on reads as zero (0.00, not −0.00)."""
    if not text.startswith("-"):
        return text
    return text[1:] if not re.search(r"[1-9]", text) else "−" + text[1:]


def format_value(value: float, measure: str) -> str:
    """A value as its measure reads: counts as whole numbers (436.51家 is not a count), other
    values with at most two decimals; no thousands separators (Chinese tables have none)."""
    if pd.isna(value):
        return "—"
    if measure == "count":
        return with_minus(f"{value:.0f}")
    return format_number_text(value)


def format_number_text(value: float, decimals: int = 2, keep_one: bool = False) -> str:
    """At most `decimals` decimals, trailing zeros dropped (one kept with `keep_one`: "5.0")."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0")
        text = text + "0" if keep_one and text.endswith(".") else text.rstrip(".")
    return with_minus(text)


def format_share(share: float) -> str:
    """完成进度, 序时进度: a whole percentage."""
    return "—" if pd.isna(share) else with_minus(f"{share:.0%}")


def percentage_points(first: float, second: float) -> int:
    """The whole percentage points between two shares given as fractions (0.62, 0.60 → 2)."""
    return abs(round(100 * first) - round(100 * second))



def format_rate(rate: float) -> str:
    return "—" if pd.isna(rate) else with_minus(f"{rate:.2%}")
