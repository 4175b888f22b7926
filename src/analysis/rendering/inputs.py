"""What a report's bytes depend on, so that a report re-renders when, and only when, one of them
changes: the rendering environment, its notebook, the package modules that notebook imports,
the plan, and the data the notebook declares it reads.

A notebook declares its data in its metadata, `"analysis": {"reads": [...]}`:
- `observations`: every observation (pages that list them all, scenarios that start from them);
- `observations_to_report_year`: the observations up to the report's year (the annual report),
  so a value for year Y changes the annual reports for Y and later, and no earlier one;
- `references`: the outside series that relative targets compare with;
- `evidence`: the records on qualitative and body-text targets.
Every notebook reads its plan (plan.toml, the text, the curated tables).
"""

from __future__ import annotations

import ast
import json
from functools import cache
from pathlib import Path

from analysis import config
from analysis.digests import digest_of, environment_digest, frame_digest  # noqa: F401 (used here and by report_set)
from analysis.digests import files_digest as _files_digest
from analysis.plan import Plan, previous_plan

READS = ("observations", "observations_to_report_year", "references", "evidence")


# --- notebooks and the modules they import -------------------------------------------------------

def _cells(notebook: Path) -> list[dict]:
    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


def notebook_digest(notebook: Path) -> str:
    """A notebook's cells without their stored outputs (re-storing outputs changes no report)."""
    cells = [(c["cell_type"], _source(c), c.get("metadata", {}).get("tags", []))
             for c in _cells(notebook)]
    return digest_of(json.dumps(cells, ensure_ascii=False))


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def declared_reads(notebook: Path) -> tuple[str, ...]:
    """The data a notebook declares it reads (see the module's docstring)."""
    document = json.loads(notebook.read_text(encoding="utf-8"))
    reads = tuple(document.get("metadata", {}).get("analysis", {}).get("reads", []))
    unknown = sorted(set(reads) - set(READS))
    if unknown:
        raise ValueError(f"{notebook.name}: unknown reads {unknown}; known: {', '.join(READS)}")
    return reads


@cache
def _parameters_cell(notebook: Path, stamp: float) -> dict[str, tuple[str, object]]:
    for cell in _cells(notebook):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            found = {}
            for node in ast.parse(_source(cell)).body:
                if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                    kind = node.annotation.id if isinstance(node.annotation, ast.Name) else "None"
                    found[node.target.id] = (kind, ast.literal_eval(node.value))
                elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                    found[node.targets[0].id] = ("None", ast.literal_eval(node.value))
            return found
    return {}


def parameters_cell(notebook: Path) -> dict[str, tuple[str, object]]:
    """The notebook's parameters cell, read as papermill reads it (name: type = value), without
    importing papermill: name → (type name, default value)."""
    notebook = Path(notebook).resolve()
    return _parameters_cell(notebook, notebook.stat().st_mtime)


def _module_file(name: str) -> Path | None:
    """The source file of a module of the package, or None when `name` is not one."""
    parts = name.split(".")
    if parts[0] != "analysis":
        return None
    base = config.PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(tree: ast.AST, module: str) -> set[str]:
    """Modules of the package an AST imports, anywhere in it (inside functions too)."""
    package = module if _module_file(module) and _module_file(module).name == "__init__.py" \
        else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # submodules by name
    return {name for name in found if _module_file(name)}


@cache
def _module_closure(names: frozenset[str]) -> frozenset[Path]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]  # parents run on import
        todo += sorted(_module_imports(name) - seen)
    return frozenset(_module_file(name) for name in seen)


@cache
def _module_imports(name: str) -> frozenset[str]:
    """What one module of the package imports (read once per process: a module edited while
    a process runs is hashed anew, but an import added to it is seen by the next process)."""
    return frozenset(_imports(ast.parse(_module_file(name).read_text(encoding="utf-8")), name))


def notebook_modules(notebook: Path) -> list[Path]:
    """The package's source files a notebook runs: what its cells import, and what those import."""
    names = set()
    for cell in _cells(notebook):
        if cell["cell_type"] == "code":
            try:
                tree = ast.parse(_source(cell))
            except SyntaxError:  # IPython magics: no import of ours is hidden in them
                continue
            names |= _imports(tree, "__main__")
    return sorted(_module_closure(frozenset(names)))


def code_digest(notebook: Path) -> str:
    """The modules the notebook imports, and what writes every report: the HTML template and
    the code that executes a notebook and exports it (rendering/report.py; tasks.py, which
    hands a worker's report to it; kernels.py, which writes the cell every run starts with and
    preloads the kernel; kernel_main.py, the kernel's program; zygote.py, which loads the
    kernel and forks it; kernel_client.py, what talks to it)."""
    template = [p for p in (config.TEMPLATES_DIR / "report").rglob("*") if p.is_file()]
    writers = [config.PACKAGE_DIR / "rendering" / name
               for name in ("report.py", "tasks.py", "kernels.py", "kernel_main.py", "zygote.py",
                            "kernel_client.py")]
    return _files_digest([*notebook_modules(notebook), *template, *writers])


# --- data ----------------------------------------------------------------------------------------

def plan_digest(plan: Plan) -> str:
    """The plan's description and every file it names; where it reviews the previous plan from
    that plan's targets and the observations, those too."""
    own = _files_digest(plan.files)
    if not plan.previous_plan:
        return own
    from analysis.observations import observation_files, previous_plan_files

    previous = previous_plan(plan)
    files = previous_plan_files(plan)
    files = observation_files(previous.observations_path) if files is None else files
    return digest_of(own, plan_digest(previous), _files_digest(files))
