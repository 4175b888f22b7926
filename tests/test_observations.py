"""Observed values: the real file loads; every kind of bad input names its file, line and field."""

import pytest

from analysis.errors import InputError
from analysis.observations import COLUMNS, as_of, load_observations
from conftest import FOUND, SCOPED, write_csv

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
    ("tech_smes,2022.5,1,doc,", 2, "year", "not a whole year"),
    ("tech_smes,2031,1,doc,", 2, "year", "not a whole year from 2019 to 2025"),
    ("tech_smes,2018,1,doc,", 2, "year", "not a whole year from 2019 to 2025"),
    ("tech_smes,2026,1,doc,", 2, "year", "not a whole year from 2019 to 2025"),
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


# --- 统计口径 -------------------------------------------------------------------------------------

SCOPED_HEADER = "indicator_id,year,value,scope,vintage,source,note,note_en\n"


def test_scope_vintage_and_english_note_are_read_and_optional(tmp_path):
    path = write_csv(tmp_path / "a.csv", SCOPED_HEADER
                     + "high_tech_value_added_share,2023,75.31,市级,工作总结,doc,说明,a note\n")
    [row] = load_observations([path]).to_dict("records")
    assert (row["scope"], row["vintage"], row["note_en"]) == ("市级", "工作总结", "a note")
    plain = write_csv(tmp_path / "b.csv", HEADER + "tech_smes,2022,2600,doc,\n")
    [row] = load_observations([plain]).to_dict("records")
    assert (row["scope"], row["vintage"], row["note_en"]) == ("未说明", "", "")


def test_an_unknown_scope_is_refused_naming_the_field(tmp_path):
    path = write_csv(tmp_path / "a.csv", SCOPED_HEADER + "tech_smes,2022,2600,县级,,doc,,\n")
    with pytest.raises(InputError, match=r"line 2, field 'scope': scope '县级' is not one of"):
        load_observations([path])


def test_one_row_per_indicator_year_and_scope(tmp_path):
    two_scopes = write_csv(tmp_path / "a.csv", SCOPED_HEADER
                           + "high_tech_value_added_share,2023,75.31,市级,,doc,,\n"
                           + "high_tech_value_added_share,2023,79.69,全市,,doc,,\n")
    assert len(load_observations([two_scopes])) == 2
    again = write_csv(tmp_path / "b.csv", SCOPED_HEADER
                      + "high_tech_value_added_share,2023,75.0,市级,,doc,,\n")
    with pytest.raises(InputError, match="one row per indicator, year and scope"):
        load_observations([two_scopes, again])


def test_a_fractional_count_is_refused(tmp_path):
    path = write_csv(tmp_path / "a.csv", HEADER + "high_tech_enterprises,2023,436.51,doc,\n")
    with pytest.raises(InputError, match=r"field 'value': value 436.51 is not a whole number"):
        load_observations([path])


def test_only_values_of_the_plans_scope_or_an_unstated_one_are_set_against_targets(indicators):
    from analysis.observations import comparable

    frame = load_observations([SCOPED])
    used = comparable(frame, indicators)
    rows = {(r["indicator_id"], r["year"]): r for r in used.to_dict("records")}
    share = rows[("high_tech_value_added_share", 2023)]
    assert (share["value"], share["scope"], share["scope_check"]) == (75.31, "市级", "same")
    firms = rows[("high_tech_enterprises", 2024)]
    assert (firms["value"], firms["scope_check"]) == (994.0, "unverified")
    assert len(used) == 2  # the 全市 79.69 is left out
    only_whole_city = frame[frame["scope"] == "全市"]
    assert comparable(only_whole_city, indicators).empty


def test_the_plans_scopes_are_quoted_from_its_text(indicators):
    from analysis.plan import read_plan_text

    text = read_plan_text()
    scoped = indicators[indicators["scope"] != ""]
    assert set(scoped["indicator_id"]) == {"rd_gdp_ratio", "high_tech_value_added_share",
                                           "high_tech_enterprises"}
    for scope, quote in zip(scoped["scope"], scoped["scope_quote"]):
        assert scope == "市级" and scope in quote and quote in text


# --- English glosses of the sources --------------------------------------------------------------

def glossed_plan(tmp_path, text: str):
    import dataclasses

    from analysis.plan import load_plan

    return dataclasses.replace(load_plan(),
                               source_glosses_file=str(write_csv(tmp_path / "glosses.csv", text)))


def test_a_source_gets_its_english_gloss_where_its_row_has_none(tmp_path):
    observations = write_csv(tmp_path / "mine.csv", "indicator_id,year,value,source,note,source_en\n"
                             "tech_smes,2022,2600,文件甲：“原文”,,\n"
                             "pct_applications,2022,50,文件乙：“原文”,,Document B (its own gloss)\n"
                             "invention_patents,2022,2900,文件丙,,\n")
    plan = glossed_plan(tmp_path, "source,source_en\n"
                        "文件甲：“原文”,Document A: “the words”\n"
                        "文件乙：“原文”,Document B (from the glossary)\n")
    frame = load_observations([observations], plan=plan).set_index("indicator_id")
    assert frame.loc["tech_smes", "source_en"] == "Document A: “the words”"
    assert frame.loc["pct_applications", "source_en"] == "Document B (its own gloss)"
    assert frame.loc["invention_patents", "source_en"] == ""  # none: the page shows 文件丙


@pytest.mark.parametrize("text, line, field, message", [
    ("source,source_en\n文件甲,\n", 2, "source_en", "source_en is empty"),
    ("source,source_en\n,Document A\n", 2, "source", "source is empty"),
    ("source,source_en\n文件甲,A\n文件乙,B\n文件甲,A again\n", 4, "source",
     "already glossed on line 2"),
    ("source,gloss\n文件甲,A\n", 1, "source_en", "missing column"),
])
def test_a_bad_glossary_is_refused_naming_its_line(tmp_path, text, line, field, message):
    plan = glossed_plan(tmp_path, text)
    with pytest.raises(InputError, match=message) as error:
        load_observations([SCOPED], plan=plan)
    assert error.value.file.endswith("glosses.csv") and error.value.line == line
    assert error.value.field == field
