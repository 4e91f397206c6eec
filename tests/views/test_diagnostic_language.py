"""Plan diagnostics in the desktop follow the UI language, and switch with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.plans import load_plan_text
from console.views.diagnostic_text import diagnostic_line, diagnostic_text
from console.views.i18n import Translations
from console.views.plan_catalogue import PlanSummary, summarise
from console.views.plan_library import PlanLibrary
from console.views.settings import Settings

TYPO = """\
format: 1
id: typo
title: 错字预案
hazard: other
version: "1"
status: draft
owner: 镇应急办
levels:
  IV:  {name: 一般, color: blue, trigger: 小}
  III: {name: 较大, color: yellow, trigger: 中}
  II:  {name: 重大, color: orange, trigger: 大}
  I:   {name: 特别重大, color: red, trigger: 特大}
roles:
  officer: {title: 值班员, from: {unit: command_centre}, command: true}
steps:
  receive: {title: 接警, lane: town, role: officer, stage: feedback, duration: 1m}
  report: {title: 上报, lane: town, role: oficer, stage: feedback, duration: 1m, after: receive}
"""

ZH = "步骤 'report' 由未知角色 'oficer' 执行（是否应为 'officer'？）"
EN = "step 'report' is done by unknown role 'oficer' — did you mean 'officer'?"


def test_diagnostic_text_in_either_language() -> None:
    (diagnostic,) = load_plan_text(TYPO, "typo.yaml").diagnostics
    assert diagnostic_text(diagnostic, "zh_CN") == ZH
    assert diagnostic_text(diagnostic, "en") == EN
    assert diagnostic_text(diagnostic) == ZH  # the tests' UI language is Chinese
    assert diagnostic_line(diagnostic, "zh_CN") == f"typo.yaml:17:41: error P202: {ZH}"
    assert diagnostic_line(diagnostic, "en", strict=True) == f"typo.yaml:17:41: error P202: {EN}"


def test_summaries_keep_both_languages_through_the_cache() -> None:
    summary = summarise(load_plan_text(TYPO, "typo.yaml"), "user")
    (problem,) = summary.problems
    assert (problem.message_in("zh_CN"), problem.message_in("en")) == (ZH, EN)
    assert problem.text_in("zh_CN").endswith(ZH) and problem.text_in("en").endswith(EN)
    again = PlanSummary.from_dict(summary.as_dict())
    assert again == summary


def test_library_problems_switch_language(qtbot: QtBot, tmp_path: Path,
                                          translations: Translations) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "typo.yaml").write_text(TYPO, encoding="utf-8")
    library = PlanLibrary(Settings(plan_folders=[str(folder)]))
    qtbot.addWidget(library)
    library.show()
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        library.reload()
    path = str(folder / "typo.yaml")
    assert library.select_path(path)
    row = library.model.row_of(path)
    assert row is not None
    problems_cell = library.model.index(row, len(library.model.COLUMNS) - 1)

    def shown() -> tuple[str, str, str]:
        item = library.problems.item(0)
        tooltip = library.model.data(problems_cell, Qt.ItemDataRole.ToolTipRole)
        return item.text(), item.toolTip(), tooltip

    text, tip, table_tip = shown()
    assert text.endswith(f"P202 · {ZH}") and tip.endswith(ZH) and table_tip.endswith(ZH)
    translations.apply("en")  # Qt posts a LanguageChange event to every widget
    qtbot.waitUntil(lambda: shown()[0].endswith(EN), timeout=5_000)
    text, tip, table_tip = shown()
    assert text.endswith(f"P202 · {EN}") and tip.endswith(EN) and table_tip.endswith(EN)
    translations.apply("zh_CN")
    qtbot.waitUntil(lambda: shown()[0].endswith(ZH), timeout=5_000)
