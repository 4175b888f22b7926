"""The analyst's loop: one observation for the report year added, then `make update`, timed
against a full cold render of the report set.

In a scratch copy of the project (so nothing here is touched), with this environment:
1. cold: `python -m analysis render --force` into an empty reports folder (all 20 reports);
2. loop: a 2025 observation is added to data/raw/observations/, then `make update` (processed
   data, the reports whose inputs changed, the notebooks' stored outputs that changed).

Run: .venv/bin/python benchmarks/update_benchmark.py   (goal: loop ≤ ⅓ × cold)
"""

from __future__ import annotations

import os
import shutil
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


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, str]:
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return seconds, result.stderr.strip().splitlines()[-1]


def main() -> None:
    venv = Path(sys.executable).parent.parent
    with tempfile.TemporaryDirectory() as folder:
        copy = scratch_copy(Path(folder))
        # The copy's package, not the checkout's editable install; logs stay in the copy.
        env = {**os.environ, "PYTHONPATH": str(copy / "src"),
               "ANALYSIS_LOG_DIR": str(copy / "logs")}
        shutil.rmtree(copy / "reports")
        cold, cold_line = timed([sys.executable, "-m", "analysis", "render", "--force"], copy, env)
        (copy / "data" / "raw" / "observations" / "benchmark.csv").write_text(OBSERVATION,
                                                                               encoding="utf-8")
        # -o: the environment is this one, already installed; make must not reinstall it.
        loop, loop_line = timed(["make", "-s", "-o", f"{venv}/.installed", "update", f"VENV={venv}"],
                                copy, env)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"full cold render:                     {cold:6.1f} s  ({cold_line})")
    print(f"one 2025 observation, then make update: {loop:5.1f} s  ({loop_line})")
    print(f"loop / cold: {loop / cold:.2f}  (goal ≤ 0.33)")


if __name__ == "__main__":
    main()
