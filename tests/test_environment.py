"""The project's own files set up everything it needs, and say so where a new user looks."""

import re
import subprocess
import tomllib

import pytest
import yaml

from analysis import config

ROOT = config.PROJECT_DIR


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_installs_the_package_and_its_extras_from_pyproject():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in environment["dependencies"] if isinstance(d, str)]
    [pip] = [d["pip"] for d in environment["dependencies"] if isinstance(d, dict)]
    project = pyproject()["project"]
    assert f"python{project['requires-python']}" in conda
    assert "pip" in conda
    extras = ",".join(project["optional-dependencies"])
    assert pip == ["-c constraints.txt", f"-e .[{extras}]"]
    # Nothing else pinned on the conda side that could drift from pyproject.toml.
    assert sorted(conda) == sorted([f"python{project['requires-python']}", "pip"])


def test_every_dependency_has_a_lower_bound():
    project = pyproject()["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert re.search(r">=\d", requirement), requirement
    names = {re.split(r"[<>=]", r)[0] for r in project["dependencies"]}
    assert {"pandas", "matplotlib", "seaborn", "papermill", "nbconvert", "jupyterlab",
            "ipykernel"} <= names


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make reports" in head and "make test" in head


def test_ci_runs_the_readmes_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_make_help_lists_every_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z_-]*):", makefile, flags=re.M))
    listed = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    assert targets and all(f"make {target}" in listed for target in targets), listed


def test_constraints_pin_every_direct_dependency():
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    pins = {name.lower().replace("_", "-"): version for name, version in pins.items()}
    project = pyproject()["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        name, lower = re.split(r">=", requirement)
        assert name.lower() in pins, name
        pinned = tuple(int(part) for part in re.findall(r"\d+", pins[name.lower()])[:3])
        bound = tuple(int(part) for part in re.findall(r"\d+", lower)[:3])
        assert pinned >= bound, (name, pins[name.lower()], lower)


def test_the_projects_kernel_lives_inside_the_environment():
    import sys
    from pathlib import Path

    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("cixi-sti")
    assert Path(sys.prefix) in Path(spec.resource_dir).parents
    assert Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()
    assert spec.display_name == "Cixi STI (.venv)"


def _cron_command(checkout) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [line] = [l for l in readme.splitlines() if re.match(r"\s*0 6 1 3 \* ", l)]
    minute, hour, day, month, weekday, user, command = line.split(None, 6)
    return command.replace("/srv/cixi-sti", str(checkout))


@pytest.mark.parametrize("make_succeeds", [True, False])
def test_the_readmes_cron_line_works_on_a_fresh_checkout(tmp_path, make_succeeds):
    """A fresh checkout has no logs/ folder: the cron line must still start, log and mail."""
    checkout, fake = tmp_path / "checkout", tmp_path / "bin"
    checkout.mkdir()
    fake.mkdir()
    (fake / "make").write_text(f"#!/bin/sh\necho \"make $*\"\nexit {0 if make_succeeds else 1}\n")
    (fake / "mail").write_text(f"#!/bin/sh\ncat > {tmp_path / 'mail.txt'}\n")
    for tool in fake.iterdir():
        tool.chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(["/bin/sh", "-c", _cron_command(checkout)], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "make data reports" in (checkout / "logs" / "cron.log").read_text()
    mailed = tmp_path / "mail.txt"
    assert mailed.exists() != make_succeeds
    if not make_succeeds:
        assert "render failed" in mailed.read_text()
