"""data/processed/ is built from data/raw/ only, and the committed copy is what the code builds."""

import pandas as pd

from analysis import config
from analysis.build import build

TABLES = ["indicators.csv", "plan_values.csv", "headline_targets.csv", "targets.csv",
          "required_paths.csv", "observations.csv"]


def test_build_writes_every_table(tmp_path):
    written = build(out_dir=tmp_path)
    assert sorted(path.name for path in written) == sorted(TABLES)
    values = pd.read_csv(tmp_path / "plan_values.csv")
    assert len(values) == 35
    paths = pd.read_csv(tmp_path / "required_paths.csv")
    assert len(paths) == 9 * 6


def test_committed_processed_tables_are_current(tmp_path):
    build(out_dir=tmp_path)
    for name in TABLES:
        assert (config.PROCESSED_DIR / name).read_bytes() == (tmp_path / name).read_bytes(), (
            f"data/processed/{name} is stale: run `make data`")
