"""Hostile input: every bad file or parameter is either read with exactly the right value or
rejected with exit code 2 and a message naming the file, line and field; never a traceback."""

import csv
import io
from pathlib import Path

import pytest

from analysis.cli import main

CORPUS = Path(__file__).parent / "hostile"

# file → (exit code, what stderr must say, or the value read for high_tech_enterprises 2022)
FILES = {
    "gbk_excel.csv": (2, "line 2: is not UTF-8 text; save it as CSV UTF-8"),
    "latin1.csv": (2, "line 2: is not UTF-8 text"),
    "fullwidth_digits.csv": (0, 450.0),
    "crlf.csv": (0, 450.0),
    "stray_spaces.csv": (0, 450.0),
    "bom.csv": (0, 450.0),
    "header_only.csv": (0, None),
    "thousands_separator.csv": (2, "line 2, field 'value': value '2,450' is not a plain number"),
    "percent_sign.csv": (2, "line 2, field 'value': value '3.3%' is not a plain number"),
    "empty.csv": (2, "line 1: is empty; expected the header indicator_id,year,value,source,note"),
    "unknown_indicator.csv": (2, "line 2, field 'indicator_id': unknown id 'high_tech_firms'"),
    "text_value.csv": (2, "line 2, field 'value': value 'about 450' is not a plain number"),
    "empty_value.csv": (2, "line 2, field 'value': value is empty"),
    "nan_value.csv": (2, "line 2, field 'value': value 'NaN' is not a plain number"),
    "infinite_value.csv": (2, "line 2, field 'value': value 'inf' is not a plain number"),
    "fractional_year.csv": (2, "line 2, field 'year': year '2022.5' is not a whole year"),
    "year_out_of_range.csv": (2, "line 2, field 'year': year '1999' is not a whole year from 2019 to 2025"),
    "missing_source.csv": (2, "line 2, field 'source': source is empty"),
    "blank_source.csv": (2, "line 2, field 'source': source is empty"),
    "duplicate_rows.csv": (2, "line 3, field 'year': high_tech_enterprises 2022 (未说明) is already given"),
    "negative_count.csv": (2, "line 2, field 'value': value -450 is negative"),
    "share_above_100.csv": (2, "line 2, field 'value': value 145 is above 100"),
    "missing_column.csv": (2, "line 1, field 'source': missing column"),
    "unclosed_quote.csv": (2, "line 2: is not valid CSV"),
    "unquoted_comma.csv": (2, "line 2: has 6 fields, the header 5"),
}

PARAMETERS = {
    "year_2031": (["assess", "--year", "2031"], "field '--year': 2031 is outside the plan"),
    "year_2020": (["render", "--year", "2020"], "field '--year': 2020 is outside the plan"),
    "year_text": (["assess", "--year", "twenty"], "invalid int value: 'twenty'"),
    "lang_fr": (["render", "--lang", "fr"], "field 'lang': language 'fr' is not one of zh, en"),
    "format_xml": (["assess", "--year", "2023", "--format", "xml"], "invalid choice: 'xml'"),
    "no_year": (["assess"], "the following arguments are required: --year"),
    "jobs_0": (["render", "--jobs", "0"], "field '--jobs': --jobs 0"),
    "unknown_command": (["publish"], "invalid choice: 'publish'"),
    "missing_file": (["assess", "--year", "2023", "--observations", "/no/such.csv"],
                     "/no/such.csv: cannot be read"),
    "directory": (["assess", "--year", "2023", "--observations", "/tmp"], "/tmp: cannot be read"),
}


def run(capsys, argv):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_corpus_is_complete():
    assert len(FILES) + len(PARAMETERS) >= 25
    assert sorted(FILES) == sorted(p.name for p in CORPUS.glob("*.csv") if p.name != "html_in_source.csv")


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_hostile_file(capsys, name):
    expected_code, expected = FILES[name]
    path = CORPUS / name
    code, out, err = run(capsys, ["assess", "--year", "2024", "--observations", str(path),
                                  "--format", "csv"])
    assert code == expected_code, err
    assert "Traceback" not in err
    if expected_code == 2:
        assert err.startswith(f"error: {path}, ") and expected in err, err
        assert err.count("\n") == 1 and out == ""
        return
    rows = {row["indicator_id"]: row for row in csv.DictReader(io.StringIO(out))}
    latest = rows["high_tech_enterprises"]["latest_value"]
    assert (latest == "" if expected is None else float(latest) == expected), latest


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_a_hostile_parameter(capsys, name):
    argv, expected = PARAMETERS[name]
    code, out, err = run(capsys, argv)
    assert code == 2 and expected in err and "Traceback" not in err, err
    assert err.count("\n") == 1
