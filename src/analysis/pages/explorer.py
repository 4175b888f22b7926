"""The scenario explorer: sliders for one indicator's growth and volatility that redraw its
projection and the probability of meeting its target. Rendered to HTML, a static table and fan."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from analysis.charts import fan_chart, png_bytes
from analysis.pages.scenarios import ScenariosPage, scenarios
from analysis.plan import measures
from analysis.pages.formatting import as_html
from analysis.scenarios import EXPLORER_DRAWS, SCENARIO_DEFAULTS, fan, probabilities, project, simulate
from analysis.texts import EXPLORER



def _one(page: ScenariosPage, indicator: str, growth: float, volatility: float):
    """One indicator's scenario: its fan chart (PNG) and the probability of meeting the target."""
    kinds = measures(page.indicators)
    table = page.scenarios[page.scenarios["indicator_id"] == indicator].assign(growth=growth)
    simulated = simulate(table, kinds, volatility, page.draws, page.seed)
    chance = probabilities(table, simulated).iloc[0]
    figure = fan_chart(fan(simulated), project(table, kinds), float(table["target_value"].iloc[0]),
                       page.names()[indicator], page.lang)
    return png_bytes(figure), chance


def explorer(lang: str = "zh", interactive: bool = True, plan=None) -> list:
    """Title, introduction, then widgets in JupyterLab or, with interactive=False (the rendered
    HTML), the static table and chart they start from."""
    # The rendered page draws as many as the scenario page, so their figures agree; the sliders
    # draw fewer, to answer at once.
    draws = EXPLORER_DRAWS if interactive else SCENARIO_DEFAULTS["draws"]
    page = scenarios(lang, draws=draws, plan=plan)
    text = EXPLORER[lang]
    heading = [Markdown(f"# {text['title']}"), Markdown(text["intro"].format(**page.fields()))]
    if not interactive:
        return heading + _static(page, text) + [page.colophon()]
    import ipywidgets as widgets

    names = page.names()
    choice = widgets.Dropdown(options=[(names[i], i) for i in page.scenarios["indicator_id"]],
                              description=text["indicator"])
    growth = widgets.FloatSlider(min=-0.10, max=0.40, step=0.005, readout_format=".1%",
                                 description=text["growth"], continuous_update=False)
    volatility = widgets.FloatSlider(value=SCENARIO_DEFAULTS["volatility"], min=0.0, max=0.20, step=0.005,
                                     readout_format=".1%", description=text["volatility"],
                                     continuous_update=False)
    image = widgets.Image(format="png")
    verdict = widgets.HTML()

    def redraw(_=None):
        png, chance = _one(page, choice.value, growth.value, volatility.value)
        image.value = png
        verdict.value = text["verdict"].format(probability=page.chance_text(chance["probability"]),
                                               draws=page.draws,
                                               **page.fields())

    def pick(_=None):
        row = page.scenarios.set_index("indicator_id").loc[choice.value]
        growth.unobserve(redraw, "value")
        growth.value = float(row["growth"])
        growth.observe(redraw, "value")
        redraw()

    choice.observe(pick, "value")
    growth.observe(redraw, "value")
    volatility.observe(redraw, "value")
    pick()
    return heading + [widgets.VBox([choice, growth, volatility, verdict, image]),
                      page.colophon()]


def _static(page: ScenariosPage, text: dict) -> list:
    kinds = measures(page.indicators)
    simulated = simulate(page.scenarios, kinds, page.volatility, page.draws, page.seed)
    chances = probabilities(page.scenarios, simulated)
    names, columns = page.names(), page.columns
    table = pd.DataFrame({
        columns["indicator"]: page.scenarios["indicator_id"].map(names),
        columns["growth"]: page.growth_cells(),
        columns["probability"]: page.probability_cells(chances),
        columns["median"]: [page.estimate_text(i, v)
                            for v, i in zip(chances["median"], chances["indicator_id"])],
    })
    page.offer("probabilities", page.probability_frame(chances))
    note = [page.say("by_construction")] if page.scenarios["by_construction"].any() else []
    return [Markdown(text["static_note"].format(**page.fields())), as_html(table), *note,
            page.fans(page.scenarios, simulated), page.downloads()]
