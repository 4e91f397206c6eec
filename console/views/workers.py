"""Work off the GUI thread: a function runs on Qt's thread pool, its result comes back
to the GUI thread by signal."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .signals import emit

__all__ = ["Task", "run_in_background"]

log = logging.getLogger(__name__)


class Task(QObject):
    """One background call. ``done(result)`` or ``failed(traceback text)`` is emitted once
    and delivered in the thread of the receiver (the GUI thread for widgets)."""

    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, task: Task, work: Callable[[], Any]) -> None:
        super().__init__()
        self._task = task
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception:
            self._emit(self._task.failed, traceback.format_exc())
        else:
            self._emit(self._task.done, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            emit(signal, value)
        except RuntimeError:  # the requester, and the task with it, is gone
            log.debug("background result dropped: its receiver no longer exists")


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
    parent: QObject,
) -> Task:
    """Run ``work()`` on the global thread pool; then ``on_done(result)`` or
    ``on_failed(traceback)`` on ``parent``'s thread. The task dies with ``parent``."""
    task = Task(parent)
    task.done.connect(on_done)
    task.failed.connect(on_failed)
    task.done.connect(task.deleteLater)
    task.failed.connect(task.deleteLater)
    QThreadPool.globalInstance().start(_Job(task, work))
    return task
