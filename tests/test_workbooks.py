"""Excel workbooks in: read like CSV files, and every bad cell named by file, sheet, row and
column, with exit code 2 and nothing rendered."""

import datetime

import pytest
from openpyxl import Workbook

from analysis.cli import main
from analysis.errors import InputError
from analysis.observations import load_observations, observation_files
from conftest import write_csv

HEADER = ["指标 indicator_id", "年份 year", "数值 value", "口径 scope", "来源 source", "说明 note",
          "填表人（不读）"]


def workbook(path, *rows, header=HEADER, title="数据", extra=None):
    """A workbook with one data sheet (and what `extra` adds), saved as Excel saves it."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    if extra:
        extra(book, sheet)
    book.save(path)
    return path


GOOD = ("high_tech_enterprises", 2024, 994, "未说明", "慈溪市科学技术局2024年工作总结", "", "张三")


def test_a_workbook_is_read_like_a_csv_file(tmp_path):
    def helpers(book, sheet):
        notes = book.create_sheet("填表说明", 0)  # instructions first, naming ids in sentences
        notes.append(["请在“数值 value”列填写数字，在“来源 source”列写明文件、日期和页码。"])
        hidden = book.create_sheet("lists")
        hidden.sheet_state = "hidden"
        hidden.append(["indicator_id", "year", "value"])
        hidden.append(["not_an_indicator", "x", "y"])

    path = workbook(tmp_path / "a.xlsx", GOOD,
                    ("tech_smes", 2023, None, "", "", "", "not supplied"),
                    ("high_tech_value_added_share", 2023, 75.31, "市级", "doc B", "市级口径", ""),
                    extra=helpers)
    frame = load_observations([path])
    assert frame[["indicator_id", "year", "value", "scope"]].values.tolist() == [
        ["high_tech_enterprises", 2024, 994.0, "未说明"],
        ["high_tech_value_added_share", 2023, 75.31, "市级"],
    ]
    assert frame["source"].tolist() == ["慈溪市科学技术局2024年工作总结", "doc B"]


def test_workbooks_in_the_folder_are_observation_files(tmp_path):
    workbook(tmp_path / "a.xlsx", GOOD)
    write_csv(tmp_path / "b.csv", "indicator_id,year,value,source,note\n")
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")  # Excel's lock file while a.xlsx is open
    (tmp_path / "readme.txt").write_text("not data")
    assert [p.name for p in observation_files(tmp_path)] == ["a.xlsx", "b.csv"]


def merged(book, sheet):
    sheet.merge_cells("E2:E3")


def formula(book, sheet):
    sheet["C2"] = "=990+4"  # openpyxl saves no value for it, as a file never opened in Excel


def percentage(book, sheet):
    sheet["C2"].number_format = "0.0%"  # typed as 3.5% in Excel: kept as 0.035


def percent_sign(book, sheet):
    sheet["C2"].number_format = '0.0"%"'  # a % sign only: the cell holds 3.5 and shows 3.5%


def row_with(**cells):
    values = dict(zip(["indicator_id", "year", "value", "scope", "source", "note", "who"], GOOD))
    values.update(cells)
    return tuple(values.values())


@pytest.mark.parametrize("rows, extra, expected", [
    ([row_with(value="3.5%")], None, "sheet '数据', row 2, column C, field 'value': value '3.5%' is not a plain number"),
    ([row_with(value="约3.5")], None, "row 2, column C, field 'value': value '约3.5' is not a plain number"),
    ([row_with(value="2,450")], None, "row 2, column C, field 'value': value '2,450' is not a plain number"),
    ([row_with(value=436.51)], None, "row 2, column C, field 'value': value 436.51 is not a whole number"),
    ([row_with(year=datetime.datetime(2024, 1, 1))], None,
     "row 2, column B, field 'year': holds a date (2024-01-01) where a year belongs"),
    ([row_with(scope="县级")], None, "row 2, column D, field 'scope': scope '县级' is not one of"),
    ([row_with(source="")], None, "row 2, column E, field 'source': source is empty"),
    ([GOOD, row_with(year=2023)], formula, "row 2, column C, field 'value': holds a formula with no saved value"),
    ([GOOD, row_with(year=2023)], merged,
     "sheet '数据', row 2, column E, field 'source': cells E2:E3 are merged across the data"),
    ([GOOD, GOOD], None,
     "sheet '数据', row 3, column B, field 'year': high_tech_enterprises 2024 (未说明) is already given in"),
    ([row_with(indicator_id="rd_gdp_ratio", value=0.035)], percentage,
     "row 2, column C, field 'value': is formatted as a percentage: Excel shows 3.5% but keeps 0.035; "
     "type the number of percent (3.5) in a cell formatted as a number"),
    ([row_with(year=datetime.date(2024, 3, 1))], None, "type the year, e.g. 2024"),
    ([row_with(value=datetime.date(2024, 3, 1))], None,
     "row 2, column C, field 'value': holds a date (2024-03-01), not a number: type the value as a number"),
])
def test_a_bad_cell_is_named_by_file_sheet_row_and_column(tmp_path, rows, extra, expected):
    path = workbook(tmp_path / "bad.xlsx", *rows, extra=extra)
    with pytest.raises(InputError) as caught:
        load_observations([path])
    assert str(caught.value).startswith(f"{path}, ") and expected in str(caught.value), str(caught.value)


def test_a_percent_sign_that_scales_nothing_is_read_as_the_number(tmp_path):
    path = workbook(tmp_path / "a.xlsx", row_with(indicator_id="rd_gdp_ratio", value=3.5),
                    extra=percent_sign)
    assert load_observations([path])["value"].tolist() == [3.5]


def test_a_missing_column_in_the_header_is_named(tmp_path):
    path = workbook(tmp_path / "bad.xlsx", GOOD[:4], header=HEADER[:4])
    with pytest.raises(InputError, match=r"sheet '数据', row 1, field 'source': the header row lacks"):
        load_observations([path])


@pytest.mark.parametrize("name, content, expected", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), r"is an old Excel \(\.xls\)"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "is password-protected"),
    ("text.xlsx", "indicator_id,year,value\n".encode(), "is not an Excel workbook"),
    ("broken.xlsx", b"PK\x03\x04" + bytes(100),
     r"cannot be read as an Excel workbook \(.*\): open it in Excel or WPS and save it again"),
])
def test_what_is_not_a_readable_workbook_is_refused(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected):
        load_observations([path])


def test_a_workbook_without_a_data_sheet_is_refused(tmp_path):
    path = workbook(tmp_path / "a.xlsx", ["nothing here"], header=["说明"])
    with pytest.raises(InputError, match="has no visible sheet with a header row"):
        load_observations([path])


def test_one_row_per_indicator_year_and_scope_across_csv_and_workbook(tmp_path):
    csv = write_csv(tmp_path / "a.csv", "indicator_id,year,value,source,note\n"
                    "high_tech_enterprises,2024,990,doc,\n")
    path = workbook(tmp_path / "b.xlsx", GOOD)
    with pytest.raises(InputError, match=rf"{path}, sheet '数据', row 2, column B, field 'year': .*already given in {csv}, line 2"):
        load_observations([csv, path])


def test_the_command_line_exits_2_naming_the_cell(tmp_path, capsys):
    path = workbook(tmp_path / "bad.xlsx", row_with(value="3.5%"))
    assert main(["assess", "--year", "2024", "--observations", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sheet '数据', row 2, column C, field 'value'" in err
    out = tmp_path / "out"
    assert main(["render", "--year", "2024", "--lang", "zh", "--out", str(out),
                 "--observations", str(path)]) == 2
    assert not list(out.glob("*.html"))


def test_a_workbook_renders_like_a_csv(tmp_path, capsys):
    path = workbook(tmp_path / "good.xlsx", GOOD)
    assert main(["assess", "--year", "2024", "--format", "csv", "--observations", str(path)]) == 0
    out = capsys.readouterr().out
    assert "high_tech_enterprises,2020,380.0,2025,760.0" in out and ",994.0," in out
