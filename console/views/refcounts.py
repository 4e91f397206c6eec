"""Keeping ``None``, ``True`` and ``False`` alive under PySide6 6.12.0.

Besides ``SignalInstance.emit()`` (see signals.py), many PySide6 6.12.0 methods that
return nothing (``QLabel.setText``, ``QWidget.update``, ``QPainter`` calls, …) hand
back ``None`` without a reference of its own: each call takes one reference away from
``None``, and on Python 3.11, where ``None`` is not immortal, about 5,000 such calls
abort the interpreter ("none_dealloc: deallocating None"). A view that paints in Python
(the editor's gutter) gets there in seconds. Python 3.12 makes these objects immortal;
``keep_singletons_alive`` does the same here by giving each a very large reference
count once. Extra references to objects that are never freed cost nothing.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["keep_singletons_alive"]

#: Far more references than any session can lose, far less than the counter can hold.
MARGIN = 1 << 40

_done = False


def keep_singletons_alive() -> None:
    """Make ``None``, ``True`` and ``False`` unfreeable (once per process; CPython)."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    _done = True
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += MARGIN
