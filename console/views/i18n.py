"""The UI language: Qt's translators for the console's own strings and for Qt's dialogs.

Source strings are English; ``resources/i18n/console_<language>.qm`` holds each
language (compiled from the ``.ts`` catalogues, see docs/desktop.md). Switching is
live: installing translators makes Qt send every widget a LanguageChange event, and
each widget of the console re-translates itself in ``changeEvent``.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.paths import resources_dir

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Translations",
    "arg",
    "catalogue_dir",
    "current_language",
    "plan_text",
]

#: Each language named in itself, so that anyone can find their own.
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

_current = DEFAULT_LANGUAGE


def catalogue_dir() -> Path:
    """The folder of the console's ``.ts`` and ``.qm`` catalogues."""
    return resources_dir() / "i18n"


def current_language() -> str:
    """The language most recently applied (``zh_CN`` before any)."""
    return _current


def arg(text: str, *values: object) -> str:
    """Fill Qt-style placeholders ``%1`` … ``%9`` in a translated text, in one pass (a
    value that itself holds ``%2`` stays as it is)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1])
                  if int(m.group(1)) <= len(values) else m.group(0), text)


def plan_text(text: str, text_en: str | None) -> str:
    """A text from a plan in the UI language: its English twin in English, when given.

    Plan texts are data: they are chosen, never translated.
    """
    return text_en if _current == "en" and text_en else text


class Translations:
    """The translators installed on one application, for one language at a time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> str:
        """Switch the UI to ``language`` (an unknown one means the default); returns it.

        Raises FileNotFoundError when the console's catalogue for it is missing.
        """
        global _current
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        own = QTranslator(self._app)
        if not own.load(f"console_{language}", str(catalogue_dir())):
            raise FileNotFoundError(catalogue_dir() / f"console_{language}.qm")
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        loaded = [own, qt] if qt.load(f"qtbase_{language}", qt_dir) else [own]
        for translator in self._installed:
            self._app.removeTranslator(translator)
        _current = language
        QLocale.setDefault(QLocale(language))
        for translator in loaded:
            self._app.installTranslator(translator)
        self._installed = loaded
        return language
