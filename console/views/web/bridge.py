"""The one object a page talks to Python through, and its JSON message format.

Every message, both ways, is a JSON object ``{"type": "...", "payload": {...}}``. The
page calls ``bridge.cmd(text)``; Python sends by the ``toPage`` signal, which the page
connects to. Python queues what it sends until the page says ``ready`` (a newer message
of a type replaces one still waiting), so callers never race the page's loading.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ..signals import emit

__all__ = ["BRIDGE_NAME", "Bridge", "decode", "encode"]

log = logging.getLogger(__name__)

#: The name the page finds the bridge under: ``channel.objects.bridge``.
BRIDGE_NAME = "bridge"


def encode(kind: str, payload: dict[str, Any]) -> str:
    """One message as JSON text."""
    return json.dumps({"type": kind, "payload": payload}, ensure_ascii=False)


def decode(text: str) -> tuple[str, dict[str, Any]]:
    """A message's type and payload; ValueError for anything else."""
    message = json.loads(text)
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ValueError("a message is an object with a string 'type'")
    payload = message.get("payload", {})
    if not isinstance(payload, dict):
        raise ValueError("a message's 'payload' is an object")
    return message["type"], payload


class Bridge(QObject):
    """Registered on the page's QWebChannel as ``bridge``.

    ``received(type, payload)`` carries the page's messages to Python, except ``ready``,
    which the bridge handles itself. Malformed messages are logged and dropped.
    """

    toPage = Signal(str)
    received = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ready = False
        self._waiting: dict[str, dict[str, Any]] = {}

    @property
    def ready(self) -> bool:
        return self._ready

    def post(self, kind: str, payload: dict[str, Any]) -> None:
        """Send a message to the page now, or as soon as it is ready."""
        if self._ready:
            emit(self.toPage, encode(kind, payload))
            return
        self._waiting.pop(kind, None)
        self._waiting[kind] = payload

    def page_unloaded(self) -> None:
        """The page is (re)loading: hold messages until it is ready again."""
        self._ready = False

    @Slot(str)
    def cmd(self, text: str) -> None:
        """The page's only way in."""
        try:
            kind, payload = decode(text)
        except ValueError as exc:
            log.warning("malformed message from the page (%s): %.200s", exc, text)
            return
        if kind == "ready":
            self._ready = True
            waiting, self._waiting = self._waiting, {}
            for queued_kind, queued in waiting.items():
                emit(self.toPage, encode(queued_kind, queued))
            return
        emit(self.received, kind, payload)
