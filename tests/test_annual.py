"""The annual report as a 科技局 reviewer reads it (WORDING.md): 总体情况 first, one table with
完成进度 against 序时进度, the mid-term and final views, the facts to watch, the gaps; no cell
that misleads. From fixture observations, without rendering."""

import html
import re

import pytest
from IPython.display import HTML, Markdown

from analysis.pages.annual import annual_report

from conftest import FOUND, SCOPED, rewrite_rows

HEADER = "indicator_id,year,value,scope,source,note\n"


def observations(tmp_path, *rows, name="values.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(f"{i},{y},{v},{s},test fixture: made-up value,\n"
                                     for i, y, v, s in rows), encoding="utf-8")
    return [str(path)]


def text(parts) -> str:
    """What the parts show, as one string of text (markup stripped)."""
    if not isinstance(parts, (list, tuple)):
        parts = [parts]
    shown = "".join(p.data for p in parts if isinstance(p, (HTML, Markdown)))
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


def rows_of(table: HTML) -> dict[str, list[str]]:
    """A table's body rows by their first cell, markup stripped."""
    rows = re.findall(r"<tr>(.*?)</tr>", table.data, flags=re.S)
    cells = [[re.sub(r"<[^>]+>", "", c).replace("\xa0", " ").strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, flags=re.S)]
             for r in rows]
    return {row[0]: row[1:] for row in cells if row}


@pytest.fixture
def behind(tmp_path):
    # 450 firms in 2022: 18% of the way in 40% of the time; R&D 3.50% in 2023: 60% in 60%;
    # PCT 30 in 2023, below its baseline of 36.
    return observations(tmp_path, ("high_tech_enterprises", 2022, 450, "市级"),
                        ("rd_gdp_ratio", 2023, 3.5, "市级"), ("pct_applications", 2023, 30, "市级"))


def test_the_overall_assessment_speaks_in_sentences_from_the_data(behind):
    page = text(annual_report(2023, "zh", behind).overall())
    assert page.startswith("专栏2所列10项主要指标中，已有2020年以后实际值的3项，暂无数据的7项。")
    assert "尚无指标达到2025年目标。" in page
    assert "慢于序时进度的1项：高新技术企业数（慢于序时进度22个百分点）。" in page
    assert "快于序时进度的1项：全社会R&D经费占GDP比重（达到序时进度）。" in page
    assert "不升反降的1项：国际专利（PCT）申请量（2023年30件）。" in page
    assert "需向统计局（5项）、科技局（1项）、市场监管局（知识产权）（1项）征集。" in page
    assert "3项仅依据一个年度的实际值，为初步判断。" in page


def test_the_status_strip_counts_each_status_and_names_the_data_cut_off(behind):
    strip = text(annual_report(2023, "zh", behind).status_strip())
    assert "暂无数据 7" in strip and "不升反降 1" in strip and "数据截至2023年" in strip


def test_the_one_table_sets_progress_against_the_time_elapsed(behind):
    table = rows_of(annual_report(2023, "zh", behind).main_table())
    baseline, latest, target, path, progress, elapsed, status, needed = table["高新技术企业数"]
    assert (baseline, latest, target) == ("380家（2020年）", "450家（2022年）", "760家")
    assert path == "501家"  # 同年应达值 at 2022, the value's year: a count is a whole number
    assert (progress, elapsed) == ("18%", "40%（慢于序时进度22个百分点）")
    assert status.startswith("○ 明显滞后") and "初步判断" in status
    assert needed == "年均需增长19.09%"
    rd = table["全社会R&amp;D经费占GDP比重"]
    assert rd[2] == "3.7%" and rd[4:6] == ["60%", "60%（达到序时进度）"]
    # A share moves in percentage points: 0.10 a year from 3.50% to 3.7% in 2 years.
    assert rd[7] == "年均需提高0.10个百分点（年均增长2.82%）"
    assert table["国际专利（PCT）申请量"][6].startswith("▼ 不升反降")
    assert table["科技型中小企业数"][6] == "… 暂无数据（责任单位：科技局）"


def test_a_target_met_shows_no_rate_still_needed_and_no_progress_beyond_100(tmp_path):
    values = observations(tmp_path, ("high_tech_enterprises", 2024, 994, "市级"),
                          ("high_tech_value_added_share", 2023, 75.31, "市级"))
    report = annual_report(2024, "zh", values)
    table = rows_of(report.main_table())
    firms, share = table["高新技术企业数"], table["高新技术产业增加值占规模以上工业增加值比重"]
    assert firms[4] == "已达到，为目标的131%" and firms[7] == "—"
    assert share[2] == "70%以上" and share[4] == "已达到，高于目标5.31个百分点" and share[7] == "—"
    shown = text([report.main_table(), report.overall()])
    assert not re.search(r"[−-]\d+(\.\d+)?%", shown)  # never a negative rate "still needed"
    assert "454%" not in shown and "262%" not in shown


def test_compound_and_linear_verdicts_that_disagree_say_so(tmp_path):
    # 500 firms in 2022: growth ratio 0.99 (on track), yet 32% of the way in 40% of the time.
    values = observations(tmp_path, ("high_tech_enterprises", 2022, 500, "市级"))
    status = rows_of(annual_report(2022, "zh", values).main_table())["高新技术企业数"][6]
    assert status.startswith("● 进展顺利") and "增速达到要求，但慢于序时进度" in status


def test_the_mid_term_view_uses_the_time_elapsed_at_the_data_year(behind):
    report = annual_report(2023, "zh", behind)
    shown = text(report.special_sections())
    assert "中期评估：时间过半、任务过半" in shown
    assert "2023年数据的序时进度为60%" in shown and "依据2022、2023年数据" in shown
    assert "完成进度达到或快于序时进度（任务过半）的1项，慢于序时进度的2项" in shown
    assert text(annual_report(2024, "zh", behind).special_sections()) == ""


def test_the_final_evaluation_grades_each_target_and_says_what_data_it_rests_on(tmp_path):
    values = observations(tmp_path, ("high_tech_enterprises", 2025, 798, "市级"),
                          ("pct_applications", 2025, 69, "市级"),
                          ("invention_patents", 2025, 3300, "市级"),
                          ("rd_gdp_ratio", 2024, 3.5, "市级"))
    report = annual_report(2025, "zh", values)
    shown = text(report.special_sections())
    assert "终期（预）评估（基于2024、2025年数据）" in shown and "超额完成" in shown
    grades = rows_of(report.special_sections()[2])
    assert grades["高新技术企业数"][2:] == ["105%", "超额完成"]  # 798 = 760 + a tenth of 380
    assert grades["有效发明专利拥有量"][2:] == ["100%", "完成"]
    assert grades["国际专利（PCT）申请量"][2:] == ["96%", "基本完成"]  # 33 of 36 more: 92%
    # graded on its 2024 value: preliminary, as the note under the table says
    assert grades["全社会R&amp;D经费占GDP比重"][2:] == ["−0.20个百分点", "未完成（初步判断）"]
    assert ("7项指标尚无2025年实际值：1项以最新实际值代替，完成情况为初步判断；6项暂无数据，"
            "暂不具备评价条件") in shown
    assert "终期" not in text(annual_report(2024, "zh", values).special_sections())


def test_the_final_evaluation_is_no_longer_preliminary_once_every_2025_value_is_in(tmp_path):
    ids = ["rd_gdp_ratio", "rd_revenue_ratio_industrial", "rd_personnel_per_10k",
           "high_tech_enterprises", "tech_smes", "rd_active_firm_share", "invention_patents",
           "pct_applications", "high_tech_value_added_share", "high_tech_investment"]
    values = observations(tmp_path, *[(i, 2025, 100, "市级") for i in ids])
    shown = text(annual_report(2025, "zh", values).special_sections())
    assert "终期评估：2025年目标完成情况" in shown and "（预）" not in shown


def test_facts_to_watch_and_the_gaps_with_who_supplies_them(behind):
    report = annual_report(2023, "zh", behind)
    issues = text(report.issues())
    assert "高新技术企业数：完成进度18%，慢于序时进度22个百分点（2022年数据）。" in issues
    assert "国际专利（PCT）申请量：2023年实际值30件，低于基期值36件。" in issues
    gaps = rows_of(report.gaps()[2])
    assert gaps["高新技术企业数"] == ["2021、2023年", "科技局",
                                "慈溪市科学技术局年度工作总结，次年2月前后（2024年数据见2025年2月20日的工作总结）"]
    # where no document says where and when the values come out, the page says so
    assert gaps["科技型中小企业数"] == ["2021—2023年", "科技局", "待确认"]


def test_a_value_of_another_scope_is_a_fact_to_watch_and_never_judged():
    report = annual_report(2023, "zh", [str(SCOPED)])
    issues = text(report.issues())
    assert "2023年实际值79.69%为全市口径，与规划口径不同，未参与评价。" in issues
    table = rows_of(report.main_table())
    assert table["高新技术产业增加值占规模以上工业增加值比重"][1] == "75.31%（2023年）"


def test_every_2025_target_of_the_body_text_is_listed_once(behind):
    report = annual_report(2023, "zh", behind)
    body = report.body_targets()
    assert len(body) == 24  # 28 in the body text, less 2035's vision and three of 专栏2
    assert not set(body["indicator_id"]) & set(report.targets["indicator_id"])
    table = rows_of(report.body_section()[2])
    assert table["省级以上重点实验室：3家"][1] == "暂无数据（责任单位：待确认）"
    assert table["国家创新型县（市）基本建成"][1] == "暂无信息"


def test_the_english_report_speaks_english(behind):
    report = annual_report(2023, "en", behind)
    shown = text([report.overall(), report.main_table(), *report.issues(), *report.gaps()])
    assert "450 firms (2022)" in shown and "22 percentage points behind time elapsed" in shown
    assert shown.startswith("Of the 10 headline indicators of Box 2 (专栏2), 3 have a value after 2020")
    body = rows_of(report.body_section()[2])
    assert "Key laboratories at provincial level or above: 3 labs" in body
    assert "Additional employed university graduates: at least 70,000 people" in body
    assert not re.search(r"[\u4e00-\u9fff]{2,}(?![^(]*\))", re.sub(r"\([^)]*\)", "", shown))


def test_the_colophon_names_the_compiler_and_the_data_but_no_clock_time(behind):
    colophon = text(annual_report(2023, "zh", behind).colophon())
    assert "编制单位：慈溪市科学技术局" in colophon and "数据截至：2023年" in colophon
    assert "规划文本 840bc0d7" in colophon
    assert not re.search(r"\d{1,2}:\d{2}", colophon)


def test_the_english_final_evaluation_names_its_data_years_plainly(tmp_path):
    values = observations(tmp_path, ("high_tech_enterprises", 2024, 994, "市级"),
                          ("high_tech_value_added_share", 2023, 75.31, "市级"))
    shown = text(annual_report(2025, "en", values).special_sections())
    assert "Preliminary final evaluation (based on 2023 and 2024 data)" in shown



def test_a_point_to_watch_carries_the_note_of_the_value_it_is_about():
    """The 994 high-tech enterprises are a mid-year count: §4 says so where it asks to check
    their scope, not only the sources annex."""
    from conftest import SCOPED

    shown = text(annual_report(2025, "zh", [SCOPED]).issues())
    assert ("高新技术企业数：2024年实际值994家未注明统计口径，需核实是否与规划口径（市级）一致。"
            "该数值的说明：年中数（第一批认定后），全年预计突破1000家") in shown
    english = text(annual_report(2025, "en", [SCOPED]).issues())
    assert "(Cixi proper (市级, excluding the Qianwan New Area)). The value's note: Mid-year count" in english


def test_the_introduction_names_every_baseline_year():
    """专栏2 dates one baseline 2019 ("1.34(2019)"): the introduction does not say 2020 for all."""
    assert "主要指标的基期值（2020年，1项指标为2019年）和2025年目标值" in \
        annual_report(2025, "zh", [FOUND]).say("intro").data
    assert "baselines (2020; 2019 for one of them)" in annual_report(2025, "en", [FOUND]).say("intro").data


def test_the_data_gaps_ask_for_the_reference_region_a_relative_target_needs():
    import pandas as pd

    report = annual_report(2025, "zh", [FOUND])
    shown = text(report.show_gaps(report.missing_data()))
    assert "此外，相对目标还需宁波同一指标的数据作对照（规模以上工业企业R&D经费支出占营业收入比重）" in shown
    series = "ningbo_rd_revenue_ratio_industrial"
    report.references = pd.DataFrame({"series_id": [series, series], "year": [2019, 2023],
                                      "value": [1.9, 2.1]})  # the baseline year and a later one
    assert report.reference_gaps() == []
    report.references = report.references[report.references["year"] == 2023]  # no baseline
    assert report.reference_gaps() == ["rd_revenue_ratio_industrial"]
    report.references = pd.DataFrame({"series_id": [series, series], "year": [2019, 2026],
                                      "value": [1.9, 2.1]})  # later only after the report year
    assert report.reference_gaps() == ["rd_revenue_ratio_industrial"]


def test_the_final_evaluation_says_so_when_no_indicator_has_a_value(tmp_path):
    from conftest import write_csv

    empty = write_csv(tmp_path / "none.csv", "indicator_id,year,value,source,note\n")
    shown = text(annual_report(2025, "zh", [empty]).special_sections())
    assert "10项指标尚无实际值，暂不具备评价条件" in shown and "以最新实际值代替" not in shown


def test_an_english_chart_draws_an_amount_in_cny_bn_as_the_tables_write_it():
    """31.6亿元 is CNY 3.16 bn on the English page, in its chart as in its tables; the Chinese
    chart keeps 亿元."""
    def investment_chart(lang):
        for parts in annual_report(2025, lang, [FOUND]).indicator_sections():
            if "high_tech_investment" in str(parts) or any(
                    name in parts[0].data for name in ("Investment in high-tech", "高新技术产业投资")):
                return next(p.data for p in parts if "<svg" in str(getattr(p, "data", "")))
        raise AssertionError("no investment section")

    english = investment_chart("en")
    assert "CNY bn" in english and "Baseline 3.16" in english and "100 million yuan" not in english
    chinese = investment_chart("zh")
    assert "亿元" in chinese and "基期值 31.6" in chinese


def test_names_with_markup_characters_are_escaped_once_in_sentences_and_tables(tmp_path):
    """R&D in a name reads R&D: a sentence put into another sentence (总体情况's lists, who
    supplies what) or into a table is not escaped again ("R&amp;D")."""
    values = observations(tmp_path, ("rd_gdp_ratio", 2025, 3.8, "市级"),
                          ("rd_personnel_per_10k", 2024, 100, "市级"))
    for lang in ("zh", "en"):
        report = annual_report(2025, lang, values)
        report.status()
        parts = [report.overall(), report.status_strip(), *report.main_notes(),
                 *report.issues(), report.show_status(report.status())[0]]
        markup = "".join(part.data for part in parts if isinstance(part, (HTML, Markdown)))
        assert "R&amp;D" in markup and "&amp;amp;" not in markup, lang
        assert "R&D" in text(report.overall()), lang


def test_the_overall_assessment_says_how_far_the_period_is_and_what_the_body_text_has(tmp_path):
    """总体情况 in five to eight sentences even in a year without data: the time elapsed (or the
    period's end) and how many of the body text's targets have a value or a record."""
    empty = observations(tmp_path)
    first = text(annual_report(2021, "zh", empty).overall())
    assert "截至2021年末，规划期已过20%（2021年的序时进度）。" in first
    assert re.search(r"正文所列\d+项目标均暂无实际值或进展记录", first)  # not "0项已有"
    assert 5 <= first.count("。") <= 8
    one = text(annual_report(2024, "zh", observations(
        tmp_path, ("provincial_key_labs", 2024, 2, "市级"), name="one.csv")).overall())
    assert re.search(r"正文所列(\d+)项目标中，1项已有实际值或进展记录，其余\d+项暂无", one)
    last = text(annual_report(2025, "en", empty).overall())
    assert "The plan period (2021–2025) ended at the close of 2025." in last and "elapsed" not in last
    assert "none has a value after 2020 and 10 have no data yet" in last


def test_the_data_gaps_name_the_body_texts_targets_without_a_value_or_a_record(tmp_path):
    values = observations(tmp_path, ("provincial_key_labs", 2024, 2, "市级"))
    report = annual_report(2025, "zh", values)
    [numbers, records] = [part.data for part in report.body_gaps()]
    named = re.search(r"正文目标中，(\d+)项有数值而尚无实际值：(.*)（责任单位：待确认）。", numbers)
    assert named and "省级以上重点实验室" not in named.group(2)
    assert int(named.group(1)) == named.group(2).count("；") + 1  # one "；" between two names
    assert "市级以上众创空间、孵化器" in named.group(2)
    assert re.fullmatch(r"正文目标中，\d+项尚无进展记录，可通过数据征集表的“进展情况”表向有关单位收集。",
                        records)
    [labs] = [row for row in report.body_table().to_dict("records")
              if row["目标"].startswith("省级以上重点实验室")]
    assert labs["进展情况"] == "暂不具备评价条件，2家（2024年）"  # its value shows, not 暂无数据
    english = "".join(part.data for part in annual_report(2025, "en", values).body_gaps())
    assert "R&amp;D institutions" in english and "&amp;amp;" not in english


@pytest.mark.parametrize("lang, indicator, latest, target, expected", [
    ("zh", "tech_smes", 3000.0, 2707.5, "年均需下降5.00%"),  # 3000 × 0.95² = 2707.5
    ("zh", "high_tech_value_added_share", 62.0, 60.0, "年均需降低1.00个百分点（年均下降1.63%）"),
    ("en", "tech_smes", 3000.0, 2707.5, "a fall of 5.00% a year still needed"),
])
def test_a_target_below_the_latest_value_needs_a_fall_not_negative_growth(lang, indicator, latest,
                                                                          target, expected):
    # Where lower is better (none of this plan's indicators, so a made-up row), the change still
    # needed reads as a fall, not "年均需增长−5.00%".
    from analysis.trajectories import compound_rate

    report = annual_report(2023, lang)
    row = {"indicator_id": indicator, "status": "moderate_progress",
           "remaining_rate": float(compound_rate(latest, target, 2023, 2025)),
           "target_value": target, "latest_value": latest, "target_year": 2025, "latest_year": 2023}
    assert report.still_needed(row) == expected


def test_a_target_judged_by_records_shows_the_values_of_the_indicators_it_names(tmp_path):
    # "高新技术企业、科技型中小企业大幅增加" has no number of its own, but the reader must not see
    # 暂无信息 alone beside a page that reports 994 high-tech enterprises.
    values = observations(tmp_path, ("high_tech_enterprises", 2024, 994, "未说明"),
                          ("tech_smes", 2023, 3000, ""), ("tech_smes", 2020, 2043, ""))
    rows = {row[0]: row[2] for row in annual_report(2024, "zh", values).body_table().itertuples(index=False)}
    assert rows["高新技术企业、科技型中小企业大幅增加"] == (
        "暂无信息；相关指标：高新技术企业数2020年380家，2024年994家（口径待核实）；"
        "科技型中小企业数2020年2043家，2023年3000家（口径待核实）")
    # Before any value after the baseline, the status stands alone.
    earlier = {row[0]: row[2] for row in annual_report(2022, "zh", values).body_table().itertuples(index=False)}
    assert earlier["高新技术企业、科技型中小企业大幅增加"] == "暂无信息"


def test_an_indicator_better_lower_reads_in_its_own_words(tmp_path):
    # None of this plan's indicators is better lower: PCT applications are made so in a copy of
    # the plan, and rise from 36 to 80 by 2023 against a "target" of 72.
    import shutil

    from analysis.plan import load_plan

    plan = load_plan()
    folder = tmp_path / "plan"
    shutil.copytree(plan.directory, folder)
    rewrite_rows(plan.indicators_path, folder / plan.indicators_file,
                 lambda rows: [row.update(direction="lower") for row in rows
                               if row["indicator_id"] == "pct_applications"])
    values = observations(tmp_path, ("pct_applications", 2023, 80, ""))
    report = annual_report(2023, "zh", values, str(folder / "plan.toml"))
    row = report.assessment.set_index("indicator_id").loc["pct_applications"]
    assert row["status"] == "moving_away" and row["status_zh"] == "不降反升"
    assert "国际专利（PCT）申请量：2023年实际值80件，高于基期值36件（该指标越小越好）。" in text(report.issues())
    main = rows_of(report.main_table())
    assert "不降反升" in " ".join(main["国际专利（PCT）申请量"])
    met = annual_report(2023, "zh", observations(tmp_path, ("pct_applications", 2023, 30, ""),
                                                 name="met.csv"), str(folder / "plan.toml"))
    assert met.progress_cell(met.assessment.set_index("indicator_id").loc["pct_applications"]
                             .to_dict() | {"indicator_id": "pct_applications"}) == "已达到，为目标的42%"


def test_without_a_value_the_required_value_is_the_report_years(tmp_path):
    # DESIGN.md: 同年应达值 at the observation's year, at the report year where there is none.
    main = rows_of(annual_report(2023, "zh", observations(tmp_path)).main_table())
    assert main["全社会R&amp;D经费占GDP比重"][3] == "3.49%"  # 3.2 × (3.7 ÷ 3.2)^(3/5)
    assert main["高新技术企业数"][3] == "576家"  # 380 × 2^(3/5) = 575.97
