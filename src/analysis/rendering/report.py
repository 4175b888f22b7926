"""One report: papermill runs the notebook with its parameters on this interpreter's kernel,
nbconvert writes HTML without code, and the file is replaced only when both succeed."""

from __future__ import annotations

import copy
import functools
import html
import logging
import re
import sys
from pathlib import Path
from typing import Callable, Sequence

from analysis import config
from analysis.files import write_atomic
from analysis.downloads import summary_in, tables_in, without_tables, write_tables
from analysis.texts import DOWNLOADS, NAV

ANALYST_NOTE = "analyst-note"
CONTENTS_MARK = "<!--table-of-contents-->"  # where the template puts the table of contents
# The kernel's own log (a warning about TCP on loopback, a note on shutdown) is noise in an
# operator's log; errors in cells still reach us as error outputs.
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]


def kernel_manager():
    """A kernel on the interpreter running this code (a conda env, a plain venv, .venv), whatever
    kernel the notebook names or this machine has registered: the named `cixi-sti` kernel is for
    JupyterLab only, so rendering never needs it installed."""
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class ThisInterpreter(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                                    "{connection_file}"],
                              display_name="Python (rendering)", language="python")

    return AsyncKernelManager(kernel_name="python3", kernel_spec_manager=ThisInterpreter())


RESET_TAG = "analysis-fresh-namespace"


class WarmKernel:
    """A kernel kept for the notebooks one process renders one after another: starting a kernel
    and importing the package cost more than most reports. Each notebook starts with a cell
    that resets the namespace and the execution count, so it runs as in a new kernel; after a
    failure the kernel is dropped (it may still be busy with the cell that timed out)."""

    def __init__(self, cwd: Path, charts: Path | None = None):
        import os

        from jupyter_core.utils import run_sync

        from analysis.charts import CHART_CACHE_ENV

        env = {key: value for key, value in os.environ.items() if key != CHART_CACHE_ENV}
        if charts is not None:
            env[CHART_CACHE_ENV] = str(charts)
        self.km = kernel_manager()
        run_sync(self.km.start_kernel)(extra_arguments=QUIET_KERNEL, cwd=str(cwd), env=env)

    def close(self) -> None:
        _shut_down(self.km)

    def preload(self, meanwhile: Callable[[], object] = lambda: None) -> None:
        """Import what the notebooks import and draw one chart, before the first notebook
        comes (the modules stay loaded across the namespace resets); `meanwhile` runs here
        while the kernel works."""
        from jupyter_client.blocking import BlockingKernelClient

        client = BlockingKernelClient(connection_file=self.km.connection_file)
        client.load_connection_file()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            request = client.execute(PRELOAD, silent=True, store_history=False)
            meanwhile()
            while True:
                reply = client.get_shell_msg(timeout=120)
                if reply["parent_header"].get("msg_id") == request:
                    break
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"preloading the kernel failed: {reply['content'].get('ename')}")
        finally:
            client.stop_channels()


PRELOAD = """\
import importlib, pkgutil
import analysis.pages
for module in pkgutil.iter_modules(analysis.pages.__path__):
    importlib.import_module(f"analysis.pages.{module.name}")
import seaborn
import matplotlib.pyplot as plt
from analysis.charts import svg_text, use_report_style
from analysis.texts import CHARTS
use_report_style()
figure, axes = plt.subplots()
axes.set_title(CHARTS["zh"]["year"])
svg_text(figure)
get_ipython().reset(new_session=True)
"""


def _shut_down(manager) -> None:
    """Stop a kernel and remove its connection file."""
    from jupyter_core.utils import run_sync

    if manager.has_kernel:
        run_sync(manager.shutdown_kernel)(now=True)


_warm: dict[tuple[Path, Path | None], WarmKernel] = {}


def close_warm_kernels() -> None:
    """Shut down the kernels this process kept (at the end of a run, or of a worker)."""
    while _warm:
        _, kernel = _warm.popitem()
        try:
            kernel.close()
        except Exception:  # already gone
            pass


def warm_up(cwd: Path, charts: Path | None) -> None:
    """Start this process's kernel for notebooks in `cwd` and preload it (a pool worker's first
    step, taken while the run is still comparing inputs). A failure here is left for the first
    notebook to meet and report."""
    try:
        _warm_kernel(cwd, charts).preload(
            meanwhile=lambda: [_exporter(lang) for lang in config.LANGUAGES])
    except Exception:
        if (cwd, charts) in _warm:
            _warm.pop((cwd, charts)).close()


def _warm_kernel(cwd: Path, charts: Path | None) -> WarmKernel:
    if (cwd, charts) not in _warm:
        if not _warm:
            import multiprocessing.util

            # Workers of a pool end through multiprocessing's finalizers, not atexit.
            multiprocessing.util.Finalize(None, close_warm_kernels, exitpriority=10)
        _warm[cwd, charts] = WarmKernel(cwd, charts)
    return _warm[cwd, charts]


def _with_reset(notebook: Path, folder: Path) -> Path:
    """A copy of the notebook whose first cell resets the kernel's namespace and count."""
    import nbformat

    document = nbformat.read(notebook, as_version=4)
    cell = nbformat.v4.new_code_cell("get_ipython().reset(new_session=True)")
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
        source = _with_reset(notebook, Path(folder)) if warm else notebook
        # papermill does not shut down a kernel it was handed: a kernel of its own is shut down
        # here, a kept one when it fails (it may still be busy) or when the run ends.
        manager = _warm_kernel(cwd, charts).km if warm else kernel_manager()
        try:
            executed = papermill.execute_notebook(
                str(source), None, parameters=parameters, cwd=str(cwd),
                progress_bar=False, log_output=False, execution_timeout=timeout,
                extra_arguments=QUIET_KERNEL, km=manager,
            )
        except BaseException:
            if warm and (cwd, charts) in _warm:
                _warm.pop((cwd, charts)).close()
            raise
        finally:
            if not warm:
                _shut_down(manager)
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
    downloads = write_tables(path, tables_in(executed))  # beside the page, before it links them
    write_atomic(path, to_html(executed, title, lang, links, downloads))
    if store is not None:
        store_outputs(notebook, executed, store)
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
    document.metadata.pop("widgets", None)  # random model ids would churn the file at every run
    document.metadata.setdefault("analysis", {}).update(facts)
    return write_atomic(notebook, nbformat.writes(document) + "\n")
