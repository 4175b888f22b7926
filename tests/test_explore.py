"""The analysts' exploration notebooks (notebooks/explore/) run, so they never rot; and the
processed tables they start from have every column explained."""

import pytest

from analysis import config
from analysis.processed import COLUMNS, TABLES, load_processed
from analysis.rendering import execute

EXPLORE = sorted((config.NOTEBOOKS_DIR / "explore").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", EXPLORE, ids=[p.stem for p in EXPLORE])
def test_an_exploration_notebook_runs_without_error(notebook):
    executed = execute(notebook, {})
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


def test_the_what_if_answers_when_and_how_likely():
    executed = execute(config.NOTEBOOKS_DIR / "explore" / "what_if_pct_growth.ipynb", {})
    text = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", [])
                   if o.get("output_type") == "stream")
    # 36 in 2020 at 20% a year: 36 × 1.2^4 = 74.6 ≥ 72, first in 2024.
    assert "首次达到的年份：2024" in text and "2025年达到72的概率" in text


def test_every_processed_table_and_column_is_explained():
    tables = load_processed()
    assert set(tables) == set(TABLES)
    for name, frame in tables.items():
        assert set(frame.columns) <= set(COLUMNS), (name, set(frame.columns) - set(COLUMNS))
    assert {p.stem for p in EXPLORE} == {"what_if_pct_growth", "processed_tables"}
