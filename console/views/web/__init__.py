"""The console's web pages: the ``app:`` scheme, one locked-down profile, the bridge.

Call ``prepare_web_engine()`` before the QApplication exists: the scheme must be
registered and OpenGL contexts shared by then, or QtWebEngine ignores both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .scheme import register_scheme

__all__ = ["prepare_web_engine"]


def prepare_web_engine() -> None:
    """Register the ``app:`` scheme and share OpenGL contexts; idempotent.

    Raises RuntimeError when it comes too late (a QCoreApplication already exists and
    the scheme was not registered before it).
    """
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    register_scheme()
