"""Rendering the reports: one report (`report`), what it depends on (`inputs`), the set with its
manifest, worker pool and lock (`report_set`), the kernels and workers that run the notebooks
(`kernels`), what a worker runs (`tasks`), and the index (`index`).

The names below are imported on first use: a pool worker imports `kernels` alone, and starts its
kernel without waiting for nbconvert to load; it never loads pandas or matplotlib.
"""

import importlib
import sys

# jsonschema (under nbformat) imports the optional rfc3987_syntax format checker if it can, and
# that builds a grammar at import: 1.2 s in every process that reads a notebook. Nothing here
# validates an IRI, and jsonschema does without the checker when it is absent.
sys.modules.setdefault("rfc3987_syntax", None)

_WHERE = {
    "index": ["index_cards", "write_index"],
    "report": ["execute", "render", "store_outputs", "to_html"],
    "tasks": ["ReportJob"],
    "report_set": ["ANNUAL_REPORT", "LOCK", "MANIFEST", "OTHER_NOTEBOOKS", "Inputs", "RenderBusy",
                   "RenderSummary", "all_jobs", "annual_jobs", "check_parameters",
                   "declared_parameters", "default_out_dir", "default_parameters", "job_digest",
                   "other_jobs", "read_manifest", "render_all", "report_path", "with_parameters"],
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
