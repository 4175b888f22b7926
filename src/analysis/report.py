"""What the annual report shows, as tables and charts ready to display, in Chinese or English.

The notebook narrates; everything it displays is built here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Sequence

import pandas as pd
from IPython.display import HTML, Image, Markdown

from analysis.charts import png_bytes, trajectory_chart, use_report_style
from analysis.errors import InputError
from analysis.labels import check_language, indicator_names, indicator_units, status_label
from analysis.observations import as_of, load_observations
from analysis.plan import Plan, load_indicators, load_plan
from analysis.progress import assess
from analysis.targets import headline_targets
from analysis.trajectories import with_required_rates

TEXT = {
    "zh": {
        "title": "慈溪市科技创新“十四五”规划监测报告（{year}年）",
        "intro": ("本报告跟踪《{plan}》专栏2所列十项主要指标，对照2020年基期值与2025年目标值，"
                  "给出实现目标每年所需的增长率，并列出截至{year}年已掌握的观测值及其来源。"),
        "targets_heading": "主要指标与目标",
        "targets_note": ("“所需年均增长率”按复合增长计算：(目标值/基期值)^(1/年数) − 1。"
                         "目标为相对值的指标（“提高幅度不低于宁波平均水平”）没有数值目标，故无所需增长率。"),
        "status_heading": "{year}年进度判断",
        "status_note": ("进度比 = 观测年均增长率 ÷ 所需年均增长率；≥0.95为符合进度，0.60–0.95为需加快，"
                        "0–0.60为进展不足，<0为逆向变化。时间进度比 = 完成比例 ÷ 时间比例（序时进度）。"),
        "observations_heading": "截至{year}年的观测值",
        "no_observations": "截至{year}年尚无观测值。",
        "charts_heading": "各指标所需路径",
        "charts_note": ("实线为复合增长的所需路径，虚线为线性路径（序时进度），点线标出报告年份，"
                        "红点为观测值。"),
        "chart_alt": "{name}：2020—2025年所需路径、线性路径与观测值",
        "no_target": "本指标目标为相对值：{target}。图中只有基期值和观测值。",
        "columns": {
            "indicator": "指标", "unit": "单位", "baseline": "基期值", "target": "2025年目标",
            "required_rate": "所需年均增长率", "year": "年份", "value": "观测值",
            "source": "来源", "note": "说明", "latest": "最新观测", "required_value": "所需路径值",
            "progress_ratio": "进度比", "linear_ratio": "时间进度比",
            "remaining_rate": "剩余年均所需增长率", "status": "判断",
        },
    },
    "en": {
        "title": "Cixi S&T Innovation Plan 2021–2025: monitoring report {year}",
        "intro": ("This report follows the ten headline indicators of table 2 (专栏2) of the "
                  "{plan}: the 2020 baseline, the 2025 target, the yearly growth needed to reach "
                  "it, and the values observed up to {year} with their sources."),
        "targets_heading": "Headline indicators and targets",
        "targets_note": ("The required yearly rate is compound growth: (target/baseline)^(1/years) − 1. "
                         "An indicator whose target is relative (\"an increase no smaller than the "
                         "Ningbo average\") has no numeric target and so no required rate."),
        "status_heading": "Progress in {year}",
        "status_note": ("Progress ratio = observed yearly growth ÷ required yearly growth; ≥0.95 on "
                        "track, 0.60–0.95 moderate, 0–0.60 insufficient, <0 moving away. The linear "
                        "ratio is the share of the way covered ÷ the share of time elapsed."),
        "observations_heading": "Observed values up to {year}",
        "no_observations": "No value has been observed up to {year}.",
        "charts_heading": "Required path of each indicator",
        "charts_note": ("Solid: the required compound path; dashed: the linear path; dotted: the "
                        "report year; red dots: observed values."),
        "relative_target": "an increase no smaller than the Ningbo average",
        "chart_alt": "{name}: required and linear paths 2020–2025, and observed values",
        "no_target": "The target of this indicator is relative: {target}. The chart shows the "
                     "baseline and the observations only.",
        "columns": {
            "indicator": "Indicator", "unit": "Unit", "baseline": "Baseline",
            "target": "2025 target", "required_rate": "Required yearly rate", "year": "Year",
            "value": "Value", "source": "Source", "note": "Note", "latest": "Latest observed",
            "required_value": "Required path value", "progress_ratio": "Progress ratio",
            "linear_ratio": "Linear ratio", "remaining_rate": "Yearly rate still needed",
            "status": "Status",
        },
    },
}


@dataclass
class AnnualReport:
    """Everything one year's report needs, loaded once."""

    report_year: int
    lang: str
    plan: Plan
    indicators: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    assessment: pd.DataFrame

    @property
    def text(self) -> dict:
        return TEXT[self.lang]

    def say(self, key: str, **values) -> Markdown:
        plan_title = self.plan.title_zh if self.lang == "zh" else self.plan.title_en
        return Markdown(self.text[key].format(year=self.report_year, plan=plan_title, **values))

    def heading(self, key: str, level: int = 2) -> Markdown:
        return Markdown("#" * level + " " + self.text[key].format(year=self.report_year))

    def names(self) -> dict[str, str]:
        return indicator_names(self.indicators, self.lang)

    def units(self) -> dict[str, str]:
        return indicator_units(self.indicators, self.lang)

    def targets_table(self) -> HTML:
        """The 专栏2 table: baseline (with its year), 2025 target as the plan writes it, required rate."""
        names, units, columns = self.names(), self.units(), self.text["columns"]
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

    def target_wording(self, target_kind: str, text: str) -> str:
        """The target as the plan writes it; a relative target gets a translation in English."""
        if target_kind == "relative" and self.lang == "en":
            return f"{self.text['relative_target']} ({text})"
        return text

    def status_table(self) -> HTML:
        names, columns = self.names(), self.text["columns"]
        frame = self.assessment
        latest = [with_year(value, year, self.lang)
                  for value, year in zip(frame["latest_value"], frame["latest_year"])]
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["latest"]: latest,
            columns["required_value"]: frame["required_value"].map(format_number),
            columns["progress_ratio"]: frame["progress_ratio"].map(format_ratio),
            columns["linear_ratio"]: frame["linear_ratio"].map(format_ratio),
            columns["remaining_rate"]: frame["remaining_rate"].map(format_rate),
            columns["status"]: [status_label(status, self.lang) for status in frame["status"]],
        })
        return as_html(table)

    def observations_table(self) -> HTML | Markdown:
        if self.observations.empty:
            return self.say("no_observations")
        names, units, columns = self.names(), self.units(), self.text["columns"]
        frame = self.observations
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["year"]: frame["year"].astype(str),
            columns["value"]: [f"{value:g} {units[indicator]}"
                               for value, indicator in zip(frame["value"], frame["indicator_id"])],
            columns["source"]: frame["source"],
            columns["note"]: frame["note"],
        })
        return as_html(table)

    def charts(self) -> Iterator[tuple[Markdown, Image]]:
        """Per indicator: a heading (with a note when there is no numeric target) and its chart."""
        names, units = self.names(), self.units()
        for target in with_required_rates(self.targets).to_dict("records"):
            indicator = target["indicator_id"]
            heading = f"### {names[indicator]}"
            if math.isnan(target["target_value"]):
                wording = self.target_wording(target["target_kind"], target["target_text"])
                heading += "\n\n" + self.text["no_target"].format(target=wording)
            figure = trajectory_chart(target, self.observations, self.report_year, self.lang,
                                      units[indicator])
            alt = self.text["chart_alt"].format(name=names[indicator])
            yield Markdown(heading), Image(data=png_bytes(figure), format="png",
                                           metadata={"alt": alt})


def annual_report(report_year: int, lang: str = "zh",
                  observation_files: Sequence[str] | None = None) -> AnnualReport:
    """Load and assess everything for one report year; observation_files default to all raw ones."""
    check_language(lang)
    plan = load_plan()
    if report_year not in plan.years:
        raise InputError(f"report year {report_year} is outside the plan, "
                         f"{plan.start_year}–{plan.end_year}", field="report_year")
    use_report_style()
    indicators = load_indicators(plan)
    targets = headline_targets(plan=plan)
    observations = load_observations(observation_files or None, indicators)
    return AnnualReport(
        report_year=report_year, lang=lang, plan=plan, indicators=indicators,
        targets=with_required_rates(targets), observations=as_of(observations, report_year),
        assessment=assess(targets, observations, report_year),
    )


def as_html(frame: pd.DataFrame) -> HTML:
    """A table as reviewers see it: no index, text escaped, missing values as a dash."""
    return HTML(frame.to_html(index=False, border=0, na_rep="—", escape=True))


def with_year(value: float, year, lang: str) -> str:
    """"3.2（2020）" or "3.2 (2020)"; a dash when there is no value."""
    if pd.isna(value) or pd.isna(year):
        return "—"
    return f"{value:g}（{int(year)}）" if lang == "zh" else f"{value:g} ({int(year)})"


def format_rate(rate: float) -> str:
    return "—" if pd.isna(rate) else f"{rate:.2%}"


def format_ratio(ratio: float) -> str:
    return "—" if pd.isna(ratio) else f"{ratio:.2f}"


def format_number(value: float) -> str:
    return "—" if pd.isna(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
