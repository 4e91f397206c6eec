"""The desktop application: ``python -m console`` (no command) and ``contingency-console-gui``.

Importing this module is cheap: Qt is imported only when the window is opened, so the
command line never loads it. Without a display (Linux, no X11 or Wayland and no
QT_QPA_PLATFORM), the window is not opened: the plan overview is printed instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from console.views.main_window import MainWindow

__all__ = ["display_available", "main", "prepare_environment", "start"]

APP_NAME = "Contingency Console"


def display_available(environ: Mapping[str, str] = os.environ,
                      platform: str = sys.platform) -> bool:
    """Whether a window can be shown: always on Windows and macOS; on Linux only with
    X11, Wayland, or a Qt platform chosen explicitly (e.g. ``offscreen``)."""
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def prepare_environment(environ: MutableMapping[str, str] = os.environ,
                        platform: str = sys.platform, euid: int | None = None) -> None:
    """Before QtWebEngine starts: Chromium refuses to run as root with its sandbox, so
    the sandbox is disabled for root on Linux, and only there."""
    if euid is None:
        euid = os.geteuid() if hasattr(os, "geteuid") else -1
    if platform.startswith("linux") and euid == 0:
        environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def start(argv: Sequence[str] = ()) -> tuple[QApplication, MainWindow]:
    """Create the application and show the main window; the plan library starts loading.

    Everything Qt needs before the QApplication exists is done here, in order.
    """
    prepare_environment()
    from console.views.refcounts import keep_singletons_alive
    from console.views.web import prepare_web_engine

    keep_singletons_alive()  # PySide6 6.12.0 leaks references to None/True (refcounts.py)
    prepare_web_engine()
    from PySide6.QtWidgets import QApplication

    from console.views.collector import GuiThreadCollector
    from console.views.i18n import Translations
    from console.views.main_window import MainWindow
    from console.views.settings import Settings

    app = QApplication([sys.argv[0] if sys.argv else "console", *argv])
    app.setApplicationName(APP_NAME)
    GuiThreadCollector(app)
    settings = Settings.load()
    translations = Translations(app)
    settings.language = translations.apply(settings.language)
    window = MainWindow(settings, translations)
    window.show()
    window.library.reload()
    return app, window


def main(argv: Sequence[str] | None = None) -> int:
    """Open the main window and run until it closes; returns the exit code."""
    if not display_available():
        from console.commands.plans import overview

        code = overview()
        print("\n没有找到显示器（DISPLAY 或 WAYLAND_DISPLAY 未设置），未打开窗口。\n"
              "No display found (no DISPLAY or WAYLAND_DISPLAY): the window was not opened. "
              "Set QT_QPA_PLATFORM=offscreen to run it without a screen.")
        return code
    app, window = start(sys.argv[1:] if argv is None else argv)
    code = app.exec()
    del window  # the web pages go before their profile
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
