"""方法与口径说明: what every indicator means and on which 统计口径, every formula, the status
thresholds and where they come from, the final evaluation's grades, how each kind of target is
handled, the series breaks, and the scenario pages' technical parameters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from IPython.display import Markdown

from analysis.checks import JUMP_FACTOR
from analysis.observations import UNSTATED, indicator_scopes
from analysis.pages.base import Page, page_context
from analysis.pages.formatting import as_html
from analysis.plan import Plan, directions, series_notes
from analysis.progress import EXCEEDED_MARGIN, MODERATE, NEARLY_MET, ON_TRACK
from analysis.scenarios import EXPLORER_DRAWS, SCENARIO_DEFAULTS
from analysis.targets import headline_targets
from analysis.texts import METHODS, STATUS_LABELS

@dataclass
class MethodsPage(Page):
    """The methods page of a plan, in one language."""

    notes: pd.DataFrame = None  # on series breaks and revisions

    def fields(self) -> dict:
        count = (lambda n: n) if self.lang == "zh" else (lambda n: f"{n:,}")  # 2000; 2,000
        return {**super().fields(), "on_track": f"{ON_TRACK:.2f}", "moderate": f"{MODERATE:.2f}",
                "margin": f"{EXCEEDED_MARGIN:.0%}", "nearly": f"{NEARLY_MET:.0%}",
                "volatility": f"{SCENARIO_DEFAULTS['volatility']:.0%}",
                "draws": count(SCENARIO_DEFAULTS["draws"]), "seed": SCENARIO_DEFAULTS["seed"],
                "explorer_draws": count(EXPLORER_DRAWS), "jump_factor": JUMP_FACTOR}

    def indicator_definitions(self) -> pd.DataFrame:
        """Per headline indicator, as the catalogue gives them in the page's language: name,
        definition, unit, 统计口径 (and the plan's words for it), who supplies it (empty where
        not known), where and when its values are published (待确认 where not known); `show`
        gives the report's table."""
        lang = self.lang
        headline = list(headline_targets(plan=self.plan)["indicator_id"])
        meta = self.indicators.set_index("indicator_id").loc[headline]
        scopes = indicator_scopes(self.indicators)

        def column(name: str) -> list[str]:
            if name not in meta:
                return [""] * len(meta)
            return [value if isinstance(value, str) else "" for value in meta[name]]

        # An amount reads in CNY bn on an English page, in the plan's 亿元 in its downloads.
        units = [self.text["amount_unit"].format(shown=self.unit_text(i), unit=u)
                 if self.amount_format(z) else u
                 for i, u, z in zip(headline, column(f"unit_{lang}"), column("unit_zh"))]
        return self.data(pd.DataFrame({
            "indicator_id": headline, "name": column(f"name_{lang}"),
            "definition": column(f"definition_{lang}"), "unit": units,
            "scope": [scopes[i] for i in headline], "scope_quote": column("scope_quote"),
            "scope_quote_en": column("scope_quote_en"),
            "supplier": column(f"supplier_{lang}"),
            "source_release": [self.source_release(i) for i in headline]}), "definitions")

    def definitions(self) -> list:
        return self.show_definitions(self.indicator_definitions())

    def show_definitions(self, frame: pd.DataFrame) -> list:
        """Per headline indicator: its definition, unit, 统计口径 with the plan's words for it,
        and who supplies it."""
        columns, text, scope_names = self.columns, self.text, self.scope_names()

        def cell(name: str) -> list[str]:
            return [value or "—" for value in frame[name]]

        table = pd.DataFrame({
            columns["indicator"]: cell("name"),
            columns["definition"]: cell("definition"),
            columns["unit"]: cell("unit"),
            columns["scope"]: [(text["scope_unstated"] if s == UNSTATED else scope_names[s])
                               + ("" if not q else text["scope_quote"].format(quote=self.glossed(q, g)))
                               for s, q, g in zip(frame["scope"], frame["scope_quote"],
                                                  frame.get("scope_quote_en", [""] * len(frame)))],
            columns["supplier"]: [s or text["unconfirmed"] for s in frame["supplier"]],
            columns["source_release"]: list(frame["source_release"]),
        })
        words = self.download_words
        self.offer("definitions", table.set_axis([words["indicator"], words["definition"], words["unit"],
                                                  words["scope"], words["supplier"],
                                                  words["source_release"]], axis=1))
        return [self.heading("definitions_heading"), self.say("definitions_note"), as_html(table)]

    def glossed(self, quote: str, gloss: str) -> str:
        """The plan's words; on an English page with their gloss where the catalogue has one."""
        if self.lang == "en" and gloss:
            return self.words["glossed"].format(text=quote, gloss=gloss)
        return f"“{quote}”"

    def formulas(self) -> list:
        return [self.heading("formulas_heading"),
                self.say("formulas", direction_note=self.direction_note())]

    def direction_note(self) -> str:
        """Which way is better: one sentence where every indicator is better higher, else the
        ones better lower, with how their targets are judged."""
        names = self.names()
        lower = [names[i] for i, better in directions(self.indicators).items()
                 if better == "lower" and i in names]
        if not lower:
            return self.phrase("direction_all_higher")
        return self.phrase("direction_lower", names=self.listing(lower))

    def statuses(self) -> list:
        """Each status with its symbol, colour and condition; where the cut-offs come from."""
        cells = [self.badge(s, STATUS_LABELS[s][self.lang]) for s in STATUS_LABELS]
        table = pd.DataFrame({self.columns["status"]: cells,
                              self.columns["condition"]: [self.phrase(f"rule_{s}")
                                                          for s in STATUS_LABELS]})
        return [self.heading("status_heading"), as_html(table, markup=(self.columns["status"],)),
                self.say("status_origin")]

    def grades(self) -> list:
        return [self.heading("grades_heading"), self.say("grades")]

    def kinds(self) -> list:
        return [self.heading("kinds_heading"), self.say("kinds")]

    def scopes(self) -> list:
        return [self.heading("scope_heading"), self.say("scope_rules")]

    def series_breaks(self) -> list:
        """Breaks and revisions in the series, each with the document that states it."""
        notes = self.notes
        if notes.empty:
            return [self.heading("breaks_heading"), self.say("breaks_none")]
        names = self.names()
        items = [self.phrase("break_item", name=names.get(row["indicator_id"], row["indicator_id"]),
                             note=row[f"note_{self.lang}"], source=row[f"source_{self.lang}"])
                 for row in notes.to_dict("records")]
        return [self.heading("breaks_heading"), Markdown("\n".join(f"- {item}" for item in items))]

    def scenarios(self) -> list:
        return [self.heading("scenarios_heading"), self.say("scenarios")]


def methods(lang: str = "zh", plan: Plan | str | None = None) -> MethodsPage:
    context = page_context(lang, plan)
    return MethodsPage(**context, texts=METHODS, notes=series_notes(context["plan"]))
