"""The user's settings and folders: a JSON file in the user config folder.

The file carries a ``version`` field; a file that is missing, unreadable, from a newer
version or malformed gives the defaults, never an error. Tests and benchmarks redirect
the folders with ``CONSOLE_CONFIG_DIR``, ``CONSOLE_DATA_DIR`` and ``CONSOLE_CACHE_DIR``.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSaveFile

from console.paths import APP_NAME, user_data_dir

__all__ = [
    "SETTINGS_VERSION",
    "Settings",
    "cache_dir",
    "config_dir",
    "data_dir",
    "settings_path",
    "user_plans_dir",
]

SETTINGS_VERSION = 1


def config_dir() -> Path:
    """Where settings live: ``$CONSOLE_CONFIG_DIR`` or the platform's user config folder."""
    return _folder("CONSOLE_CONFIG_DIR", platformdirs.user_config_path)


def data_dir() -> Path:
    """The user's data: ``$CONSOLE_DATA_DIR`` or the platform's user data folder (the
    store's default database lives there too)."""
    return user_data_dir()


def cache_dir() -> Path:
    """Things that can be rebuilt: ``$CONSOLE_CACHE_DIR`` or the user cache folder."""
    return _folder("CONSOLE_CACHE_DIR", platformdirs.user_cache_path)


def user_plans_dir() -> Path:
    """The user's own plans (new plans and copies go here)."""
    return data_dir() / "plans"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _folder(variable: str, default: object) -> Path:
    override = os.environ.get(variable, "").strip()
    return Path(override) if override else default(APP_NAME)  # type: ignore[operator]


@dataclass
class Settings:
    """What the console remembers between runs."""

    language: str = "zh_CN"
    #: QMainWindow.saveGeometry() and saveState(), base64.
    geometry: str = ""
    window_state: str = ""
    last_plan: str = ""
    #: Plan folders the user added, besides the shipped and the user plans folder.
    plan_folders: list[str] = field(default_factory=list)
    #: The name recorded with saved revisions, status changes and approvals ("" = the
    #: login name).
    user_name: str = ""
    #: Where the last after-action report was exported ("" = the user's documents).
    report_folder: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """The settings saved at ``path`` (default: settings_path()), or the defaults."""
        try:
            data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("version") != SETTINGS_VERSION:
            return cls()
        settings = cls()
        for item in fields(cls):
            value = data.get(item.name)
            default = getattr(settings, item.name)
            if isinstance(value, type(default)):
                setattr(settings, item.name, value)
        settings.plan_folders = [p for p in settings.plan_folders if isinstance(p, str)]
        return settings

    def save(self, path: Path | None = None) -> None:
        """Write the settings atomically; raises OSError when the folder is not writable."""
        target = path or settings_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": SETTINGS_VERSION, **asdict(self)}, ensure_ascii=False,
                          indent=2)
        out = QSaveFile(str(target))
        if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
            raise OSError(f"cannot write {target}: {out.errorString()}")
        out.write(text.encode("utf-8"))
        if not out.commit():
            raise OSError(f"cannot write {target}: {out.errorString()}")
