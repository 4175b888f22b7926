"""Data checks of the live inputs (not tests of logic): every observation and reference file in
the plan's folders loads, each value with its source, and the files that mirror ../shared are
its copies. Adding a real observation keeps these green; `make update` then refreshes the
processed tables, the notebooks' outputs and the reports that the other data checks compare."""

import pytest

from analysis import config
from analysis.observations import load_observations, observation_files
from analysis.plan import load_indicators, load_plan
from analysis.references import plan_references

PLAN = load_plan()


def test_every_observation_file_loads_and_every_value_has_its_source():
    files = observation_files(PLAN.observations_path)
    assert files, f"no observation file in {PLAN.observations_path}"
    frame = load_observations(files, load_indicators(PLAN), PLAN)  # raises naming file and line
    assert frame["source"].str.strip().ne("").all()
    assert set(frame["indicator_id"]) <= set(load_indicators(PLAN)["indicator_id"])


def test_every_evidence_record_loads():
    from analysis.evidence import load_evidence

    evidence = load_evidence(plan=PLAN)  # raises naming file, line (or sheet, row) and field
    assert evidence["source"].str.strip().ne("").all()


def test_every_reference_file_loads():
    plan_references(PLAN, load_indicators(PLAN))


def test_the_raw_files_are_the_shared_copies_when_present():
    shared = config.PROJECT_DIR.parent / "shared" / "data"
    if not shared.is_dir():
        pytest.skip(f"{shared} is not beside this clone")
    mirrored = [path for path in observation_files(PLAN.observations_path)
                if (shared / path.name).is_file()]
    assert mirrored, "no observation file mirrors ../shared/data"
    for path in mirrored:
        assert path.read_bytes() == (shared / path.name).read_bytes(), path.name


def test_every_source_gloss_names_a_source_the_observations_cite():
    """A gloss whose source text no observation cites (a source edited, a typo) would silently
    leave the English pages without it."""
    from analysis.observations import source_glosses

    cited = set(load_observations(observation_files(PLAN.observations_path),
                                  load_indicators(PLAN), PLAN)["source"])
    assert set(source_glosses(PLAN)) <= cited
