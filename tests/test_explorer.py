"""The scenario explorer: widgets that redraw, and a static fallback for HTML."""

from analysis.pages.explorer import explorer


def test_sliders_redraw_the_chart_and_the_probability():
    *heading, box, colophon = explorer("en", interactive=True)
    choice, growth, volatility, verdict, image = box.children
    assert "not a forecast" in heading[0].data and "Compiled by" in colophon.data
    assert choice.value == "rd_gdp_ratio" and bytes(image.value).startswith(b"\x89PNG")
    choice.value = "pct_applications"  # picks its default: the required rate, 14.87%
    assert abs(growth.value - 0.1487) <= 0.005  # the slider's step is half a point
    first_image, first_verdict = bytes(image.value), verdict.value
    growth.value = 0.30
    assert verdict.value != first_verdict and "<b>over 99%</b>" in verdict.value  # never "100%"
    assert bytes(image.value) != first_image
    growth.value = -0.05
    volatility.value = 0.0
    assert "<b>under 1%</b>" in verdict.value


def test_without_widgets_a_table_and_a_chart():
    parts = explorer("zh", interactive=False)
    assert "非预测" in parts[0].data
    assert "<table" in parts[3].data
    assert "按构造约为一半" in parts[4].data
    fans = parts[5].data  # one chart per indicator, each named for screen readers
    assert fans.count('<figure role="img" aria-label="各指标情景路径的10%～90%区间：') == 9  # numeric targets
