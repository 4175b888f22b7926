"""Charts, and the one place where plotting style (font, sizes, determinism) is set."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import io
import os
import re
import warnings
from functools import cache
from pathlib import Path
from typing import Callable

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis import config
from analysis.labels import STATUS_COLOURS
from analysis.texts import CHARTS
from analysis.trajectories import required_paths

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans CJK SC"
# The charts ask matplotlib for these names, which only the files we register carry: a system
# font of the same family (Debian's fonts-noto-cjk, a second DejaVu Sans) can never be chosen,
# whatever the machine has installed or its font cache holds.
REPORT_FONT_FAMILY = "Analysis Report CJK"
REPORT_FALLBACK_FAMILY = "Analysis Report Latin"
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


def fallback_font_path() -> Path:
    """DejaVu Sans as matplotlib ships it (never a system copy of another version)."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def _register(path: Path, family: str) -> None:
    """Make `path` the one font matplotlib knows under `family` (in this process only)."""
    from matplotlib import ft2font

    manager = font_manager.fontManager
    entry = dataclasses.replace(font_manager.ttfFontProperty(ft2font.FT2Font(str(path))),
                                name=family)
    manager.ttflist = [font for font in manager.ttflist if font.name != family] + [entry]
    manager._findfont_cached.cache_clear()


def use_report_style() -> None:
    """Register the project's fonts with matplotlib (in this process only) and set the report style.

    A glyph missing from the font becomes an error: a chart with empty boxes is never rendered.
    """
    _register(cjk_font_path(), REPORT_FONT_FAMILY)
    _register(fallback_font_path(), REPORT_FALLBACK_FAMILY)
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [REPORT_FONT_FAMILY, REPORT_FALLBACK_FAMILY],
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


def label_number(value: float, lang: str) -> str:
    """A number in a chart's label: 3700 in Chinese, 3,700 in English."""
    return f"{value:,g}" if lang == "en" else f"{value:g}"


def trajectory_chart(target: dict, observations: pd.DataFrame, report_year: int, lang: str,
                     unit: str) -> Figure:
    """One indicator: the required compound path and the linear path from baseline to target,
    the observations, and the report year marked."""
    text = CHARTS[lang]
    fig, ax = plt.subplots()
    paths = required_paths(pd.DataFrame([target]))
    if not paths.empty:
        ax.plot(paths["year"], paths["compound_value"], color=PALETTE["compound"], lw=2,
                label=text["compound"])
        ax.plot(paths["year"], paths["linear_value"], color=PALETTE["linear"], lw=1.2, ls="--",
                label=text["linear"])
        ax.scatter([target["target_year"]], [target["target_value"]], marker="*", s=160,
                   color=PALETTE["target"], zorder=3,
                   label=(text["target_above"].format(value=label_number(target["target_value"], lang))
                          if target["comparator"] == ">" else
                          f"{text['target']} {target['comparator']}"
                          f"{label_number(target['target_value'], lang)}"))
    ax.scatter([target["baseline_year"]], [target["baseline_value"]], color=PALETTE["compound"],
               zorder=3, label=f"{text['baseline']} {label_number(target['baseline_value'], lang)}")
    mine = observations[(observations["indicator_id"] == target["indicator_id"])
                        & (observations["year"] <= report_year)]
    if not mine.empty:
        ax.plot(mine["year"], mine["value"], "o", color=PALETTE["observed"], ms=7, zorder=4,
                label=text["observed"])
        for year, value in zip(mine["year"], mine["value"]):
            ax.annotate(label_number(value, lang), (year, value), textcoords="offset points", xytext=(6, 4),
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


# What the reader's browser is asked for in a chart's text (the charts' own families exist only
# in this process): the report pages' font stack.
READER_FONTS = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
                "'Hiragino Sans GB', sans-serif")


def svg_text(fig: Figure, salt: str = "") -> str:
    """The figure as an SVG element to inline in a page: text stays text (sharp on paper and on
    zoom, and found by the browser's search), no metadata that could differ between two renders,
    and ids salted per chart so that two charts on one page never share one."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none",
                                "svg.hashsalt": f"{matplotlib.rcParams['svg.hashsalt']}:{salt}"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None,
                                                     "Format": None, "Type": None})
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    return re.sub(r"font-family: [^;\"]*", f"font-family: {READER_FONTS}", text)


# --- drawn charts kept between renders -----------------------------------------------------------

CHART_CACHE_ENV = config.CHART_CACHE_ENV  # the renderer's chart cache, set in a report's kernel


def chart_svg(draw: Callable[..., Figure], args: tuple, salt: str = "") -> str:
    """svg_text(draw(*args), salt), read from the chart cache where the renderer set one and the
    same drawing function of the same code, in the same environment, drew it from equal
    arguments; drawn and kept there otherwise. Without a cache (JupyterLab), simply drawn."""
    folder = os.environ.get(CHART_CACHE_ENV)
    if not folder:
        return svg_text(draw(*args), salt)
    from analysis.files import write_atomic

    key = hashlib.sha256("\0".join([_code_and_environment(), draw.__module__, draw.__qualname__,
                                      salt, *map(_fingerprint, args)]).encode("utf-8")).hexdigest()
    path = Path(folder) / f"{key}.svg"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # not there (or unreadable): drawn below
        text = None
    if text is not None:
        try:
            os.utime(path)  # recently used: kept when the cache is trimmed
        except OSError:
            pass  # another user's file in a shared folder: read, just not marked
        return text
    text = svg_text(draw(*args), salt)
    try:
        write_atomic(path, text)
    except OSError:
        pass  # a cache that cannot be written costs time, never a report
    return text


@cache
def _code_and_environment() -> str:
    """Everything besides its arguments that a drawing can depend on: every module of the
    package (texts, style, fonts' registration) and the rendering environment (matplotlib,
    the bundled font's distribution, Python, the render epoch)."""
    from analysis.digests import environment_digest, files_digest

    return files_digest(sorted(config.PACKAGE_DIR.rglob("*.py"))) + environment_digest()


def _fingerprint(value) -> str:
    """A text that differs when the value differs, for the kinds of values charts are drawn
    from; any other kind is refused rather than guessed at."""
    if isinstance(value, pd.DataFrame):
        return "frame:" + repr(list(value.columns)) + repr(list(value.dtypes.astype(str))) + \
            value.to_csv(index=True, lineterminator="\n", float_format=repr)
    if isinstance(value, pd.Series):
        return _fingerprint(value.to_frame())
    if isinstance(value, dict):
        return "dict:{" + ",".join(f"{_fingerprint(k)}={_fingerprint(v)}"
                                   for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__}:[" + ",".join(map(_fingerprint, value)) + "]"
    if value is None or value is pd.NA or isinstance(value, (str, bool, int, float, np.generic)):
        return f"{type(value).__name__}:{value!r}"  # numpy scalars too, by their own type
    raise TypeError(f"a chart's argument of type {type(value).__name__} cannot be fingerprinted")


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG, with no metadata that could differ between two renders."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()



def status_grid(statuses: pd.DataFrame, labels: dict[str, str], names: dict[str, str]) -> Figure:
    """A grid of indicator × year coloured by status, each cell labelled (seaborn heatmap); a
    `text` column, where given, labels the cells instead of the status labels."""
    import seaborn as sns
    from matplotlib.colors import ListedColormap

    order = list(STATUS_COLOURS)
    wide = statuses.pivot(index="indicator_id", columns="year", values="status")
    wide = wide.loc[list(dict.fromkeys(statuses["indicator_id"]))]
    codes = wide.apply(lambda column: column.map(order.index)).astype(int)
    if "text" in statuses:
        annotations = statuses.pivot(index="indicator_id", columns="year", values="text").loc[wide.index]
    else:
        annotations = wide.apply(lambda column: column.map(labels))
    # Room for the longest indicator name on the left, whatever the number of years.
    fig, ax = plt.subplots(figsize=(4.6 + 1.1 * len(wide.columns), 0.42 * len(wide) + 0.9))
    sns.heatmap(codes, ax=ax, cmap=ListedColormap(list(STATUS_COLOURS.values())),
                vmin=-0.5, vmax=len(order) - 0.5, cbar=False, annot=annotations.to_numpy(),
                fmt="", linewidths=1.5, linecolor="white", annot_kws={"fontsize": 8.5})
    # a long English name over two lines (a Chinese one fits on one)
    ax.set_yticklabels([_wrap(names[i], 40) for i in wide.index], rotation=0, fontsize=9)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    fig.tight_layout()
    return fig


def coverage_grid(observations: pd.DataFrame, indicator_ids: list[str], years: list[int],
                  names: dict[str, str]) -> Figure:
    """Which indicator has an observed value in which year."""
    import seaborn as sns
    from matplotlib.colors import ListedColormap

    have = {(i, y) for i, y in zip(observations["indicator_id"], observations["year"])}
    matrix = pd.DataFrame([[int((i, y) in have) for y in years] for i in indicator_ids],
                          index=[names[i] for i in indicator_ids], columns=years)
    fig, ax = plt.subplots(figsize=(1.6 + 0.9 * len(years), 0.36 * len(indicator_ids) + 0.8))
    sns.heatmap(matrix, ax=ax, cmap=ListedColormap(["#f0f0f0", PALETTE["compound"]]), vmin=0,
                vmax=1, cbar=False, linewidths=1.5, linecolor="white",
                annot=matrix.replace({0: "", 1: "●"}).to_numpy(), fmt="",
                annot_kws={"color": "white", "fontsize": 9})
    ax.set_yticklabels(ax.get_yticklabels(), rotation=0, fontsize=8.5)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    fig.tight_layout()
    return fig


# One chart per indicator (the pages set them in a grid that is one column wide on a phone and
# several on a desktop, and a new value redraws only its own indicator's chart).
PANEL_SIZE = (4.6, 3.0)


def _panel(name: str) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=PANEL_SIZE)
    ax.set_title(_wrap(name, 26), fontsize=10, loc="left")
    ax.tick_params(labelsize=8.5)
    return fig, ax


def paths_chart(paths: pd.DataFrame, name: str, lang: str) -> Figure:
    """One indicator's compound and linear path from baseline to target."""
    text = CHARTS[lang]
    fig, ax = _panel(name)
    ax.plot(paths["year"], paths["compound_value"], color=PALETTE["compound"], lw=2,
            label=text["compound"])
    ax.plot(paths["year"], paths["linear_value"], color=PALETTE["linear"], ls="--", lw=1.2,
            label=text["linear"])
    ax.set_xticks(list(paths["year"]))
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    fig.tight_layout()
    return fig


def fan_chart(fans: pd.DataFrame, projection: pd.DataFrame, target: float, name: str,
              lang: str) -> Figure:
    """One indicator's scenario fan (10–90%), median, and target."""
    text = CHARTS[lang]
    fig, ax = _panel(name)
    start = projection.iloc[[0]]
    band = pd.concat([pd.DataFrame({"year": start["year"], "p10": start["value"],
                                    "median": start["value"], "p90": start["value"]}), fans])
    ax.fill_between(band["year"], band["p10"], band["p90"], color=PALETTE["compound"],
                    alpha=0.2, lw=0, label=text["band"])
    # A scenario that starts in its target year (a value for that year) is one point: marked.
    point = {"marker": "o", "ms": 6} if len(band) == 1 else {}
    ax.plot(band["year"], band["median"], color=PALETTE["compound"], lw=1.8, label=text["median"],
            **point)
    ax.scatter([projection["year"].max()], [target], marker="*", s=110,
               color=PALETTE["target"], zorder=3, label=f"{text['target']} {label_number(target, lang)}")
    ax.set_xticks(list(projection["year"]))
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    fig.tight_layout()
    return fig


def growth_bars(review: pd.DataFrame, names: dict[str, str], lang: str) -> Figure:
    """The previous plan: yearly growth achieved against growth needed, per indicator."""
    labels = (CHARTS[lang]["achieved_rate"], CHARTS[lang]["needed_rate"])
    fig, ax = plt.subplots(figsize=(7.2, 0.55 * len(review) + 1.2))
    positions = range(len(review))
    ax.barh([p + 0.2 for p in positions], review["achieved_rate"] * 100, height=0.38,
            color=PALETTE["compound"], label=labels[0])
    ax.barh([p - 0.2 for p in positions], review["required_rate"] * 100, height=0.38,
            color=PALETTE["linear"], label=labels[1])
    ax.set_yticks(list(positions))
    ax.set_yticklabels([_wrap(names[i], 14) for i in review["indicator_id"]], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def pace_chart(history: pd.DataFrame, projection: pd.DataFrame, target: float, target_year: int,
               name: str, lang: str) -> Figure:
    """One indicator: the previous plan's first and last values, its pace carried on to the
    target year, and the target."""
    text = CHARTS[lang]
    fig, ax = _panel(name)
    ax.plot(history["year"], history["value"], "o-", color=PALETTE["linear"], lw=1.2)
    ax.plot([history["year"].iloc[-1], *projection["year"]],
            [history["value"].iloc[-1], *projection["value"]], color=PALETTE["compound"], lw=2)
    ax.scatter([target_year], [target], marker="*", s=130, color=PALETTE["target"],
               zorder=3, label=f"{text['target']} {label_number(target, lang)}")
    ax.set_xticks([*history["year"], target_year])
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    fig.tight_layout()
    return fig


def _wrap(name: str, width: int = 18) -> str:
    """Break a long indicator name over lines (CJK text has no spaces to break at)."""
    if " " in name:
        import textwrap
        return "\n".join(textwrap.wrap(name, width=width + 10))
    return "\n".join(name[i:i + width] for i in range(0, len(name), width))
