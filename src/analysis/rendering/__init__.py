"""Rendering the reports: one report (`report`), what it depends on (`inputs`), the set with its
manifest, worker pool and lock (`report_set`), and the index (`index`)."""

import sys

# jsonschema (under nbformat) imports the optional rfc3987_syntax format checker if it can, and
# that builds a grammar at import: 1.2 s in every process that reads a notebook. Nothing here
# validates an IRI, and jsonschema does without the checker when it is absent.
sys.modules.setdefault("rfc3987_syntax", None)

from analysis.rendering.index import index_cards, write_index
from analysis.rendering.report import execute, render, store_outputs, to_html
from analysis.rendering.report_set import (ANNUAL_REPORT, LOCK, MANIFEST, OTHER_NOTEBOOKS, Inputs,
                                           RenderBusy, RenderSummary, ReportJob, all_jobs,
                                           annual_jobs, check_parameters, declared_parameters,
                                           default_out_dir, default_parameters, job_digest,
                                           other_jobs, read_manifest, render_all, report_path,
                                           with_parameters)

__all__ = [
    "ANNUAL_REPORT", "LOCK", "MANIFEST", "OTHER_NOTEBOOKS", "Inputs", "RenderBusy",
    "RenderSummary", "ReportJob", "all_jobs", "annual_jobs", "check_parameters",
    "declared_parameters", "default_out_dir", "default_parameters", "execute", "index_cards",
    "job_digest", "other_jobs", "read_manifest", "render", "render_all", "report_path",
    "store_outputs", "to_html", "with_parameters", "write_index",
]
