"""The history of roster imports (导入记录): when, by whom, which file, how many people,
what changed — read from the store (``console.store.import_history``, the same records
``python -m console roster history`` prints) on a worker thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.store import ImportRecord

from .i18n import arg
from .roster_data import History, load_history
from .signals import emit
from .workers import run_in_background

__all__ = ["ImportHistoryDialog"]

log = logging.getLogger(__name__)


class ImportHistoryDialog(QDialog):
    """Every import, newest first; the one in use is marked. ``loaded`` once filled,
    ``failed(message)`` when the store cannot be read."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, db: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.history: History | None = None
        self.error: str | None = None
        self.setMinimumSize(860, 360)
        self.resize(1060, 420)
        self.where = QLabel(objectName="history-database", wordWrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 8, objectName="history-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 130, 90, 230, 60, 260, 110)):
            header.resizeSection(column, width)
        self.note = QLabel(objectName="history-note", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(clicked=self.reload)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._retranslate()

    def reload(self) -> None:
        """Read the history off the GUI thread."""
        db = self.db
        self.error = None
        run_in_background(lambda: load_history(db), self._loaded, self._failed, self)

    def _loaded(self, history: History) -> None:
        self.history = history
        self._fill()
        emit(self.loaded)

    def _failed(self, error: str) -> None:
        log.error("import history: %s", error)
        last = error.strip().splitlines()[-1] if error.strip() else error
        self.error = last
        self._retranslate()
        emit(self.failed, last)

    def _fill(self) -> None:
        records = list(reversed(self.history.records)) if self.history else []
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            cells = [f"#{record.id}", _local(record), record.imported_by, record.file_name,
                     str(record.people), self._result(record), record.sha256[:12],
                     self.tr("in use") if row == 0 else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == 6:
                    item.setToolTip(record.sha256)
                if column == 3:
                    item.setToolTip(record.file_name)
                if row == 0:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self._retranslate()

    def _result(self, record: ImportRecord) -> str:
        if not (record.added or record.changed or record.removed):
            return self.tr("people unchanged")
        return arg(self.tr("added %1 · changed %2 · removed %3"), record.added,
                   record.changed, record.removed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self.history is not None:
                self._fill()  # also retranslates
            else:
                self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Roster import history"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Imported at"), self.tr("Imported by"), self.tr("File"),
            self.tr("People"), self.tr("Result"), self.tr("SHA-256"), self.tr("Status")])
        history = self.history
        if self.error is not None:
            self.where.setText(arg(self.tr("The import history cannot be read: %1"),
                                   self.error))
            self.note.setText("")
            return
        if history is None:
            self.where.setText(self.tr("Reading the import history…"))
            self.note.setText("")
            return
        self.where.setText(arg(self.tr("Database: %1"), history.database))
        if not history.records:
            self.note.setText(self.tr(
                "No imports yet: the demo roster (演示数据 DEMO DATA) is in use. Import the "
                "township's roster with Import ▸ Roster…"))
        else:
            last = history.records[-1]
            self.note.setText(arg(self.tr("%1 import(s); in use: #%2 (%3, %4 people)."),
                                  len(history.records), last.id, last.file_name, last.people))


def _local(record: ImportRecord) -> str:
    return record.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
