"""The plan editor: the YAML text of one plan file, checked as you type on a worker
thread, its problems listed, and the plan's graph previewed whenever it is valid.

Saving writes atomically and keeps the previous version as ``file~``; a file changed on
disk since it was opened or saved is never overwritten without asking. Each save is
recorded in the plan's revision history (``console.plans.revisions``, under the user
data folder) with who, when and the status change; the revisions dialog compares any
two. The open file is watched: a change made elsewhere is reloaded when there is nothing
unsaved, else a bar above the text asks what to do.

Saving and the revisions are in ``editor_revisions.py``, the watch on the file and the
info bar in ``editor_watch.py`` (mixins of ``PlanEditor``).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
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

from console.plans.revisions import RevisionHistory, Snapshot

from .code_editor import CodeEditor
from .diagnostic_text import diagnostic_text
from .editor_revisions import EditorRevisions, author_name, revisions_dir
from .editor_validation import Validation, validate_text
from .editor_watch import EditorWatch, file_sha
from .i18n import arg
from .menu_button import MenuToolButton
from .plan_status import STATUSES, current_status, with_status
from .plan_view import PlanView
from .revision_dialog import RevisionDialog
from .signals import emit
from .vocabulary import label
from .workers import run_in_background

__all__ = ["PlanEditor", "author_name", "revisions_dir"]

DEBOUNCE_MS = 400
_Button = QMessageBox.StandardButton


class PlanEditor(EditorWatch, EditorRevisions, QWidget):
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
        self._init_watch()  # the info bar, and the watch on the file

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
        self.status_button = MenuToolButton(objectName="plan-status")
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
        # The plan view's header wraps to two rows and its legend wraps, so it fits half
        # a window; in a narrower pane it scrolls rather than squeezing the text.
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

    def _load(self, data: bytes, keep_place: bool = False) -> None:
        self._disk_sha = file_sha(data)
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


    # -- saving and closing --------------------------------------------------------------

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
