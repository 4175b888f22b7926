"""The overview: where every number comes from, what the plan wants, which data there is."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML, Markdown

from analysis.charts import coverage_grid
from analysis.checks import check_targets, data_checks, describe
from analysis.evidence import evidence_targets, load_evidence, target_progress
from analysis.observations import comparable, load_observations, year_range
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import CJK, as_html, format_number_text, md_text
from analysis.plan import Plan
from analysis.targets import BODY_ORIGIN, NUMERIC_KINDS, catalogue
from analysis.texts import ANNUAL, CHECKS, EVIDENCE_STATUS, OVERVIEW

@dataclass
class OverviewPage(Page):
    """Where every number comes from, what the plan wants, and which data there is."""

    catalogue: pd.DataFrame = None
    observations: pd.DataFrame = None
    evidence: pd.DataFrame = None

    def kinds(self) -> list:
        origin = self.catalogue["origin"]
        counts = self.catalogue.groupby("target_kind").size().reindex(
            ["level", "lower_bound", "range", "cumulative", "relative", "qualitative"], fill_value=0)
        table = pd.DataFrame({self.columns["kind"]: [self.words[k] for k in counts.index],
                              self.columns["count"]: counts.to_numpy()})
        self.offer("kinds", table.set_axis([self.download_words["kind"], self.download_words["count"]],
                                           axis=1))
        return [self.heading("kinds_heading"),
                self.say("kinds_note", total=len(self.catalogue), tables=self.table_counts(),
                         body=int((origin == BODY_ORIGIN).sum())),
                as_html(table)]

    def table_counts(self) -> str:
        """"专栏1 5个（“十三五”）、专栏2 10个（“十四五”）": each of the plan's tables, in its order."""
        origin = self.catalogue["origin"]
        parts = [self.text["kinds_table"].format(
                     name=self.table_name(spec), count=int((origin == spec["heading"]).sum()),
                     period=self.plan.period_name(spec["plan_period"], self.lang))
                 for spec in self.plan.tables]
        return ("、" if self.lang == "zh" else "; ").join(parts)

    def targets(self) -> pd.DataFrame:
        """Every target of the plan, its tables' and its body text's, with its kind, value,
        year and the quote it comes from; `show` gives the report's table."""
        return self.data(self.catalogue, "targets")

    def show_targets(self, frame: pd.DataFrame) -> list:
        return [self.heading("catalogue_heading"), self.catalogue_table(frame)]

    def catalogue_table(self, targets: pd.DataFrame | None = None) -> HTML:
        frame, columns = self.catalogue if targets is None else targets, self.columns
        unit = frame[f"unit_{self.lang}"]
        target = [self.value_cell(row) for row in frame.to_dict("records")]
        origin = frame["origin"].replace({BODY_ORIGIN: self.words["body"],
                                          **{spec["heading"]: self.table_name(spec)
                                             for spec in self.plan.tables}})
        quotes = self.quotes(frame)
        progress, words = self.progress_cells(frame), self.download_words
        self.offer("targets", pd.DataFrame({
            words["target_id"]: frame["target_id"], words["indicator"]: frame[f"name_{self.lang}"],
            words["kind"]: frame["target_kind"].map(self.words), words["target_value"]: frame["target_value"],
            words["target_upper"]: frame["target_upper"], words["unit"]: unit,
            words["target_text"]: [self.plan_words(row) for row in frame.to_dict("records")],
            words["target_year"]: frame["target_year"],
            words["origin"]: origin, words["progress"]: progress,
            words["section"]: self.sections(frame), words["quote"]: quotes}))
        return as_html(pd.DataFrame({
            columns["indicator"]: frame[f"name_{self.lang}"],
            columns["kind"]: frame["target_kind"].map(self.words),
            # The body text writes its unit into the value ("3家"); a table cell does not ("3.7").
            columns["value"]: target,
            columns["year"]: frame["target_year"].astype(str),
            columns["origin"]: origin,
            columns["progress"]: progress,
            columns["section"]: self.sections(frame),
            columns["quote"]: quotes,
        }))

    def text_of_relative(self) -> str:
        """A relative target in English words alone ("an increase no smaller than the Ningbo
        average")."""
        return ANNUAL["en"]["relative_target"].format(**self.fields())

    def value_cell(self, row: dict) -> str:
        """The target as the plan writes it, with its unit ("70%以上 (%)"); on an English page
        a number the plan writes in Chinese, or an amount, in English ("at least 70 (%)",
        "CNY 5.0 bn")."""
        text, unit = row["target_text"], row[f"unit_{self.lang}"]
        if not text:
            return "—"
        english = self.english_target(row)
        if english is not None:
            return english if self.amount_format(row["unit_zh"]) or not unit else f"{english} ({unit})"
        shown = self.target_wording(row["target_kind"], text)
        # The body text writes its unit, or words of its own, into the value ("3家", "4万名以上",
        # "提高幅度不低于宁波平均水平"); a table cell does not ("3.7").
        if not unit or unit in shown or (self.lang == "zh" and CJK.search(text)):
            return shown
        return f"{shown}（{unit}）" if self.lang == "zh" else f"{shown} ({unit})"

    def english_target(self, row: dict) -> str | None:
        """On an English page, a numeric target the plan writes in Chinese, or an amount, in
        English without its unit ("at least 70", "1–2", "CNY 5.0 bn"); else None."""
        text = row["target_text"]
        numeric = not pd.isna(row["target_value"]) and row["target_kind"] in NUMERIC_KINDS
        amount = self.amount_format(row["unit_zh"])
        if self.lang != "en" or not text or not numeric or not (amount or CJK.search(text)):
            return None

        def number(value: float) -> str:
            if amount:
                return amount[0].format(number=format_number_text(value * amount[1], keep_one=True))
            return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"  # 70,000

        shown = number(row["target_value"])
        if row["target_kind"] == "range" and not pd.isna(row["target_upper"]):
            return f"{shown}–{number(row['target_upper'])}"
        if row["comparator"] == ">=":
            return self.words["or_more"].format(value=shown)
        if row["comparator"]:
            return self.words["at_least"].format(value=shown)
        return shown

    def plan_words(self, row: dict) -> str:
        """The target as the plan writes it, for a download; on an English page glossed where
        the plan writes Chinese ("7万人以上 (70000 or more)")."""
        text = row["target_text"]
        if self.lang == "zh" or not text or not CJK.search(text):
            return text
        gloss = (self.english_target(row) if row["target_kind"] != "relative"
                 else self.text_of_relative())
        return self.words["glossed_word"].format(text=text, gloss=gloss) if gloss else text

    def quotes(self, frame: pd.DataFrame) -> list[str]:
        """The plan's words for each target; on an English page with an English gloss: the
        catalogue's for the body text, the indicator's English name and the target for a
        table's row."""
        if self.lang == "zh":
            return list(frame["quote"])
        glossed = []
        for row in frame.to_dict("records"):
            gloss = row.get("quote_en", "")
            if not gloss and row["origin"] != BODY_ORIGIN:
                target = (self.text_of_relative() if row["target_kind"] == "relative"
                          else row["target_text"])  # the quote beside it has the Chinese
                unit = f" ({row['unit_en']})" if row["unit_en"] else ""
                gloss = f"{row['name_en']}{unit} {target}"
            glossed.append(self.words["glossed"].format(text=row["quote"], gloss=gloss)
                           if gloss and CJK.search(row["quote"]) else row["quote"])
        return glossed

    def progress_cells(self, frame: pd.DataFrame | None = None) -> list[str]:
        """Per target of the catalogue: for those evidence speaks for, the latest status (and
        its year); without a record, 暂无信息, or for a body-text target with a number 暂无数据
        (as the annual reports say), or a dash once it has values (the annual reports judge
        them); a dash for the others, which the annual reports judge too."""
        progress = target_progress(evidence_targets(self.plan), self.evidence, self.plan.end_year)
        status = {row["target_id"]: (row["status"], row["status_year"])
                  for row in progress.to_dict("records")}
        frame = self.catalogue if frame is None else frame
        observed = set(comparable(self.observations, self.indicators)["indicator_id"])
        cells = []
        for target, indicator in zip(frame["target_id"], frame["indicator_id"].fillna("")):
            if target not in status:
                cells.append("—")
                continue
            label, year = status[target]
            year = None if year is None or pd.isna(year) else int(year)  # NaN once any has a year
            if year is None and indicator:
                cells.append("—" if indicator in observed else self.text["progress_no_data"])
                continue
            label = EVIDENCE_STATUS[self.lang][label]
            cells.append(label if year is None else self.dated(label, year))
        return cells

    def coverage(self) -> list:
        ids = list(self.indicators["indicator_id"])
        first, last = year_range(self.plan)
        drawn_from = (self.observations[["indicator_id", "year"]], ids,
                  list(range(first, self.plan.end_year + 1)), self.names())
        observed = self.observations["indicator_id"].nunique()
        return [self.heading("coverage_heading"), self.chart(coverage_grid, drawn_from, "coverage_alt"),
                self.say("coverage_note", observed=observed)]

    def data_checks(self) -> list:
        """The values that deserve a second look (analysis.checks), in words."""
        used = comparable(self.observations, self.indicators)
        targets = check_targets(self.plan)
        checks = data_checks(used, targets, self.indicators)
        words = CHECKS[self.lang]
        if checks.empty:
            return [Markdown(f"## {words['heading']}"), Markdown(words["none"])]
        items = "\n".join(f"- {md_text(describe(c, self.indicators, targets, self.lang))}"
                          for c in checks.to_dict("records"))
        return [Markdown(f"## {words['heading']}"), Markdown(words["note"]), Markdown(items)]

    def observed(self) -> pd.DataFrame:
        """Every observed value, with its scope, vintage and source."""
        return self.data(self.observations, "observations")

    def colophon(self) -> Markdown:
        return super().colophon(self.observations)

    def show_observations(self, frame: pd.DataFrame) -> list:
        return [self.heading("observations_heading"), self.observations_table(frame)]

    def observations_table(self, observations: pd.DataFrame | None = None) -> HTML:
        observations = self.observations if observations is None else observations
        self.offer("sources", self.sources_frame(observations))
        return self.observation_table(observations)


def overview(lang: str = "zh", plan: Plan | str | None = None) -> OverviewPage:
    context = page_context(lang, plan)
    return OverviewPage(**context, texts=OVERVIEW, catalogue=catalogue(context["plan"]),
                        observations=load_observations(indicators=context["indicators"],
                                                       plan=context["plan"]),
                        evidence=load_evidence(plan=context["plan"]))


