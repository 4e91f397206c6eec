"""The profile and page every console web view uses: offline, locked down.

One off-the-record profile per application (nothing is written to disk), with the
``app:`` scheme handler installed and the risky settings off. A page accepts navigation
only to ``app:`` URLs and opens no windows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings

from ..signals import emit
from .scheme import SCHEME, AppSchemeHandler, web_root

__all__ = ["AppPage", "app_profile"]

log = logging.getLogger(__name__)

_OFF = (
    QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls,
    QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls,
    QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows,
    QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard,
    QWebEngineSettings.WebAttribute.NavigateOnDropEnabled,
    QWebEngineSettings.WebAttribute.AllowRunningInsecureContent,
    QWebEngineSettings.WebAttribute.AutoLoadIconsForPage,
    QWebEngineSettings.WebAttribute.PluginsEnabled,
    QWebEngineSettings.WebAttribute.PdfViewerEnabled,
    QWebEngineSettings.WebAttribute.WebGLEnabled,
    QWebEngineSettings.WebAttribute.LocalStorageEnabled,
    QWebEngineSettings.WebAttribute.ErrorPageEnabled,
)

_profile: QWebEngineProfile | None = None


def app_profile() -> QWebEngineProfile:
    """The application's web profile (created on first use, lives as long as the app)."""
    global _profile
    if _profile is None:
        app = QCoreApplication.instance()
        profile = QWebEngineProfile(app)  # no storage name: off the record
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
        profile.setSpellCheckEnabled(False)
        profile.installUrlSchemeHandler(SCHEME, AppSchemeHandler(web_root(), profile))
        settings = profile.settings()
        for attribute in _OFF:
            settings.setAttribute(attribute, False)
        _profile = profile
    return _profile


class AppPage(QWebEnginePage):
    """A page of the app's profile that stays on ``app:`` URLs; ``navigationRefused``
    names each URL it would not go to."""

    navigationRefused = Signal(QUrl)

    def acceptNavigationRequest(self, url: QUrl | str,
                                navigation_type: QWebEnginePage.NavigationType,
                                is_main_frame: bool) -> bool:
        target = QUrl(url)
        allowed = target.scheme() == SCHEME.decode()
        if not allowed:
            log.warning("navigation refused: %s", target.toString())
            emit(self.navigationRefused, target)
        return allowed

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> None:
        log.warning("the page asked for a new window; refused")

    def javaScriptConsoleMessage(self, level: QWebEnginePage.JavaScriptConsoleMessageLevel,
                                 message: str, line: int, source: str) -> None:
        log.log(logging.WARNING if level == level.ErrorMessageLevel else logging.DEBUG,
                "%s:%d: %s", source, line, message)
