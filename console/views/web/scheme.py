"""The ``app:`` URL scheme: the console's pages come from ``resources/web`` through it.

Pages are served as ``app://console/<file>`` by a scheme handler (not as ``data:`` URLs
through setHtml, which break beyond 2 MB), each response with a strict
Content-Security-Policy header. Only GET of known file types inside the web folder is
answered; anything else fails.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from console.paths import resources_dir

__all__ = ["CONTENT_SECURITY_POLICY", "HOST", "SCHEME", "AppSchemeHandler", "app_url",
           "register_scheme", "web_root"]

log = logging.getLogger(__name__)

SCHEME = b"app"
HOST = "console"
#: Scripts only from the app's files and Qt's qwebchannel.js (qrc:), styles only from
#: the app's files, and nothing else: no inline script or style, no images, fonts,
#: frames, forms or network connections.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src app: qrc:; style-src app:; img-src 'none'; "
    "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
    "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
_MIME = {
    ".html": b"text/html",
    ".js": b"text/javascript",
    ".css": b"text/css",
}


def web_root() -> Path:
    """The folder the scheme serves."""
    return resources_dir() / "web"


def app_url(name: str) -> QUrl:
    """The URL of a page or file in ``resources/web``."""
    return QUrl(f"{SCHEME.decode()}://{HOST}/{name}")


def register_scheme() -> None:
    """Declare ``app:`` to QtWebEngine (secure, local, may load qrc:); idempotent."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    if QCoreApplication.instance() is not None:
        raise RuntimeError("the app: scheme must be registered before the QApplication exists")
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    flags = QWebEngineUrlScheme.Flag
    scheme.setFlags(flags.SecureScheme | flags.LocalScheme | flags.LocalAccessAllowed
                    | flags.CorsEnabled)
    QWebEngineUrlScheme.registerScheme(scheme)


class AppSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers ``app://console/<file>`` with the file from the web folder."""

    def __init__(self, root: Path, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._root = root.resolve()

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if job.requestMethod() != b"GET" or url.host() != HOST:
            log.warning("refused %s %s", job.requestMethod().data().decode(), url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        path = (self._root / url.path().lstrip("/")).resolve()
        mime = _MIME.get(path.suffix)
        if mime is None or not path.is_relative_to(self._root) or not path.is_file():
            log.warning("not found: %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        job.setAdditionalResponseHeaders({
            QByteArray(b"Content-Security-Policy"): [QByteArray(CONTENT_SECURITY_POLICY.encode())],
            QByteArray(b"X-Content-Type-Options"): [QByteArray(b"nosniff")],
            QByteArray(b"Cache-Control"): [QByteArray(b"no-store")],
        })
        body = QBuffer(job)
        body.setData(path.read_bytes())
        body.open(QBuffer.OpenModeFlag.ReadOnly)
        job.reply(mime, body)
