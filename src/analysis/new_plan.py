"""`python -m analysis new-plan DIR --text FILE`: the start of a plan folder for another plan (the
15th plan, another county's): its text and sha256, a plan.toml whose years and tables are to be
filled in, the catalogues with their headers and no rows, and a README of the steps."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from analysis.errors import InputError
from analysis.files import write_atomic

CATALOGUES = {
    "indicators.csv": ["indicator_id", "label_table1", "label_table2", "name_zh", "name_en",
                       "unit_zh", "unit_en", "measure", "scope", "scope_quote", "definition_zh",
                       "definition_en", "supplier_zh", "supplier_en", "stock", "direction",
                       "source_kind_zh", "source_kind_en", "release_zh", "release_en",
                       "scope_quote_en"],
    "body_targets.csv": ["target_id", "indicator_id", "name_zh", "name_en", "target_kind",
                         "comparator", "target_value", "target_upper", "unit_zh", "unit_en",
                         "value_text", "baseline_year", "baseline_value", "baseline_source",
                         "target_year", "section", "section_en", "quote", "reference_series",
                         "quote_en", "related"],
    "contradictions.csv": ["indicator_id", "topic_zh", "topic_en", "quote_a", "quote_b",
                           "explanation_zh", "explanation_en", "quote_a_en", "quote_b_en"],
    "series_notes.csv": ["indicator_id", "note_zh", "note_en", "source_zh", "source_en"],
}
OBSERVATIONS = ["indicator_id", "year", "value", "scope", "vintage", "source", "note", "note_en",
                "source_en"]

PLAN_TOML = '''# The plan this folder describes (python -m analysis new-plan). Fill in every line marked
# 待填写 / TO FILL IN; until then the plan does not load, and the error names this file.
id = "{id}"
title_zh = "{id}"            # 待填写 / TO FILL IN: the plan's title, as the reports print it
title_en = "{id}"            # 待填写 / TO FILL IN
text = "{text}"
text_sha256 = "{sha256}"     # the text's fingerprint: a changed text stops the build
indicators = "indicators.csv"
body_targets = "body_targets.csv"
contradictions = "contradictions.csv"
observations = "observations"
references = "reference"
# period = "15th"            # 待填写 / TO FILL IN: this plan's period, and the years below
# start_year = 2026
# end_year = 2030
# baseline_year = 2025
# mid_term_year = 2028
# previous_period = "14th"   # the period of a table reviewing the previous plan, if any
# Where the text has no such table, the previous plan is reviewed from its own plan.toml (its
# headline targets) and the latest observed values: its own observations folder, or the files
# and folders named (observations of its indicators, up to its end year):
# previous_plan = {{ plan = "../plan/plan.toml", observations = ["../observations"] }}
# period_names_zh = {{ "15th" = "“十五五”", "14th" = "“十四五”" }}
# period_names_en = {{ "15th" = "15th plan (2026–2030)", "14th" = "14th plan (2021–2025)" }}
# reference_region_zh = ""   # the region a relative target compares with
# reference_region_en = ""
# source_glosses = "source_glosses.csv"  # English glosses of sources (columns source,source_en)
#                            # for observation files without a source_en column of their own
# compiled_by_zh = ""        # who compiles the reports (their colophon)
# compiled_by_en = ""
report_title_zh = "{id}监测报告（{{year}}年）"   # 待填写 / TO FILL IN
report_title_en = "{id}: monitoring report {{year}}"
notebooks = ["overview", "trajectories", "methods"]

# Each table of the text: the heading line it starts with, the period its numbers belong to, and
# what each header cell means (a header that differs from this fails the parse).
# [[tables]]
# id = "table1"
# heading = "专栏1"
# heading_en = "Box 1"
# plan_period = "15th"
# label_column = "label_table1"
# columns = [
#   {{ header = "指标", role = "label" }},
#   {{ header = "2025年", role = "baseline", year = 2025 }},
#   {{ header = "2030年", role = "target", year = 2030 }},
# ]
'''

README = '''# {id}

A plan folder started by `python -m analysis new-plan`. The steps:

1. `plan.toml`: fill in every line marked 待填写 / TO FILL IN (title, period and years, the
   table layout under `[[tables]]`, report titles). The text's sha256 is already there.
2. `indicators.csv`: one row per indicator of the plan's tables, with the table's row label
   (`label_table1`, …), names and units in Chinese and English, `measure` (count, share, amount,
   rate or ratio), `direction` (higher, or lower where a smaller value is better; empty: higher), and
   where known its 统计口径, definition, 责任单位, and where and when its values are published
   (`source_kind_*`, `release_*`, as a document states them; empty cells read 待确认).
3. `body_targets.csv`: every target of the body text with its verbatim `quote` and `section`
   (and, for one without an indicator of its own, the indicators it names in `related`).
4. `contradictions.csv`, `series_notes.csv`: notes on the plan's wording and on series breaks
   (optional; each with its quotes or source).
5. `observations/`: observed values, each with its source (CSV or Excel, columns as in the
   project README's "Adding observations").
6. Check and render:

       .venv/bin/python -m analysis --plan {folder}/plan.toml build
       .venv/bin/python -m analysis --plan {folder}/plan.toml render

   The reports go to `reports/<plan id>/`.
'''


def new_plan(folder: Path, text: Path) -> list[Path]:
    """Write the plan folder; refuse to touch a folder that already holds files."""
    folder, text = Path(folder), Path(text)
    if not text.is_file():
        raise InputError("the plan's text is not a file", file=text, field="--text")
    if folder.exists() and any(folder.iterdir()):
        raise InputError("the folder already holds files; give a new or empty one",
                         file=folder, field="DIR")
    data = text.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"the plan's text is not UTF-8 ({exc.reason})", file=text,
                         field="--text") from exc
    plan_id = folder.name
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / text.name
    shutil.copyfile(text, target)
    written.append(target)
    written.append(write_atomic(folder / "plan.toml", PLAN_TOML.format(
        id=plan_id, text=text.name, sha256=hashlib.sha256(data).hexdigest())))
    for name, columns in CATALOGUES.items():
        written.append(write_atomic(folder / name, ",".join(columns) + "\n"))
    written.append(write_atomic(folder / "observations" / "observations.csv",
                                ",".join(OBSERVATIONS) + "\n"))
    (folder / "reference").mkdir(exist_ok=True)
    written.append(write_atomic(folder / "README.md", README.format(id=plan_id, folder=folder)))
    return written
