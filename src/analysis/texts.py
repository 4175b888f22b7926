"""Every sentence the reports say, per notebook, in Chinese and English."""

from __future__ import annotations

COLUMNS = {
    "zh": {
        "indicator": "指标", "unit": "单位", "baseline": "基期值", "target": "{end_year}年目标",
        "required_rate": "年均需增长", "year": "年份", "value": "数值", "source": "来源",
        "note": "说明", "latest": "最新实际值（年份）", "required_value": "同年应达值",
        "progress_share": "完成进度", "elapsed_share": "序时进度",
        "remaining_rate": "年均尚需", "status": "判断", "target_id": "目标编号",
        "source_release": "数据来源与发布时间", "origin": "出处", "section": "位置",
        "paragraph": "所在段落（段首文字）", "quote": "原文", "kind": "类型",
        "count": "数量", "plan_remark": "{previous_table}备注", "own_remark": "按本报告评价标准",
        "target_2020": "{previous_end}年目标", "actual_2020": "{previous_end}年实际", "value_2015": "{previous_start}年",
        "attainment": "完成率", "comment": "说明", "projection_2025": "按此速度{end_year}年",
        "required_change": "年均需增长（比重类：年均需提高）", "achieved_change": "实际年均增长（比重类：年均提高）",
        "pace_change": "{previous}年均增速（比重类：年均提高）", "reaches": "能否达到目标",
        "topic": "问题", "quote_a": "原文甲", "quote_b": "原文乙", "explanation": "说明",
        "growth": "增长假设", "assumption": "假设来源", "start": "起点", "probability": "达标概率",
        "p10": "10%分位", "median": "中位数", "p90": "90%分位", "completion": "完成情况",
        "completion_rate": "完成率", "final_value": "期末值", "final_value_stand_in": "最新实际值（代期末值）",
        "scope": "统计口径",
        "progress": "进展情况", "missing_years": "缺少实际值的年份", "supplier": "责任单位",
        "body_target": "目标", "definition": "指标解释", "condition": "条件",
    },
    "en": {
        "indicator": "Indicator", "unit": "Unit", "baseline": "Baseline", "target": "{end_year} target",
        "required_rate": "Required yearly rate", "year": "Year", "value": "Value",
        "source": "Source", "note": "Note", "latest": "Latest value (year)",
        "required_value": "Required value that year (同年应达值)", "progress_share": "Progress (完成进度)",
        "elapsed_share": "Time elapsed (序时进度)", "remaining_rate": "Still needed per year",
        "status": "Status", "target_id": "Target id", "origin": "Where", "section": "Paragraph",
        "paragraph": "Paragraph (its opening words)", "source_release": "Source and release",
        "quote": "Quote (with an English gloss)", "kind": "Kind", "count": "Count", "plan_remark": "{previous_table} remark",
        "own_remark": "By this report's rules", "target_2020": "{previous_end} target", "actual_2020": "{previous_end} actual",
        "value_2015": "{previous_start}", "attainment": "Completion rate",
        "comment": "Note", "projection_2025": "{end_year} at that pace",
        "required_change": "Required yearly growth (shares: percentage points)",
        "achieved_change": "Achieved yearly growth (shares: percentage points)",
        "pace_change": "Yearly pace, {previous} (shares: percentage points)",
        "reaches": "Reaches the target", "topic": "Issue", "quote_a": "Quote A",
        "quote_b": "Quote B", "explanation": "What it means", "growth": "Growth assumption",
        "assumption": "Assumption from", "start": "Start", "probability": "Probability of meeting",
        "p10": "10th percentile", "median": "Median", "p90": "90th percentile",
        "completion": "Grade (完成情况)", "completion_rate": "Completion rate",
        "final_value": "End value", "final_value_stand_in": "Latest value (standing in for the end value)",
        "scope": "Scope", "progress": "Progress",
        "missing_years": "Years without a value", "supplier": "Supplier (责任单位)",
        "body_target": "Target", "definition": "Definition", "condition": "Condition",
    },
}

WORDS = {
    "zh": {"yes": "是", "no": "否", "to_confirm": "待确认", "source_release": "{kind}，{release}",
           "no_data": "暂无数据", "observed": "实际值", "baseline": "基期值",
           "pace_previous": "{previous}速度", "required_rate": "所需增长率", "parameter": "参数设定",
           "level": "定量目标", "lower_bound": "定量目标（“以上”型）", "range": "区间目标",
           "cumulative": "累计目标", "relative": "相对目标", "qualitative": "定性目标", "body": "正文",
           "scope_differs": "口径不同，不参与评价", "scope_unverified": "口径待核实",
           "scope_marked": "{scope}（{mark}）", "dated": "{text}（{year}年）",
           "dated_marked": "{text}（{year}年，{mark}）", "table_of_plan": "《{title}》{table}",
           "chart_of": "{chart}：{name}", "glossed": "“{text}”（{gloss}）", "glossed_word": "{text}（{gloss}）",
           "at_least": "{value}以上", "or_more": "{value}以上",
           "points_signed": "{sign}{points}个百分点",
           # every page's last line: who compiled it and from what (no clock time)
           "colophon": "编制单位：{compiler}　｜　数据截至：{cutoff}　｜　版本：规划文本 {plan_version}，数据 {data_version}",
           "colophon_plan": "编制单位：{compiler}　｜　版本：规划文本 {plan_version}",
           "cutoff_none": "尚无实际值", "cutoff_year": "{year}年",
           # a simulated chance is never shown as a certainty
           "chance_high": "99%以上", "chance_low": "不足1%",
           "points": "{points}个百分点"},
    "en": {"yes": "yes", "no": "no", "to_confirm": "to be confirmed",
           "source_release": "{kind}; {release}", "no_data": "no data", "observed": "observed",
           "baseline": "baseline", "pace_previous": "pace of the {previous}", "required_rate": "required rate",
           "parameter": "parameter", "level": "level", "lower_bound": "lower bound",
           "range": "range", "cumulative": "cumulative", "relative": "relative",
           "qualitative": "qualitative", "body": "body text",
           "scope_differs": "a different scope from the plan's: not compared with the target",
           "scope_unverified": "scope to be checked", "scope_marked": "{scope} ({mark})",
           "dated": "{text} ({year})", "dated_marked": "{text} ({year}, {mark})", "table_of_plan": "{table} of the {title}",
           "chart_of": "{chart}: {name}", "glossed": "“{text}” ({gloss})", "glossed_word": "{text} ({gloss})", "at_least": "above {value}", "or_more": "at least {value}",
           "points_signed": "{sign}{points} percentage points",
           "colophon": ("Compiled by: {compiler}  |  Data up to: {cutoff}  |  Version: plan text "
                        "{plan_version}, data {data_version}"),
           "colophon_plan": "Compiled by: {compiler}  |  Version: plan text {plan_version}",
           "cutoff_none": "no values yet", "cutoff_year": "{year}",
           "chance_high": "over 99%", "chance_low": "under 1%",
           "points": "{points} percentage points"},
}

ANNUAL = {
    "zh": {
        # The Chinese page quotes the plan's own wording of a relative target instead.
        "relative_target": "相对目标（对照{region}平均水平）",
        "title": "{title}",
        "intro": ("本报告对照《{plan}》{table}所列{count}项主要指标的基期值（{baselines}）和"
                  "{end_year}年目标值，依据截至{year}年已掌握的实际值及其来源，评价规划实施进展。"),
        "baselines": "{main}年",
        "baselines_mixed": "{main}年，{count}项指标为{others}年",
        "overall_heading": "一、总体情况",
        "strip_cutoff": "数据截至{latest}年",
        "strip_no_data": "尚无实际值",
        "overall_observed": ("{table}所列{total}项主要指标中，已有{baseline_year}年以后实际值的"
                             "{observed}项，暂无数据的{missing}项。"),
        "overall_met": "已达到{end_year}年目标的{count}项：{items}。",
        "overall_none_met": "尚无指标达到{end_year}年目标。",
        "overall_elapsed": "截至{year}年末，规划期已过{share}（{year}年的序时进度）。",
        "overall_ended": "规划期（{start_year}—{end_year}年）已于{end_year}年末结束。",
        "overall_body": "正文所列{total}项目标中，{informed}项已有实际值或进展记录，其余{rest}项暂无（见三、正文目标进展）。",
        "overall_body_none": "正文所列{total}项目标均暂无实际值或进展记录（见三、正文目标进展）。",
        "overall_ahead": "快于序时进度的{count}项：{items}。",
        "overall_behind": "慢于序时进度的{count}项：{items}。",
        "overall_away": "不升反降的{count}项：{items}。",
        "overall_missing": "暂无数据的{count}项，需向{suppliers}征集。",
        "overall_supplier": "{supplier}（{count}项）",
        "overall_preliminary": "以上判断中，{count}项仅依据一个年度的实际值，为初步判断。",
        "overall_scope": "{count}项实际值的统计口径待核实：{items}。",
        "overall_relative": "{count}项目标为相对值（{items}），需取得对照地区数据后方可评价。",
        "item_value": "{name}（{year}年{value}）",
        "main_heading": "二、主要指标完成情况",
        "main_note": ("完成进度 =（实际值 − 基期值）÷（目标值 − 基期值）；序时进度 =（实际值年份 − "
                      "{baseline_year}）÷（{end_year} − {baseline_year}）。同年应达值：按年均所需增速实现"
                      "{end_year}年目标，实际值所在年份应达到的数值。已达到目标的指标，完成进度栏改列实际值为目标值的百分比"
                      "（比重类指标列高于目标的百分点），完成进度本身见下载表格。判断标准见表后说明。"),
        "main_rules": ("判断标准：实际值达到目标值为“已达到目标”；否则以增速比（实际年均增速 ÷ 实现目标所需"
                       "年均增速）衡量，不低于0.95为“进展顺利”，0.60～0.95为“略有滞后，需加快”，0～0.60为"
                       "“明显滞后”，低于0为“不升反降”。仅依据一个年度实际值的判断标为“初步判断”。"),
        "ahead": "快于序时进度{points}个百分点",
        "level": "达到序时进度",
        "behind": "慢于序时进度{points}个百分点",
        "preliminary": "初步判断",
        "disagree_fast": "增速达到要求，但慢于序时进度",
        "disagree_slow": "快于序时进度，但增速比低于0.95",
        "no_data_from": "暂无数据（责任单位：{supplier}）",
        "related": "{status}；相关指标：{items}", "related_item": "{name}{value}",
        "related_item_base": "{name}{base_year}年{base}，{year}年{value}{mark}", "related_mark": "（口径待核实）",
        "supplied_by": "（责任单位：{supplier}）",
        "supplier_unknown": "待确认",
        "no_reference": "暂不具备评价条件（缺对照地区数据）",
        "growth_needed": "年均需增长{rate}",
        "points_needed": "年均需提高{points}个百分点（年均增长{rate}）",
        "fall_needed": "年均需下降{rate}",
        "points_fall_needed": "年均需降低{points}个百分点（年均下降{rate}）",
        "midterm_heading": "中期评估：时间过半、任务过半",
        "midterm_note": ("{mid_term_year}年为规划实施中期。本节以各指标最新实际值所在年份的序时进度衡量完成进度"
                         "（{mid_term_year}年数据的序时进度为{elapsed}），依据{years}年数据。"),
        "midterm_result": ("完成进度达到或快于序时进度（任务过半）的{ahead}项，慢于序时进度的{behind}项，"
                           "暂无数据或暂不具备评价条件的{missing}项。"),
        "final_heading": "终期评估：{end_year}年目标完成情况",
        "final_heading_preliminary": "终期（预）评估（基于{years}年数据）",
        "grade_preliminary": "{grade}（初步判断）",
        "final_note": ("完成情况：实际值超过目标值且超出部分不少于目标增量（目标值 − 基期值）的10%为“超额完成”，"
                       "达到目标值为“完成”，完成进度不低于90%为“基本完成”，其余为“未完成”。完成率为实际值 ÷ "
                       "目标值；比重类指标以实际值与目标值之差（百分点）表示。"),
        "final_missing": "{count}项指标尚无{end_year}年实际值，表中以最新实际值代替，待{end_year}年数据发布后更新。",
        "final_missing_none": "{count}项指标尚无实际值，暂不具备评价条件，待{end_year}年数据发布后更新。",
        "final_missing_some": ("{count}项指标尚无{end_year}年实际值：{stand_in}项以最新实际值代替，完成情况为初步判断；"
                               "{none}项暂无数据，暂不具备评价条件。待{end_year}年数据发布后更新。"),
        "body_heading": "三、正文目标进展",
        "body_note": ("规划正文提出的{end_year}年目标（不含与{table}重复的指标和远景目标）共{count}项。"
                      "定量目标按实际值评价，定性目标按工作进展材料评价。"),
        "body_no_data": "暂无数据",
        "issues_heading": "四、需要关注的问题",
        "issue_behind": "{name}：完成进度{progress}，慢于序时进度{points}个百分点（{year}年数据）。",
        "issue_away": "{name}：{year}年实际值{value}，低于基期值{baseline}。",
        "issue_away_above": "{name}：{year}年实际值{value}，高于基期值{baseline}（该指标越小越好）。",
        "issue_scope": "{name}：{year}年实际值{value}未注明统计口径，需核实是否与规划口径（{scope}）一致。",
        "issue_scope_differs": "{name}：{year}年实际值{value}为{scope}口径，与规划口径不同，未参与评价。",
        "issue_value_note": "该数值的说明：{note}。",
        "issue_missing": "{count}项主要指标暂无数据，详见第五部分。",
        "issues_none": "暂无需要特别说明的问题。",
        "gaps_heading": "五、数据缺口与责任单位",
        "gaps_note": "截至{year}年，下列指标尚缺以下年份的实际值，可向责任单位发送数据征集表收集。",
        "gaps_reference": "此外，相对目标还需{region}同一指标的数据作对照（{items}），取得前暂不具备评价条件。",
        "gaps_none": "截至{year}年，各项主要指标均已有实际值。",
        "gaps_body_values": "正文目标中，{count}项有数值而尚无实际值：{items}。",
        "item_supplier": "{name}（责任单位：{supplier}）",
        "gaps_body_records": "正文目标中，{count}项尚无进展记录，可通过数据征集表的“进展情况”表向有关单位收集。",
        "grid_heading": "附一：各指标历年判断",
        "grid_note": ("每格为该指标在该年度报告中的判断，括号内为所依据实际值的年份（只计入截至该年的实际值）。"),
        "observations_heading": "附二：数据来源（截至{year}年的实际值）",
        "no_observations": "截至{year}年尚无实际值。",
        "charts_heading": "附三：分指标图表",
        "charts_note": ("实线为按复合增长实现目标的路径，虚线为线性路径（序时进度），点线标出报告年份，"
                        "红点为实际值。"),
        "indicator_status": "判断：**{status}**。{remaining}",
        "remaining": "从最新实际值到{end_year}年目标，{needed}。",
        "no_target": "本指标目标为相对值：{target}。图中仅列基期值和已有的实际值。",
        "chart_alt": "{name}：{baseline_year}—{end_year}年目标路径、线性路径与实际值",
        "dashboard_alt": "各指标历年判断",
        "years": "{years}年",
        "body_target": "{name}：{target}",
        "beyond_points": "已达到，高于目标{points}个百分点",
        "below_points": "已达到，低于目标{points}个百分点",
        "of_target": "已达到，为目标的{rate}",
    },
    "en": {
        "relative_target": "an increase no smaller than the {region} average",
        "title": "{title}",
        "intro": ("This report sets the values known up to {year}, with their sources, against the "
                  "baselines ({baselines}) and {end_year} targets of the {count} headline "
                  "indicators of {table} of the {plan}."),
        "baselines": "{main}",
        "baselines_mixed": "{main}; {others} for {count}",
        "overall_heading": "1. Overall assessment (总体情况)",
        "strip_cutoff": "data up to {latest}",
        "strip_no_data": "no values yet",
        "overall_observed": ("Of the {total} headline indicators of {table}, {observed} a "
                             "value after {baseline_year} and {missing} no data yet."),
        "overall_met": "Already at their {end_year} target ({count}): {items}.",
        "overall_none_met": "No indicator has met its {end_year} target yet.",
        "overall_elapsed": "By the end of {year}, {share} of the plan period had elapsed (its 序时进度).",
        "overall_ended": "The plan period ({start_year}–{end_year}) ended at the close of {end_year}.",
        "overall_body": ("Of the {total} targets of the body text, {informed} have a value or a progress "
                         "record; the other {rest} have none yet (section 3)."),
        "overall_body_none": ("None of the {total} targets of the body text has a value or a "
                              "progress record yet (section 3)."),
        "overall_ahead": "Ahead of the time elapsed (序时进度) ({count}): {items}.",
        "overall_behind": "Behind the time elapsed ({count}): {items}.",
        "overall_away": "Moving away from their target ({count}): {items}.",
        "overall_missing": "The {count} without data are to be requested from: {suppliers}.",
        "overall_supplier": "{supplier} ({count})",
        "overall_preliminary": "Preliminary verdicts (初步判断), resting on a single year's value: {count}.",
        "overall_scope": "Values whose statistical scope (统计口径) is to be checked ({count}): {items}.",
        "overall_relative": ("Relative targets, to be judged once the reference region's data are "
                             "in ({count}): {items}."),
        "item_value": "{name} ({value} in {year})",
        "main_heading": "2. Headline indicators (主要指标完成情况)",
        "main_note": ("Progress (完成进度) = (value − baseline) ÷ (target − baseline); time elapsed "
                      "(序时进度) = (year of the value − {baseline_year}) ÷ ({end_year} − "
                      "{baseline_year}). The required value is what the compound path to the target "
                      "reaches in the value's year. For a target already met, the column gives the "
                      "value as a share of the target instead (for a share, the percentage points "
                      "above it); the progress itself is in the download. The rules follow the table."),
        "main_rules": ("Rules: a value at or beyond the target has met it; otherwise the growth "
                       "ratio (observed ÷ required compound growth) of at least 0.95 is on track, "
                       "0.60–0.95 moderate progress, 0–0.60 insufficient progress, below 0 moving "
                       "away. A verdict on a single year's value is preliminary."),
        "ahead": "{points} percentage points ahead of time elapsed",
        "level": "level with time elapsed",
        "behind": "{points} percentage points behind time elapsed",
        "preliminary": "preliminary",
        "disagree_fast": "growth is on pace, but behind time elapsed",
        "disagree_slow": "ahead of time elapsed, but growth ratio below 0.95",
        "no_data_from": "no data yet (supplier: {supplier})",
        "related": "{status}; related: {items}", "related_item": "{name} {value}",
        "related_item_base": "{name}: {base} in {base_year}, {value} in {year}{mark}",
        "related_mark": " (scope to be checked)",
        "supplied_by": " (supplier: {supplier})",
        "supplier_unknown": "to be confirmed",
        "no_reference": "not assessable yet (no data of the reference region)",
        "growth_needed": "{rate} a year still needed",
        "points_needed": "{points} percentage points a year still needed ({rate} a year)",
        "fall_needed": "a fall of {rate} a year still needed",
        "points_fall_needed": ("a fall of {points} percentage points a year still needed ({rate} "
                               "a year)"),
        "midterm_heading": "Mid-term review: half the time, half the way? (时间过半、任务过半)",
        "midterm_note": ("{mid_term_year} is the middle of the plan. Progress is set against the "
                         "time elapsed at the year of each latest value ({elapsed} for "
                         "{mid_term_year} data); the data are from {years}."),
        "midterm_result": ("At or ahead of the time elapsed: {ahead}; behind it: {behind}; no data "
                           "or not assessable yet: {missing}."),
        "final_heading": "Final evaluation: the {end_year} targets",
        "final_heading_preliminary": "Preliminary final evaluation (based on {years} data)",
        "grade_preliminary": "{grade}, preliminary",
        "final_note": ("Grades (完成情况): exceeded when the value is beyond the target by at least "
                       "a tenth of the planned change (target − baseline); met when it reaches "
                       "the target; nearly met at 90% progress or more; otherwise not met. "
                       "Completion rate = value ÷ target; for shares, the value minus the target "
                       "in percentage points."),
        "final_missing": ("{count} indicators have no {end_year} value yet; the latest value stands "
                          "in for it until the {end_year} data are released."),
        "final_missing_none": ("{count} indicators have no value yet and cannot be graded; to be "
                               "updated when the {end_year} data are released."),
        "final_missing_some": ("{count} indicators have no {end_year} value yet: for {stand_in}, the "
                               "latest value stands in and the grade is preliminary; {none} have no "
                               "data and cannot be graded yet. To be updated when the {end_year} data "
                               "are released."),
        "body_heading": "3. Targets of the body text (正文目标进展)",
        "body_note": ("The body text sets {count} targets for {end_year} besides {table} (those "
                      "repeating it and the long-term vision aside). Quantitative targets are judged "
                      "on values, qualitative ones on evidence of the work done."),
        "body_no_data": "no data yet",
        "issues_heading": "4. Points to watch (需要关注的问题)",
        "issue_behind": ("{name}: progress {progress}, {points} percentage points behind time elapsed "
                         "({year} data)."),
        "issue_away": "{name}: {value} in {year}, below the baseline of {baseline}.",
        "issue_away_above": ("{name}: {value} in {year}, above the baseline of {baseline} (lower "
                             "is better for it)."),
        "issue_scope": ("{name}: the {year} value {value} does not state its scope; check that it "
                        "is the plan's ({scope})."),
        "issue_scope_differs": ("{name}: the {year} value {value} is for {scope}, another scope "
                                "than the plan's, and is not compared with the target."),
        "issue_value_note": " The value's note: {note}.",
        "issue_missing": "{count} headline indicators have no data yet (section 5).",
        "issues_none": "Nothing to report.",
        "gaps_heading": "5. Missing data and who supplies it (数据缺口与责任单位)",
        "gaps_note": ("Up to {year}, these indicators lack values for the years shown; the data "
                      "request workbook sent to the suppliers collects them."),
        "gaps_none": "Every headline indicator has a value up to {year}.",
        "gaps_body_values": "Of the body text's targets, {count} with a number have no value yet: {items}.",
        "item_supplier": "{name} (supplied by: {supplier})",
        "gaps_body_records": ("Of the body text's targets, {count} have no progress record yet; the "
                              "request workbook's progress sheet (进展情况) collects them."),
        "gaps_reference": ("The relative targets also need {region}'s figures for the same indicator "
                           "to compare with ({items}); until they are in, they cannot be judged."),
        "grid_heading": "Annex 1: each indicator's verdict, year by year",
        "grid_note": ("Each cell is the indicator's verdict in that year's report, with the year of "
                      "the value it rests on in brackets (values up to that year only)."),
        "observations_heading": "Annex 2: sources (values up to {year})",
        "no_observations": "No value is known up to {year}.",
        "charts_heading": "Annex 3: indicator by indicator",
        "charts_note": ("Solid: the compound path to the target; dashed: the linear path; dotted: "
                        "the report year; red dots: values."),
        "indicator_status": "Status: **{status}**. {remaining}",
        "remaining": "From the latest value to the {end_year} target: {needed}.",
        "no_target": ("The target of this indicator is relative: {target}. The chart shows the "
                      "baseline and any values observed."),
        "chart_alt": "{name}: path to the target {baseline_year}–{end_year}, linear path and values",
        "dashboard_alt": "Each indicator's verdict, year by year",
        "years": "{years}",
        "body_target": "{name}: {target}",
        "beyond_points": "met, {points} percentage points above the target",
        "below_points": "met, {points} percentage points below the target",
        "of_target": "met, {rate} of the target",
    },
}

OVERVIEW = {
    "zh": {
        "title": "数据来源与目标总览",
        "intro": ("本页说明每个数字的出处：规划表格（专栏）中的数值取自规划原文，正文中的目标逐条摘录并附原文；"
                  "实际值均注明来源文件。"),
        "kinds_heading": "目标构成：按目标类型统计",
        "kinds_note": "共{total}个目标：{tables}，正文{body}个。",
        "progress_no_data": "暂无数据",
        "kinds_table": "{name} {count}个（{period}）",
        "catalogue_heading": "目标清单及原文",
        "coverage_heading": "实际值覆盖情况：各指标各年份有无实际值",
        "coverage_note": "有实际值的指标{observed}项；其余指标尚需补充数据。",
        "coverage_alt": "各指标各年份实际值覆盖情况",
        "observations_heading": "全部实际值及来源",
    },
    "en": {
        "title": "Where the numbers come from",
        "intro": ("Where every number comes from: the values of the plan's tables (专栏) are "
                  "taken from the plan's text, each target of the body text is curated with its verbatim quote, "
                  "and every observed value names its source."),
        "kinds_heading": "What the plan wants: targets by kind",
        "kinds_note": "{total} targets: {tables}, and {body} in the body text.",
        "progress_no_data": "no data yet",
        "kinds_table": "{count} in {name}, {period}",
        "catalogue_heading": "The target catalogue, with quotes",
        "coverage_heading": "Data coverage: which indicator has values for which years",
        "coverage_note": "{observed} indicators have observed values; the others still need data.",
        "coverage_alt": "Which indicator has observed values in which year",
        "observations_heading": "Every observed value, with its source",
    },
}

REVIEW = {
    "zh": {
        "title": "{previous}规划完成情况回顾与规划文本口径说明",
        "intro": ("{previous_table}列出{previous}主要指标的{previous_start}年值、{previous_end}年目标和{previous_end}年实际值。下表比较"
                  "实际年均增长与实现目标所需的年均增长，并把按本报告评价标准得出的结论与{previous_table}备注并列。"),
        "intro_observed": ("{previous_table}给出{previous}主要指标的{previous_start}年基期值和{previous_end}年目标，"
                           "实际值取自监测数据：取{previous_end}年数值，尚无时取此前最近一年的数值并注明年份，来源见“实际值及来源”。"
                           "下表比较实际年均增长与实现目标所需的年均增长，并给出按本报告评价标准得出的完成情况；"
                           "实际值早于{previous_end}年的，结论为初步判断。"),
        "preliminary": "{grade}（初步判断）",
        "actuals_heading": "实际值及来源",
        "review_heading": "{previous_table}：{previous}完成情况",
        "disagree": "{previous_table}备注与本报告评价标准的差异：{comments}",
        "all_agree": "按本报告评价标准得出的结论与{previous_table}备注一致。",
        "series_note": "注（{name}）：{note}",
        "growth_alt": "{previous}各指标实际与所需年均增长率（比重类指标以百分点计，见上表）",
        "pace_heading": "如果{previous}的速度延续下去",
        "pace_note": ("同时出现在两个规划中的指标，按{previous_start}—{previous_end}年的年均增速（复合增长）推算到{end_year}年，"
                      "比重类指标按与100%的差距每年缩小同一比例推算。这是情景，不是预测；“情景分析”页以同一速度为默认假设。"),
        "pace_note_observed": ("同时出现在两个规划中的指标，按{previous_start}年至最新实际值年份的年均增速（复合增长，年份见上表）推算到{end_year}年，"
                               "比重类指标按与100%的差距每年缩小同一比例推算。这是情景，不是预测；“情景分析”页以同一速度为默认假设。"),
        "pace_alt": "按{previous}速度推算的{start_year}—{end_year}年路径与{end_year}年目标",
        "contradictions_none": "本规划未列出需要说明的表述或口径。",
        "pace_none": "两个规划共有的指标中，尚无可据以推算速度的实际值。",
        "contradictions_heading": "规划文本口径说明",
        "contradictions_note": "规划文本中表述或口径需要说明之处共{count}处，每处给出两段原文及其所在的专栏或段落（以段落开头文字标示）。",
        "where": "（{where}）", "where_paragraph": "（{where}）",
    },
    "en": {
        "title": "The {previous} in review, and notes on the plan's wording (规划文本口径说明)",
        "intro": ("{previous_table} gives the headline indicators of the {previous} in {previous_start}, their {previous_end} targets and "
                  "their {previous_end} values. The table compares the yearly growth achieved with the "
                  "growth the target needed, and puts the verdict by this report's rules beside the table's own remark."),
        "intro_observed": ("{previous_table} gives the headline indicators of the {previous} in {previous_start} and "
                           "their {previous_end} targets. The values achieved come from the monitoring data: the "
                           "{previous_end} value, or where there is none yet the latest one before it, with its year; "
                           "their sources are under “Values and sources”. The table compares the yearly growth "
                           "achieved with the growth the target needed and grades each by this report's rules; a grade "
                           "resting on a value from before {previous_end} is preliminary."),
        "preliminary": "{grade}, preliminary",
        "actuals_heading": "Values and sources",
        "review_heading": "{previous_table}: what the {previous} achieved",
        "disagree": "Where the remarks of {previous_table} and this report's rules differ: {comments}",
        "all_agree": "The verdicts by this report's rules agree with every remark of {previous_table}.",
        "series_note": "Note ({name}): {note}",
        "growth_alt": "Yearly growth achieved and needed in the {previous} (shares, in percentage points, are in the table above)",
        "pace_heading": "If the pace of the {previous} went on",
        "pace_note": ("The series in both plans, carried to {end_year} at their {previous_start}–{previous_end} yearly growth "
                      "(compound; a share closing its gap to 100% at its earlier rate). A scenario, not a forecast; the scenarios "
                      "page starts from the same pace."),
        "pace_note_observed": ("The series in both plans, carried to {end_year} at their yearly growth from {previous_start} "
                               "to the latest value (its year in the table above; compound, a share closing its gap to 100% "
                               "at its earlier rate). A scenario, not a forecast; the scenarios page starts from the same pace."),
        "pace_alt": "Paths {start_year}–{end_year} at the pace of the {previous} against the {end_year} targets",
        "contradictions_none": "No notes on the plan's wording or definitions are recorded for this plan.",
        "pace_none": "No series in both plans has a value yet to carry a pace from.",
        "contradictions_heading": "Notes on the plan's wording and definitions (规划文本口径说明)",
        "contradictions_note": ("{count} places where the plan's wording or definitions need a "
                                "note, each with both quotes and the table or paragraph (its "
                                "opening words) they stand in."),
        "where": " ({where})", "where_paragraph": " (the paragraph opening “{where}”)",
    },
}

TRAJECTORIES = {
    "zh": {
        "title": "实现目标所需的路径",
        "intro": ("每个有数值目标的指标，从{baseline_year}年基期值到{end_year}年目标有两条路径：复合增长路径（每年增长率相同）"
                  "和线性路径（每年增加量相同，即序时进度）。"),
        "rates_heading": "年均需增长",
        "linear_step": "线性路径每年增加",
        "paths_heading": "复合路径与线性路径",
        "paths_alt": "各指标复合增长路径与线性路径",
        "milestones_heading": "年度目标分解（各年末应达值）",
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
        "milestones_heading": "Yearly breakdown of the targets: what each year's end should reach (年度目标分解)",
        "milestones_note": "On the compound path; the linear path in brackets.",
    },
}

SCENARIOS = {
    "zh": {
        "title": "情景分析（示意，非预测）",
        "warning": ("**本页为示意性情景，不是预测。** 结果完全取决于下列增长假设和波动参数，"
                    "用于回答“如果……会怎样”，不代表对未来的判断。"),
        "assumptions_heading": "增长假设",
        "assumptions_note": ("默认假设：指标在{previous}已有数据的，取{previous_start}—{previous_end}年的年均增速；其余取从起点实现目标所需的增长率。"
                             "起点为最新实际值，没有实际值时为基期值。比重类指标按百分点提高，越接近100%每年提高越少，不会达到100%。"),
        "projection_heading": "确定性推算",
        "probability_heading": "随机模拟：达到{end_year}年目标的概率",
        "probability_note": ("每年的增长率围绕上述假设随机波动，模拟多次后统计达到目标的比例。"
                             "模拟方法和参数见《方法与口径说明》。"),
        "fan_alt": "各指标情景路径的10%～90%区间",
        "fan_note": "阴影为10%～90%分位区间，实线为中位数，星号为{end_year}年目标。",
        "by_construction": "按实现目标所需增长率假设的指标不列达标概率：该假设下的概率按构造约为一半，没有参考意义。",
        "projection_note": "按实现目标所需增长率假设的指标，推算值按构造恰好等于目标值，不作是否达到的判断（记为“—”）。",
        "share_growth": "首年提高{points}个百分点，此后逐年递减",
    },
    "en": {
        "title": "Scenarios (illustrative, not a forecast)",
        "warning": ("**These are illustrative scenarios, not forecasts.** They follow entirely "
                    "from the growth assumptions and volatility below and answer \"what if\", "
                    "nothing more."),
        "assumptions_heading": "Growth assumptions",
        "assumptions_note": ("By default, the {previous_start}–{previous_end} pace where the {previous} has the series, "
                             "else the rate that takes it from its start to the target. Each scenario starts from the latest observed "
                             "value, or from the baseline when there is none. A share gains percentage points, fewer "
                             "each year as it nears 100%, which it never reaches."),
        "projection_heading": "Deterministic projection",
        "probability_heading": "Simulation: the probability of meeting each {end_year} target",
        "probability_note": ("Each year's growth varies at random around the assumption; the share "
                             "of many simulated paths that reach the target is shown. The method and "
                             "its parameters are on the methods page."),
        "fan_alt": "10–90% range of the scenario paths of every indicator",
        "fan_note": "Shaded: 10th to 90th percentile; line: median; star: the {end_year} target.",
        "by_construction": ("No probability is shown where the assumption is the growth the "
                            "target requires: it is about one half by construction and says nothing."),
        "projection_note": ("Where the assumption is the growth the target requires, the "
                            "projection lands on the target by construction, so it is not judged "
                            "(shown as \"—\")."),
        "share_growth": "+{points} percentage points in the first year, fewer after",
    },
}

EXPLORER = {
    "zh": {
        "title": "情景探索器（示意，非预测）",
        "intro": ("本页按默认增长假设展示各指标到{end_year}年的情景路径和达到目标的概率。"
                  "这是示意性情景，不是预测。"),
        "indicator": "指标", "growth": "年均增长", "volatility": "波动率",
        "verdict": "达到{end_year}年目标的概率：<b>{probability}</b>（模拟{draws}次）",
        "static_note": ("各指标取默认假设（{previous}速度或实现目标所需的增长率）；其他假设下的情景"
                        "可由科技局分析人员另行测算。参数见《方法与口径说明》。"),
    },
    "en": {
        "title": "Scenario explorer (illustrative, not a forecast)",
        "intro": ("Each indicator's scenario paths to {end_year} and the probability of meeting "
                  "its target, at the default growth assumption. Illustrative scenarios, not forecasts."),
        "indicator": "Indicator", "growth": "Growth", "volatility": "Volatility",
        "verdict": "Probability of meeting the {end_year} target: <b>{probability}</b> ({draws:,} draws)",
        "static_note": ("Every indicator at its default assumption (the pace of the {previous} or the "
                        "rate the target requires); the bureau's analysts can work out other "
                        "assumptions. Parameters are on the methods page."),
    },
}

METHODS = {
    "zh": {
        "title": "方法与口径说明",
        "intro": ("本页说明《{plan}》监测报告所用的指标解释、统计口径、计算方法、判断标准及其来源，"
                  "供审阅报告时对照。"),
        "definitions_heading": "一、指标解释与统计口径",
        "definitions_note": ("统计口径指实际值与规划基期值的统计范围是否一致。{scope_note}责任单位为提供该指标数据的部门。"),
        "scope_quote": "（规划原文：{quote}）",
        "unconfirmed": "待确认",
        "amount_unit": "页面中为{shown}，下载表格中为{unit}",
        "scope_unstated": "规划未注明",
        "formulas_heading": "二、计算方法",
        "formulas": (
            "设基期值为b（基期年份t0），目标值为T（目标年份tT），最新实际值为v（年份t）。\n\n"
            "- **年均需增长**（实现目标所需的年均增长率）=（T ÷ b）^(1 ÷ (tT − t0)) − 1，按复合增长计算。\n"
            "- **同年应达值** = b ×（1 + 年均需增长）^(t − t0)：按复合增长实现目标时，实际值所在年份应达到的数值；"
            "尚无实际值时取报告年份。\n"
            "- **实际年均增速** =（v ÷ b）^(1 ÷ (t − t0)) − 1。\n"
            "- **增速比** = 实际年均增速 ÷ 年均需增长，为判断进展的主要依据（见第三部分）。\n"
            "- **完成进度** =（v − b）÷（T − b）；**序时进度** =（t − t0）÷（tT − t0）。报告并列二者，"
            "并给出快于或慢于序时进度的百分点数；按增速比的判断与按序时进度的比较不一致时，报告予以说明。\n"
            "- **年均尚需**：从最新实际值到目标每年还需的增长，=（T ÷ v）^(1 ÷ (tT − t)) − 1；"
            "比重类指标以每年需提高的百分点数（(T − v) ÷ (tT − t)）表示，增长率列在其后。已达到目标的指标不再列示。\n"
            "- **完成率** = v ÷ T；比重类指标以 v − T（百分点）表示。\n"
            "- 计数类指标（家、件、项、个、人）取整数。\n"
            "- {direction_note}"),
        "direction_all_higher": "各项指标均以数值越大越好：实际值不低于目标值即达到目标。",
        "direction_lower": ("以下指标数值越小越好：{names}。对这些指标，实际值不高于目标值即达到目标，"
                            "低于目标值且低出部分不少于目标降幅的{margin}为超额完成；"
                            "增速比 = −实际年均增速 ÷ |年均需增长|；完成率 = T ÷ v，比重类指标以 T − v（百分点）表示。"
                            "其余指标数值越大越好。"),
        "status_heading": "三、判断标准",
        "rule_target_met": "最新实际值达到或超过目标值（“××以上”的目标达到该值）",
        "rule_on_track": "增速比不低于{on_track}",
        "rule_moderate_progress": "增速比在{moderate}～{on_track}之间",
        "rule_insufficient_progress": "增速比在0～{moderate}之间",
        "rule_moving_away": "增速比低于0（实际值低于基期值），或基期值已达到目标而实际值未达到",
        "rule_insufficient_data": "基期以后至报告年份尚无实际值",
        "rule_not_assessable": "目标为定性目标，或为相对目标而缺少对照地区数据",
        "status_origin": (
            "判断标准参照欧盟统计局（Eurostat）可持续发展目标进展评估方法：以实际增速与实现目标所需增速之比衡量，"
            "分界点为95%、60%和0；联合国统计司（UNSD）目标进展图及Open SDG平台采用同类方法。完成进度与序时进度的比较"
            "是我国规划评估的通行做法，报告同时列示。只依据基期以后一个年度实际值的判断标为“初步判断”。"),
        "grades_heading": "四、终期评估的完成情况",
        "grades": (
            "终期评估按最新实际值评定完成情况：\n\n"
            "- **超额完成**：实际值超过目标值，且超出部分不少于目标增量（目标值 − 基期值）的{margin}；\n"
            "- **完成**：实际值达到目标值；\n"
            "- **基本完成**：完成进度不低于{nearly}；\n"
            "- **未完成**：其余情况。\n\n"
            "{end_year}年实际值尚未全部取得时，以最新实际值代替，标题注明“终期（预）评估”及所依据的数据年份。"),
        "kinds_heading": "五、各类目标的处理",
        "kinds": (
            "- **定量目标**（目标为一个数值）：按上述公式评价。\n"
            "- **“××以上”的定量目标**（如“70%以上”）：达到该值即为已达到目标。\n"
            "- **区间目标**（如“1～2家”）：达到区间下限即为已达到目标，上限一并列示。\n"
            "- **累计目标**（如“新增就业大学生7万人以上”，指规划期内累计新增）：自零起算，按线性路径（序时进度）评价，不计复合增速。\n"
            "- **相对目标**（以对照地区为参照，如“提高幅度不低于××平均水平”）：比较本指标自基期以来的提高幅度与对照地区同期的提高幅度（百分点）；"
            "缺少对照地区数据时暂不具备评价条件。\n"
            "- **无基期值的目标**：可判断是否已达到目标，但无法判断进度快慢。\n"
            "- **比重类指标**：变化以百分点表示；完成率以实际值与目标值之差（百分点）表示。"),
        "scope_heading": "六、统计口径的标注与数据核查",
        "scope_rules": (
            "每个实际值注明统计口径。与规划基期值口径不同的实际值（例如规划为市级、实际值为全市）列入数据来源表并标注"
            "“口径不同，不参与评价”，不与目标比较；实际值或规划未注明口径的，参与评价并标注“口径待核实”。"
            "同一指标同一年份有多个口径的实际值时，优先采用与规划口径一致的数值。\n\n"
            "数据核查只作提示，不改变评价：存量指标（如高新技术企业数）或累计数低于上一个实际值；"
            "年均变化超过实现目标每年所需最大变化的{jump_factor}倍；规划首年即达到期末目标。"
            "提示列于《数据来源与目标总览》的数据核查部分和年度报告的“需要关注的问题”。"),
        "breaks_heading": "七、序列断点与数据修订",
        "breaks_none": "暂无需要说明的序列断点或数据修订。",
        "break_item": "**{name}**：{note}（资料来源：{source}）",
        "scenarios_heading": "八、情景测算的技术参数",
        "scenarios": (
            "情景分析页为示意性测算，不是预测。默认增长假设：两个规划都有数据的指标取上一规划期的年均增速，"
            "其余取实现目标所需的年均增长率；起点为最新实际值，没有实际值时为基期值。比重类指标按“与100%的差距每年缩小的比例”"
            "测算（上一规划期或实现目标所需的比例），每年提高的百分点逐年减少，不会达到100%。"
            "随机模拟中，每年增长率在假设值上下随机波动，波动的标准差为{volatility}（正态分布）；比重类指标的波动"
            "施加在对数几率（logit）尺度上，起点附近的幅度与其他指标相当，数值始终在0～100%之间。模拟{draws}次，"
            "随机数起点固定为{seed}，使每次生成的报告相同；每个指标的随机数由起点与指标代码确定、互不影响，"
            "某一指标新增实际值不改变其他指标的模拟结果；情景探索页与情景分析页使用相同的模拟结果，"
            "在分析环境中交互调整时模拟{explorer_draws}次，以便即时响应。"),
    },
    "en": {
        "title": "Methods and definitions",
        "intro": ("What the monitoring reports of the {plan} rest on: indicator definitions, "
                  "statistical scopes, formulas, the rules of each verdict and where they come from."),
        "definitions_heading": "1. Indicator definitions and statistical scopes (指标解释与统计口径)",
        "definitions_note": ("The statistical scope (统计口径) says whether a value covers what the "
                             "plan's baseline covers. {scope_note} The supplier is the office that "
                             "holds the data."),
        "scope_quote": " (the plan: {quote})",
        "unconfirmed": "to be confirmed",
        "amount_unit": "{shown} on the pages; {unit} (亿元) in the downloads",
        "scope_unstated": "not stated in the plan",
        "formulas_heading": "2. Formulas",
        "formulas": (
            "Let b be the baseline (year t0), T the target (year tT), v the latest value (year t).\n\n"
            "- **Growth needed a year** = (T ÷ b)^(1 ÷ (tT − t0)) − 1, compound.\n"
            "- **Required value that year** (同年应达值) = b × (1 + growth needed)^(t − t0): what the "
            "compound path to the target reaches in the value's year; the report year when there "
            "is no value.\n"
            "- **Observed yearly growth** = (v ÷ b)^(1 ÷ (t − t0)) − 1.\n"
            "- **Growth ratio** (增速比) = observed yearly growth ÷ growth needed: the main basis "
            "of the verdict (section 3).\n"
            "- **Progress** (完成进度) = (v − b) ÷ (T − b); **time elapsed** (序时进度) = "
            "(t − t0) ÷ (tT − t0). Reports show both and the points between them; where the "
            "growth ratio and this comparison disagree, they say so.\n"
            "- **Still needed per year**: (T ÷ v)^(1 ÷ (tT − t)) − 1 from the latest value; for a "
            "share, the percentage points a year ((T − v) ÷ (tT − t)), the rate beside it. Not "
            "shown once the target is met.\n"
            "- **Completion rate** (完成率) = v ÷ T; for a share, v − T in percentage points.\n"
            "- Counts (firms, patents, projects, people) are whole numbers.\n"
            "- {direction_note}"),
        "direction_all_higher": ("For every indicator, higher is better: a value at or above its "
                                 "target meets it."),
        "direction_lower": ("Lower is better for: {names}. For these, a value at or below the target "
                            "meets it, and one below it by at least {margin} of the planned fall "
                            "exceeds it; growth ratio = −observed yearly growth ÷ |growth "
                            "needed|; completion rate = T ÷ v, for a share T − v in percentage "
                            "points. Every other indicator is better higher."),
        "status_heading": "3. The verdicts",
        "rule_target_met": "the latest value reaches the target (a lower bound: reaches it)",
        "rule_on_track": "growth ratio at least {on_track}",
        "rule_moderate_progress": "growth ratio from {moderate} to {on_track}",
        "rule_insufficient_progress": "growth ratio from 0 to {moderate}",
        "rule_moving_away": ("growth ratio below 0 (the value is below the baseline), or the "
                            "baseline met the target and the value does not"),
        "rule_insufficient_data": "no value after the baseline up to the report year",
        "rule_not_assessable": "a qualitative target, or a relative one without the reference region's data",
        "status_origin": (
            "The cut-offs (95%, 60%, 0) are those of Eurostat's progress assessment of the "
            "Sustainable Development Goals (ratio of observed to required growth), also used by "
            "the UNSD Progress Chart and Open SDG. Progress set against the time elapsed is how "
            "Chinese plan reviews compare; the reports show both. A verdict on a single value "
            "after the baseline is marked preliminary (初步判断)."),
        "grades_heading": "4. Grades of the final evaluation (完成情况)",
        "grades": (
            "The final evaluation grades each target on its latest value:\n\n"
            "- **exceeded** (超额完成): beyond the target by at least {margin} of the planned "
            "change (target − baseline);\n"
            "- **met** (完成): at the target;\n"
            "- **nearly met** (基本完成): progress of at least {nearly};\n"
            "- **not met** (未完成): otherwise.\n\n"
            "Until every {end_year} value is in, the latest value stands in and the heading "
            "says \"preliminary\" and which data years it rests on."),
        "kinds_heading": "5. Kinds of target",
        "kinds": (
            "- **Level** (a number to reach): the formulas above.\n"
            "- **Lower bound** (e.g. \"above 70%\"): met at the bound.\n"
            "- **Range** (e.g. \"1–2\"): met at its lower end; the upper end is shown.\n"
            "- **Cumulative** (e.g. 70,000 graduates employed over the period): counted from "
            "zero and judged on the linear path, with no compound rate.\n"
            "- **Relative** (against a reference region, e.g. \"an increase no smaller than its average\"): the "
            "indicator's increase since its baseline against the reference region's increase "
            "over the same years (percentage points); not assessable without that data.\n"
            "- **Without a baseline**: can be found met, but its pace cannot be judged.\n"
            "- **Shares**: changes in percentage points; the completion rate as the value minus the target."),
        "scope_heading": "6. Statistical scope marks and data checks",
        "scope_rules": (
            "Every value states its scope. A value of a different scope from the plan's baseline (say "
            "the whole city, 全市, where the plan counts 市级) is listed with its sources, marked "
            "\"a different scope\", and never set against the target; a value whose scope, or the "
            "plan's, is not stated is judged and marked \"scope to be checked\". Where one "
            "indicator and year have values of several scopes, the plan's scope is used.\n\n"
            "Data checks only warn; they change no verdict: a stock (such as the number of "
            "high-tech enterprises) or a cumulative total below its previous value; a yearly "
            "change more than {jump_factor} times the largest yearly change the target requires; "
            "a target met in the plan's first year. The warnings are listed in the overview's data "
            "checks and in the annual report's issues to watch."),
        "breaks_heading": "7. Series breaks and revisions",
        "breaks_none": "No series break or revision to note.",
        "break_item": "**{name}**: {note} (source: {source})",
        "scenarios_heading": "8. Technical parameters of the scenarios",
        "scenarios": (
            "The scenario pages are illustrations, not forecasts. Default growth: the previous "
            "plan's yearly pace where both plans have the series, else the growth the target "
            "needs; the start is the latest value, or the baseline. A share closes its gap to 100% "
            "at a steady yearly rate (the previous plan's, or the one the target needs), so it "
            "gains fewer points each year and never reaches 100%. "
            "In the simulation each year's growth varies around the assumption with a standard "
            "deviation of {volatility} (normal); a share's variation acts on the log-odds scale, about "
            "as large near its start as a level's, so it stays within 0–100%. {draws} draws from "
            "the fixed random seed {seed}, "
            "so every render is the same; each indicator draws its own numbers, from the seed "
            "and its id, so a value added for one indicator leaves the others' draws as they "
            "were; the explorer page shows the same draws, and its "
            "sliders, in the analysts' notebook, draw {explorer_draws} to answer at once."),
    },
}

# Where our remark on a row of the previous plan's table differs from the table's own.
REVIEW_COMMENT = {
    "zh": "{year}年实际{actual}，目标{target}，{attainment}；按本报告评价标准为“{ours}”，表中备注为“{remark}”。",
    "en": ("{actual} in {year} against a target of {target} ({attainment}): by this "
           "report's rules {ours}, the table's remark says {remark}."),
}
# How far a value reached its target: a share of it, or for a share (比重) the points above or
# below it, since shares move in 百分点.
ATTAINMENT = {
    "zh": {"ratio": "达到目标的{share:.0%}", "above": "高于目标{points:.2f}个百分点",
           "below": "低于目标{points:.2f}个百分点"},
    "en": {"ratio": "{share:.0%} of it", "above": "{points:.2f} percentage points above it",
           "below": "{points:.2f} percentage points below it"},
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
    "en": {"市级": "city level (市级)",
           "全市": "whole city (全市)", "未说明": "not stated (未说明)"},
}

STATUS_LABELS = {
    "target_met": {"zh": "已达到目标", "en": "Target met"},
    "on_track": {"zh": "进展顺利", "en": "On track"},
    "moderate_progress": {"zh": "略有滞后，需加快", "en": "Moderate progress"},
    "insufficient_progress": {"zh": "明显滞后", "en": "Insufficient progress"},
    "moving_away": {"zh": "不升反降", "en": "Moving away"},
    "insufficient_data": {"zh": "暂无数据", "en": "No data yet"},
    "not_assessable": {"zh": "暂不具备评价条件", "en": "Not assessable yet"},
}
# Where lower is better, moving away from the target is rising: 不降反升, not 不升反降.
STATUS_LABELS_LOWER = {"moving_away": {"zh": "不降反升", "en": "Moving away"}}

# 完成情况, the final evaluation's grade (analysis.progress.COMPLETIONS).
COMPLETION_LABELS = {
    "zh": {"exceeded": "超额完成", "met": "完成", "nearly_met": "基本完成", "not_met": "未完成"},
    "en": {"exceeded": "exceeded (超额完成)", "met": "met (完成)", "nearly_met": "nearly met (基本完成)",
           "not_met": "not met (未完成)"},
}

CHARTS = {
    "zh": {"compound": "目标路径（复合增长）", "linear": "线性路径（序时进度）",
           "observed": "实际值", "report_year": "报告年份", "target": "目标值", "target_above": "目标值 {value}以上", "year": "年份",
           "baseline": "基期值", "achieved_rate": "实际年均增长率", "needed_rate": "年均需增长率",
           "band": "10%～90%区间", "median": "中位数"},
    "en": {"compound": "Path to the target (compound)", "linear": "Linear path (time elapsed)",
           "observed": "Value", "report_year": "Report year", "target": "Target", "target_above": "Target above {value}", "year": "Year",
           "baseline": "Baseline", "achieved_rate": "Achieved yearly growth",
           "needed_rate": "Needed yearly growth", "band": "10–90% range", "median": "Median"},
}

# A report's tables as downloads: titles (sheet names) and column names, units in the header.
DOWNLOADS = {
    "zh": {"indicators_title": "主要指标完成情况", "body_targets_title": "正文目标进展",
           "gaps_title": "数据缺口与责任单位", "sources_title": "实际值及来源",
           "indicator_id": "指标编号", "indicator": "指标", "unit": "单位", "baseline_year": "基期年份",
           "baseline_value": "基期值", "target_year": "目标年份", "target_value": "目标值",
           "target_text": "目标（规划原文）", "latest_year": "最新实际值年份", "latest_value": "最新实际值",
           "scope_check": "统计口径核验", "required_value": "同年应达值", "progress_share": "完成进度（%）",
           "elapsed_share": "序时进度（%）", "progress_ratio": "增速比", "status": "判断",
           "preliminary": "初步判断", "completion": "完成情况", "completion_rate": "完成率（%）",
           "gap_points": "与目标之差（百分点，比重类）", "remaining_rate": "年均需增长（%）",
           "year": "年份", "value": "数值", "scope": "统计口径", "source": "来源", "note": "说明",
           "source_en": "来源（英文释义）", "download": "下载表格", "workbook": "全部表格（Excel）", "csv": "{title}（CSV）",
           "targets_title": "目标清单", "kinds_title": "目标类型", "table1_title": "上一规划期完成情况",
           "pace_title": "按上一规划期速度推算", "notes_title": "规划文本口径说明",
           "rates_title": "年均需增长", "milestones_title": "年度目标分解",
           "assumptions_title": "增长假设", "projection_title": "确定性推算",
           "probabilities_title": "达标概率", "definitions_title": "指标解释与统计口径",
           "target_id": "目标编号", "kind": "类型", "count": "数量", "target_upper": "目标上限",
           "origin": "出处", "progress": "进展情况", "section": "位置", "quote": "原文",
           "required_rate": "年均需增长（%）", "achieved_rate": "实际年均增长（%）",
           "required_points": "年均需提高（百分点）", "achieved_points": "实际年均提高（百分点）",
           "pace_points": "上一规划期年均提高（百分点）",
           "attainment": "实际值为目标的（%）", "plan_remark": "规划表格备注", "own_remark": "按本报告评价标准",
           "pace_rate": "上一规划期年均增长（%）", "projected": "推算值", "reaches": "能否达到目标",
           "topic": "问题", "quote_a": "原文甲", "where_a": "原文甲位置", "quote_b": "原文乙",
           "where_b": "原文乙位置", "explanation": "说明", "linear_step": "线性路径每年增加",
           "compound_value": "复合路径应达值", "linear_value": "线性路径应达值",
           "start_year": "起点年份", "start_value": "起点值", "start_source": "起点来源",
           "growth": "增长假设（%）", "gap_rate": "与100%差距每年缩小（%，比重类）",
           "first_year_points": "首年提高（百分点，比重类）", "assumption": "假设来源", "probability": "达标概率（%）",
           "p10": "10%分位", "median": "中位数", "p90": "90%分位", "definition": "指标解释",
           "supplier": "责任单位", "source_release": "数据来源与发布时间"},
    "en": {"indicators_title": "Headline indicators", "body_targets_title": "Body-text targets",
           "gaps_title": "Missing data and suppliers", "sources_title": "Values and sources",
           "indicator_id": "Indicator id", "indicator": "Indicator", "unit": "Unit",
           "baseline_year": "Baseline year", "baseline_value": "Baseline", "target_year": "Target year",
           "target_value": "Target", "target_text": "Target (the plan's words)",
           "latest_year": "Year of the latest value", "latest_value": "Latest value",
           "scope_check": "Scope check", "required_value": "Required value that year (同年应达值)",
           "progress_share": "Progress (%)", "elapsed_share": "Time elapsed (%)",
           "progress_ratio": "Growth ratio", "status": "Status", "preliminary": "Preliminary",
           "completion": "Grade (完成情况)", "completion_rate": "Completion rate (%)",
           "gap_points": "Difference from the target (percentage points, shares)",
           "remaining_rate": "Growth still needed a year (%)", "year": "Year", "value": "Value",
           "scope": "Scope (统计口径)", "source": "Source", "note": "Note",
           "source_en": "Source in English (a gloss)", "download": "Download the tables", "workbook": "All tables (Excel)", "csv": "{title} (CSV)",
           "targets_title": "Target catalogue", "kinds_title": "Targets by kind",
           "table1_title": "Previous plan in review", "pace_title": "At the previous plan's pace",
           "notes_title": "Notes on the plan's wording", "rates_title": "Growth needed",
           "milestones_title": "Yearly breakdown", "assumptions_title": "Growth assumptions",
           "projection_title": "Deterministic projection", "probabilities_title": "Probabilities",
           "definitions_title": "Definitions and scopes", "target_id": "Target id", "kind": "Kind",
           "count": "Count", "target_upper": "Target, upper end", "origin": "Where",
           "progress": "Progress", "section": "Paragraph", "quote": "Quote",
           "required_rate": "Growth needed a year (%)", "achieved_rate": "Growth achieved a year (%)",
           "required_points": "Rise needed a year (percentage points)",
           "achieved_points": "Rise achieved a year (percentage points)",
           "pace_points": "Previous plan's yearly rise (percentage points)",
           "attainment": "Value as a share of the target (%)", "plan_remark": "The table's remark",
           "own_remark": "By this report's rules", "pace_rate": "Previous plan's yearly growth (%)",
           "projected": "Projected value", "reaches": "Reaches the target", "topic": "Issue",
           "quote_a": "Quote A", "where_a": "Where A stands", "quote_b": "Quote B",
           "where_b": "Where B stands", "explanation": "What it means",
           "linear_step": "Linear increase a year", "compound_value": "Compound path value",
           "linear_value": "Linear path value", "start_year": "Start year", "start_value": "Start value",
           "start_source": "Start from", "growth": "Growth assumed (%)",
           "gap_rate": "Gap to 100% closed a year (%, shares)",
           "first_year_points": "Rise in the first year (percentage points, shares)", "assumption": "Assumption from",
           "probability": "Probability of meeting the target (%)", "p10": "10th percentile",
           "median": "Median", "p90": "90th percentile", "definition": "Definition",
           "supplier": "Supplier", "source_release": "Source and release"},
}

# The bar of links at the top of every report, and its table of contents.
NAV = {
    "zh": {"index": "全部报告", "other": "English", "methods": "方法与口径说明", "contents": "本页目录"},
    "en": {"index": "All reports", "other": "中文版", "methods": "Methods and definitions",
           "contents": "Contents"},
}

INDEX = {
    "zh": {"heading": "中文报告", "year": "报告年份", "data": "最新数据年份", "none": "无",
           "latest": "最新报告"},
    "en": {"heading": "Reports in English", "year": "Report year", "data": "Latest data",
           "none": "none", "latest": "latest report"},
}

# Data checks that warn (analysis.checks): on the command line (en) and in the overview.
CHECKS = {
    "zh": {
        "falls": "{name}{year}年实际值{value:g}低于{previous_year}年的{previous:g}：存量指标一般不会下降，请核实数值和口径。",
        "falls_total": "{name}{year}年实际值{value:g}低于{previous_year}年的{previous:g}：累计数不会下降，请核实数值和口径。",
        "jump": ("{name}{previous_year}—{year}年年均变化{change:.3g}{unit}，为实现目标每年所需最大变化幅度"
                 "（{needed:.3g}{unit}）的{times:.1f}倍（超过3倍即提示）：请核实数值、口径或统计分类是否有变化。"),
        "early": "{name}{year}年实际值{value:g}已达到{target_year}年目标{limit:g}：规划首年即达标，请核实单位和口径。",
        "points": "个百分点",
        "heading": "数据核查（提示，不影响评价）",
        "note": "以下数值已参与评价，建议向责任单位核实：",
        "none": "未发现需要核实的数值。",
    },
    "en": {
        "falls": ("{name}: {value:g} in {year} is below {previous:g} in {previous_year}; a stock "
                  "rarely falls, so check the value and its scope."),
        "falls_total": ("{name}: {value:g} in {year} is below {previous:g} in {previous_year}; a "
                        "cumulative total cannot fall, so check the value and its scope."),
        "jump": ("{name}: {change:.3g}{unit} a year from {previous_year} to {year}, {times:.1f} times "
                 "the largest yearly change the plan needs ({needed:.3g}{unit}; flagged beyond 3 "
                 "times): check the value, its scope, or a change of statistical classification."),
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
            "统计口径 scope：从下拉列表中选择（{scopes}）。{scope_note}文件未说明口径的选“未说明”。"
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
            "supplier": "责任单位", "source_release": "数据来源与发布时间", "baseline": "基期值",
            "target": "规划目标", "required_value": "同年应达值（参考）", "indicator_id": "指标编号 indicator_id",
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
       "EXPLORER": EXPLORER, "METHODS": METHODS, "CHARTS": CHARTS, "INDEX": INDEX, "NAV": NAV, "DOWNLOADS": DOWNLOADS, "SCOPE_NAMES": SCOPE_NAMES,
       "CHECKS": CHECKS, "EVIDENCE_STATUS": EVIDENCE_STATUS, "COMPLETION_LABELS": COMPLETION_LABELS,
       "REVIEW_COMMENT": {lang: {"comment": text} for lang, text in REVIEW_COMMENT.items()},
       "ATTAINMENT": ATTAINMENT,
       "STATUS_LABELS": {lang: {status: labels[lang] for status, labels in STATUS_LABELS.items()}
                         for lang in ("zh", "en")}}

# Each rendered notebook's title (the annual report's comes from the plan).
NOTEBOOK_TITLES = {
    "overview": {lang: OVERVIEW[lang]["title"] for lang in OVERVIEW},
    "review_previous_plan": {lang: REVIEW[lang]["title"] for lang in REVIEW},
    "trajectories": {lang: TRAJECTORIES[lang]["title"] for lang in TRAJECTORIES},
    "scenarios": {lang: SCENARIOS[lang]["title"] for lang in SCENARIOS},
    "scenario_explorer": {lang: EXPLORER[lang]["title"] for lang in EXPLORER},
    "methods": {lang: METHODS[lang]["title"] for lang in METHODS},
}
