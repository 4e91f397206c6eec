"""Helpers for tests of the web views."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot


def run_js(view: QWebEngineView, qtbot: QtBot, script: str) -> Any:
    """Evaluate the expression ``script`` in the page and return its (JSON-able) value;
    an exception in the page fails the test."""
    results: list[Any] = []
    wrapped = f"(() => {{ try {{ return JSON.stringify({{value: ({script})}}); }} " \
              f"catch (e) {{ return JSON.stringify({{error: String(e)}}); }} }})()"
    view.page().runJavaScript(wrapped, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    if not isinstance(results[0], str):
        raise AssertionError(f"the script did not run (a syntax error?): {script}")
    outcome = json.loads(results[0])
    if "error" in outcome:
        raise AssertionError(f"script failed: {outcome['error']}")
    return outcome.get("value")
