"""The plan view: the graph page and Python talking both ways, the level selector, the
step panel and the roles and targets tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from console.plans import Level
from console.plans.durations import format_duration
from console.views.graph_payload import BOARD_COLOURS
from console.views.i18n import Translations
from console.views.plan_document import PlanDocument, open_plan_document
from console.views.plan_view import PlanView

from .conftest import FOREST_FIRE
from .webtools import run_js


@pytest.fixture(scope="module")
def document() -> PlanDocument:
    return open_plan_document(FOREST_FIRE)


@pytest.fixture(scope="module")
def view(qapp: QApplication) -> Iterator[PlanView]:
    """One plan view for the module: its page loads once."""
    view = PlanView()
    view.resize(1400, 900)
    view.show()
    yield view
    view.close()
    view.deleteLater()


def _drawn(view: PlanView, qtbot: QtBot, action: Any, level: Level) -> dict[str, Any]:
    """Do ``action`` and wait until the page has drawn ``level``."""
    with qtbot.waitSignal(view.graph.drawn, timeout=30_000,
                          check_params_cb=lambda r: r["level"] == level.value) as drawn:
        action()
    report: dict[str, Any] = drawn.args[0]
    return report


@pytest.fixture
def shown(view: PlanView, document: PlanDocument, qtbot: QtBot) -> PlanView:
    """The view showing forest-fire at level Ⅳ, coloured by stage, this level only."""
    view.set_colour_by("stage")
    view.set_all_levels(False)
    _drawn(view, qtbot, lambda: view.show_document(document, Level.IV), Level.IV)
    return view


def _label(view: PlanView, name: str) -> str:
    found = view.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_graph_shows_the_level(shown: PlanView, document: PlanDocument, qtbot: QtBot) -> None:
    """The page draws the level's steps in four lanes with the critical path's duration."""
    facts = document.levels[Level.IV]
    dom = run_js(shown.graph, qtbot, """({
        steps: document.querySelectorAll('g.step').length,
        critical: [...document.querySelectorAll('g.step.critical')].map(g => g.dataset.step),
        lanes: [...document.querySelectorAll('.lane-label')].map(t => t.textContent),
        summary: document.querySelector('#legend .summary').textContent,
        dashed: document.querySelectorAll('path.edge.any').length,
        branches: [...document.querySelectorAll('.edge-label')].map(t => t.textContent),
    })""")
    assert dom["steps"] == len(facts.applies) == 22
    assert sorted(dom["critical"]) == sorted(facts.critical_path)
    assert dom["lanes"] == ["区(市)", "镇", "村(社区)", "网格"]
    assert dom["summary"] == f"预期关键路径：{format_duration(facts.total)}"
    assert sorted(dom["branches"]) == sorted(
        ["农事用火 60%", "林地起火 30%", "林地起火 30%", "误报 10%"])


def test_step_click_shows_its_details(shown: PlanView, document: PlanDocument,
                                      qtbot: QtBot) -> None:
    """A click in the page reaches Python, the side panel shows the step, and Python
    highlights it in the page."""
    assert shown.step_panel.step is None
    run_js(shown.graph, qtbot, """document.querySelector('g.step[data-step="squad_callout"] rect')
        .dispatchEvent(new MouseEvent('click', {bubbles: true}))""")
    qtbot.waitUntil(lambda: shown.step_panel.step == "squad_callout", timeout=10_000)
    line = document.plan.line_of("steps", "squad_callout")
    assert _label(shown, "step-title") == "网格长呼叫森防应急小分队"
    assert _label(shown, "step-role") == "网格长（事发网格优先） (grid_leader)"
    assert _label(shown, "step-headcount") == "Ⅳ级 1 人"
    assert _label(shown, "step-duration") == "最短 20s，最可能 40s，最长 1m30s"
    assert _label(shown, "step-after") == "电话通知事发网格长"
    assert _label(shown, "step-targets").startswith("3分钟调度 ≤ 3m: 最早")
    assert _label(shown, "step-stage") == "转办" and _label(shown, "step-lane") == "网格"
    assert _label(shown, "step-source") == f"forest-fire.yaml:{line}" and line > 0
    qtbot.waitUntil(lambda: run_js(shown.graph, qtbot, """[...document.querySelectorAll(
        'g.step.selected')].map(g => g.dataset.step).join()""") == "squad_callout")


def test_level_selector(shown: PlanView, document: PlanDocument, qtbot: QtBot) -> None:
    """Choosing Ⅲ redraws the graph with Ⅲ's steps and updates tables and panel."""
    shown.show_step("squad_move")
    assert _label(shown, "step-headcount") == "Ⅳ级 6 人"
    button = shown.findChild(QToolButton, "level-III")
    report = _drawn(shown, qtbot, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton),
                    Level.III)
    assert shown.level is Level.III
    assert report["steps"] == len(document.levels[Level.III].applies) == 32
    assert run_js(shown.graph, qtbot, "document.querySelectorAll('g.step').length") == 32
    assert _label(shown, "step-headcount") == "Ⅲ级 12 人"
    bold = shown.roles_model.data(shown.roles_model.index(0, 3), Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    assert "较大" in _label(shown, "level-trigger")


def test_other_levels_greyed(shown: PlanView, qtbot: QtBot) -> None:
    """With the other levels shown, steps not at this level are drawn greyed."""
    report = _drawn(shown, qtbot, lambda: shown.set_all_levels(True), Level.IV)
    assert (report["steps"], report["active"]) == (40, 22)
    assert run_js(shown.graph, qtbot, "document.querySelectorAll('g.step.inactive').length") == 18


def test_colour_by_board(shown: PlanView, qtbot: QtBot) -> None:
    """Colouring by board fills each box with its people's board colour."""
    _drawn(shown, qtbot, lambda: shown.set_colour_by("board"), Level.IV)
    fill = run_js(shown.graph, qtbot,
                  "document.querySelector('g.step[data-step=\"alert\"] rect').getAttribute('fill')")
    assert fill == BOARD_COLOURS["command_centre"][0]
    heading = run_js(shown.graph, qtbot, "document.querySelector('#legend .heading').textContent")
    assert heading == "人员所属板块"


def test_roles_table(shown: PlanView) -> None:
    """Who comes from where, how many per level, backups and acknowledgement deadline."""
    model = shown.roles_model
    rows = {model.data(model.index(r, 0)): [model.data(model.index(r, c))
                                            for c in range(model.columnCount(QModelIndex()))]
            for r in range(model.rowCount(QModelIndex()))}
    squad = rows["村（社区）森防应急小分队 (fire_squad)"]
    assert squad[1] == ("事发村(社区) · 标签：forest_fire_squad 或 "
                        "任一村(社区) · 标签：forest_fire_squad")
    assert squad[2:6] == ["6", "12", "20", "30"]
    assert squad[6:] == ["镇森林消防半专业扑火队", "2m", "电话, 微信群, 对讲机"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers[:2] == ["岗位", "人员来源"] and headers[2:6] == ["Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"]


def test_targets_table(shown: PlanView, document: PlanDocument) -> None:
    """Each target with the earliest time it can be met at the level and the verdict."""
    model = shown.targets_model
    rows = [[model.data(model.index(r, c)) for c in range(6)]
            for r in range(model.rowCount(QModelIndex()))]
    first = {row[0]: row for row in rows}
    respond = first["1分钟响应 (respond)"]
    check = next(c for c in document.levels[Level.IV].checks if c.target == "respond")
    assert respond[1:] == ["1m", "自预警发出起至该步骤完成", "接收烟火预警并推送农业服务中心",
                           format_duration(check.earliest or 0), "可达成"]
    assert first["1小时内书面报告 (written_report)"][5] == "本级无对应步骤"
    assert len(rows) == len(document.plan.targets)


def test_english_shows_english_plan_texts(shown: PlanView, qtbot: QtBot,
                                          translations: Translations) -> None:
    """In English the page shows lane names in English and the plan's title_en texts."""
    with qtbot.waitSignal(shown.graph.drawn, timeout=30_000):
        translations.apply("en")
    texts = run_js(shown.graph, qtbot, """({
        lanes: [...document.querySelectorAll('.lane-label')].map(t => t.textContent).join(' '),
        alert: [...document.querySelectorAll('g.step[data-step="alert"] .title')]
            .map(t => t.textContent).join(' ')})""")
    assert texts == {"lanes": "District (city) Town Village (community) Grid",
                     "alert": "Receive the smoke alert"}
    assert _label(shown, "plan-title") == "Heixi Town Forest Fire Contingency Plan"


def test_one_bridge_object(shown: PlanView) -> None:
    """The page's web channel carries exactly one object, the bridge."""
    channel = shown.graph.page().webChannel()
    assert isinstance(channel, QWebChannel)
    assert list(channel.registeredObjects()) == ["bridge"]


def test_header_wraps_in_a_narrow_view(shown: PlanView, qtbot: QtBot) -> None:
    """Wide, the header is one row; in a pane as narrow as the editor's preview the level,
    colouring and other-levels controls go to a second row, the title is elided and the
    whole view still fits."""
    controls = shown.findChild(QWidget, "plan-controls")
    title = shown.findChild(QLabel, "plan-title")
    assert controls is not None and title is not None
    assert controls.geometry().top() < title.geometry().bottom()  # beside the title
    try:
        shown.resize(620, 900)
        qtbot.waitUntil(lambda: controls.geometry().top() >= title.geometry().bottom())
        assert shown.minimumSizeHint().width() <= 620
        assert controls.geometry().right() <= shown.width()
        assert title.toolTip() == title.text()
    finally:
        shown.resize(1400, 900)
    qtbot.waitUntil(lambda: controls.geometry().top() < title.geometry().bottom())
