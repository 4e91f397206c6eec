"""The reports page's table of recorded drills (a ``QAbstractTableModel``).

Rows come from the drill rows (``report_records.DrillListing``) at once; duration,
close-loop time and targets met/missed follow when the timelines have been measured
(``set_metrics``) — until then those cells say so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from .i18n import arg, current_language
from .report_records import DrillListing, DrillMetrics, roman
from .signals import emit

__all__ = ["COLUMNS", "DrillListModel", "clock_text", "local_time"]

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("DrillListModel", "Drill"),
    QT_TRANSLATE_NOOP("DrillListModel", "Plan"),
    QT_TRANSLATE_NOOP("DrillListModel", "Level"),
    QT_TRANSLATE_NOOP("DrillListModel", "Place"),
    QT_TRANSLATE_NOOP("DrillListModel", "Started"),
    QT_TRANSLATE_NOOP("DrillListModel", "Status"),
    QT_TRANSLATE_NOOP("DrillListModel", "Duration"),
    QT_TRANSLATE_NOOP("DrillListModel", "Close-loop time"),
    QT_TRANSLATE_NOOP("DrillListModel", "Targets"),
)
STATUSES = {
    "planned": QT_TRANSLATE_NOOP("DrillListModel", "planned"),
    "running": QT_TRANSLATE_NOOP("DrillListModel", "running"),
    "paused": QT_TRANSLATE_NOOP("DrillListModel", "paused"),
    "finished": QT_TRANSLATE_NOOP("DrillListModel", "ended"),
    "aborted": QT_TRANSLATE_NOOP("DrillListModel", "aborted"),
}
_STATUS_COLOURS = {"running": "#1b7f3b", "paused": "#a15c00", "aborted": "#777777",
                   "planned": "#777777"}


def clock_text(seconds: float | None) -> str:
    """Seconds from the alert as ``mm:ss`` or ``h:mm:ss`` (``—`` when unknown), as in
    the after-action report."""
    if seconds is None or math.isnan(seconds):
        return "—"
    minutes, secs = divmod(round(abs(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return ("-" if seconds < 0 and text != "00:00" else "") + text


def local_time(moment: dt.datetime | None) -> str:
    """A recorded UTC moment in the local time zone, to the minute (``—`` when None)."""
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


class DrillListModel(QAbstractTableModel):
    """Recorded drills, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drills: list[DrillListing] = []
        self._metrics: dict[str, DrillMetrics] = {}
        self.measuring = False

    # -- contents ------------------------------------------------------------------------

    def set_drills(self, drills: Sequence[DrillListing]) -> None:
        self.beginResetModel()
        self._drills = sorted(drills, key=lambda d: (d.started or d.incident_time.replace(
            tzinfo=dt.UTC), d.id), reverse=True)
        self._metrics = {}
        self.measuring = bool(drills)
        self.endResetModel()

    def set_metrics(self, metrics: dict[str, DrillMetrics]) -> None:
        self._metrics = dict(metrics)
        self.measuring = False
        if self._drills:
            emit(self.dataChanged, self.index(0, 1), self.index(len(self._drills) - 1, 8))

    def drill(self, row: int) -> DrillListing:
        return self._drills[row]

    def metrics(self, drill_id: str) -> DrillMetrics | None:
        return self._metrics.get(drill_id)

    def row_of(self, drill_id: str) -> int:
        """The row of a drill, -1 when it is not listed."""
        return next((r for r, d in enumerate(self._drills) if d.id == drill_id), -1)

    def drills(self) -> list[DrillListing]:
        return list(self._drills)

    def retranslate(self) -> None:
        if self._drills:
            emit(self.dataChanged, self.index(0, 0),
                 self.index(len(self._drills) - 1, len(COLUMNS) - 1))
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drills)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self.tr(str(COLUMNS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._drills):
            return None
        drill = self._drills[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(drill, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:  # the full name (the column may cut it short) and the id
                shown = self._text(drill, 0)
                return f"{shown} [{drill.id}]" if drill.name else shown
            metrics = self._metrics.get(drill.id)
            if column >= 6 and metrics is not None and metrics.problem:
                return metrics.problem
            return self._text(drill, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and drill.status in _STATUS_COLOURS:
                return QBrush(QColor(_STATUS_COLOURS[drill.status]))
            metrics = self._metrics.get(drill.id)
            if column == 8 and metrics is not None and not metrics.problem:
                colour = "#b71c1c" if metrics.missed else "#1b7f3b"
                return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return drill.id
        return None

    def _text(self, drill: DrillListing, column: int) -> str:
        if column == 0:
            name = drill.name or drill.id
            return arg(self.tr("%1 (real response)"), name) if drill.real else name
        if column == 1:
            metrics = self._metrics.get(drill.id)
            if metrics is not None and metrics.plan_titles[0]:
                return metrics.plan_titles[1 if current_language() == "en" else 0]
            return drill.plan_title
        if column == 2:
            return roman(drill.level)
        if column == 3:
            metrics = self._metrics.get(drill.id)
            if metrics is not None and metrics.places[0]:
                return metrics.places[1 if current_language() == "en" else 0]
            return drill.place
        if column == 4:
            return local_time(drill.started)
        if column == 5:
            status = STATUSES.get(drill.status)
            return self.tr(str(status)) if status else drill.status
        metrics = self._metrics.get(drill.id)
        if metrics is None:
            return self.tr("measuring…") if self.measuring else "—"
        if metrics.problem:
            return self.tr("cannot be measured") if column == 8 else "—"
        if column == 6:
            return clock_text(metrics.duration)
        if column == 7:
            return clock_text(metrics.close_loop)
        if not metrics.met and not metrics.missed and not metrics.pending:
            return self.tr("no targets")
        if metrics.pending:
            return arg(self.tr("%1 met · %2 missed · %3 pending"), metrics.met, metrics.missed,
                       metrics.pending)
        return arg(self.tr("%1 met · %2 missed"), metrics.met, metrics.missed)
