"""The web page's rules: offline, strict CSP, navigation refused, risky settings off, and
plan text shown as text, never as markup."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
)
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.plans import Level, load_plan_text
from console.views.plan_document import PlanDocument, open_plan_document, plan_document
from console.views.plan_view import PlanView
from console.views.web.page import app_profile
from console.views.web.scheme import CONTENT_SECURITY_POLICY, AppSchemeHandler, web_root

from .conftest import FOREST_FIRE
from .webtools import run_js

SCRIPT = "<script>window.__xss = 1</script>"
IMAGE = '<img src=x onerror="window.__xss = 2">'
SVG = '"><svg onload="window.__xss = 3">'
CLOSE = "</text></g><script>window.__xss = 4</script>"

XSS_PLAN = f"""\
format: 1
id: xss
title: '{SCRIPT}'
hazard: other
version: "1"
status: draft
owner: '{IMAGE}'
levels:
  IV: {{name: '{SVG}', color: blue, trigger: '{SCRIPT}'}}
  III: {{name: 较大, color: yellow, trigger: t}}
  II: {{name: 重大, color: orange, trigger: t}}
  I: {{name: 特别重大, color: red, trigger: t}}
targets:
  loop: {{within: 15m, title: '{IMAGE}'}}
roles:
  boss: {{title: '{SVG}', from: {{unit: leadership}}, count: 1, command: true}}
steps:
  alert: {{title: '{SCRIPT}', lane: town, stage: report, role: boss, duration: 1m}}
  judge:
    title: '{IMAGE}'
    lane: town
    role: boss
    after: alert
    duration: 1m
    branches:
      a: {{p: 0.5, title: '{SVG}', next: fix}}
      b: {{p: 0.5, title: '{CLOSE}', next: stop}}
  fix: {{title: '{SVG}', lane: village, stage: handle, role: boss, duration: 1m}}
  stop: {{title: '{CLOSE}', lane: grid, stage: handle, role: boss, duration: 1m}}
  done: {{title: 完成, lane: town, stage: feedback, role: boss, after: {{any: [fix, stop]}},
         duration: 1m, target: loop, description: '{CLOSE}'}}
"""


class Recorder(QWebEngineUrlRequestInterceptor):
    """Records every URL the profile's pages request."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        self.urls.append(QUrl(info.requestUrl()))


@pytest.fixture(scope="module")
def watched(qapp: QApplication) -> Iterator[tuple[PlanView, Recorder]]:
    """A plan view whose page loads under a request recorder, from its first request."""
    recorder = Recorder()
    app_profile().setUrlRequestInterceptor(recorder)
    view = PlanView()
    view.resize(1200, 800)
    view.show()
    yield view, recorder
    app_profile().setUrlRequestInterceptor(None)
    view.close()
    view.deleteLater()


def _show(view: PlanView, qtbot: QtBot, document: PlanDocument) -> None:
    with qtbot.waitSignal(view.graph.drawn, timeout=30_000,
                          check_params_cb=lambda r: r["plan"] == document.plan.id):
        view.show_document(document, Level.IV)


def _external(recorder: Recorder) -> list[str]:
    allowed = {("app", "console"), ("qrc", "")}
    return [url.toString() for url in recorder.urls if (url.scheme(), url.host()) not in allowed]


def test_nothing_leaves_the_machine(watched: tuple[PlanView, Recorder], qtbot: QtBot) -> None:
    """Loading the page and drawing a plan requests only app://console and Qt's qrc."""
    view, recorder = watched
    _show(view, qtbot, open_plan_document(FOREST_FIRE))
    view.show_step("alert")
    requested = {url.toString() for url in recorder.urls}
    assert {"app://console/graph.html", "app://console/graph.css", "app://console/graph.js",
            "qrc:///qtwebchannel/qwebchannel.js"} <= requested
    assert _external(recorder) == []


def test_plan_text_stays_text(watched: tuple[PlanView, Recorder], qtbot: QtBot) -> None:
    """Markup in a plan's texts is shown literally; no script runs, no element is made."""
    view, recorder = watched
    loaded = load_plan_text(XSS_PLAN, "xss.yaml")
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    _show(view, qtbot, plan_document(loaded))
    view.show_step("judge")
    dom = run_js(view.graph, qtbot, """({
        flag: typeof window.__xss,
        images: document.querySelectorAll('img').length,
        scripts: [...document.scripts].map(s => s.src),
        handlers: [...document.querySelectorAll('*')].filter(
            e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        nested: document.querySelectorAll('#nodes svg, #edges svg, #lanes svg').length,
        tips: [...document.querySelectorAll('g.step > title')].map(t => t.textContent),
        labels: [...document.querySelectorAll('.edge-label-group > title')].map(t => t.textContent),
        badge: document.querySelector('.badge > title').textContent,
    })""")
    assert dom["flag"] == "undefined"
    assert dom["images"] == 0 and dom["handlers"] == 0 and dom["nested"] == 0
    assert dom["scripts"] == ["qrc:///qtwebchannel/qwebchannel.js", "app://console/graph.js"]
    assert f"{SCRIPT}\nalert" in dom["tips"] and f"{IMAGE}\njudge" in dom["tips"]
    assert f"{CLOSE}\nstop" in dom["tips"] and f"{SVG}\nfix" in dom["tips"]
    assert sorted(dom["labels"]) == sorted([f"{SVG} 50%", f"{CLOSE} 50%"])
    assert dom["badge"] == f"{IMAGE} ≤ 15m"
    assert view.step_panel.findChild(QLabel, "step-title").text() == IMAGE
    assert _external(recorder) == []


def test_inline_script_is_refused(watched: tuple[PlanView, Recorder], qtbot: QtBot) -> None:
    """The Content-Security-Policy blocks a script the page did not load from app:."""
    view, _ = watched
    outcome = run_js(view.graph, qtbot, """(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.appendChild(s);
        return [typeof window.__inline,
                document.querySelector('meta[http-equiv="Content-Security-Policy"]').content];
    })()""")
    assert outcome[0] == "undefined"
    assert "default-src 'none'" in outcome[1] and "script-src app: qrc:" in outcome[1]


def test_navigation_away_is_refused(watched: tuple[PlanView, Recorder], qtbot: QtBot) -> None:
    """The page cannot leave app:, by script or by link."""
    view, recorder = watched
    page = view.graph.page()
    with qtbot.waitSignal(page.navigationRefused, timeout=10_000) as refused:
        run_js(view.graph, qtbot, "(location.href = 'https://example.org/', 1)")
    assert refused.args[0] == QUrl("https://example.org/")
    link = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    assert not page.acceptNavigationRequest(QUrl("file:///etc/passwd"), link, True)
    assert page.acceptNavigationRequest(QUrl("app://console/graph.html"), link, True)
    assert page.url().scheme() == "app"
    assert _external(recorder) == []


def test_risky_settings_are_off(watched: tuple[PlanView, Recorder]) -> None:
    """Local pages cannot read files or open windows; dropping a file does not navigate."""
    settings = watched[0].graph.page().settings()
    attribute = QWebEngineSettings.WebAttribute
    for name in ("LocalContentCanAccessFileUrls", "JavascriptCanOpenWindows",
                 "NavigateOnDropEnabled", "LocalContentCanAccessRemoteUrls", "WebGLEnabled"):
        assert not settings.testAttribute(getattr(attribute, name)), name
    assert watched[0].graph.page().createWindow(QWebEnginePage.WebWindowType.WebBrowserTab) \
        is None


class FakeJob(QObject):
    """Stands in for QWebEngineUrlRequestJob, which only QtWebEngine can create."""

    def __init__(self, url: str, method: bytes = b"GET") -> None:
        super().__init__()
        self._url, self._method = QUrl(url), method
        self.headers: dict[bytes, list[bytes]] = {}
        self.replied: tuple[bytes, bytes] | None = None
        self.failed: QWebEngineUrlRequestJob.Error | None = None

    def requestUrl(self) -> QUrl:
        return self._url

    def requestMethod(self) -> object:
        from PySide6.QtCore import QByteArray

        return QByteArray(self._method)

    def setAdditionalResponseHeaders(self, headers: dict[object, list[object]]) -> None:
        self.headers = {bytes(k.data()): [bytes(v.data()) for v in vs]  # type: ignore[attr-defined]
                        for k, vs in headers.items()}

    def reply(self, mime: bytes, body: object) -> None:
        self.replied = (mime, bytes(body.data().data()))  # type: ignore[attr-defined]

    def fail(self, error: QWebEngineUrlRequestJob.Error) -> None:
        self.failed = error


def test_scheme_serves_files_with_the_policy(qapp: QApplication) -> None:
    """app://console/<file> answers with the file and the CSP as a response header."""
    handler = AppSchemeHandler(web_root())
    job = FakeJob("app://console/graph.js")
    handler.requestStarted(job)  # type: ignore[arg-type]
    assert job.replied == (b"text/javascript", (web_root() / "graph.js").read_bytes())
    assert job.headers[b"Content-Security-Policy"] == [CONTENT_SECURITY_POLICY.encode()]
    assert job.headers[b"X-Content-Type-Options"] == [b"nosniff"]


@pytest.mark.parametrize(("url", "method", "error"), [
    ("app://console/graph.js", b"POST", "RequestDenied"),
    ("app://elsewhere/graph.js", b"GET", "RequestDenied"),
    ("app://console/missing.js", b"GET", "UrlNotFound"),
    ("app://console/../plans/forest-fire.yaml", b"GET", "UrlNotFound"),
    ("app://console/%2e%2e/%2e%2e/pyproject.toml", b"GET", "UrlNotFound"),
])
def test_scheme_refuses_the_rest(qapp: QApplication, url: str, method: bytes,
                                 error: str) -> None:
    """Other methods, hosts, unknown files and paths outside the web folder fail."""
    handler = AppSchemeHandler(web_root())
    job = FakeJob(url, method)
    handler.requestStarted(job)  # type: ignore[arg-type]
    assert job.replied is None
    assert job.failed == getattr(QWebEngineUrlRequestJob.Error, error)


def test_web_folder_has_no_inline_code() -> None:
    """The page's HTML has no inline script, style or event handler attribute."""
    html = (web_root() / "graph.html").read_text(encoding="utf-8")
    assert re.search(r"<style|\sstyle=|\son[a-z]+=", html) is None
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="qrc:///qtwebchannel/qwebchannel.js">', '<script src="graph.js">']
    assert "innerHTML" not in (web_root() / "graph.js").read_text(encoding="utf-8")
