"""The roster view (人员): everyone who can be mobilised, filtered, imported, exported.

The roster in use (the store's — ``db``, else ``$CONSOLE_DB_URL``, else the default
SQLite file, as for ``roster import --apply`` — else the demo roster, marked 演示数据
DEMO DATA) is loaded on a worker thread the first time the view is shown. The table is a
``RosterTableModel`` behind a ``RosterFilter`` (roster_model.py). Import (a roster, with
or without its duty rota, or a duty rota alone) reads the file and compares it on a
worker thread, shows the preview (roster_import_dialog.py), and on Apply saves the new
roster in the store with an import-history record on a worker thread, then reloads.
Import history lists the store's records (roster_history.py). Export writes everyone,
or the rows shown, or the duty rota, as .xlsx or .csv with headers in the UI language
(the format import reads back). The store and file work is in roster_data.py; import,
history and export are run from roster_exchange.py, the filters from roster_filters.py
(mixins of ``RosterView``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import partial

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.roster.demo import DEMO_LABEL
from console.roster.model import Roster
from console.store import ImportRecord

from .i18n import arg
from .menu_button import MenuToolButton
from .roster_data import (
    RosterChanged,
    RosterInUse,
    load_in_use,
)
from .roster_exchange import RosterExchange
from .roster_filters import RosterFilters
from .roster_history import ImportHistoryDialog
from .roster_import_dialog import RosterImportDialog
from .roster_model import RosterFilter, RosterTableModel
from .signals import emit
from .workers import run_in_background

__all__ = ["RosterView"]

log = logging.getLogger(__name__)
_EXCEPTION_PREFIX = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception): ")


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class RosterView(RosterExchange, RosterFilters, QWidget):
    """The roster section. ``loaded`` after each (re)load; ``previewShown`` when an
    import preview opens; ``applied`` once an import is saved (a reload follows);
    ``exported(path)``; ``historyShown`` when the import history is filled;
    ``failed(message)`` when anything goes wrong. ``db``: the store's URL (default:
    ``$CONSOLE_DB_URL``, else the SQLite file in the user data folder)."""

    loaded = Signal()
    previewShown = Signal()
    applied = Signal()
    exported = Signal(str)
    historyShown = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, db: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.loading = False
        self._requested = False
        self._loads = 0  # the latest reload() wins
        self.in_use: RosterInUse | None = None
        self.import_dialog: RosterImportDialog | None = None
        self.history_dialog: ImportHistoryDialog | None = None
        self.last_import: ImportRecord | None = None
        self._keep_message = False

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

        self.reload_action = QAction(self, triggered=self.reload)
        self.import_action = QAction(self, triggered=self._ask_import,
                                     shortcut=QKeySequence("Ctrl+I"))
        self.import_rota_action = QAction(self, triggered=self._ask_import_rota)
        self.history_action = QAction(self, triggered=self.show_history,
                                      shortcut=QKeySequence("Ctrl+H"))
        self.export_action = QAction(self, triggered=self._ask_export,
                                     shortcut=QKeySequence("Ctrl+Shift+E"))
        self.export_shown_action = QAction(self, triggered=self._ask_export_shown)
        self.export_rota_action = QAction(self, triggered=self._ask_export_rota)
        self.import_menu = QMenu(self)
        self.import_menu.addActions([self.import_action, self.import_rota_action])
        self.export_menu = QMenu(self)
        self.export_menu.addActions([self.export_action, self.export_shown_action,
                                     self.export_rota_action])
        self.import_button = MenuToolButton(objectName="roster-import", menu=self.import_menu)
        self.export_button = MenuToolButton(objectName="roster-export", menu=self.export_menu)
        for button in (self.import_button, self.export_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = QToolBar()
        self.toolbar.addAction(self.reload_action)
        self.toolbar.addWidget(self.import_button)
        self.toolbar.addWidget(self.export_button)
        self.toolbar.addAction(self.history_action)
        # Shortcuts work while the menus are closed.
        self.addActions([self.import_action, self.export_action])

        self.banner = QLabel(objectName="roster-demo", wordWrap=True)
        self.banner.setStyleSheet("QLabel { background: #fff3cd; color: #7a4b00; "
                                  "border: 1px solid #e0b252; padding: 4px 8px; "
                                  "font-weight: bold; }")
        self.banner.hide()
        self.source = QLabel(objectName="roster-source", wordWrap=True)
        self.source.setStyleSheet("QLabel { color: #5f6368; }")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source.hide()
        self.message = QLabel(objectName="roster-message", wordWrap=True)
        self.message.setStyleSheet("QLabel { color: #b71c1c; }")
        self.message.hide()
        self.info = QLabel(objectName="roster-info", wordWrap=True)
        self.info.setStyleSheet("QLabel { color: #1b5e20; }")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.hide()
        self._info: tuple[str, tuple[object, ...]] | None = None  # (kind, values): retranslated

        self.unit_box = QComboBox(objectName="roster-unit")
        self.village_box = QComboBox(objectName="roster-village")
        self.tag_box = QComboBox(objectName="roster-tag")
        self.availability_box = QComboBox(objectName="roster-availability")
        self.moment_edit = QDateTimeEdit(objectName="roster-moment", calendarPopup=True)
        self.moment_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.moment_edit.setDateTime(QDateTime(self.model.moment))
        self.now_button = QPushButton(objectName="roster-now", clicked=self.set_now)
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
        filters.addWidget(self.now_button)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.source)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
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
        """Load the roster in use (store, else demo) off the GUI thread."""
        self._requested = True
        self.loading = True
        self._loads += 1
        self._update_count()
        db = self.db
        run_in_background(lambda: load_in_use(db), partial(self._loaded, self._loads),
                          self._failed, self)

    def _loaded(self, load: int, in_use: RosterInUse) -> None:
        if load == self._loads:  # else a later reload is on its way
            self.set_roster(in_use.roster, in_use)

    def set_roster(self, roster: Roster, in_use: RosterInUse | None = None) -> None:
        """Show ``roster`` (filters that no longer apply are cleared); ``in_use`` says
        where it came from."""
        self._requested = True
        self.loading = False
        self.in_use = in_use
        self.model.set_roster(roster)
        self._fill_filters()
        self.banner.setVisible(roster.demo)
        if not self._keep_message:
            self.message.hide()
        self._keep_message = False
        self._apply_filters()
        self._retranslate_source()
        emit(self.loaded)

    def _failed(self, error: str) -> None:
        self.loading = False
        log.error("roster view: %s", error)
        last = error.strip().splitlines()[-1] if error.strip() else error
        if last.startswith(f"{RosterChanged.__module__}.{RosterChanged.__name__}"):
            self.message.setText(self.tr(
                "The roster in use changed since the preview (another import came in "
                "between); nothing was imported. Import the file again to see the changes "
                "against the roster now in use."))
            self._keep_message = True  # through the reload that follows
            self.reload()
        else:
            self.message.setText(arg(self.tr("Something went wrong: %1"),
                                     _EXCEPTION_PREFIX.sub("", last)))
        self.message.show()
        self._update_count()
        QTimer.singleShot(0, self, partial(emit, self.failed, last))

    def _say(self, kind: str, *values: object) -> None:
        """A confirmation above the table (kept in the UI language)."""
        self._info = (kind, values)
        self._retranslate_info()
        self.info.show()

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
            self._fill_filters()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.reload_action.setText(self.tr("Reload"))
        self.reload_action.setToolTip(self.tr("Read the roster in use from the database again"))
        self.import_button.setText(self.tr("Import"))
        self.import_button.setToolTip(self.tr("Import a roster or a duty rota from Excel "
                                              "(.xlsx) or CSV"))
        self.import_action.setText(self.tr("Roster…"))
        self.import_action.setToolTip(self.tr("Import a roster from Excel (.xlsx) or CSV"))
        self.import_rota_action.setText(self.tr("Duty rota…"))
        self.import_rota_action.setToolTip(self.tr(
            "Import a duty rota (值班表) for the people of the roster in use"))
        self.history_action.setText(self.tr("Import history…"))
        self.history_action.setToolTip(self.tr("Who imported which roster, and when"))
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Export the roster or the duty rota as Excel "
                                              "(.xlsx) or CSV"))
        self.export_action.setText(self.tr("Everyone…"))
        self.export_action.setToolTip(self.tr("Export the whole roster"))
        self.export_shown_action.setText(self.tr("Rows shown…"))
        self.export_shown_action.setToolTip(self.tr(
            "Export the people the filters show, in the order shown"))
        self.export_rota_action.setText(self.tr("Duty rota…"))
        self.export_rota_action.setToolTip(self.tr("Export the duty rota (值班表)"))
        self.import_menu.setTitle(self.import_button.text())
        self.export_menu.setTitle(self.export_button.text())
        self.banner.setText(arg(self.tr(
            "%1 — synthetic names, masked phone numbers. Import the township's roster "
            "with Import ▸ Roster…"), DEMO_LABEL))
        self._unit_label.setText(self.tr("&Unit:"))
        self._village_label.setText(self.tr("&Village:"))
        self._tag_label.setText(self.tr("&Skill:"))
        self._availability_label.setText(self.tr("&Availability:"))
        self._moment_label.setText(self.tr("a&t:"))
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Availability at the present moment"))
        self.clear_button.setText(self.tr("Clear filters"))
        self._update_count()
        self._retranslate_source()
        self._retranslate_info()
        if self.unit_box.count() == 0:
            self._fill_filters()

    def _retranslate_source(self) -> None:
        in_use = self.in_use
        if in_use is None:
            self.source.hide()
            return
        last = in_use.last
        if in_use.demo:
            text = arg(self.tr("Source: the demo roster — no roster imported yet in the "
                               "database %1"), in_use.database)
        elif last is None:
            text = arg(self.tr("Source: %1 (database %2)"), in_use.roster.source,
                       in_use.database)
        else:
            text = arg(self.tr("Source: %1, imported %2 by %3 (import #%4) · %5 duty/leave "
                               "entries · database %6"),
                       last.file_name, _local(last.imported_at), last.imported_by, last.id,
                       len(in_use.roster.shifts), in_use.database)
        self.source.setText(text)
        self.source.show()

    def _retranslate_info(self) -> None:
        if self._info is None:
            return
        kind, values = self._info
        if kind == "imported":
            text = arg(self.tr("Imported %1: %2 people saved in the database (import #%3)."),
                       *values)
        elif kind == "rota":
            text = arg(self.tr("Exported %1 duty/leave entries to %2"), *values)
        else:
            text = arg(self.tr("Exported %1 people to %2"), *values)
        self.info.setText(text)
