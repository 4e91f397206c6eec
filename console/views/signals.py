"""Emitting a Qt signal from Python without losing a reference to ``True``.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without a reference of its
own: every emit from Python takes one reference away from ``True``, and on Python 3.11,
where ``True`` is not immortal, the interpreter aborts sooner or later ("bool_dealloc:
deallocating True or False"). ``emit`` gives the reference back. Should a later PySide6
return a proper reference, the reference given back only keeps ``True`` alive, which it
is anyway; tests/views/test_signals.py notices when the workaround can go.
"""

from __future__ import annotations

import ctypes
from typing import Any

__all__ = ["emit"]

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: Any, *args: object) -> None:
    """``signal.emit(*args)``, keeping the interpreter's reference counts right."""
    result = signal.emit(*args)
    if isinstance(result, bool):
        _incref(result)
