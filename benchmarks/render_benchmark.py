"""Times the full report set three ways and prints the times and their ratios.

1. plain: the papermill and nbconvert command lines, report by report;
2. this renderer from cold (an empty output folder);
3. this renderer again with nothing changed.

Run: .venv/bin/python benchmarks/render_benchmark.py   (goals on 2 cores: cold ≤ 0.5 × plain;
nothing changed < 2 s). It writes only into a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import config
from analysis.plan import load_plan
from analysis.rendering import all_jobs

BIN = Path(sys.executable).parent


def plain(out: Path) -> float:
    """What an operator would script without this project: one CLI call per step and report."""
    started = time.monotonic()
    for job in all_jobs(load_plan()):
        executed = out / (job.relative_path.replace("/", "_") + ".ipynb")
        parameters = [arg for key, value in job.parameters.items() if key != "observation_files"
                      for arg in ("-p", key, str(value))]
        subprocess.run([str(BIN / "papermill"), str(job.notebook), str(executed), *parameters,
                        "--cwd", str(config.NOTEBOOKS_DIR), "--no-progress-bar", "--log-level", "ERROR"],
                       check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                        "--output-dir", str(out / Path(job.relative_path).parent), "--output",
                        Path(job.relative_path).stem, str(executed)],
                       check=True, capture_output=True)
    return time.monotonic() - started


def renderer(out: Path) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "analysis", "render", "--out", str(out)], check=True,
                   capture_output=True)
    return time.monotonic() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "plain").mkdir()
        plain_seconds = plain(folder / "plain")
        cold = renderer(folder / "ours")
        warm = renderer(folder / "ours")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"plain papermill + nbconvert, report by report: {plain_seconds:7.1f} s")
    print(f"python -m analysis render, cold:               {cold:7.1f} s  "
          f"({cold / plain_seconds:.2f} × plain; goal ≤ 0.50)")
    print(f"python -m analysis render, nothing changed:    {warm:7.1f} s  (goal < 2 s)")


if __name__ == "__main__":
    main()
