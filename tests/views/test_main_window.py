"""The main window: sections, menus and shortcuts, status bar, opening plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from console.views.i18n import Translations
from console.views.main_window import SECTIONS, MainWindow
from console.views.settings import Settings
from console.views.signals import emit

from .conftest import FOREST_FIRE


@pytest.fixture
def window(qtbot: QtBot, translations: Translations) -> MainWindow:
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.library.loaded, timeout=20_000):
        window.library.reload()
    return window


def test_sections(window: MainWindow) -> None:
    """Plans, roster and reports are open; drills is shown disabled, with a note."""
    nav = window.findChild(type(window._nav), "sections")
    assert [nav.item(r).text() for r in range(nav.count())] == ["预案", "演练", "人员", "报告"]
    assert window.current_section() == "plans"
    for row, section in enumerate(SECTIONS):
        item = nav.item(row)
        available = section.key in ("plans", "roster", "reports")
        assert bool(item.flags() & Qt.ItemFlag.ItemIsEnabled) is available
        assert window.section_available(section.key) is available
        assert item.toolTip() == ("" if available else "在后续版本中提供")
    window.show_section("drills")
    assert window.current_section() == "plans"


def test_menus_and_shortcuts(window: MainWindow) -> None:
    """File, View and Help menus with the documented shortcuts; missing sections are off."""
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert window.open_file_action.shortcut() == QKeySequence("Ctrl+O")
    assert window.reload_action.shortcuts() == [QKeySequence("Ctrl+R"), QKeySequence("F5")]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    actions = window._section_actions
    assert [actions[s.key].shortcut().toString() for s in SECTIONS] == \
        ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]
    assert [actions[s.key].isEnabled() for s in SECTIONS] == [True, False, True, True]
    assert actions["drills"].statusTip() == "在后续版本中提供"


def test_status_bar_counts_plans(window: MainWindow) -> None:
    """The status bar says how many plans are loaded and how many have problems."""
    assert window._counts.text() == "预案 5 个 · 有错误 0 个 · 有警告 0 个"


def test_reload_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    """F5 reloads the library off the GUI thread."""
    with qtbot.waitSignal(window.library.loaded, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_open_a_plan_and_go_back(window: MainWindow, qtbot: QtBot) -> None:
    """Opening a plan shows the plan view and remembers it; the back button returns."""
    with qtbot.waitSignal(window.planShown, timeout=30_000) as shown:
        window.open_plan(str(FOREST_FIRE))
    assert shown.args == [str(FOREST_FIRE)]
    assert window.settings.last_plan == str(FOREST_FIRE)
    assert window._plans_stack.currentWidget() is window.plan_view
    assert window.plan_view.document.plan.id == "forest-fire"
    emit(window.plan_view.backRequested)
    assert window._plans_stack.currentWidget() is window.library


def test_a_plan_with_errors_is_explained(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a broken file warns with its diagnostics instead of showing a graph."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    window.open_plan(str(broken))
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "broken.yaml" in warnings[0] and "P006" in warnings[0]
    assert window.plan_view is None or window._plans_stack.currentWidget() is window.library


def test_the_latest_open_wins(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """When plans are opened in quick succession, only the last one is shown."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\n", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    with qtbot.waitSignal(window.planShown, timeout=30_000):
        window.open_plan(str(broken))
        window.open_plan(str(FOREST_FIRE))
    assert warnings == []


def test_status_bar_while_loading(window: MainWindow, qtbot: QtBot) -> None:
    """While the plans are checked again the status bar says so."""
    with qtbot.waitSignal(window.library.loaded, timeout=20_000):
        window.reload_action.trigger()
        assert window._counts.text() == "正在加载预案…"
    assert window._counts.text().startswith("预案 5 个")


def test_user_name_is_saved_at_once_and_used_by_the_editor(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """View ▸ Your name…: the name is written to the settings file straight away, and the
    editor records revisions and approvals under it; empty goes back to the login name."""
    from console.views import main_window as module
    from console.views.plan_editor import author_name

    monkeypatch.setattr(module.QInputDialog, "getText",
                        lambda *_args, **_kw: ("  王主任 ", True))
    window.user_name_action.trigger()
    assert Settings.load().user_name == "王主任"
    assert author_name() == "王主任"
    window.set_user_name("")
    assert Settings.load().user_name == ""
    assert author_name() not in ("", "王主任")
