import pytest

# Fixture notebooks are inputs of tests, not notebooks for nbval to check.
collect_ignore_glob = ["fixtures/*"]

from pathlib import Path

from analysis.plan import load_indicators, plan_values

# Tests of logic read this fixture (the first two values found in public documents, with their
# sources), never the live data/raw/observations/: adding a real observation breaks no test of
# logic, only the data checks that `make update` brings up to date.
FOUND = Path(__file__).parent / "fixtures" / "observations" / "found.csv"
# The values with their 统计口径 (../shared/data/observations_scoped.csv as it was copied).
SCOPED = Path(__file__).parent / "fixtures" / "observations" / "scoped.csv"


@pytest.fixture(scope="session")
def indicators():
    return load_indicators()


@pytest.fixture(scope="session")
def found():
    from analysis.observations import load_observations

    return load_observations([FOUND])


@pytest.fixture(scope="session")
def values():
    return plan_values()


def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def rewrite_rows(source, target, change):
    """The CSV `source` written to `target` with `change` applied to its rows (a list of dicts,
    changed in place): a curated table with one cell made wrong, or made different."""
    import csv

    with open(source, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    change(rows)
    with open(target, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(autouse=True)
def _logs_in_tmp(tmp_path_factory, monkeypatch):
    """Render logs of the tests go to a temporary folder, not the project's logs/."""
    monkeypatch.setenv("ANALYSIS_LOG_DIR", str(tmp_path_factory.getbasetemp() / "logs"))


def kernel_prints(manager, code: str) -> str:
    """What `code`, run in the manager's kernel through its client, prints (an error in it
    fails the test)."""
    from jupyter_core.utils import run_sync

    client = manager.client()
    client.start_channels()
    run_sync(client.wait_for_ready)(timeout=60)
    request = client.execute(code)
    printed = ""
    while True:
        message = run_sync(client.get_iopub_msg)(timeout=60)
        if message["parent_header"].get("msg_id") != request:
            continue
        if message["msg_type"] == "stream":
            printed += message["content"]["text"]
        if message["msg_type"] == "error":
            raise AssertionError(message["content"]["evalue"])
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return printed
