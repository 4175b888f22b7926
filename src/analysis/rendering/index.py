"""reports/index.html: a card per report present, made from the manifest alone.

Each card's status counts and latest data year are the summary stored when its report was
rendered, so the index can never contradict the report it links to.
"""

from __future__ import annotations

from pathlib import Path

from analysis import config
from analysis.files import write_atomic
from analysis.labels import STATUS_COLOURS, STATUS_INK
from analysis.plan import Plan
from analysis.rendering.report_set import all_jobs, read_manifest
from analysis.texts import INDEX, STATUS_LABELS, WORDS



def index_cards(plan: Plan, out_dir: Path) -> dict[str, list[dict]]:
    """Per language, a card per report present: title, year, latest data year, status counts."""
    manifest = read_manifest(out_dir)
    cards: dict[str, list[dict]] = {}
    for lang in config.LANGUAGES:
        words = INDEX[lang]
        for job in all_jobs(plan, [lang]):
            if not (Path(out_dir) / job.relative_path).is_file():
                continue
            card = {"href": job.relative_path, "title": job.title, "year": job.year,
                    "data_year": words["none"], "badges": []}
            summary = manifest.get(job.relative_path, {}).get("summary") or {}
            if summary.get("latest_data_year") is not None:
                card["data_year"] = summary["latest_data_year"]
            counts = summary.get("statuses", {})
            card["badges"] = [{"label": STATUS_LABELS[s][lang], "count": counts[s],
                               "colour": STATUS_COLOURS[s], "ink": STATUS_INK[s]}
                              for s in STATUS_LABELS if s in counts]
            cards.setdefault(lang, []).append(card)
        annual = [card for card in cards.get(lang, []) if card["year"] is not None]
        if annual:  # the latest report: the last year present
            max(annual, key=lambda card: card["year"])["latest"] = True
    return cards


def write_index(plan: Plan, out_dir: Path) -> Path:
    from jinja2 import Environment, FileSystemLoader

    environment = Environment(loader=FileSystemLoader(config.TEMPLATES_DIR / "index"),
                              autoescape=True, keep_trailing_newline=True, trim_blocks=True,
                              lstrip_blocks=True)
    sections = [{"heading": INDEX[lang]["heading"], "words": INDEX[lang], "cards": cards}
                for lang, cards in index_cards(plan, out_dir).items()]
    # Who compiled the reports and from which plan text, as each report's colophon says.
    colophons = [WORDS[lang]["colophon_plan"].format(
                     compiler=(plan.compiled_by_zh if lang == "zh" else plan.compiled_by_en) or "—",
                     plan_version=plan.text_sha256[:8]) for lang in config.LANGUAGES]
    page = environment.get_template("index.html.j2").render(
        title_zh=plan.title_zh, title_en=plan.title_en, sections=sections, colophons=colophons)
    return write_atomic(Path(out_dir) / "index.html", page)
