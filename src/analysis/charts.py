"""Charts, and the one place where plotting style (font, sizes, determinism) is set."""

from __future__ import annotations

import importlib.util
import io
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis.trajectories import required_paths

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans CJK SC"
_TEXT = {
    "zh": {"compound": "所需路径（复合增长）", "linear": "线性路径（序时进度）",
           "observed": "观测值", "report_year": "报告年份", "target": "目标值", "year": "年份",
           "baseline": "基期值"},
    "en": {"compound": "Required path (compound)", "linear": "Linear path",
           "observed": "Observed", "report_year": "Report year", "target": "Target", "year": "Year",
           "baseline": "Baseline"},
}
PALETTE = {"compound": "#1f5fa8", "linear": "#8c8c8c", "observed": "#d1495b", "target": "#2e7d32"}


def cjk_font_path() -> Path:
    """Noto Sans CJK SC as installed by the project's own dependencies (the mplfonts wheel)."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("mplfonts is not installed: run `make venv` to install the project")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise RuntimeError(f"{path} is missing: reinstall mplfonts")
    return path


def use_report_style() -> None:
    """Register the CJK font with matplotlib (in this process only) and set the report style.

    A glyph missing from the font becomes an error: a chart with empty boxes is never rendered.
    """
    path = cjk_font_path()
    if CJK_FONT_FAMILY not in {font.name for font in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [CJK_FONT_FAMILY, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.figsize": (7.2, 3.6),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "svg.hashsalt": "cixi-sti",
        "path.simplify": True,
    })
    warnings.filterwarnings("error", message=r"Glyph .* missing from font", category=UserWarning)


def trajectory_chart(target: dict, observations: pd.DataFrame, report_year: int, lang: str,
                     unit: str) -> Figure:
    """One indicator: the required compound path and the linear path from baseline to target,
    the observations, and the report year marked."""
    text = _TEXT[lang]
    fig, ax = plt.subplots()
    paths = required_paths(pd.DataFrame([target]))
    if not paths.empty:
        ax.plot(paths["year"], paths["compound_value"], color=PALETTE["compound"], lw=2,
                label=text["compound"])
        ax.plot(paths["year"], paths["linear_value"], color=PALETTE["linear"], lw=1.2, ls="--",
                label=text["linear"])
        ax.scatter([target["target_year"]], [target["target_value"]], marker="*", s=160,
                   color=PALETTE["target"], zorder=3,
                   label=f"{text['target']} {target['comparator']}{target['target_value']:g}")
    ax.scatter([target["baseline_year"]], [target["baseline_value"]], color=PALETTE["compound"],
               zorder=3, label=f"{text['baseline']} {target['baseline_value']:g}")
    mine = observations[(observations["indicator_id"] == target["indicator_id"])
                        & (observations["year"] <= report_year)]
    if not mine.empty:
        ax.plot(mine["year"], mine["value"], "o", color=PALETTE["observed"], ms=7, zorder=4,
                label=text["observed"])
        for year, value in zip(mine["year"], mine["value"]):
            ax.annotate(f"{value:g}", (year, value), textcoords="offset points", xytext=(6, 4),
                        color=PALETTE["observed"], fontsize=9)
    ax.axvline(report_year, color="#555555", lw=1, ls=":")
    ax.annotate(f"{text['report_year']} {report_year}", (report_year, 1), xycoords=("data", "axes fraction"),
                xytext=(-4, -12), textcoords="offset points", ha="right", fontsize=9, color="#555555")
    first_year = min([target["baseline_year"], *mine["year"]])
    last_year = max(target["target_year"], report_year)
    ax.set_xticks(range(first_year, last_year + 1))
    ax.set_xlim(first_year - 0.4, last_year + 0.4)
    ax.set_xlabel(text["year"])
    ax.set_ylabel(unit)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG, with no metadata that could differ between two renders."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
