"""One report: papermill runs the notebook with its parameters on this interpreter's kernel,
nbconvert writes HTML without code, and the file is replaced only when both succeed."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from analysis import config
from analysis.files import write_atomic

ANALYST_NOTE = "analyst-note"
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


def execute(notebook: Path, parameters: dict, timeout: int | None = None):
    """Run the notebook under papermill, in the notebooks folder, with the given parameters;
    a cell running longer than `timeout` seconds fails the report."""
    import papermill

    logging.getLogger("papermill").setLevel(logging.WARNING)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    executed = papermill.execute_notebook(
        str(notebook), None, parameters=parameters, cwd=str(notebook.parent),
        progress_bar=False, log_output=False, execution_timeout=timeout,
        extra_arguments=QUIET_KERNEL, km=kernel_manager(),
    )
    for cell in executed.cells:  # papermill gives the cell it injects a random id
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return executed


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


def render(notebook: Path, parameters: dict, path: Path, title: str, lang: str,
           timeout: int | None = None) -> Path:
    """Execute and export one report into `path`."""
    executed = execute(notebook, parameters, timeout)
    return write_atomic(path, to_html(executed, title, lang))


def store_outputs(notebook: Path, facts: dict | None = None) -> Path:
    """Re-run a notebook in place with its default parameters, so the outputs nbval checks are
    current; `facts` go into its metadata under "analysis" (e.g. the digest of its inputs)."""
    import nbformat
    from nbclient import NotebookClient

    document = nbformat.read(notebook, as_version=4)
    # Widget state (random model ids, the explorer's images) would churn the file at every run.
    NotebookClient(document, resources={"metadata": {"path": str(notebook.parent)}},
                   km=kernel_manager(), extra_arguments=QUIET_KERNEL,
                   store_widget_state=False).execute()
    document.metadata.pop("widgets", None)
    document.metadata.setdefault("analysis", {}).update(facts or {})
    for cell in document.cells:
        cell.metadata.pop("execution", None)
    return write_atomic(notebook, nbformat.writes(document) + "\n")
