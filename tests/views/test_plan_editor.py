"""The plan editor: problems as you type, jumping to them, the graph preview, saving
with a backup, changes on disk, unsaved changes, key completion, a responsive window."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from benchmarks.generate import generated_plan_text
from console.views.code_editor import CodeEditor
from console.views.editor_validation import Validation, validate_text
from console.views.i18n import Translations
from console.views.main_window import MainWindow
from console.views.menu_button import MenuToolButton
from console.views.plan_editor import PlanEditor
from console.views.schema_completer import keys_at
from console.views.settings import Settings

from .conftest import FOREST_FIRE

_Button = QMessageBox.StandardButton


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(FOREST_FIRE, tmp_path / "forest-fire.yaml"))


def _checked(editor: PlanEditor, qtbot: QtBot, action: Callable[[], object] | None = None,
             timeout: int = 20_000) -> Validation:
    """Do ``action`` and wait for the check of the text it leaves."""
    if action is not None:
        action()
    if editor.last_validation is None:
        with qtbot.waitSignal(editor.validated, timeout=timeout,
                              check_params_cb=lambda v: v.revision == editor.revision):
            pass
    result = editor.last_validation
    assert result is not None
    return result


@pytest.fixture
def editor(qtbot: QtBot, plan_file: Path) -> PlanEditor:
    editor = PlanEditor(plan_file)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    with qtbot.waitSignal(editor.previewUpdated, timeout=20_000):
        pass
    return editor


def _type_after(editor: PlanEditor, qtbot: QtBot, anchor: str, typed: str) -> int:
    """Put the cursor just after the first ``anchor`` and type; returns its line."""
    text = editor.text
    position = text.index(anchor) + len(anchor)
    cursor = editor.editor.textCursor()
    cursor.setPosition(position)
    editor.editor.setTextCursor(cursor)
    _type(qtbot, editor.editor, typed)
    return text.count("\n", 0, position) + 1


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` (ASCII) key by key, new lines as Return."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def _answer(monkeypatch: pytest.MonkeyPatch, *answers: _Button) -> list[str]:
    """Message boxes answer ``answers`` in turn; returns the questions asked."""
    asked: list[str] = []
    queue = list(answers)

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(queue.pop(0).value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_error_shown_clicked_and_fixed(editor: PlanEditor, qtbot: QtBot) -> None:
    """A typed error is listed at its line, marked in the gutter, clicking it moves the
    cursor there; undoing it clears the list and the graph shows the fixed plan."""
    original = editor.preview.document
    line = _type_after(editor, qtbot, "    lane: town", "ship")
    result = _checked(editor, qtbot)
    assert not result.ok
    assert editor.preview.document is original  # the last valid graph stays
    assert editor.preview_note.isVisibleTo(editor)
    item = editor.problems.topLevelItem(0)
    assert item.text(0) == "错误"
    assert item.text(1).startswith(f"{line}:")
    assert editor.editor.problem_lines().get(line) is True

    editor.editor.moveCursor(QTextCursor.MoveOperation.Start)
    rect = editor.problems.visualItemRect(item)
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert editor.editor.textCursor().blockNumber() + 1 == line

    with qtbot.waitSignal(editor.previewUpdated, timeout=20_000):
        for _ in "ship":
            editor.undo_action.trigger()
    assert editor.problems.topLevelItemCount() == 0
    assert editor.editor.problem_lines() == {}
    assert not editor.preview_note.isVisibleTo(editor)
    assert editor.preview.document is not original
    assert editor.preview.document is editor.last_validation.document  # type: ignore[union-attr]


def test_preview_follows_a_valid_change(editor: PlanEditor, qtbot: QtBot) -> None:
    """A valid change (a new title) reaches the graph preview."""
    with qtbot.waitSignal(editor.previewUpdated, timeout=20_000):
        _type_after(editor, qtbot, "\ntitle: ", "Drill ")
    assert editor.preview.document.plan.title.startswith("Drill ")  # type: ignore[union-attr]


def test_stale_results_are_dropped(editor: PlanEditor, qtbot: QtBot) -> None:
    """A check of an older revision never reaches the problems list."""
    old = validate_text("format: [", editor.revision, str(editor.path))
    qtbot.keyClicks(editor.editor, "x")
    with qtbot.assertNotEmitted(editor.validated):
        editor._validated(old)
    assert editor.last_validation is None


def test_save_is_atomic_with_backup(editor: PlanEditor, qtbot: QtBot,
                                    plan_file: Path) -> None:
    """Ctrl+S writes the text and keeps the previous version as ``file~``."""
    before = plan_file.read_text(encoding="utf-8")
    editor.editor.moveCursor(QTextCursor.MoveOperation.Start)
    _type(qtbot, editor.editor, "# edited\n")
    assert editor.modified
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert plan_file.read_text(encoding="utf-8") == "# edited\n" + before
    assert Path(f"{plan_file}~").read_text(encoding="utf-8") == before
    assert not editor.modified
    assert [p.name for p in plan_file.parent.iterdir() if p.suffix == ".tmp"] == []


def test_change_on_disk_is_detected(editor: PlanEditor, qtbot: QtBot, plan_file: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving over a file changed elsewhere asks: cancel keeps it, reload shows it,
    overwrite replaces it."""
    outside = "# changed elsewhere\n" + plan_file.read_text(encoding="utf-8")
    _type(qtbot, editor.editor, "# mine\n")  # unsaved changes: the watcher does not reload
    plan_file.write_text(outside, encoding="utf-8")
    assert editor.changed_on_disk()
    asked = _answer(monkeypatch, _Button.Cancel, _Button.Reset)
    assert not editor.save()
    assert plan_file.read_text(encoding="utf-8") == outside
    assert not editor.save()
    assert editor.text == outside and not editor.modified
    assert len(asked) == 2 and "forest-fire.yaml" in asked[0]

    plan_file.write_text("format: 1\n", encoding="utf-8")
    _type(qtbot, editor.editor, "# mine\n")
    _answer(monkeypatch, _Button.Save)
    assert editor.save()
    assert plan_file.read_text(encoding="utf-8") == editor.text
    assert not editor.changed_on_disk()


def test_unsaved_changes_prompt(editor: PlanEditor, qtbot: QtBot, plan_file: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Leaving with unsaved changes asks: cancel stays, discard goes, save saves."""
    assert editor.maybe_close()  # nothing to ask about
    _type(qtbot, editor.editor, "# draft\n")
    asked = _answer(monkeypatch, _Button.Cancel, _Button.Discard, _Button.Save)
    assert not editor.maybe_close()
    assert editor.maybe_close()
    assert editor.maybe_close()
    assert len(asked) == 3
    assert plan_file.read_text(encoding="utf-8").startswith("# draft\n")


def test_window_keeps_an_unsaved_editor(qtbot: QtBot, translations: Translations,
                                        plan_file: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window opens the editor, and does not close over unsaved changes unless told."""
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    window.show()
    assert window.open_editor(str(plan_file))
    editor = window.plan_editor
    assert editor is not None
    _checked(editor, qtbot)
    _type(qtbot, editor.editor, "# draft\n")
    _answer(monkeypatch, _Button.Cancel, _Button.Discard)
    assert not window.close()
    assert window.isVisible()
    assert window.close()
    assert plan_file.read_text(encoding="utf-8") == FOREST_FIRE.read_text(encoding="utf-8")


def test_library_edit_action(qtbot: QtBot, translations: Translations) -> None:
    """Edit (Ctrl+E) in the library asks to edit the selected plan."""
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library.loaded, timeout=20_000):
        window.library.reload()
    library = window.library
    assert library.edit_action.shortcut().toString() == "Ctrl+E"
    assert library.edit_action.text() == "编辑"
    assert library.select_path(str(FOREST_FIRE))
    with qtbot.waitSignal(library.editRequested) as requested:
        library.edit_action.trigger()
    assert requested.args == [library.selected().path]  # type: ignore[union-attr]


def test_completion_offers_schema_keys(editor: PlanEditor, qtbot: QtBot) -> None:
    """Typing a key offers the schema's field names for that place; Enter inserts one."""
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    _type(qtbot, editor.editor, "\nhaz")
    popup = editor.editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert editor.editor.completer.currentCompletion() == "hazard"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text.endswith("\nhazard: ")


def test_keys_by_place() -> None:
    """Top level, step and role fields each come from their part of the schema."""
    assert {"steps", "roles", "levels", "title"} <= set(keys_at("format: 1\n"))
    step = keys_at("steps:\n  alarm:\n    title: x\n    ")
    assert {"duration", "after", "role", "lane"} <= set(step)
    assert "steps" not in step
    assert {"name", "trigger"} <= set(keys_at("levels:\n  IV:\n    "))


def test_window_stays_responsive_on_a_big_plan(qtbot: QtBot, tmp_path: Path) -> None:
    """Checking a 2,000-step plan happens off the GUI thread: timers keep ticking."""
    path = tmp_path / "big.yaml"
    path.write_text(generated_plan_text(2000), encoding="utf-8")
    editor = PlanEditor(path)
    qtbot.addWidget(editor)
    editor.show()
    _checked(editor, qtbot, timeout=60_000)
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    _type(qtbot, editor.editor, "# typing\n")
    editor.validate_now()  # no typing pause: the check starts now
    with qtbot.waitSignal(editor.validated, timeout=60_000,
                          check_params_cb=lambda v: v.revision == editor.revision):
        pass
    timer.stop()
    # The GUI thread ran its timer while the check ran; how often depends on the GIL's
    # switching and the machine's load, so only the fact is asserted, not a rate.
    assert ticks


def test_none_survives_many_setter_calls(qtbot: QtBot) -> None:
    """PySide6 6.12.0 setters lose a reference to None each; the editor keeps None alive
    (console/views/refcounts.py), so painting and setting text never abort Python."""
    editor = CodeEditor()
    qtbot.addWidget(editor)
    label = QLabel()
    for _ in range(20_000):
        label.setText("x")
    assert label.text() == "x"


def test_status_change_records_who_and_when(editor: PlanEditor, qtbot: QtBot,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviewed sets status:; Approved also writes approved: with the login name and
    today; each is one undo step and the plan stays valid."""
    monkeypatch.setattr("getpass.getuser", lambda: "zhangsan")
    editor.status_actions["reviewed"].trigger()
    assert "\nstatus: reviewed\n" in editor.text
    editor.status_actions["approved"].trigger()
    today = dt.date.today().isoformat()
    assert f'\napproved: {{by: "zhangsan", on: {today}}}\n' in editor.text
    assert _checked(editor, qtbot).ok
    editor.undo_action.trigger()
    assert "\nstatus: reviewed\n" in editor.text


def test_changes_against_the_backup(editor: PlanEditor, qtbot: QtBot) -> None:
    """After a save, Changes shows a unified diff from the ``file~`` backup."""
    editor.editor.moveCursor(QTextCursor.MoveOperation.Start)
    _type(qtbot, editor.editor, "# first\n")
    assert editor.save()
    _type(qtbot, editor.editor, "# second\n")
    diff = editor.changes()
    assert diff.startswith("--- forest-fire.yaml~\n+++ forest-fire.yaml\n")
    assert "\n+# first\n" in diff and "\n+# second\n" in diff
    dialog = editor.show_changes()
    view = dialog.findChild(QPlainTextEdit, "plan-changes")
    assert view is not None and view.isReadOnly() and view.toPlainText() == diff
    dialog.close()


def test_status_button_has_room_for_its_arrow(editor: PlanEditor) -> None:
    """The status menu's arrow gets a place of its own: the button is wider than a plain
    tool button with the same text, and it still opens its menu at once."""
    plain = QToolButton(text=editor.status_button.text(), menu=editor.status_button.menu(),
                        popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
    assert isinstance(editor.status_button, MenuToolButton)
    assert editor.status_button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
    assert editor.status_button.sizeHint().width() > plain.sizeHint().width()
    assert editor.status_button.grab().width() > 0  # it paints
