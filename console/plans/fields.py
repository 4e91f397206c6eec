"""The value types of the plan format: ids, durations, response levels, counts per level
and the shorthands authors write for them, with their JSON Schema.

``console.plans.model`` builds the plan's models from these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, GetJsonSchemaHandler, StringConstraints, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .durations import DurationError, parse_duration
from .levels import LEVELS_LOW_TO_HIGH, Level, parse_level

__all__ = [
    "DURATION_SCHEMA",
    "ID_PATTERN",
    "LEVEL_LIST_SCHEMA",
    "OR_SINGLE",
    "PLAN_ID_PATTERN",
    "Id",
    "LevelKey",
    "PerLevel",
    "Seconds",
    "Text",
    "as_list",
    "level_keys",
    "level_list",
    "shorthand_schema",
]

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
PLAN_ID_PATTERN = r"^[a-z][a-z0-9_-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]

_NUM = r"\d+(\.\d+)?"
DURATION_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {
            "type": "string",
            "pattern": (
                rf"^\s*(?:(?=[^a-zA-Z]*\d)({_NUM}\s*d)?\s*({_NUM}\s*h)?\s*({_NUM}\s*m)?\s*"
                rf"({_NUM}\s*s)?|[Pp](?=.*\d)({_NUM}[Dd])?([Tt]({_NUM}[Hh])?({_NUM}[Mm])?"
                rf"({_NUM}[Ss])?)?)\s*$"
            ),
        },
        {"const": 0},
    ],
    "description": "A duration: 30s, 5m, 1h30m, 2d or ISO-8601 PT5M",
    "examples": ["30s", "5m", "1h30m"],
}


def _duration(value: object) -> float:
    try:
        return parse_duration(value)
    except DurationError as exc:
        raise PydanticCustomError("duration", str(exc)) from None


def _level(value: object) -> Level:
    try:
        return parse_level(value)
    except ValueError as exc:
        raise PydanticCustomError("level", str(exc)) from None


Seconds = Annotated[float, BeforeValidator(_duration), WithJsonSchema(DURATION_SCHEMA)]
LevelKey = Annotated[
    Level,
    BeforeValidator(_level),
    WithJsonSchema({"enum": ["IV", "III", "II", "I", "Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"]}),
]


class _OrSingle:
    """JSON Schema marker: a list field also accepts one item written alone."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        items = schema.get("items")
        return {"anyOf": [items, schema]} if items else schema


OR_SINGLE = _OrSingle()


def shorthand_schema(
    handler: GetJsonSchemaHandler, core_schema: CoreSchema, *alternatives: dict[str, Any]
) -> JsonSchemaValue:
    """A model's schema that also admits its shorthand forms."""
    schema = handler.resolve_ref_schema(handler(core_schema))
    return {"anyOf": [*alternatives, schema]}


def as_list(value: object) -> object:
    """Let a single item stand where a list is expected."""
    return [value] if isinstance(value, str) else value


def level_keys(value: object) -> object:
    """Refuse a level written twice under two spellings (IV and Ⅳ). Keys that are not
    levels at all are left for the key validator, which reports them at their line."""
    if not isinstance(value, Mapping):
        return value
    spelled: dict[Level, object] = {}
    for key in value:
        try:
            level = parse_level(key)
        except ValueError:
            continue
        if level in spelled:
            raise PydanticCustomError(
                "level", f"level {level.value} is written twice ('{spelled[level]}' and '{key}')")
        spelled[level] = key
    return value


def _per_level(value: object) -> object:
    """``6`` means six at every level; a mapping lists levels, unlisted ones need nobody."""
    if isinstance(value, Mapping):
        level_keys(value)
        return dict(value)
    if value is None:
        return value
    return {level: value for level in LEVELS_LOW_TO_HIGH}


def level_list(value: object) -> object:
    """``III+`` means Ⅲ and every higher level; a single level may stand alone."""
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("+"):
            lowest = _level(text[:-1])
            return [level for level in LEVELS_LOW_TO_HIGH if level.rank >= lowest.rank]
        return [value]
    return value


_PER_LEVEL_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {
            "type": "object",
            "propertyNames": {"enum": ["IV", "III", "II", "I", "Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"]},
            "additionalProperties": {"type": "integer", "minimum": 0},
        },
    ],
    "description": "How many people: one number for every level, or per level {IV: 6, III: 12}",
}
PerLevel = Annotated[
    dict[LevelKey, Annotated[int, Field(ge=0, le=100_000)]],
    BeforeValidator(_per_level),
    WithJsonSchema(_PER_LEVEL_SCHEMA),
]
LEVEL_LIST_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": "^(IV|III|II|I|Ⅳ|Ⅲ|Ⅱ|Ⅰ)\\+?$"},
        {"type": "array", "items": {"enum": ["IV", "III", "II", "I", "Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"]}},
    ],
    "description": "The levels a step applies to: a list, or 'III+' for Ⅲ and above",
}
