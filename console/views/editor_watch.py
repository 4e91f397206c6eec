"""The plan editor's watch on its file: a change made elsewhere is reloaded when there
is nothing unsaved, else the bar above the text asks what to do (reload, keep mine,
compare); a deleted or unreadable file is said so there too.

``EditorWatch`` is a mixin of ``PlanEditor`` (it uses the editor's text, path and bar).
Its strings are translated in the ``PlanEditor`` context, as ``self.tr`` there does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, Qt, QTimer

from .i18n import arg
from .info_bar import InfoBar
from .revision_dialog import DiffDialog
from .signals import emit
from .vocabulary import label

if TYPE_CHECKING:
    from .code_editor import CodeEditor

__all__ = ["WATCH_DELAY_MS", "EditorWatch", "file_sha"]

#: Changes on disk come in bursts (an atomic replace is a create and a rename): the file
#: is looked at once they have settled.
WATCH_DELAY_MS = 150


def file_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class EditorWatch:
    """Watching the file, checking it on disk and the info bar's messages (with the
    editor's ``text``, ``modified`` and ``_load``)."""

    path: Path
    editor: CodeEditor
    info_bar: InfoBar
    _bar_state: tuple[str, ...] | None
    _disk_sha: str | None
    _conflict_sha: str | None
    _deleted_at: int | None
    _revision: int
    _watcher: QFileSystemWatcher
    _watch_timer: QTimer

    def _init_watch(self) -> None:
        self.info_bar = InfoBar()
        self._bar_state = None
        self._watcher = QFileSystemWatcher(self)
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self.check_disk)
        self._watcher.fileChanged.connect(lambda _: self._watch_timer.start())
        self._watcher.directoryChanged.connect(lambda _: self._watch_timer.start())

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
        sha = file_sha(data)
        if sha == self._disk_sha:
            return "same"  # our own save, or a touch
        if sha == file_sha(self.text.encode("utf-8")):  # it holds what the editor shows
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
        translate = QCoreApplication.translate
        dialog = DiffDialog(
            disk, self.text, arg(translate("PlanEditor", "%1 (on disk)"), name),
            arg(translate("PlanEditor", "%1 (editor)"), name),
            arg(translate("PlanEditor", "%1: on disk and in the editor"), name),
            translate("PlanEditor", "From the file on disk to the editor's text"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _show_bar(self, state: tuple[str, ...]) -> None:
        self._bar_state = state
        name = self.path.name
        kind = state[0]
        translate = QCoreApplication.translate
        if kind == "reloaded":
            self.info_bar.show_message("info", arg(
                translate("PlanEditor", "%1 was changed on disk and has been reloaded."), name))
        elif kind == "conflict":
            self.info_bar.show_message("warning", arg(
                translate("PlanEditor", "%1 was changed on disk by another program, and the editor "
                   "has unsaved changes."), name),
                [(translate("PlanEditor", "Reload (discard mine)"), "reload-disk", self.reload),
                 (translate("PlanEditor", "Keep mine"), "keep-mine", self.keep_mine),
                 (translate("PlanEditor", "Compare"), "compare-disk", self._compare_from_bar)])
        elif kind == "deleted":
            self.info_bar.show_message("warning", arg(
                translate("PlanEditor", "%1 was deleted on disk. Saving creates it again."), name))
        elif kind == "unreadable":
            self.info_bar.show_message("error", arg(
                translate("PlanEditor", "%1 cannot be read:\n%2"), name, state[1]))
        elif kind == "status-recorded":
            self.info_bar.show_message("info", arg(
                translate("PlanEditor",
                   "Status change recorded in the revision history: %1 → %2, %3, %4"),
                label("Status", state[1]) or "—", label("Status", state[2]) or "—",
                state[3] or translate("PlanEditor", "unknown"), state[4]))
        elif kind == "record-failed":
            self.info_bar.show_message("warning", arg(
                translate("PlanEditor",
                   "The plan was saved, but its revision could not be recorded: %1"),
                state[1]))

    def _compare_from_bar(self) -> None:
        self.info_bar.show()  # the question stays until it is answered
        self.compare_with_disk()

    def _hide_bar(self) -> None:
        self._bar_state = None
        self._conflict_sha = None
        self.info_bar.hide()

    def changed_on_disk(self) -> bool:
        """Whether the file is not what was opened or last saved (or is gone without the
        editor having noticed)."""
        try:
            current: str | None = file_sha(self.path.read_bytes())
        except FileNotFoundError:
            current = None
        except OSError:
            return True
        return current != self._disk_sha
