"""Charts: Chinese labels drawn with the project's own CJK font, never with empty boxes."""

import json
import os
import re
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager

from analysis.charts import (CJK_FONT_FAMILY, REPORT_FONT_FAMILY, cjk_font_path, png_bytes,
                             trajectory_chart, use_report_style)
from analysis.observations import load_observations
from conftest import FOUND
from analysis.targets import headline_targets
from analysis.trajectories import with_required_rates

matplotlib.use("Agg")


def target(indicator):
    rated = with_required_rates(headline_targets())
    return rated[rated["indicator_id"] == indicator].to_dict("records")[0]


def test_the_cjk_font_comes_with_the_projects_own_install():
    path = cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert Path(sys.prefix) in path.parents  # inside the environment, nothing system-wide
    use_report_style()
    found = font_manager.findfont(font_manager.FontProperties(family=REPORT_FONT_FAMILY),
                                  fallback_to_default=False)
    assert Path(found) == path
    # What a chart's text is actually drawn with, whatever else this machine has installed.
    assert Path(font_manager.findfont(font_manager.FontProperties())) == path


# Run in a fresh interpreter with an empty matplotlib cache (so it scans this machine's fonts
# anew): which file the charts use, and the bytes of one Chinese chart. `shadow` adds a font
# named like the bundled one, but another file, ahead of everything matplotlib found.
_PROBE = textwrap.dedent("""
    import hashlib, json, sys
    from pathlib import Path
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager
    shadow, strip = sys.argv[1] == "1", sys.argv[2] == "1"
    manager = font_manager.fontManager
    system = sorted({f.fname for f in manager.ttflist if f.name == "FAMILY"})
    if strip:  # a machine with no fonts but matplotlib's own
        manager.ttflist = [f for f in manager.ttflist
                           if Path(matplotlib.get_data_path()) in Path(f.fname).parents]
    if shadow:
        import dataclasses
        dejavu = next(f for f in manager.ttflist if f.name == "DejaVu Sans")
        manager.ttflist.insert(0, dataclasses.replace(dejavu, name="FAMILY"))
        manager.ttflist.insert(0, dataclasses.replace(dejavu, name="Analysis Report CJK"))
    from analysis.charts import png_bytes, trajectory_chart, use_report_style
    from analysis.targets import headline_targets
    from analysis.trajectories import with_required_rates
    import pandas as pd
    use_report_style()
    target = with_required_rates(headline_targets()).iloc[3].to_dict()
    observations = pd.DataFrame({"indicator_id": [target["indicator_id"]], "year": [2023],
                                 "value": [500.0]})
    png = png_bytes(trajectory_chart(target, observations, 2024, "zh", "家"))
    used = font_manager.findfont(font_manager.FontProperties())
    print(json.dumps({"system": system, "used": used, "sha256": hashlib.sha256(png).hexdigest()}))
""").replace("FAMILY", CJK_FONT_FAMILY)


def _probe(tmp_path, shadow: bool, strip: bool) -> dict:
    cache = tmp_path / f"mpl-{int(shadow)}{int(strip)}"
    cache.mkdir()
    env = {**os.environ, "MPLCONFIGDIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", _PROBE, str(int(shadow)), str(int(strip))],
                            capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_charts_are_the_same_whatever_fonts_the_machine_has(tmp_path):
    bare = _probe(tmp_path, shadow=False, strip=True)
    as_installed = _probe(tmp_path, shadow=False, strip=False)
    shadowed = _probe(tmp_path, shadow=True, strip=False)
    assert Path(bare["used"]) == Path(as_installed["used"]) == Path(shadowed["used"]) == cjk_font_path()
    assert bare["sha256"] == as_installed["sha256"] == shadowed["sha256"]


def test_a_system_noto_sans_cjk_is_seen_where_installed(tmp_path):
    """Where fonts-noto-cjk is installed (CI installs it), the probe above really met it."""
    listed = subprocess.run(["fc-list", ":family=" + CJK_FONT_FAMILY, "file"], capture_output=True,
                            text=True).stdout if _has("fc-list") else ""
    files = {line.split(":")[0].strip() for line in listed.splitlines() if line.strip()}
    seen = _probe(tmp_path, shadow=False, strip=False)["system"]
    assert files <= set(seen) | {str(cjk_font_path())}


def _has(command: str) -> bool:
    import shutil
    return shutil.which(command) is not None


def test_a_chinese_chart_draws_every_glyph():
    use_report_style()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="Glyph .* missing from font")
        figure = trajectory_chart(target("high_tech_enterprises"), load_observations([FOUND]), 2024,
                                  "zh", "家")
        png = png_bytes(figure)
    assert png.startswith(b"\x89PNG")


def test_without_the_cjk_font_the_missing_glyph_is_an_error():
    # The control: proves the warning filter catches what the CJK font prevents.
    use_report_style()
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        with pytest.raises(UserWarning, match="Glyph .* missing from font"):
            png_bytes(trajectory_chart(target("tech_smes"), load_observations([FOUND]), 2024, "zh", "家"))


def test_a_chart_has_both_paths_the_target_and_the_observations():
    use_report_style()
    figure = trajectory_chart(target("high_tech_enterprises"), load_observations([FOUND]), 2024, "en",
                              "firms")
    labels = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert labels == ["Path to the target (compound)", "Linear path (time elapsed)", "Target 760",
                      "Baseline 380", "Value"]
    png_bytes(figure)


def test_the_same_chart_gives_the_same_bytes():
    use_report_style()
    observations = load_observations([FOUND])
    first = png_bytes(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"))
    second = png_bytes(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"))
    assert first == second


def test_a_chart_as_svg_keeps_its_text_and_the_same_bytes():
    from analysis.charts import READER_FONTS, svg_text

    use_report_style()
    observations = load_observations([FOUND])
    first = svg_text(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"), "a")
    second = svg_text(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"), "a")
    assert first == second and first.startswith("<svg")
    assert "目标路径（复合增长）" in first  # text as text, not as glyph outlines
    assert f"font-family: {READER_FONTS}" in first and "Analysis Report" not in first
    assert "<metadata>" not in first and "dc:date" not in first
    other = svg_text(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"), "b")
    ids = set(re.findall(r'id="([^"]+)"', first)) & set(re.findall(r'id="([^"]+)"', other))
    # Clip paths and markers, which the chart refers to by id, are its own on a page of many.
    referenced = {i for i in ids if re.fullmatch(r"[pm][0-9a-f]{10}", i)}
    assert not referenced and re.search(r'id="p[0-9a-f]{10}"', first)



def test_a_chart_with_unchanged_inputs_is_read_back_not_drawn(tmp_path, monkeypatch):
    from analysis.charts import CHART_CACHE_ENV, chart_svg, svg_text

    use_report_style()
    observations = load_observations([FOUND])
    mine = observations[observations["indicator_id"] == "high_tech_enterprises"]
    assert not mine.empty
    args = (target("high_tech_enterprises"), mine, 2024, "zh", "家")
    fresh = svg_text(trajectory_chart(*args), "a")
    calls = []

    def draw(*arguments):
        calls.append(arguments)
        return trajectory_chart(*arguments)

    monkeypatch.delenv(CHART_CACHE_ENV, raising=False)
    assert chart_svg(draw, args, "a") == fresh and len(calls) == 1  # JupyterLab: no cache
    monkeypatch.setenv(CHART_CACHE_ENV, str(tmp_path / "charts"))
    assert chart_svg(draw, args, "a") == fresh and len(calls) == 2  # drawn and kept
    assert chart_svg(draw, args, "a") == fresh and len(calls) == 2  # read back
    changed = mine.assign(value=mine["value"] + 0.01)
    for other, salt in [((args[0], changed, *args[2:]), "a"), ((*args[:3], "en", "家"), "a"),
                        ((args[0], mine, 2025, "zh", "家"), "a"), (args, "b")]:
        chart_svg(draw, other, salt)
    assert len(calls) == 6 and len(list((tmp_path / "charts").glob("*.svg"))) == 5


def test_a_charts_inputs_are_told_apart_by_value_and_kind():
    import numpy as np
    import pandas as pd

    from analysis.charts import _fingerprint

    kinds = [1, 1.0, np.float64(1.0), True, "1", None, float("nan"), [1], (1,), {"a": 1}]
    assert len({_fingerprint(value) for value in kinds}) == len(kinds)
    frame = pd.DataFrame({"year": [2021, 2022], "value": [1.0, 2.0]})
    assert _fingerprint(frame) != _fingerprint(frame.astype({"value": "float32"}))
    assert _fingerprint(frame) != _fingerprint(frame.assign(value=[1.0, 2.0000001]))
    assert _fingerprint(frame) == _fingerprint(frame.copy())
    with pytest.raises(TypeError, match="cannot be fingerprinted"):
        _fingerprint(Path("x"))


def test_a_scenario_that_starts_in_its_target_year_shows_its_value_as_a_point():
    """A value for the target year (the final evaluation) leaves a scenario no years to draw:
    its fan is one point, which the chart marks (a line through one point draws nothing)."""
    import pandas as pd

    from analysis.charts import fan_chart

    use_report_style()
    projection = pd.DataFrame({"indicator_id": ["x"], "year": [2025], "value": [61.0]})
    empty = pd.DataFrame({"indicator_id": pd.Series(dtype=str), "year": pd.Series(dtype=int),
                          **{q: pd.Series(dtype=float) for q in ("p10", "median", "p90")}})
    figure = fan_chart(empty, projection, 60.0, "开展R&D活动的企业比例", "zh")
    [median] = [line for line in figure.axes[0].get_lines() if line.get_label() == "中位数"]
    assert list(median.get_xdata()) == [2025] and list(median.get_ydata()) == [61.0]
    assert median.get_marker() == "o"
    longer = pd.DataFrame({"indicator_id": ["x", "x"], "year": [2024, 2025], "value": [58.0, 61.0]})
    fans = pd.DataFrame({"indicator_id": ["x"], "year": [2025], "p10": [59.0], "median": [61.0],
                         "p90": [63.0]})
    [line] = [line for line in fan_chart(fans, longer, 60.0, "x", "zh").axes[0].get_lines()
              if line.get_label() == "中位数"]
    assert line.get_marker() in ("None", "", None)  # a path: a line, no markers
