"""Rendering: papermill runs each notebook with its parameters, nbconvert writes HTML without code.

The whole set renders in parallel, skips a report whose inputs have not changed since it was
last rendered (their hash is kept in reports/.inputs.json), and replaces each file atomically.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import multiprocessing
import time
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Sequence

from analysis import config
from analysis.files import write_atomic
from analysis.texts import EXPLORER, OVERVIEW, REVIEW, SCENARIOS, TRAJECTORIES

log = logging.getLogger(__name__)
ANNUAL_REPORT = config.NOTEBOOKS_DIR / "annual_report.ipynb"
OTHER_NOTEBOOKS = {  # notebook name → its words (title), and parameters beside lang
    "overview": (OVERVIEW, {}), "review_13th_plan": (REVIEW, {}),
    "trajectories": (TRAJECTORIES, {}), "scenarios": (SCENARIOS, {}),
    "scenario_explorer": (EXPLORER, {"interactive": False}),  # HTML cannot run widgets
}
ANALYST_NOTE = "analyst-note"
# The kernel's own log (a warning about TCP on loopback, a note on shutdown) is noise in an
# operator's log; errors in cells still reach us as error outputs.
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]
MANIFEST = ".inputs.json"
LOCK = ".render.lock"
_VERSIONED = ("papermill", "nbconvert", "nbclient", "matplotlib", "seaborn", "pandas", "numpy",
              "mplfonts", "ipykernel")


@dataclass(frozen=True)
class ReportJob:
    """One report: which notebook, with which parameters, into which HTML file, under which title."""

    notebook: Path
    parameters: dict = field(hash=False)
    relative_path: str
    title: str
    lang: str
    year: int | None = None


def report_path(name: str, lang: str) -> str:
    """reports/<name>.html in Chinese, reports/en/<name>.html in English."""
    return f"{name}.html" if lang == "zh" else f"{lang}/{name}.html"


def annual_jobs(years: Sequence[int], langs: Sequence[str],
                observation_files: Sequence[str] = ()) -> list[ReportJob]:
    from analysis.plan import load_plan

    plan = load_plan()
    return [
        ReportJob(notebook=ANNUAL_REPORT,
                  parameters={"report_year": year, "lang": lang,
                              "observation_files": [str(Path(p).resolve()) for p in observation_files]},
                  relative_path=report_path(f"annual_{year}", lang),
                  title=plan.report_title(lang, year), lang=lang, year=year)
        for lang in langs for year in years
    ]


def other_jobs(langs: Sequence[str]) -> list[ReportJob]:
    """The plan's other notebooks (its plan.toml lists them), each in every language."""
    from analysis.plan import load_plan

    names = load_plan().notebooks
    return [ReportJob(notebook=config.NOTEBOOKS_DIR / f"{name}.ipynb",
                      parameters={"lang": lang, **parameters}, relative_path=report_path(name, lang),
                      title=texts[lang]["title"], lang=lang)
            for lang in langs for name, (texts, parameters) in OTHER_NOTEBOOKS.items()
            if name in names]


def default_out_dir() -> Path:
    """reports/ for the Cixi 14th plan; reports/<plan id>/ for any other plan."""
    from analysis.plan import load_plan

    plan = load_plan()
    return config.REPORTS_DIR if plan.is_default else config.REPORTS_DIR / plan.id


# --- what a report depends on --------------------------------------------------------------------

def _digest_files(paths: Sequence[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(root) if path.is_relative_to(root) else path
        digest.update(name.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def shared_inputs_digest() -> str:
    """Package code and templates, all raw data, and the versions of the rendering stack."""
    from analysis.plan import load_plan

    plan = load_plan()
    code = [p for p in config.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    folders = {config.RAW_DIR, plan.directory, plan.observations_path, plan.references_path}
    data = sorted({p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()})
    versions = ";".join(f"{name}={metadata.version(name)}" for name in _VERSIONED)
    return hashlib.sha256("|".join([
        _digest_files(code, config.PROJECT_DIR), _digest_files(data, config.PROJECT_DIR), versions,
    ]).encode()).hexdigest()


def notebook_digest(path: Path) -> str:
    """A notebook's cells without their stored outputs (re-storing outputs changes no report)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    cells = [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
              c.get("metadata", {}).get("tags", [])) for c in document["cells"]]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()


def job_digest(job: ReportJob, shared: str) -> str:
    """Everything that can change a report's bytes: notebook, parameters, data, code, versions."""
    parts = [shared, notebook_digest(job.notebook), job.title,
             json.dumps(job.parameters, sort_keys=True, ensure_ascii=False)]
    for path in job.parameters.get("observation_files", []):
        parts.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def read_manifest(out_dir: Path) -> dict[str, str]:
    try:
        return json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


# --- parameters ---------------------------------------------------------------------------------

_TYPES = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,), "list": (list,),
          "dict": (dict,)}


def declared_parameters(notebook: Path) -> dict[str, str]:
    """The notebook's parameters cell: name → type name (int, float, str, list, dict, …)."""
    import papermill

    return {name: spec["inferred_type_name"]
            for name, spec in papermill.inspect_notebook(str(notebook)).items()}


def check_parameters(jobs: Sequence[ReportJob], extra: dict | None = None) -> None:
    """Refuse, before any kernel starts, a parameter no selected notebook declares or a value of
    the wrong type (papermill itself would only warn and run on)."""
    from analysis.errors import InputError

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
                      relative_path=job.relative_path, title=job.title, lang=job.lang, year=job.year)
            for job in jobs]


# --- one report ----------------------------------------------------------------------------------

def execute(job: ReportJob, timeout: int | None = None):
    """Run the notebook under papermill, in the notebooks folder, with the job's parameters;
    a cell running longer than `timeout` seconds fails the report."""
    import papermill

    notebook = papermill.execute_notebook(
        str(job.notebook), None, parameters=job.parameters, cwd=str(job.notebook.parent),
        progress_bar=False, log_output=False, execution_timeout=timeout,
        extra_arguments=QUIET_KERNEL,
    )
    for cell in notebook.cells:  # papermill gives the cell it injects a random id
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return notebook


def to_html(notebook, title: str, lang: str) -> str:
    """HTML for reviewers: no code, no prompts, nothing loaded from another host."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    notebook.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="report", extra_template_basedirs=[str(config.TEMPLATES_DIR)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        language_code=lang,
    )
    # Notes for analysts in JupyterLab stay out of the reviewers' HTML.
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={ANALYST_NOTE}), enabled=True)
    body, _ = exporter.from_notebook_node(notebook)
    return body


def render(job: ReportJob, out_dir: Path, timeout: int | None = None) -> Path:
    """Execute and export one report; the file is replaced only when both succeed."""
    logging.getLogger("papermill").setLevel(logging.WARNING)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    notebook = execute(job, timeout)
    return write_atomic(Path(out_dir) / job.relative_path, to_html(notebook, job.title, job.lang))


def store_outputs(notebook: Path) -> Path:
    """Re-run a notebook in place with its default parameters, so the outputs nbval checks are current."""
    import nbformat
    from nbclient import NotebookClient

    document = nbformat.read(notebook, as_version=4)
    # Widget state (random model ids, the explorer's images) would churn the file at every run.
    NotebookClient(document, resources={"metadata": {"path": str(notebook.parent)}},
                   extra_arguments=QUIET_KERNEL, store_widget_state=False).execute()
    document.metadata.pop("widgets", None)
    for cell in document.cells:
        cell.metadata.pop("execution", None)
    return write_atomic(notebook, nbformat.writes(document) + "\n")


# --- the set ------------------------------------------------------------------------------------

@dataclass
class RenderSummary:
    rendered: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{len(self.rendered)} rendered, {len(self.unchanged)} unchanged, "
                f"{len(self.failed)} failed in {self.seconds:.1f}s")


def render_all(jobs: Sequence[ReportJob], out_dir: Path = config.REPORTS_DIR, workers: int = 0,
               force: bool = False, progress: bool | None = None, timeout: int | None = None,
               lock_wait: float = 600, validate=None) -> RenderSummary:
    """Render what changed (everything with force), `workers` at a time (0: one per core),
    then write the manifest of input hashes and the index; one run at a time per folder.

    `validate(todo)`, when given, runs before any kernel starts and only if something is stale;
    it returns the observations the index's cards count (default: the plan's)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with render_lock(out_dir, lock_wait):
        return _render_all(jobs, out_dir, workers, force, progress, timeout, validate)


def _render_all(jobs, out_dir, workers, force, progress, timeout, validate) -> RenderSummary:
    started = time.monotonic()
    shared = shared_inputs_digest()
    manifest = read_manifest(out_dir)
    digests = {job.relative_path: job_digest(job, shared) for job in jobs}
    summary = RenderSummary()
    todo = []
    for job in jobs:
        fresh = manifest.get(job.relative_path) == digests[job.relative_path]
        if fresh and not force and (out_dir / job.relative_path).is_file():
            summary.unchanged.append(job.relative_path)
        else:
            todo.append(job)
    observations = None
    if todo:
        observations = validate(todo) if validate else None
        check_parameters(todo)
        workers = min(workers or multiprocessing.cpu_count(), len(todo))
        for job, error in _run(todo, out_dir, workers, progress, timeout):
            if error is None:
                summary.rendered.append(job.relative_path)
                manifest[job.relative_path] = digests[job.relative_path]
            else:
                summary.failed[job.relative_path] = error
                manifest.pop(job.relative_path, None)
        write_atomic(out_dir / MANIFEST, json.dumps(dict(sorted(manifest.items())), indent=1) + "\n")
    # Nothing rendered means nothing the index shows has changed.
    if todo or not (out_dir / "index.html").is_file():
        write_index(out_dir, observations)
    summary.seconds = time.monotonic() - started
    return summary


def _run(jobs: list[ReportJob], out_dir: Path, workers: int, progress: bool | None,
         timeout: int | None):
    """Yield (job, None) for each report written, (job, message) for each that failed."""
    from tqdm import tqdm

    bar = tqdm(total=len(jobs), unit="report", leave=False,
               disable=None if progress is None else not progress)  # None: only on a terminal
    try:
        if workers == 1:
            for job in jobs:
                yield job, _attempt(job, out_dir, timeout)
                bar.update()
            return
        context = multiprocessing.get_context("spawn")  # no zmq state shared with a forked parent
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(_attempt, job, out_dir, timeout): job for job in jobs}
            for future in as_completed(futures):
                yield futures[future], future.result()
                bar.update()
    finally:
        bar.close()


def _attempt(job: ReportJob, out_dir: Path, timeout: int | None) -> str | None:
    try:
        render(job, out_dir, timeout)
    except Exception as exc:  # reported per report; the last good file stays in place
        last_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else ""
        return f"{type(exc).__name__}: {last_line}"
    return None


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


# --- the index ----------------------------------------------------------------------------------

def index_cards(out_dir: Path, observations=None) -> dict[str, list[dict]]:
    """Per language, a card per report present: title, year, latest data year, status counts
    (counted on the given observations, by default the plan's)."""
    from analysis.labels import STATUS_LABELS
    from analysis.observations import as_of, load_observations
    from analysis.plan import load_indicators, load_plan
    from analysis.progress import assess
    from analysis.references import plan_references
    from analysis.targets import headline_targets

    plan = load_plan()
    indicators = load_indicators(plan)
    if observations is None:
        observations = load_observations(indicators=indicators)
    targets = headline_targets(plan=plan)
    references = plan_references(plan, indicators)
    cards: dict[str, list[dict]] = {}
    for lang in config.LANGUAGES:
        for job in annual_jobs(plan.years, [lang]) + other_jobs([lang]):
            if not (out_dir / job.relative_path).is_file():
                continue
            card = {"href": job.relative_path, "title": job.title, "year": job.year}
            if job.year is not None:
                verdicts = assess(targets, observations, job.year, references)
                seen = as_of(observations, job.year)["year"]
                card["latest_data_year"] = int(seen.max()) if not seen.empty else None
                counts = verdicts["status"].value_counts()
                card["statuses"] = [(STATUS_LABELS[s][lang], int(counts[s]), s)
                                    for s in STATUS_LABELS if s in counts]
            cards.setdefault(lang, []).append(card)
    return cards


INDEX_WORDS = {
    "zh": {"heading": "中文报告", "year": "报告年份", "data": "最新数据年份", "none": "无"},
    "en": {"heading": "Reports in English", "year": "Report year", "data": "Latest data",
           "none": "none"},
}


def write_index(out_dir: Path = config.REPORTS_DIR, observations=None) -> Path:
    """reports/index.html: a card per report present in out_dir."""
    from analysis.charts import STATUS_COLOURS
    from analysis.plan import load_plan

    out_dir = Path(out_dir)
    plan = load_plan()
    sections = []
    for lang, cards in index_cards(out_dir, observations).items():
        words = INDEX_WORDS[lang]
        items = []
        for card in cards:
            facts = ""
            if card["year"] is not None:
                data_year = card["latest_data_year"] or words["none"]
                badges = "".join(
                    f'<span class="badge" style="background:{STATUS_COLOURS[s]};color:'
                    f'{"#fff" if s in ("target_met", "moving_away") else "#222"}">'
                    f'{html.escape(label)} {n}</span>' for label, n, s in card["statuses"])
                facts = (f'<p class="facts">{words["year"]} {card["year"]} · {words["data"]} '
                         f'{data_year}</p><p>{badges}</p>')
            items.append(f'<a class="card" href="{html.escape(card["href"])}">'
                         f'<h3>{html.escape(card["title"])}</h3>{facts}</a>')
        sections.append(f'<h2>{words["heading"]}</h2>\n<div class="cards">\n'
                        + "\n".join(items) + "\n</div>")
    page = INDEX_TEMPLATE.format(title_zh=html.escape(plan.title_zh),
                                 title_en=html.escape(plan.title_en),
                                 sections="\n".join(sections) or "<p>—</p>")
    return write_atomic(out_dir / "index.html", page)


INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title_zh} · 监测报告 / Monitoring reports</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.5em; }} .en {{ color: #555; }}
.cards {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1em; }}
.card {{ display: block; border: 1px solid #ddd; border-radius: 8px; padding: 0.8em 1em;
        color: inherit; text-decoration: none; }}
.card:hover {{ border-color: #1f5fa8; box-shadow: 0 1px 4px rgba(0,0,0,.15); }}
.card h3 {{ font-size: 1em; margin: 0 0 0.4em 0; color: #1f5fa8; }}
.facts {{ color: #555; font-size: 0.9em; margin: 0.2em 0; }}
.badge {{ display: inline-block; border-radius: 4px; padding: 0 0.4em; margin: 0.15em 0.2em 0 0;
         font-size: 0.8em; }}
</style>
</head>
<body>
<h1>{title_zh}<br><span class="en">{title_en}</span></h1>
<p>监测报告 · Monitoring reports</p>
{sections}
</body>
</html>
"""
