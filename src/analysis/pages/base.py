"""The base of every page: its language, its plan, its words, and the plotting style set."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
from IPython.display import HTML, SVG, Markdown
from matplotlib.figure import Figure

from analysis.charts import chart_svg, use_report_style
from analysis.downloads import tables_output
from analysis.labels import (ENGLISH_AMOUNTS, STATUS_COLOURS, STATUS_INK, STATUS_SYMBOLS,
                             check_language, indicator_names, indicator_units, source_releases,
                             status_label)
from analysis.digests import frame_digest
from analysis.observations import comparable, scope_checks
from analysis.pages.formatting import (Safe, as_html, escaped, format_number_text, format_rate,
                                       format_value, md_text, with_minus, with_unit)
from analysis.plan import Plan, directions, load_indicators, load_plan, previous_plan
from analysis.texts import ANNUAL, COLUMNS, DOWNLOADS, SCOPE_NAMES, WORDS
from analysis.trajectories import meets


@dataclass
class Page:
    """A notebook's page in one language: its words, and the plan's indicators to name."""

    lang: str
    plan: Plan
    indicators: pd.DataFrame
    texts: dict = field(repr=False)
    offered: dict = field(default_factory=dict, repr=False)  # key → (title, frame) to download

    @property
    def text(self) -> dict:
        return self.texts[self.lang]

    @property
    def columns(self) -> dict:
        fields = self.fields()  # once, not once per column name (an annual page's are not cheap)
        return {key: name.format(**fields) for key, name in COLUMNS[self.lang].items()}

    def fields(self) -> dict:
        """What any sentence may name: the plan's title, years and headline table."""
        plan = self.plan
        return {"plan": self.plan_title, "start_year": plan.start_year, "end_year": plan.end_year,
                "baseline_year": plan.baseline_year, "mid_term_year": plan.mid_term_year,
                "table": self.table_name(next(t for t in plan.tables if t["plan_period"] == plan.period)),
                "period": plan.period_name(plan.period, self.lang),
                "region": plan.reference_region.get(self.lang, ""),
                "scope_note": plan.scope_note.get(self.lang, ""), **self.previous_fields()}

    def scope_names(self) -> dict[str, str]:
        """市级, 全市, 未说明 as this page names them: the plan's own names for its place where
        plan.toml gives them ("Cixi proper (市级, …)"), else the generic ones."""
        return {**SCOPE_NAMES[self.lang], **self.plan.scope_names.get(self.lang, {})}

    def previous_fields(self) -> dict:
        """The previous plan as the pages name it: its period, its table, its first and last
        years (from the table's baseline and target columns); empty where the plan has none."""
        plan = self.plan
        previous = previous_plan(plan)
        if previous is not None:  # reviewed from its own targets and the observations
            table = next(t for t in previous.tables if t["plan_period"] == previous.period)
            title = previous.title_zh if self.lang == "zh" else previous.title_en
            return {"previous": plan.period_name(plan.previous_period, self.lang),
                    "previous_table": self.words["table_of_plan"].format(
                        title=title, table=self.table_name(table)),
                    "previous_start": previous.baseline_year, "previous_end": previous.end_year}
        table = next((t for t in plan.tables if t["plan_period"] == plan.previous_period), None)
        if table is None:
            return {"previous": "", "previous_table": "", "previous_start": "", "previous_end": ""}
        years = {column["role"]: column.get("year") for column in table["columns"]}
        return {"previous": plan.period_name(plan.previous_period, self.lang),
                "previous_table": self.table_name(table),
                "previous_start": years.get("baseline", ""), "previous_end": years.get("target", "")}

    def word(self, key: str) -> str:
        """A word of WORDS with the plan's fields in it ("“十三五”速度")."""
        return self.words[key].format(**self.fields())

    def table_name(self, table: dict) -> str:
        """A table of the plan as the page names it: "专栏2", or "Box 2 (专栏2)" in English where
        plan.toml gives the table a `heading_en`."""
        if self.lang == "zh" or not table.get("heading_en"):
            return table["heading"]
        return f"{table['heading_en']} ({table['heading']})"

    def phrase(self, key: str, **values) -> Safe:
        """A sentence of this page, with the plan's fields and the given values (escaped, unless
        Safe already: another sentence) in it."""
        return Safe(self.text[key].format(**{**self.fields(), **escaped(**values)}))

    @property
    def words(self) -> dict:
        return WORDS[self.lang]

    @property
    def plan_title(self) -> str:
        return self.plan.title_zh if self.lang == "zh" else self.plan.title_en

    def listing(self, items: list[str], long: bool = False) -> Safe:
        """Items in a sentence, "、" or "; " between them (each escaped once); `long` items,
        which may hold "、" of their own (市级以上众创空间、孵化器), take "；"."""
        between = ("；" if long else "、") if self.lang == "zh" else "; "
        return Safe(between.join(md_text(item) for item in items))

    def say(self, key: str, **values) -> Markdown:
        return Markdown(self.phrase(key, **values))

    def heading(self, key: str, level: int = 2, **values) -> Markdown:
        return Markdown("#" * level + " " + self.phrase(key, **values))

    def names(self) -> dict[str, str]:
        return indicator_names(self.indicators, self.lang)

    def units(self) -> dict[str, str]:
        return indicator_units(self.indicators, self.lang)

    def measures(self) -> dict[str, str]:
        """Indicator id → its measure: count, share, amount, rate."""
        return dict(zip(self.indicators["indicator_id"], self.indicators["measure"]))

    def reaches(self, indicator: str, value: float, target: float) -> str:
        """是 / 否 (yes / no): whether the value meets the target, the better way being the
        indicator's direction."""
        better = directions(self.indicators).get(indicator, "higher")
        return self.words["yes" if meets(value, target, better) else "no"]

    def _english_amount(self, indicator: str) -> tuple[str, float] | None:
        return self.amount_format(dict(zip(self.indicators["indicator_id"],
                                           self.indicators["unit_zh"])).get(indicator, ""))

    def amount_format(self, unit_zh: str) -> tuple[str, float] | None:
        """How an English page writes an amount in this Chinese unit ("CNY {number} bn", and
        the factor to it), or None: the Chinese page, or a unit that is no amount."""
        return ENGLISH_AMOUNTS.get(unit_zh) if self.lang == "en" else None

    def signed_points(self, points: float) -> str:
        """"+0.40个百分点", "−1.50 percentage points": a share's change or distance."""
        return self.words["points_signed"].format(sign="+" if points >= 0 else "−",
                                                  points=f"{abs(points):.2f}")

    def number_text(self, indicator: str, value: float) -> str:
        """The number alone as its measure reads: a count whole, else at most two decimals; an
        English page's amount in CNY bn, and its counts with thousands separators (3,700 firms;
        Chinese tables have none: 3700家)."""
        if pd.isna(value):
            return "—"
        amount = self._english_amount(indicator)
        if amount:
            return format_number_text(value * amount[1], keep_one=True)
        if self.lang == "en" and self.measures()[indicator] == "count":
            return f"{value:,.0f}"
        return format_value(value, self.measures()[indicator])

    def unit_text(self, indicator: str) -> str:
        """The unit a table column names: "家", "firms", "CNY bn"."""
        amount = self._english_amount(indicator)
        return amount[0].format(number="").strip().replace("  ", " ") if amount else self.units()[indicator]

    def value_text(self, indicator: str, value: float) -> str:
        """"994家", "3.2%", "994 firms", "CNY 5.0 bn": a value with its unit."""
        if pd.isna(value):
            return "—"
        amount = self._english_amount(indicator)
        if amount:
            return amount[0].format(number=self.number_text(indicator, value))
        return with_unit(self.number_text(indicator, value), self.units()[indicator])

    def change_text(self, indicator: str, change: float) -> str:
        """A yearly change with its sign: "+76家", "+0.10个百分点" (a share moves in points)."""
        if pd.isna(change):
            return "—"
        if self.measures()[indicator] == "share":
            return self.signed_points(change)
        return ("+" if change >= 0 else "−") + self.value_text(indicator, abs(change))

    def source_release(self, indicator: str) -> str:
        """Where the indicator's values are published and when; 待确认 where no document says."""
        return source_releases(self.indicators, self.lang).get(indicator, self.words["to_confirm"])

    def dated(self, text: str, year) -> str:
        """"994家（2024年）", "994 firms (2024)"; a dash without a value or a year."""
        if text == "—" or pd.isna(year):
            return "—"
        return self.words["dated"].format(text=text, year=int(year))

    def dated_value(self, indicator: str, value, year, scope_check: str = "") -> str:
        """"994家（2024年）", marked in the same brackets where its scope is to be checked:
        "994家（2024年，口径待核实）"."""
        text = self.value_text(indicator, value)
        if scope_check == "unverified" and text != "—" and not pd.isna(year):
            return self.words["dated_marked"].format(text=text, year=int(year),
                                                     mark=self.words["scope_unverified"])
        return self.dated(text, year)

    def download_values(self, indicators, values, digits: int = 4) -> list:
        """Computed values for a download: a count whole (662家 on the path, not 661.6184),
        anything else to `digits` decimals; numbers stay numbers."""
        kinds = self.measures()
        return [value if pd.isna(value) else round(float(value), 0 if kinds[i] == "count" else digits)
                for i, value in zip(indicators, values)]

    def estimate_number(self, indicator: str, value: float) -> str:
        """A computed value (a path, a projection, a quantile) with the same decimals down its
        column (WORDING.md): a count whole, anything else to two decimals ("86.10", not "86.1"
        beside "74.94"); an English page's amount in CNY bn."""
        if self.measures()[indicator] == "count" or pd.isna(value):
            return self.number_text(indicator, value)
        amount = self._english_amount(indicator)
        return with_minus(f"{value * (amount[1] if amount else 1):.2f}")

    def estimate_text(self, indicator: str, value: float) -> str:
        """estimate_number with its unit: "86.10%", "249.10人年", "CNY 5.02 bn", "1,289 firms"."""
        if self.measures()[indicator] == "count" or pd.isna(value):
            return self.value_text(indicator, value)
        amount = self._english_amount(indicator)
        number = self.estimate_number(indicator, value)
        return amount[0].format(number=number) if amount else with_unit(number, self.units()[indicator])

    def yearly_change_text(self, indicator: str, rate: float, start: float, end: float,
                           years: float) -> str:
        """A yearly pace as the indicator moves: a share in 百分点 a year ("6.19个百分点", from
        `start` to `end` over `years`), anything else as its compound rate ("27.68%")."""
        if self.measures()[indicator] == "share":
            if pd.isna(start) or pd.isna(end) or not years:
                return "—"
            return self.words["points"].format(points=with_minus(f"{(end - start) / years:.2f}"))
        return format_rate(rate)

    def chance_text(self, probability: float) -> str:
        """A simulated probability as a whole percentage, never as a certainty: "99%以上" rather
        than 100% (or 99.6%), "不足1%" rather than 0%."""
        shown = f"{probability:.0%}"
        if shown == "100%":
            return self.words["chance_high"]
        if shown == "0%":
            return self.words["chance_low"]
        return shown

    def target_text(self, indicator: str, kind: str, value: float, text: str) -> str:
        """"3.7%", "70%以上", or the plan's words (a relative target's, translated in English)."""
        if kind in ("level", "lower_bound") and not pd.isna(value):
            shown = self.value_text(indicator, value)
            return shown if kind == "level" else self.words["at_least"].format(value=shown)
        return self.target_wording(kind, text)

    def sections(self, frame: pd.DataFrame) -> list[str]:
        """Where in the plan each target stands: its table or paragraph, glossed in English
        where the catalogue gives the English ("1. Build … (1.加强…)")."""
        if self.lang == "zh" or "section_en" not in frame:
            return list(frame["section"])
        return [f"{en} ({zh})" if en else zh for zh, en in zip(frame["section"], frame["section_en"])]

    def chart(self, draw: Callable[..., Figure], args: tuple, alt_key: str, **values) -> SVG:
        """The figure draw(*args) as inline SVG (text as text) with alternative text in the
        page's language; read back from the renderer's chart cache where its inputs are unchanged."""
        alt = self.text[alt_key].format(**{**self.fields(), **values})  # escaped by the template
        return SVG(data=chart_svg(draw, args, salt=alt), metadata={"alt": alt})

    def chart_grid(self, draw: Callable[..., Figure], charts: list[tuple[str, tuple]],
                   alt_key: str, **values) -> HTML:
        """One chart per indicator, (indicator id, the arguments of draw) each, set in a grid:
        one column on a phone, several on a desktop. Each chart is its own inline SVG with its
        own alternative text ("… ：高新技术企业数"), read back from the chart cache where its
        own inputs did not change."""
        alt = self.text[alt_key].format(**{**self.fields(), **values})
        names, figures = self.names(), []
        for indicator, args in charts:
            label = self.words["chart_of"].format(chart=alt, name=names[indicator])
            figures.append(f'<figure role="img" aria-label="{html.escape(label)}">'
                           f"{chart_svg(draw, args, salt=label)}</figure>")
        return HTML(f'<div class="chart-grid">{"".join(figures)}</div>')

    def observation_table(self, observations: pd.DataFrame, with_name: bool = True) -> HTML:
        """Observed values with their units, sources and 统计口径, marked where the scope
        differs from the plan's (never set against the target) or is to be checked."""
        columns, names, words = self.columns, self.names(), self.words
        scope_names = self.scope_names()
        scopes = [words["scope_marked"].format(scope=scope_names[scope], mark=mark)
                  if mark else scope_names[scope]
                  for scope, mark in zip(observations["scope"], self.scope_marks(observations))]
        notes = self.notes(observations)
        table = pd.DataFrame({
            columns["indicator"]: observations["indicator_id"].map(names),
            columns["year"]: observations["year"].astype(str),
            columns["value"]: [self.value_text(indicator, value) for value, indicator
                               in zip(observations["value"], observations["indicator_id"])],
            columns["scope"]: scopes,
            columns["source"]: self.sources(observations),
            columns["note"]: notes,
        })
        return as_html(table if with_name else table.drop(columns=[columns["indicator"]]))

    def colophon(self, observations: pd.DataFrame | None = None) -> Markdown:
        """The page's last line: who compiled it (plan.toml) and from what, the plan text's
        version and, on a page that reads observed values, the latest year of those it compares
        (数据截至) and their version. No clock time, so a render is byte-identical; a page that
        reads no values names none, and so does not change when one is added."""
        compiler = self.plan.compiled_by_zh if self.lang == "zh" else self.plan.compiled_by_en
        values = {"compiler": compiler or "—", "plan_version": self.plan.text_sha256[:8]}
        if observations is None:
            line = self.words["colophon_plan"].format(**escaped(**values))
        else:
            used = comparable(observations, self.indicators)
            cutoff = (self.words["cutoff_none"] if used.empty
                      else self.words["cutoff_year"].format(year=int(used["year"].max())))
            line = self.words["colophon"].format(**escaped(
                **values, cutoff=cutoff, data_version=frame_digest(observations)[:8]))
        return Markdown(f"---\n\n<small>{line}</small>")

    # --- the tables behind the page, for an analyst in JupyterLab -----------------------------

    def data(self, frame: pd.DataFrame, view: str) -> pd.DataFrame:
        """A copy of one of the page's tidy tables (numbers as numbers, ids as ids), marked with
        the view that shows it as the report does: `show(frame)` calls `show_<view>(frame)`."""
        frame = frame.copy()
        frame.attrs["view"] = view
        return frame

    @staticmethod
    def drawable(frame: pd.DataFrame, view: str) -> pd.DataFrame:
        """The frame, refused where it has no rows for a chart to draw."""
        if frame.empty:
            raise ValueError(f"show(): the {view} table has no rows left to draw")
        return frame

    def views(self) -> list[str]:
        return sorted(name[len("show_"):] for name in dir(type(self)) if name.startswith("show_"))

    def show(self, frame: pd.DataFrame) -> None:
        """Display a table this page returned as the report shows it, for the rows it holds:
        sorted or filtered in a notebook (pandas keeps the mark), it shows just those."""
        from IPython.display import display

        view = frame.attrs.get("view") if isinstance(frame, pd.DataFrame) else None
        if view not in self.views():
            raise ValueError(f"show() takes a table this page returned ({', '.join(self.views())}); "
                             f"this one carries no view of this page ({view!r})")
        display(*getattr(self, f"show_{view}")(frame))

    @property
    def download_words(self) -> dict:
        return DOWNLOADS[self.lang]

    def offer(self, key: str, frame: pd.DataFrame) -> pd.DataFrame:
        """Offer a table for download (numbers as numbers, units in the header) under the title
        DOWNLOADS[lang][key + "_title"]; the page's last cell hands them over (`downloads`)."""
        self.offered[key] = (self.download_words[f"{key}_title"], frame)
        return frame

    def downloads(self, summary: dict | None = None):
        """The tables offered so far, as one output the renderer writes beside the page (with
        the summary the index shows, for a page that has one)."""
        return tables_output([(key, title, frame) for key, (title, frame) in self.offered.items()],
                             summary=summary)

    def scope_marks(self, observations: pd.DataFrame) -> list[str]:
        """Per value: 口径不同，不参与评价, 口径待核实, or nothing where its scope is the plan's."""
        marks = {"same": "", "differs": self.words["scope_differs"],
                 "unverified": self.words["scope_unverified"]}
        return [marks[check] for check in scope_checks(observations, self.indicators)]

    def notes(self, observations: pd.DataFrame) -> pd.Series:
        """The values' notes in the page's language: an English page gives the English note
        where there is one."""
        if self.lang == "zh":
            return observations["note"]
        return observations["note_en"].where(observations["note_en"] != "", observations["note"])

    def sources(self, observations: pd.DataFrame) -> pd.Series:
        """The values' sources as the page shows them: the document and its words as the file
        gives them, and on an English page their English gloss after them, where there is one."""
        source = observations["source"]
        if self.lang == "zh" or "source_en" not in observations:
            return source
        gloss = observations["source_en"]
        return source.where(gloss == "", source + " (" + gloss + ")")

    def sources_frame(self, observations: pd.DataFrame) -> pd.DataFrame:
        """Values with their units, 统计口径 and sources, as a download gives them (on an English
        page, the sources' English glosses beside them)."""
        words, frame, scope_names = self.download_words, observations, self.scope_names()
        glosses = ({words["source_en"]: frame["source_en"]}
                   if self.lang == "en" and "source_en" in frame else {})
        return pd.DataFrame({
            words["indicator_id"]: frame["indicator_id"],
            words["indicator"]: frame["indicator_id"].map(self.names()),
            words["year"]: frame["year"],
            words["value"]: frame["value"],
            words["unit"]: frame["indicator_id"].map(self.units()),
            # the Chinese page keeps the codes its files use; the English one names them
            words["scope"]: (frame["scope"] if self.lang == "zh"
                             else frame["scope"].map(lambda s: scope_names.get(s, s))),
            words["scope_check"]: self.scope_marks(frame),
            words["source"]: frame["source"],
            **glosses,
            words["note"]: self.notes(frame),
        })

    def badge(self, status: str, text: str) -> str:
        """HTML: the status in its colour with its symbol (a black-and-white print keeps the
        symbol); `text` is escaped here."""
        return (f'<span class="status" style="background:{STATUS_COLOURS[status]};'
                f'color:{STATUS_INK[status]};padding:0 0.3em;border-radius:3px">'
                f"{STATUS_SYMBOLS[status]}\u00a0{html.escape(text)}</span>")

    def status_label(self, status: str, indicator: str | None = None) -> str:
        """The status in words; for an indicator, in its direction's words (不降反升 where
        lower is better)."""
        better = directions(self.indicators).get(indicator, "higher") if indicator else "higher"
        return status_label(status, self.lang, better)

    def target_wording(self, target_kind: str, text: str) -> str:
        """The target as the plan writes it; a relative target gets a translation in English;
        a Chinese page writes a range as 1～2个 (the plan writes 1-2个)."""
        if target_kind == "relative" and self.lang == "en":
            return f"{ANNUAL['en']['relative_target'].format(**self.fields())} ({text})"
        if self.lang == "zh":
            return re.sub(r"(?<=\d)\s*[-–—~]\s*(?=\d)", "～", text)
        return text


def page_context(lang: str, plan: Plan | str | None = None) -> dict:
    """What every page needs: the language (checked), the plan (a Plan, or the path of its
    plan.toml; none is the Cixi 14th plan), its indicators; the plotting style set."""
    check_language(lang)
    use_report_style()
    plan = plan if isinstance(plan, Plan) else load_plan(plan)
    return {"lang": lang, "plan": plan, "indicators": load_indicators(plan)}


