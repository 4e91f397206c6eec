"""The plan editor's revision history and file watcher: saves recorded with who, when and
status changes, the revisions dialog (a diff between any two, restoring as an undoable
edit), and changes on disk (reloaded, a conflict, deleted, our own saves ignored)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from console.plans.revisions import Revision
from console.views.i18n import Translations
from console.views.plan_editor import PlanEditor, revisions_dir
from console.views.revision_dialog import (
    EDITOR,
    SELECTED_STATUS_CHANGE_COLOUR,
    DiffDialog,
    RevisionDialog,
)

from .conftest import FOREST_FIRE


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    return Path(shutil.copy(FOREST_FIRE, folder / "forest-fire.yaml"))


@pytest.fixture
def editor(qtbot: QtBot, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PlanEditor]:
    monkeypatch.setattr("getpass.getuser", lambda: "张三")
    editor = PlanEditor(plan_file)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitSignal(editor.previewUpdated, timeout=20_000).wait()
    yield editor
    qtbot.waitUntil(lambda: not editor.recording, timeout=10_000)


def _no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected question: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def _save(editor: PlanEditor, qtbot: QtBot, note: str = "") -> list[Revision]:
    with qtbot.waitSignal(editor.revisionsRecorded, timeout=10_000) as recorded:
        assert editor.save(note)
    qtbot.waitUntil(lambda: not editor.recording)
    return list(recorded.args[0])


def _prepend(editor: PlanEditor, text: str) -> None:
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertText(text)


def _external_write(path: Path, text: str) -> None:
    """Another program saves the file atomically (a new file renamed over it)."""
    tmp = path.with_name(".other-program.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# -- revisions ---------------------------------------------------------------------------


def test_saves_record_revisions_and_status_changes(editor: PlanEditor, qtbot: QtBot,
                                                   plan_file: Path) -> None:
    """The first save records the file as it was, then the save; every status change is
    recorded (from → to, who, when) with the note; the approval stays in the plan."""
    _prepend(editor, "# edited\n")
    first = _save(editor, qtbot)
    assert [r.source for r in first] == ["disk", "save"]
    assert first[1].author == "张三" and first[1].status == "approved"
    assert (first[1].added, first[1].removed) == (1, 0)

    editor.status_actions["draft"].trigger()
    _save(editor, qtbot)
    assert editor.info_bar.isVisible() and editor.info_bar.kind == "info"
    assert editor.info_bar.text.startswith("状态变更已记入修订记录：已批准 → 草稿，张三，20")
    editor.status_actions["reviewed"].trigger()
    _save(editor, qtbot, note="镇应急办审核")
    editor.status_actions["approved"].trigger()
    _save(editor, qtbot)
    with qtbot.waitSignal(editor.revisionsRecorded) as recorded:
        assert editor.save()  # the same text again: nothing added
    assert recorded.args[0] == []

    revisions = editor.history.revisions()
    assert [r.status_change for r in revisions] == [
        None, None, ("approved", "draft"), ("draft", "reviewed"), ("reviewed", "approved")]
    assert revisions[3].note == "镇应急办审核" and revisions[3].author == "张三"
    assert 'approved: {by: "张三", on: ' in plan_file.read_text(encoding="utf-8")
    assert editor.history.folder.parent == revisions_dir()
    assert sorted(p.name for p in plan_file.parent.iterdir()) == [
        "forest-fire.yaml", "forest-fire.yaml~"]  # nothing else next to the plan


def test_the_backup_becomes_the_earliest_revision(qtbot: QtBot, plan_file: Path) -> None:
    backup = Path(f"{plan_file}~")
    backup.write_text("# the old version\n" + FOREST_FIRE.read_text(encoding="utf-8"),
                      encoding="utf-8")
    editor = PlanEditor(plan_file)
    qtbot.addWidget(editor)
    dialog = editor.show_revisions()  # an empty history starts from file~ and the file
    qtbot.waitUntil(lambda: len(dialog.revisions) == 2, timeout=10_000)
    assert [r.source for r in dialog.revisions] == ["backup", "disk"]
    assert editor.history.read(1).startswith("# the old version\n")
    assert dialog.list.topLevelItem(2).text(5) == "开始记录时找到的备份（file~）"
    dialog.close()
    qtbot.waitUntil(lambda: not editor.recording)


def test_dialog_diff_between_two_revisions(editor: PlanEditor, qtbot: QtBot) -> None:
    """Choosing two revisions shows their diff (removed red, added green); one revision
    is compared with the editor's text; status changes stand out."""
    _prepend(editor, "# one\n")
    _save(editor, qtbot)
    editor.status_actions["reviewed"].trigger()
    _save(editor, qtbot, note="送审")
    _prepend(editor, "# three\n")
    _save(editor, qtbot)
    _prepend(editor, "# unsaved\n")
    dialog = editor.show_revisions()
    assert editor.revisions_action.shortcut().toString() == "Ctrl+H"
    assert editor.show_revisions() is dialog  # one dialog at a time
    assert isinstance(dialog, RevisionDialog)
    assert dialog.list.topLevelItemCount() == 1 + 4  # the editor's text, then newest first
    assert [dialog.list.topLevelItem(i).text(0) for i in range(5)] == ["", "4", "3", "2", "1"]
    change = dialog.list.topLevelItem(2)
    assert change.text(3) == "已批准 → 已审核"
    assert change.toolTip(3).startswith("已批准 → 已审核，张三，20")
    assert change.text(5) == "送审"

    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        dialog.select(2, 4)
    diff = dialog.unified_diff()
    assert diff.startswith("--- forest-fire.yaml @2\n+++ forest-fire.yaml @4\n")
    assert "\n+# three\n" in diff and "\n-status: approved\n+status: reviewed\n" in diff
    assert "# one" not in diff.replace(" # one", "")  # unchanged lines are context only
    page = dialog.pane.view.toHtml()
    assert "#e6ffec" in page and "#ffebe9" in page
    assert dialog.pane.comparison is not None
    assert (dialog.pane.comparison.added, dialog.pane.comparison.removed) == (2, 1)
    # The diff is laid out at the pane's width (its table fills it), and a selected status
    # change keeps a colour of its own instead of the selection's.
    assert dialog.pane.view.lineWrapMode() == QTextBrowser.LineWrapMode.WidgetWidth
    option = QStyleOptionViewItem()
    option.initFrom(dialog.list)
    option.state |= QStyle.StateFlag.State_Selected
    delegate = dialog.list.itemDelegate()
    delegate.initStyleOption(option, dialog.list.indexFromItem(change, 3))
    assert option.palette.color(QPalette.ColorRole.Highlight) == SELECTED_STATUS_CHANGE_COLOUR
    plain = QStyleOptionViewItem()
    plain.initFrom(dialog.list)
    plain.state |= QStyle.StateFlag.State_Selected
    delegate.initStyleOption(plain, dialog.list.indexFromItem(dialog.list.topLevelItem(1), 3))
    assert plain.palette.color(QPalette.ColorRole.Highlight) != SELECTED_STATUS_CHANGE_COLOUR

    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        dialog.select(4)  # one revision: against the editor's text
    diff = dialog.unified_diff()
    assert diff.startswith("--- forest-fire.yaml @4\n+++ forest-fire.yaml")
    assert diff.count("\n+") == 2 and "\n+# unsaved\n" in diff
    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        _prepend(editor, "# typed while the dialog is open\n")
        editor.validate_now()  # as when the typing pause ends: the diff follows the text
    assert "\n+# typed while the dialog is open\n" in dialog.unified_diff()
    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        dialog.select(EDITOR, 1)
    assert dialog.unified_diff().startswith("--- forest-fire.yaml @1\n")
    dialog.close()


def test_restore_is_an_undoable_edit(editor: PlanEditor, qtbot: QtBot,
                                     plan_file: Path) -> None:
    original = editor.text
    _prepend(editor, "# two\n")
    _save(editor, qtbot)
    on_disk = plan_file.read_text(encoding="utf-8")
    dialog = editor.show_revisions()
    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        dialog.select(1)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert editor.text == original and editor.modified
    assert dialog.unified_diff() == ""  # the editor now holds revision 1
    assert plan_file.read_text(encoding="utf-8") == on_disk  # not written
    editor.undo_action.trigger()
    assert editor.text == "# two\n" + original
    dialog.select(EDITOR)
    assert not dialog.restore_button.isEnabled()
    dialog.close()


# -- the file on disk --------------------------------------------------------------------


def test_unmodified_text_is_reloaded(editor: PlanEditor, qtbot: QtBot,
                                     plan_file: Path) -> None:
    """A change on disk with nothing unsaved is reloaded, and the bar says so; the watch
    survives atomic replaces."""
    for number in (1, 2):
        text = f"# outside {number}\n" + FOREST_FIRE.read_text(encoding="utf-8")
        _external_write(plan_file, text)
        qtbot.waitUntil(lambda t=text: editor.text == t, timeout=5_000)
        assert not editor.modified
        assert editor.info_bar.isVisible() and editor.info_bar.kind == "info"
        assert editor.info_bar.text == "forest-fire.yaml 已在磁盘上被修改，已重新载入。"
    assert str(plan_file) in editor._watcher.files()


def test_own_saves_are_ignored(editor: PlanEditor, qtbot: QtBot) -> None:
    _prepend(editor, "# mine\n")
    with qtbot.waitSignal(editor.diskChecked, timeout=5_000) as checked:
        _save(editor, qtbot)
    assert checked.args == ["same"]
    assert not editor.info_bar.isVisible() and not editor.modified
    assert editor.text.startswith("# mine\n")


def test_conflict_keep_mine_compare(editor: PlanEditor, qtbot: QtBot, plan_file: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Unsaved changes and a change on disk: the bar offers reload / keep mine / compare;
    compare shows disk → editor; keep mine makes the next save overwrite unasked."""
    _prepend(editor, "# mine\n")
    theirs = "# theirs\n" + FOREST_FIRE.read_text(encoding="utf-8")
    _external_write(plan_file, theirs)
    qtbot.waitUntil(lambda: editor.info_bar.button("keep-mine") is not None
                    and editor.info_bar.isVisible(), timeout=5_000)
    assert editor.info_bar.kind == "warning" and editor.text.startswith("# mine\n")
    assert [b.objectName() for b in editor.info_bar.buttons()] == [
        "reload-disk", "keep-mine", "compare-disk"]
    assert [b.text() for b in editor.info_bar.buttons()] == [
        "重新载入（放弃我的修改）", "保留我的修改", "比较"]

    qtbot.mouseClick(editor.info_bar.button("compare-disk"), Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, DiffDialog) and w.isVisible()]
    assert len(dialogs) == 1 and editor.info_bar.isVisible()
    qtbot.waitUntil(lambda: not dialogs[0].pane.busy, timeout=10_000)
    diff = dialogs[0].pane.comparison.unified  # type: ignore[union-attr]
    assert "\n-# theirs\n+# mine\n" in diff
    dialogs[0].close()

    qtbot.mouseClick(editor.info_bar.button("keep-mine"), Qt.MouseButton.LeftButton)
    assert not editor.info_bar.isVisible()
    _no_questions(monkeypatch)
    _save(editor, qtbot)
    assert plan_file.read_text(encoding="utf-8") == editor.text


def test_conflict_reload_discards_mine(editor: PlanEditor, qtbot: QtBot,
                                       plan_file: Path) -> None:
    _prepend(editor, "# mine\n")
    theirs = "# theirs\n" + FOREST_FIRE.read_text(encoding="utf-8")
    plan_file.write_text(theirs, encoding="utf-8")  # written in place this time
    qtbot.waitUntil(lambda: editor.info_bar.button("reload-disk") is not None
                    and editor.info_bar.isVisible(), timeout=5_000)
    qtbot.mouseClick(editor.info_bar.button("reload-disk"), Qt.MouseButton.LeftButton)
    assert editor.text == theirs and not editor.modified
    assert not editor.info_bar.isVisible()


def test_deleted_file(editor: PlanEditor, qtbot: QtBot, plan_file: Path,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A deleted file: the bar says so, leaving would ask, saving creates it again."""
    text = editor.text
    plan_file.unlink()
    qtbot.waitUntil(lambda: editor.info_bar.isVisible(), timeout=5_000)
    assert editor.info_bar.kind == "warning"
    assert editor.info_bar.text == "forest-fire.yaml 已在磁盘上被删除。保存将重新创建该文件。"
    assert editor.modified  # leaving asks whether to save it
    _no_questions(monkeypatch)
    _save(editor, qtbot)
    assert plan_file.read_text(encoding="utf-8") == text
    assert not editor.info_bar.isVisible() and not editor.modified


def test_deleted_then_recreated_is_reloaded(editor: PlanEditor, qtbot: QtBot,
                                            plan_file: Path) -> None:
    plan_file.unlink()
    qtbot.waitUntil(lambda: editor.info_bar.isVisible(), timeout=5_000)
    theirs = "# back\n" + FOREST_FIRE.read_text(encoding="utf-8")
    plan_file.write_text(theirs, encoding="utf-8")
    qtbot.waitUntil(lambda: editor.text == theirs, timeout=5_000)
    assert not editor.modified and editor.info_bar.kind == "info"


def test_shortcut_note_and_name_from_settings(editor: PlanEditor, qtbot: QtBot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+H opens the revisions; Save with a note asks for the note; the name set in
    the settings, when there is one, is recorded instead of the login name."""
    qtbot.keyClick(editor.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = editor._revision_dialog
    assert isinstance(dialog, RevisionDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not editor.recording)
    dialog.close()

    class Named:
        user_name = " 赵六 "

    monkeypatch.setattr("console.views.editor_revisions.Settings.load", lambda: Named())
    monkeypatch.setattr("console.views.editor_revisions.QInputDialog.getText",
                        lambda *args: ("补充夜间值班", True))
    _prepend(editor, "# night duty\n")
    with qtbot.waitSignal(editor.revisionsRecorded, timeout=10_000) as recorded:
        assert editor.save_with_note()
    latest = recorded.args[0][-1]
    assert (latest.author, latest.note) == ("赵六", "补充夜间值班")


def test_unwritable_history_does_not_stop_saving(editor: PlanEditor, qtbot: QtBot,
                                                 plan_file: Path) -> None:
    """The plan is saved even when its revision cannot be recorded; the bar says why."""
    revisions_dir().parent.mkdir(parents=True, exist_ok=True)
    revisions_dir().write_text("not a folder", encoding="utf-8")
    _prepend(editor, "# saved anyway\n")
    with qtbot.waitSignal(editor.revisionsRecorded, timeout=10_000) as recorded:
        assert editor.save()
    assert recorded.args[0] == []
    assert plan_file.read_text(encoding="utf-8").startswith("# saved anyway\n")
    assert editor.info_bar.isVisible() and editor.info_bar.kind == "warning"
    assert "revisions" in editor.info_bar.text


def test_dialog_reports_a_rebuilt_index_and_copies_the_diff(editor: PlanEditor,
                                                            qtbot: QtBot) -> None:
    _prepend(editor, "# one\n")
    _save(editor, qtbot)
    (editor.history.folder / "index.json").write_text("{broken", encoding="utf-8")
    dialog = editor.show_revisions()
    assert dialog.problems.isVisibleTo(dialog) and "rebuilt" in dialog.problems.text()
    assert len(dialog.revisions) == 2
    with qtbot.waitSignal(dialog.pane.compared, timeout=10_000):
        dialog.select(1, 2)
    assert dialog.copy_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.unified_diff() != ""
    dialog.close()


def test_bar_and_dialog_follow_the_language(editor: PlanEditor, qtbot: QtBot,
                                            plan_file: Path,
                                            translations: Translations) -> None:
    _prepend(editor, "# mine\n")
    _external_write(plan_file, "# theirs\n" + FOREST_FIRE.read_text(encoding="utf-8"))
    qtbot.waitUntil(lambda: editor.info_bar.isVisible(), timeout=5_000)
    dialog = editor.show_revisions()
    assert editor.revisions_action.text() == "修订记录"
    assert dialog.windowTitle() == "forest-fire.yaml 的修订记录"
    translations.apply("en")
    qtbot.waitUntil(lambda: editor.revisions_action.text() == "Revisions")
    assert editor.info_bar.button("keep-mine").text() == "Keep mine"  # type: ignore[union-attr]
    assert editor.info_bar.text.startswith("forest-fire.yaml was changed on disk")
    assert dialog.windowTitle() == "Revisions of forest-fire.yaml"
    assert editor.revisions_action.text() == "Revisions"
    qtbot.waitUntil(lambda: not editor.recording)
    dialog.close()
