"""`python -m analysis new-plan DIR --text FILE` starts a plan folder that, once filled in as its
README says, is a plan the engine renders."""

import hashlib
import tomllib

from analysis import config
from analysis.cli import main
from analysis.new_plan import CATALOGUES
from analysis.plan import load_plan, read_table

DEMO = config.PROJECT_DIR / "tests" / "fixtures" / "demo_plan"


def test_a_new_plan_folder_has_its_text_fingerprint_and_empty_catalogues(tmp_path):
    folder = tmp_path / "cixi_sti_2026_2030"
    assert main(["new-plan", str(folder), "--text", str(DEMO / "demo_plan.txt")]) == 0
    raw = tomllib.loads((folder / "plan.toml").read_text(encoding="utf-8"))
    text = (DEMO / "demo_plan.txt").read_bytes()
    assert raw["text_sha256"] == hashlib.sha256(text).hexdigest()
    assert (folder / raw["text"]).read_bytes() == text
    assert "start_year" not in raw  # the years are the analyst's to fill in
    for name, columns in CATALOGUES.items():
        assert list(read_table(folder / name).columns) == columns
    # The catalogues have the columns of the Cixi plan's own.
    for name in ("indicators.csv", "body_targets.csv", "contradictions.csv", "series_notes.csv"):
        assert CATALOGUES[name] == list(read_table(config.PROJECT_DIR / "data" / "raw" / "plan" / name).columns)
    assert "待填写" in (folder / "plan.toml").read_text(encoding="utf-8")
    assert "plan.toml" in (folder / "README.md").read_text(encoding="utf-8")


def test_filled_in_it_loads_as_a_plan(tmp_path):
    folder = tmp_path / "demo"
    assert main(["new-plan", str(folder), "--text", str(DEMO / "demo_plan.txt")]) == 0
    toml = (folder / "plan.toml").read_text(encoding="utf-8")
    for key in ("period", "start_year", "end_year", "baseline_year", "mid_term_year"):
        toml = toml.replace(f"# {key} =", f"{key} =")
    toml = toml.replace("# [[tables]]", "[[tables]]")
    for key in ("id = \"table1\"", "heading = \"专栏1\"", "heading_en", "plan_period", "label_column",
                "columns = [", "  {", "]"):
        toml = "\n".join(line[2:] if line.startswith(f"# {key}") else line for line in toml.splitlines())
    (folder / "plan.toml").write_text(toml, encoding="utf-8")
    plan = load_plan(folder / "plan.toml")
    assert (plan.start_year, plan.end_year, plan.baseline_year) == (2026, 2030, 2025)
    assert plan.tables[0]["heading"] == "专栏1"


def test_it_never_overwrites_a_folder_or_takes_a_missing_text(tmp_path, capsys):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "plan.toml").write_text("id = 'x'\n", encoding="utf-8")
    assert main(["new-plan", str(tmp_path / "taken"), "--text", str(DEMO / "demo_plan.txt")]) == 2
    assert (tmp_path / "taken" / "plan.toml").read_text(encoding="utf-8") == "id = 'x'\n"
    assert main(["new-plan", str(tmp_path / "new"), "--text", str(tmp_path / "nothing.txt")]) == 2
    assert "not a file" in capsys.readouterr().err and not (tmp_path / "new").exists()
