"""The emit workaround for PySide6 6.12.0 (see console/views/signals.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from console.views.signals import _incref, emit


class _Source(QObject):
    happened = Signal(str)


def test_emit_keeps_true_alive() -> None:
    """Emitting through emit() leaves the reference count of True as it was."""
    source = _Source()
    source.happened.connect(lambda text: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emit(source.happened, "x")
    assert sys.getrefcount(True) - before in range(-5, 6)


def test_pyside_still_needs_the_workaround() -> None:
    """PySide6's own emit() still returns a borrowed True. When this fails, PySide6 is
    fixed: remove console/views/signals.py and call signal.emit() again."""
    source = _Source()
    before = sys.getrefcount(True)
    for _ in range(50):
        source.happened.emit("x")
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)  # give back what the raw emits took
    assert lost >= 45
