"""How values read on a page: numbers, rates, units, years, tables, and text from data files."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML


def md_text(text: str) -> str:
    """Text from data files, safe inside Markdown: markup shows as characters, never as HTML."""
    return html.escape(str(text), quote=False)


def escaped(**values) -> dict:
    return {key: md_text(value) if isinstance(value, str) else value for key, value in values.items()}


def as_html(frame: pd.DataFrame) -> HTML:
    """A table as reviewers see it: no index, text escaped, missing values as a dash."""
    return HTML(frame.to_html(index=False, border=0, na_rep="—", escape=True))


def with_unit(number: str, unit: str) -> str:
    """"994 家", "79.69%": a percent sign sticks to its number."""
    if number == "—":
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def with_year(value: float, year, lang: str, unit: str = "") -> str:
    """"3.2（2020）" or "3.2 (2020)", with a unit if given; a dash when there is no value."""
    if pd.isna(value) or pd.isna(year):
        return "—"
    number = with_unit(f"{value:g}", unit) if unit else f"{value:g}"
    return f"{number}（{int(year)}）" if lang == "zh" else f"{number} ({int(year)})"


def with_year_text(text: str, year: int, lang: str) -> str:
    """"推进中（2024）" or "in progress (2024)"."""
    return f"{text}（{int(year)}）" if lang == "zh" else f"{text} ({int(year)})"


def format_rate(rate: float) -> str:
    return "—" if pd.isna(rate) else f"{rate:.2%}"


def format_ratio(ratio: float) -> str:
    return "—" if pd.isna(ratio) else f"{ratio:.2f}"


def format_number(value: float) -> str:
    return "—" if pd.isna(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
