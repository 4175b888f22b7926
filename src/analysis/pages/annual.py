"""The annual report, as a Chinese plan evaluation is written (../shared/WORDING.md): 总体情况
first, one table of the headline indicators (完成进度 against 序时进度), the mid-term or final view,
the body text's targets, the facts to watch, the missing data and who supplies them; annexes of
the year-by-year verdicts, the sources and one chart per indicator; a colophon."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Iterator, Sequence

import pandas as pd
from IPython.display import HTML, Markdown

from analysis.charts import status_grid, trajectory_chart
from analysis.checks import check_targets, data_checks, describe
from analysis.errors import InputError
from analysis.evidence import NO_INFORMATION, evidence_targets, load_evidence, target_progress
from analysis.observations import (as_of, comparable, indicator_scopes, latest_observation,
                                   load_observations, scope_checks)
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import (as_html, format_rate, format_share, md_text,
                                       percentage_points)
from analysis.plan import Plan
from analysis.progress import assess
from analysis.references import plan_references
from analysis.targets import BODY_ORIGIN, catalogue, headline_targets_with_rates
from analysis.texts import ANNUAL, COMPLETION_LABELS, EVIDENCE_STATUS, STATUS_LABELS

JUDGED = ("on_track", "moderate_progress", "insufficient_progress")  # a pace to compare


@dataclass
class AnnualReport(Page):
    """Everything one year's report needs, loaded once."""

    report_year: int = 2025
    targets: pd.DataFrame = None
    observations: pd.DataFrame = None  # up to the report year, every scope: what the page lists
    used: pd.DataFrame = None  # of those, what is set against the targets (see `comparable`)
    references: pd.DataFrame = None
    assessment: pd.DataFrame = None
    evidence: pd.DataFrame = None

    body: pd.DataFrame = None  # the body text's targets with their progress, made once (see body_progress)

    def fields(self) -> dict:
        return {**super().fields(), "year": self.report_year, "count": len(self.targets),
                "title": self.plan.report_title(self.lang, self.report_year),
                "baselines": self.baselines_text()}

    def baselines_text(self) -> str:
        """The baseline year of the headline targets: "2020年", or "2020年，1项指标为2019年"
        where the table dates a baseline otherwise ("1.34(2019)")."""
        years = self.targets["baseline_year"].dropna().astype(int)
        main = int(years.mode().min()) if not years.empty else self.plan.baseline_year
        others = sorted(set(years) - {main})
        if not others:
            return self.text["baselines"].format(main=main)
        count = int((years != main).sum())
        return self.text["baselines_mixed"].format(
            main=main, others="、".join(map(str, others)) if self.lang == "zh" else
            ", ".join(map(str, others)),
            count=count if self.lang == "zh" else ("one of them" if count == 1 else f"{count} of them"))

    def summary(self) -> dict:
        """What the index shows of this report: status counts and the latest data year."""
        counts = self.assessment["status"].value_counts()
        return {"statuses": {s: int(counts[s]) for s in STATUS_LABELS if s in counts},
                "latest_data_year": self.latest_data_year()}

    def latest_data_year(self) -> int | None:
        return None if self.used.empty else int(self.used["year"].max())

    # --- pieces of cells and sentences ----------------------------------------------------------

    def supplier(self, indicator: str) -> str:
        suppliers = dict(zip(self.indicators["indicator_id"],
                             self.indicators.get(f"supplier_{self.lang}", pd.Series(dtype=str))))
        supplier = suppliers.get(indicator)
        return supplier if isinstance(supplier, str) and supplier else self.text["supplier_unknown"]

    def how_many(self, count: int) -> str | int:
        """A count in a sentence: the number in Chinese ("3项"); in English with its verb
        ("none has", "1 has", "3 have")."""
        if self.lang == "zh":
            return count
        return "none has" if count == 0 else f"{count} {'has' if count == 1 else 'have'}"

    def item(self, row: dict) -> str:
        """"高新技术企业（2024年994家）"."""
        return self.phrase("item_value", name=self.names()[row["indicator_id"]],
                           year=int(row["latest_year"]),
                           value=self.value_text(row["indicator_id"], row["latest_value"]))

    def rows(self, *statuses: str) -> list[dict]:
        frame = self.assessment
        return frame[frame["status"].isin(statuses)].to_dict("records")

    @staticmethod
    def pace(row: dict) -> str | None:
        """"ahead", "level" or "behind" 序时进度, where both shares are known."""
        progress, elapsed = row["progress_share"], row["elapsed_share"]
        if pd.isna(progress) or pd.isna(elapsed):
            return None
        points = round(100 * progress) - round(100 * elapsed)
        return "ahead" if points > 0 else "level" if points == 0 else "behind"

    def pace_text(self, row: dict) -> str:
        pace = self.pace(row)
        if pace is None:
            return "—"
        return self.phrase(pace, points=percentage_points(row["progress_share"], row["elapsed_share"]))

    # --- 一、总体情况 -----------------------------------------------------------------------------

    def status_strip(self) -> HTML:
        """Counts per status, coloured and with their symbols, and the data cut-off year."""
        counts = self.assessment["status"].value_counts()
        badges = [self.badge(status, f"{self.status_label(status)} {int(counts[status])}")
                  for status in STATUS_LABELS if status in counts]
        latest = self.latest_data_year()
        cutoff = (self.phrase("strip_cutoff", latest=latest) if latest is not None
                  else self.text["strip_no_data"])
        return HTML('<p class="status-strip">' + " ".join(badges)
                    + f' <span class="cutoff">{md_text(cutoff)}</span></p>')

    def overall(self) -> Markdown:
        """Five to eight sentences generated from the assessment."""
        frame, names = self.assessment, self.names()
        observed = frame[frame["latest_year"].notna()]
        missing = frame[frame["status"] == "insufficient_data"]
        sentences = [self.phrase("overall_observed", total=len(frame),
                                 observed=self.how_many(len(observed)),
                                 missing=self.how_many(len(missing)))]
        plan = self.plan
        elapsed = (self.report_year - plan.baseline_year) / (plan.end_year - plan.baseline_year)
        sentences.append(self.phrase("overall_ended") if elapsed >= 1 else
                         self.phrase("overall_elapsed", year=self.report_year,
                                     share=format_share(elapsed)))
        met = self.rows("target_met")
        sentences.append(self.phrase("overall_met", count=len(met),
                                     items=self.listing([self.item(r) for r in met]))
                         if met else self.phrase("overall_none_met"))
        judged = [r for r in self.rows(*JUDGED)]
        for pace, key in (("ahead", "overall_ahead"), ("behind", "overall_behind")):
            chosen = [r for r in judged if (self.pace(r) in ("ahead", "level")) == (pace == "ahead")
                      and self.pace(r) is not None]
            if chosen:
                sentences.append(self.phrase(key, count=len(chosen), items=self.listing(
                    [f"{names[r['indicator_id']]}（{self.pace_text(r)}）" if self.lang == "zh"
                     else f"{names[r['indicator_id']]} ({self.pace_text(r)})" for r in chosen])))
        away = self.rows("moving_away")
        if away:
            sentences.append(self.phrase("overall_away", count=len(away),
                                         items=self.listing([self.item(r) for r in away])))
        if not missing.empty:
            by_supplier = missing["indicator_id"].map(self.supplier).value_counts(sort=False)
            suppliers = self.listing([self.phrase("overall_supplier", supplier=s, count=int(n))
                                      for s, n in by_supplier.items()])
            sentences.append(self.phrase("overall_missing", count=len(missing), suppliers=suppliers))
        preliminary = frame[frame["preliminary"] & frame["latest_year"].notna()]
        if not preliminary.empty:
            sentences.append(self.phrase("overall_preliminary", count=len(preliminary)))
        unverified = frame[frame["scope_check"] == "unverified"]
        if not unverified.empty:
            sentences.append(self.phrase("overall_scope", count=len(unverified), items=self.listing(
                [self.item(r) for r in unverified.to_dict("records")])))
        relative = frame[(frame["status"] == "not_assessable") & (frame["target_kind"] == "relative")]
        if not relative.empty:
            sentences.append(self.phrase("overall_relative", count=len(relative), items=self.listing(
                [names[i] for i in relative["indicator_id"]])))
        body = self.body_progress()
        if not body.empty:
            informed = int((body["latest_year"].notna() | body["evidence_year"].notna()).sum())
            sentences.append(self.phrase("overall_body" if informed else "overall_body_none",
                                         total=len(body), informed=informed,
                                         rest=len(body) - informed))
        return Markdown(("" if self.lang == "zh" else " ").join(sentences))

    # --- 二、主要指标完成情况 ----------------------------------------------------------------------

    def status_cell(self, row: dict) -> str:
        """The verdict with its colour and symbol; who supplies missing data; 初步判断; where the
        compound verdict and 序时进度 disagree, both."""
        status = row["status"]
        if status == "insufficient_data":
            supplier = self.phrase("supplied_by", supplier=self.supplier(row["indicator_id"]))
            return self.badge(status, self.status_label(status)) + md_text(supplier)
        if status == "not_assessable" and row["target_kind"] == "relative":
            return self.badge(status, self.text["no_reference"])
        cell = self.badge(status, self.status_label(status, row["indicator_id"]))
        notes = []
        if row["preliminary"]:
            notes.append(self.text["preliminary"])
        pace = self.pace(row)
        if status == "on_track" and pace == "behind":
            notes.append(self.text["disagree_fast"])
        elif status in ("moderate_progress", "insufficient_progress") and pace in ("ahead", "level"):
            notes.append(self.text["disagree_slow"])
        if notes:
            joined = "；".join(notes) if self.lang == "zh" else "; ".join(notes)
            cell += html.escape(f"（{joined}）" if self.lang == "zh" else f" ({joined})")
        return cell

    def still_needed(self, row: dict) -> str:
        """The yearly change still needed from the latest value; none once the target is met.
        A share moves in percentage points (the compound rate beside it). A target below the
        latest value (one where lower is better) needs a fall: "年均需下降5.00%"."""
        rate = row["remaining_rate"]
        if row["status"] == "target_met" or pd.isna(rate):
            return "—"
        fall = "fall_" if rate < 0 else ""
        if self.measures()[row["indicator_id"]] == "share":
            points = (row["target_value"] - row["latest_value"]) / (row["target_year"] - row["latest_year"])
            return self.phrase(f"points_{fall}needed", points=f"{abs(points):.2f}",
                               rate=format_rate(abs(rate)))
        return self.phrase(f"{'fall' if fall else 'growth'}_needed", rate=format_rate(abs(rate)))

    def latest_cell(self, row: dict) -> str:
        """"994家（2024年）", or "994家（2024年，口径待核实）" where its scope is to be checked."""
        return self.dated_value(row["indicator_id"], row["latest_value"], row["latest_year"],
                                row["scope_check"])

    def status(self) -> pd.DataFrame:
        """The assessment: one row per headline indicator with its baseline, latest value,
        target, 完成进度, 序时进度, status, 完成情况 and the growth still needed (`show` gives the
        report's table)."""
        return self.data(self.assessment, "status")

    def show_status(self, frame: pd.DataFrame) -> list:
        return [self.main_table(frame)]

    def main_table(self, assessment: pd.DataFrame | None = None) -> HTML:
        """One row per headline indicator: 基期 → 最新实际值（年）→ 目标, 同年应达值, 完成进度 against
        序时进度, the verdict, the yearly change still needed."""
        names, columns = self.names(), self.columns
        assessment = self.assessment if assessment is None else assessment
        rows = assessment.to_dict("records")
        targets = self.targets.set_index("indicator_id")
        table = pd.DataFrame({
            columns["indicator"]: [names[r["indicator_id"]] for r in rows],
            columns["baseline"]: [self.dated(self.value_text(r["indicator_id"], r["baseline_value"]),
                                             r["baseline_year"]) for r in rows],
            columns["latest"]: [self.latest_cell(r) for r in rows],
            columns["target"]: [self.target_cell(targets.loc[r["indicator_id"]]) for r in rows],
            # at the value's year; at the report year where there is no value (the Method)
            columns["required_value"]: [self.value_text(r["indicator_id"], r["required_value"])
                                        for r in rows],
            columns["progress_share"]: [self.progress_cell(r) for r in rows],
            columns["elapsed_share"]: [self.elapsed_cell(r) for r in rows],
            columns["status"]: [self.status_cell(r) for r in rows],
            columns["remaining_rate"]: [self.still_needed(r) for r in rows],
        })
        self.offer("indicators", self.headline_frame(assessment))
        return as_html(table, markup=(columns["status"],))

    def target_cell(self, target: pd.Series) -> str:
        return self.target_text(target.name, target["target_kind"], target["target_value"],
                                target["target_text"])

    def progress_cell(self, row: dict) -> str:
        """完成进度; for a target already met, how far beyond it the value is, not "454%"."""
        if pd.isna(row["progress_share"]):
            return "—"
        if row["status"] == "target_met" and not pd.isna(row["completion_rate"]):
            # the value against the target, as a fact: above or below it, a share in points
            v, T = row["latest_value"], row["target_value"]
            if self.measures()[row["indicator_id"]] == "share":
                key = "beyond_points" if v >= T else "below_points"
                return self.text[key].format(points=f"{abs(v - T):.2f}")
            if T:  # (a target of zero, better lower, has no ratio to it)
                return self.text["of_target"].format(rate=f"{v / T:.0%}")
        return format_share(row["progress_share"])

    def elapsed_cell(self, row: dict) -> str:
        if pd.isna(row["elapsed_share"]):
            return "—"
        pace = "" if row["status"] == "target_met" else self.pace_text(row)
        share = format_share(row["elapsed_share"])
        if not pace or pace == "—":
            return share
        return f"{share}（{pace}）" if self.lang == "zh" else f"{share} ({pace})"

    def completion_rate_text(self, row: dict) -> str:
        rate = row["completion_rate"]
        if pd.isna(rate):
            return "—"
        if self.measures()[row["indicator_id"]] == "share":
            return self.signed_points(rate)
        return f"{rate:.0%}"

    def main_notes(self) -> list[Markdown]:
        return [self.say("main_note"), self.say("main_rules")]

    # --- 中期评估 / 终期评估 -----------------------------------------------------------------------

    def special_sections(self) -> list:
        """The mid-term view in the plan's mid-term year, the final evaluation in its last."""
        if self.report_year == self.plan.mid_term_year:
            return self.midterm()
        if self.report_year == self.plan.end_year:
            return self.final()
        return []

    def data_years(self) -> str:
        years = sorted({int(y) for y in self.assessment["latest_year"].dropna()})
        if not years:
            return "—"
        if self.lang == "zh":
            return "、".join(str(y) for y in years)
        words = [str(y) for y in years]  # "2023 and 2024", "2022, 2023 and 2024"
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"

    def midterm(self) -> list:
        frame = self.assessment
        paces = [self.pace(r) if r["status"] != "target_met" else "ahead" for r in frame.to_dict("records")]
        ahead = sum(p in ("ahead", "level") for p in paces)
        behind = sum(p == "behind" for p in paces)
        elapsed = (self.plan.mid_term_year - self.plan.baseline_year) / (
            self.plan.end_year - self.plan.baseline_year)
        return [self.heading("midterm_heading", level=3),
                self.say("midterm_note", elapsed=format_share(elapsed), years=self.data_years()),
                self.say("midterm_result", ahead=ahead, behind=behind,
                         missing=len(frame) - ahead - behind)]

    def final(self) -> list:
        frame, names, columns = self.assessment, self.names(), self.columns
        end = self.plan.end_year
        short = int((frame["latest_year"] != end).fillna(True).sum())
        none = int(frame["latest_year"].isna().sum())
        heading = (self.heading("final_heading", level=3) if short == 0 else
                   self.heading("final_heading_preliminary", level=3, years=self.data_years()))
        rows = frame.to_dict("records")
        targets = self.targets.set_index("indicator_id")
        table = pd.DataFrame({
            columns["indicator"]: [names[r["indicator_id"]] for r in rows],
            columns["final_value_stand_in" if short else "final_value"]:
                [self.latest_cell(r) for r in rows],
            columns["target"]: [self.target_cell(targets.loc[r["indicator_id"]]) for r in rows],
            columns["completion_rate"]: [self.completion_rate_text(r) for r in rows],
            columns["completion"]: [self.grade_text(r) for r in rows],
        })
        parts = [heading, self.say("final_note"), as_html(table)]
        if short and none == short:
            parts.append(self.say("final_missing_none", count=short))
        elif short and none:
            parts.append(self.say("final_missing_some", count=short, stand_in=short - none, none=none))
        elif short:
            parts.append(self.say("final_missing", count=short))
        return parts

    def grade_text(self, row: dict) -> str:
        """完成情况 in the final evaluation, marked 初步判断 where it rests on a value from before
        the plan's end year; the status where no grade applies."""
        if not isinstance(row["completion"], str):
            return self.status_label(row["status"], row["indicator_id"])
        grade = COMPLETION_LABELS[self.lang][row["completion"]]
        if row["latest_year"] != self.plan.end_year:
            grade = self.text["grade_preliminary"].format(grade=grade)
        return grade

    # --- 三、正文目标进展 --------------------------------------------------------------------------

    def body_targets(self) -> pd.DataFrame:
        """The plan period's targets of the body text for its end year, those repeating a
        headline indicator aside."""
        frame = catalogue(self.plan)
        headline = set(self.targets["indicator_id"])
        return frame[(frame["origin"] == BODY_ORIGIN) & (frame["plan_period"] == self.plan.period)
                     & (frame["target_year"] == self.plan.end_year)
                     & ~frame["indicator_id"].isin(headline)].reset_index(drop=True)

    def body_target_text(self, target: dict) -> str:
        """"省级以上重点实验室：3家" as the plan writes it; in English the name with the number
        in English units ("Key laboratories …: 3 labs", "… : 1–2 firms")."""
        name = target[f"name_{self.lang}"]
        if not target["target_text"]:
            return name
        if self.lang == "zh" or not target["indicator_id"] or pd.isna(target["target_value"]):
            text = self.target_wording(target["target_kind"], target["target_text"])
            return self.text["body_target"].format(name=name, target=text)
        indicator, kind, value = target["indicator_id"], target["target_kind"], target["target_value"]
        if kind == "range" and not pd.isna(target["target_upper"]):
            shown = self.value_text(indicator, target["target_upper"])
            shown = f"{self.number_text(indicator, value)}–{shown}"
        elif target["comparator"] == ">=":
            shown = self.words["or_more"].format(value=self.value_text(indicator, value))
        else:
            shown = self.target_text(indicator, "lower_bound" if target["comparator"] else "level",
                                     value, target["target_text"])
        return self.text["body_target"].format(name=name, target=shown)

    def body_progress(self) -> pd.DataFrame:
        """The body text's targets (those of 专栏2 aside), each with its verdict from the
        observations (status, latest value and year) and from the evidence records
        (evidence_status, evidence_year); `show` gives the report's table. (总体情况, 三 and 五
        read it: it is assessed once.)"""
        if self.body is None:
            targets = self.body_targets()
            verdicts = assess(targets, self.used, self.report_year, self.references)
            evidence = target_progress(evidence_targets(self.plan), self.evidence, self.report_year)
            evidence = evidence.set_index("target_id").reindex(targets["target_id"])
            self.body = targets.assign(
                status=list(verdicts["status"]), latest_value=list(verdicts["latest_value"]),
                latest_year=list(verdicts["latest_year"]),
                evidence_status=list(evidence["status"]),
                evidence_year=[None if pd.isna(y) else y for y in evidence["status_year"]])
        return self.data(self.body, "body")

    def show_body(self, frame: pd.DataFrame) -> list:
        table = self.offer("body_targets", self.body_table(frame))
        return [self.heading("body_heading"), self.say("body_note", count=len(table)),
                as_html(table)]

    def body_section(self) -> list:
        return self.show_body(self.body_progress())

    def body_table(self, progress: pd.DataFrame | None = None) -> pd.DataFrame:
        """The body text's targets with their progress, as the page shows them."""
        targets = self.body_progress() if progress is None else progress
        columns = self.columns
        cells = []
        for target in targets.to_dict("records"):
            # a value shows, with its verdict (暂不具备评价条件 where a target without a baseline
            # cannot be judged by it)
            if not pd.isna(target["latest_year"]):
                label = self.status_label(target["status"], target["indicator_id"])
                value = self.value_text(target["indicator_id"], target["latest_value"])
                cells.append(self.dated(f"{label}，{value}" if self.lang == "zh" else f"{label}, {value}",
                                        target["latest_year"]))
            elif target["evidence_year"] is not None and not pd.isna(target["evidence_year"]):
                cells.append(self.with_related(
                    self.dated(EVIDENCE_STATUS[self.lang][target["evidence_status"]],
                               target["evidence_year"]), target.get("related", "")))
            elif target["indicator_id"]:
                cells.append(self.phrase("no_data_from", supplier=self.supplier(target["indicator_id"])))
            else:
                cells.append(self.with_related(EVIDENCE_STATUS[self.lang][NO_INFORMATION],
                                               target.get("related", "")))
        return pd.DataFrame({
            columns["body_target"]: [self.body_target_text(t) for t in targets.to_dict("records")],
            columns["paragraph"]: self.sections(targets),
            columns["progress"]: cells,
        })

    def with_related(self, status: str, related: str) -> str:
        """A target judged by records alone, with the values of the indicators it names beside
        its status: "暂无信息；相关指标：高新技术企业数2020年380家，2024年994家（口径待核实）"
        (its baseline where it is a headline indicator)."""
        names, items = self.names(), []
        baselines = self.targets.set_index("indicator_id")
        for indicator in related.split():
            based = (indicator in baselines.index
                     and not pd.isna(baselines.at[indicator, "baseline_value"]))
            after = int(baselines.at[indicator, "baseline_year"]) if based else None
            latest = latest_observation(self.used, indicator, after, self.report_year)
            if latest is None:
                continue
            check = latest.get("scope_check", "")
            if based:
                base = baselines.loc[indicator]
                mark = self.text["related_mark"] if check == "unverified" else ""
                items.append(self.text["related_item_base"].format(
                    name=names[indicator], base_year=int(base["baseline_year"]),
                    base=self.value_text(indicator, base["baseline_value"]),
                    year=int(latest["year"]), value=self.value_text(indicator, latest["value"]),
                    mark=mark))
            else:
                items.append(self.text["related_item"].format(
                    name=names[indicator],
                    value=self.dated_value(indicator, latest["value"], latest["year"], check)))
        if not items:
            return status
        return self.text["related"].format(status=status, items=self.listing(items, long=True))

    # --- 四、需要关注的问题 / 五、数据缺口与责任单位 -------------------------------------------------

    def issues(self) -> list:
        names, items = self.names(), []
        scopes, scope_names = indicator_scopes(self.indicators), self.scope_names()
        for row in self.rows(*JUDGED):
            if self.pace(row) == "behind":
                items.append(self.phrase(
                    "issue_behind", name=names[row["indicator_id"]], year=int(row["latest_year"]),
                    progress=format_share(row["progress_share"]),
                    points=percentage_points(row["progress_share"], row["elapsed_share"]))
                    + self.value_note(row))
        for row in self.rows("moving_away"):  # below the baseline; above it where lower is better
            key = "issue_away" if row["latest_value"] < row["baseline_value"] else "issue_away_above"
            items.append(self.phrase(
                key, name=names[row["indicator_id"]], year=int(row["latest_year"]),
                value=self.value_text(row["indicator_id"], row["latest_value"]),
                baseline=self.value_text(row["indicator_id"], row["baseline_value"]))
                + self.value_note(row))
        for row in self.assessment[self.assessment["scope_check"] == "unverified"].to_dict("records"):
            items.append(self.phrase(
                "issue_scope", name=names[row["indicator_id"]], year=int(row["latest_year"]),
                value=self.value_text(row["indicator_id"], row["latest_value"]),
                scope=scope_names[scopes[row["indicator_id"]]]) + self.value_note(row))
        headline = set(self.targets["indicator_id"])
        checks = scope_checks(self.observations, self.indicators)
        for row, check in zip(self.observations.to_dict("records"), checks):
            if check == "differs" and row["indicator_id"] in headline:
                items.append(self.phrase(
                    "issue_scope_differs", name=names[row["indicator_id"]], year=int(row["year"]),
                    value=self.value_text(row["indicator_id"], row["value"]),
                    scope=scope_names.get(row["scope"], row["scope"])))
        targets = check_targets(self.plan)  # 专栏2's and the body text's numeric targets
        for check in data_checks(self.used, targets, self.indicators).to_dict("records"):
            items.append(md_text(describe(check, self.indicators, targets, self.lang)))
        missing = int((self.assessment["status"] == "insufficient_data").sum())
        if missing:
            items.append(self.phrase("issue_missing", count=missing))
        body = "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)) if items else self.text["issues_none"]
        return [self.heading("issues_heading"), Markdown(body)]

    def value_note(self, row: dict) -> str:
        """The note of the value a verdict rests on (a mid-year count, a preliminary figure …),
        in the page's language, as a sentence after the point it belongs to; none without one."""
        used = self.used[(self.used["indicator_id"] == row["indicator_id"])
                         & (self.used["year"] == int(row["latest_year"]))]
        note = self.notes(used).iloc[0].rstrip("。.") if not used.empty else ""
        return self.phrase("issue_value_note", note=note) if note else ""

    def missing_data(self) -> pd.DataFrame:
        """Per headline indicator with a gap: the years up to the report year without a value
        (a list), who supplies it, and where and when its values are published (待确认 where no
        document says); `show` gives the report's table."""
        rows = []
        for indicator in self.targets["indicator_id"]:
            have = set(self.used.loc[self.used["indicator_id"] == indicator, "year"])
            missing = [y for y in range(self.plan.start_year, self.report_year + 1) if y not in have]
            if missing:
                rows.append({"indicator_id": indicator, "missing_years": missing,
                             "supplier": self.supplier(indicator),
                             "source_release": self.source_release(indicator)})
        return self.data(pd.DataFrame(rows, columns=["indicator_id", "missing_years", "supplier",
                                                     "source_release"]), "gaps")

    def show_gaps(self, frame: pd.DataFrame) -> list:
        table = self.offer("gaps", self.gaps_table(frame))
        references = self.reference_gaps()
        reference = ([self.say("gaps_reference", items=self.listing(
            [self.names()[i] for i in references]))] if references else [])
        body = self.body_gaps()
        if table.empty:
            return [self.heading("gaps_heading"), self.say("gaps_none"), *reference, *body]
        return [self.heading("gaps_heading"), self.say("gaps_note"), as_html(table), *reference, *body]

    def body_gaps(self) -> list:
        """The body text's targets without anything to judge them by: those with a number and
        no value (with who supplies it, where known), and the count without a progress record."""
        body = self.body_progress()
        bare = body[body["latest_year"].isna() & body["evidence_year"].isna()]
        valued = bare[(bare["indicator_id"] != "") & bare["target_value"].notna()]
        parts = []
        if not valued.empty:
            by_supplier: dict[str, list[str]] = {}
            for row in valued.to_dict("records"):
                by_supplier.setdefault(self.supplier(row["indicator_id"]), []).append(
                    row[f"name_{self.lang}"])
            groups = [self.phrase("item_supplier", supplier=supplier,
                                  name=self.listing(names, long=True))
                      for supplier, names in by_supplier.items()]
            parts.append(self.say("gaps_body_values", count=len(valued),
                                  items=self.listing(groups, long=True)))
        if len(bare) > len(valued):
            parts.append(self.say("gaps_body_records", count=len(bare) - len(valued)))
        return parts

    def reference_gaps(self) -> list[str]:
        """The relative targets' indicators whose reference series (the other region's figures
        they are judged against) lacks what the judgement needs: its baseline year's value and
        one of a later year up to the report year."""
        references = self.references
        if references is None:
            references = pd.DataFrame(columns=["series_id", "year"])
        relative = self.targets[self.targets["target_kind"] == "relative"]
        gaps = []
        for target in relative.to_dict("records"):
            years = set(references.loc[(references["series_id"] == target["reference_series"])
                                       & (references["year"] <= self.report_year), "year"])
            baseline = int(target["baseline_year"])
            if baseline not in years or not any(year > baseline for year in years):
                gaps.append(target["indicator_id"])
        return gaps

    def gaps(self) -> list:
        return self.show_gaps(self.missing_data())

    def gaps_table(self, missing: pd.DataFrame | None = None) -> pd.DataFrame:
        """Per headline indicator: the years up to the report year without a value, who supplies
        it, and where and when its values are published."""
        names, columns = self.names(), self.columns
        missing = self.missing_data() if missing is None else missing
        shown = ["indicator", "missing_years", "supplier", "source_release"]
        return pd.DataFrame({columns["indicator"]: [names[i] for i in missing["indicator_id"]],
                             columns["missing_years"]: [self.year_ranges(list(y)) for y in missing["missing_years"]],
                             columns["supplier"]: list(missing["supplier"]),
                             columns["source_release"]: list(missing["source_release"])},
                            columns=[columns[key] for key in shown])

    def year_ranges(self, years: list[int]) -> str:
        """2021, 2022, 2023, 2025 → "2021—2023、2025年" ("2021–2023, 2025")."""
        runs, start = [], years[0]
        for previous, year in zip(years, years[1:] + [None]):
            if year != previous + 1 if year is not None else True:
                runs.append(str(start) if start == previous else
                            f"{start}—{previous}" if self.lang == "zh" else f"{start}–{previous}")
                start = year
        return self.text["years"].format(years=self.listing(runs))

    # --- 附 ----------------------------------------------------------------------------------

    def yearly_status(self) -> pd.DataFrame:
        """Every indicator's verdict in each year's report up to this one, with the year of the
        value each rests on; `show` gives the report's grid."""
        return self.data(pd.concat([
            assess(self.targets, self.used, year, self.references)[
                ["indicator_id", "status", "latest_year"]].assign(year=year)
            for year in range(self.plan.start_year, self.report_year + 1)]), "yearly")

    def dashboard(self) -> list:
        """The grid of every indicator's verdict in each year's report up to this one, with the
        year of the value each rests on."""
        return self.show_yearly(self.yearly_status())

    def show_yearly(self, frame: pd.DataFrame) -> list:
        """The grid of the indicators and years the frame holds (a grid has every cell, so a
        frame filtered by status shows its indicators' rows whole)."""
        yearly = self.drawable(frame, "yearly").copy()
        if len(yearly) != yearly["indicator_id"].nunique() * yearly["year"].nunique():
            full = self.yearly_status()
            yearly = full[full["indicator_id"].isin(set(frame["indicator_id"]))
                          & full["year"].isin(set(frame["year"]))].copy()
        yearly["text"] = [self.status_label(s, i) + ("" if pd.isna(y) else f"\n({int(y)})")
                          for s, y, i in zip(yearly["status"], yearly["latest_year"],
                                             yearly["indicator_id"])]
        labels = {status: self.status_label(status) for status in STATUS_LABELS}
        return [self.heading("grid_heading"),
                self.chart(status_grid, (yearly, labels, self.names()), "dashboard_alt"),
                self.say("grid_note")]

    def observed(self) -> pd.DataFrame:
        """The observed values up to the report year, every scope, with their sources."""
        return self.data(self.observations, "observations")

    def show_observations(self, frame: pd.DataFrame) -> list:
        return [self.heading("observations_heading"), self.observations_table(frame)]

    def observations_table(self, observations: pd.DataFrame | None = None) -> HTML | Markdown:
        observations = self.observations if observations is None else observations
        self.offer("sources", self.sources_frame(observations))
        if observations.empty:
            return self.say("no_observations")
        return self.observation_table(observations)

    def chart_amounts(self, target: dict, values: pd.DataFrame, units: dict) -> tuple:
        """The trajectory chart's arguments; on an English page an amount in CNY bn, as its
        tables write it (31.6亿元 → CNY 3.16 bn), not in "100 million yuan"."""
        indicator = target["indicator_id"]
        amount = self._english_amount(indicator)
        if not amount:
            return (target, values, self.report_year, self.lang, units[indicator])
        factor = amount[1]
        scaled = {**target, **{key: target[key] * factor for key in
                               ("baseline_value", "target_value", "target_upper")
                               if key in target and not pd.isna(target[key])}}
        return (scaled, values.assign(value=values["value"] * factor), self.report_year,
                self.lang, self.unit_text(indicator))

    def indicator_sections(self) -> Iterator[list]:
        """Per indicator: heading, verdict with the change still needed, chart, its values."""
        names, units = self.names(), self.units()
        verdicts = self.assessment.set_index("indicator_id")
        for target in self.targets.to_dict("records"):
            indicator = target["indicator_id"]
            verdict = verdicts.loc[indicator]
            parts = [Markdown(f"### {md_text(names[indicator])}")]
            needed = self.still_needed({**verdict.to_dict(), "indicator_id": indicator})
            remaining = "" if needed == "—" else self.phrase("remaining", needed=needed)
            parts.append(Markdown(self.text["indicator_status"].format(
                status=md_text(self.status_label(verdict["status"], indicator)),
                remaining=remaining)))
            if math.isnan(target["target_value"]):
                wording = self.target_wording(target["target_kind"], target["target_text"])
                parts.append(self.say("no_target", target=wording))
            # The chart's own values (not where in which file they stood), so that another
            # indicator's new value leaves this chart as it was.
            values = self.used.loc[self.used["indicator_id"] == indicator,
                                   ["indicator_id", "year", "value"]].reset_index(drop=True)
            parts.append(self.chart(trajectory_chart, self.chart_amounts(target, values, units),
                                    "chart_alt", name=names[indicator]))
            mine = self.observations[self.observations["indicator_id"] == indicator]
            if not mine.empty:
                parts.append(self.observation_table(mine, with_name=False))
            yield parts

    # --- downloads ---------------------------------------------------------------------------

    def headline_frame(self, assessment: pd.DataFrame | None = None) -> pd.DataFrame:
        """The headline table with numbers as numbers and units in the header, as the download
        gives it: every value the page shows, to four decimals (percentages to two)."""
        words = self.download_words
        frame = self.assessment if assessment is None else assessment
        names, kinds = self.names(), self.measures()
        shares = frame["indicator_id"].map(kinds) == "share"
        targets = self.targets.set_index("indicator_id")

        def rounded(series, digits=4, scale=1.0):
            return (pd.to_numeric(series, errors="coerce") * scale).round(digits)

        grades = COMPLETION_LABELS[self.lang]
        return pd.DataFrame({
            words["indicator_id"]: frame["indicator_id"],
            words["indicator"]: frame["indicator_id"].map(names),
            words["unit"]: frame["indicator_id"].map(self.units()),  # the values' own unit
            words["baseline_year"]: frame["baseline_year"],
            words["baseline_value"]: rounded(frame["baseline_value"]),
            words["target_year"]: frame["target_year"],
            words["target_value"]: rounded(frame["target_value"]),
            # the plan's words; an English download glosses the one written in Chinese
            words["target_text"]: [targets.loc[i, "target_text"] if self.lang == "zh" else
                                   self.target_wording(targets.loc[i, "target_kind"],
                                                       targets.loc[i, "target_text"])
                                   for i in frame["indicator_id"]],
            words["latest_year"]: frame["latest_year"],
            words["latest_value"]: rounded(frame["latest_value"]),
            words["scope_check"]: [self.words["scope_unverified"] if c == "unverified" else ""
                                   for c in frame["scope_check"]],
            words["required_value"]: self.download_values(frame["indicator_id"],
                                                          frame["required_value"]),
            words["progress_share"]: rounded(frame["progress_share"], 2, 100),
            words["elapsed_share"]: rounded(frame["elapsed_share"], 2, 100),
            words["progress_ratio"]: rounded(frame["progress_ratio"]),
            words["status"]: frame["status"].map(self.status_label),
            words["preliminary"]: [self.words["yes"] if p and not pd.isna(y) else ""
                                   for p, y in zip(frame["preliminary"], frame["latest_year"])],
            words["completion"]: [grades[c] if isinstance(c, str) else "" for c in frame["completion"]],
            words["completion_rate"]: rounded(frame["completion_rate"].where(~shares), 2, 100),
            words["gap_points"]: rounded(frame["completion_rate"].where(shares), 2),
            words["remaining_rate"]: rounded(frame["remaining_rate"].where(frame["status"] != "target_met"), 2, 100),
        })

    def downloads(self):
        """The tables this page showed, for download, and its summary for the index."""
        return super().downloads(summary=self.summary())

    def colophon(self) -> Markdown:
        return super().colophon(self.observations)


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
        # The files given stand for the whole folder: the evidence in them too (a returned
        # request workbook has both sheets).
        evidence=load_evidence(observation_files or None, plan=plan),
    )
