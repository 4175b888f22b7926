# Monitoring notebooks for the Cixi S&T innovation plan. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := $(VENV)/share/jupyter/kernels/cixi-sti/kernel.json

.DEFAULT_GOAL := help
.PHONY: help venv data reports pdf notebooks update test lab clean

help: ## List every target
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# The notebooks run on a kernel named for the project, registered inside .venv/ (not in ~).
$(KERNEL): $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name cixi-sti --display-name "Cixi STI (.venv)"

venv: $(STAMP) $(KERNEL) ## Set up .venv/ with the package, its test tools and its Jupyter kernel

data: $(STAMP) ## Build data/processed/ from data/raw/
	$(BIN)/python -m analysis build

reports: data ## Render every report into reports/ (and reports/index.html)
	$(BIN)/python -m analysis render

pdf: $(STAMP) ## Print every report to an A4 PDF in reports/pdf/ (needs headless Chromium: apt-get install chromium)
	$(BIN)/python -m analysis pdf

notebooks: $(STAMP) ## Re-run the notebooks whose inputs changed, so the outputs nbval compares are current
	$(BIN)/python -m analysis notebooks

update: $(STAMP) ## After adding observations: data, reports and the notebooks' outputs that changed, so `make test` passes again
	$(BIN)/python -m analysis update

test: $(STAMP) $(KERNEL) ## Run the whole test suite
	$(BIN)/python -m pytest

lab: $(STAMP) $(KERNEL) ## Open JupyterLab on notebooks/
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter lab --notebook-dir=notebooks

clean: ## Remove .venv/ and caches (keeps data/processed/ and reports/)
	rm -rf $(VENV) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
