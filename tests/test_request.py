"""The data request (数据征集表): exactly the values still missing, a workbook the offices can
fill in Excel or WPS, read back as an observation file as it is."""

import pytest
from openpyxl import load_workbook

from analysis.cli import main
from analysis.observations import load_observations
from analysis.plan import load_plan
from analysis.request import missing, write_request
from conftest import SCOPED

PLAN = load_plan()


@pytest.fixture(scope="module")
def scoped():
    return load_observations([SCOPED])


def test_it_asks_for_every_indicator_and_year_still_missing(scoped):
    rows = missing(PLAN, 2024, scoped)
    asked = set(zip(rows["indicator_id"], rows["year"]))
    assert ("rd_gdp_ratio", 2021) in asked and ("pct_applications", 2024) in asked
    # Judged values are not asked for again; the 全市 79.69 does not count as the 市级 value.
    assert ("high_tech_value_added_share", 2023) not in asked
    assert ("high_tech_enterprises", 2024) not in asked
    assert ("high_tech_value_added_share", 2024) in asked
    assert not (rows["year"] > 2024).any() and not (rows["year"] < 2021).any()
    assert rows.groupby(["indicator_id", "year"]).size().max() == 1  # each indicator once
    # The body text's targets with numbers are asked for too.
    assert {"provincial_key_labs", "incubators"} <= set(rows["indicator_id"])
    hte = rows[(rows["indicator_id"] == "high_tech_enterprises") & (rows["year"] == 2022)].iloc[0]
    assert (hte["baseline"], hte["target"], hte["required_value"]) == ("380（2020年）", "760（2025年）", "501")
    assert hte["supplier"] == "科技局" and hte["plan_scope"] == "市级" and hte["definition"]
    # A body-text indicator without a curated definition is explained by the plan's own words.
    labs = rows[rows["indicator_id"] == "provincial_key_labs"].iloc[0]
    assert labs["definition"].startswith("规划原文：") and labs["supplier"] == "待确认"
    # Where and when the values come out: as a document says, else 待确认.
    assert hte["source_release"].startswith("慈溪市科学技术局年度工作总结，次年2月前后")
    assert labs["source_release"] == "待确认"


@pytest.fixture(scope="module")
def request_file(tmp_path_factory, scoped):
    return write_request(tmp_path_factory.mktemp("request") / "数据征集表.xlsx", PLAN, 2024, scoped)


def test_the_workbook_guides_whoever_fills_it(request_file, scoped):
    book = load_workbook(request_file)
    assert book.sheetnames == ["填表说明", "数据", "进展情况"]
    assert "数值 value：只填数字" in "\n".join(str(c.value) for c in book["填表说明"]["A"])
    sheet = book["数据"]
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["指标名称", "指标解释"] and "数值 value" in header and "来源 source" in header
    assert sheet.freeze_panes == "B2" and sheet.protection.sheet
    column = {name: sheet.cell(1, i + 1).column_letter for i, name in enumerate(header)}
    assert sheet[f"{column['指标名称']}2"].protection.locked
    assert sheet[f"{column['指标编号 indicator_id']}2"].protection.locked
    assert not sheet[f"{column['数值 value']}2"].protection.locked
    assert not sheet[f"{column['来源 source']}2"].protection.locked
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    assert validations[f"{column['数值 value']}2"].type == "decimal"
    assert validations[f"{column['统计口径 scope']}2"].formula1 == '"市级,全市,未说明"'
    assert validations[f"{column['资料类型 vintage']}2"].type == "list"
    # Wide enough for the longest Chinese name (two widths a character).
    assert sheet.column_dimensions[column["指标名称"]].width >= 2 * len("高新技术企业数")
    # The source and note cells hold a sentence from the start (20 Chinese characters on a line),
    # not only their header's width.
    for name in ("来源 source", "说明 note"):
        assert sheet.column_dimensions[column[name]].width >= 40, name
    assert sheet.max_row - 1 - 50 == len(missing(PLAN, 2024, scoped))


def test_an_unfilled_request_reads_as_no_observation(request_file):
    assert load_observations([request_file]).empty


def test_a_filled_request_is_read_back_and_rendered_as_it_is(request_file, tmp_path, capsys):
    book = load_workbook(request_file)
    sheet = book["数据"]
    header = [cell.value for cell in sheet[1]]
    at = {name: header.index(name) + 1 for name in header}
    filled = {}
    for number in range(2, sheet.max_row + 1):
        key = (sheet.cell(number, at["指标编号 indicator_id"]).value,
               sheet.cell(number, at["年份 year"]).value)
        if key in {("pct_applications", 2024), ("tech_smes", 2023)}:
            value = 58 if key[0] == "pct_applications" else 3105
            sheet.cell(number, at["数值 value"]).value = value
            sheet.cell(number, at["统计口径 scope"]).value = "市级"
            sheet.cell(number, at["来源 source"]).value = "测试填报（非真实数据）"
            filled[key] = value
    path = tmp_path / "filled.xlsx"
    book.save(path)
    frame = load_observations([path])
    assert sorted(zip(frame["indicator_id"], frame["year"], frame["value"])) == [
        ("pct_applications", 2024, 58.0), ("tech_smes", 2023, 3105.0)]
    out = tmp_path / "out"
    assert main(["render", "--year", "2024", "--lang", "zh", "--out", str(out),
                 "--observations", str(path)]) == 0
    page = (out / "annual_2024.html").read_text(encoding="utf-8")
    assert "58件" in page and "3105家" in page and "测试填报（非真实数据）" in page


@pytest.mark.parametrize("argv, message", [
    (["request", "--year", "2031"], "2031 is outside the plan"),
    (["request", "--year", "2024", "--out", "x.csv"], "name it ….xlsx"),
])
def test_bad_request_parameters_exit_2(argv, message, capsys):
    assert main(argv) == 2 and message in capsys.readouterr().err


def test_the_command_writes_the_workbook(tmp_path, capsys):
    out = tmp_path / "req.xlsx"
    assert main(["request", "--year", "2022", "--out", str(out)]) == 0
    assert "values to ask for (2021–2022)" in capsys.readouterr().err
    assert load_workbook(out).sheetnames == ["填表说明", "数据", "进展情况"]
