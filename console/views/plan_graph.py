"""The plan graph page (``resources/web/graph.html``) as a widget."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from .signals import emit
from .web.view import AppWebView

__all__ = ["PlanGraphView"]

log = logging.getLogger(__name__)


class PlanGraphView(AppWebView):
    """Draws graph payloads (see graph_payload.py) and reports what the page does.

    ``stepClicked(step id)`` when a step box is clicked; ``drawn(report)`` each time the
    page has painted a graph (the report holds ``steps``, ``active``, ``edges``, ``ms``).
    """

    stepClicked = Signal(str)
    drawn = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("graph.html", parent)
        self._steps: frozenset[str] = frozenset()
        self.bridge.received.connect(self._received)

    def show_graph(self, payload: dict[str, Any]) -> None:
        """Draw a graph (queued until the page is ready)."""
        self._steps = frozenset(node["id"] for node in payload["nodes"])
        self.bridge.post("graph", payload)

    def select(self, step_id: str | None) -> None:
        """Highlight one step (None: none)."""
        self.bridge.post("select", {"step": step_id})

    def _received(self, kind: str, payload: dict[str, Any]) -> None:
        if kind == "stepClicked":
            step = payload.get("step")
            if isinstance(step, str) and step in self._steps:
                emit(self.stepClicked, step)
        elif kind == "drawn":
            emit(self.drawn, payload)
        elif kind == "error":
            log.warning("graph page: %.500s", payload.get("message"))
        else:
            log.warning("graph page sent an unknown message type %.50r", kind)
