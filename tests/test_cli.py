"""The command line: what operators and analysts type, and what they get back."""

import csv
import io
import os
import subprocess
import sys

import pytest

from analysis.cli import main
from conftest import FOUND, write_csv


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_assess_2025_prints_baselines_targets_and_required_rates(capsys):
    code, out, _ = run(capsys, "assess", "--year", "2025", "--format", "csv",
                       "--observations", str(FOUND))
    assert code == 0
    rows = {row["indicator_id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert len(rows) == 10
    expected = {
        "rd_gdp_ratio": ("2020", "3.2", "3.7", "0.029462"),
        "rd_revenue_ratio_industrial": ("2019", "1.34", "", ""),
        "rd_personnel_per_10k": ("2020", "219.0", "250.0", "0.026831"),
        "high_tech_enterprises": ("2020", "380.0", "760.0", "0.148698"),
        "tech_smes": ("2020", "2043.0", "3700.0", "0.126125"),
        "rd_active_firm_share": ("2020", "41.02", "60.0", "0.079024"),
        "invention_patents": ("2020", "2475.0", "3300.0", "0.059224"),
        "pct_applications": ("2020", "36.0", "72.0", "0.148698"),
        "high_tech_value_added_share": ("2020", "68.5", "70.0", "0.004342"),
        "high_tech_investment": ("2020", "31.6", "50.0", "0.096116"),
    }
    got = {indicator: (row["baseline_year"], row["baseline_value"], row["target_value"],
                       row["required_rate"]) for indicator, row in rows.items()}
    assert got == expected
    # 同年应达值: the path at the year of the value (994 in 2024), not at the report year.
    assert rows["high_tech_enterprises"]["required_value"] == "661.618428"
    assert (rows["high_tech_enterprises"]["progress_share"], rows["high_tech_enterprises"]["elapsed_share"],
            rows["high_tech_enterprises"]["completion"], rows["high_tech_enterprises"]["preliminary"]) == (
        "1.615789", "0.8", "exceeded", "True")
    assert rows["high_tech_enterprises"]["latest_value"] == "994.0"
    assert rows["high_tech_enterprises"]["status"] == "target_met"
    assert rows["rd_revenue_ratio_industrial"]["target_kind"] == "relative"


def test_assess_reads_only_the_given_observation_files(capsys, tmp_path):
    path = write_csv(tmp_path / "mine.csv", "indicator_id,year,value,source,note\n"
                     "high_tech_enterprises,2022,450,test fixture,\n")
    code, out, _ = run(capsys, "assess", "--year", "2022", "--observations", str(path),
                       "--format", "csv")
    rows = {row["indicator_id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert code == 0
    assert rows["high_tech_enterprises"]["progress_ratio"] == "0.593244"
    assert rows["high_tech_enterprises"]["status"] == "insufficient_progress"
    assert rows["high_tech_value_added_share"]["status"] == "insufficient_data"


@pytest.mark.parametrize("argv, message", [
    (["assess", "--year", "2031"], "2031 is outside the plan"),
    (["assess", "--year", "twenty"], "invalid int value"),
    (["render", "--lang", "fr"], "language 'fr' is not one of zh, en"),
    (["render", "--year", "2019"], "2019 is outside the plan"),
    (["assess", "--year", "2023", "--observations", "/nonexistent.csv"], "/nonexistent.csv"),
    (["notebooks", "--jobs", "0"], "give 1 or more workers"),
    (["update", "--jobs", "0"], "give 1 or more workers"),
])
def test_bad_parameters_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("argv, hint", [
    (["rendr"], "(see `python -m analysis --help`)"),
    (["render", "--jobs", "x"], "(see `python -m analysis render --help`)"),
])
def test_a_mistyped_command_points_to_help_that_exists(capsys, argv, hint):
    code, _, err = run(capsys, *argv)
    assert code == 2 and err.rstrip().endswith(hint)


def test_bad_observations_exit_2_naming_file_line_and_field(capsys, tmp_path):
    path = write_csv(tmp_path / "bad.csv", "indicator_id,year,value,source,note\n"
                     "tech_smes,2022,２,doc,\ntech_smes,2023,x,doc,\n")
    code, _, err = run(capsys, "assess", "--year", "2023", "--observations", str(path))
    assert code == 2
    assert err == f"error: {path}, line 3, field 'value': value 'x' is not a plain number " \
                  "(write 2450, not 2,450; 3.3, not 3.3%)\n"


def test_targets_lists_the_whole_catalogue(capsys):
    code, out, _ = run(capsys, "targets", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {"target_id", "indicator_id", "target_kind", "target_value", "unit_zh", "quote"} <= set(rows[0])
    origins = [row["origin"] for row in rows]
    assert (origins.count("专栏1"), origins.count("专栏2"), origins.count("正文")) == (5, 10, 28)




def test_module_runs_from_any_working_directory(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "assess", "--year", "2023",
                             "--format", "csv"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("indicator_id,baseline_year,baseline_value,")


def test_the_command_leaves_at_once_with_all_its_output_and_its_code(tmp_path):
    """The command ends without the interpreter's teardown (cli.exit_now): what it printed to
    a pipe (buffered) is all there, its log file is complete, and the exit code is the run's."""
    targets = subprocess.run([sys.executable, "-m", "analysis", "targets", "--format", "csv"],
                             cwd=tmp_path, capture_output=True, text=True)
    assert targets.returncode == 0, targets.stderr
    assert len(list(csv.DictReader(io.StringIO(targets.stdout)))) == 5 + 10 + 28
    logs = tmp_path / "logs"
    refused = subprocess.run([sys.executable, "-m", "analysis", "render", "--year", "2019"],
                             cwd=tmp_path, capture_output=True, text=True,
                             env={**os.environ, "ANALYSIS_LOG_DIR": str(logs)})
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("2019 is outside the plan; valid years: 2021–2025")
    [log] = logs.glob("render-*.log")
    assert log.read_text(encoding="utf-8").rstrip().endswith(refused.stderr.strip())


def test_leaving_at_once_still_lets_an_executors_threads_end():
    """exit_now runs the threads' exit hooks as the interpreter would: an executor left open
    finishes its work and stops, instead of being waited for forever."""
    code = ("from concurrent.futures import ThreadPoolExecutor\n"
            "from analysis.cli import exit_now\n"
            "pool = ThreadPoolExecutor(1)\n"
            "pool.submit(print, 'done')\n"
            "exit_now(3)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 3 and result.stdout == "done\n"


def test_assess_all_covers_every_numeric_target_of_the_period(capsys):
    code, out, _ = run(capsys, "assess", "--year", "2024", "--all", "--format", "csv",
                       "--observations", str(FOUND))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 28
    by_id = {row["target_id"]: row for row in rows}
    assert by_id["table2_high_tech_enterprises_2025"]["status"] == "target_met"
    assert by_id["body_graduates_employed"]["status"] == "insufficient_data"
    assert by_id["table2_rd_revenue_ratio_industrial_2025"]["status"] == "insufficient_data"


def test_assess_says_which_scope_each_judged_value_has(capsys):
    from conftest import SCOPED

    code, out, _ = run(capsys, "assess", "--year", "2024", "--format", "csv",
                       "--observations", str(SCOPED))
    rows = {row["indicator_id"]: row for row in csv.DictReader(io.StringIO(out))}
    share, firms = rows["high_tech_value_added_share"], rows["high_tech_enterprises"]
    assert (share["latest_value"], share["latest_scope"], share["scope_check"]) == ("75.31", "市级", "same")
    assert (firms["latest_scope"], firms["scope_check"]) == ("未说明", "unverified")
