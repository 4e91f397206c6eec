"""The reports section (报告): the drills recorded in the store, one drill's summary, and
its after-action report (演练评估报告) exported as Word (.docx), PDF or HTML.

Everything that touches the store runs on a worker thread (``report_records``): the
list of drills the first time the page is shown (and on Refresh), then the timelines
measured for the list's duration, close-loop and target columns, the summary of the
selected drill, and the export. The store is ``database`` (a URL), else
``$CONSOLE_DB_URL``, else the user's SQLite file — the one ``python -m console drill``
records into. A store that cannot be read is shown as a message in the page. The export
is in ``report_export.py`` (a mixin of ``ReportPage``).
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .i18n import arg
from .report_export import ReportExport, report_language
from .report_list_model import DrillListModel
from .report_records import (
    FORMATS,
    DrillListing,
    DrillMetrics,
    DrillSummary,
    Failure,
    Listing,
    list_recorded,
    measure_listed,
    summarize,
)
from .report_summary import SummaryPanel
from .settings import Settings
from .signals import emit
from .workers import run_in_background

__all__ = ["RECORD_COMMAND", "ReportPage"]

log = logging.getLogger(__name__)

#: The command that records a drill, for the empty page.
RECORD_COMMAND = ("python -m console drill run forest-fire --level IV --at 胜地社区 "
                  "--speed max")


class ReportPage(ReportExport, QWidget):
    """The reports section. ``loaded`` after each (re)load of the list (also when it is
    empty or failed), ``measured`` once the list's timelines are measured,
    ``summaryShown(id)``, ``exported(path)``, ``exportFailed(message)``, and
    ``failed(message)`` when the store cannot be read."""

    loaded = Signal()
    measured = Signal()
    summaryShown = Signal(str)
    exported = Signal(str)
    exportFailed = Signal(str)
    failed = Signal(str)

    def __init__(self, database: str | None = None, parent: QWidget | None = None, *,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.database = database
        #: The window's settings (shared, so that saving them at exit keeps the folder).
        self.settings = settings if settings is not None else Settings.load()
        self.loading = False
        self.exporting = False
        self.location = ""
        self.error = ""  # the store's problem, while the page shows it
        self.export_message: QMessageBox | None = None
        self._requested = False
        self._loads = 0  # the latest refresh() wins
        self._summaries = 0  # the latest selection wins
        self._export_format = ""

        self.model = DrillListModel(self)
        self.table = QTableView(objectName="report-drills")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the drill's name
        header.setMinimumSectionSize(36)
        for column, width in enumerate((170, 160, 40, 80, 118, 58, 70, 80, 120)):
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.summary = SummaryPanel()

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.refresh_action = QAction(self, triggered=self.refresh,
                                      shortcut=QKeySequence("Ctrl+Shift+R"))
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addSeparator()
        self.export_actions: dict[str, QAction] = {}
        for fmt in FORMATS:
            action = QAction(self, triggered=lambda _=False, f=fmt: self._ask_export(f))
            self.export_actions[fmt] = action
            self.toolbar.addAction(action)
        self.busy = QProgressBar(objectName="report-busy")
        self.busy.setRange(0, 0)  # busy, no percentage
        self.busy.setFixedWidth(120)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(objectName="report-busy-label")
        self.count = QLabel(objectName="report-count")
        self.count.setStyleSheet("QLabel { color: #555555; }")
        bar = QHBoxLayout()
        bar.addWidget(self.toolbar)
        bar.addWidget(self.busy)
        bar.addWidget(self.busy_label)
        bar.addStretch(1)
        bar.addWidget(self.count)
        self._set_busy("")

        self.message = QLabel(objectName="report-message", wordWrap=True)
        self.message.setStyleSheet("QLabel { color: #b71c1c; }")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.empty = QLabel(objectName="report-empty", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setStyleSheet("QLabel { color: #444444; padding: 32px; }")
        self.problem = QLabel(objectName="report-error", wordWrap=True)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet("QLabel { color: #b71c1c; padding: 32px; }")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.summary)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([940, 560])
        self.stack = QStackedWidget()
        for widget in (self.splitter, self.empty, self.problem):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self._retranslate()
        self._update_actions()

    # -- the list ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._requested:
            self.refresh()

    def refresh(self) -> None:
        """(Re)read the recorded drills off the GUI thread."""
        self._requested = True
        self.loading = True
        self._loads += 1
        self._update_count()
        database = self.database
        run_in_background(lambda: list_recorded(database), partial(self._listed, self._loads),
                          partial(self._crashed, self._loads), self)

    def _listed(self, load: int, result: Listing | Failure) -> None:
        if load != self._loads:
            return  # a later refresh is on its way
        self.loading = False
        if isinstance(result, Failure):
            self._show_error(result)
            emit(self.loaded)
            return
        self.error = ""
        self.location = result.location
        self.message.hide()
        current = self.selected_id()
        self.model.set_drills(result.drills)
        self._update_count()
        if not result.drills:
            self.summary.show_note("")
            self.stack.setCurrentWidget(self.empty)
            self._update_actions()
            self._retranslate_empty()
            emit(self.loaded)
            return
        self.stack.setCurrentWidget(self.splitter)
        row = self.model.row_of(current) if current else -1
        self.select_row(max(row, 0))
        database, ids = self.database, [d.id for d in result.drills]
        run_in_background(lambda: measure_listed(database, ids), partial(self._measured, load),
                          partial(self._measure_crashed, load), self)
        emit(self.loaded)

    def _measured(self, load: int, result: dict[str, DrillMetrics] | Failure) -> None:
        if load != self._loads:
            return
        if isinstance(result, Failure):
            self.model.set_metrics({})
            self._show_message(result.message)
        else:
            self.model.set_metrics(result)
        self._fit_columns()
        emit(self.measured)

    def _measure_crashed(self, load: int, error: str) -> None:
        log.error("reports page, measuring: %s", error)
        if load == self._loads:
            last = error.strip().splitlines()[-1] if error.strip() else error
            self._measured(load, Failure(arg(self.tr("Something went wrong: %1"), last)))

    def _fit_columns(self) -> None:
        """The columns after the name fit their (visible) contents and headers; the name
        takes the rest."""
        for column in range(1, self.model.columnCount()):
            self.table.resizeColumnToContents(column)
        header = self.table.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 180))  # long English plan titles

    def _show_error(self, failure: Failure) -> None:
        """The store cannot be read: say so in the page, keep nothing of the old list."""
        self.error = failure.message
        self.location = failure.location or self.location
        self.model.set_drills([])
        self.model.set_metrics({})
        self.summary.show_note("")
        self.stack.setCurrentWidget(self.problem)
        self._retranslate_empty()
        self._update_count()
        self._update_actions()
        emit(self.failed, failure.message)

    def _crashed(self, load: int, error: str) -> None:
        """A bug (not a store problem): logged with its traceback, one line shown."""
        log.error("reports page: %s", error)
        if load != self._loads:
            return
        self.loading = False
        last = error.strip().splitlines()[-1] if error.strip() else error
        self._show_message(arg(self.tr("Something went wrong: %1"), last))
        self._update_count()
        emit(self.loaded)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def select_drill(self, drill_id: str) -> None:
        self.select_row(self.model.row_of(drill_id))

    def selected(self) -> DrillListing | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.stack.currentWidget() is not self.splitter:
            return None
        return self.model.drill(index.row())

    def selected_id(self) -> str:
        drill = self.selected()
        return drill.id if drill is not None else ""

    # -- the summary ---------------------------------------------------------------------

    def _current_changed(self, *_: Any) -> None:
        self._update_actions()
        self._request_summary()

    def _request_summary(self) -> None:
        drill = self.selected()
        self._summaries += 1
        if drill is None:
            self.summary.show_note("")
            return
        if self.summary.summary is None or self.summary.summary.listing.id != drill.id:
            self.summary.show_note(self.tr("Reading the drill's timeline…"))
        database, lang, drill_id = self.database, report_language(), drill.id
        run_in_background(lambda: summarize(database, drill_id, lang),
                          partial(self._summarized, self._summaries),
                          partial(self._summary_crashed, self._summaries), self)

    def _summarized(self, request: int, result: DrillSummary | Failure) -> None:
        if request != self._summaries:
            return
        if isinstance(result, Failure):
            self.summary.show_note(arg(self.tr("The summary cannot be shown: %1"),
                                       result.message))
            return
        self.summary.show_summary(result)
        emit(self.summaryShown, result.listing.id)

    def _summary_crashed(self, request: int, error: str) -> None:
        log.error("reports page, summary: %s", error)
        if request == self._summaries:
            last = error.strip().splitlines()[-1] if error.strip() else error
            self.summary.show_note(arg(self.tr("Something went wrong: %1"), last))

    # -- state ---------------------------------------------------------------------------

    def _set_busy(self, text: str) -> None:
        self.busy.setVisible(bool(text))
        self.busy_label.setText(text)
        self.busy_label.setVisible(bool(text))

    def _update_actions(self) -> None:
        can = self.selected() is not None and not self.exporting
        for action in self.export_actions.values():
            action.setEnabled(can)

    def _update_count(self) -> None:
        if self.loading:
            self.count.setText(self.tr("Reading the drill records…"))
        elif self.error:
            self.count.setText("")
        else:
            self.count.setText(arg(self.tr("%1 drill(s) recorded"), self.model.rowCount()))
        self.count.setToolTip(arg(self.tr("Database: %1"), self.location)
                              if self.location else "")

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
            self._fit_columns()
            if self.summary.summary is not None:
                self._request_summary()  # the summary's plan texts are in its language
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.refresh_action.setText(self.tr("Refresh"))
        self.refresh_action.setToolTip(self.tr("Read the drill records again (Ctrl+Shift+R)"))
        texts = {"docx": (self.tr("Export Word…"),
                          self.tr("Export the after-action report as a Word document "
                                  "(.docx)")),
                 "pdf": (self.tr("Export PDF…"), self.tr("Export the after-action report as "
                                                         "PDF")),
                 "html": (self.tr("Export HTML…"), self.tr("Export the after-action report "
                                                           "as a web page (.html)"))}
        for fmt, (text, tip) in texts.items():
            self.export_actions[fmt].setText(text)
            self.export_actions[fmt].setToolTip(tip)
        if self.exporting:
            self._set_busy(arg(self.tr("Writing the report (%1)…"), self._export_format.upper()))
        self._retranslate_empty()
        self._update_count()

    def _retranslate_empty(self) -> None:
        where = self.location or self.tr("the default database")
        self.empty.setText(arg(self.tr(
            "No drills recorded yet.\n\nA drill is recorded in the database as it runs, "
            "for example from the command line:\n\n%1\n\nThen choose Refresh.\n\n"
            "Database: %2"), RECORD_COMMAND, where))
        self.problem.setText(arg(self.tr(
            "The drill records cannot be read.\n\n%1\n\nDatabase: %2\n\nNothing was "
            "changed in it. Fix the problem (or set CONSOLE_DB_URL to another database), "
            "then choose Refresh."), self.error, where) if self.error else "")
