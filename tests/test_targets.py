"""The headline targets: one row per 专栏2 indicator, with its own baseline year."""

import math

from analysis.targets import headline_targets


def test_one_row_per_table2_indicator_in_plan_order():
    targets = headline_targets()
    assert list(targets["indicator_id"]) == [
        "rd_gdp_ratio", "rd_revenue_ratio_industrial", "rd_personnel_per_10k",
        "high_tech_enterprises", "tech_smes", "rd_active_firm_share", "invention_patents",
        "pct_applications", "high_tech_value_added_share", "high_tech_investment",
    ]


def test_a_baseline_from_another_year_keeps_its_year():
    targets = headline_targets().set_index("indicator_id")
    assert targets.loc["rd_revenue_ratio_industrial", "baseline_year"] == 2019
    assert targets.loc["rd_revenue_ratio_industrial", "baseline_value"] == 1.34
    assert targets.loc["rd_gdp_ratio", "baseline_year"] == 2020
    assert math.isnan(targets.loc["rd_revenue_ratio_industrial", "target_value"])
    assert targets.loc["rd_revenue_ratio_industrial", "target_text"] == "提高幅度不低于宁波平均水平"
    assert targets.loc["high_tech_value_added_share", "comparator"] == ">"


# --- the whole catalogue -------------------------------------------------------------------------

import pytest

from analysis.errors import InputError
from analysis.plan import load_plan, read_plan_text
from analysis.targets import catalogue, load_body_targets, parse_quantity
from conftest import rewrite_rows


@pytest.fixture(scope="module")
def body():
    return load_body_targets()


def test_more_than_twenty_body_targets_of_every_kind(body):
    assert len(body) >= 20
    assert set(body["target_kind"]) == {"level", "lower_bound", "range", "cumulative", "relative",
                                        "qualitative"}


def test_every_quote_occurs_in_the_plan_and_holds_the_number(body):
    text = read_plan_text()
    lines = text.splitlines()
    for row in body.itertuples():
        assert row.quote in text, row.target_id
        [line] = [line for line in lines if row.quote in line]
        assert row.section in line, row.target_id  # the section names the paragraph it is in
        if row.value_text:
            assert row.value_text in row.quote, row.target_id
            low, high = parse_quantity(row.value_text)
            assert low == row.target_value, row.target_id
            assert (math.isnan(high) and math.isnan(row.target_upper)) or high == row.target_upper


def test_the_body_targets_the_issue_names(body):
    values = body.set_index("target_id")[["target_value", "target_upper", "unit_zh"]]
    expected = {
        "body_provincial_key_labs": (3, "家"), "body_new_rd_institutions": (10, "家"),
        "body_major_sti_projects": (30, "项"), "body_innovation_platforms": (20, "家"),
        "body_provincial_rd_centres": (200, "家"), "body_ningbo_rd_centres": (400, "家"),
        "body_unicorn_firms": (30, "家"), "body_top_talent": (100, "人"),
        "body_graduates_employed": (70000, "人"), "body_high_skill_talent": (40000, "人"),
    }
    for target_id, (value, unit) in expected.items():
        assert (values.loc[target_id, "target_value"], values.loc[target_id, "unit_zh"]) == (value, unit)
    assert tuple(values.loc["body_star_market_listings", ["target_value", "target_upper"]]) == (1, 2)


def test_quantities_read_as_the_plan_writes_them():
    low, high = parse_quantity("7万人以上")
    assert low == 70000 and math.isnan(high)
    assert parse_quantity("1-2家") == (1.0, 2.0)
    assert parse_quantity("70%以上")[0] == 70
    with pytest.raises(ValueError):
        parse_quantity("大幅增加")


def test_a_bad_catalogue_row_names_its_line_and_field(tmp_path):
    plan = load_plan()
    for name in (plan.text_file, plan.indicators_file, "plan.toml"):
        (tmp_path / name).write_bytes((plan.directory / name).read_bytes())
    rows = plan.body_targets_path.read_text(encoding="utf-8").splitlines()
    rows[3] = rows[3].replace(",qualitative,", ",aspirational,")
    (tmp_path / plan.body_targets_file).write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="'aspirational' is not one of") as error:
        load_body_targets(load_plan(tmp_path / "plan.toml"))
    assert (error.value.line, error.value.field) == (4, "target_kind")


def test_the_catalogue_holds_tables_and_body_with_their_baselines():
    frame = catalogue().set_index("target_id")
    assert frame.loc["table2_high_tech_enterprises_2025", ["baseline_year", "baseline_value",
                                                           "target_value"]].tolist() == [2020, 380, 760]
    assert frame.loc["table1_tech_smes_2020", ["baseline_year", "baseline_value"]].tolist() == [2015, 838]
    relative = frame.loc["table2_rd_revenue_ratio_industrial_2025"]
    assert relative["baseline_year"] == 2019
    assert relative["reference_series"] == "ningbo_rd_revenue_ratio_industrial"
    assert frame.index.is_unique


@pytest.mark.parametrize("field, bad", [("target_year", "20x5"), ("target_upper", "two"),
                                        ("related", "high_tech_enterprise")])
def test_a_malformed_number_in_the_catalogue_is_an_input_error(tmp_path, field, bad):

    plan = load_plan()
    for name in (plan.text_file, plan.indicators_file, "plan.toml"):
        (tmp_path / name).write_bytes((plan.directory / name).read_bytes())
    rewrite_rows(plan.body_targets_path, tmp_path / plan.body_targets_file,
                 lambda rows: rows[4].update({field: bad}))
    with pytest.raises(InputError) as error:
        load_body_targets(load_plan(tmp_path / "plan.toml"))
    assert (error.value.line, error.value.field) == (6, field) and bad in str(error.value)


def test_a_plan_whose_files_are_missing_is_an_input_error(tmp_path):
    plan = load_plan()
    (tmp_path / "plan.toml").write_bytes((plan.directory / "plan.toml").read_bytes())
    with pytest.raises(InputError, match="not found") as error:
        catalogue(load_plan(tmp_path / "plan.toml"))
    assert error.value.file.endswith(plan.text_file)
