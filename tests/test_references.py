"""Reference series: validated like observations, named by the targets that use them."""

import pytest

from analysis.errors import InputError
from analysis.plan import load_indicators
from analysis.references import load_references, reference_measures
from analysis.targets import catalogue
from conftest import write_csv


def test_the_relative_targets_name_their_series():
    assert reference_measures(catalogue(), load_indicators()) == {
        "ningbo_rd_revenue_ratio_industrial": "share"}


def test_no_reference_data_yet():
    assert load_references({"ningbo_rd_revenue_ratio_industrial": "share"}).empty


def test_a_reference_file_is_read_and_checked(tmp_path):
    good = write_csv(tmp_path / "ningbo.csv", "series_id,year,value,source,note\n"
                     "ningbo_rd_revenue_ratio_industrial,2019,1.9,宁波统计年鉴2020 p.1,\n")
    frame = load_references({"ningbo_rd_revenue_ratio_industrial": "share"}, [good])
    assert frame[["series_id", "year", "value"]].values.tolist() == [
        ["ningbo_rd_revenue_ratio_industrial", 2019, 1.9]]
    bad = write_csv(tmp_path / "bad.csv", "series_id,year,value,source,note\n"
                    "ningbo_gdp,2019,1.9,doc,\n")
    with pytest.raises(InputError, match="unknown id 'ningbo_gdp'") as error:
        load_references({"ningbo_rd_revenue_ratio_industrial": "share"}, [bad])
    assert (error.value.line, error.value.field) == (2, "series_id")
