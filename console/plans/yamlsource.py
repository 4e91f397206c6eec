"""Read YAML text safely into plain data that remembers where every value came from.

The text is composed (never constructed) by PyYAML's safe composer, the C one when
present; this module then walks the node tree itself. That gives one place to
enforce the limits (size, nesting, alias expansion), to refuse duplicate keys and
tags, and to record the line and column of every key and value.

Plain scalars stay strings (``null``/``~``/empty become None): the plan model
decides what a value means, so ``version: 2026.10`` keeps its trailing zero and
``on:`` is a key, not the boolean YAML 1.1 would make of it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic, PlanLoadError

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_VALUES", "SourceMap", "YamlDocument", "parse_yaml"]

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 200_000

Path = tuple[str | int, ...]

try:  # the C composer is about ten times faster
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_STANDARD_TAGS = {
    _STR,
    _NULL,
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}


@dataclass
class SourceMap:
    """Positions (line, column; from 1) of the values and keys in a document."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest recorded ancestor."""
        probe = tuple(path)
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if probe in self.keys:
                return self.keys[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]

    def line(self, path: Path, *, key: bool = False) -> int:
        return self.position(path, key=key)[0]


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, strings, None) with the positions of its parts."""

    data: Any
    source: SourceMap
    text: str
    warnings: tuple[Diagnostic, ...] = ()


def decode(raw: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as
    they are; text that is not UTF-8 but valid GB18030 (Windows Notepad's 'ANSI' on
    a Chinese system) is read with warning P005; anything else is refused."""
    if len(raw) > MAX_BYTES:
        raise _fail("P002", f"file is {len(raw):,} bytes; plans are limited to {MAX_BYTES:,}", path)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked_text(raw.decode(codec), path), []
            except UnicodeDecodeError:
                raise _fail("P004", f"file starts with a {codec} mark but is not {codec}",
                            path) from None
    if b"\x00" in raw:
        raise _fail("P004", "file contains NUL bytes: this is not a text file", path)
    try:
        return _checked_text(raw.decode("utf-8"), path), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise _fail("P004", f"byte {utf8_error.start} is neither UTF-8 nor GB18030 text",
                    path, line, hint="save the file as UTF-8") from None
    if not re.search(r"[\u4e00-\u9fff]", text):
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise _fail("P004", f"byte {utf8_error.start} is not UTF-8", path, line,
                    hint="save the file as UTF-8")
    warning = Diagnostic("P005", "file is encoded as GB18030/GBK, not UTF-8; it was read as GB18030",
                         path, 1, 1, hint="save it as UTF-8 so every tool reads it the same way")
    return _checked_text(text, path), [warning]


def _checked_text(text: str, path: str) -> str:
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise _fail("P004", f"control character {bad.group()!r} in the text: not a plan file",
                    path, line)
    return text


def parse_yaml(raw: bytes | str, path: str = "<plan>") -> YamlDocument:
    """Parse one YAML document into plain data and positions, or raise PlanLoadError."""
    warnings: list[Diagnostic] = []
    if isinstance(raw, bytes):
        text, warnings = decode(raw, path)
    else:
        text = _checked_text(raw, path)
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise _fail("P002", f"text is larger than {MAX_BYTES:,} bytes", path)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise _fail("P003", "file is empty (only blank lines or comments)", path,
                    hint="start from plans/ or docs/plan-format.md")
    _check_flow_depth(text, path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark
        raise _fail("P006", str(exc).splitlines()[0], path) from None
    except RecursionError:
        raise _fail("P010", f"nesting deeper than {MAX_DEPTH} levels", path) from None
    if node is None:
        raise _fail("P003", "file holds no YAML document", path)
    builder = _Builder(path)
    data = builder.build(node, (), 0)
    return YamlDocument(data, builder.source, text, tuple(warnings))


def _check_flow_depth(text: str, path: str) -> None:
    """Refuse absurd bracket nesting before the composer recurses into it."""
    depth = 0
    line = 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH * 4:
                raise _fail("P010", f"brackets nested deeper than {MAX_DEPTH} levels", path, line)
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1
            depth = 0 if depth > MAX_DEPTH else depth


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> PlanLoadError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    if "\t" in problem or "'\\t'" in problem:
        return _fail("P007", "a tab character is used for indentation", path, line, column,
                     hint="YAML indents with spaces only; replace the tab with spaces")
    if line and line <= len(lines) and lines[line - 1][: max(column - 1, 0)].count("\t"):
        return _fail("P007", "a tab character is used for indentation", path, line, column,
                     hint="YAML indents with spaces only; replace the tab with spaces")
    message = problem
    if exc.context:
        message = f"{message} ({exc.context}"
        if exc.context_mark and exc.context_mark is not mark:
            message += f" at line {exc.context_mark.line + 1}"
        message += ")"
    hint = ""
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem or (
        exc.context and ("flow sequence" in exc.context or "flow mapping" in exc.context)
    ):
        hint = "a bracket [ or { is not closed"
    elif "mapping values are not allowed" in problem:
        hint = "a ':' inside a value needs quotes, or the indentation is off"
    elif "expected a single document" in (exc.context or "") + problem:
        hint = "a plan file holds one document: remove the extra '---'"
    return _fail("P006", message.replace("\n", " "), path, line, column, hint=hint)


def _fail(code: str, message: str, path: str, line: int = 0, column: int = 0,
          hint: str = "") -> PlanLoadError:
    return PlanLoadError([Diagnostic(code, message, path, line, column, hint)])


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.source = SourceMap()
        self.count = 0
        self.seen_alias: set[int] = set()

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _error(self, code: str, message: str, node: yaml.Node, hint: str = "") -> PlanLoadError:
        return _fail(code, message, self.path, *self._pos(node), hint=hint)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self._error("P009", f"the document expands to more than {MAX_VALUES:,} values",
                              node, hint="anchors and aliases (&x / *x) multiply the document")
        if depth > MAX_DEPTH:
            raise self._error("P010", f"nesting deeper than {MAX_DEPTH} levels", node)
        self.source.values.setdefault(path, self._pos(node))
        if node.tag not in _STANDARD_TAGS and node.tag != _MERGE:
            raise self._error("P014", f"tag '{node.tag}' is not allowed in a plan", node,
                              hint="remove the '!' tag; plans are plain data")
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _scalar(self, node: yaml.ScalarNode) -> str | None:
        if node.style is None and node.value in _NULL_WORDS and node.tag == _NULL:
            return None
        return str(node.value)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.update(self._merge(value_node, path, depth))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._error("P013", "a key must be plain text, not a list or mapping",
                                  key_node)
            key = str(key_node.value)
            if key in result:
                first = self.source.keys[(*path, key)][0]
                raise self._error("P008", f"duplicate key '{key}' (first at line {first})",
                                  key_node, hint="YAML would silently keep only the last one")
            self.source.keys[(*path, key)] = self._pos(key_node)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def _merge(self, value_node: yaml.Node, path: Path, depth: int) -> dict[str, Any]:
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        merged: dict[str, Any] = {}
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise self._error("P006", "'<<' merges mappings only", source)
            for key, value in self._mapping(source, path, depth).items():
                merged.setdefault(key, value)
        return merged
