"""The roster view (人员): everyone who can be mobilised, filtered, imported, exported.

The roster in use (the store's, else the demo roster, marked 演示数据 DEMO DATA) is
loaded on a worker thread the first time the view is shown. The table is a
``RosterTableModel`` behind a ``RosterFilter`` (roster_model.py). Import reads the
file and compares it on a worker thread, shows the preview (roster_import_dialog.py),
and on Apply saves the new roster in the store on a worker thread, then reloads.
Export writes the whole roster as .xlsx or .csv (the format import reads back).
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.roster.demo import DEMO_LABEL, DEMO_TITLE
from console.roster.model import Availability, Roster
from console.roster.roster_import import RosterDiff, RosterImport, diff_people, import_roster
from console.roster.table_write import write_people

from .i18n import arg
from .roster_import_dialog import RosterImportDialog
from .roster_model import RosterFilter, RosterTableModel, _sorted_tags, availability_name, tag_name
from .signals import emit
from .vocabulary import label
from .workers import run_in_background

__all__ = ["RosterView", "load_roster_in_use"]

log = logging.getLogger(__name__)


def load_roster_in_use() -> Roster:
    """On a worker thread: the store's roster, else the demo roster."""
    from console.commands.roster import current_roster

    return current_roster()


def _preview(path: str) -> tuple[Roster, RosterImport, RosterDiff | None]:
    """On a worker thread: the roster in use, the file imported over it, the difference."""
    base = load_roster_in_use()
    result = import_roster(path, base)
    diff = diff_people(base.people, result.roster.people) if result.roster is not None else None
    return base, result, diff


def _apply(path: str, roster: Roster) -> int:
    """On a worker thread: save ``roster`` (read from ``path``) as the roster in use."""
    from console.store import open_store, save_roster

    with open_store() as store:
        return save_roster(store, roster, source=Path(path)).id


def _export(path: str, roster: Roster) -> str:
    write_people(path, roster, title=DEMO_TITLE if roster.demo else None)
    return path


class RosterView(QWidget):
    """The roster section. ``loaded`` after each (re)load; ``previewShown`` when an
    import preview opens; ``applied`` once an import is saved (a reload follows);
    ``exported(path)``; ``failed(message)`` when anything goes wrong."""

    loaded = Signal()
    previewShown = Signal()
    applied = Signal()
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loading = False
        self._requested = False
        self._loads = 0  # the latest reload() wins
        self.import_dialog: RosterImportDialog | None = None

        self.model = RosterTableModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="roster-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights and interactive columns: the view never measures 10,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((64, 80, 110, 150, 220, 290, 130, 150)):
            header.resizeSection(column, width)

        self.toolbar = QToolBar()
        self.reload_action = QAction(self, triggered=self.reload)
        self.import_action = QAction(self, triggered=self._ask_import,
                                     shortcut=QKeySequence("Ctrl+I"))
        self.export_action = QAction(self, triggered=self._ask_export,
                                     shortcut=QKeySequence("Ctrl+Shift+E"))
        for action in (self.reload_action, self.import_action, self.export_action):
            self.toolbar.addAction(action)

        self.banner = QLabel(objectName="roster-demo", wordWrap=True)
        self.banner.setStyleSheet("QLabel { background: #fff3cd; color: #7a4b00; "
                                  "border: 1px solid #e0b252; padding: 4px 8px; "
                                  "font-weight: bold; }")
        self.banner.hide()
        self.message = QLabel(objectName="roster-message", wordWrap=True)
        self.message.setStyleSheet("QLabel { color: #b71c1c; }")
        self.message.hide()

        self.unit_box = QComboBox(objectName="roster-unit")
        self.village_box = QComboBox(objectName="roster-village")
        self.tag_box = QComboBox(objectName="roster-tag")
        self.availability_box = QComboBox(objectName="roster-availability")
        self.moment_edit = QDateTimeEdit(objectName="roster-moment", calendarPopup=True)
        self.moment_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.moment_edit.setDateTime(QDateTime(self.model.moment))
        self.clear_button = QPushButton(clicked=self.clear_filters)
        self._unit_label, self._village_label, self._tag_label = QLabel(), QLabel(), QLabel()
        self._availability_label, self._moment_label = QLabel(), QLabel()
        self.count = QLabel(objectName="roster-count")
        filters = QHBoxLayout()
        for text, widget in ((self._unit_label, self.unit_box),
                             (self._village_label, self.village_box),
                             (self._tag_label, self.tag_box),
                             (self._availability_label, self.availability_box),
                             (self._moment_label, self.moment_edit)):
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        for box in (self.unit_box, self.village_box, self.tag_box, self.availability_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._apply_filters)
        self.moment_edit.dateTimeChanged.connect(self._moment_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._retranslate()

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._requested:
            self.reload()

    def reload(self) -> None:
        """Load the roster in use off the GUI thread."""
        self._requested = True
        self.loading = True
        self._loads += 1
        self._update_count()
        run_in_background(load_roster_in_use, partial(self._loaded, self._loads), self._failed,
                          self)

    def _loaded(self, load: int, roster: Roster) -> None:
        if load == self._loads:  # else a later reload is on its way
            self.set_roster(roster)

    def set_roster(self, roster: Roster) -> None:
        """Show ``roster`` (filters that no longer apply are cleared)."""
        self._requested = True
        self.loading = False
        self.model.set_roster(roster)
        self._fill_filters()
        self.banner.setVisible(roster.demo)
        self.message.hide()
        self._apply_filters()
        emit(self.loaded)

    def _failed(self, error: str) -> None:
        self.loading = False
        log.error("roster view: %s", error)
        last = error.strip().splitlines()[-1] if error.strip() else error
        self.message.setText(arg(self.tr("Something went wrong: %1"), last))
        self.message.show()
        self._update_count()
        QTimer.singleShot(0, self, partial(emit, self.failed, last))

    # -- filters -------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        roster = self.model.roster
        units = list(dict.fromkeys(p.unit.value for p in roster.people))
        villages = [(v.id, v.name) for v in roster.villages]
        known = {v.id for v in roster.villages}
        villages += [(v, v) for v in dict.fromkeys(p.village for p in roster.people)
                     if v and v not in known]
        tags = _sorted_tags(frozenset(t for p in roster.people for t in p.tags))
        self._refill(self.unit_box, [(u, label("Unit", u)) for u in units])
        self._refill(self.village_box, villages)
        self._refill(self.tag_box, [(t, tag_name(t)) for t in tags])
        self._refill(self.availability_box,
                     [(a.value, availability_name(a)) for a in Availability])

    def _refill(self, box: QComboBox, items: list[tuple[str, str]]) -> None:
        """All + ``items`` (data, text); keeps the current choice when still offered."""
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All"), None)
        for data, text in items:
            box.addItem(text, data)
        found = box.findData(current) if current is not None else -1
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    def set_filter(self, *, unit: str | None = None, village: str | None = None,
                   tag: str | None = None, availability: Availability | None = None) -> None:
        """Choose filters by id (a village also by name); None leaves one as it is."""
        if village is not None:
            found = self.model.roster.village(village)
            village = found.id if found else village
        for box, value in ((self.unit_box, unit), (self.village_box, village),
                           (self.tag_box, tag),
                           (self.availability_box, availability.value if availability else None)):
            if value is not None:
                index = box.findData(value)
                if index < 0:
                    raise ValueError(f"no such choice: {value}")
                box.setCurrentIndex(index)

    def set_moment(self, moment: dt.datetime) -> None:
        self.moment_edit.setDateTime(QDateTime(moment))

    def clear_filters(self) -> None:
        for box in (self.unit_box, self.village_box, self.tag_box, self.availability_box):
            box.setCurrentIndex(0)

    def _apply_filters(self) -> None:
        availability = self.availability_box.currentData()
        self.proxy.set_filters(unit=self.unit_box.currentData(),
                               village=self.village_box.currentData(),
                               tag=self.tag_box.currentData(),
                               availability=Availability(availability) if availability else None)
        self._update_count()

    def _moment_changed(self, moment: QDateTime) -> None:
        value: Any = moment.toPython()
        self.model.set_moment(value.replace(second=0, microsecond=0))
        self.proxy.refilter()
        self._update_count()

    def _update_count(self) -> None:
        if self.loading:
            self.count.setText(self.tr("Loading the roster…"))
            return
        self.count.setText(arg(self.tr("Showing %1 of %2 people"), self.proxy.rowCount(),
                               self.model.rowCount()))

    # -- import and export ---------------------------------------------------------------

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import roster"), "",
                                              self.tr("Rosters (*.xlsx *.csv)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read and check ``path`` off the GUI thread, then show the preview."""
        self.message.hide()
        run_in_background(lambda: _preview(path),
                          lambda outcome: self._show_preview(path, outcome), self._failed, self)

    def _show_preview(self, path: str, outcome: tuple[Roster, RosterImport, RosterDiff | None]
                      ) -> None:
        base, result, diff = outcome
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        dialog = RosterImportDialog(path, base, result, diff, self)
        dialog.accepted.connect(lambda: self._apply_import(path, result))
        self.import_dialog = dialog
        dialog.open()
        emit(self.previewShown)

    def _apply_import(self, path: str, result: RosterImport) -> None:
        roster = result.roster
        if roster is None:  # Apply is disabled for a bad file; never half-import
            return
        run_in_background(lambda: _apply(path, roster), self._imported, self._failed, self)

    def _imported(self, _record: object) -> None:
        emit(self.applied)
        self.reload()

    def _ask_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export roster"), "roster.xlsx",
            ";;".join((self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)"))))
        if not path:
            return
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the whole roster to ``path`` (.xlsx or .csv) off the GUI thread."""
        roster = self.model.roster
        run_in_background(lambda: _export(path, roster),
                          lambda done: emit(self.exported, done), self._failed, self)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
            self._fill_filters()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.reload_action.setText(self.tr("Reload"))
        self.import_action.setText(self.tr("Import…"))
        self.import_action.setToolTip(self.tr("Import a roster from Excel (.xlsx) or CSV"))
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(self.tr("Export the roster as Excel (.xlsx) or CSV"))
        self.banner.setText(arg(self.tr(
            "%1 — synthetic names, masked phone numbers. Import the township's roster "
            "with Import…"), DEMO_LABEL))
        self._unit_label.setText(self.tr("&Unit:"))
        self._village_label.setText(self.tr("&Village:"))
        self._tag_label.setText(self.tr("&Skill:"))
        self._availability_label.setText(self.tr("&Availability:"))
        self._moment_label.setText(self.tr("a&t:"))
        self.clear_button.setText(self.tr("Clear filters"))
        self._update_count()
        if self.unit_box.count() == 0:
            self._fill_filters()
