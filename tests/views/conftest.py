"""Views tests: the ``app:`` scheme is registered before pytest-qt creates the
QApplication (this file is imported at collection, before any fixture runs); each test
gets its own config, data and cache folders, the default language, and must not leave
a worker thread running."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication

from console.paths import shipped_plans_dir
from console.views.i18n import Translations
from console.views.refcounts import keep_singletons_alive
from console.views.web import prepare_web_engine

keep_singletons_alive()  # as the application does: PySide6 6.12.0 leaks None/True refs
prepare_web_engine()

FOREST_FIRE = shipped_plans_dir() / "forest-fire.yaml"


@pytest.fixture(autouse=True)
def _isolated_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings, user plans and caches live in the test's own folder."""
    for name in ("CONFIG", "DATA", "CACHE"):
        monkeypatch.setenv(f"CONSOLE_{name}_DIR", str(tmp_path / name.lower()))


@pytest.fixture(scope="session", autouse=True)
def _pages_go_first(qapp: QApplication) -> Iterator[None]:
    """At the end, windows (and their web pages) are deleted before the web profile."""
    yield
    for widget in qapp.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def translations(qapp: QApplication) -> Translations:
    """The application's translators, in Chinese."""
    translations = Translations(qapp)
    translations.apply("zh_CN")
    return translations


@pytest.fixture(autouse=True)
def _chinese_again(translations: Translations) -> Iterator[None]:
    """Each test starts, and leaves the application, in the default language."""
    yield
    translations.apply("zh_CN")


@pytest.fixture(autouse=True)
def _no_thread_left(qapp: QApplication) -> Iterator[None]:
    """A test fails when it leaves work running on the thread pool. Garbage is collected
    on the GUI thread only, as in the application (console/views/collector.py)."""
    gc.disable()
    yield
    assert QThreadPool.globalInstance().waitForDone(20_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    gc.enable()
