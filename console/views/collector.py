"""Python's cyclic garbage collector, run on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate: on a worker thread
(plans are loaded there) it may free a Python wrapper that owns a Qt object of the GUI
thread, and Qt then destroys that object from the wrong thread — a crash. So automatic
collection is switched off and a timer on the GUI thread collects instead, a generation
at a time, whenever the collector's own thresholds say so (qutebrowser does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Qt, QTimer

__all__ = ["GuiThreadCollector"]


class GuiThreadCollector(QObject):
    """While it exists, cyclic garbage is collected only on the thread that made it."""

    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms, timerType=Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns the
        number of unreachable objects found (0 when nothing was due)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [gen for gen in range(3) if thresholds[gen] and counts[gen] > thresholds[gen]]
        return gc.collect(due[-1]) if due else 0
