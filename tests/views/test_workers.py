"""Background work: results and failures come back to the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from console.views.workers import run_in_background


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    """The work runs on another thread; its result is handled on the GUI thread."""
    owner = QObject()
    seen: list[tuple[object, threading.Thread]] = []
    run_in_background(lambda: threading.current_thread(),
                      lambda result: seen.append((result, threading.current_thread())),
                      lambda error: None, owner)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    worker, receiver = seen[0]
    assert worker is not threading.main_thread()
    assert receiver is threading.main_thread()


def test_failure_carries_the_traceback(qtbot: QtBot) -> None:
    """An exception in the work becomes a failed(traceback) signal, not a crash."""
    owner = QObject()
    errors: list[str] = []

    def broken() -> None:
        raise RuntimeError("boom")

    run_in_background(broken, lambda _: None, errors.append, owner)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "RuntimeError: boom" in errors[0]
