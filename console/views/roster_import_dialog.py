"""The preview of a roster import: what would be added, changed and removed, or the
row-precise problems (``file:row:column: problem``) of a bad file.

The dialog only shows; the roster view reads the file (on a worker thread) before and
saves the new roster (on a worker thread) after it is accepted. When the file has any
error, Apply is disabled: nothing is ever half-imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.roster.model import Person, Roster
from console.roster.roster_import import RosterDiff, RosterImport
from console.roster.table_columns import PEOPLE_COLUMNS

from .i18n import arg, current_language
from .vocabulary import label

__all__ = ["RosterImportDialog"]

_FIELD_NAMES = {c.key: c for c in PEOPLE_COLUMNS}
_LIST_LIMIT = 2000  # more lines than anyone reads; the counts stay exact


class RosterImportDialog(QDialog):
    """Preview of importing ``path`` over ``base``; Apply is enabled only for a good file."""

    def __init__(self, path: str, base: Roster, result: RosterImport, diff: RosterDiff | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.base, self.result, self.diff = path, base, result, diff
        self.setMinimumSize(720, 480)
        self.summary = QLabel(objectName="import-summary", wordWrap=True)
        self.tabs = QTabWidget()
        self.added = QListWidget(objectName="import-added")
        self.changed = QListWidget(objectName="import-changed")
        self.removed = QListWidget(objectName="import-removed")
        self.problems = QListWidget(objectName="import-problems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton()
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        new = result.roster
        self.apply_button.setEnabled(new is not None and diff is not None)
        self.problems.setWordWrap(True)  # a problem line names the file, row and column
        for problem in result.problems:
            item = QListWidgetItem(str(problem))
            item.setToolTip(str(problem))
            self.problems.addItem(item)
        if new is not None and diff is not None:
            self._fill(self.added, diff.added, new)
            for change in diff.changed[:_LIST_LIMIT]:
                self.changed.addItem(self._change_text(change.before, change.after,
                                                       change.fields, new))
            self._fill(self.removed, diff.removed, base)
        self._retranslate()

    @property
    def can_apply(self) -> bool:
        return self.apply_button.isEnabled()

    def _fill(self, target: QListWidget, people: tuple[Person, ...], roster: Roster) -> None:
        for person in people[:_LIST_LIMIT]:
            target.addItem(self._who(person, roster))

    @staticmethod
    def _who(person: Person, roster: Roster) -> str:
        return f"{person.id} {person.name} · {label('Unit', person.unit.value)} · {person.post}"

    def _change_text(self, before: Person, after: Person, fields: tuple[str, ...],
                     roster: Roster) -> str:
        lang = "en" if current_language() == "en" else "zh"
        names = "、".join(_FIELD_NAMES[f].label(lang) for f in fields if f in _FIELD_NAMES)
        return f"{self._who(after, roster)}: {names}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        name = Path(self.path).name
        self.setWindowTitle(arg(self.tr("Import roster: %1"), name))
        self.apply_button.setText(self.tr("Apply"))
        self.tabs.clear()
        result, diff = self.result, self.diff
        if result.roster is None or diff is None:
            self.summary.setText(arg(self.tr(
                "%1 cannot be imported: %2 problem(s). Fix them in the file and import it "
                "again; nothing was changed."), name, len(result.errors)))
            self.tabs.addTab(self.problems, arg(self.tr("Problems (%1)"), len(result.problems)))
            return
        base = self.tr("the demo roster") if self.base.demo else self.tr("the roster in use")
        self.summary.setText(arg(self.tr(
            "%1: %2 people, all rows valid. Compared with %3: added %4 · changed %5 · "
            "removed %6 · unchanged %7. Apply replaces the roster in use."),
            name, len(result.roster), base, len(diff.added), len(diff.changed),
            len(diff.removed), diff.unchanged))
        self.tabs.addTab(self.added, arg(self.tr("Added (%1)"), len(diff.added)))
        self.tabs.addTab(self.changed, arg(self.tr("Changed (%1)"), len(diff.changed)))
        self.tabs.addTab(self.removed, arg(self.tr("Removed (%1)"), len(diff.removed)))
        if result.problems:
            self.tabs.addTab(self.problems, arg(self.tr("Warnings (%1)"), len(result.problems)))
