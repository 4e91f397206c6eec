"""A web view showing one of the app's pages, with its bridge."""

from __future__ import annotations

from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from .bridge import BRIDGE_NAME, Bridge
from .page import AppPage, app_profile
from .scheme import app_url

__all__ = ["AppWebView"]


class AppWebView(QWebEngineView):
    """Loads ``app://console/<page_name>`` in the app's profile, with exactly one object
    (``bridge``) on its web channel."""

    def __init__(self, page_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        page = AppPage(app_profile(), self)
        self.setPage(page)
        self.bridge = Bridge(self)
        channel = QWebChannel(page)
        channel.registerObject(BRIDGE_NAME, self.bridge)
        page.setWebChannel(channel)
        page.loadStarted.connect(self.bridge.page_unloaded)
        self.setAcceptDrops(False)
        self.load(app_url(page_name))
