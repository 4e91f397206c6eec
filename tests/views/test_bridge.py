"""The bridge: one JSON message format both ways, queued until the page is ready."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot

from console.views.web.bridge import Bridge, decode, encode


def _sent(bridge: Bridge) -> list[dict[str, object]]:
    messages: list[dict[str, object]] = []
    bridge.toPage.connect(lambda text: messages.append(json.loads(text)))
    return messages


def test_messages_wait_for_ready(qtbot: QtBot) -> None:
    """Nothing reaches the page before it says ready; then everything, in order, once."""
    bridge = Bridge()
    sent = _sent(bridge)
    bridge.post("graph", {"n": 1})
    bridge.post("select", {"step": "a"})
    bridge.post("graph", {"n": 2})  # replaces the waiting graph, keeps the order of types
    assert sent == []
    bridge.cmd(encode("ready", {}))
    assert sent == [{"type": "select", "payload": {"step": "a"}},
                    {"type": "graph", "payload": {"n": 2}}]
    bridge.post("select", {"step": "b"})
    assert sent[-1] == {"type": "select", "payload": {"step": "b"}}


def test_reload_queues_again(qtbot: QtBot) -> None:
    """While the page reloads, messages wait for its next ready."""
    bridge = Bridge()
    sent = _sent(bridge)
    bridge.cmd(encode("ready", {}))
    bridge.page_unloaded()
    bridge.post("graph", {"n": 3})
    assert sent == []
    bridge.cmd(encode("ready", {}))
    assert sent == [{"type": "graph", "payload": {"n": 3}}]


def test_page_messages_are_delivered(qtbot: QtBot) -> None:
    """The page's messages arrive as (type, payload)."""
    bridge = Bridge()
    with qtbot.waitSignal(bridge.received) as received:
        bridge.cmd('{"type": "stepClicked", "payload": {"step": "alert"}}')
    assert received.args == ["stepClicked", {"step": "alert"}]


@pytest.mark.parametrize("text", [
    "not json", "[]", '{"payload": {}}', '{"type": 3}', '{"type": "x", "payload": []}',
])
def test_malformed_messages_are_dropped(qtbot: QtBot, text: str) -> None:
    """Anything but {"type": str, "payload": object} is logged and ignored."""
    bridge = Bridge()
    with qtbot.assertNotEmitted(bridge.received):
        bridge.cmd(text)
    with pytest.raises(ValueError):
        decode(text)
