"""One report: papermill runs the notebook with its parameters on this interpreter's kernel,
nbconvert writes HTML without code, and the file is replaced only when both succeed."""

from __future__ import annotations

import copy
import functools
import html
import logging
import re
from pathlib import Path
from typing import Sequence

from analysis import config
from analysis.files import write_atomic
from analysis.downloads import summary_in, tables_in, without_tables, write_tables
from analysis.rendering.kernels import (RESET_TAG, drop_warm_kernel, kernel_arguments,
                                        kernel_manager, reset_cell_source, shut_down, warm_kernel)
from analysis.texts import DOWNLOADS, NAV

ANALYST_NOTE = "analyst-note"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CONTENTS_MARK = "<!--table-of-contents-->"  # where the template puts the table of contents


def _with_reset(notebook: Path, folder: Path, charts: Path | None) -> Path:
    """A copy of the notebook whose first cell resets the kernel's namespace and count and
    names the chart cache (analysis.rendering.kernels.reset_cell_source)."""
    import nbformat

    document = nbformat.read(notebook, as_version=4)
    cell = nbformat.v4.new_code_cell(reset_cell_source(charts))
    cell.id, cell.metadata["tags"] = RESET_TAG, [RESET_TAG]
    document.cells.insert(0, cell)
    path = folder / notebook.name
    nbformat.write(document, path)
    return path


def execute(notebook: Path, parameters: dict, timeout: int | None = None, warm: bool = False,
            charts: Path | None = None):
    """Run the notebook under papermill, in the notebook's folder, with the given parameters;
    a cell running longer than `timeout` seconds fails the report. With `warm`, on this
    process's kept kernel for that folder, which keeps the charts it draws in `charts` (a
    folder; see analysis.charts.chart_svg) where one is given."""
    import tempfile

    import papermill

    logging.getLogger("papermill").setLevel(logging.WARNING)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    cwd = notebook.parent.resolve()
    with tempfile.TemporaryDirectory() as folder:
        source = _with_reset(notebook, Path(folder), charts) if warm else notebook
        # papermill does not shut down a kernel it was handed: a kernel of its own is shut down
        # here, a kept one when it fails (it may still be busy) or when the run ends.
        manager = warm_kernel(cwd).km if warm else kernel_manager()
        try:
            executed = papermill.execute_notebook(
                str(source), None, parameters=parameters, cwd=str(cwd),
                progress_bar=False, log_output=False, execution_timeout=timeout,
                extra_arguments=kernel_arguments(), km=manager,
            )
        except BaseException:
            if warm:
                drop_warm_kernel(cwd)
            raise
        finally:
            if not warm:
                shut_down(manager)
    executed.cells = [cell for cell in executed.cells
                      if RESET_TAG not in cell.metadata.get("tags", [])]
    for cell in executed.cells:  # papermill gives the cell it injects a random id
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return executed


def to_html(notebook, title: str, lang: str, links: Sequence[tuple[str, str]] = (),
            downloads: Sequence[tuple[str, str]] = ()) -> str:
    """HTML for reviewers: no code, no prompts, nothing loaded from another host; a bar of
    `links` ((key, href) pairs: "index", "other" language, "methods"), the tables to download
    ((title, file) pairs beside the page, the workbook's title "xlsx") and a table of contents."""
    words = NAV[lang]
    other = next((code for code in config.LANGUAGES if code != lang), lang)
    notebook.metadata["title"] = title
    files = DOWNLOADS[lang]
    notebook.metadata["report_nav"] = {
        "links": [{"href": href, "text": words[key], **({"lang": other} if key == "other" else {})}
                  for key, href in links],
        "downloads_label": files["download"],
        "downloads": [{"href": name, "text": files["workbook"] if key == "xlsx"
                       else files["csv"].format(title=key)} for key, name in downloads]}
    body, _ = _exporter(lang).from_notebook_node(without_tables(copy.deepcopy(notebook)))
    return with_contents(body, words["contents"])


def get_ready() -> None:
    """Make the HTML exporters and load the workbook writer ahead of the first report: a run
    does it while its workers run their first notebooks, not when the first comes back (the
    run's own process writes every report, and would otherwise still be writing after the
    workers were done)."""
    import nbformat
    import openpyxl  # noqa: F401 (what analysis.downloads writes the workbooks with)

    for lang in config.LANGUAGES:  # an empty page: the templates compiled, the filters loaded
        to_html(nbformat.v4.new_notebook(), "", lang)
    nbformat.validate(nbformat.v4.new_notebook())  # the schema, as store_outputs checks it


@functools.cache
def _exporter(lang: str):
    """The HTML exporter of a language, made once per process (its templates compiled once)."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name="report", extra_template_basedirs=[str(config.TEMPLATES_DIR)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        language_code=lang,
    )
    # Notes for analysts in JupyterLab stay out of the reviewers' HTML.
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={ANALYST_NOTE}), enabled=True)
    return exporter


_SECTION = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def with_contents(page: str, label: str) -> str:
    """The page with a table of contents of its sections (its h2 headings) where the template
    marks its place; none for a page of fewer than two sections."""
    sections = _SECTION.findall(page)
    if len(sections) < 2:
        return page.replace(CONTENTS_MARK, "")
    items = "".join(f'<li><a href="#{anchor}">{text.strip()}</a></li>' for anchor, text in sections)
    contents = (f'<details class="toc"><summary>{html.escape(label)}</summary>'
                f"<ol>{items}</ol></details>")
    return page.replace(CONTENTS_MARK, contents, 1)


def render(notebook: Path, parameters: dict, path: Path, title: str, lang: str,
           timeout: int | None = None, warm: bool = False, store: dict | None = None,
           links: Sequence[tuple[str, str]] = (), charts: Path | None = None) -> dict | None:
    """Execute and export one report into `path`; with `store` (facts for its metadata), the
    outputs also go back into the notebook itself (its parameters being its defaults). The
    summary the page handed over for the index, if any, is returned."""
    executed = execute(notebook, parameters, timeout, warm, charts)
    summary = write_report(executed, path, title, lang, links)
    if store is not None:
        store_outputs(notebook, executed, store)
    return summary


def write_report(executed, path: Path, title: str, lang: str,
                 links: Sequence[tuple[str, str]] = ()) -> dict | None:
    """An executed notebook's report: its downloads, then its HTML (which links them), into
    `path`; the summary the page handed over for the index, if any."""
    downloads = write_tables(path, tables_in(executed))  # beside the page, before it links them
    write_atomic(path, to_html(executed, title, lang, links, downloads))
    return summary_in(executed)


def store_outputs(notebook: Path, executed, facts: dict) -> Path:
    """Put an execution's outputs into the stored notebook, cell by cell, so the outputs nbval
    compares are current; `facts` go into its metadata under "analysis" (the inputs' digest)."""
    import nbformat

    document = nbformat.read(notebook, as_version=4)
    ran = {cell.get("id"): cell for cell in executed.cells}
    for cell in document.cells:
        if cell.cell_type == "code":
            cell.outputs = ran[cell.id].outputs
            cell.execution_count = ran[cell.id].execution_count
            for number, output in enumerate(cell.outputs):  # a widget's view names its model by
                view = output.get("data", {}).get(WIDGET_VIEW)  # a random id, which would churn
                if view:  # the file at every run; without the widgets' state (below) it names
                    view["model_id"] = f"{cell.id}-{number}"  # nothing anyway
    document.metadata.pop("widgets", None)  # the widgets' state: random ids, and no use stored
    document.metadata.setdefault("analysis", {}).update(facts)
    return write_atomic(notebook, nbformat.writes(document) + "\n")
