"""The preview of an import: a roster (people, optionally with a duty rota) or a duty
rota (值班表) alone — what would be added, changed and removed, or the row-precise
problems (``file:row:column: problem``) of a bad file.

The dialog only shows; the roster view reads the file (on a worker thread) before and
saves the new roster in the store (on a worker thread) after it is accepted. When a file
has any error, Apply is disabled: nothing is ever half-imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
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

from console.roster.model import DutyShift, Person, Roster, ShiftKind
from console.roster.roster_import import RosterDiff, RosterImport, ShiftDiff
from console.roster.table_columns import PEOPLE_COLUMNS

from .i18n import arg, current_language
from .roster_data import DEMO_ROTA_PROBLEM, ImportPreview
from .signals import emit
from .vocabulary import label

__all__ = ["RosterImportDialog"]

_FIELD_NAMES = {c.key: c for c in PEOPLE_COLUMNS}
_LIST_LIMIT = 2000  # more lines than anyone reads; the counts stay exact


def _who(person: Person) -> str:
    return f"{person.id} {person.name} · {label('Unit', person.unit.value)} · {person.post}"


def _shift_text(shift: DutyShift, roster: Roster) -> str:
    person = roster.by_id.get(shift.person)
    kind = (QCoreApplication.translate("RosterImportDialog", "duty")
            if shift.kind is ShiftKind.DUTY
            else QCoreApplication.translate("RosterImportDialog", "leave"))
    text = (f"{shift.person} {person.name if person else ''} · {kind} · "
            f"{shift.start:%Y-%m-%d %H:%M} – {shift.end:%Y-%m-%d %H:%M}")
    return text + (f" · {shift.note}" if shift.note else "")


class RosterImportDialog(QDialog):
    """Preview of an import; Apply is enabled only when every file is good.
    ``rotaRequested`` asks the view to preview the same people file with a duty rota."""

    rotaRequested = Signal()

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.path = preview.path
        self.base: Roster = preview.base.roster
        self.result: RosterImport = preview.result
        self.diff: RosterDiff | None = preview.people
        self.shift_diff: ShiftDiff | None = preview.shifts
        self.setMinimumSize(760, 500)
        self.summary = QLabel(objectName="import-summary", wordWrap=True)
        self.tabs = QTabWidget()
        self.added = QListWidget(objectName="import-added")
        self.changed = QListWidget(objectName="import-changed")
        self.removed = QListWidget(objectName="import-removed")
        self.shifts_added = QListWidget(objectName="import-shifts-added")
        self.shifts_removed = QListWidget(objectName="import-shifts-removed")
        self.problems = QListWidget(objectName="import-problems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton()
        self.rota_button = QPushButton(objectName="import-with-rota")
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        new = self.result.roster
        self.apply_button.setEnabled(preview.can_apply)
        if preview.kind == "roster" and preview.rota is None:
            # A people file can bring its duty rota along (roster import FILE --rota ROTA).
            self.buttons.addButton(self.rota_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.rota_button.clicked.connect(self._ask_rota)
        else:
            self.rota_button.hide()
        self.problems.setWordWrap(True)  # a problem line names the file, row and column
        for problem in self.result.problems:
            item = QListWidgetItem(str(problem))
            item.setToolTip(str(problem))
            self.problems.addItem(item)
        if new is not None and self.diff is not None and preview.kind == "roster":
            self._fill(self.added, self.diff.added)
            for change in self.diff.changed[:_LIST_LIMIT]:
                self.changed.addItem(self._change_text(change.after, change.fields))
            self._fill(self.removed, self.diff.removed)
        if new is not None and self.shift_diff is not None:
            for shift in self.shift_diff.added[:_LIST_LIMIT]:
                self.shifts_added.addItem(_shift_text(shift, new))
            for shift in self.shift_diff.removed[:_LIST_LIMIT]:
                self.shifts_removed.addItem(_shift_text(shift, self.base))
        self._retranslate()

    @property
    def can_apply(self) -> bool:
        return self.apply_button.isEnabled()

    def accept(self) -> None:
        if not self.can_apply:  # a bad file is never imported, even if forced
            self.reject()
            return
        super().accept()

    def _ask_rota(self) -> None:
        emit(self.rotaRequested)

    def _fill(self, target: QListWidget, people: tuple[Person, ...]) -> None:
        for person in people[:_LIST_LIMIT]:
            target.addItem(_who(person))

    @staticmethod
    def _change_text(after: Person, fields: tuple[str, ...]) -> str:
        lang = "en" if current_language() == "en" else "zh"
        sep = ", " if lang == "en" else "、"
        names = sep.join(_FIELD_NAMES[f].label(lang) for f in fields if f in _FIELD_NAMES)
        return f"{_who(after)}: {names}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        preview, result = self.preview, self.result
        names = " + ".join(Path(f).name for f in preview.files)
        if preview.kind == "rota":
            self.setWindowTitle(arg(self.tr("Import duty rota: %1"), names))
        else:
            self.setWindowTitle(arg(self.tr("Import roster: %1"), names))
        self.apply_button.setText(self.tr("Apply"))
        self.rota_button.setText(self.tr("With a duty rota…"))
        self.rota_button.setToolTip(self.tr(
            "Choose the duty rota (值班表) to import together with this roster"))
        self.tabs.clear()
        if result.roster is None:
            self._retranslate_problems(names)
            return
        if preview.kind == "rota":
            self._retranslate_rota(names)
        else:
            self._retranslate_roster(names)
        if result.problems:
            self.tabs.addTab(self.problems, arg(self.tr("Warnings (%1)"), len(result.problems)))
        for index in range(self.tabs.count()):  # open on the first list with something in it
            page = self.tabs.widget(index)
            if isinstance(page, QListWidget) and page.count():
                self.tabs.setCurrentIndex(index)
                break

    def _retranslate_problems(self, names: str) -> None:
        result = self.result
        if any(p.message == DEMO_ROTA_PROBLEM for p in result.problems):
            self.summary.setText(self.tr(
                "The roster in use is the demo roster. Import the township's roster first, "
                "then its duty rota; nothing was changed."))
        else:
            self.summary.setText(arg(self.tr(
                "%1 cannot be imported: %2 problem(s). Fix them in the file and import it "
                "again; nothing was changed."), names, len(result.errors)))
        self.tabs.addTab(self.problems, arg(self.tr("Problems (%1)"), len(result.problems)))

    def _retranslate_roster(self, names: str) -> None:
        new, diff, shifts = self.result.roster, self.diff, self.shift_diff
        assert new is not None and diff is not None and shifts is not None
        base = self.tr("the demo roster") if self.base.demo else self.tr("the roster in use")
        text = arg(self.tr(
            "%1: %2 people, all rows valid. Compared with %3: added %4 · changed %5 · "
            "removed %6 · unchanged %7. Apply replaces the roster in use."),
            names, len(new), base, len(diff.added), len(diff.changed),
            len(diff.removed), diff.unchanged)
        rota = arg(self.tr("Duty rota: %1 → %2 entries."), len(self.base.shifts),
                   len(new.shifts))
        if self.preview.rota is None and self.base.demo:
            rota += " " + self.tr("The demo rota is not carried over; add the township's "
                                  "with “With a duty rota…” or import it later.")
        elif self.result.dropped_shifts:
            rota += " " + arg(self.tr("%1 entries of removed people are dropped."),
                              self.result.dropped_shifts)
        self.summary.setText(text + "\n" + rota)
        self.tabs.addTab(self.added, arg(self.tr("Added (%1)"), len(diff.added)))
        self.tabs.addTab(self.changed, arg(self.tr("Changed (%1)"), len(diff.changed)))
        self.tabs.addTab(self.removed, arg(self.tr("Removed (%1)"), len(diff.removed)))
        if self.preview.rota is not None:
            self._shift_tabs()

    def _retranslate_rota(self, names: str) -> None:
        new, shifts = self.result.roster, self.shift_diff
        assert new is not None and shifts is not None
        self.summary.setText(arg(self.tr(
            "%1: %2 duty/leave entries, all rows valid. Compared with the rota in use: "
            "added %3 · removed %4 · unchanged %5. Apply replaces the duty rota; the "
            "people stay as they are."),
            names, len(new.shifts), len(shifts.added), len(shifts.removed), shifts.unchanged))
        self._shift_tabs()

    def _shift_tabs(self) -> None:
        shifts = self.shift_diff
        assert shifts is not None
        self.tabs.addTab(self.shifts_added, arg(self.tr("Rota entries added (%1)"),
                                                len(shifts.added)))
        self.tabs.addTab(self.shifts_removed, arg(self.tr("Rota entries removed (%1)"),
                                                  len(shifts.removed)))
