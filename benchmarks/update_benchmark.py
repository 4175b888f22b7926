"""The analyst's loop: one observation for the report year added, then `make update`, timed
against a full cold render of the report set.

In a scratch copy of the project (so nothing here is touched), with this environment:
1. cold: `python -m analysis render --force` into an empty reports folder (all 20 reports);
2. loop: a 2025 observation is added to data/raw/observations/, then `make update` (processed
   data, the reports whose inputs changed, the notebooks' stored outputs that changed).

Each run is a new scratch copy; the machine is shared, so the same run varies by up to a fifth:
the script makes several runs (--runs, default 5) and gives the median of each time and of the
ratio, in wall-clock time (what the analyst waits) and in processor time (all processes,
kernels included; less disturbed by other load).

Run: .venv/bin/python benchmarks/update_benchmark.py [--runs N]   (goal: loop ≤ ⅓ × cold)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import config

OBSERVATION = ("indicator_id,year,value,source,note\n"
               "pct_applications,2025,70,benchmark: an illustrative value (not a real one),\n")


def scratch_copy(folder: Path) -> Path:
    """The project's tracked files (and their modification times, so make rebuilds nothing)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=config.PROJECT_DIR, check=True,
                           capture_output=True).stdout.decode().split("\0")
    copy = folder / "project"
    for name in filter(None, files):
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(config.PROJECT_DIR / name, target)
    return copy


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float, str]:
    """Wall-clock and processor seconds of the command (and every process it started), and its
    last line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, result.stderr.strip().splitlines()[-1]


def one_run(venv: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        copy = scratch_copy(Path(folder))
        # The copy's package, not the checkout's editable install; logs stay in the copy.
        env = {**os.environ, "PYTHONPATH": str(copy / "src"),
               "ANALYSIS_LOG_DIR": str(copy / "logs")}
        shutil.rmtree(copy / "reports")
        cold, cold_cpu, cold_line = timed([sys.executable, "-m", "analysis", "render", "--force"],
                                          copy, env)
        (copy / "data" / "raw" / "observations" / "benchmark.csv").write_text(OBSERVATION,
                                                                               encoding="utf-8")
        # -o: the environment is this one, already installed; make must not reinstall it.
        loop, loop_cpu, loop_line = timed(
            ["make", "-s", "-o", f"{venv}/.installed", "update", f"VENV={venv}"], copy, env)
    return {"cold": cold, "cold_cpu": cold_cpu, "loop": loop, "loop_cpu": loop_cpu,
            "cold_line": cold_line, "loop_line": loop_line}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs, each in a new copy (default 5)")
    runs = parser.parse_args().runs
    if runs < 1:
        parser.error("--runs must be at least 1")
    venv = Path(sys.executable).parent.parent
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    results = []
    for number in range(1, runs + 1):
        result = one_run(venv)
        results.append(result)
        print(f"run {number}: cold {result['cold']:5.1f} s, loop {result['loop']:4.1f} s, "
              f"ratio {result['loop'] / result['cold']:.2f}  (processor: cold "
              f"{result['cold_cpu']:5.1f} s, loop {result['loop_cpu']:4.1f} s, ratio "
              f"{result['loop_cpu'] / result['cold_cpu']:.2f})", flush=True)
    median = lambda key: statistics.median(r[key] for r in results)  # noqa: E731
    ratio = statistics.median(r["loop"] / r["cold"] for r in results)
    cpu_ratio = statistics.median(r["loop_cpu"] / r["cold_cpu"] for r in results)
    print(f"cold render:   {results[-1]['cold_line']}")
    print(f"analyst's loop: {results[-1]['loop_line']}")
    print(f"median of {runs}: full cold render {median('cold'):.1f} s, one 2025 observation then "
          f"make update {median('loop'):.1f} s")
    print(f"loop / cold, median: {ratio:.2f} wall-clock, {cpu_ratio:.2f} processor  (goal ≤ 0.33)")


if __name__ == "__main__":
    main()
