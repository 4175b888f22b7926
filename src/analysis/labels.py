"""Words the reports show, in Chinese and English."""

from __future__ import annotations

import pandas as pd

from analysis.config import LANGUAGES
from analysis.errors import InputError
from analysis.texts import STATUS_LABELS

# A symbol beside each status label, so that a black-and-white print still tells them apart.
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


def status_label(status: str, lang: str) -> str:
    return STATUS_LABELS[status][check_language(lang)]


def indicator_names(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Indicator id → its name in the language."""
    return dict(zip(indicators["indicator_id"], indicators[f"name_{check_language(lang)}"]))


def indicator_units(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(indicators["indicator_id"], indicators[f"unit_{check_language(lang)}"]))
