"""What the screenshot scripts share: a scratch folder for settings, caches, data and the
store (never the user's own), the command line run against that store, waiting for a
signal, and saving a picture. Import it before anything from ``console``."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LANGUAGES = ("zh_CN", "en")

scratch = Path(tempfile.mkdtemp(prefix="screenshots-"))
atexit.register(shutil.rmtree, scratch, ignore_errors=True)
for _name in ("CONFIG", "DATA", "CACHE"):
    os.environ[f"CONSOLE_{_name}_DIR"] = str(scratch / _name.lower())
os.environ["CONSOLE_DB_URL"] = f"sqlite:///{scratch / 'console.db'}"

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402


def cli(*args: str, user: str = "zhouli") -> None:
    """Run ``python -m console ARGS`` against the scratch store, as login ``user``."""
    env = dict(os.environ, LOGNAME=user, USER=user)
    subprocess.run([sys.executable, "-m", "console", *args], cwd=REPO, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def wait(signal: object | None = None, ms: int = 30_000) -> None:
    """Run the event loop until ``signal`` fires (or for ``ms`` without one)."""
    loop = QEventLoop()
    if signal is not None:
        signal.connect(lambda *_: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> Path:
    """Grab ``widget`` (a window or a dialog, without the window manager's frame) into
    ``NAME.png`` here, stripped of metadata."""
    path = HERE / f"{name}.png"
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"cannot save {path}")
    if shutil.which("convert"):
        subprocess.run(["convert", str(path), "-strip", "-define", "png:compression-level=9",
                        str(path)], check=True)
    print(path.relative_to(REPO))
    return path


def shoot_in_each_language(*shots: Callable[[Any, str], None]) -> int:
    """Open the main window and run each ``shot(window, language)`` in every language."""
    from console.app import start

    _app, window = start()
    window.move(0, 0)
    window.resize(1600, 1000)
    wait(window.library.loaded)
    for language in LANGUAGES:
        window.set_language(language)
        for shot in shots:
            shot(window, language)
    window.close()
    return 0
