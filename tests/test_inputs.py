"""A report re-renders when, and only when, something that can change its bytes changes: the
rendering environment (one test per trigger), its notebook, the modules that notebook imports,
the plan, and the data it declares it reads."""

import shutil

import pytest

from analysis import config
from analysis import digests as environment
from analysis.errors import InputError
from analysis.plan import load_plan
from analysis.rendering import Inputs, all_jobs, annual_jobs, job_digest, other_jobs, render_all
from analysis.rendering import inputs
from conftest import FOUND

PLAN = load_plan()
NOTEBOOKS = config.NOTEBOOKS_DIR


def digests(plan=PLAN, files=()):
    data = Inputs(plan)
    jobs = annual_jobs(plan, plan.years, ["zh", "en"], files) + other_jobs(plan, ["zh", "en"])
    return {job.relative_path: job_digest(job, data) for job in jobs}


def changed(before: dict, after: dict) -> list[str]:
    return sorted(path for path in before if before[path] != after[path])


@pytest.fixture
def fresh_environment():
    environment.environment_digest.cache_clear()
    yield
    environment.environment_digest.cache_clear()


# --- the environment -----------------------------------------------------------------------------

def test_a_new_python_version_re_renders_everything(monkeypatch, fresh_environment):
    before = digests()
    monkeypatch.setattr(environment, "python_version", lambda: "CPython 3.99.0")
    environment.environment_digest.cache_clear()
    assert changed(before, digests()) == sorted(before)


@pytest.mark.parametrize("name", ["pillow", "mistune", "jinja2", "ipython", "matplotlib",
                                  "nbconvert", "mplfonts"])
def test_another_version_of_any_rendering_library_re_renders_everything(monkeypatch, name,
                                                                         fresh_environment):
    real = environment.installed_distributions()
    assert any(line.startswith(f"{name}==") for line in real), real
    before = digests()
    bumped = [f"{name}==0.0.0-other" if line.startswith(f"{name}==") else line for line in real]
    monkeypatch.setattr(environment, "installed_distributions", lambda: bumped)
    environment.environment_digest.cache_clear()
    assert changed(before, digests()) == sorted(before)


def test_a_newly_installed_distribution_re_renders_everything(monkeypatch, fresh_environment):
    real = environment.installed_distributions()
    before = digests()
    monkeypatch.setattr(environment, "installed_distributions", lambda: sorted([*real, "brotli==1.1"]))
    environment.environment_digest.cache_clear()
    assert changed(before, digests()) == sorted(before)


def test_raising_the_epoch_re_renders_everything(monkeypatch, fresh_environment):
    before = digests()
    monkeypatch.setattr(environment, "RENDER_EPOCH", environment.RENDER_EPOCH + 1)
    environment.environment_digest.cache_clear()
    assert changed(before, digests()) == sorted(before)


# --- data ------------------------------------------------------------------------------------------

def extra_observation(tmp_path, year: int):
    path = tmp_path / "extra.csv"
    path.write_text("indicator_id,year,value,source,note\n"
                    f"pct_applications,{year},50,test fixture,\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("year", [2021, 2023, 2025])
def test_an_observation_for_a_year_changes_that_years_annual_reports_and_later(tmp_path, year):
    before = digests(files=[FOUND])
    after = digests(files=[FOUND, extra_observation(tmp_path, year)])
    annual = [f"{prefix}annual_{y}.html" for prefix in ("", "en/") for y in range(year, 2026)]
    # Only the annual reports are given the files here; the other pages read the plan's folder.
    assert changed(before, after) == sorted(annual)


def plan_with_observations(tmp_path, files):
    """A copy of the Cixi plan whose observations folder holds the given files."""
    folder = tmp_path / "plan"
    shutil.copytree(config.PLAN_DIR, folder, dirs_exist_ok=True)
    observations = tmp_path / "observations"  # plan.toml: observations = "../observations"
    observations.mkdir(exist_ok=True)
    for path in observations.glob("*.csv"):
        path.unlink()
    for path in files:
        shutil.copy(path, observations / path.name)
    return load_plan(folder / "plan.toml")


def test_pages_that_list_every_observation_change_and_nothing_else(tmp_path):
    plan = plan_with_observations(tmp_path, [FOUND])
    before = digests(plan)
    plan_with_observations(tmp_path, [FOUND, extra_observation(tmp_path, 2024)])
    after = digests(load_plan(plan.config_path))
    pages = ["overview", "scenarios", "scenario_explorer"]
    expected = [f"{prefix}{name}.html" for prefix in ("", "en/")
                for name in ["annual_2024", "annual_2025", *pages]]
    assert changed(before, after) == sorted(expected)


def test_pages_that_read_no_observations_are_the_same_with_or_without_them(tmp_path):
    """The declarations are true: rendered with another observation, `trajectories` and the
    previous-plan review come out byte for byte the same (and are not re-rendered)."""
    names = ["trajectories", "review_previous_plan"]
    plan = plan_with_observations(tmp_path, [FOUND])
    jobs = [job for job in other_jobs(plan, ["zh"]) if job.relative_path[:-5] in names]
    out = tmp_path / "out"
    assert not render_all(plan, jobs, out, progress=False).failed
    first = {job.relative_path: (out / job.relative_path).read_bytes() for job in jobs}
    plan_with_observations(tmp_path, [FOUND, extra_observation(tmp_path, 2023)])
    plan = load_plan(plan.config_path)
    summary = render_all(plan, jobs, out, progress=False)
    assert summary.rendered == [] and sorted(summary.unchanged) == sorted(first)
    again = render_all(plan, jobs, tmp_path / "again", force=True, progress=False)
    assert not again.failed
    for path, content in first.items():
        assert (tmp_path / "again" / path).read_bytes() == content, path


@pytest.mark.parametrize("name", sorted(p.name for p in config.PLAN_DIR.iterdir() if p.is_file()))
def test_a_change_to_any_file_of_the_plan_re_renders_everything(tmp_path, name):
    """Every file in the plan's folder (its description, tables and notes) counts; its text
    cannot change unnoticed at all (its sha256 is in the description)."""
    plan = plan_with_observations(tmp_path, [FOUND])
    before = digests(plan)
    path = plan.directory / name
    path.write_bytes(path.read_bytes() + b"\n")
    if path == plan.text_path:
        with pytest.raises(InputError, match="sha256"):
            digests(plan)
        return
    assert changed(before, digests(plan)) == sorted(before)


# --- code ------------------------------------------------------------------------------------------

def modules(notebook: str) -> set[str]:
    return {path.relative_to(config.PACKAGE_DIR).as_posix()
            for path in inputs.notebook_modules(NOTEBOOKS / f"{notebook}.ipynb")}


def test_each_notebook_depends_on_the_modules_it_imports_and_no_other():
    trajectories = modules("trajectories")
    assert {"pages/trajectories.py", "pages/base.py", "pages/formatting.py", "charts.py",
            "trajectories.py", "texts.py", "plan.py", "__init__.py", "pages/__init__.py"} <= trajectories
    assert not {"pages/annual.py", "pages/scenarios.py", "scenarios.py", "progress.py",
                "rendering/report_set.py", "cli.py"} & trajectories
    annual = modules("annual_report")
    assert {"pages/annual.py", "progress.py", "observations.py", "references.py"} <= annual
    assert not {"pages/trajectories.py", "pages/review.py", "review.py", "cli.py"} & annual
    assert "pages/scenarios.py" in modules("scenario_explorer")


def test_a_change_to_a_module_re_renders_only_the_reports_whose_notebooks_import_it(monkeypatch):
    before = digests()
    touched = config.PACKAGE_DIR / "pages" / "review.py"
    real_digest = inputs._files_digest

    def with_edit(paths, root=config.PROJECT_DIR):
        paths = list(paths)
        return real_digest(paths, root) + ("edited" if touched in paths else "")

    monkeypatch.setattr(inputs, "_files_digest", with_edit)
    assert changed(before, digests()) == ["en/review_previous_plan.html", "review_previous_plan.html"]


def test_every_notebook_declares_only_known_reads():
    for notebook in sorted(NOTEBOOKS.glob("*.ipynb")):
        assert set(inputs.declared_reads(notebook)) <= set(inputs.READS)
    assert inputs.declared_reads(NOTEBOOKS / "trajectories.ipynb") == ()
    assert inputs.declared_reads(NOTEBOOKS / "review_previous_plan.ipynb") == ()


def test_the_set_covers_every_report_of_the_plan():
    assert len(all_jobs(PLAN)) == 22


def test_the_distributions_are_read_as_importlib_metadata_reads_them():
    """installed_distributions reads each Name and Version from the metadata's header lines
    instead of parsing whole files: the same list as the full parse gives."""
    from importlib import metadata

    full = {}
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name and name not in environment._NOT_RENDERING:
            full[name] = dist.version
    assert environment.installed_distributions() == [f"{n}=={v}" for n, v in sorted(full.items())]


@pytest.mark.parametrize("writer", ["report.py", "tasks.py", "kernels.py", "kernel_main.py",
                                    "zygote.py", "kernel_client.py"])
def test_a_change_to_how_reports_are_written_re_renders_everything(monkeypatch, writer):
    before = digests()
    writer = config.PACKAGE_DIR / "rendering" / writer
    real_digest = inputs._files_digest

    def with_edit(paths, root=config.PROJECT_DIR):
        paths = list(paths)
        return real_digest(paths, root) + ("edited" if writer in paths else "")

    monkeypatch.setattr(inputs, "_files_digest", with_edit)
    assert changed(before, digests()) == sorted(before)
