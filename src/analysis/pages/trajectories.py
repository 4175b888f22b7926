"""The required paths, compound and linear, and the value each year must reach."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML

from analysis.charts import paths_chart
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import as_html, format_rate
from analysis.plan import Plan
from analysis.targets import headline_targets_with_rates
from analysis.texts import TRAJECTORIES
from analysis.trajectories import required_paths

@dataclass
class TrajectoriesPage(Page):
    """The required paths, compound and linear, and the milestones they set."""

    targets: pd.DataFrame = None

    def required(self) -> pd.DataFrame:
        """The headline targets with a number: baseline, target, the compound rate and the
        linear step they require; `show` gives the report's table."""
        return self.data(self.targets.dropna(subset=["target_value"]), "rates")

    def show_rates(self, frame: pd.DataFrame) -> list:
        return [self.heading("rates_heading"), self.rates(frame)]

    def rates(self, required: pd.DataFrame | None = None) -> HTML:
        columns, names = self.columns, self.names()
        numeric = self.required() if required is None else required
        words = self.download_words
        self.offer("rates", pd.DataFrame({
            words["indicator_id"]: numeric["indicator_id"], words["indicator"]: numeric["indicator_id"].map(names),
            words["unit"]: numeric["indicator_id"].map(self.units()),
            words["baseline_year"]: numeric["baseline_year"], words["baseline_value"]: numeric["baseline_value"],
            words["target_year"]: numeric["target_year"], words["target_value"]: numeric["target_value"],
            words["required_rate"]: (100 * numeric["required_rate"]).round(2),
            words["linear_step"]: numeric["linear_step"].round(4)}))
        return as_html(pd.DataFrame({
            columns["indicator"]: numeric["indicator_id"].map(names),
            columns["baseline"]: [self.dated(self.value_text(i, v), y) for v, y, i in
                                  zip(numeric["baseline_value"], numeric["baseline_year"], numeric["indicator_id"])],
            columns["target"]: [self.target_text(i, k, v, t) for i, k, v, t in
                                zip(numeric["indicator_id"], numeric["target_kind"],
                                    numeric["target_value"], numeric["target_text"])],
            columns["required_rate"]: numeric["required_rate"].map(format_rate),
            self.text["linear_step"]: [self.change_text(i, s) for s, i in
                                       zip(numeric["linear_step"], numeric["indicator_id"])],
        }))

    def yearly_paths(self) -> pd.DataFrame:
        """Each year's value on the compound and on the linear path from baseline to target;
        `show` gives the report's chart."""
        return self.data(required_paths(self.targets), "paths")

    def show_paths(self, frame: pd.DataFrame) -> list:
        names, paths = self.names(), self.drawable(frame, "paths")
        charts = [(indicator, (paths[paths["indicator_id"] == indicator].reset_index(drop=True),
                               names[indicator], self.lang))
                  for indicator in dict.fromkeys(paths["indicator_id"])]
        return [self.heading("paths_heading"), self.chart_grid(paths_chart, charts, "paths_alt")]

    def paths(self) -> list:
        return self.show_paths(self.yearly_paths())

    def milestone_values(self) -> pd.DataFrame:
        """The paths' values in each year after the baseline: what each year must reach;
        `show` gives the report's table."""
        paths = required_paths(self.targets)
        return self.data(paths[paths["year"] > paths.groupby("indicator_id")["year"].transform("min")],
                         "milestones")

    def show_milestones(self, frame: pd.DataFrame) -> list:
        return self.milestones(frame)

    def milestones(self, paths: pd.DataFrame | None = None) -> list:
        paths = self.milestone_values() if paths is None else paths
        cells = [f"{self.estimate_number(i, c)}（{self.estimate_number(i, l)}）" if self.lang == "zh"
                 else f"{self.estimate_number(i, c)} ({self.estimate_number(i, l)})"
                 for i, c, l in zip(paths["indicator_id"], paths["compound_value"], paths["linear_value"])]
        words = self.download_words
        self.offer("milestones", pd.DataFrame({
            words["indicator_id"]: paths["indicator_id"],
            words["indicator"]: paths["indicator_id"].map(self.names()),
            words["unit"]: paths["indicator_id"].map(self.units()), words["year"]: paths["year"],
            words["compound_value"]: self.download_values(paths["indicator_id"], paths["compound_value"]),
            words["linear_value"]: self.download_values(paths["indicator_id"], paths["linear_value"])}))
        wide = paths.assign(cell=cells).pivot(index="indicator_id", columns="year", values="cell")
        wide = wide.loc[list(dict.fromkeys(paths["indicator_id"]))]
        names = self.names()
        wide.insert(0, self.columns["unit"], [self.unit_text(i) for i in wide.index])
        wide.insert(0, self.columns["indicator"], [names[i] for i in wide.index])
        wide.columns = [str(c) for c in wide.columns]
        return [self.heading("milestones_heading"), self.say("milestones_note"), as_html(wide)]


def trajectories(lang: str = "zh", plan: Plan | str | None = None) -> TrajectoriesPage:
    context = page_context(lang, plan)
    return TrajectoriesPage(**context, texts=TRAJECTORIES,
                            targets=headline_targets_with_rates(context["plan"]))


