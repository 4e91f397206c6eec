"""The entry points: the window opens only with a display; commands never load Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.app import display_available, prepare_environment

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str], timeout: float = 120
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-X", "importtime", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _imported(stderr: str) -> set[str]:
    """Module names from ``-X importtime`` output."""
    return {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines()
            if line.startswith("import time:")}


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "PYTHONIOENCODING": "utf-8"}


def test_a_command_does_not_import_qt() -> None:
    """``python -m console validate …`` runs without importing PySide6."""
    result = _run(["-m", "console", "validate", "plans/forest-fire.yaml"], dict(os.environ))
    assert result.returncode == 0, result.stderr[-2000:]
    modules = _imported(result.stderr)
    assert "console.plans.loader" in modules
    assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in modules)


def test_without_a_display_the_overview_is_printed() -> None:
    """No DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: the overview and a note, no crash."""
    result = _run(["-m", "console"], _headless_env())
    assert result.returncode == 0, result.stderr[-2000:]
    assert "forest-fire" in result.stdout
    assert "No display found" in result.stdout
    assert not any(m.startswith("PySide6") for m in _imported(result.stderr))


def test_the_window_opens_offscreen(tmp_path: Path) -> None:
    """start() shows the main window and fills the library from the shipped plans."""
    script = (
        "from console.app import start\n"
        "app, window = start()\n"
        "def loaded():\n"
        "    print(window.isVisible(), window.library.model.rowCount(), window.windowTitle())\n"
        "    app.quit()\n"
        "window.library.loaded.connect(loaded)\n"
        "app.exec()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
           **{f"CONSOLE_{n}_DIR": str(tmp_path / n) for n in ("CONFIG", "DATA", "CACHE")}}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["True", "5", "应急预案演练控制台"]


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
    ({}, "win32", True),
    ({}, "darwin", True),
])
def test_display_available(environ: dict[str, str], platform: str, expected: bool) -> None:
    """Only Linux can lack a display."""
    assert display_available(environ, platform) is expected


@pytest.mark.parametrize(("platform", "euid", "disabled"), [
    ("linux", 0, True), ("linux", 1000, False), ("win32", 0, False),
])
def test_sandbox_disabled_only_for_root_on_linux(platform: str, euid: int,
                                                 disabled: bool) -> None:
    """Chromium's sandbox stays on for a normal user's desktop."""
    environ: dict[str, str] = {}
    prepare_environment(environ, platform, euid)
    assert ("QTWEBENGINE_DISABLE_SANDBOX" in environ) is disabled
