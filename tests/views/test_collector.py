"""Garbage is collected on the GUI thread only (console/views/collector.py)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from console.views.collector import GuiThreadCollector


def test_collects_on_the_gui_thread_when_due() -> None:
    """Automatic collection is off; collect_due() collects once a threshold is passed."""
    owner = QObject()
    collector = GuiThreadCollector(owner)
    assert not gc.isenabled()
    gc.collect()
    assert collector.collect_due() == 0
    for _ in range(gc.get_threshold()[0] + 10):
        cycle: list[object] = []
        cycle.append(cycle)
    assert collector.collect_due() > 0
