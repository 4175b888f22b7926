"""Words the reports show, in Chinese and English."""

from __future__ import annotations

import pandas as pd

from analysis.config import LANGUAGES
from analysis.errors import InputError
from analysis.texts import STATUS_LABELS, STATUS_LABELS_LOWER, WORDS

# A symbol beside each status label, so that a black-and-white print still tells them apart.
# Each status's colour (charts, badges, the index) and the text on it.
STATUS_COLOURS = {
    "target_met": "#1b7837", "on_track": "#5aae61", "moderate_progress": "#fee08b",
    "insufficient_progress": "#fdae61", "moving_away": "#d73027",
    "insufficient_data": "#e0e0e0", "not_assessable": "#bdbdbd",
}
# The text on each status colour: white on the two dark ones.
STATUS_INK = {status: "#ffffff" if status in ("target_met", "moving_away") else "#1a1a1a"
              for status in STATUS_COLOURS}

STATUS_SYMBOLS = {
    "target_met": "✔", "on_track": "●", "moderate_progress": "◐", "insufficient_progress": "○",
    "moving_away": "▼", "insufficient_data": "…", "not_assessable": "—",
}


# An amount in a Chinese unit, as the English pages write it: 50亿元 is "CNY 5.0 bn".
ENGLISH_AMOUNTS = {"亿元": ("CNY {number} bn", 0.1)}


def check_language(lang: str) -> str:
    """The language itself when the reports speak it; otherwise a clear InputError."""
    if lang not in LANGUAGES:
        raise InputError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}", field="lang")
    return lang


def status_label(status: str, lang: str, direction: str = "higher") -> str:
    """The status in words; of an indicator better lower, in its own words where they differ
    (不降反升)."""
    labels = STATUS_LABELS_LOWER.get(status, STATUS_LABELS[status]) if direction == "lower" \
        else STATUS_LABELS[status]
    return labels[check_language(lang)]


def indicator_names(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Indicator id → its name in the language."""
    return dict(zip(indicators["indicator_id"], indicators[f"name_{check_language(lang)}"]))


def indicator_units(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(indicators["indicator_id"], indicators[f"unit_{check_language(lang)}"]))


def with_unit(number: str, unit: str) -> str:
    """"994家", "79.69%", "994 firms": a percent sign and a Chinese unit stick to the number; a
    dash, or a text that holds its unit already ("70%以上"), stays as it is."""
    if number == "—" or not unit or unit in number:
        return number
    return f"{number}{unit}" if unit == "%" or not unit[:1].isascii() else f"{number} {unit}"


def source_releases(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Indicator id → where its values are published and when ("慈溪市科学技术局年度工作总结，
    次年2月前后（…）"), as indicators.csv gives them (source_kind_*, release_*); 待确认 where it
    gives neither."""
    words = WORDS[lang]

    def given(row: pd.Series, name: str) -> str:
        value = row.get(f"{name}_{lang}", "")
        return value if isinstance(value, str) else ""

    found = {}
    for _, row in indicators.iterrows():
        kind, release = given(row, "source_kind"), given(row, "release")
        found[row["indicator_id"]] = (words["source_release"].format(kind=kind, release=release)
                                      if kind and release else kind or release or words["to_confirm"])
    return found
