"""The annual report: every headline indicator's status in one year, the mid-term and final views."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Sequence

import pandas as pd
from IPython.display import HTML, Markdown

from analysis.charts import status_grid, trajectory_chart
from analysis.errors import InputError
from analysis.observations import as_of, comparable, load_observations
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import (as_html, format_number, format_rate, format_ratio, md_text,
                                       with_unit, with_year)
from analysis.plan import Plan
from analysis.progress import assess
from analysis.references import plan_references
from analysis.targets import headline_targets_with_rates
from analysis.texts import ANNUAL, STATUS_LABELS


@dataclass
class AnnualReport(Page):
    """Everything one year's report needs, loaded once."""

    report_year: int = 2025
    targets: pd.DataFrame = None
    observations: pd.DataFrame = None  # up to the report year, every scope: what the page lists
    used: pd.DataFrame = None  # of those, what is set against the targets (see `comparable`)
    references: pd.DataFrame = None
    assessment: pd.DataFrame = None

    def fields(self) -> dict:
        return {**super().fields(), "year": self.report_year, "count": len(self.targets),
                "title": self.plan.report_title(self.lang, self.report_year)}

    def summary(self) -> dict:
        """What the index shows of this report: status counts and the latest data year."""
        counts = self.assessment["status"].value_counts()
        latest = self.used["year"].max() if not self.used.empty else None
        return {"statuses": {s: int(counts[s]) for s in STATUS_LABELS if s in counts},
                "latest_data_year": None if latest is None else int(latest)}

    def dashboard(self) -> list:
        """A grid of every indicator's status in each year's report up to this one."""
        yearly = pd.concat([
            assess(self.targets, self.used, year, self.references)[["indicator_id", "status"]]
            .assign(year=year) for year in range(self.plan.start_year, self.report_year + 1)])
        labels = {status: self.status_label(status) for status in STATUS_LABELS}
        figure = status_grid(yearly, labels, self.names())
        observed = int(self.assessment["latest_year"].notna().sum())
        return [self.heading("dashboard_heading"), self.chart(figure, "dashboard_alt"),
                self.say("dashboard_note", observed=observed, total=len(self.assessment))]

    def targets_table(self) -> HTML:
        """The 专栏2 table: baseline (with its year), 2025 target as the plan writes it, required rate."""
        names, units, columns = self.names(), self.units(), self.columns
        frame = pd.DataFrame({
            columns["indicator"]: self.targets["indicator_id"].map(names),
            columns["unit"]: self.targets["indicator_id"].map(units),
            columns["baseline"]: [with_year(value, year, self.lang) for value, year in
                                  zip(self.targets["baseline_value"], self.targets["baseline_year"])],
            columns["target"]: [self.target_wording(kind, text) for kind, text in
                                zip(self.targets["target_kind"], self.targets["target_text"])],
            columns["required_rate"]: self.targets["required_rate"].map(format_rate),
        })
        return as_html(frame)

    def targets_notes(self) -> list[Markdown]:
        """How the required rate is computed, and why a relative target has none."""
        relative = self.targets[self.targets["target_kind"] == "relative"]
        notes = [self.say("targets_note")]
        if not relative.empty:
            wording = "；".join(self.target_wording(k, t) for k, t in
                                zip(relative["target_kind"], relative["target_text"]))
            notes.append(self.say("relative_note", targets=wording))
        return notes

    def latest_cells(self) -> list[str]:
        """Each indicator's latest value judged, with its year and unit, marked 口径待核实 where
        its scope or the plan's is not stated."""
        units, frame = self.units(), self.assessment
        return [with_year(value, year, self.lang, units[indicator])
                + (self.words["scope_marked"].format(scope="", mark=self.words["scope_unverified"])
                   if check == "unverified" else "")
                for value, year, indicator, check in
                zip(frame["latest_value"], frame["latest_year"], frame["indicator_id"],
                    frame["scope_check"])]

    def status_table(self) -> HTML:
        names, units, columns = self.names(), self.units(), self.columns
        frame = self.assessment
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["latest"]: self.latest_cells(),
            columns["required_value"]: [with_unit(format_number(value), units[indicator])
                                        for value, indicator in
                                        zip(frame["required_value"], frame["indicator_id"])],
            columns["progress_ratio"]: frame["progress_ratio"].map(format_ratio),
            columns["linear_ratio"]: frame["linear_ratio"].map(format_ratio),
            columns["remaining_rate"]: frame["remaining_rate"].map(format_rate),
            columns["status"]: frame["status"].map(self.status_label),
        })
        return as_html(table)

    def special_sections(self) -> list:
        """The mid-term view in the plan's mid-term year, the final evaluation in its last."""
        if self.report_year == self.plan.mid_term_year:
            return [self.heading("midterm_heading"), self.say("midterm_note"), self.midterm_table()]
        if self.report_year == self.plan.end_year:
            return [self.heading("final_heading"), self.say("final_note"), self.final_table()]
        return []

    def midterm_table(self) -> HTML:
        names, columns, words = self.names(), self.columns, self.words
        frame = self.assessment
        gap = frame["target_value"] - frame["baseline_value"]
        completion = (frame["latest_value"] - frame["baseline_value"]) / gap.where(gap != 0)
        half_way = [words["no_data"] if pd.isna(share) else words["yes" if share >= 0.5 else "no"]
                    for share in completion]
        return as_html(pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["latest"]: self.latest_cells(),
            columns["completion"]: completion.map(lambda share: "—" if pd.isna(share) else f"{share:.0%}"),
            columns["half_way"]: half_way,
        }))

    def final_table(self) -> HTML:
        names, columns, words = self.names(), self.columns, self.words
        frame = self.assessment
        met = [words["no_data"] if pd.isna(v) else (words["yes"] if s == "target_met" else words["no"])
               for v, s in zip(frame["latest_value"], frame["status"])]
        return as_html(pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["final_value"]: self.latest_cells(),
            columns["target"]: [self.target_wording(k, t) for k, t in
                                zip(self.targets["target_kind"], self.targets["target_text"])],
            columns["met"]: met,
            columns["status"]: frame["status"].map(self.status_label),
        }))

    def observations_table(self) -> HTML | Markdown:
        if self.observations.empty:
            return self.say("no_observations")
        return self.observation_table(self.observations)

    def indicator_sections(self) -> Iterator[list]:
        """Per indicator: heading, status with the rate still needed, chart, its observations."""
        names, units = self.names(), self.units()
        verdicts = self.assessment.set_index("indicator_id")
        for target in self.targets.to_dict("records"):
            indicator = target["indicator_id"]
            verdict = verdicts.loc[indicator]
            parts = [Markdown(f"### {md_text(names[indicator])}")]
            remaining = ("" if pd.isna(verdict["remaining_rate"]) or verdict["status"] == "target_met"
                         else self.phrase("remaining", rate=format_rate(verdict["remaining_rate"])))
            parts.append(Markdown(self.text["indicator_status"].format(
                status=md_text(self.status_label(verdict["status"])), remaining=remaining)))
            if math.isnan(target["target_value"]):
                wording = self.target_wording(target["target_kind"], target["target_text"])
                parts.append(self.say("no_target", target=wording))
            figure = trajectory_chart(target, self.used, self.report_year, self.lang,
                                      units[indicator])
            parts.append(self.chart(figure, "chart_alt", name=names[indicator]))
            mine = self.observations[self.observations["indicator_id"] == indicator]
            if not mine.empty:
                parts.append(self.observation_table(mine, with_name=False))
            yield parts


def annual_report(report_year: int, lang: str = "zh",
                  observation_files: Sequence[str] | None = None,
                  plan: Plan | str | None = None) -> AnnualReport:
    """Load and assess everything for one report year; observation_files default to all of the
    plan's observations."""
    context = page_context(lang, plan)
    plan, indicators = context["plan"], context["indicators"]
    if report_year not in plan.years:
        raise InputError(f"report year {report_year} is outside the plan, "
                         f"{plan.start_year}–{plan.end_year}", field="report_year")
    targets = headline_targets_with_rates(plan)
    observations = as_of(load_observations(observation_files or None, indicators, plan), report_year)
    used = comparable(observations, indicators)
    references = plan_references(plan, indicators)
    return AnnualReport(
        **context, texts=ANNUAL, report_year=report_year, targets=targets,
        observations=observations, used=used, references=references,
        assessment=assess(targets, used, report_year, references),
    )


