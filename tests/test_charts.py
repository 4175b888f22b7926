"""Charts: Chinese labels drawn with the project's own CJK font, never with empty boxes."""

import sys
import warnings
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager

from analysis.charts import CJK_FONT_FAMILY, cjk_font_path, png_bytes, trajectory_chart, use_report_style
from analysis.observations import load_observations
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
    found = font_manager.findfont(font_manager.FontProperties(family=CJK_FONT_FAMILY),
                                  fallback_to_default=False)
    assert Path(found) == path


def test_a_chinese_chart_draws_every_glyph():
    use_report_style()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="Glyph .* missing from font")
        figure = trajectory_chart(target("high_tech_enterprises"), load_observations(), 2024,
                                  "zh", "家")
        png = png_bytes(figure)
    assert png.startswith(b"\x89PNG")


def test_without_the_cjk_font_the_missing_glyph_is_an_error():
    # The control: proves the warning filter catches what the CJK font prevents.
    use_report_style()
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        with pytest.raises(UserWarning, match="Glyph .* missing from font"):
            png_bytes(trajectory_chart(target("tech_smes"), load_observations(), 2024, "zh", "家"))


def test_a_chart_has_both_paths_the_target_and_the_observations():
    use_report_style()
    figure = trajectory_chart(target("high_tech_enterprises"), load_observations(), 2024, "en",
                              "firms")
    labels = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert labels == ["Required path (compound)", "Linear path", "Target 760", "Baseline 380",
                      "Observed"]
    png_bytes(figure)


def test_the_same_chart_gives_the_same_bytes():
    use_report_style()
    observations = load_observations()
    first = png_bytes(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"))
    second = png_bytes(trajectory_chart(target("rd_gdp_ratio"), observations, 2023, "zh", "%"))
    assert first == second
