"""What a pool worker runs: one report (executed, written, and its notebook's outputs stored
when asked) or one notebook run only for its stored outputs; a failure comes back as a
`Failure`, reported with that report alone.

Like `kernels`, this imports no pandas or matplotlib (nor do `report` and the downloads it
writes): a worker only talks to its kernel and writes HTML and files, and on two cores the time
a worker spends loading pandas is time its kernel and the other one do not get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from analysis.rendering.report import execute, render, store_outputs


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


def run_task(task, *args) -> dict:
    """A report (a ReportJob: `attempt`), or a notebook path with its default parameters, the
    facts for its metadata and the chart cache: its outputs stored in it."""
    if isinstance(task, ReportJob):
        return attempt(task, *args)
    defaults, facts, charts = args
    executed = execute(task, defaults, warm=True, charts=charts)
    store_outputs(task, executed, facts)
    return {"summary": None, "stored": [f"notebooks/{task.name}"]}


def attempt(job: ReportJob, out_dir: Path, timeout: int | None, store: dict | None,
            charts: Path) -> dict:
    """Render one report (and store its notebook's outputs when asked); return the summary the
    index shows for it (the one its page handed over) and the notebooks stored."""
    summary = render(job.notebook, job.parameters, Path(out_dir) / job.relative_path, job.title,
                     job.lang, timeout, warm=True, store=store, links=job.links, charts=charts)
    stored = [] if store is None else [f"notebooks/{job.notebook.name}"]
    return {"summary": summary if job.year is not None else None, "stored": stored}
