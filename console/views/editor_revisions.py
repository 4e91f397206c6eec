"""The plan editor's saving and revision history: saving (asking first when the file
changed on disk), the revisions each save records on a worker thread, the revisions
dialog, and the changes since the previous saved version (``file~``).

``EditorRevisions`` is a mixin of ``PlanEditor``. Its strings are translated in the
``PlanEditor`` context, as ``self.tr`` there does.
"""

from __future__ import annotations

import getpass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from console.plans.files import write_text_atomic
from console.plans.revisions import Revision, RevisionError, RevisionHistory, Snapshot, baseline

from .editor_watch import file_sha
from .i18n import arg
from .plan_status import backup_path, diff_texts
from .revision_dialog import RevisionDialog, revision_time
from .settings import Settings, data_dir
from .signals import emit
from .workers import run_in_background

__all__ = ["EditorRevisions", "author_name", "revisions_dir"]

_Button = QMessageBox.StandardButton


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

class EditorRevisions:
    """Saving, recording revisions and showing them (with the editor's ``text``,
    ``editor``, ``path``, ``history``, bar and ``_ask``)."""

    path: Path
    history: RevisionHistory
    _record_queue: list[list[Snapshot]]
    _recording: bool
    _revision_dialog: RevisionDialog | None

    def changes(self) -> str:
        """The unified diff from the previous saved version (``file~``) to the text."""
        backup = backup_path(self.path)
        old = backup.read_text(encoding="utf-8", errors="replace") if backup.exists() else ""
        return diff_texts(old, self.text, backup.name, self.path.name)

    def show_changes(self) -> QDialog:
        """Show ``changes()`` in a read-only window."""
        translate = QCoreApplication.translate
        dialog = QDialog(self, windowTitle=arg(translate("PlanEditor", "Changes to %1"),
                                               self.path.name))
        view = QPlainTextEdit(readOnly=True, objectName="plan-changes")
        view.setFont(self.editor.font())
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setPlainText(self.changes()
                          or translate("PlanEditor", "No changes since the previous version."))
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

    def save_with_note(self) -> bool:
        """Ask for a short note for the revision, then save."""
        translate = QCoreApplication.translate
        note, ok = QInputDialog.getText(
            self, translate("PlanEditor", "Save with a note"),
            translate("PlanEditor", "A short note for the revision history:"))
        return self.save(note) if ok else False

    def save(self, note: str = "") -> bool:
        """Write the text (the previous version kept as ``file~``) and record it in the
        revision history with ``note``; True when saved.

        When the file changed on disk meanwhile, asks: reload, overwrite or cancel.
        """
        translate = QCoreApplication.translate
        if self.changed_on_disk():
            answer = self._ask(
                QMessageBox.Icon.Warning, translate("PlanEditor", "File changed on disk"),
                arg(translate("PlanEditor", "%1 was changed by another program since you "
                              "opened it."), self.path.name),
                {_Button.Reset: translate("PlanEditor", "Reload from disk"),
                 _Button.Save: translate("PlanEditor", "Overwrite"),
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
            QMessageBox.critical(self, translate("PlanEditor", "Plan editor"),
                                 arg(translate("PlanEditor",
                                               "The plan could not be saved:\n%1"), exc))
            return False
        self._disk_sha = file_sha(text.encode("utf-8"))
        self._deleted_at = None
        self.editor.document().setModified(False)
        if self._bar_state is not None and self._bar_state[0] in ("conflict", "deleted"):
            self._hide_bar()
        self._watch()
        self._record([*first, Snapshot(text, author=author_name(), note=note)])
        emit(self.saved, str(self.path))
        return True
