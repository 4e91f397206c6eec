"""The plan editor: the YAML text of one plan file, checked as you type on a worker
thread, its problems listed, and the plan's graph previewed whenever it is valid.

Saving writes atomically and keeps the previous version as ``file~``; a file changed on
disk since it was opened or saved is never overwritten without asking. Each save is
recorded in the plan's revision history (``console.plans.revisions``, under the user
data folder) with who, when and the status change; the revisions dialog compares any
two. The open file is watched: a change made elsewhere is reloaded when there is nothing
unsaved, else a bar above the text asks what to do.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.plans.files import write_text_atomic
from console.plans.revisions import Revision, RevisionError, RevisionHistory, Snapshot, baseline

from .code_editor import CodeEditor
from .diagnostic_text import diagnostic_text
from .editor_validation import Validation, validate_text
from .i18n import arg
from .info_bar import InfoBar
from .plan_status import STATUSES, backup_path, current_status, diff_texts, with_status
from .plan_view import PlanView
from .revision_dialog import DiffDialog, RevisionDialog, revision_time
from .settings import Settings, data_dir
from .signals import emit
from .vocabulary import label
from .workers import run_in_background

__all__ = ["PlanEditor", "author_name", "revisions_dir"]

DEBOUNCE_MS = 400
#: Changes on disk come in bursts (an atomic replace is a create and a rename): the file
#: is looked at once they have settled.
WATCH_DELAY_MS = 150
_Button = QMessageBox.StandardButton


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def author_name() -> str:
    """Who saves and approves: the name set in the settings (``user_name``), else the
    login name."""
    name = Settings.load().user_name.strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def revisions_dir() -> Path:
    """Where the plans' revision histories are kept."""
    return data_dir() / "revisions"


def _record_all(history: RevisionHistory,
                snapshots: list[Snapshot]) -> tuple[list[Revision], str]:
    try:
        return history.record_all(snapshots), ""
    except (OSError, RevisionError) as exc:
        return [], str(exc)


class PlanEditor(QWidget):
    """Edits the plan file at ``path``.

    ``validated(Validation)`` after each check of the current text (stale ones are
    dropped), ``previewUpdated`` when the graph shows a new valid version, ``saved(path)``
    after each save and ``closeRequested`` when the user wants to leave the editor (ask
    ``maybe_close()`` first). ``revisionsRecorded(list of Revision)`` once a save's
    revisions are written (on a worker thread); ``diskChecked(outcome)`` after the file
    was looked at because it changed on disk: ``same``, ``reloaded``, ``conflict``,
    ``deleted`` or ``unreadable``.
    """

    validated = Signal(object)
    previewUpdated = Signal()
    saved = Signal(str)
    closeRequested = Signal()
    revisionsRecorded = Signal(object)
    diskChecked = Signal(str)

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._revision = 0
        self._checked_revision = -1
        self._last: Validation | None = None
        self._disk_sha: str | None = None
        self._conflict_sha: str | None = None
        self._deleted_at: int | None = None  # the text revision when the file vanished
        self.history = RevisionHistory(self.path, revisions_dir())
        self._record_queue: list[list[Snapshot]] = []
        self._recording = False
        self._revision_dialog: RevisionDialog | None = None
        self.info_bar = InfoBar()
        self._bar_state: tuple[str, ...] | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self.check_disk)
        self._watcher.fileChanged.connect(lambda _: self._watch_timer.start())
        self._watcher.directoryChanged.connect(lambda _: self._watch_timer.start())

        self.editor = CodeEditor()
        self.problems = QTreeWidget(objectName="editor-problems")
        self.problems.setColumnCount(4)
        self.problems.setRootIsDecorated(False)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(True)
        header = self.problems.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.problems.itemClicked.connect(self._problem_clicked)
        self.problems.itemActivated.connect(self._problem_clicked)
        self._problems_caption = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.preview = PlanView()
        self.preview.backRequested.connect(lambda: emit(self.closeRequested))
        self.preview.edit_button.hide()
        self.preview_note = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                                   objectName="preview-note")
        self.preview_note.setStyleSheet("color: #9a6700;")
        self.preview_note.hide()

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.validate_now)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.modificationChanged.connect(lambda _: self._retitle())

        self._build_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.save_action, self.undo_action,
                       self.redo_action):
            toolbar.addAction(action)
        save_button = toolbar.widgetForAction(self.save_action)
        if isinstance(save_button, QToolButton):
            save_menu = QMenu(save_button)
            save_menu.addAction(self.save_note_action)
            save_button.setMenu(save_menu)
            save_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        toolbar.addSeparator()
        self.status_button = QToolButton(objectName="plan-status",
                                         popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setMenu(self._status_menu)
        toolbar.addWidget(self.status_button)
        toolbar.addAction(self.compare_action)
        toolbar.addAction(self.revisions_action)
        self._title = QLabel(textFormat=Qt.TextFormat.PlainText, objectName="editor-title")
        toolbar.addWidget(self._title)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self._problems_caption)
        lower_layout.addWidget(self.problems)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.editor)
        left.addWidget(lower)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_note)
        # The plan view needs more width than half a window: it scrolls rather than
        # squeezing the text.
        scroller = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroller.setWidget(self.preview)
        right_layout.addWidget(scroller, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self._split = split
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.info_bar)
        layout.addWidget(split, 1)
        self._retranslate()
        self._load(self.path.read_bytes())

    def _build_actions(self) -> None:
        style = self.style()
        icon = style.standardIcon
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.back_action = QAction(icon(QStyle.StandardPixmap.SP_ArrowBack), "", self,
                                   triggered=lambda: emit(self.closeRequested))
        self.save_action = QAction(icon(QStyle.StandardPixmap.SP_DialogSaveButton), "", self,
                                   triggered=self.save,
                                   shortcut=QKeySequence(QKeySequence.StandardKey.Save))
        self.undo_action = QAction(icon(QStyle.StandardPixmap.SP_ArrowLeft), "", self,
                                   triggered=self.editor.undo, enabled=False,
                                   shortcut=QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = QAction(icon(QStyle.StandardPixmap.SP_ArrowRight), "", self,
                                   triggered=self.editor.redo, enabled=False,
                                   shortcut=QKeySequence(QKeySequence.StandardKey.Redo))
        self.compare_action = QAction(icon(QStyle.StandardPixmap.SP_FileDialogContentsView),
                                      "", self, triggered=self.show_changes)
        self.save_note_action = QAction(self, triggered=self.save_with_note,
                                        shortcut=QKeySequence("Ctrl+Alt+S"))
        self.revisions_action = QAction(icon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                        "", self, triggered=self.show_revisions,
                                        shortcut=QKeySequence("Ctrl+H"))
        self._status_menu = QMenu(self)
        self.status_actions: dict[str, QAction] = {}
        for status in STATUSES:
            action = QAction(self, checkable=True,
                             triggered=lambda _=False, s=status: self.set_status(s))
            self.status_actions[status] = action
            self._status_menu.addAction(action)
        self._status_menu.aboutToShow.connect(self._mark_status)
        self.editor.undoAvailable.connect(self.undo_action.setEnabled)
        self.editor.redoAvailable.connect(self.redo_action.setEnabled)
        for action in (self.save_action, self.undo_action, self.redo_action,
                       self.save_note_action, self.revisions_action):
            action.setShortcutContext(context)
            self.addAction(action)

    # -- text and checking ---------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    @property
    def modified(self) -> bool:
        return self.editor.document().isModified()

    @property
    def revision(self) -> int:
        """The number of the current text; each change makes a new one."""
        return self._revision

    @property
    def last_validation(self) -> Validation | None:
        """The check of the current text, once it has arrived."""
        return self._last if self._checked_revision == self._revision else None

    def reload(self) -> bool:
        """Show the file as it is on disk now (unsaved changes are lost); False (and a
        message in the bar) when it cannot be read."""
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            self._show_bar(("unreadable", str(exc)))
            return False
        self._load(data, keep_place=True)
        if self._bar_state is not None and self._bar_state[0] in ("conflict", "deleted",
                                                                   "unreadable"):
            self._hide_bar()
        return True

    def _load(self, data: bytes, keep_place: bool = False) -> None:
        self._disk_sha = _sha(data)
        self._deleted_at = None
        position = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        text = data.decode("utf-8", errors="replace")
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        if keep_place:
            cursor = self.editor.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.editor.setTextCursor(cursor)
            self.editor.verticalScrollBar().setValue(scroll)
        self._retitle()
        self.validate_now()
        self._watch()

    def _text_changed(self) -> None:
        self._revision += 1
        self._timer.start()

    def validate_now(self) -> None:
        """Check the current text on a worker thread (no waiting for the typing pause)."""
        self._timer.stop()
        work = partial(validate_text, self.text, self._revision, str(self.path))
        run_in_background(work, self._validated, self._validation_failed, self)
        if self._revision_dialog is not None:
            self._revision_dialog.editor_text_changed()

    def _validated(self, result: Validation) -> None:
        if result.revision != self._revision:
            return  # the text changed since: a newer check is on its way
        self._last, self._checked_revision = result, result.revision
        self._show_problems(result)
        emit(self.validated, result)
        if result.ok:
            self.preview_note.hide()
            self.preview.show_document(result.document, self.preview.level)
            emit(self.previewUpdated)
        else:
            self.preview_note.setText(self._invalid_note())
            self.preview_note.show()

    def _validation_failed(self, error: str) -> None:
        self._problems_caption.setText(arg(self.tr("The plan could not be checked:\n%1"),
                                           error.strip()[-400:]))

    def _invalid_note(self) -> str:
        if self.preview.document is None:
            return self.tr("The graph is shown once the plan has no errors.")
        return self.tr("The plan has errors: the graph shows the last version without "
                       "errors.")

    def _show_problems(self, result: Validation) -> None:
        self.problems.clear()
        style = self.style()
        marks = []
        for diagnostic in result.diagnostics:
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if diagnostic.is_error \
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            severity = self.tr("error") if diagnostic.is_error else self.tr("warning")
            where = f"{diagnostic.line}:{diagnostic.column}" if diagnostic.line else ""
            message = diagnostic_text(diagnostic)
            item = QTreeWidgetItem([severity, where, diagnostic.code, message])
            item.setIcon(0, style.standardIcon(icon))
            item.setToolTip(3, message)
            item.setData(0, Qt.ItemDataRole.UserRole, (diagnostic.line, diagnostic.column))
            self.problems.addTopLevelItem(item)
            marks.append((diagnostic.line, diagnostic.column, diagnostic.is_error))
        self.editor.set_problems(marks)
        errors = sum(1 for d in result.diagnostics if d.is_error)
        warnings = len(result.diagnostics) - errors
        self._problems_caption.setText(
            arg(self.tr("Problems: %1 errors, %2 warnings"), errors, warnings)
            if result.diagnostics else self.tr("No problems found."))

    def _problem_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        line, column = item.data(0, Qt.ItemDataRole.UserRole)
        if line:
            self.editor.go_to(line, column)

    # -- status and versions ------------------------------------------------------------

    def _mark_status(self) -> None:
        current = current_status(self.text)
        for status, action in self.status_actions.items():
            action.setChecked(status == current)

    def set_status(self, status: str) -> None:
        """Set the plan's ``status:`` in the text (one undo step); approving records who
        (``author_name()``) and when (today) in ``approved:``. Saving is up to the user;
        the save records the change (from → to, who, when) in the revision history."""
        self.replace_text(with_status(self.text, status, author_name(), dt.date.today()))

    def replace_text(self, text: str) -> None:
        """Put ``text`` in the editor as one undoable edit (nothing is written)."""
        if text == self.text:
            return
        position = self.editor.textCursor().position()
        cursor = self.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.setPosition(min(position, len(text)))
        self.editor.setTextCursor(cursor)

    def changes(self) -> str:
        """The unified diff from the previous saved version (``file~``) to the text."""
        backup = backup_path(self.path)
        old = backup.read_text(encoding="utf-8", errors="replace") if backup.exists() else ""
        return diff_texts(old, self.text, backup.name, self.path.name)

    def show_changes(self) -> QDialog:
        """Show ``changes()`` in a read-only window."""
        dialog = QDialog(self, windowTitle=arg(self.tr("Changes to %1"), self.path.name))
        view = QPlainTextEdit(readOnly=True, objectName="plan-changes")
        view.setFont(self.editor.font())
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setPlainText(self.changes() or self.tr("No changes since the previous version."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(self.width() * 2 // 3 or 800, self.height() * 2 // 3 or 600)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_revisions(self) -> RevisionDialog:
        """The revision list and the diff of any two revisions (or one and the text)."""
        if self._revision_dialog is not None:
            self._revision_dialog.raise_()
            self._revision_dialog.activateWindow()
            return self._revision_dialog
        try:
            started = self.history.exists()
        except OSError:
            started = True
        if not started:  # the file~ backup and the file become the first revisions
            self._record(baseline(self.path))
        dialog = RevisionDialog(self.history, lambda: self.text, self)
        dialog.restoreRequested.connect(self.replace_text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._revision_dialog_gone)
        self._revision_dialog = dialog
        dialog.show()
        return dialog

    def _revision_dialog_gone(self) -> None:
        self._revision_dialog = None

    @property
    def recording(self) -> bool:
        """Whether revisions are being written on a worker thread."""
        return self._recording or bool(self._record_queue)

    def _record(self, snapshots: list[Snapshot]) -> None:
        if not snapshots:
            return
        self._record_queue.append(snapshots)
        if not self._recording:
            self._record_next()

    def _record_next(self) -> None:
        if not self._record_queue:
            self._recording = False
            return
        self._recording = True
        batch = self._record_queue.pop(0)
        # Owned by the application: the revisions are written even when the editor is
        # closed meanwhile, and the worker never signals a deleted task.
        app = QCoreApplication.instance()
        run_in_background(partial(_record_all, self.history, batch), self._recorded,
                          self._record_failed, app if app is not None else self)

    def _recorded(self, result: tuple[list[Revision], str]) -> None:
        revisions, error = result
        if error:
            self._show_bar(("record-failed", error))
        changes = [r for r in revisions if r.status_change is not None]
        if changes and not (self.info_bar.isVisible() and self.info_bar.kind != "info"):
            change = changes[-1]
            assert change.status_change is not None
            self._show_bar(("status-recorded", change.status_change[0] or "",
                            change.status_change[1] or "", change.author,
                            revision_time(change)))
        if self._revision_dialog is not None:
            self._revision_dialog.refresh()
        self._record_next()
        emit(self.revisionsRecorded, revisions)

    def _record_failed(self, error: str) -> None:
        self._recorded(([], error.strip().splitlines()[-1] if error.strip() else error))

    # -- the file on disk ----------------------------------------------------------------

    def _watch(self) -> None:
        """Watch the file and its folder (an atomic replace drops the file's watch)."""
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        for path in (self.path, self.path.parent):
            if str(path) not in watched and path.exists():
                self._watcher.addPath(str(path))

    def check_disk(self) -> str:
        """Compare the file on disk with what the editor last loaded or saved: reload it
        when nothing is unsaved, else offer reload / keep mine / compare in the bar; say
        so when it is gone. Returns (and signals) the outcome."""
        outcome = self._check_disk()
        emit(self.diskChecked, outcome)
        return outcome

    def _check_disk(self) -> str:
        self._watch_timer.stop()
        self._watch()
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            if self._bar_state != ("deleted",):
                self._disk_sha = None
                self._deleted_at = None if self.modified else self._revision
                self.editor.document().setModified(True)  # leaving asks to save it again
                self._show_bar(("deleted",))
            return "deleted"
        except OSError:
            return "unreadable"  # being written, or not ours to read: look again later
        sha = _sha(data)
        if sha == self._disk_sha:
            return "same"  # our own save, or a touch
        if sha == _sha(self.text.encode("utf-8")):  # it now holds what the editor shows
            self._disk_sha, self._deleted_at = sha, None
            self.editor.document().setModified(False)
            if self._bar_state is not None and self._bar_state[0] in ("conflict", "deleted"):
                self._hide_bar()
            return "same"
        if not self.modified or self._deleted_at == self._revision:
            self._load(data, keep_place=True)
            self._show_bar(("reloaded",))
            return "reloaded"
        self._conflict_sha = sha
        self._show_bar(("conflict",))
        return "conflict"

    def keep_mine(self) -> None:
        """Keep the editor's text over the changed file: saving overwrites it unasked."""
        if self._conflict_sha is not None:
            self._disk_sha = self._conflict_sha
        self._hide_bar()

    def compare_with_disk(self) -> DiffDialog:
        """The diff from the file on disk to the editor's text."""
        try:
            disk = self.path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            disk = ""
        name = self.path.name
        dialog = DiffDialog(disk, self.text, arg(self.tr("%1 (on disk)"), name),
                            arg(self.tr("%1 (editor)"), name),
                            arg(self.tr("%1: on disk and in the editor"), name),
                            self.tr("From the file on disk to the editor's text"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _show_bar(self, state: tuple[str, ...]) -> None:
        self._bar_state = state
        name = self.path.name
        kind = state[0]
        if kind == "reloaded":
            self.info_bar.show_message("info", arg(
                self.tr("%1 was changed on disk and has been reloaded."), name))
        elif kind == "conflict":
            self.info_bar.show_message("warning", arg(
                self.tr("%1 was changed on disk by another program, and the editor has "
                        "unsaved changes."), name),
                [(self.tr("Reload (discard mine)"), "reload-disk", self.reload),
                 (self.tr("Keep mine"), "keep-mine", self.keep_mine),
                 (self.tr("Compare"), "compare-disk", self._compare_from_bar)])
        elif kind == "deleted":
            self.info_bar.show_message("warning", arg(
                self.tr("%1 was deleted on disk. Saving creates it again."), name))
        elif kind == "unreadable":
            self.info_bar.show_message("error", arg(
                self.tr("%1 cannot be read:\n%2"), name, state[1]))
        elif kind == "status-recorded":
            self.info_bar.show_message("info", arg(
                self.tr("Status change recorded in the revision history: %1 → %2, %3, %4"),
                label("Status", state[1]) or "—", label("Status", state[2]) or "—",
                state[3] or self.tr("unknown"), state[4]))
        elif kind == "record-failed":
            self.info_bar.show_message("warning", arg(
                self.tr("The plan was saved, but its revision could not be recorded: %1"),
                state[1]))

    def _compare_from_bar(self) -> None:
        self.info_bar.show()  # the question stays until it is answered
        self.compare_with_disk()

    def _hide_bar(self) -> None:
        self._bar_state = None
        self._conflict_sha = None
        self.info_bar.hide()

    # -- saving and closing --------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether the file is not what was opened or last saved (or is gone without the
        editor having noticed)."""
        try:
            current: str | None = _sha(self.path.read_bytes())
        except FileNotFoundError:
            current = None
        except OSError:
            return True
        return current != self._disk_sha

    def save_with_note(self) -> bool:
        """Ask for a short note for the revision, then save."""
        note, ok = QInputDialog.getText(self, self.tr("Save with a note"),
                                        self.tr("A short note for the revision history:"))
        return self.save(note) if ok else False

    def save(self, note: str = "") -> bool:
        """Write the text (the previous version kept as ``file~``) and record it in the
        revision history with ``note``; True when saved.

        When the file changed on disk meanwhile, asks: reload, overwrite or cancel.
        """
        if self.changed_on_disk():
            answer = self._ask(QMessageBox.Icon.Warning, self.tr("File changed on disk"),
                               arg(self.tr("%1 was changed by another program since you "
                                           "opened it."), self.path.name),
                               {_Button.Reset: self.tr("Reload from disk"),
                                _Button.Save: self.tr("Overwrite"),
                                _Button.Cancel: ""})
            if answer == _Button.Reset:
                self.reload()
                return False
            if answer != _Button.Save:
                return False
        try:
            started = self.history.exists()
        except OSError:
            started = True
        first = [] if started else baseline(self.path)  # before the save replaces file~
        text = self.text
        try:
            write_text_atomic(self.path, text, backup=True)
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Plan editor"),
                                 arg(self.tr("The plan could not be saved:\n%1"), exc))
            return False
        self._disk_sha = _sha(text.encode("utf-8"))
        self._deleted_at = None
        self.editor.document().setModified(False)
        if self._bar_state is not None and self._bar_state[0] in ("conflict", "deleted"):
            self._hide_bar()
        self._watch()
        self._record([*first, Snapshot(text, author=author_name(), note=note)])
        emit(self.saved, str(self.path))
        return True

    def maybe_close(self) -> bool:
        """True when the editor may go: nothing unsaved, or the user saved or discarded."""
        if not self.modified:
            return True
        answer = self._ask(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                           arg(self.tr("Save the changes to %1?"), self.path.name),
                           {_Button.Save: "", _Button.Discard: "", _Button.Cancel: ""})
        if answer == _Button.Save:
            return self.save()
        return answer == _Button.Discard

    def _ask(self, icon: QMessageBox.Icon, title: str, text: str,
             buttons: dict[QMessageBox.StandardButton, str]) -> QMessageBox.StandardButton:
        box = QMessageBox(icon, title, text, parent=self)
        for button, caption in buttons.items():
            added = box.addButton(button)
            if caption:
                added.setText(caption)
        box.setDefaultButton(_Button.Cancel)
        return _Button(box.exec())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # text and preview half and half, once the width is known
            self._sized = True
            half = max(self._split.width() // 2, 1)
            self._split.setSizes([half, half])

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._last is not None:
                self._show_problems(self._last)
            if self._bar_state is not None and self.info_bar.isVisible():
                self._show_bar(self._bar_state)
        super().changeEvent(event)

    def _retitle(self) -> None:
        self._title.setText(("● " if self.modified else "") + str(self.path))

    def _retranslate(self) -> None:
        self.back_action.setText(self.tr("Plan library"))
        self.back_action.setToolTip(self.tr("Leave the editor"))
        self.save_action.setText(self.tr("Save"))
        self.save_action.setToolTip(self.tr("Save the plan (the previous version is kept)"))
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.status_button.setText(self.tr("Status"))
        self.status_button.setToolTip(
            self.tr("Mark the plan draft, reviewed or approved (approving records who and "
                    "when)"))
        for status, action in self.status_actions.items():
            action.setText(label("Status", status))
        self.save_note_action.setText(self.tr("Save with a note…"))
        self.save_note_action.setToolTip(
            self.tr("Save, with a short note for the revision history"))
        self.revisions_action.setText(self.tr("Revisions"))
        self.revisions_action.setToolTip(
            self.tr("Every saved version: who saved it, when, status changes; compare any "
                    "two or restore one (Ctrl+H)"))
        self.compare_action.setText(self.tr("Changes"))
        self.compare_action.setToolTip(
            self.tr("Compare the text with the previous saved version (file~)"))
        self.problems.setHeaderLabels([self.tr("Severity"), self.tr("Line:column"),
                                       self.tr("Code"), self.tr("Message")])
        if self.preview_note.isVisible():
            self.preview_note.setText(self._invalid_note())
