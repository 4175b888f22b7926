"""Rendering: papermill runs a notebook with its parameters, nbconvert writes HTML without code."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import nbformat
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from analysis import config
from analysis.files import write_atomic
from analysis.plan import load_plan
from analysis.report import TEXT

log = logging.getLogger(__name__)
ANNUAL_REPORT = config.NOTEBOOKS_DIR / "annual_report.ipynb"
ANALYST_NOTE = "analyst-note"


@dataclass(frozen=True)
class ReportJob:
    """One report: which notebook, with which parameters, into which HTML file, under which title."""

    notebook: Path
    parameters: dict = field(hash=False)
    relative_path: str
    title: str
    lang: str
    year: int | None = None


def annual_report_path(year: int, lang: str) -> str:
    """reports/annual_<year>.html in Chinese, reports/en/annual_<year>.html in English."""
    return f"annual_{year}.html" if lang == "zh" else f"{lang}/annual_{year}.html"


def annual_jobs(years: Sequence[int], langs: Sequence[str],
                observation_files: Sequence[str] = ()) -> list[ReportJob]:
    return [
        ReportJob(notebook=ANNUAL_REPORT,
                  parameters={"report_year": year, "lang": lang,
                              "observation_files": [str(Path(p).resolve()) for p in observation_files]},
                  relative_path=annual_report_path(year, lang),
                  title=TEXT[lang]["title"].format(year=year), lang=lang, year=year)
        for lang in langs for year in years
    ]


def execute(job: ReportJob) -> nbformat.NotebookNode:
    """Run the notebook under papermill, in the notebooks folder, with the job's parameters."""
    notebook = papermill.execute_notebook(
        str(job.notebook), None, parameters=job.parameters, cwd=str(job.notebook.parent),
        progress_bar=False, log_output=False,
    )
    for cell in notebook.cells:  # papermill gives the cell it injects a random id
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return notebook


def store_outputs(notebook: Path) -> Path:
    """Re-run a notebook in place with its default parameters, so the outputs nbval checks are current."""
    from nbclient import NotebookClient

    document = nbformat.read(notebook, as_version=4)
    NotebookClient(document, resources={"metadata": {"path": str(notebook.parent)}}).execute()
    for cell in document.cells:
        cell.metadata.pop("execution", None)
    return write_atomic(notebook, nbformat.writes(document) + "\n")


def to_html(notebook: nbformat.NotebookNode, title: str, lang: str) -> str:
    """HTML for reviewers: no code, no prompts, nothing loaded from another host."""
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


def render(job: ReportJob, out_dir: Path) -> Path:
    """Execute and export one report; the file is replaced only when both succeed."""
    log.info("rendering %s", job.relative_path)
    notebook = execute(job)
    return write_atomic(Path(out_dir) / job.relative_path, to_html(notebook, job.title, job.lang))


def render_all(jobs: Sequence[ReportJob], out_dir: Path = config.REPORTS_DIR) -> list[Path]:
    """Render each job, then write the index over every report present in out_dir."""
    written = [render(job, out_dir) for job in jobs]
    written.append(write_index(out_dir))
    return written


def write_index(out_dir: Path = config.REPORTS_DIR) -> Path:
    """reports/index.html: a link to every report of the full set that exists in out_dir."""
    out_dir = Path(out_dir)
    plan = load_plan()
    sections = []
    for lang, heading in (("zh", "中文报告"), ("en", "Reports in English")):
        items = [
            f'<li><a href="{html.escape(job.relative_path)}">{html.escape(job.title)}</a></li>'
            for job in annual_jobs(plan.years, [lang]) if (out_dir / job.relative_path).is_file()
        ]
        if items:
            sections.append(f"<h2>{heading}</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>")
    page = INDEX_TEMPLATE.format(title_zh=html.escape(plan.title_zh),
                                 title_en=html.escape(plan.title_en),
                                 sections="\n".join(sections) or "<p>—</p>")
    return write_atomic(out_dir / "index.html", page)


INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title_zh} · 监测报告 / Monitoring reports</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       system-ui, sans-serif; max-width: 800px; margin: 2em auto; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.5em; }} li {{ margin: 0.4em 0; }} .en {{ color: #555; }}
</style>
</head>
<body>
<h1>{title_zh}<br><span class="en">{title_en}</span></h1>
<p>监测报告 · Monitoring reports</p>
{sections}
</body>
</html>
"""
