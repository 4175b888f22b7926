"""The plan text and the two tables parsed from it: every number exactly as the plan prints it."""

import hashlib
import math
from dataclasses import replace

import pytest

from analysis import config
from analysis.errors import InputError
from analysis.plan import load_indicators, load_plan, parse_table, read_plan_text
from conftest import rewrite_rows

PLAN_SHA256 = "840bc0d76f0e535f02ae6cf9c2ffdeb47cf011eba17241021d230376d3b2c272"
SHARED_SOURCE = config.PROJECT_DIR.parent / "shared" / "source" / "cixi_sti_plan_2021_2025.txt"


def test_raw_plan_text_is_the_pinned_copy():
    data = (config.PLAN_DIR / "cixi_sti_plan_2021_2025.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == PLAN_SHA256
    assert load_plan().text_sha256 == PLAN_SHA256


def test_raw_plan_text_matches_shared_source_when_present():
    if not SHARED_SOURCE.exists():
        pytest.skip(f"{SHARED_SOURCE} is not beside this clone; the sha256 pin still holds")
    assert (config.PLAN_DIR / SHARED_SOURCE.name).read_bytes() == SHARED_SOURCE.read_bytes()


def test_an_edited_plan_text_is_refused(tmp_path):
    plan = load_plan()
    edited = tmp_path / plan.text_file
    edited.write_bytes(plan.text_path.read_bytes().replace("760".encode(), "770".encode()))
    with pytest.raises(InputError, match="sha256"):
        read_plan_text(replace(plan, directory=tmp_path))


def _table(values, table):
    rows = values[values["table"] == table]
    return {(r.indicator_id, r.kind, r.year): (r.comparator, r.value, r.target_kind)
            for r in rows.itertuples()}


def test_table1_the_13th_plan_in_review(values):
    assert _table(values, "table1") == {
        ("rd_gdp_ratio", "baseline", 2015): ("", 2.63, ""),
        ("rd_gdp_ratio", "target", 2020): (">", 2.8, "lower_bound"),
        ("rd_gdp_ratio", "actual", 2020): ("", 3.2, ""),
        ("high_tech_value_added_share", "baseline", 2015): ("", 37.56, ""),
        ("high_tech_value_added_share", "target", 2020): (">", 45.0, "lower_bound"),
        ("high_tech_value_added_share", "actual", 2020): ("", 68.5, ""),
        ("high_tech_enterprises", "baseline", 2015): ("", 112.0, ""),
        ("high_tech_enterprises", "target", 2020): ("", 140.0, "level"),
        ("high_tech_enterprises", "actual", 2020): ("", 380.0, ""),
        ("engineering_tech_centers", "baseline", 2015): ("", 102.0, ""),
        ("engineering_tech_centers", "target", 2020): (">", 150.0, "lower_bound"),
        ("engineering_tech_centers", "actual", 2020): ("", 240.0, ""),
        ("tech_smes", "baseline", 2015): ("", 838.0, ""),
        ("tech_smes", "target", 2020): ("", 1350.0, "level"),
        ("tech_smes", "actual", 2020): ("", 2043.0, ""),
    }
    assert (values[values["table"] == "table1"]["plan_period"] == "13th").all()


def test_table1_remarks(values):
    remarks = values[values["table"] == "table1"].groupby("indicator_id")["remark"].first()
    assert remarks.to_dict() == {
        "rd_gdp_ratio": "超额完成", "high_tech_value_added_share": "完成",
        "high_tech_enterprises": "超额完成", "engineering_tech_centers": "超额完成",
        "tech_smes": "超额完成",
    }


def test_table2_the_14th_plan_targets(values):
    table = _table(values, "table2")
    relative = table.pop(("rd_revenue_ratio_industrial", "target", 2025))
    assert relative[0] == "" and math.isnan(relative[1]) and relative[2] == "relative"
    assert table == {
        ("rd_gdp_ratio", "baseline", 2020): ("", 3.2, ""),
        ("rd_gdp_ratio", "target", 2025): ("", 3.7, "level"),
        ("rd_revenue_ratio_industrial", "baseline", 2019): ("", 1.34, ""),
        ("rd_personnel_per_10k", "baseline", 2020): ("", 219.0, ""),
        ("rd_personnel_per_10k", "target", 2025): ("", 250.0, "level"),
        ("high_tech_enterprises", "baseline", 2020): ("", 380.0, ""),
        ("high_tech_enterprises", "target", 2025): ("", 760.0, "level"),
        ("tech_smes", "baseline", 2020): ("", 2043.0, ""),
        ("tech_smes", "target", 2025): ("", 3700.0, "level"),
        ("rd_active_firm_share", "baseline", 2020): ("", 41.02, ""),
        ("rd_active_firm_share", "target", 2025): ("", 60.0, "level"),
        ("invention_patents", "baseline", 2020): ("", 2475.0, ""),
        ("invention_patents", "target", 2025): ("", 3300.0, "level"),
        ("pct_applications", "baseline", 2020): ("", 36.0, ""),
        ("pct_applications", "target", 2025): ("", 72.0, "level"),
        ("high_tech_value_added_share", "baseline", 2020): ("", 68.5, ""),
        ("high_tech_value_added_share", "target", 2025): (">", 70.0, "lower_bound"),
        ("high_tech_investment", "baseline", 2020): ("", 31.6, ""),
        ("high_tech_investment", "target", 2025): ("", 50.0, "level"),
    }
    assert (values[values["table"] == "table2"]["plan_period"] == "14th").all()


def test_qualifiers_keep_the_plans_own_words(values):
    text = values.set_index(["table", "indicator_id", "kind"])["value_text"]
    assert text["table2", "rd_revenue_ratio_industrial", "target"] == "提高幅度不低于宁波平均水平"
    assert text["table2", "rd_revenue_ratio_industrial", "baseline"] == "1.34(2019)"
    assert text["table2", "high_tech_value_added_share", "target"] == ">70"
    assert text["table1", "engineering_tech_centers", "target"] == ">150"


def test_every_value_points_at_its_line_in_the_plan(values):
    lines = read_plan_text().splitlines()
    for row in values.itertuples():
        assert lines[row.line - 1].strip() == row.value_text.split("(")[0], row


def test_a_changed_header_fails_the_parse_with_its_line(indicators):
    text = read_plan_text().replace("\t2025年\n", "\t2026年\n")
    spec = load_plan().tables[1]
    with pytest.raises(InputError, match="2026年") as error:
        parse_table(text, spec, indicators, source="plan.txt")
    assert error.value.line == 68 and error.value.file == "plan.txt"


def test_an_unknown_row_fails_the_parse(indicators):
    text = read_plan_text().replace("\t国际专利（PCT）申请量（件）", "\t国际专利申请量（件）")
    with pytest.raises(InputError, match="国际专利申请量") as error:
        parse_table(text, load_plan().tables[1], indicators)
    assert error.value.line == 99


def test_a_missing_cell_fails_the_parse(indicators):
    text = read_plan_text().replace("\t2475\n", "")
    with pytest.raises(InputError, match="rows of 3"):
        parse_table(text, load_plan().tables[1], indicators)


def test_indicator_ids_are_the_designs(indicators):
    assert list(indicators["indicator_id"])[:11] == [
        "rd_gdp_ratio", "rd_revenue_ratio_industrial", "rd_personnel_per_10k",
        "high_tech_enterprises", "tech_smes", "rd_active_firm_share", "invention_patents",
        "pct_applications", "high_tech_value_added_share", "high_tech_investment",
        "engineering_tech_centers",
    ]
    assert (indicators[["name_zh", "name_en", "unit_zh", "unit_en"]] != "").all().all()


@pytest.mark.parametrize("column, value", [("measure", "shares"), ("direction", "lower "),
                                           ("direction", "越小越好"), ("stock", "Yes"),
                                           ("scope", "市区")])
def test_a_misspelt_coded_cell_of_the_indicators_is_refused_with_its_line(tmp_path, column, value):

    plan = load_plan()
    rewrite_rows(plan.indicators_path, tmp_path / plan.indicators_file,
                 lambda rows: rows[3].update({column: value}))
    with pytest.raises(InputError) as error:
        load_indicators(replace(plan, directory=tmp_path))
    assert error.value.line == 5 and error.value.field == column  # the header is line 1
    assert repr(value) in error.value.message and "valid" in error.value.message


def test_an_indicator_is_better_higher_unless_it_says_otherwise(tmp_path):
    import shutil

    from analysis.targets import catalogue, headline_targets

    plan = load_plan()
    assert set(load_indicators(plan)["direction"]) == {"higher"}

    shutil.copytree(plan.directory, tmp_path, dirs_exist_ok=True)
    def one_lower(rows):  # one indicator better lower; the others' cells left empty
        for row in rows:
            row["direction"] = "lower" if row["indicator_id"] == "pct_applications" else ""

    rewrite_rows(plan.indicators_path, tmp_path / plan.indicators_file, one_lower)
    changed = replace(plan, directory=tmp_path)
    directions = dict(zip(*[load_indicators(changed)[c] for c in ("indicator_id", "direction")]))
    assert directions["pct_applications"] == "lower" and directions["rd_gdp_ratio"] == "higher"
    headline = headline_targets(plan=changed).set_index("indicator_id")["direction"]
    assert headline["pct_applications"] == "lower" and headline["tech_smes"] == "higher"
    assert set(catalogue(changed)["direction"]) == {"higher", "lower"}


def test_what_an_indicators_definition_quotes_stands_in_the_plan():
    # A definition that cites the plan (“备案宁波市科技型中小企业（创新型初创企业）2043家”) cites
    # its very words, so suppliers send the count on the plan's own register.
    import re

    text = read_plan_text(load_plan())
    quotes = [quote for definition in load_indicators()["definition_zh"]
              for quote in re.findall(r"“([^”]+)”", definition)]
    assert len(quotes) >= 2
    for quote in quotes:
        assert quote in text, quote


def test_an_indicator_better_lower_cannot_have_a_target_judged_upward_only(tmp_path):
    # 专栏2's "提高幅度不低于宁波平均水平" compares increases: it cannot be read the other way.
    import shutil

    from analysis.targets import headline_targets

    plan = load_plan()
    shutil.copytree(plan.directory, tmp_path, dirs_exist_ok=True)
    rewrite_rows(plan.indicators_path, tmp_path / plan.indicators_file,
                 lambda rows: [row.update(direction="lower") for row in rows
                               if row["indicator_id"] == "rd_revenue_ratio_industrial"])
    with pytest.raises(InputError, match="relative target is judged upward only") as error:
        headline_targets(plan=replace(plan, directory=tmp_path))
    assert (error.value.line, error.value.field) == (3, "direction")


def test_the_plans_tables_are_read_once_until_a_file_of_the_plan_changes(tmp_path, monkeypatch):
    """A page asks for the indicators and the catalogue many times: they are made once per
    process, for as long as the plan's files keep their contents (an edit within the same
    second, at the same size, is seen too), and every caller gets a copy of its own."""
    import shutil

    from analysis.targets import catalogue

    import analysis.plan

    plan = load_plan()
    shutil.copytree(plan.directory, tmp_path, dirs_exist_ok=True)
    copy = replace(plan, directory=tmp_path)
    reads = []
    read_table = analysis.plan.read_table

    def counted(path):
        reads.append(path)
        return read_table(path)

    monkeypatch.setattr(analysis.plan, "read_table", counted)
    first = load_indicators(copy)
    assert len(reads) == 1
    load_indicators(copy)
    assert len(reads) == 1  # made once
    first.loc[0, "name_zh"] = "changed by a caller"
    again = load_indicators(copy)
    assert again.loc[0, "name_zh"] == plan_name_of_first_row(plan)
    assert catalogue(copy).equals(catalogue(copy))
    path = copy.indicators_path
    text = path.read_text(encoding="utf-8")
    name, name_en = again.loc[0, "name_zh"], again.loc[0, "name_en"]
    cell = f",{name},{name_en},"
    assert cell in text
    path.write_text(text.replace(cell, f",{name[::-1]},{name_en},"), encoding="utf-8")  # same size
    before = len(reads)
    assert load_indicators(copy).loc[0, "name_zh"] == name[::-1]
    assert len(reads) == before + 1  # read again: its contents changed
    assert name[::-1] in set(catalogue(copy)["name_zh"])
    path.write_text(text.replace(",count,", ",counts,", 1), encoding="utf-8")
    with pytest.raises(InputError, match="counts"):
        load_indicators(copy)
    with pytest.raises(InputError, match="counts"):  # refused again, not served from before
        load_indicators(copy)


def plan_name_of_first_row(plan):
    import csv

    with open(plan.indicators_path, encoding="utf-8", newline="") as file:
        return next(csv.DictReader(file))["name_zh"]
