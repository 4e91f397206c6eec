"""Settings: a versioned JSON file in the user config folder, robust to bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.views.i18n import Translations
from console.views.main_window import MainWindow
from console.views.settings import (
    SETTINGS_VERSION,
    Settings,
    cache_dir,
    config_dir,
    data_dir,
    settings_path,
    user_plans_dir,
)


def test_folders_follow_the_environment(tmp_path: Path) -> None:
    """CONSOLE_CONFIG_DIR, CONSOLE_DATA_DIR and CONSOLE_CACHE_DIR redirect the folders."""
    assert config_dir() == tmp_path / "config"
    assert settings_path() == tmp_path / "config" / "settings.json"
    assert data_dir() == tmp_path / "data"
    assert user_plans_dir() == tmp_path / "data" / "plans"
    assert cache_dir() == tmp_path / "cache"


def test_round_trip() -> None:
    """What is saved is what is loaded, in a file with a version field."""
    saved = Settings(language="en", geometry="AAAA", window_state="BBBB",
                     last_plan="/plans/火.yaml", plan_folders=["/a", "/b"])
    saved.save()
    data = json.loads(settings_path().read_text(encoding="utf-8"))
    assert data["version"] == SETTINGS_VERSION
    assert Settings.load() == saved


@pytest.mark.parametrize("text", [
    "", "not json", "[]", '{"language": "en"}', '{"version": 99, "language": "en"}',
])
def test_bad_files_give_defaults(text: str) -> None:
    """A missing version, a newer version or a broken file mean the defaults, no error."""
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(text, encoding="utf-8")
    assert Settings.load() == Settings()


def test_wrong_types_are_ignored() -> None:
    """A field of the wrong type keeps its default; the others are read."""
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(json.dumps({
        "version": SETTINGS_VERSION, "language": 5, "last_plan": "/x.yaml",
        "plan_folders": ["/ok", 3],
    }), encoding="utf-8")
    settings = Settings.load()
    assert settings.language == "zh_CN"
    assert settings.last_plan == "/x.yaml"
    assert settings.plan_folders == ["/ok"]


def test_window_size_and_last_plan_survive_a_restart(qtbot: QtBot,
                                                      translations: Translations) -> None:
    """Closing the window saves its geometry; the next window comes back the same."""
    first = MainWindow(Settings.load(), translations)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.settings.last_plan = "/somewhere/plan.yaml"
    first.close()
    second = MainWindow(Settings.load(), translations)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 520)
    assert second.settings.last_plan == "/somewhere/plan.yaml"
