"""Every sentence the reports say, per notebook, in Chinese and English."""

from __future__ import annotations

COLUMNS = {
    "zh": {
        "indicator": "指标", "unit": "单位", "baseline": "基期值", "target": "{end_year}年目标",
        "required_rate": "所需年均增长率", "year": "年份", "value": "数值", "source": "来源",
        "note": "说明", "latest": "最新观测", "required_value": "所需路径值",
        "progress_ratio": "进度比", "linear_ratio": "时间进度比",
        "remaining_rate": "剩余年均所需增长率", "status": "判断", "target_id": "目标编号",
        "origin": "出处", "section": "位置", "quote": "原文", "kind": "类型",
        "count": "数量", "plan_remark": "专栏1备注", "own_remark": "按本项目规则",
        "target_2020": "2020年目标", "actual_2020": "2020年实际", "value_2015": "2015年",
        "achieved_rate": "实际年均增长率", "attainment": "完成程度", "comment": "说明",
        "pace": "“十三五”年均增速", "projection_2025": "按此速度2025年", "reaches": "能否达到目标",
        "topic": "问题", "quote_a": "原文甲", "quote_b": "原文乙", "explanation": "说明",
        "growth": "增长假设", "assumption": "假设来源", "start": "起点", "probability": "达标概率",
        "p10": "10%分位", "median": "中位数", "p90": "90%分位", "completion": "完成比例",
        "half_way": "任务过半", "final_value": "最终值", "met": "是否实现", "scope": "统计口径",
        "progress": "进展情况",
    },
    "en": {
        "indicator": "Indicator", "unit": "Unit", "baseline": "Baseline", "target": "{end_year} target",
        "required_rate": "Required yearly rate", "year": "Year", "value": "Value",
        "source": "Source", "note": "Note", "latest": "Latest observed",
        "required_value": "Required path value", "progress_ratio": "Progress ratio",
        "linear_ratio": "Linear ratio", "remaining_rate": "Yearly rate still needed",
        "status": "Status", "target_id": "Target id", "origin": "Where", "section": "Paragraph",
        "quote": "Quote", "kind": "Kind", "count": "Count", "plan_remark": "专栏1 remark",
        "own_remark": "By our rules", "target_2020": "2020 target", "actual_2020": "2020 actual",
        "value_2015": "2015", "achieved_rate": "Achieved yearly rate", "attainment": "Attainment",
        "comment": "Note", "pace": "13th-plan yearly pace", "projection_2025": "2025 at that pace",
        "reaches": "Reaches the target", "topic": "Issue", "quote_a": "Quote A",
        "quote_b": "Quote B", "explanation": "What it means", "growth": "Growth assumption",
        "assumption": "Assumption from", "start": "Start", "probability": "Probability of meeting",
        "p10": "10th percentile", "median": "Median", "p90": "90th percentile",
        "completion": "Share of the way", "half_way": "Half way", "final_value": "Final value",
        "met": "Met", "scope": "Scope", "progress": "Progress",
    },
}

WORDS = {
    "zh": {"yes": "是", "no": "否", "no_data": "暂无数据", "observed": "观测值", "baseline": "基期值",
           "pace_13th": "“十三五”速度", "required_rate": "所需增长率", "parameter": "参数设定",
           "level": "水平值", "lower_bound": "下限", "range": "区间", "cumulative": "累计",
           "relative": "相对值", "qualitative": "定性", "body": "正文",
           "scope_differs": "口径不同，不参与评价", "scope_unverified": "口径待核实",
           "scope_marked": "{scope}（{mark}）"},
    "en": {"yes": "yes", "no": "no", "no_data": "no data", "observed": "observed",
           "baseline": "baseline", "pace_13th": "13th-plan pace", "required_rate": "required rate",
           "parameter": "parameter", "level": "level", "lower_bound": "lower bound",
           "range": "range", "cumulative": "cumulative", "relative": "relative",
           "qualitative": "qualitative", "body": "body text",
           "scope_differs": "another scope than the plan's: not compared with the target",
           "scope_unverified": "scope to be checked", "scope_marked": "{scope} ({mark})"},
}

ANNUAL = {
    "zh": {
        # The Chinese page quotes the plan's own wording of a relative target instead.
        "relative_target": "相对目标",
        "title": "{title}",
        "intro": ("本报告跟踪《{plan}》{table}所列{count}项主要指标，对照{baseline_year}年基期值与{end_year}年目标值，"
                  "给出实现目标每年所需的增长率，并列出截至{year}年已掌握的观测值及其来源。"),
        "dashboard_heading": "总览：各指标历年进度判断",
        "dashboard_note": ("每格为该指标在该年报告中的判断（只计入截至该年的观测值）。"
                           "截至{year}年，已有观测值的指标{observed}项，共{total}项。"),
        "targets_heading": "主要指标与目标",
        "targets_note": "“所需年均增长率”按复合增长计算：(目标值/基期值)^(1/年数) − 1。",
        "relative_note": "目标为相对值的指标（{targets}）没有数值目标，故无所需增长率。",
        "status_heading": "{year}年进度判断",
        "status_note": ("进度比 = 观测年均增长率 ÷ 所需年均增长率；≥0.95为符合进度，0.60–0.95为需加快，"
                        "0–0.60为进展不足，<0为逆向变化。时间进度比 = 完成比例 ÷ 时间比例（序时进度）。"
                        "“剩余年均所需增长率”为从最新观测值到{end_year}年目标每年还需的增长。"),
        "midterm_heading": "中期评估：时间过半、任务过半了吗？",
        "midterm_note": ("{mid_term_year}年规划实施时间过半。完成比例 = (最新值 − 基期值) ÷ (目标值 − 基期值)；"
                         "不低于50%即为任务过半。"),
        "final_heading": "终期评估：{end_year}年目标实现情况",
        "final_note": "以{end_year}年及以前的最新观测值对照{end_year}年目标。",
        "observations_heading": "截至{year}年的观测值",
        "no_observations": "截至{year}年尚无观测值。",
        "charts_heading": "分指标情况",
        "charts_note": ("实线为复合增长的所需路径，虚线为线性路径（序时进度），点线标出报告年份，"
                        "红点为观测值。"),
        "indicator_status": "判断：**{status}**。{remaining}",
        "remaining": "从最新观测值到{end_year}年目标，每年还需增长{rate}。",
        "no_target": "本指标目标为相对值：{target}。图中只有基期值和观测值。",
        "chart_alt": "{name}：{baseline_year}—{end_year}年所需路径、线性路径与观测值",
        "dashboard_alt": "各指标历年进度判断总览图",
    },
    "en": {
        "title": "{title}",
        "intro": ("This report follows the {count} headline indicators of {table} of the "
                  "{plan}: the {baseline_year} baseline, the {end_year} target, the yearly growth needed to reach "
                  "it, and the values observed up to {year} with their sources."),
        "dashboard_heading": "At a glance: each indicator's status, year by year",
        "dashboard_note": ("Each cell is the indicator's status in that year's report (counting "
                           "only values observed up to that year). Up to {year}, {observed} of "
                           "{total} indicators have an observed value."),
        "targets_heading": "Headline indicators and targets",
        "targets_note": "The required yearly rate is compound growth: (target/baseline)^(1/years) − 1.",
        "relative_note": ("An indicator whose target is relative ({targets}) has no numeric target "
                          "and so no required rate."),
        "status_heading": "Progress in {year}",
        "status_note": ("Progress ratio = observed yearly growth ÷ required yearly growth; ≥0.95 on "
                        "track, 0.60–0.95 moderate, 0–0.60 insufficient, <0 moving away. The linear "
                        "ratio is the share of the way covered ÷ the share of time elapsed. The rate "
                        "still needed is the yearly growth from the latest value to the {end_year} target."),
        "midterm_heading": "Mid-term review: half the time, half the way?",
        "midterm_note": ("By {mid_term_year}, half the plan's time had passed. Share of the way = "
                         "(latest − baseline) ÷ (target − baseline); half way means at least 50%."),
        "final_heading": "Final evaluation: the {end_year} targets",
        "final_note": "The latest value observed up to {end_year} against each {end_year} target.",
        "observations_heading": "Observed values up to {year}",
        "no_observations": "No value has been observed up to {year}.",
        "charts_heading": "Indicator by indicator",
        "charts_note": ("Solid: the required compound path; dashed: the linear path; dotted: the "
                        "report year; red dots: observed values."),
        "indicator_status": "Status: **{status}**. {remaining}",
        "remaining": "From the latest value, the {end_year} target needs {rate} a year.",
        "no_target": "The target of this indicator is relative: {target}. The chart shows the "
                     "baseline and the observations only.",
        "relative_target": "an increase no smaller than the Ningbo average",
        "chart_alt": "{name}: required and linear paths {baseline_year}–{end_year}, and observed values",
        "dashboard_alt": "Status of every indicator, year by year",
    },
}

OVERVIEW = {
    "zh": {
        "title": "数据来源与目标总览",
        "intro": ("本页说明每个数字的出处：专栏1、专栏2由程序从规划原文解析，正文中的目标逐条摘录并附原文；"
                  "观测值均注明来源文件。"),
        "kinds_heading": "规划想要什么：目标按类型统计",
        "kinds_note": "共{total}个目标：专栏1 {table1}个（“十三五”），专栏2 {table2}个，正文{body}个。",
        "catalogue_heading": "目标清单及原文",
        "coverage_heading": "数据覆盖：哪些指标有哪些年份的观测值",
        "coverage_note": "有观测值的指标{observed}项；其余指标尚需补充数据。",
        "coverage_alt": "各指标各年份观测值覆盖情况",
        "observations_heading": "全部观测值及来源",
    },
    "en": {
        "title": "Where the numbers come from",
        "intro": ("Where every number comes from: tables 专栏1 and 专栏2 are parsed by code from the "
                  "plan's text, each target of the body text is curated with its verbatim quote, "
                  "and every observed value names its source."),
        "kinds_heading": "What the plan wants: targets by kind",
        "kinds_note": ("{total} targets: {table1} in 专栏1 (13th plan), {table2} in 专栏2 and "
                       "{body} in the body text."),
        "catalogue_heading": "The target catalogue, with quotes",
        "coverage_heading": "Data coverage: which indicator has values for which years",
        "coverage_note": "{observed} indicators have observed values; the others still need data.",
        "coverage_alt": "Which indicator has observed values in which year",
        "observations_heading": "Every observed value, with its source",
    },
}

REVIEW = {
    "zh": {
        "title": "“十三五”回顾与规划自身的不一致",
        "intro": ("专栏1列出“十三五”主要指标的2015年值、2020年目标和2020年实际值。下表比较"
                  "实际年均增长与实现目标所需的年均增长，并把按本项目规则得出的结论与专栏1备注并列。"),
        "review_heading": "专栏1：完成情况",
        "disagree": "不一致之处：{comments}",
        "all_agree": "按本项目规则得出的结论与专栏1备注一致。",
        "growth_alt": "“十三五”各指标实际与所需年均增长率",
        "pace_heading": "如果“十三五”的速度延续下去",
        "pace_note": ("同时出现在两个规划中的指标，按2015—2020年的年均增速（复合增长）推算到2025年，"
                      "比重不超过100%。这是情景，不是预测；“情景分析”页以同一速度为默认假设。"),
        "pace_alt": "按“十三五”速度推算的2021—2025年路径与2025年目标",
        "contradictions_heading": "规划自身的不一致与口径混用",
        "contradictions_note": "共{count}处。每处给出两段原文及其在规划中的位置。",
        "where": "（{where}，第{line}行）",
    },
    "en": {
        "title": "The 13th plan in review, and where the plan disagrees with itself",
        "intro": ("专栏1 gives the 13th plan's headline indicators in 2015, their 2020 targets and "
                  "their 2020 values. The table compares the yearly growth achieved with the "
                  "growth the target needed, and puts our verdict beside the table's own remark."),
        "review_heading": "专栏1: what the 13th plan achieved",
        "disagree": "Where they differ: {comments}",
        "all_agree": "Our verdicts agree with every remark of 专栏1.",
        "growth_alt": "Yearly growth achieved and needed in the 13th plan",
        "pace_heading": "If the 13th plan's pace went on",
        "pace_note": ("The series in both plans, carried to 2025 at their 2015–2020 yearly growth "
                      "(compound; a share at most 100%). A scenario, not a forecast; the scenarios "
                      "page starts from the same pace."),
        "pace_alt": "Paths 2021–2025 at the 13th plan's pace against the 2025 targets",
        "contradictions_heading": "Where the plan contradicts itself or mixes definitions",
        "contradictions_note": "{count} places, each with both quotes and where they stand.",
        "where": " ({where}, line {line})",
    },
}

TRAJECTORIES = {
    "zh": {
        "title": "实现目标所需的路径",
        "intro": ("每个有数值目标的指标，从{baseline_year}年基期值到{end_year}年目标有两条路径：复合增长路径（每年增长率相同）"
                  "和线性路径（每年增加量相同，即序时进度）。"),
        "rates_heading": "所需增长",
        "linear_step": "线性路径每年增加",
        "paths_heading": "复合路径与线性路径",
        "paths_alt": "各指标复合增长路径与线性路径",
        "milestones_heading": "里程碑：每年年底应达到的数值",
        "milestones_note": "按复合路径；括号内为线性路径。",
    },
    "en": {
        "title": "The paths to the targets",
        "intro": ("From its {baseline_year} baseline to its {end_year} target each indicator with a numeric target "
                  "has two paths: the compound path (the same growth rate every year) and the "
                  "linear path (the same increase every year, 序时进度)."),
        "rates_heading": "The growth needed",
        "linear_step": "Linear increase a year",
        "paths_heading": "Compound and linear paths",
        "paths_alt": "Compound and linear paths of every indicator",
        "milestones_heading": "Milestones: what each indicator must reach by the end of each year",
        "milestones_note": "On the compound path; the linear path in brackets.",
    },
}

SCENARIOS = {
    "zh": {
        "title": "情景分析（示意，非预测）",
        "warning": ("**本页为示意性情景，不是预测。** 结果完全取决于下列增长假设和波动参数，"
                    "用于回答“如果……会怎样”，不代表对未来的判断。"),
        "assumptions_heading": "增长假设",
        "assumptions_note": ("默认假设：指标在“十三五”已有数据的，取2015—2020年的年均增速；其余取实现目标所需的增长率。"
                             "起点为最新观测值，没有观测值时为基期值。"),
        "projection_heading": "确定性推算",
        "probability_heading": "蒙特卡洛模拟：达到{end_year}年目标的概率",
        "probability_note": ("每年的增长率从以假设为均值、标准差为{volatility:.1%}的正态分布中抽取，"
                             "共{draws}次，随机种子{seed}（结果可复现）。"),
        "fan_alt": "各指标情景路径的10%—90%区间",
        "fan_note": "阴影为10%—90%分位区间，实线为中位数，星号为{end_year}年目标。",
    },
    "en": {
        "title": "Scenarios (illustrative, not a forecast)",
        "warning": ("**These are illustrative scenarios, not forecasts.** They follow entirely "
                    "from the growth assumptions and volatility below and answer \"what if\", "
                    "nothing more."),
        "assumptions_heading": "Growth assumptions",
        "assumptions_note": ("By default, the 2015–2020 pace where the 13th plan has the series, "
                             "else the required rate. Each scenario starts from the latest observed "
                             "value, or from the baseline when there is none."),
        "projection_heading": "Deterministic projection",
        "probability_heading": "Monte Carlo: the probability of meeting each {end_year} target",
        "probability_note": ("Each year's growth is drawn from a normal distribution around the "
                             "assumption with standard deviation {volatility:.1%}; {draws} draws, "
                             "seed {seed} (reproducible)."),
        "fan_alt": "10–90% range of the scenario paths of every indicator",
        "fan_note": "Shaded: 10th to 90th percentile; line: median; star: the {end_year} target.",
    },
}

EXPLORER = {
    "zh": {
        "title": "情景探索器（示意，非预测）",
        "intro": ("在JupyterLab中打开本笔记本，可为每个指标调整年均增长假设和波动率，"
                  "图和达标概率随之更新。这是示意性情景，不是预测。"),
        "indicator": "指标", "growth": "年均增长", "volatility": "波动率",
        "verdict": "达到{end_year}年目标的概率：<b>{probability}</b>（模拟{draws}次）",
        "static_note": ("此处为静态版本：各指标取默认假设（“十三五”速度或所需增长率），波动率{volatility:.0%}。"
                        "在JupyterLab中打开 notebooks/scenario_explorer.ipynb 可交互调整。"),
    },
    "en": {
        "title": "Scenario explorer (illustrative, not a forecast)",
        "intro": ("Open this notebook in JupyterLab to set each indicator's yearly growth and "
                  "volatility; the chart and the probability of meeting the target follow. "
                  "Illustrative scenarios, not forecasts."),
        "indicator": "Indicator", "growth": "Growth", "volatility": "Volatility",
        "verdict": "Probability of meeting the {end_year} target: <b>{probability}</b> ({draws:,} draws)",
        "static_note": ("The static version: every indicator at its default assumption (the 13th "
                        "plan's pace or the required rate), volatility {volatility:.0%}. Open "
                        "notebooks/scenario_explorer.ipynb in JupyterLab to change them."),
    },
}

# Where our remark on a row of the previous plan's table differs from the table's own.
REVIEW_COMMENT = {
    "zh": "{year}年实际{actual:g}，目标{target}，达到目标的{share:.0%}；按本项目规则为“{ours}”，表中备注为“{remark}”。",
    "en": ("{actual:g} in {year} against a target of {target} ({share:.0%} of it): our rules say "
           "{ours}, the table's remark says {remark}."),
}

# The status of a target in an evidence record (analysis.evidence).
EVIDENCE_STATUS = {
    "zh": {"已完成": "已完成", "基本完成": "基本完成", "推进中": "推进中", "滞后": "滞后", "暂无信息": "暂无信息"},
    "en": {"已完成": "completed (已完成)", "基本完成": "largely completed (基本完成)",
           "推进中": "in progress (推进中)", "滞后": "behind (滞后)",
           "暂无信息": "no information yet (暂无信息)"},
}

# 统计口径 of a value, as a page names it.
SCOPE_NAMES = {
    "zh": {"市级": "市级", "全市": "全市", "未说明": "未说明"},
    "en": {"市级": "Cixi proper (市级, excluding the Qianwan New Area)",
           "全市": "whole city (全市)", "未说明": "not stated (未说明)"},
}

STATUS_LABELS = {
    "target_met": {"zh": "已实现目标", "en": "Target met"},
    "on_track": {"zh": "符合进度", "en": "On track"},
    "moderate_progress": {"zh": "需加快", "en": "Moderate progress"},
    "insufficient_progress": {"zh": "进展不足", "en": "Insufficient progress"},
    "moving_away": {"zh": "逆向变化", "en": "Moving away"},
    "insufficient_data": {"zh": "暂无数据", "en": "Insufficient data"},
    "not_assessable": {"zh": "无法评估", "en": "Not assessable"},
}

CHARTS = {
    "zh": {"compound": "所需路径（复合增长）", "linear": "线性路径（序时进度）",
           "observed": "观测值", "report_year": "报告年份", "target": "目标值", "year": "年份",
           "baseline": "基期值", "achieved_rate": "实际年均增长率", "needed_rate": "所需年均增长率"},
    "en": {"compound": "Required path (compound)", "linear": "Linear path",
           "observed": "Observed", "report_year": "Report year", "target": "Target", "year": "Year",
           "baseline": "Baseline", "achieved_rate": "Achieved yearly growth",
           "needed_rate": "Needed yearly growth"},
}

INDEX = {
    "zh": {"heading": "中文报告", "year": "报告年份", "data": "最新数据年份", "none": "无"},
    "en": {"heading": "Reports in English", "year": "Report year", "data": "Latest data",
           "none": "none"},
}

# Data checks that warn (analysis.checks): on the command line (en) and in the overview.
CHECKS = {
    "zh": {
        "falls": "{name}{year}年实际值{value:g}低于{previous_year}年的{previous:g}：存量指标一般不会下降，请核实数值和口径。",
        "jump": ("{name}{previous_year}—{year}年年均变化{change:.3g}{unit}，超过规划所需最大年变化量的3倍"
                 "（{limit:.3g}{unit}）：请核实数值、口径或统计分类是否有变化。"),
        "early": "{name}{year}年实际值{value:g}已达到{target_year}年目标{limit:g}：规划首年即达标，请核实单位和口径。",
        "points": "个百分点",
        "heading": "数据核查（提示，不影响评价）",
        "note": "以下数值已参与评价，建议向责任单位核实：",
        "none": "未发现需要核实的数值。",
    },
    "en": {
        "falls": ("{name}: {value:g} in {year} is below {previous:g} in {previous_year}; a stock "
                  "rarely falls, so check the value and its scope."),
        "jump": ("{name}: {change:.3g}{unit} a year from {previous_year} to {year}, more than 3 times "
                 "the largest yearly change the plan needs ({limit:.3g}{unit}); check the value, its "
                 "scope, or a change of statistical classification."),
        "early": ("{name}: {value:g} in {year} already meets the {target_year} target of {limit:g} in "
                  "the plan's first year; check the unit and the scope."),
        "points": " percentage points",
        "heading": "Data checks (warnings; they change no verdict)",
        "note": "These values are used in the assessment, but should be checked with the office that supplied them:",
        "none": "No value needs checking.",
    },
}

# The data request workbook (数据征集表), for the offices that hold the data: Chinese only.
REQUEST = {
    "zh": {
        "instructions_sheet": "填表说明", "data_sheet": "数据", "evidence_sheet": "进展情况",
        "instructions": [
            "《{plan}》监测数据征集表（截至{year}年）",
            "请在“数据”表的黄色单元格中填写各指标{start_year}—{year}年的实际值。灰色表头左侧各列为参考信息，已锁定；"
            "“同年应达值”是按规划目标推算的该年应达到的数值，仅供核对数量级。",
            "数值 value：只填数字，不带单位、百分号和千分位逗号（填 3.45，不填 3.45% 或“约3.5”；填 2450，不填 2,450）。"
            "单位见“计量单位”列；比重类指标填百分数的数值（3.45% 填 3.45）；家、件、项、人等计数填整数。",
            "统计口径 scope：从下拉列表中选择（{scopes}）。市级指不含前湾新区，全市指含前湾新区；文件未说明口径的选“未说明”。"
            "规划基期值的口径见“规划口径”列，口径不同的数值会列出，但不参与评价。",
            "资料类型 vintage：从下拉列表中选择（{vintages}），例如快报数、年报数。",
            "来源 source（必填）：写明文件名称、日期和数值所在位置，例如“××市2024年国民经济和社会发展统计公报（2025年3月），第五部分”。"
            "没有来源的数值不能采用。",
            "说明 note：初步数、口径变化等需要说明的情况。",
            "暂时无法提供的数值请留空，留空的行不会被读取。同一指标同一年另有其他口径的数值，请在表末空行另起一行填写。",
            "“进展情况”表：规划正文中的定性目标和其他目标，请在“进展状态 status”列选择（已完成、基本完成、推进中、滞后、暂无信息），"
            "在“完成情况 done”列简述已做的工作，并在“来源 source”列写明依据的文件；未填状态的行不会被读取。",
            "填好后保存为 .xlsx 文件（不要另存为 .xls，不要设置密码）交回。",
        ],
        "columns": {
            "name": "指标名称", "definition": "指标解释", "unit": "计量单位", "plan_scope": "规划口径",
            "supplier": "责任单位", "baseline": "基期值", "target": "规划目标",
            "required_value": "同年应达值（参考）", "indicator_id": "指标编号 indicator_id",
            "year": "年份 year", "value": "数值 value", "scope": "统计口径 scope",
            "vintage": "资料类型 vintage", "source": "来源 source", "note": "说明 note",
        },
        "evidence_columns": {
            "name": "目标", "quote": "规划原文", "target_id": "目标编号 target_id", "year": "年份 year",
            "status": "进展状态 status", "done": "完成情况 done", "source": "来源 source",
            "note": "说明 note",
        },
        "number_title": "只能填数字", "number_error": "请填写不带单位、百分号和逗号的数字，例如 3.45 或 2450。",
        "list_title": "请从下拉列表中选择", "list_error": "可选：{choices}。",
        "plan_words": "规划原文：{quote}", "supplier_unknown": "待确认",
    },
}

# Every text table above, by name: zh and en must have the same keys in each (a test checks).
ALL = {"COLUMNS": COLUMNS, "WORDS": WORDS, "ANNUAL": ANNUAL, "OVERVIEW": OVERVIEW,
       "REVIEW": REVIEW, "TRAJECTORIES": TRAJECTORIES, "SCENARIOS": SCENARIOS,
       "EXPLORER": EXPLORER, "CHARTS": CHARTS, "INDEX": INDEX, "SCOPE_NAMES": SCOPE_NAMES,
       "CHECKS": CHECKS, "EVIDENCE_STATUS": EVIDENCE_STATUS,
       "REVIEW_COMMENT": {lang: {"comment": text} for lang, text in REVIEW_COMMENT.items()},
       "STATUS_LABELS": {lang: {status: labels[lang] for status, labels in STATUS_LABELS.items()}
                         for lang in ("zh", "en")}}

# Each rendered notebook's title (the annual report's comes from the plan).
NOTEBOOK_TITLES = {
    "overview": {lang: OVERVIEW[lang]["title"] for lang in OVERVIEW},
    "review_13th_plan": {lang: REVIEW[lang]["title"] for lang in REVIEW},
    "trajectories": {lang: TRAJECTORIES[lang]["title"] for lang in TRAJECTORIES},
    "scenarios": {lang: SCENARIOS[lang]["title"] for lang in SCENARIOS},
    "scenario_explorer": {lang: EXPLORER[lang]["title"] for lang in EXPLORER},
}
