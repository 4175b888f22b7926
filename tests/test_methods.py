"""The methods page (方法与口径说明): definitions, scopes, formulas, thresholds with their
origin, the final grades, the kinds of target, series breaks, scenario parameters."""

import html
import re

from IPython.display import HTML, Markdown

from analysis.pages.methods import methods
from analysis.plan import load_indicators, series_notes
from analysis.progress import EXCEEDED_MARGIN, MODERATE, NEARLY_MET, ON_TRACK
from analysis.scenarios import SCENARIO_DEFAULTS
from analysis.targets import headline_targets


def shown(page) -> str:
    parts = [*page.definitions(), *page.formulas(), *page.statuses(), *page.grades(),
             *page.kinds(), *page.scopes(), *page.series_breaks(), *page.scenarios()]
    return html.unescape(re.sub(r"<[^>]+>", "", "".join(
        p.data for p in parts if isinstance(p, (HTML, Markdown)))))


def test_every_headline_indicator_is_defined_with_its_scope_and_supplier():
    text = shown(methods("zh"))
    indicators = load_indicators().set_index("indicator_id")
    for indicator in headline_targets()["indicator_id"]:
        row = indicators.loc[indicator]
        assert row["name_zh"] in text and row["definition_zh"] in text, indicator
    assert "市级（规划原文：“市级累计培育高新技术企业380家”）" in text
    assert "规划未注明" in text and "市场监管局（知识产权）" in text
    # where and when the values come out, as a document shows it, else 待确认
    assert "慈溪市科学技术局年度工作总结，次年2月前后（2024年数据见2025年2月20日的工作总结）" in text
    assert "待确认" in text
    # the English page glosses the plan's words on the scope
    english = shown(methods("en"))
    assert ("(the plan: “市级累计培育高新技术企业380家” (Cixi proper (市级) has fostered 380 "
            "high-tech enterprises in total))") in english


def test_the_thresholds_shown_are_the_ones_the_verdicts_use():
    text = shown(methods("zh"))
    assert f"增速比不低于{ON_TRACK:.2f}" in text and f"{MODERATE:.2f}～{ON_TRACK:.2f}" in text
    assert "欧盟统计局（Eurostat）" in text
    assert f"目标增量（目标值 − 基期值）的{EXCEEDED_MARGIN:.0%}" in text
    assert f"完成进度不低于{NEARLY_MET:.0%}" in text
    assert f"模拟{SCENARIO_DEFAULTS['draws']}次" in text and str(SCENARIO_DEFAULTS["seed"]) in text


def test_series_breaks_are_noted_with_their_sources():
    notes = series_notes()
    assert set(notes["indicator_id"]) == {"rd_gdp_ratio", "high_tech_value_added_share"}
    text = shown(methods("zh"))
    assert "2008.3亿元" in text and "2135亿元" in text and "2021年慈溪市政府工作报告" in text
    assert "由2015年的37.56%升至2020年的68.5%" in text


def test_the_english_page_glosses_its_chinese_terms_and_has_no_chinese_only_sentence():
    text = shown(methods("en"))
    assert "time elapsed** (序时进度)" in re.sub(r"\*\*", "**", text) or "time elapsed (序时进度)" in text
    # Chinese appears only in brackets (glosses) or in the plan's quoted words.
    bare = re.sub(r"[（(][^）)]*[）)]|“[^”]*”", "", text)
    assert not re.search(r"[\u4e00-\u9fff]{2,}", bare), re.findall(r".{20}[\u4e00-\u9fff]{2,}.{5}", bare)[:3]
