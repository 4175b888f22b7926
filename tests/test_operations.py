"""What operators meet: parameters checked before any kernel, timeouts, a log per run, a lock."""

import re
import threading
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.errors import InputError
from analysis.plan import load_plan
from analysis.rendering import (ReportJob, RenderBusy, annual_jobs, check_parameters, other_jobs,
                                render_all, with_parameters)
from analysis.rendering.report_set import render_lock

PLAN = load_plan()
SLOW = Path(__file__).parent / "fixtures" / "slow.ipynb"


def run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["-p", "volatilty", "0.1"], "no selected notebook has a parameter 'volatilty'"),
    (["-p", "volatility", "high"], "volatility='high' is not of type float"),
    (["-p", "draws", "2.5"], "draws=2.5 is not of type int"),
    (["-p", "growth", "[1]"], "growth=[1] is not of type dict"),
    (["-p", "report_year", "2024"], "set report_year with --year"),
    (["--execution-timeout", "0"], "give seconds, 1 or more"),
])
def test_bad_notebook_parameters_stop_before_any_kernel(capsys, tmp_path, argv, message):
    code, err = run(capsys, "render", "--out", str(tmp_path), *argv)
    assert code == 2 and message in err, err
    assert not list(tmp_path.glob("*.html"))


def test_extra_parameters_reach_only_the_notebooks_that_declare_them():
    jobs = with_parameters(annual_jobs(PLAN, [2024], ["zh"]) + other_jobs(PLAN, ["zh"]), {"volatility": 0.2})
    by_path = {job.relative_path: job.parameters for job in jobs}
    assert by_path["scenarios.html"]["volatility"] == 0.2
    assert "volatility" not in by_path["annual_2024.html"]
    check_parameters(jobs)  # all declared, all of the declared type


def test_a_parameter_of_the_wrong_type_in_a_job_is_refused():
    [job] = annual_jobs(PLAN, [2024], ["zh"])
    bad = ReportJob(notebook=job.notebook, parameters={**job.parameters, "report_year": "2024"},
                    relative_path=job.relative_path, title=job.title, lang="zh", year=2024)
    with pytest.raises(InputError, match="report_year='2024' is not of type int"):
        check_parameters([bad])


def test_a_cell_over_the_timeout_fails_its_report(tmp_path):
    job = ReportJob(notebook=SLOW, parameters={"seconds": 30}, relative_path="slow.html",
                    title="slow", lang="en")
    summary = render_all(PLAN, [job], tmp_path, timeout=2, progress=False)
    assert list(summary.failed) == ["slow.html"]
    assert re.search(r"timed out|Timeout", summary.failed["slow.html"], flags=re.I)
    assert not (tmp_path / "slow.html").exists()


def test_a_second_run_waits_for_the_lock_then_gives_up(tmp_path):
    with render_lock(tmp_path, wait=1):
        with pytest.raises(RenderBusy, match="another render holds"):
            render_all(PLAN, [], tmp_path, lock_wait=0.5, progress=False)
    acquired, released = threading.Event(), threading.Event()

    def hold():
        with render_lock(tmp_path, wait=1):
            acquired.set()
            released.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    assert acquired.wait(5)
    try:
        with pytest.raises(RenderBusy):
            render_all(PLAN, [], tmp_path, lock_wait=0.3, progress=False)
    finally:
        released.set()
        holder.join()
    assert render_all(PLAN, [], tmp_path, lock_wait=1, progress=False).failed == {}


def test_each_run_writes_its_own_log(capsys, tmp_path, monkeypatch):
    logs = tmp_path / "logs"
    code, err = run(capsys, "render", "--lang", "fr", "--log-dir", str(logs))
    assert code == 2
    [log] = logs.glob("render-*.log")
    text = log.read_text(encoding="utf-8")
    assert text.startswith("python -m analysis render --lang fr --log-dir")
    assert "error: field 'lang': language 'fr' is not one of zh, en" in text


def test_plain_papermill_runs_a_notebook_from_any_working_directory(tmp_path):
    import subprocess
    import sys

    from analysis import config

    papermill = Path(sys.executable).parent / "papermill"
    result = subprocess.run([str(papermill), str(config.NOTEBOOKS_DIR / "annual_report.ipynb"),
                             "out.ipynb", "-p", "report_year", "2024", "--log-level", "ERROR"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "高新技术企业数" in (tmp_path / "out.ipynb").read_text(encoding="utf-8")


def test_parameters_are_read_as_papermill_reads_them():
    """The renderer reads parameters cells itself (no papermill import before any kernel is
    needed); it must agree with papermill on every notebook."""
    import ast

    import papermill

    from analysis import config
    from analysis.rendering import declared_parameters, default_parameters

    for notebook in [*sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")), SLOW]:
        theirs = papermill.inspect_notebook(str(notebook))
        assert declared_parameters(notebook) == {n: p["inferred_type_name"] for n, p in theirs.items()}
        assert default_parameters(notebook) == {n: ast.literal_eval(p["default"])
                                                for n, p in theirs.items()}
