"""The layering rules of docs/architecture.md, enforced."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import console

ROOT = Path(console.__file__).resolve().parent
QT_FREE = ("plans", "roster", "simulation", "drills", "store")
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pytestqt")


def _qt_free_modules() -> list[str]:
    names = []
    for package in QT_FREE:
        if (ROOT / package / "__init__.py").exists():
            names.append(f"console.{package}")
            names += [
                info.name
                for info in pkgutil.walk_packages([str(ROOT / package)], f"console.{package}.")
            ]
    return names


def test_core_packages_do_not_mention_qt() -> None:
    """No module of the Qt-free core imports Qt, even lazily inside a function."""
    offenders = []
    for package in QT_FREE:
        for path in (ROOT / package).rglob("*.py") if (ROOT / package).exists() else ():
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    if name.split(".")[0] in QT_MODULES or name.startswith("console.views"):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert offenders == []


def test_core_imports_with_qt_blocked() -> None:
    """Every core module and the CLI import in a process where Qt cannot be imported."""
    modules = [*_qt_free_modules(), "console.cli"]
    assert "console.plans.loader" in modules
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {QT_MODULES!r}:\n"
        "            raise ImportError('Qt is blocked in the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"assert not any(m.split('.')[0] in {QT_MODULES!r} for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
