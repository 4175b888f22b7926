"""Every path the project uses, derived once from this file, never from the working directory."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parents[1]

DATA_DIR = PROJECT_DIR / "data"
RAW_DIR = DATA_DIR / "raw"
PLAN_DIR = RAW_DIR / "plan"
PLAN_CONFIG = PLAN_DIR / "plan.toml"
PROCESSED_DIR = DATA_DIR / "processed"

NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
REPORTS_DIR = PROJECT_DIR / "reports"
LOGS_DIR = PROJECT_DIR / "logs"
TEMPLATES_DIR = PACKAGE_DIR / "templates"

LANGUAGES = ("zh", "en")

# The folder where the renderer asks a report's kernel to keep the charts it draws (its report
# folder's .cache/charts/): a chart whose inputs did not change is read back, not drawn again.
CHART_CACHE_ENV = "ANALYSIS_CHART_CACHE"
