"""Evidence on targets that numbers cannot judge: read like observations, validated the same
way, and a target without a record reads 暂无信息."""

import pytest
from openpyxl import load_workbook

from analysis.errors import InputError
from analysis.evidence import NO_INFORMATION, evidence_targets, load_evidence, target_progress
from analysis.observations import load_observations
from analysis.plan import load_plan
from analysis.request import write_request
from conftest import write_csv

PLAN = load_plan()
HEADER = "target_id,year,status,done,source,note\n"


def test_the_targets_evidence_speaks_for():
    targets = evidence_targets(PLAN)
    assert "body_innovative_county" in set(targets["target_id"])  # qualitative
    assert "body_provincial_key_labs" in set(targets["target_id"])  # a body-text target with a number
    assert len(targets) == 28
    assert "body_fiscal_sti_share" in set(targets["target_id"])  # “稳步提高财政科技拨款占…比重”
    assert not targets["target_id"].str.startswith("table").any()


def test_records_are_read_and_the_latest_counts(tmp_path):
    path = write_csv(tmp_path / "e.csv", HEADER
                     + "body_innovative_county,2023,推进中,创建方案已报批,某工作总结（2024年2月1日）,\n"
                     + "body_innovative_county,2024,基本完成,通过验收,某工作总结（2025年2月20日）,\n")
    evidence = load_evidence([path], PLAN)
    progress = target_progress(evidence_targets(PLAN), evidence, 2023).set_index("target_id")
    assert (progress.loc["body_innovative_county", "status"],
            progress.loc["body_innovative_county", "status_year"]) == ("推进中", 2023)
    later = target_progress(evidence_targets(PLAN), evidence, 2025).set_index("target_id")
    assert later.loc["body_innovative_county", "status"] == "基本完成"
    others = later.drop(index="body_innovative_county")
    assert (others["status"] == NO_INFORMATION).all()


@pytest.mark.parametrize("row, message", [
    ("table2_rd_gdp_ratio_2025,2024,推进中,x,doc,", "field 'target_id': unknown target id"),
    ("body_innovative_county,2030,推进中,x,doc,", "field 'year': year '2030' is not a whole year from 2019 to 2025"),
    ("body_innovative_county,2024,完成了,x,doc,", "field 'status': status '完成了' is not one of 已完成"),
    ("body_innovative_county,2024,推进中,x,,", "field 'source': source is empty"),
])
def test_a_bad_record_names_file_line_and_field(tmp_path, row, message):
    path = write_csv(tmp_path / "e.csv", HEADER + row + "\n")
    with pytest.raises(InputError, match=f"line 2, {message}"):
        load_evidence([path], PLAN)


def test_one_record_per_target_and_year(tmp_path):
    row = "body_innovative_county,2024,推进中,x,doc,\n"
    path = write_csv(tmp_path / "e.csv", HEADER + row + row)
    with pytest.raises(InputError, match="line 3, field 'year': .*one record per target and year"):
        load_evidence([path], PLAN)


def test_evidence_and_observations_share_a_folder(tmp_path):
    write_csv(tmp_path / "e.csv", HEADER + "body_innovative_county,2024,推进中,x,doc,\n")
    write_csv(tmp_path / "o.csv", "indicator_id,year,value,source,note\ntech_smes,2022,2600,doc,\n")
    paths = sorted(tmp_path.glob("*.csv"))
    assert list(load_evidence(paths, PLAN)["target_id"]) == ["body_innovative_county"]
    assert list(load_observations(paths)["indicator_id"]) == ["tech_smes"]


def test_the_request_asks_for_evidence_and_reads_it_back(tmp_path):
    path = write_request(tmp_path / "r.xlsx", PLAN, 2024,
                         observations=load_observations([]), evidence=load_evidence([], PLAN))
    book = load_workbook(path)
    sheet = book["进展情况"]
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["目标", "规划原文"] and "进展状态 status" in header
    at = {name: header.index(name) + 1 for name in header}
    assert sheet.max_row - 1 - 50 == len(evidence_targets(PLAN))
    sheet.cell(2, at["进展状态 status"]).value = "推进中"
    sheet.cell(2, at["完成情况 done"]).value = "测试填报（非真实信息）"
    sheet.cell(2, at["来源 source"]).value = "测试"
    target = sheet.cell(2, at["目标编号 target_id"]).value
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    evidence = load_evidence([filled], PLAN)
    assert evidence[["target_id", "year", "status"]].values.tolist() == [[target, 2024, "推进中"]]
    assert load_observations([filled]).empty  # the evidence sheet is no observation table


def test_which_table_a_csv_file_holds(tmp_path):
    from analysis.records import holds

    evidence = write_csv(tmp_path / "e.csv", HEADER)
    observations = write_csv(tmp_path / "o.csv", "indicator_id,year,value,source,note\n")
    series = write_csv(tmp_path / "s.csv", "series_id,year,value,source,note\n")
    neither = write_csv(tmp_path / "n.csv", "id,year,value\n")
    assert [holds(p, "target_id") for p in (evidence, observations, series, neither)] == [
        True, False, False, False]
    assert [holds(p, "indicator_id") for p in (evidence, observations, series, neither)] == [
        False, True, True, True]
    assert holds(series, "series_id") and holds(neither, "series_id")


def test_a_workbook_of_observations_only_holds_no_evidence_and_the_reverse(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["indicator_id", "year", "value", "source", "note"])
    book.active.append(["tech_smes", 2022, 2600, "doc", ""])
    observations = tmp_path / "o.xlsx"
    book.save(observations)
    assert load_evidence([observations], PLAN).empty
    book = Workbook()
    book.active.append(["target_id", "year", "status", "done", "source"])
    book.active.append(["body_innovative_county", 2024, "推进中", "x", "doc"])
    evidence = tmp_path / "e.xlsx"
    book.save(evidence)
    assert load_observations([evidence]).empty
    assert len(load_evidence([evidence], PLAN)) == 1


def test_the_overview_reads_like_the_annual_report_for_targets_without_a_record(tmp_path):
    """The overview's 进展情况: a record's status and year where there is one; without one,
    暂无数据 for a body-text target with a number (the annual report says 暂无数据 too, and judges
    it on values) and 暂无信息 for a qualitative one."""
    from analysis.pages.overview import overview

    path = write_csv(tmp_path / "e.csv", HEADER
                     + "body_provincial_key_labs,2024,推进中,已建成2家,某工作总结（2025年2月20日）,\n")
    page = overview("zh")
    page.evidence = load_evidence([path], PLAN)
    cells = dict(zip(page.catalogue["target_id"], page.progress_cells()))
    assert cells["body_provincial_key_labs"] == "推进中（2024年）"
    assert cells["body_innovative_county"] == NO_INFORMATION
    assert cells["body_new_rd_institutions"] == "暂无数据"
    assert cells["table2_rd_gdp_ratio_2025"] == "—"
    values = write_csv(tmp_path / "o.csv", "indicator_id,year,value,source,note\n"
                       "new_rd_institutions,2024,8,某工作总结（2025年2月20日）,\n")
    page.observations = load_observations([values], plan=PLAN)
    cells = dict(zip(page.catalogue["target_id"], page.progress_cells()))
    assert cells["body_new_rd_institutions"] == "—"  # judged on its value in the annual reports


def test_files_given_to_a_report_stand_for_the_folder_with_their_evidence(tmp_path):
    """`render --observations FILE` (a returned request workbook, say) previews the values and
    the evidence in FILE; which evidence a report reads is part of what re-renders it."""
    from analysis.pages.annual import annual_report
    from analysis.rendering import Inputs, annual_jobs, job_digest

    path = write_csv(tmp_path / "e.csv", HEADER
                     + "body_innovative_county,2024,基本完成,通过验收,测试填报（非真实信息）,\n")
    report = annual_report(2025, "zh", [str(path)])
    assert report.evidence[["target_id", "status"]].values.tolist() == [
        ["body_innovative_county", "基本完成"]]
    other = write_csv(tmp_path / "f.csv", HEADER
                      + "body_innovative_county,2024,推进中,通过验收,测试填报（非真实信息）,\n")
    data = Inputs(PLAN)
    [first], [second] = (annual_jobs(PLAN, [2025], ["zh"], [str(p)]) for p in (path, other))
    assert job_digest(first, data) != job_digest(second, data)
