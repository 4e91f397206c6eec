"""Load a plan file: read it safely, check its format version, validate it, lint it.

``load_plan`` never raises for a bad file: it returns every diagnostic it found.
``read_plan`` is for callers that need a usable plan and raises PlanLoadError.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, PlanLoadError, suggestion
from .fields import ID_PATTERN, PLAN_ID_PATTERN
from .lint import lint_plan
from .messages import Message, Param, msg
from .model import FORMAT_VERSION, Plan
from .yamlsource import MAX_BYTES, SourceMap, parse_yaml

__all__ = ["MIGRATIONS", "LoadedPlan", "iter_plan_files", "load_plan", "load_plan_text",
           "read_plan"]

#: Upgrades of the raw document from format N to N+1. Format 1 is the first.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedPlan:
    """The outcome of loading one file: the plan (if it could be built) and diagnostics."""

    path: str
    plan: Plan | None
    diagnostics: tuple[Diagnostic, ...]
    sha256: str = ""
    text: str = ""

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not self.errors

    def clean(self, *, strict: bool = False) -> bool:
        return self.ok and not (strict and self.warnings)


def load_plan(path: str | Path) -> LoadedPlan:
    """Load and check the plan file at ``path``."""
    name = str(path)
    try:
        with open(path, "rb") as handle:  # never more than the limit, whatever the file
            raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                size = max(os.fstat(handle.fileno()).st_size, len(raw))
                return LoadedPlan(name, None, (Diagnostic(
                    "P002", msg("P002.too_large", size=size, limit=MAX_BYTES), name),))
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
        return LoadedPlan(name, None, (Diagnostic(
            "P001", msg("P001.unreadable", reason=_os_reason(exc)), name),))
    return load_plan_text(raw, name)


def load_plan_text(raw: bytes | str, path: str = "<plan>") -> LoadedPlan:
    """Load and check a plan from its text or bytes; ``path`` names it in messages."""
    # Loading allocates tens of thousands of short-lived, acyclic objects; the cyclic
    # collector would otherwise run dozens of times and double the time taken.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(raw, path)
    finally:
        if paused:
            gc.enable()


def _load(raw: bytes | str, path: str) -> LoadedPlan:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    digest = hashlib.sha256(data).hexdigest()
    try:
        document = parse_yaml(raw, path)
    except PlanLoadError as exc:
        return LoadedPlan(path, None, exc.diagnostics, digest)
    diagnostics = list(document.warnings)
    if not isinstance(document.data, dict):
        kind = msg("kind.list" if isinstance(document.data, list) else "kind.scalar")
        diagnostics.append(Diagnostic("P011", msg("P011.not_mapping", kind=kind), path, 1, 1))
        return LoadedPlan(path, None, tuple(diagnostics), digest, document.text)
    content, problem = _migrate(document.data, document.source, path)
    if problem is not None:
        diagnostics.append(problem)
        return LoadedPlan(path, None, tuple(diagnostics), digest, document.text)
    try:
        plan = Plan.model_validate(content).with_source(document.source)
    except ValidationError as exc:
        diagnostics.extend(_structure_diagnostics(exc, document.source, path))
        return LoadedPlan(path, None, tuple(_unique(diagnostics)), digest, document.text)
    diagnostics.extend(lint_plan(plan, path))
    return LoadedPlan(path, plan, tuple(_unique(diagnostics)), digest, document.text)


def read_plan(path: str | Path, *, strict: bool = False) -> Plan:
    """The plan at ``path``; PlanLoadError if it has errors (or warnings, when strict)."""
    loaded = load_plan(path)
    if loaded.plan is None or not loaded.clean(strict=strict):
        bad = [d for d in loaded.diagnostics if d.is_error or strict]
        raise PlanLoadError(bad)
    return loaded.plan


def iter_plan_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Plan files named, and the ``.yaml``/``.yml`` files in folders named (sorted)."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix in PLAN_SUFFIXES and p.is_file()
            )
        else:
            yield path


def _migrate(
    data: dict[str, Any], source: SourceMap, path: str
) -> tuple[dict[str, Any], Diagnostic | None]:
    version = data.get("format")
    line, col = source.position(("format",))
    if version is None:
        return data, Diagnostic("P012", msg("P012.missing"), path, 1, 1,
                                hint=msg("P012.missing.hint"))
    # ASCII digits, not isdigit() ('²' is a digit to it); few, or int() raises on them
    if not re.fullmatch(r"0*[0-9]{1,9}", str(version)):
        return data, Diagnostic("P012", msg("P012.not_number", version=str(version)), path,
                                line, col, hint=msg("hint.write_format", version=FORMAT_VERSION))
    number = int(str(version))
    if number > FORMAT_VERSION:
        return data, Diagnostic(
            "P012", msg("P012.too_new", number=number, supported=FORMAT_VERSION), path, line,
            col, hint=msg("P012.too_new.hint"))
    if number < 1:
        return data, Diagnostic("P012", msg("P012.no_such", number=number), path, line, col,
                                hint=msg("hint.write_format", version=FORMAT_VERSION))
    data = {**data, "format": number}
    while number < FORMAT_VERSION:
        data = MIGRATIONS[number](data)
        number += 1
        data["format"] = number
    return data, None


def _structure_diagnostics(
    exc: ValidationError, source: SourceMap, path: str
) -> Iterator[Diagnostic]:
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        is_key = "[key]" in loc
        recorded = _recorded_path(loc, source)
        where = _dotted(recorded)
        if kind == "extra_forbidden":
            field = str(loc[-1])
            parent = _recorded_path(loc[:-1], source)
            line, col = source.position((*parent, field), key=True)
            owner = _dotted(parent)
            known = _fields_at(loc[:-1])
            dym = suggestion(field, known)
            text = (msg("P101.unknown", field=field, owner=owner, dym=dym) if owner
                    else msg("P101.unknown_top", field=field, dym=dym))
            yield Diagnostic("P101", text, path, line, col, hint=_known_fields_hint(known))
            continue
        if kind == "missing":
            field = str(loc[-1])
            line, col = source.position(recorded, key=True)
            yield Diagnostic("P102", msg("P102.missing", where=where, field=field) if where
                             else msg("P102.missing_top", field=field), path, line, col)
            continue
        line, col = source.position(recorded, key=is_key)
        value = error.get("input")
        label = where or "plan"
        ctx = error.get("ctx", {})
        if kind in ("duration", "level"):
            code = "P104" if kind == "duration" else "P106"
            yield Diagnostic(code, msg("value.at", label=label, detail=_detail(error["msg"])),
                             path, line, col)
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") in (
                ID_PATTERN, PLAN_ID_PATTERN):
            yield Diagnostic("P105", msg("P105.invalid", label=label, value=str(value)), path,
                             line, col, hint=msg("P105.hint"))
        elif kind in ("enum", "literal_error"):
            expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
            yield Diagnostic("P103", msg("P103.enum", label=label, value=str(value),
                                         expected=", ".join(expected)), path, line, col,
                             hint=suggestion(str(value), expected, prefix=False))
        else:
            detail = _pydantic_detail(kind, ctx, error["msg"])
            got = "" if isinstance(value, dict | list) else msg("value.got", value=_short(value))
            yield Diagnostic("P103", msg("P103.invalid", label=label, detail=detail, got=got),
                             path, line, col)


#: pydantic's error types → the message saying what the value should be.
_PYDANTIC_KINDS: dict[str, str] = {
    "string_type": "value.text",
    "string_too_long": "value.too_long",
    "string_too_short": "value.empty",
    "model_type": "value.mapping",
    "model_attributes_type": "value.mapping",
    "dict_type": "value.mapping",
    "list_type": "value.list",
    "tuple_type": "value.list",
    "too_short": "value.too_few",
    "date_type": "value.date",
    "date_parsing": "value.date",
    "date_from_datetime_parsing": "value.date",
    "date_from_datetime_inexact": "value.date",
    "bool_type": "value.bool",
    "bool_parsing": "value.bool",
    "float_type": "value.number",
    "float_parsing": "value.number",
    "finite_number": "value.number",
    "int_type": "value.integer",
    "int_parsing": "value.integer",
    "int_from_float": "value.integer",
    "int_parsing_size": "value.integer",
    "greater_than_equal": "value.ge",
    "less_than_equal": "value.le",
    "greater_than": "value.gt",
    "less_than": "value.lt",
}

#: The model's own checks (console/plans: durations, levels, model) by their English
#: wording → message keys; the named groups are the parameters.
_OWN_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key) for pattern, key in (
        (r"'(?P<text>.*)' is not a duration: write e\.g\. 30s, 5m, 1h30m or PT5M",
         "duration.not_duration"),
        (r"a bare number is ambiguous: write (?P<value>.*)m or (?P=value)s",
         "duration.bare_number"),
        (r"expected a duration such as 30s, 5m or 1h30m, got (?P<value>.*)",
         "duration.expected"),
        (r"'(?P<text>.*)' is longer than (?P<years>\d+) years", "duration.too_long"),
        (r"needs min ≤ likely ≤ max", "duration.order"),
        (r"'(?P<text>.*)' is not a review cycle: write e\.g\. 3y or 6mo", "value.review_cycle"),
        (r"'(?P<text>.*)' is not a response level: use IV, III, II or I \(or Ⅳ Ⅲ Ⅱ Ⅰ\)",
         "level.unknown"),
        (r"level (?P<level>\S+) is written twice \('(?P<first>.*)' and '(?P<second>.*)'\)",
         "level.twice"),
        (r"a step must apply at one level at least", "level.step_none"),
        (r"give exactly one of 'at_least' or 'is'", "value.at_least_or_is"),
        (r"say at least one of unit, village, grid, tags or post", "value.selector_empty"),
    ))


def _detail(text: str) -> Message:
    """The message of one of the model's own checks, as data (untranslated if unknown)."""
    text = text.removeprefix("Value error, ")
    for pattern, key in _OWN_MESSAGES:
        match = pattern.fullmatch(text)
        if match:
            return msg(key, **match.groupdict())
    return msg("value.invalid", detail=text)


def _pydantic_detail(kind: str, ctx: dict[str, Any], text: str) -> Message:
    key = _PYDANTIC_KINDS.get(kind)
    if key is None:
        return _detail(text)
    params: dict[str, Param] = {}
    if key == "value.too_long":
        params["max_length"] = int(ctx.get("max_length", 0))
    elif key == "value.empty":
        params["min_length"] = int(ctx.get("min_length", 1))
    elif key == "value.too_few":
        params["min_length"] = int(ctx.get("min_length", 1))
        params["actual"] = int(ctx.get("actual_length", 0))
    elif key in ("value.ge", "value.le", "value.gt", "value.lt"):
        limit = ctx.get(key.removeprefix("value."), "")
        params["limit"] = limit if isinstance(limit, int | float) else str(limit)
    return msg(key, **params)


def _os_reason(exc: Exception) -> Message:
    """Why a file cannot be read, in words (the common cases translated)."""
    number = getattr(exc, "errno", None)
    for name in ("ENOENT", "EACCES", "EISDIR"):
        if number is not None and number == getattr(errno, name):
            return msg(f"os.{name}")
    reason = getattr(exc, "strerror", None) or exc.__class__.__name__
    return msg("os.other", reason=reason)


def _recorded_path(loc: tuple[Any, ...], source: SourceMap) -> tuple[str | int, ...]:
    """The part of a pydantic location that names real places in the document."""
    recorded: tuple[str | int, ...] = ()
    for part in loc:
        candidate = (*recorded, part)
        if candidate in source:
            recorded = candidate
    return recorded


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The field names the model accepts at a location (for suggestions)."""
    model: Any = Plan
    for part in loc:
        model = _strip(model)
        if isinstance(model, type) and issubclass(model, BaseModel):
            field = next((f for n, f in model.model_fields.items() if (f.alias or n) == part),
                         None)
            if field is None:
                return []
            model = field.annotation
        elif typing.get_origin(model) is dict:
            model = typing.get_args(model)[1]
        elif typing.get_origin(model) is tuple:
            model = typing.get_args(model)[0]
        else:
            return []
    model = _strip(model)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or n for n, f in model.model_fields.items()]
    return []


def _strip(annotation: Any) -> Any:
    """Remove Annotated[...] and Optional[...] around a type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _strip(args[0]) if len(args) == 1 else annotation
    return annotation


def _known_fields_hint(known: list[str]) -> Message | None:
    return msg("P101.known", fields=", ".join(known)) if known and len(known) <= 24 else None


def _unique(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[object, ...]] = set()
    result = []
    for d in diagnostics:
        key = (d.code, d.line, d.column, d.message)
        if key not in seen:
            seen.add(key)
            result.append(d)
    return sorted(result, key=lambda d: (d.line, d.column)) if result else result
