"""The tables of data/processed/ for analysts: each as a DataFrame, with what its columns mean
(in Chinese and English), as the starting point for questions nobody planned."""

from __future__ import annotations

import pandas as pd

from analysis import config

TABLES = {
    "indicators": ("指标及其单位、口径、定义与责任单位", "Indicators: units, scope, definition, supplier"),
    "plan_values": ("规划表格（专栏）中的全部数值", "Every value of the plan's tables (专栏)"),
    "headline_targets": ("主要指标的基期与目标及年均需增长", "Headline targets with the growth they need"),
    "targets": ("全部目标清单（专栏与正文）", "The whole target catalogue (tables and body text)"),
    "required_paths": ("实现目标的复合路径与线性路径", "Compound and linear paths to each target"),
    "observations": ("实际值及其来源", "Observed values with their sources"),
}

# What each column means, wherever it appears.
COLUMNS = {
    "indicator_id": ("指标编号", "indicator id"),
    "name_zh": ("中文名称", "Chinese name"), "name_en": ("英文名称", "English name"),
    "unit_zh": ("中文单位", "unit (Chinese)"), "unit_en": ("英文单位", "unit (English)"),
    "measure": ("计量类型：count计数、share比重、amount金额、rate或ratio比率",
                "measure: count, share, amount, rate or ratio"),
    "scope": ("统计口径（市级、全市、未说明）", "statistical scope (市级, 全市, 未说明)"),
    "scope_quote": ("规划中说明口径的原文", "the plan's words on the scope"),
    "scope_quote_en": ("说明口径原文的英文释义", "the plan's words on the scope, in English (a gloss)"),
    "definition_zh": ("指标解释（中文）", "definition (Chinese)"),
    "definition_en": ("指标解释（英文）", "definition (English)"),
    "supplier_zh": ("责任单位（中文）", "supplier (Chinese)"),
    "supplier_en": ("责任单位（英文）", "supplier (English)"),
    "source_kind_zh": ("数据来源类型（中文，空：待确认）", "kind of source (Chinese; empty: to be confirmed)"),
    "source_kind_en": ("数据来源类型（英文）", "kind of source (English)"),
    "release_zh": ("通常发布时间（中文，附依据）", "when the values are usually released (Chinese, with the evidence)"),
    "release_en": ("通常发布时间（英文）", "when the values are usually released (English)"),
    "stock": ("存量指标（yes：一般不下降）", "a stock (yes: it should not fall)"),
    "direction": ("指标方向：higher越大越好、lower越小越好", "which way is better: higher or lower"),
    "label_table1": ("专栏1中的行名", "row label in Box 1"),
    "label_table2": ("专栏2中的行名", "row label in Box 2"),
    "plan_period": ("规划期（13th十三五、14th十四五）", "plan period (13th, 14th)"),
    "table": ("表格编号", "table id"),
    "year": ("年份", "year"), "kind": ("数值类型：baseline基期、target目标、actual实际",
                                     "kind: baseline, target, actual"),
    "value": ("数值", "value"), "comparator": ("比较符（>、>=）", "comparator (>, >=)"),
    "target_kind": ("目标类型：level水平、lower_bound下限、range区间、cumulative累计、relative相对、qualitative定性",
                    "target kind: level, lower_bound, range, cumulative, relative, qualitative"),
    "value_text": ("规划原文中的数值写法", "the value as the plan writes it"),
    "remark": ("专栏1备注", "Box 1 remark"), "label": ("原文行名", "row label as written"),
    "line": ("所在行号", "line number in its file"),
    "baseline_year": ("基期年份", "baseline year"), "baseline_value": ("基期值", "baseline value"),
    "target_year": ("目标年份", "target year"), "target_value": ("目标值", "target value"),
    "target_upper": ("区间目标上限", "upper end of a range"),
    "target_text": ("目标原文写法", "the target as the plan writes it"),
    "reference_series": ("相对目标的对照序列", "reference series of a relative target"),
    "related": ("无自身指标的目标所提及的指标（以空格分隔）", "indicators a target without its own names (space-separated)"),
    "required_rate": ("年均需增长（小数，0.1487即14.87%）", "growth needed a year (fraction)"),
    "linear_step": ("线性路径每年增加量", "linear increase a year"),
    "target_id": ("目标编号", "target id"), "origin": ("出处（专栏或正文）", "where (table or body text)"),
    "baseline_source": ("基期值出处", "where the baseline comes from"),
    "section": ("所在段落", "paragraph"), "section_en": ("所在段落（英文）", "paragraph (English)"),
    "quote": ("原文", "verbatim quote"),
    "quote_en": ("原文的英文释义", "the quote in English (a gloss)"), "period_start": ("规划期首年", "first year of the period"),
    "compound_value": ("复合路径当年应达值", "compound path value"),
    "linear_value": ("线性路径当年应达值", "linear path value"),
    "source": ("来源（文件、日期、原文）", "source (document, date, quote)"),
    "note": ("说明", "note"), "note_en": ("英文说明", "note in English"),
    "source_en": ("来源的英文释义", "the source in English (a gloss)"),
    "vintage": ("资料类型（快报、年报、统计公报、工作总结等）", "kind of document"),
    "file": ("所在文件", "file it was read from"),
}


def load_processed(directory=None) -> dict[str, pd.DataFrame]:
    """Every table of data/processed/ (build it with `make data`) by its name."""
    directory = directory or config.PROJECT_DIR / "data" / "processed"
    return {name: pd.read_csv(directory / f"{name}.csv", keep_default_na=False,
                              na_values=[""]) for name in TABLES}


def column_meanings(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A table's columns with what each means."""
    index = 0 if lang == "zh" else 1
    return pd.DataFrame({"column": list(frame.columns),
                         "meaning": [COLUMNS.get(c, ("—", "—"))[index] for c in frame.columns]})
