"""Scenarios: growth assumptions, projections and a seeded Monte Carlo fan (illustrative)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML, Markdown

from analysis.charts import fan_chart
from analysis.observations import comparable, load_observations
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import as_html, format_rate
from analysis.plan import Plan, measures
from analysis.scenarios import (SCENARIO_DEFAULTS, default_assumptions, fan, probabilities,
                                project, scenario_table, simulate)
from analysis.targets import headline_targets_with_rates
from analysis.trajectories import SHARE_CEILING
from analysis.texts import SCENARIOS

@dataclass
class ScenariosPage(Page):
    """Growth assumptions and where they lead: projections and a seeded Monte Carlo fan."""

    scenarios: pd.DataFrame = None
    observations: pd.DataFrame = None  # every value loaded (the colophon: 数据截至, version)
    volatility: float = SCENARIO_DEFAULTS["volatility"]
    draws: int = SCENARIO_DEFAULTS["draws"]
    seed: int = SCENARIO_DEFAULTS["seed"]

    simulated: pd.DataFrame = None  # the draws, made once (see simulation)

    def colophon(self) -> Markdown:
        return super().colophon(self.observations)

    def assumed(self) -> pd.DataFrame:
        """Per headline indicator: where the scenario starts (value, year, source), the yearly
        growth assumed and why, and the target; `show` gives the report's table."""
        return self.data(self.scenarios, "assumptions")

    def show_assumptions(self, frame: pd.DataFrame) -> list:
        return self.assumptions(frame)

    def assumptions(self, assumed: pd.DataFrame | None = None) -> list:
        frame, columns, names = self.scenarios if assumed is None else assumed, self.columns, self.names()
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["start"]: [f"{self.dated_value(i, v, y, c)} {self.words[s]}" for v, y, i, s, c in
                               zip(frame["start_value"], frame["start_year"], frame["indicator_id"],
                                   frame["start_source"], frame["start_scope_check"])],
            columns["growth"]: self.growth_cells(frame),
            columns["assumption"]: frame["assumption"].map(self.word),
        })
        words = self.download_words
        shares = frame["indicator_id"].map(self.measures()) == "share"
        self.offer("assumptions", pd.DataFrame({
            words["indicator_id"]: frame["indicator_id"], words["indicator"]: frame["indicator_id"].map(names),
            words["unit"]: frame["indicator_id"].map(self.units()), words["start_year"]: frame["start_year"],
            words["start_value"]: frame["start_value"], words["start_source"]: frame["start_source"].map(self.words),
            words["scope_check"]: [self.words["scope_unverified"] if c == "unverified" else ""
                                   for c in frame["start_scope_check"]],
            # A share closes a part of its gap to 100% each year: its growth is not a rate of
            # growth of the share, so it has columns of its own.
            words["growth"]: (100 * frame["growth"]).where(~shares).round(4),
            words["gap_rate"]: (100 * frame["growth"]).where(shares).round(4),
            words["first_year_points"]: (frame["growth"] * (SHARE_CEILING - frame["start_value"]))
                                        .where(shares).round(2),
            words["assumption"]: frame["assumption"].map(self.word)}))
        return [self.heading("assumptions_heading"), self.say("assumptions_note"), as_html(table)]

    def projected(self) -> pd.DataFrame:
        """Each indicator's value year by year at the growth assumed; `show` gives the report's
        table of the end year against the targets."""
        return self.data(project(self.scenarios, measures(self.indicators)), "projection")

    def show_projection(self, frame: pd.DataFrame) -> list:
        return self.projection(frame)

    def projection(self, projected: pd.DataFrame | None = None) -> list:
        paths = self.projected() if projected is None else projected
        final = paths[paths["year"] == self.plan.end_year].set_index("indicator_id")["value"]
        frame = self.scenarios[self.scenarios["indicator_id"].isin(set(paths["indicator_id"]))]
        columns, names = self.columns, self.names()
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            str(self.plan.end_year): [self.estimate_text(i, final[i]) for i in frame["indicator_id"]],
            columns["target"]: [self.value_text(i, t) for t, i in zip(frame["target_value"], frame["indicator_id"])],
            columns["reaches"]: self.reaches_cells(frame, final),
        })
        dw = self.download_words
        self.offer("projection", pd.DataFrame({
            dw["indicator_id"]: frame["indicator_id"], dw["indicator"]: frame["indicator_id"].map(names),
            dw["unit"]: frame["indicator_id"].map(self.units()), dw["year"]: self.plan.end_year,
            dw["projected"]: self.download_values(frame["indicator_id"], [final[i] for i in frame["indicator_id"]]),
            dw["target_value"]: frame["target_value"],
            dw["reaches"]: self.reaches_cells(frame, final)}))
        note = [self.say("projection_note")] if frame["by_construction"].any() else []
        return [self.heading("projection_heading"), as_html(table), *note]

    def reaches_cells(self, frame: pd.DataFrame, final: pd.Series) -> list[str]:
        """Whether each projection meets its target; a dash where the assumption is the rate the
        target requires, which lands on the target by construction."""
        return ["—" if constructed else self.reaches(i, final[i], t)
                for i, t, constructed in zip(frame["indicator_id"], frame["target_value"],
                                             frame["by_construction"])]

    def simulation(self) -> pd.DataFrame:
        """The Monte Carlo draws (seeded, so the same every run): each draw's path."""
        if self.simulated is None:
            self.simulated = simulate(self.scenarios, measures(self.indicators), self.volatility,
                                      self.draws, self.seed)
        return self.simulated

    def chances(self) -> pd.DataFrame:
        """Per indicator: the probability of meeting the target and the 10th, 50th and 90th
        percentile of the end year's value; `show` gives the report's table and fan chart."""
        return self.data(probabilities(self.scenarios, self.simulation()), "probabilities")

    def show_probabilities(self, frame: pd.DataFrame) -> list:
        return self.monte_carlo(self.drawable(frame, "probabilities"))

    def monte_carlo(self, chances: pd.DataFrame | None = None) -> list:
        chances = self.chances() if chances is None else chances
        simulated = self.simulation()
        simulated = simulated[simulated["indicator_id"].isin(set(chances["indicator_id"]))]
        scenarios = self.scenarios[self.scenarios["indicator_id"].isin(set(chances["indicator_id"]))]
        names, columns = self.names(), self.columns
        table = pd.DataFrame({
            columns["indicator"]: chances["indicator_id"].map(names),
            columns["probability"]: self.probability_cells(chances),
            columns["p10"]: [self.estimate_text(i, v) for v, i in zip(chances["p10"], chances["indicator_id"])],
            columns["median"]: [self.estimate_text(i, v) for v, i in zip(chances["median"], chances["indicator_id"])],
            columns["p90"]: [self.estimate_text(i, v) for v, i in zip(chances["p90"], chances["indicator_id"])],
        })
        self.offer("probabilities", self.probability_frame(chances))
        return [self.heading("probability_heading"),
                self.say("probability_note"), as_html(table),
                *([self.say("by_construction")] if scenarios["by_construction"].any() else []),
                self.fans(scenarios, simulated), self.say("fan_note")]

    def fans(self, scenarios: pd.DataFrame, simulated: pd.DataFrame) -> HTML:
        """Each indicator's fan chart, drawn from its own draws only."""
        kinds, names = measures(self.indicators), self.names()
        fans, projections = fan(simulated), project(scenarios, kinds)
        charts = []
        for indicator, target in zip(scenarios["indicator_id"], scenarios["target_value"]):
            charts.append((indicator, (
                fans[fans["indicator_id"] == indicator].reset_index(drop=True),
                projections[projections["indicator_id"] == indicator].reset_index(drop=True),
                float(target), names[indicator], self.lang)))
        return self.chart_grid(fan_chart, charts, "fan_alt")

    def probability_frame(self, chances: pd.DataFrame) -> pd.DataFrame:
        """The simulation's results as a download gives them (no probability where the
        assumption leads to the target by construction)."""
        words = self.download_words
        constructed = self.by_construction()
        return pd.DataFrame({
            words["indicator_id"]: chances["indicator_id"],
            words["indicator"]: chances["indicator_id"].map(self.names()),
            words["unit"]: chances["indicator_id"].map(self.units()),
            words["probability"]: [None if constructed[i] else round(100 * p, 1)
                                   for i, p in zip(chances["indicator_id"], chances["probability"])],
            **{words[q]: self.download_values(chances["indicator_id"], chances[q])
               for q in ("p10", "median", "p90")}})

    def growth_cells(self, frame: pd.DataFrame | None = None) -> list[str]:
        """Each growth assumption as it reads: a rate, or for a share the points it gains in the
        first year (fewer after, as it closes its gap to 100%)."""
        kinds = measures(self.indicators)
        frame = self.scenarios if frame is None else frame
        return [self.text["share_growth"].format(points=f"{g * (SHARE_CEILING - v):.2f}")
                if kinds[i] == "share" else format_rate(g)
                for i, g, v in zip(frame["indicator_id"], frame["growth"], frame["start_value"])]

    def probability_cells(self, chances: pd.DataFrame) -> list[str]:
        """The probability of meeting each target; a dash where the assumption is the rate the
        target requires from the start, whose probability is one half by construction."""
        constructed = self.by_construction()
        return ["—" if constructed[i] else self.chance_text(p)
                for i, p in zip(chances["indicator_id"], chances["probability"])]

    def by_construction(self) -> dict[str, bool]:
        """Indicator → whether its scenario lands on the target by construction."""
        return dict(zip(self.scenarios["indicator_id"], self.scenarios["by_construction"]))


def scenarios(lang: str = "zh", growth: dict | None = None,
              volatility: float = SCENARIO_DEFAULTS["volatility"],
              draws: int = SCENARIO_DEFAULTS["draws"], seed: int = SCENARIO_DEFAULTS["seed"],
              plan: Plan | str | None = None) -> ScenariosPage:
    """The scenario page; `growth` overrides the assumed yearly growth of named indicators."""
    from analysis.errors import InputError

    context = page_context(lang, plan)
    targets = headline_targets_with_rates(context["plan"])
    unknown = sorted(set(growth or {}) - set(targets["indicator_id"]))
    if unknown:
        raise InputError(f"no scenario for {', '.join(unknown)}", field="growth")
    observations = load_observations(indicators=context["indicators"], plan=context["plan"])
    table = scenario_table(targets, comparable(observations, context["indicators"]),
                           default_assumptions(targets, context["plan"]), growth)
    return ScenariosPage(**context, texts=SCENARIOS, scenarios=table, observations=observations,
                         volatility=volatility, draws=draws, seed=seed)
