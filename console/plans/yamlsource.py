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
from dataclasses import dataclass
from typing import Any

import yaml

from .diagnostics import Diagnostic, PlanLoadError
from .messages import YAML_PROBLEMS, Message, msg

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_VALUES", "SourceMap", "YamlDocument", "parse_yaml"]

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 200_000

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
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


def _resolve(kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
    """Tags for untagged nodes: only null and the merge key are told apart from text,
    because plain scalars stay strings here (the model decides what they mean)."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            if value in _NULL_WORDS:
                return _NULL
            if value == "<<":
                return _MERGE
        return _STR
    return _SEQ if kind is yaml.SequenceNode else _MAP


try:  # libyaml's composer, with a resolver that skips PyYAML's regular expressions
    from yaml._yaml import CParser

    class _Loader(CParser):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)

        def resolve(self, kind: type[yaml.Node], value: str,
                    implicit: tuple[bool, bool]) -> str:
            return _resolve(kind, value, implicit)

        # libyaml's composer calls these around every node for path-based resolvers;
        # the resolver above looks at the scalar alone, so there is no path to track.
        def descend_resolver(self, parent: object, index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc,assignment]


class SourceMap:
    """Positions (line, column; from 1) of the keys and values of a document.

    Looked up on demand in the composed node tree, so loading pays nothing for the
    positions nobody asks for. A path is a tuple of mapping keys and list indexes.
    """

    def __init__(self, root: yaml.Node | None = None) -> None:
        self._root = root
        self._entries: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def _mapping_entries(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        cached = self._entries.get(id(node))
        if cached is not None:
            return cached
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        merged: list[dict[str, tuple[yaml.Node, yaml.Node]]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [
                    value_node]
                merged += [self._mapping_entries(m) for m in sources
                           if isinstance(m, yaml.MappingNode)]
            elif isinstance(key_node, yaml.ScalarNode):
                entries.setdefault(str(key_node.value), (key_node, value_node))
        for extra in merged:
            for key, pair in extra.items():
                entries.setdefault(key, pair)
        self._entries[id(node)] = entries
        return entries

    def _walk(self, path: Path) -> tuple[int, yaml.Node | None, yaml.Node | None]:
        """How much of ``path`` exists, and the key and value nodes where it ends."""
        node = self._root
        key_node: yaml.Node | None = None
        matched = 0
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                pair = self._mapping_entries(node).get(part)
                if pair is None:
                    break
                key_node, node = pair
            elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
                  and 0 <= part < len(node.value)):
                key_node, node = None, node.value[part]
            else:
                break
            matched += 1
        return matched, key_node, node

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self._root is not None and \
            self._walk(path)[0] == len(path)

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest existing ancestor; with ``key``,
        the position of the key that introduces it rather than of its value."""
        if self._root is None:
            return (0, 0)
        _, key_node, node = self._walk(tuple(path))
        chosen = key_node if key and key_node is not None else node
        if chosen is None:
            return (1, 1)
        return chosen.start_mark.line + 1, chosen.start_mark.column + 1

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
        raise _fail("P002", msg("P002.too_large", size=len(raw), limit=MAX_BYTES), path)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked_text(raw.decode(codec), path), []
            except UnicodeDecodeError:
                raise _fail("P004", msg("P004.bom", codec=codec), path) from None
    if b"\x00" in raw:
        line, column = _byte_position(raw, raw.index(b"\x00"))
        raise _fail("P004", msg("P004.nul"), path, line, column)
    try:
        return _checked_text(raw.decode("utf-8"), path), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line, column = _byte_position(raw, utf8_error.start)
        raise _fail("P004", msg("P004.neither", offset=utf8_error.start),
                    path, line, column, hint=msg("hint.save_utf8")) from None
    if not re.search(r"[\u4e00-\u9fff]", text):
        line, column = _byte_position(raw, utf8_error.start)
        raise _fail("P004", msg("P004.not_utf8", offset=utf8_error.start), path, line, column,
                    hint=msg("hint.save_utf8"))
    warning = Diagnostic("P005", msg("P005.gb18030"), path, 1, 1, hint=msg("P005.hint"))
    return _checked_text(text, path), [warning]


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (from 1; the column counts bytes) of a byte offset."""
    return raw.count(b"\n", 0, offset) + 1, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _checked_text(text: str, path: str) -> str:
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise _fail("P004", msg("P004.control", char=repr(bad.group())), path, line, column)
    return text


def parse_yaml(raw: bytes | str, path: str = "<plan>") -> YamlDocument:
    """Parse one YAML document into plain data and positions, or raise PlanLoadError."""
    warnings: list[Diagnostic] = []
    if isinstance(raw, bytes):
        text, warnings = decode(raw, path)
    else:
        text = _checked_text(raw, path)
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise _fail("P002", msg("P002.text_too_large", limit=MAX_BYTES), path)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise _fail("P003", msg("P003.empty"), path, hint=msg("hint.start_from"))
    _check_flow_depth(text, path)
    try:
        node = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark
        raise _fail("P006", str(exc).splitlines()[0], path) from None
    except RecursionError:
        raise _fail("P010", msg("P010.too_deep", depth=MAX_DEPTH), path) from None
    if node is None or (node.tag == _NULL and node.value == ""):  # nothing, or a bare '---'
        raise _fail("P003", msg("P003.no_document"), path, hint=msg("hint.start_from"))
    data = _Builder(path).build(node, 0)
    return YamlDocument(data, SourceMap(node), text, tuple(warnings))


def _check_flow_depth(text: str, path: str) -> None:
    """Refuse absurd bracket nesting before the composer recurses into it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH * 4:
        return  # too few brackets to nest that deep: no need to walk the text
    depth = 0
    line = 1
    line_start = 0
    for offset, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH * 4:
                raise _fail("P010", msg("P010.brackets", depth=MAX_DEPTH), path, line,
                            offset - line_start + 1)
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1
            line_start = offset + 1
            depth = 0 if depth > MAX_DEPTH else depth


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> PlanLoadError:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and "end of stream" in (exc.problem or ""):
        mark = exc.context_mark  # an unclosed quote: point at where it opens, not at the end
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = exc.problem or "invalid YAML"
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000 levels)
        return _fail("P010", msg("P010.too_deep", depth=MAX_DEPTH), path, line, column)
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    at_mark = source_line[column - 1 : column] if column else ""
    if ("\t" in problem or "'\\t'" in problem or "tab character" in problem
            or at_mark == "\t" or ("\t" in indent and column - 1 <= len(indent))):
        if at_mark != "\t" and "\t" in indent:
            column = indent.index("\t") + 1
        return _fail("P007", msg("P007.tab"), path, line, column, hint=msg("P007.hint"))
    context: Message | str = ""
    if exc.context:
        if exc.context_mark and exc.context_mark is not mark:
            context = msg("P006.context_at", context=_yaml_text(exc.context),
                          line=exc.context_mark.line + 1)
        else:
            context = msg("P006.context", context=_yaml_text(exc.context))
    hint: Message | None = None
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem or (
        exc.context and ("flow sequence" in exc.context or "flow mapping" in exc.context)
    ):
        hint = msg("P006.hint.bracket")
    elif "quoted scalar" in (exc.context or "") and "end of stream" in problem:
        hint = msg("P006.hint.quote")
    elif "mapping values are not allowed" in problem:
        hint = msg("P006.hint.colon")
    elif "expected a single document" in (exc.context or "") + problem:
        hint = msg("P006.hint.documents")
    return _fail("P006", msg("P006.syntax", problem=_yaml_text(problem), context=context),
                 path, line, column, hint=hint)


def _yaml_text(text: str) -> Message:
    """One of libyaml's problems or contexts: translated when known, else as it is."""
    text = text.replace("\n", " ")
    known = YAML_PROBLEMS.get(text)
    return msg(known[0]) if known else Message.literal(text)


def _fail(code: str, message: Message | str, path: str, line: int = 0, column: int = 0,
          hint: Message | str | None = None) -> PlanLoadError:
    return PlanLoadError([Diagnostic(code, message, path, line, column, hint)])


class _Builder:
    """Turns the node tree into plain data, enforcing the limits on the way."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.count = 0
        # Aliases share the anchor's node. A list or mapping met a second time is an
        # alias; errors inside it are reported where it is repeated, not at the anchor.
        self.built: set[int] = set()
        self.open: set[int] = set()
        self.site: yaml.Node | None = None

    def _error(self, code: str, message: Message, node: yaml.Node,
               hint: Message | None = None) -> PlanLoadError:
        mark = node.start_mark
        return _fail(code, message, self.path, mark.line + 1, mark.column + 1, hint=hint)

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self._error("P009", msg("P009.too_many", limit=MAX_VALUES), self.site or node,
                              hint=msg("P009.hint"))
        if depth > MAX_DEPTH:
            raise self._error("P010", msg("P010.too_deep", depth=MAX_DEPTH), node)
        tag = node.tag
        if tag not in _STANDARD_TAGS:
            raise self._error("P014", msg("P014.tag", tag=tag), node, hint=msg("hint.tag"))
        kind = node.__class__
        if kind is yaml.ScalarNode:
            # plain scalars have no style: None from PyYAML, "" from libyaml
            return None if tag == _NULL and not node.style else node.value  # type: ignore[attr-defined]
        key = id(node)
        if key in self.open:
            raise self._error("P009", msg("P009.recursive"), self.site or node)
        outer = self.site
        if key not in self.built:
            self.built.add(key)
            self.site = node
        self.open.add(key)
        try:
            if kind is yaml.SequenceNode:
                return [self.build(item, depth + 1) for item in node.value]
            return self._mapping(node, depth)  # type: ignore[arg-type]
        finally:
            self.open.discard(key)
            self.site = outer

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        keys: dict[str, yaml.Node] = {}
        merged: dict[str, Any] = {}
        build = self.build
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.update(self._merge(value_node, depth))
                continue
            if key_node.__class__ is not yaml.ScalarNode:
                raise self._error("P013", msg("P013.key"), key_node)
            if key_node.tag not in _STANDARD_TAGS:
                raise self._error("P014", msg("P014.tag", tag=key_node.tag), key_node,
                                  hint=msg("hint.tag"))
            key = key_node.value
            if key in keys:
                first = keys[key].start_mark.line + 1
                raise self._error("P008", msg("P008.duplicate", key=key, first=first),
                                  key_node, hint=msg("P008.hint"))
            keys[key] = key_node
            result[key] = build(value_node, depth + 1)
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def _merge(self, value_node: yaml.Node, depth: int) -> dict[str, Any]:
        self.count += 1
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        merged: dict[str, Any] = {}
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise self._error("P006", msg("P006.merge"), source)
            for key, value in self._mapping(source, depth).items():
                merged.setdefault(key, value)
        return merged
