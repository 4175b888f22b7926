"""Words the reports show, in Chinese and English."""

from __future__ import annotations

import pandas as pd

from analysis.config import LANGUAGES
from analysis.errors import InputError

STATUS_LABELS = {
    "target_met": {"zh": "已实现目标", "en": "Target met"},
    "on_track": {"zh": "符合进度", "en": "On track"},
    "moderate_progress": {"zh": "需加快", "en": "Moderate progress"},
    "insufficient_progress": {"zh": "进展不足", "en": "Insufficient progress"},
    "moving_away": {"zh": "逆向变化", "en": "Moving away"},
    "insufficient_data": {"zh": "暂无数据", "en": "Insufficient data"},
    "not_assessable": {"zh": "无法评估", "en": "Not assessable"},
}


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
