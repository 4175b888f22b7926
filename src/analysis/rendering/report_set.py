"""The report set: which reports a plan has, which of them are stale, rendering those in
parallel (one run per folder at a time), and the manifest that remembers, per report, the hash
of its inputs and the summary the index shows.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from analysis import config
from analysis.errors import InputError
from analysis.files import write_atomic
from analysis.plan import Plan, load_indicators, plan_parameter
from analysis.rendering import inputs
from analysis.rendering.kernels import WarmPool, close_warm_kernels, pool_executor, zygote
from analysis.rendering.report import get_ready
from analysis.rendering.tasks import Failure, ReportJob, finish, guarded, run_task
from analysis.texts import NOTEBOOK_TITLES

ANNUAL_REPORT = config.NOTEBOOKS_DIR / "annual_report.ipynb"
# Notebook name → parameters beside lang and plan, for the rendered HTML.
OTHER_NOTEBOOKS = {
    "overview": {}, "review_previous_plan": {}, "trajectories": {}, "scenarios": {},
    "scenario_explorer": {"interactive": False},  # HTML cannot run widgets
    "methods": {},
}
log = logging.getLogger("analysis")
MANIFEST = ".inputs.json"
LOCK = ".render.lock"
CHART_CACHE = ".cache/charts"  # in the report folder: the charts drawn, by their inputs
CHART_CACHE_SIZE = 600  # charts kept: a few renders of the whole report set


def report_links(plan: Plan, name: str, lang: str) -> tuple[tuple[str, str], ...]:
    """From a report to the index, to the same report in the other language and to the methods
    page (where the plan has one), as relative links."""
    up = "../" * report_path(name, lang).count("/")
    other = next(code for code in config.LANGUAGES if code != lang)
    links = [("index", f"{up}index.html"), ("other", up + report_path(name, other))]
    if "methods" in plan.notebooks and name != "methods":
        links.append(("methods", up + report_path("methods", lang)))
    return tuple(links)


def report_path(name: str, lang: str) -> str:
    """reports/<name>.html in Chinese, reports/en/<name>.html in English."""
    return f"{name}.html" if lang == "zh" else f"{lang}/{name}.html"


def annual_jobs(plan: Plan, years: Sequence[int], langs: Sequence[str],
                observation_files: Sequence[str] = ()) -> list[ReportJob]:
    return [
        ReportJob(notebook=ANNUAL_REPORT,
                  parameters={"report_year": year, "lang": lang, "plan": plan_parameter(plan),
                              "observation_files": [str(Path(p).resolve()) for p in observation_files]},
                  relative_path=report_path(f"annual_{year}", lang),
                  title=plan.report_title(lang, year), lang=lang, year=year,
                  links=report_links(plan, f"annual_{year}", lang))
        for lang in langs for year in years
    ]


def other_jobs(plan: Plan, langs: Sequence[str]) -> list[ReportJob]:
    """The plan's other notebooks (its plan.toml lists them), each in every language."""
    return [ReportJob(notebook=config.NOTEBOOKS_DIR / f"{name}.ipynb",
                      parameters={"lang": lang, "plan": plan_parameter(plan), **parameters},
                      relative_path=report_path(name, lang),
                      title=NOTEBOOK_TITLES[name][lang].format(
                          previous=plan.period_name(plan.previous_period, lang)), lang=lang,
                      links=report_links(plan, name, lang))
            for lang in langs for name, parameters in OTHER_NOTEBOOKS.items()
            if name in plan.notebooks]


def all_jobs(plan: Plan, langs: Sequence[str] = config.LANGUAGES) -> list[ReportJob]:
    return annual_jobs(plan, plan.years, langs) + other_jobs(plan, langs)


def default_out_dir(plan: Plan) -> Path:
    """reports/ for the Cixi 14th plan; reports/<plan id>/ for any other plan."""
    return config.REPORTS_DIR if plan.is_default else config.REPORTS_DIR / plan.id


# --- what each report depends on ----------------------------------------------------------------

class Inputs:
    """The data a run's reports read, each loaded (and so validated) at most once."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self._indicators = None
        self._observations: dict[tuple[str, ...], object] = {}
        self._references: str | None = None
        self._evidence: dict[tuple[str, ...], str] = {}
        self._plan: str | None = None
        self._notebooks: dict[Path, tuple[tuple[str, ...], str, str]] = {}

    @property
    def indicators(self):
        if self._indicators is None:
            self._indicators = load_indicators(self.plan)
        return self._indicators

    def observations(self, files: Sequence[str] = ()):
        from analysis.observations import load_observations

        key = tuple(files)
        if key not in self._observations:
            self._observations[key] = load_observations(list(files) or None, self.indicators,
                                                        self.plan)
        return self._observations[key]

    def references_digest(self) -> str:
        from analysis.references import plan_references

        if self._references is None:
            self._references = inputs.frame_digest(plan_references(self.plan, self.indicators))
        return self._references

    def evidence_digest(self, files: Sequence[str] = ()) -> str:
        """The evidence records in the files (default: the plan's observations folder)."""
        from analysis.evidence import load_evidence

        key = tuple(files)
        if key not in self._evidence:
            self._evidence[key] = inputs.frame_digest(load_evidence(list(files) or None,
                                                                    plan=self.plan))
        return self._evidence[key]

    def plan_digest(self) -> str:
        if self._plan is None:
            self._plan = inputs.plan_digest(self.plan)
        return self._plan

    def notebook(self, notebook: Path) -> tuple[tuple[str, ...], str, str]:
        """What the notebook declares it reads, the digest of its cells and that of its code."""
        if notebook not in self._notebooks:
            self._notebooks[notebook] = (inputs.declared_reads(notebook),
                                         inputs.notebook_digest(notebook),
                                         inputs.code_digest(notebook))
        return self._notebooks[notebook]

    def digest(self, notebook: Path, parameters: dict, title: str = "") -> str:
        """Everything that can change the bytes of this notebook's report with these parameters."""
        from analysis.observations import as_of

        reads, cells, code = self.notebook(notebook)
        files = parameters.get("observation_files", [])
        # The files' contents count (below); where they lie on this machine does not.
        shown = {k: v for k, v in parameters.items() if k != "observation_files"}
        parts = [inputs.environment_digest(), cells, code, self.plan_digest(), title,
                 json.dumps(shown, sort_keys=True, ensure_ascii=False)]
        if "observations" in reads:
            parts.append(inputs.frame_digest(self.observations(files)))
        if "observations_to_report_year" in reads:
            year = parameters["report_year"]
            parts.append(inputs.frame_digest(as_of(self.observations(files), year)))
        if "references" in reads:
            parts.append(self.references_digest())
        if "evidence" in reads:
            parts.append(self.evidence_digest(files))
        return inputs.digest_of(*parts)


def job_digest(job: ReportJob, data: Inputs) -> str:
    return data.digest(job.notebook, job.parameters, json.dumps([job.title, job.links],
                                                                ensure_ascii=False))


def read_manifest(out_dir: Path) -> dict[str, dict]:
    """Per report: the digest of the inputs it was rendered from, and its summary."""
    try:
        entries = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {path: entry for path, entry in entries.items() if isinstance(entry, dict)}


# --- parameters ---------------------------------------------------------------------------------

_TYPES = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,), "list": (list,),
          "dict": (dict,)}


def declared_parameters(notebook: Path) -> dict[str, str]:
    """The notebook's parameters cell: name → type name (int, float, str, list, dict, …)."""
    return {name: kind for name, (kind, _) in inputs.parameters_cell(notebook).items()}


def default_parameters(notebook: Path) -> dict:
    """The values of the notebook's parameters cell, as the notebook runs when nobody sets them."""
    return {name: value for name, (_, value) in inputs.parameters_cell(notebook).items()}


def check_parameters(jobs: Sequence[ReportJob], extra: dict | None = None) -> None:
    """Refuse, before any kernel starts, a parameter no selected notebook declares or a value of
    the wrong type (papermill itself would only warn and run on)."""
    declared = {path: declared_parameters(path) for path in {job.notebook for job in jobs}}
    for name in extra or {}:
        if not any(name in names for names in declared.values()):
            valid = sorted({n for names in declared.values() for n in names})
            raise InputError(f"no selected notebook has a parameter {name!r}; valid: "
                             f"{', '.join(valid)}", field="--parameter")
    for job in jobs:
        for name, value in job.parameters.items():
            expected = declared[job.notebook].get(name)
            if expected is None:
                raise InputError(f"{job.notebook.name} has no parameter {name!r}", field=name)
            kinds = _TYPES.get(expected)
            if kinds and (not isinstance(value, kinds) or (expected != "bool" and isinstance(value, bool))):
                raise InputError(f"{name}={value!r} is not of type {expected} "
                                 f"(declared in {job.notebook.name})", field=name)


def with_parameters(jobs: Sequence[ReportJob], extra: dict) -> list[ReportJob]:
    """Each job with the extra parameters its notebook declares added."""
    if not extra:
        return list(jobs)
    declared = {path: declared_parameters(path) for path in {job.notebook for job in jobs}}
    return [ReportJob(notebook=job.notebook,
                      parameters={**job.parameters, **{k: v for k, v in extra.items()
                                                       if k in declared[job.notebook]}},
                      relative_path=job.relative_path, title=job.title, lang=job.lang, year=job.year,
                      links=job.links)
            for job in jobs]


# --- the set ------------------------------------------------------------------------------------

@dataclass
class RenderSummary:
    rendered: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    stored: list[str] = field(default_factory=list)  # notebooks whose outputs were re-stored
    current: list[str] = field(default_factory=list)  # notebooks whose outputs were current
    seconds: float = 0.0

    def line(self) -> str:
        stored = (f", {len(self.stored)} notebooks' outputs stored"
                  if self.stored or self.current else "")
        return (f"{len(self.rendered)} rendered, {len(self.unchanged)} unchanged, "
                f"{len(self.failed)} failed{stored} in {self.seconds:.1f}s")


def render_all(plan: Plan, jobs: Sequence[ReportJob], out_dir: Path | None = None,
               workers: int = 0, force: bool = False, progress: bool | None = None,
               timeout: int | None = None, lock_wait: float = 600,
               notebooks: Sequence[Path] = (), pool: "WarmPool | None" = None) -> RenderSummary:
    """Render what changed (everything with force), `workers` at a time (0: one per core), then
    write the manifest and the index; one run at a time per folder. The `notebooks` given get
    their stored outputs brought up to date in the same run, from the same execution where a
    report runs a notebook with its default parameters. Bad data or parameters raise
    InputError before any kernel starts (or, given a `pool` started beforehand, before any
    notebook runs in one)."""
    from analysis.rendering.index import write_index

    out_dir = Path(out_dir or default_out_dir(plan))
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with render_lock(out_dir, lock_wait):
        charts = chart_cache(out_dir)
        if force:  # everything drawn again, as on a new machine
            shutil.rmtree(charts, ignore_errors=True)
        data = Inputs(plan)
        digests = {job.relative_path: job_digest(job, data) for job in jobs}
        manifest = read_manifest(out_dir)
        summary = RenderSummary()
        todo = []
        for job in jobs:
            entry = manifest.get(job.relative_path, {})
            if (not force and entry.get("digest") == digests[job.relative_path]
                    and (out_dir / job.relative_path).is_file()):
                summary.unchanged.append(job.relative_path)
            else:
                todo.append(job)
        stale = _stale_notebooks(notebooks, force, summary, data)
        tasks = []
        for job in todo:
            store = None
            defaults = stale.get(job.notebook, (None,))[0]
            if defaults is not None and {**defaults, **job.parameters} == defaults:
                store = {OUTPUTS_DIGEST: stale.pop(job.notebook)[1]}
            tasks.append((job, out_dir, timeout, store, charts))
        # Notebooks run only for their stored outputs come after the longer annual reports and
        # before the others, so that no worker is left alone with one at the end.
        at = sum(1 for job in todo if job.year is not None)
        tasks[at:at] = [(notebook, defaults, {OUTPUTS_DIGEST: digest}, charts)
                        for notebook, (defaults, digest) in stale.items()]
        if todo:
            check_parameters(todo)
        for task, outcome in run_pool(run_task, tasks, workers, progress,
                                      pool.executor if pool else None, then=finish,
                                      meanwhile=get_ready):
            name = task.relative_path if isinstance(task, ReportJob) else f"notebooks/{task.name}"
            if isinstance(outcome, Failure):
                summary.failed[name] = outcome.message
                if isinstance(task, ReportJob):
                    manifest.pop(task.relative_path, None)
                continue
            if isinstance(task, ReportJob):
                summary.rendered.append(task.relative_path)
                manifest[task.relative_path] = {"digest": digests[task.relative_path],
                                                "summary": outcome["summary"]}
            summary.stored += outcome["stored"]
        _trim(charts)
        if todo:
            write_atomic(out_dir / MANIFEST, json.dumps(dict(sorted(manifest.items())), indent=1,
                                                        ensure_ascii=False) + "\n")
        # The index is made from the manifest alone: nothing rendered, nothing it shows changed.
        if jobs and (todo or not (out_dir / "index.html").is_file()):
            write_index(plan, out_dir)
    summary.seconds = time.monotonic() - started
    return summary


def _trim(charts: Path, keep: int = CHART_CACHE_SIZE) -> None:
    """Keep the `keep` most recently used charts of the cache (a hit marks a chart used)."""
    files = sorted(charts.glob("*.svg"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in files[keep:]:
        path.unlink(missing_ok=True)


def _stale_notebooks(notebooks: Sequence[Path], force: bool, summary: "RenderSummary",
                     data: Inputs) -> dict:
    """Notebook → (its default parameters, the digest of its inputs), for those whose stored
    outputs were computed from other inputs. They run on the Cixi 14th plan, their default
    (`data`: the run's inputs, used again where the run is on that plan)."""
    from analysis.plan import load_plan

    if not notebooks:
        return {}
    if not data.plan.is_default:
        data = Inputs(load_plan())
    stale = {}
    for notebook in notebooks:
        defaults = default_parameters(notebook)
        digest = data.digest(notebook, defaults)
        if force or stored_digest(notebook) != digest:
            stale[notebook] = (defaults, digest)
        else:
            summary.current.append(f"notebooks/{notebook.name}")
    return stale


def chart_cache(out_dir: Path) -> Path:
    """Where the kernels rendering into out_dir keep the charts they draw."""
    return (Path(out_dir) / CHART_CACHE).resolve()


def run_pool(function: Callable, arguments: list[tuple], workers: int = 0,
             progress: bool | None = None, executor: ProcessPoolExecutor | None = None,
             then: Callable | None = None, meanwhile: Callable[[], object] | None = None):
    """Yield (first argument, result or Failure) for each call of function(*arguments[i]),
    `workers` processes at a time (0: one per core; 1: in this process), or on the given
    executor's processes; with `then`, the result is then(first argument, what the function
    returned, *the other arguments), called in this process as each call comes back (while the
    workers go on with the next). `meanwhile` runs here once the calls are handed out."""
    from tqdm import tqdm

    def done(args, result):
        if then is None or isinstance(result, Failure):
            return result
        return guarded(then, args[0], result, *args[1:])

    def ready():
        """`meanwhile`, where there is something to do; if it fails, each `then` meets the
        failure for its own report."""
        if meanwhile is None or not arguments:
            return
        try:
            meanwhile()
        except Exception as exc:
            log.warning("getting ready to write the reports failed: %s: %s",
                        type(exc).__name__, exc)
    workers = min(workers or multiprocessing.cpu_count(), len(arguments)) or 1
    bar = tqdm(total=len(arguments), unit="report", leave=False,
               disable=None if progress is None else not progress)  # None: only on a terminal
    try:
        if executor is not None:
            futures = {executor.submit(guarded, function, *args): args for args in arguments}
            ready()
            for future in as_completed(futures):
                args = futures.pop(future)  # its executed notebook is not kept to the end
                yield args[0], done(args, future.result())
                bar.update()
            return
        if workers == 1:  # one kernel: nothing to share, no zygote
            ready()
            for args in arguments:
                yield args[0], done(args, guarded(function, *args))
                bar.update()
            return
        # Spawned workers: no zmq state of this process.
        with zygote() as address, pool_executor(workers, warm=False, zygote=address) as pool:
            futures = {pool.submit(guarded, function, *args): args for args in arguments}
            ready()
            for future in as_completed(futures):
                args = futures.pop(future)  # its executed notebook is not kept to the end
                yield args[0], done(args, future.result())
                bar.update()
    finally:
        bar.close()
        close_warm_kernels()  # those this process kept (workers close theirs when they end)


# --- notebooks' stored outputs -------------------------------------------------------------------

OUTPUTS_DIGEST = "outputs_digest"


def stored_digest(notebook: Path) -> str | None:
    return json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get(
        "analysis", {}).get(OUTPUTS_DIGEST)


@contextmanager
def render_lock(out_dir: Path, wait: float):
    """Hold out_dir/.render.lock while rendering: a second run waits, then gives up with an error."""
    import fcntl

    path = out_dir / LOCK
    with open(path, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RenderBusy(f"another render holds {path} (waited {wait:g}s)") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class RenderBusy(RuntimeError):
    """Another run is rendering into the same folder."""
