"""Field names a plan may hold at a place in its YAML text, from resources/plan.schema.json.

Qt-free: the editor asks ``keys_at(text_before_cursor)`` and feeds a QCompleter.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from console.paths import resources_dir

__all__ = ["keys_at", "schema"]

_KEY_LINE = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*|\"[^\"]*\"|'[^']*')\s*:")
_ITEM_LINE = re.compile(r"^(\s*)-\s")


@cache
def schema() -> dict[str, Any]:
    """The plan's JSON schema."""
    with open(resources_dir() / "plan.schema.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _resolve(node: Any) -> dict[str, Any]:
    """``node`` with ``$ref`` followed and the first object-like ``anyOf`` chosen."""
    root = schema()
    for _ in range(20):
        if not isinstance(node, dict):
            return {}
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            choices = [_resolve(c) for c in node["anyOf"]]
            node = next((c for c in choices if "properties" in c or "additionalProperties" in c
                         or "patternProperties" in c or "items" in c), {})
        else:
            return node
    return {}


def _child(node: dict[str, Any], key: str | None) -> dict[str, Any]:
    """The schema below ``node`` under mapping ``key`` (None: a list item)."""
    if key is None:
        return _resolve(node.get("items", {}))
    if key in node.get("properties", {}):
        return _resolve(node["properties"][key])
    for pattern in node.get("patternProperties", {}).values():
        return _resolve(pattern)
    extra = node.get("additionalProperties")
    return _resolve(extra) if isinstance(extra, dict) else {}


def _path_above(lines: list[str], indent: int) -> list[str | None]:
    """The keys (None for list items) enclosing a line indented by ``indent``."""
    path: list[str | None] = []
    for line in reversed(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(line)
        item = _ITEM_LINE.match(line)
        own = len(line) - len(line.lstrip())
        if match and own < indent:
            key_column = own + (len(match.group(2)) if match.group(2) else 0)
            if key_column < indent:
                path.append(match.group(3).strip("\"'"))
            if match.group(2):
                path.append(None)
            indent = own
        elif item and own < indent:
            path.append(None)
            indent = own
        if indent == 0:
            break
    return list(reversed(path))


def keys_at(text_before_cursor: str) -> list[str]:
    """The field names allowed where the cursor's line begins a key, sorted; empty when
    the place is not a key of a known mapping."""
    lines = text_before_cursor.split("\n")
    current = lines[-1]
    stripped = current.lstrip()
    indent = len(current) - len(stripped)
    if stripped.startswith("- "):
        indent += 2
    node = _resolve(schema())
    for key in _path_above(lines[:-1], indent):
        node = _child(node, key)
        if not node:
            return []
    return sorted(node.get("properties", {}))
