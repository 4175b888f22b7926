"""What the reports show, as tables and charts ready to display, in Chinese or English.

The notebooks narrate; everything they display is built here (the annual report) and in
`analysis.pages` (the other notebooks).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Iterator, Sequence

import pandas as pd
from IPython.display import HTML, Image, Markdown
from matplotlib.figure import Figure

from analysis.charts import png_bytes, status_grid, trajectory_chart, use_report_style
from analysis.errors import InputError
from analysis.labels import (STATUS_LABELS, check_language, indicator_names, indicator_units,
                             status_label)
from analysis.observations import as_of, load_observations
from analysis.plan import Plan, load_indicators, load_plan
from analysis.progress import assess
from analysis.references import plan_references
from analysis.targets import headline_targets
from analysis.texts import ANNUAL, COLUMNS, WORDS
from analysis.trajectories import with_required_rates


@dataclass
class Page:
    """A notebook's page in one language: its words, and the plan's indicators to name."""

    lang: str
    plan: Plan
    indicators: pd.DataFrame
    texts: dict = field(repr=False)

    @property
    def text(self) -> dict:
        return self.texts[self.lang]

    @property
    def columns(self) -> dict:
        return {key: name.format(**self.fields()) for key, name in COLUMNS[self.lang].items()}

    def fields(self) -> dict:
        """What any sentence may name: the plan's title, years and headline table."""
        plan = self.plan
        return {"plan": self.plan_title, "start_year": plan.start_year, "end_year": plan.end_year,
                "baseline_year": plan.baseline_year, "mid_term_year": plan.mid_term_year,
                "table": next(t["heading"] for t in plan.tables if t["plan_period"] == plan.period)}

    def phrase(self, key: str, **values) -> str:
        """A sentence of this page, with the plan's fields and the given values (escaped) in it."""
        return self.text[key].format(**{**self.fields(), **escaped(**values)})

    @property
    def words(self) -> dict:
        return WORDS[self.lang]

    @property
    def plan_title(self) -> str:
        return self.plan.title_zh if self.lang == "zh" else self.plan.title_en

    def say(self, key: str, **values) -> Markdown:
        return Markdown(self.phrase(key, **values))

    def heading(self, key: str, level: int = 2, **values) -> Markdown:
        return Markdown("#" * level + " " + self.phrase(key, **values))

    def names(self) -> dict[str, str]:
        return indicator_names(self.indicators, self.lang)

    def units(self) -> dict[str, str]:
        return indicator_units(self.indicators, self.lang)

    def chart(self, figure: Figure, alt_key: str, **values) -> Image:
        """A figure as an embedded PNG with alternative text in the page's language."""
        return Image(data=png_bytes(figure), format="png",
                     metadata={"alt": self.phrase(alt_key, **values)})

    def status_label(self, status: str) -> str:
        return status_label(status, self.lang)

    def target_wording(self, target_kind: str, text: str) -> str:
        """The target as the plan writes it; a relative target gets a translation in English."""
        if target_kind == "relative" and self.lang == "en":
            return f"{ANNUAL['en']['relative_target']} ({text})"
        return text


def page_context(lang: str) -> dict:
    """What every page needs: the language (checked), the plan, its indicators; the style set."""
    check_language(lang)
    use_report_style()
    plan = load_plan()
    return {"lang": lang, "plan": plan, "indicators": load_indicators(plan)}


@dataclass
class AnnualReport(Page):
    """Everything one year's report needs, loaded once."""

    report_year: int = 2025
    targets: pd.DataFrame = None
    observations: pd.DataFrame = None
    all_observations: pd.DataFrame = None
    references: pd.DataFrame = None
    assessment: pd.DataFrame = None

    def fields(self) -> dict:
        return {**super().fields(), "year": self.report_year, "count": len(self.targets),
                "title": self.plan.report_title(self.lang, self.report_year)}

    def dashboard(self) -> list:
        """A grid of every indicator's status in each year's report up to this one."""
        yearly = pd.concat([
            assess(self.targets, self.all_observations, year, self.references)[["indicator_id", "status"]]
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

    def status_table(self) -> HTML:
        names, units, columns = self.names(), self.units(), self.columns
        frame = self.assessment
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["latest"]: [with_year(value, year, self.lang, units[indicator]) for
                                value, year, indicator in
                                zip(frame["latest_value"], frame["latest_year"], frame["indicator_id"])],
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
        names, units, columns, words = self.names(), self.units(), self.columns, self.words
        frame = self.assessment
        gap = frame["target_value"] - frame["baseline_value"]
        completion = (frame["latest_value"] - frame["baseline_value"]) / gap.where(gap != 0)
        half_way = [words["no_data"] if pd.isna(share) else words["yes" if share >= 0.5 else "no"]
                    for share in completion]
        return as_html(pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["latest"]: [with_year(v, y, self.lang, units[i]) for v, y, i in
                                zip(frame["latest_value"], frame["latest_year"], frame["indicator_id"])],
            columns["completion"]: completion.map(lambda share: "—" if pd.isna(share) else f"{share:.0%}"),
            columns["half_way"]: half_way,
        }))

    def final_table(self) -> HTML:
        names, units, columns, words = self.names(), self.units(), self.columns, self.words
        frame = self.assessment
        met = [words["no_data"] if pd.isna(v) else (words["yes"] if s == "target_met" else words["no"])
               for v, s in zip(frame["latest_value"], frame["status"])]
        return as_html(pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["final_value"]: [with_year(v, y, self.lang, units[i]) for v, y, i in
                                     zip(frame["latest_value"], frame["latest_year"], frame["indicator_id"])],
            columns["target"]: [self.target_wording(k, t) for k, t in
                                zip(self.targets["target_kind"], self.targets["target_text"])],
            columns["met"]: met,
            columns["status"]: frame["status"].map(self.status_label),
        }))

    def observations_table(self) -> HTML | Markdown:
        if self.observations.empty:
            return self.say("no_observations")
        return observation_html(self.observations, self.names(), self.units(), self.columns)

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
            figure = trajectory_chart(target, self.observations, self.report_year, self.lang,
                                      units[indicator])
            parts.append(self.chart(figure, "chart_alt", name=names[indicator]))
            mine = self.observations[self.observations["indicator_id"] == indicator]
            if not mine.empty:
                parts.append(observation_html(mine, names, units, self.columns, with_name=False))
            yield parts


def annual_report(report_year: int, lang: str = "zh",
                  observation_files: Sequence[str] | None = None) -> AnnualReport:
    """Load and assess everything for one report year; observation_files default to all raw ones."""
    context = page_context(lang)
    plan, indicators = context["plan"], context["indicators"]
    if report_year not in plan.years:
        raise InputError(f"report year {report_year} is outside the plan, "
                         f"{plan.start_year}–{plan.end_year}", field="report_year")
    targets = with_required_rates(headline_targets(plan=plan))
    observations = load_observations(observation_files or None, indicators)
    references = plan_references(plan, indicators)
    return AnnualReport(
        **context, texts=ANNUAL, report_year=report_year, targets=targets,
        observations=as_of(observations, report_year), all_observations=observations,
        references=references, assessment=assess(targets, observations, report_year, references),
    )


def observation_html(observations: pd.DataFrame, names: dict, units: dict, columns: dict,
                     with_name: bool = True) -> HTML:
    """Observed values with their units and sources."""
    table = pd.DataFrame({
        columns["indicator"]: observations["indicator_id"].map(names),
        columns["year"]: observations["year"].astype(str),
        columns["value"]: [with_unit(f"{value:g}", units[indicator])
                           for value, indicator in zip(observations["value"], observations["indicator_id"])],
        columns["source"]: observations["source"],
        columns["note"]: observations["note"],
    })
    return as_html(table if with_name else table.drop(columns=[columns["indicator"]]))


def md_text(text: str) -> str:
    """Text from data files, safe inside Markdown: markup shows as characters, never as HTML."""
    return html.escape(str(text), quote=False)


def escaped(**values) -> dict:
    return {key: md_text(value) if isinstance(value, str) else value for key, value in values.items()}


def as_html(frame: pd.DataFrame) -> HTML:
    """A table as reviewers see it: no index, text escaped, missing values as a dash."""
    return HTML(frame.to_html(index=False, border=0, na_rep="—", escape=True))


def with_unit(number: str, unit: str) -> str:
    """"994 家", "79.69%": a percent sign sticks to its number."""
    if number == "—":
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def with_year(value: float, year, lang: str, unit: str = "") -> str:
    """"3.2（2020）" or "3.2 (2020)", with a unit if given; a dash when there is no value."""
    if pd.isna(value) or pd.isna(year):
        return "—"
    number = with_unit(f"{value:g}", unit) if unit else f"{value:g}"
    return f"{number}（{int(year)}）" if lang == "zh" else f"{number} ({int(year)})"


def format_rate(rate: float) -> str:
    return "—" if pd.isna(rate) else f"{rate:.2%}"


def format_ratio(ratio: float) -> str:
    return "—" if pd.isna(ratio) else f"{ratio:.2f}"


def format_number(value: float) -> str:
    return "—" if pd.isna(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
