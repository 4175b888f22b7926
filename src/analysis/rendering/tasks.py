"""What a pool worker runs, and what the run's own process does with it: a worker runs a
report's notebook, or a notebook only for its stored outputs, on its kernel (`run_task`); the
executed notebook comes back, and the run's process writes the report's downloads and HTML and
stores the notebook's outputs (`finish`). A failure of either comes back as a `Failure`,
reported with that report alone.

Like `kernels`, this imports no pandas or matplotlib, and a worker needs neither nbconvert nor
openpyxl: it only talks to its kernel, and on two cores the time a worker spends loading
libraries is time its kernel and the other one do not get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from analysis.rendering.report import execute, store_outputs, write_report


@dataclass(frozen=True)
class ReportJob:
    """One report: which notebook, with which parameters, into which HTML file, under which title."""

    notebook: Path
    parameters: dict = field(hash=False)
    relative_path: str
    title: str
    lang: str
    year: int | None = None
    links: tuple[tuple[str, str], ...] = ()  # the bar at the top: (key, href) pairs


@dataclass(frozen=True)
class Failure:
    message: str


def guarded(function: Callable, *args):
    """function(*args), or the Failure it ended in (one line: the exception's type and last line)."""
    try:
        return function(*args)
    except Exception as exc:  # reported per report; the last good file stays in place
        last_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else ""
        return Failure(f"{type(exc).__name__}: {last_line}")


def run_task(task, *args):
    """In a pool worker: run a report's notebook (a ReportJob), or a notebook path with its
    default parameters (run only for its stored outputs), on the worker's kernel; the executed
    notebook goes back to the run's own process, which writes the files (`finish`)."""
    if isinstance(task, ReportJob):
        _out_dir, timeout, _store, charts = args
        return execute(task.notebook, task.parameters, timeout, warm=True, charts=charts)
    defaults, _facts, charts = args
    return execute(task, defaults, warm=True, charts=charts)


def finish(task, executed, *args) -> dict:
    """In the run's own process, as each notebook comes back: a report's downloads and HTML
    (and its notebook's stored outputs when asked), or a notebook's stored outputs. Returns the
    summary the index shows for a report (the one its page handed over) and the notebooks
    stored. The workers go on to their next notebook meanwhile, and never load nbconvert or
    openpyxl: one process loads them, not every worker."""
    if isinstance(task, ReportJob):
        out_dir, _timeout, store, _charts = args
        summary = write_report(executed, Path(out_dir) / task.relative_path, task.title,
                               task.lang, task.links)
        if store is None:
            return {"summary": summary if task.year is not None else None, "stored": []}
        store_outputs(task.notebook, executed, store)
        return {"summary": summary if task.year is not None else None,
                "stored": [f"notebooks/{task.notebook.name}"]}
    _defaults, facts, _charts = args
    store_outputs(task, executed, facts)
    return {"summary": None, "stored": [f"notebooks/{task.name}"]}
