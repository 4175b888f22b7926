"""Observed values: the real file loads; every kind of bad input names its file, line and field."""

import pytest

from analysis.errors import InputError
from analysis.observations import COLUMNS, as_of, load_observations
from conftest import FOUND, write_csv

HEADER = ",".join(COLUMNS) + "\n"


def test_the_observations_found_load_with_their_sources():
    frame = load_observations([FOUND])
    assert frame[["indicator_id", "year", "value"]].values.tolist() == [
        ["high_tech_enterprises", 2024, 994.0],
        ["high_tech_value_added_share", 2023, 79.69],
    ]
    assert frame["source"].str.startswith("慈溪市科学技术局").all()


def test_as_of_keeps_only_years_up_to_the_report_year():
    assert list(as_of(load_observations([FOUND]), 2023)["year"]) == [2023]


def test_byte_order_mark_and_crlf_are_read(tmp_path):
    path = write_csv(tmp_path / "a.csv", "\ufeff" + HEADER.replace("\n", "\r\n")
                     + "tech_smes,2022,2600,doc A p.3,\r\n")
    frame = load_observations([path])
    assert frame[["indicator_id", "year", "value"]].values.tolist() == [["tech_smes", 2022, 2600.0]]


def test_a_header_alone_is_no_observations(tmp_path):
    assert load_observations([write_csv(tmp_path / "a.csv", HEADER)]).empty


@pytest.mark.parametrize("row, line, field, message", [
    ("unknown_id,2022,1,doc,", 2, "indicator_id", "unknown id 'unknown_id'"),
    ("tech_smes,2022,abc,doc,", 2, "value", "not a plain number"),
    ("tech_smes,2022,,doc,", 2, "value", "value is empty"),
    ("tech_smes,2022,nan,doc,", 2, "value", "not a plain number"),
    ("tech_smes,2022,inf,doc,", 2, "value", "not a plain number"),
    ("tech_smes,2022,\"2,450\",doc,", 2, "value", "not a plain number"),
    ("rd_gdp_ratio,2022,3.3%,doc,", 2, "value", "not a plain number"),
    ("tech_smes,2022.5,1,doc,", 2, "year", "not a whole number"),
    ("tech_smes,2031,1,doc,", 2, "year", "not a whole number from 2016 to 2030"),
    ("tech_smes,2022,1,,", 2, "source", "source is empty"),
    ("tech_smes,2022,-5,doc,", 2, "value", "negative"),
    ("rd_gdp_ratio,2022,101,doc,", 2, "value", "above 100"),
])
def test_bad_rows_are_refused_with_file_line_and_field(tmp_path, row, line, field, message):
    path = write_csv(tmp_path / "bad.csv", HEADER + row + "\n")
    with pytest.raises(InputError, match=message) as error:
        load_observations([path])
    assert (error.value.file, error.value.line, error.value.field) == (str(path), line, field)


def test_duplicates_across_files_name_both_places(tmp_path):
    first = write_csv(tmp_path / "a.csv", HEADER + "tech_smes,2022,2600,doc A,\n")
    second = write_csv(tmp_path / "b.csv", HEADER + "pct_applications,2022,40,doc,\n"
                       "tech_smes,2022,2700,doc B,\n")
    with pytest.raises(InputError, match="already given in .*a.csv, line 2") as error:
        load_observations([first, second])
    assert (error.value.file, error.value.line) == (str(second), 3)


def test_missing_column_empty_file_and_other_encodings_are_refused(tmp_path):
    with pytest.raises(InputError, match="missing column") as error:
        load_observations([write_csv(tmp_path / "a.csv", "indicator_id,year,value,note\n")])
    assert error.value.field == "source"
    with pytest.raises(InputError, match="is empty"):
        load_observations([write_csv(tmp_path / "b.csv", "")])
    gbk = write_csv(tmp_path / "c.csv", HEADER + "tech_smes,2022,2600,慈溪市科学技术局,\n", "gbk")
    with pytest.raises(InputError, match="not UTF-8") as error:
        load_observations([gbk])
    assert error.value.line == 2
