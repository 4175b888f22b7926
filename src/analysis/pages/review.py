"""The previous plan in review, its pace carried forward, and the plan's contradictions."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.charts import growth_bars, pace_chart
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import as_html
from analysis.plan import Plan, load_indicators, measures, plan_values, previous_plan, series_notes
from analysis.review import (contradictions, previous_plan_actuals, previous_plan_pace, remark_label,
                             review_previous_plan, with_previous_plan)
from analysis.scenarios import pace_projection
from analysis.targets import headline_targets
from analysis.texts import COMPLETION_LABELS, REVIEW

@dataclass
class ReviewPage(Page):
    """The previous plan's table in review, its pace carried forward, and the notes on the plan's wording."""

    review: pd.DataFrame = None
    values: pd.DataFrame = None
    actuals: pd.DataFrame = None  # the observed values a review from observations rests on

    @property
    def from_observations(self) -> bool:
        """The previous plan reviewed from its own targets and the observations (plan.toml
        `previous_plan`), not from a table of this plan's text."""
        return bool(self.plan.previous_plan)

    def intro(self):
        return self.say("intro_observed" if self.from_observations else "intro")

    def actual_text(self, row: dict) -> str:
        """The value achieved, with its year where it is not the target year's."""
        if pd.isna(row["actual_value"]):
            return self.words["no_data"]
        text = self.value_text(row["indicator_id"], row["actual_value"])
        return text if int(row["actual_year"]) == row["target_year"] else self.dated(text, row["actual_year"])

    def attainment_cell(self, row: dict) -> str:
        """完成率: the value as a share of the target; for a share, the points above or below
        it ("+23.50个百分点")."""
        if not pd.isna(row["points_above"]):
            return self.signed_points(row["points_above"])
        return "—" if pd.isna(row["attainment"]) else f"{row['attainment']:.0%}"

    def grade_text(self, row: dict) -> str:
        """超额完成 … 未完成 by this report's rules; preliminary where the value is from before the
        target year; a dash without a value."""
        if not row["own_grade"]:
            return "—"
        grade = COMPLETION_LABELS[self.lang][row["own_grade"]]
        if int(row["actual_year"]) < row["target_year"]:
            return self.phrase("preliminary", grade=grade)
        return grade

    def achieved(self) -> pd.DataFrame:
        """Per headline indicator of the previous plan: baseline, target, the value achieved,
        the growth needed and achieved, the grade by this report's rules beside the table's own
        remark; `show` gives the report's table and chart."""
        return self.data(self.review, "review")

    def show_review(self, frame: pd.DataFrame) -> list:
        return self.review_table(frame)

    def review_table(self, achieved: pd.DataFrame | None = None) -> list:
        frame, columns, names = self.review if achieved is None else achieved, self.columns, self.names()
        rows = frame.to_dict("records")
        shares = frame["indicator_id"].map(self.measures()) == "share"
        table = pd.DataFrame({
            columns["indicator"]: frame["indicator_id"].map(names),
            columns["value_2015"]: [self.value_text(i, v) for v, i in
                                    zip(frame["baseline_value"], frame["indicator_id"])],
            columns["target_2020"]: [self.target_text(i, "lower_bound" if c else "level", t, "")
                                     for c, t, i in zip(frame["comparator"], frame["target_value"],
                                                        frame["indicator_id"])],
            columns["actual_2020"]: [self.actual_text(row) for row in rows],
            # a share moves in 百分点: 37.56% → 68.5% is 6.19个百分点 a year, not 12.77%
            columns["required_change"]: [self.yearly_change_text(
                row["indicator_id"], row["required_rate"], row["baseline_value"],
                row["target_value"], row["target_year"] - row["baseline_year"]) for row in rows],
            columns["achieved_change"]: [self.yearly_change_text(
                row["indicator_id"], row["achieved_rate"], row["baseline_value"], row["actual_value"],
                (row["actual_year"] - row["baseline_year"]) if not pd.isna(row["actual_year"]) else 0)
                for row in rows],
            columns["attainment"]: [self.attainment_cell(row) for row in rows],
            columns["plan_remark"]: [remark_label(r, self.lang) for r in frame["plan_remark"]],
            columns["own_remark"]: [self.grade_text(row) for row in rows],
        })
        if self.from_observations:  # no table of the text, so no remark of its own
            table = table.drop(columns=[columns["plan_remark"]])
        words = self.download_words
        self.offer("table1", pd.DataFrame({
            words["indicator_id"]: frame["indicator_id"], words["indicator"]: frame["indicator_id"].map(names),
            words["unit"]: frame["indicator_id"].map(self.units()),
            words["baseline_year"]: frame["baseline_year"], words["baseline_value"]: frame["baseline_value"],
            words["target_year"]: frame["target_year"], words["target_value"]: frame["target_value"],
            words["latest_year"]: frame["actual_year"], words["latest_value"]: frame["actual_value"],
            # a share's pace in 百分点, anything else's as a rate (the table's own reading)
            words["required_rate"]: (100 * frame["required_rate"].where(~shares)).round(2),
            words["achieved_rate"]: (100 * frame["achieved_rate"].where(~shares)).round(2),
            words["required_points"]: per_year(frame["baseline_value"], frame["target_value"],
                                               frame["baseline_year"], frame["target_year"]).where(shares).round(2),
            words["achieved_points"]: per_year(frame["baseline_value"], frame["actual_value"],
                                               frame["baseline_year"], frame["actual_year"]).where(shares).round(2),
            words["attainment"]: (100 * frame["attainment"].where(frame["points_above"].isna())).round(2),
            words["gap_points"]: frame["points_above"].round(2),
            words["plan_remark"]: frame["plan_remark"].map(lambda r: remark_label(r, self.lang)),
            words["own_remark"]: [self.grade_text(row) for row in rows]}))
        comments = [c for c in frame[f"comment_{self.lang}"] if c]
        verdict = (self.say("disagree", comments=" ".join(comments)) if comments
                   else self.say("all_agree"))
        sources = []
        if self.from_observations:
            verdict = None
            actuals = self.actuals[self.actuals["indicator_id"].isin(set(frame["indicator_id"]))]
            if not actuals.empty:
                sources = [self.heading("actuals_heading", level=3), self.observation_table(actuals)]
            self.offer("sources", self.sources_frame(actuals))
        # Rates only: a share's pace reads in 百分点 (the table), not on a growth-rate axis.
        rated = frame[~shares].dropna(subset=["actual_value"])
        chart = self.chart(growth_bars, (rated, names, self.lang), "growth_alt") if not rated.empty else None
        notes = series_notes(self.plan)
        notes = notes[notes["indicator_id"].isin(set(frame["indicator_id"]))]
        breaks = [self.say("series_note", name=names[row["indicator_id"]], note=row[f"note_{self.lang}"])
                  for row in notes.to_dict("records")]
        return [part for part in (self.heading("review_heading"), as_html(table), verdict, *sources,
                                  *breaks, chart)
                if part is not None]

    def carried_pace(self) -> pd.DataFrame:
        """The series in both plans: the previous plan's first and last values and the yearly
        pace between them; `show` gives the report's table and chart, carried to this plan's
        end year."""
        return self.data(previous_plan_pace(self.values, self.plan), "pace")

    def show_pace(self, frame: pd.DataFrame) -> list:
        return self.pace(frame)

    def pace(self, carried: pd.DataFrame | None = None) -> list:
        end_year = self.plan.end_year
        pace = self.carried_pace() if carried is None else carried
        if pace.empty:  # no series of both plans has a value to carry on
            return [self.heading("pace_heading"), self.say("pace_none")]
        projection = pace_projection(pace, end_year, measures(self.indicators))
        targets = headline_targets(self.values, self.plan).set_index("indicator_id")["target_value"]
        final = projection[projection["year"] == end_year].set_index("indicator_id")["value"]
        names, columns = self.names(), self.columns
        table = pd.DataFrame({
            columns["indicator"]: pace["indicator_id"].map(names),
            columns["pace_change"]: [self.yearly_change_text(r.indicator_id, r.pace_rate, r.from_value,
                                                      r.to_value, r.to_year - r.from_year)
                              for r in pace.itertuples()],
            columns["projection_2025"]: [self.estimate_text(i, final[i]) for i in pace["indicator_id"]],
            columns["target"]: [self.value_text(i, targets[i]) for i in pace["indicator_id"]],
            columns["reaches"]: [self.reaches(i, final[i], targets[i]) for i in pace["indicator_id"]],
        })
        dw = self.download_words
        pace_shares = pace["indicator_id"].map(self.measures()) == "share"
        self.offer("pace", pd.DataFrame({
            dw["indicator_id"]: pace["indicator_id"], dw["indicator"]: pace["indicator_id"].map(names),
            dw["unit"]: pace["indicator_id"].map(self.units()),
            dw["pace_rate"]: (100 * pace["pace_rate"].where(~pace_shares)).round(2),
            dw["pace_points"]: per_year(pace["from_value"], pace["to_value"], pace["from_year"],
                                        pace["to_year"]).where(pace_shares).round(2),
            dw["projected"]: self.download_values(pace["indicator_id"], [final[i] for i in pace["indicator_id"]]),
            dw["target_value"]: [targets[i] for i in pace["indicator_id"]],
            dw["reaches"]: [self.reaches(i, final[i], targets[i]) for i in pace["indicator_id"]]}))
        history = pd.DataFrame([(r.indicator_id, y, v) for r in pace.itertuples()
                                for y, v in ((r.from_year, r.from_value), (r.to_year, r.to_value))],
                               columns=["indicator_id", "year", "value"])
        ahead = projection[projection["year"] > projection.groupby("indicator_id")["year"].transform("min")]
        charts = [(i, (history[history["indicator_id"] == i].reset_index(drop=True),
                       ahead[ahead["indicator_id"] == i].reset_index(drop=True),
                       float(targets[i]), end_year, names[i], self.lang))
                  for i in pace["indicator_id"]]
        note = self.say("pace_note_observed" if self.from_observations else "pace_note")
        return [self.heading("pace_heading"), note, as_html(table),
                self.chart_grid(pace_chart, charts, "pace_alt")]

    def quote_cell(self, row: dict, side: str) -> str:
        """“原文”, with its English gloss on an English page where the notes give one."""
        quote = row[f"quote_{side}"].replace("\n", " ")
        gloss = row.get(f"quote_{side}_en", "") if self.lang == "en" else ""
        if gloss and gloss != quote:
            return self.words["glossed"].format(text=quote, gloss=gloss)
        return f"“{quote}”"

    def where_text(self, where: str) -> str:
        """Where a quote stands: a table as this page names it ("Box 2 (专栏2)"), or the opening
        words of its paragraph."""
        names = {spec["heading"]: self.table_name(spec) for spec in self.plan.tables}
        if where in names:
            return self.text["where"].format(where=names[where])
        return self.text["where_paragraph"].format(where=where)

    def wording_notes(self) -> pd.DataFrame:
        """Each place where the plan's wording or definitions need a note, with both quotes and
        where they stand; `show` gives the report's table."""
        return self.data(contradictions(self.plan), "notes")

    def show_notes(self, frame: pd.DataFrame) -> list:
        return self.contradictions(frame)

    def contradictions(self, notes: pd.DataFrame | None = None) -> list:
        frame, columns = self.wording_notes() if notes is None else notes, self.columns
        if frame.empty:
            return [self.heading("contradictions_heading"), self.say("contradictions_none")]
        table = pd.DataFrame({
            columns["topic"]: frame[f"topic_{self.lang}"],
            columns["quote_a"]: [self.quote_cell(row, "a") + self.where_text(row["where_a"])
                                 for row in frame.to_dict("records")],
            columns["quote_b"]: [self.quote_cell(row, "b") + self.where_text(row["where_b"])
                                 for row in frame.to_dict("records")],
            columns["explanation"]: frame[f"explanation_{self.lang}"],
        })
        dw = self.download_words
        rows = frame.to_dict("records")
        if self.lang == "zh":  # the plan's words as they stand
            quotes = {side: frame[f"quote_{side}"] for side in "ab"}
            where = {side: frame[f"where_{side}"] for side in "ab"}
        else:  # glossed, and a table named as the page names it ("Box 2 (专栏2)")
            names = {spec["heading"]: self.table_name(spec) for spec in self.plan.tables}
            quotes = {side: [self.quote_cell(row, side) for row in rows] for side in "ab"}
            where = {side: [names.get(row[f"where_{side}"], row[f"where_{side}"]) for row in rows]
                     for side in "ab"}
        self.offer("notes", pd.DataFrame({
            dw["topic"]: frame[f"topic_{self.lang}"], dw["quote_a"]: quotes["a"],
            dw["where_a"]: where["a"], dw["quote_b"]: quotes["b"],
            dw["where_b"]: where["b"], dw["explanation"]: frame[f"explanation_{self.lang}"]}))
        return [self.heading("contradictions_heading"), self.say("contradictions_note", count=len(frame)),
                as_html(table)]


def per_year(start: pd.Series, end: pd.Series, start_year: pd.Series, end_year: pd.Series) -> pd.Series:
    """The change a year between two values (a share's 百分点 a year); NaN where one is missing."""
    number = lambda series: pd.to_numeric(series, errors="coerce").astype(float)  # noqa: E731
    return (number(end) - number(start)) / (number(end_year) - number(start_year))


def review(lang: str = "zh", plan: Plan | str | None = None) -> ReviewPage:
    context = page_context(lang, plan)
    plan = context["plan"]
    values = with_previous_plan(plan_values(plan), plan)
    actuals = None
    previous = previous_plan(plan)
    if previous is not None:  # the previous plan's indicators are named as it names them
        mine = context["indicators"]
        theirs = load_indicators(previous)
        context["indicators"] = pd.concat([mine, theirs[~theirs["indicator_id"].isin(mine["indicator_id"])]],
                                          ignore_index=True).fillna("")
        actuals = previous_plan_actuals(plan)
    return ReviewPage(**context, texts=REVIEW, review=review_previous_plan(values, plan),
                      values=values, actuals=actuals)


