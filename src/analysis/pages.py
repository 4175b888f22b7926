"""The notebooks beside the annual report: overview, review, trajectories, scenarios."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML

from analysis.charts import coverage_grid, fan_grid, growth_bars, pace_grid, paths_grid
from analysis.observations import load_observations, year_range
from analysis.plan import measures, plan_values
from analysis.progress import meets
from analysis.report import (Page, as_html, format_number, format_rate, observation_html,
                             page_context, with_unit, with_year)
from analysis.review import contradictions, previous_plan_pace, review_previous_plan
from analysis.scenarios import (default_assumptions, fan, pace_projection, probabilities, project,
                                scenario_table, simulate)
from analysis.targets import catalogue, headline_targets
from analysis.texts import OVERVIEW, REVIEW, SCENARIOS, TRAJECTORIES
from analysis.trajectories import required_paths, with_required_rates


@dataclass
class OverviewPage(Page):
    """Where every number comes from, what the plan wants, and which data there is."""

    catalogue: pd.DataFrame = None
    observations: pd.DataFrame = None

    def kinds(self) -> list:
        origin = self.catalogue["origin"]
        counts = self.catalogue.groupby("target_kind").size().reindex(
            ["level", "lower_bound", "range", "cumulative", "relative", "qualitative"], fill_value=0)
        table = pd.DataFrame({self.columns["kind"]: [self.words[k] for k in counts.index],
                              self.columns["count"]: counts.to_numpy()})
        return [self.heading("kinds_heading"),
                self.say("kinds_note", total=len(self.catalogue), table1=int((origin == "专栏1").sum()),
                         table2=int((origin == "专栏2").sum()), body=int((origin == "正文").sum())),
                as_html(table)]

    def catalogue_table(self) -> HTML:
        frame, columns = self.catalogue, self.columns
        unit = frame[f"unit_{self.lang}"]
        target = [self.target_wording(kind, text) if text else "—"
                  for kind, text in zip(frame["target_kind"], frame["target_text"])]
        origin = frame["origin"].replace({"正文": self.words["body"]})
        return as_html(pd.DataFrame({
            columns["indicator"]: frame[f"name_{self.lang}"],
            columns["kind"]: frame["target_kind"].map(self.words),
            # The body text writes its unit into the value ("3家"); a table cell does not ("3.7").
            columns["value"]: [f"{t} ({u})" if u and t != "—" and u not in t else t
                               for t, u in zip(target, unit)],
            columns["year"]: frame["target_year"].astype(str),
            columns["origin"]: origin,
            columns["section"]: frame["section"],
            columns["quote"]: frame["quote"],
        }))

    def coverage(self) -> list:
        ids = list(self.indicators["indicator_id"])
        first, last = year_range()
        figure = coverage_grid(self.observations, ids, list(range(first, self.plan.end_year + 1)),
                               self.names())
        observed = self.observations["indicator_id"].nunique()
        return [self.heading("coverage_heading"), self.chart(figure, "coverage_alt"),
                self.say("coverage_note", observed=observed)]

    def observations_table(self) -> HTML:
        return observation_html(self.observations, self.names(), self.units(), self.columns)


def overview(lang: str = "zh") -> OverviewPage:
    context = page_context(lang)
    return OverviewPage(**context, texts=OVERVIEW, catalogue=catalogue(context["plan"]),
                        observations=load_observations(indicators=context["indicators"]))


@dataclass
class ReviewPage(Page):
    """专栏1 in review, the 13th plan's pace carried forward, and the plan's contradictions."""

    review: pd.DataFrame = None
    values: pd.DataFrame = None

    def review_table(self) -> list:
        frame, columns, names, units = self.review, self.columns, self.names(), self.units()
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["value_2015"]: [with_unit(f"{v:g}", units[i]) for v, i in
                                    zip(frame["baseline_value"], frame["indicator_id"])],
            columns["target_2020"]: [f"{c}{t:g}" for c, t in zip(frame["comparator"], frame["target_value"])],
            columns["actual_2020"]: [with_unit(f"{v:g}", units[i]) for v, i in
                                     zip(frame["actual_value"], frame["indicator_id"])],
            columns["required_rate"]: frame["required_rate"].map(format_rate),
            columns["achieved_rate"]: frame["achieved_rate"].map(format_rate),
            columns["attainment"]: frame["attainment"].map(lambda x: f"{x:.0%}"),
            columns["plan_remark"]: frame["plan_remark"],
            columns["own_remark"]: frame["own_remark"],
        })
        comments = [c for c in frame[f"comment_{self.lang}"] if c]
        verdict = (self.say("disagree", comments=" ".join(comments)) if comments
                   else self.say("all_agree"))
        figure = growth_bars(frame, names, self.lang)
        return [self.heading("review_heading"), as_html(table), verdict,
                self.chart(figure, "growth_alt")]

    def pace(self) -> list:
        end_year = self.plan.end_year
        pace = previous_plan_pace(self.values, self.plan)
        projection = pace_projection(pace, end_year, measures(self.indicators))
        targets = headline_targets(self.values, self.plan).set_index("indicator_id")["target_value"]
        final = projection[projection["year"] == end_year].set_index("indicator_id")["value"]
        names, units, columns, words = self.names(), self.units(), self.columns, self.words
        table = pd.DataFrame({
            columns["indicator"]: pace["indicator_id"].map(names),
            columns["pace"]: pace["pace_rate"].map(format_rate),
            columns["projection_2025"]: [with_unit(format_number(final[i]), units[i]) for i in pace["indicator_id"]],
            columns["target"]: [with_unit(f"{targets[i]:g}", units[i]) for i in pace["indicator_id"]],
            columns["reaches"]: [words["yes" if meets(final[i], targets[i]) else "no"] for i in pace["indicator_id"]],
        })
        history = pd.DataFrame([(r.indicator_id, y, v) for r in pace.itertuples()
                                for y, v in ((r.from_year, r.from_value), (r.to_year, r.to_value))],
                               columns=["indicator_id", "year", "value"])
        ahead = projection[projection["year"] > projection.groupby("indicator_id")["year"].transform("min")]
        figure = pace_grid(history, ahead, targets.to_dict(), end_year, names, self.lang)
        return [self.heading("pace_heading"), self.say("pace_note"), as_html(table),
                self.chart(figure, "pace_alt")]

    def contradictions(self) -> list:
        frame, columns = contradictions(self.plan), self.columns
        where = self.text["where"]
        table = pd.DataFrame({
            columns["topic"]: frame[f"topic_{self.lang}"],
            columns["quote_a"]: [f"“{q}”{where.format(where=w, line=n)}" for q, w, n in
                                 zip(frame["quote_a"], frame["where_a"], frame["line_a"])],
            columns["quote_b"]: [f"“{q.replace(chr(10), ' ')}”{where.format(where=w, line=n)}" for q, w, n in
                                 zip(frame["quote_b"], frame["where_b"], frame["line_b"])],
            columns["explanation"]: frame[f"explanation_{self.lang}"],
        })
        return [self.heading("contradictions_heading"), self.say("contradictions_note", count=len(frame)),
                as_html(table)]


def review(lang: str = "zh") -> ReviewPage:
    context = page_context(lang)
    values = plan_values(context["plan"])
    return ReviewPage(**context, texts=REVIEW, review=review_previous_plan(values, context["plan"]),
                      values=values)


@dataclass
class TrajectoriesPage(Page):
    """The required paths, compound and linear, and the milestones they set."""

    targets: pd.DataFrame = None

    def rates(self) -> HTML:
        frame, columns, names, units = self.targets, self.columns, self.names(), self.units()
        numeric = frame.dropna(subset=["target_value"])
        return as_html(pd.DataFrame({
            columns["indicator"]: numeric["indicator_id"].map(names),
            columns["baseline"]: [with_year(v, y, self.lang, units[i]) for v, y, i in
                                  zip(numeric["baseline_value"], numeric["baseline_year"], numeric["indicator_id"])],
            columns["target"]: [with_unit(t, units[i]) for t, i in zip(numeric["target_text"], numeric["indicator_id"])],
            columns["required_rate"]: numeric["required_rate"].map(format_rate),
            self.text["linear_step"]: [with_unit(f"{s:+.4g}", units[i]) for s, i in
                                       zip(numeric["linear_step"], numeric["indicator_id"])],
        }))

    def paths(self) -> list:
        figure = paths_grid(required_paths(self.targets), self.names(), self.lang)
        return [self.heading("paths_heading"), self.chart(figure, "paths_alt")]

    def milestones(self) -> list:
        paths = required_paths(self.targets)
        paths = paths[paths["year"] > paths.groupby("indicator_id")["year"].transform("min")]
        cells = [f"{format_number(c)}（{format_number(l)}）" if self.lang == "zh"
                 else f"{format_number(c)} ({format_number(l)})"
                 for c, l in zip(paths["compound_value"], paths["linear_value"])]
        wide = paths.assign(cell=cells).pivot(index="indicator_id", columns="year", values="cell")
        wide = wide.loc[list(dict.fromkeys(paths["indicator_id"]))]
        names, units = self.names(), self.units()
        wide.insert(0, self.columns["unit"], [units[i] for i in wide.index])
        wide.insert(0, self.columns["indicator"], [names[i] for i in wide.index])
        wide.columns = [str(c) for c in wide.columns]
        return [self.heading("milestones_heading"), self.say("milestones_note"), as_html(wide)]


def trajectories(lang: str = "zh") -> TrajectoriesPage:
    context = page_context(lang)
    return TrajectoriesPage(**context, texts=TRAJECTORIES,
                            targets=with_required_rates(headline_targets(plan=context["plan"])))


@dataclass
class ScenariosPage(Page):
    """Growth assumptions and where they lead: projections and a seeded Monte Carlo fan."""

    scenarios: pd.DataFrame = None
    volatility: float = 0.05
    draws: int = 2000
    seed: int = 0

    def assumptions(self) -> list:
        frame, columns, names, units = self.scenarios, self.columns, self.names(), self.units()
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["start"]: [f"{with_year(v, y, self.lang, units[i])} {self.words[s]}" for v, y, i, s in
                               zip(frame["start_value"], frame["start_year"], frame["indicator_id"], frame["start_source"])],
            columns["growth"]: frame["growth"].map(format_rate),
            columns["assumption"]: frame["assumption"].map(self.words),
        })
        return [self.heading("assumptions_heading"), self.say("assumptions_note"), as_html(table)]

    def projection(self) -> list:
        paths = project(self.scenarios, measures(self.indicators))
        final = paths[paths["year"] == self.plan.end_year].set_index("indicator_id")["value"]
        frame, columns, names, units, words = self.scenarios, self.columns, self.names(), self.units(), self.words
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            str(self.plan.end_year): [with_unit(format_number(final[i]), units[i])
                                      for i in frame["indicator_id"]],
            columns["target"]: [with_unit(f"{t:g}", units[i]) for t, i in zip(frame["target_value"], frame["indicator_id"])],
            columns["reaches"]: [words["yes" if meets(final[i], t) else "no"]
                                 for i, t in zip(frame["indicator_id"], frame["target_value"])],
        })
        return [self.heading("projection_heading"), as_html(table)]

    def monte_carlo(self) -> list:
        kinds = measures(self.indicators)
        simulated = simulate(self.scenarios, kinds, self.volatility, self.draws, self.seed)
        chances = probabilities(self.scenarios, simulated)
        names, units, columns = self.names(), self.units(), self.columns
        table = pd.DataFrame({
            columns["indicator"]: chances["indicator_id"].map(names),
            columns["probability"]: chances["probability"].map(lambda p: f"{p:.0%}"),
            columns["p10"]: [with_unit(format_number(v), units[i]) for v, i in zip(chances["p10"], chances["indicator_id"])],
            columns["median"]: [with_unit(format_number(v), units[i]) for v, i in zip(chances["median"], chances["indicator_id"])],
            columns["p90"]: [with_unit(format_number(v), units[i]) for v, i in zip(chances["p90"], chances["indicator_id"])],
        })
        targets = dict(zip(self.scenarios["indicator_id"], self.scenarios["target_value"]))
        figure = fan_grid(fan(simulated), project(self.scenarios, kinds), targets, names, self.lang)
        return [self.heading("probability_heading"),
                self.say("probability_note", volatility=self.volatility, draws=self.draws, seed=self.seed),
                as_html(table), self.chart(figure, "fan_alt"), self.say("fan_note")]


def scenarios(lang: str = "zh", growth: dict | None = None, volatility: float = 0.05,
              draws: int = 2000, seed: int = 20210101) -> ScenariosPage:
    """The scenario page; `growth` overrides the assumed yearly growth of named indicators."""
    from analysis.errors import InputError

    context = page_context(lang)
    targets = with_required_rates(headline_targets(plan=context["plan"]))
    unknown = sorted(set(growth or {}) - set(targets["indicator_id"]))
    if unknown:
        raise InputError(f"no scenario for {', '.join(unknown)}", field="growth")
    observations = load_observations(indicators=context["indicators"])
    table = scenario_table(targets, observations, default_assumptions(targets), growth)
    return ScenariosPage(**context, texts=SCENARIOS, scenarios=table, volatility=volatility,
                         draws=draws, seed=seed)
