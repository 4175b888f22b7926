"""Every word the reports show lives in analysis.texts, in Chinese and English alike."""

import re

from analysis import config
from analysis.texts import ALL, NOTEBOOK_TITLES
from analysis.rendering import OTHER_NOTEBOOKS


def test_chinese_and_english_have_the_same_keys_everywhere():
    for name, table in ALL.items():
        assert set(table) == {"zh", "en"}, name
        assert set(table["zh"]) == set(table["en"]), (
            name, sorted(set(table["zh"]) ^ set(table["en"])))


def test_a_sentence_names_the_same_fields_in_both_languages():
    for name, table in ALL.items():
        for key, zh in table["zh"].items():
            fields = {re.sub(r"[:!].*", "", f) for f in re.findall(r"\{([^{}]+)\}", zh)}
            en = {re.sub(r"[:!].*", "", f) for f in re.findall(r"\{([^{}]+)\}", table["en"][key])}
            assert fields == en, (name, key)


def test_every_rendered_notebook_has_a_title_in_both_languages():
    assert set(NOTEBOOK_TITLES) == set(OTHER_NOTEBOOKS)
    for name, titles in NOTEBOOK_TITLES.items():
        assert set(titles) == set(config.LANGUAGES) and all(titles.values()), name


def test_no_page_module_writes_chinese_words_of_its_own():
    """Chinese in the package's page, chart and rendering code would be a word outside texts.py
    (comments and docstrings aside)."""
    import ast

    han = re.compile(r"[\u4e00-\u9fff]")
    folders = [config.PACKAGE_DIR / "pages", config.PACKAGE_DIR / "rendering"]
    files = [path for folder in folders for path in folder.glob("*.py")]
    files.append(config.PACKAGE_DIR / "charts.py")
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings:
                assert not han.search(node.value), (path.name, node.value)


def test_english_pages_gloss_the_plans_words():
    """WORDING.md: no Chinese-only cells on an English page; the plan's own words keep their
    Chinese with an English gloss."""
    import re

    from analysis.pages.overview import overview
    from analysis.pages.review import review

    cjk = re.compile(r"[\u3400-\u9fff]")
    page = overview("en")
    quotes = page.quotes(page.catalogue)
    assert all(not cjk.search(q) or re.search(r"[A-Za-z]{3}", q) for q in quotes)
    body = page.catalogue.set_index("target_id")
    assert body.loc["body_provincial_key_labs", "quote_en"] == (
        "By 2025, strive to build 3 key laboratories at provincial level or above")
    assert "“到2025年，力争建设省级以上重点实验室3家” (By 2025, strive to build 3 key laboratories" in " ".join(quotes)
    values = [page.value_cell(row) for row in page.catalogue.to_dict("records")]
    assert "at least 70 (%)" in values and "CNY 5.0 bn" in values
    assert not any(cjk.search(v) and not re.search(r"[A-Za-z]{3}", v) for v in values)
    notes = review("en").contradictions()[2].data
    assert "“R&amp;D经费支出占营业收入比重仅为1.34%” (R&amp;D expenditure was only 1.34% of operating revenue)" in notes
    assert "(Box 2 (专栏2))" in notes and "“1.34 (2019)” (Box 2" in notes  # no gloss that repeats
    assert "(the paragraph opening “企业技术创新迈上新台阶”)" in notes
    zh = overview("zh")
    assert zh.quotes(zh.catalogue) == list(zh.catalogue["quote"])  # Chinese pages quote as is


def test_every_page_ends_with_who_compiled_it_and_from_what(tmp_path):
    """The colophon: 编制单位 and the plan text's version on every page; 数据截至 and the data's
    version (the same on every page) on those that read observed values, and only there (a
    page that reads none must not change when one is added)."""
    import shutil

    from analysis.pages.annual import annual_report
    from analysis.pages.explorer import explorer
    from analysis.pages.methods import methods
    from analysis.pages.overview import overview
    from analysis.pages.review import review
    from analysis.pages.scenarios import scenarios
    from analysis.pages.trajectories import trajectories
    from analysis.plan import load_plan
    from conftest import FOUND

    shutil.copytree(config.PLAN_DIR, tmp_path / "plan")
    (tmp_path / "observations").mkdir()  # plan.toml: observations = "../observations"
    shutil.copy(FOUND, tmp_path / "observations")
    plan = load_plan(tmp_path / "plan" / "plan.toml")
    for lang, compiler, label, cutoff in (
            ("zh", "编制单位：慈溪市科学技术局", "数据截至", "数据截至：2024年"),
            ("en", "Compiled by: Cixi Science and Technology Bureau", "Data up to", "Data up to: 2024 ")):
        with_data = [overview(lang, plan).colophon(), scenarios(lang, draws=200, plan=plan).colophon(),
                     annual_report(2025, lang, None, plan).colophon(),
                     explorer(lang, interactive=False, plan=plan)[-1]]
        without = [trajectories(lang, plan).colophon(), review(lang, plan).colophon(),
                   methods(lang, plan).colophon()]
        for line in [part.data for part in with_data + without]:
            assert compiler in line and "840bc0d7" in line, line
            assert not re.search(r"\d{1,2}:\d{2}", line), line  # no clock time
        versions = {re.search(r"(?:数据|data) ([0-9a-f]{8})</small>", part.data).group(1)
                    for part in with_data}
        assert len(versions) == 1
        assert all(cutoff in part.data for part in with_data)
        assert not any(label in part.data for part in without)


def test_every_report_in_the_folder_has_its_colophon():
    from analysis.plan import load_plan
    from analysis.rendering import all_jobs

    for job in all_jobs(load_plan()):
        mark = "<small>Compiled by: " if job.lang == "en" else "<small>编制单位："
        page = (config.REPORTS_DIR / job.relative_path).read_text(encoding="utf-8")
        assert page.count(mark) == 1, job.relative_path
    index = (config.REPORTS_DIR / "index.html").read_text(encoding="utf-8")
    assert "<small>编制单位：慈溪市科学技术局　｜　版本：规划文本 840bc0d7<br>Compiled by: " in index


def test_chinese_pages_follow_the_typography_of_a_plan_evaluation():
    """WORDING.md: ranges as 1～2个, a true minus sign, full-width brackets in Chinese cells,
    定量目标/定性目标 rather than 水平值/下限."""
    from analysis.pages.formatting import format_number_text, format_rate, format_share
    from analysis.pages.overview import overview

    table = overview("zh").catalogue_table().data
    kinds = set(re.findall(r'<td data-label="类型">([^<]*)</td>', table))
    assert kinds and not kinds & {"水平值", "下限", "相对值", "定性"}
    values = re.findall(r'<td data-label="数值">([^<]*)</td>', table)
    assert "1～2个" in values and not [v for v in values if re.search(r"\d-\d|\(", v)]
    assert "3.7（%）" in values
    assert (format_share(-0.09), format_rate(-0.2354), format_number_text(-1.5)) == \
        ("−9%", "−23.54%", "−1.5")
    assert (format_share(-0.001), format_number_text(-0.001), format_rate(-0.00001)) == ("0%", "0", "0.00%")
