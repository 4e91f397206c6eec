"""The plan model: the one source of truth for validation and for the JSON Schema.

Every class is an immutable pydantic model that refuses unknown fields. Shorthands
authors like (``duration: 5m``, ``count: 6``, ``after: verify``, ``levels: III+``)
are normalised on the way in, so the rest of the program sees one shape only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .durations import parse_review_cycle
from .fields import (
    DURATION_SCHEMA,
    ID_PATTERN,
    LEVEL_LIST_SCHEMA,
    OR_SINGLE,
    PLAN_ID_PATTERN,
    Id,
    LevelKey,
    PerLevel,
    Seconds,
    Text,
    as_list,
    level_keys,
    level_list,
    shorthand_schema,
)
from .levels import LEVELS_LOW_TO_HIGH, Level
from .vocabulary import Channel, Hazard, Lane, ResourceKind, Stage, Status, Unit
from .yamlsource import SourceMap

__all__ = [
    "ANCHORS",
    "FORMAT_VERSION",
    "After",
    "Annex",
    "Approval",
    "AssemblyPoint",
    "Branch",
    "Callout",
    "DurationSpec",
    "LevelSpec",
    "Plan",
    "Resource",
    "Role",
    "Selector",
    "Step",
    "Target",
    "Trigger",
]

FORMAT_VERSION = 1
#: Places every plan may name without a map: resolved when a plan is activated.
ANCHORS = ("incident", "village_committee", "command_centre")

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DurationSpec(_Model):
    """A duration as a triangular distribution; a fixed duration has min = likely = max."""

    min: Seconds = Field(ge=0)
    likely: Seconds = Field(ge=0)
    max: Seconds = Field(ge=0)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        if isinstance(value, Mapping) or value is None:
            return value
        return {"min": value, "likely": value, "max": value}

    @model_validator(mode="after")
    def _ordered(self) -> DurationSpec:
        if not self.min <= self.likely <= self.max:
            raise PydanticCustomError("duration", "needs min ≤ likely ≤ max")
        return self

    @property
    def fixed(self) -> bool:
        return self.min == self.max

    @property
    def mean(self) -> float:
        """Mean of the triangular distribution."""
        return (self.min + self.likely + self.max) / 3


ZERO = DurationSpec(min=0, likely=0, max=0)
DurationField = Annotated[
    DurationSpec,
    WithJsonSchema({
        "anyOf": [
            DURATION_SCHEMA,
            {
                "type": "object",
                "properties": {"min": DURATION_SCHEMA, "likely": DURATION_SCHEMA,
                               "max": DURATION_SCHEMA},
                "required": ["min", "likely", "max"],
                "additionalProperties": False,
            },
        ],
        "description": "Fixed (5m) or a range {min: 2m, likely: 4m, max: 8m}",
    }),
]


class Approval(_Model):
    by: Text
    on: dt.date


class Trigger(_Model):
    """A measurable trigger: the level applies when the metric reaches a threshold."""

    metric: Id = Field(description="e.g. rainfall_24h_mm, burned_area_ha, petitioners")
    title: str | None = None
    unit: str | None = None
    at_least: float | None = None
    is_: bool | None = Field(default=None, alias="is")

    @model_validator(mode="after")
    def _one_condition(self) -> Trigger:
        if (self.at_least is None) == (self.is_ is None):
            raise PydanticCustomError("value_error", "give exactly one of 'at_least' or 'is'")
        return self

    def holds(self, value: float | bool) -> bool:
        if self.is_ is not None:
            return bool(value) is self.is_
        return float(value) >= (self.at_least or 0.0)


class LevelSpec(_Model):
    name: Text = Field(description="一般 / 较大 / 重大 / 特别重大")
    color: Literal["blue", "yellow", "orange", "red"]
    trigger: Text = Field(description="When this level applies, in words")
    when: tuple[Trigger, ...] = Field(default=(), description="Measurable triggers (any of)")


class Target(_Model):
    """A named time target, measured from the alert (or from a step) to a step."""

    within: Seconds = Field(gt=0)
    title: str | None = None
    title_en: str | None = None
    measure: Literal["start", "finish"] = Field(
        default="finish", description="Measured to the step's start (people there) or finish"
    )
    from_: Id | None = Field(default=None, alias="from",
                             description="A step to measure from; default: the alert")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        return value if isinstance(value, Mapping) else {"within": value}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return shorthand_schema(handler, core_schema, DURATION_SCHEMA)


class Selector(_Model):
    """Where a role's people come from; every given field must match."""

    unit: Unit | None = None
    village: str | None = Field(default=None, description="'incident', 'any' or a village name")
    grid: str | None = Field(default=None, description="'incident', 'any' or a grid name")
    tags: Annotated[tuple[Id, ...], BeforeValidator(as_list), OR_SINGLE] = ()
    post: str | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Selector:
        if not (self.unit or self.village or self.grid or self.tags or self.post):
            raise PydanticCustomError("value_error", "say at least one of unit, village, grid, "
                                                     "tags or post")
        return self


class Callout(_Model):
    mode: Literal["parallel", "waves"] = "parallel"
    wave_size: int | None = Field(default=None, ge=1)
    wave_every: Seconds | None = None


class Role(_Model):
    title: Text
    title_en: str | None = None
    from_: Annotated[
        tuple[Selector, ...],
        BeforeValidator(lambda v: [v] if isinstance(v, Mapping) else v),
        OR_SINGLE,
    ] = Field(alias="from", min_length=1, description="One selector or a list (any of)")
    count: PerLevel = Field(default_factory=lambda: dict.fromkeys(LEVELS_LOW_TO_HIGH, 1))
    backups: Annotated[tuple[Id, ...], BeforeValidator(as_list), OR_SINGLE] = ()
    ack_within: Seconds | None = None
    escalate_after: Seconds | None = None
    assemble_at: str | None = None
    channels: Annotated[tuple[Channel, ...], BeforeValidator(as_list), OR_SINGLE] = (
        Channel.PHONE, Channel.SMS, Channel.WECHAT)
    callout: Callout = Callout()
    command: bool = Field(default=False, description="This role commands the response")
    note: str | None = None

    def count_at(self, level: Level) -> int:
        return self.count.get(level, 0)


class AssemblyPoint(_Model):
    title: Text
    at: Text = Field(description="incident, village_committee, command_centre, or a map place")
    capacity: int | None = Field(default=None, ge=1)
    note: str | None = None


class After(_Model):
    """Predecessors: every step in ``all`` and at least one in ``any``."""

    all: Annotated[tuple[Id, ...], OR_SINGLE] = ()
    any: Annotated[tuple[Id, ...], OR_SINGLE] = ()

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        if isinstance(value, str):
            return {"all": [value]}
        if isinstance(value, list | tuple):
            return {"all": value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        one = {"type": "string", "pattern": ID_PATTERN}
        return shorthand_schema(handler, core_schema, one, {"type": "array", "items": one})

    @field_validator("all", "any", mode="before")
    @classmethod
    def _single(cls, value: object) -> object:
        return as_list(value)

    @property
    def steps(self) -> tuple[str, ...]:
        return self.all + self.any


class Branch(_Model):
    p: float = Field(ge=0, le=1, description="Probability of this outcome")
    next: Annotated[tuple[Id, ...], BeforeValidator(as_list), OR_SINGLE] = ()
    title: str | None = None
    title_en: str | None = None


class Step(_Model):
    title: Text
    title_en: str | None = None
    lane: Lane
    stage: Stage | None = None
    role: Id | None = Field(default=None, description="Who does it; none for outside bodies")
    headcount: PerLevel | None = Field(default=None, description="Default: the role's count")
    min_present: int | None = Field(default=None, ge=1,
                                    description="People who must be there to start")
    duration: DurationField = ZERO
    after: After = After()
    levels: Annotated[
        tuple[LevelKey, ...] | None,
        BeforeValidator(level_list),
        WithJsonSchema(LEVEL_LIST_SCHEMA),
    ] = None
    target: Annotated[tuple[Id, ...], BeforeValidator(as_list), OR_SINGLE] = ()
    branches: dict[Id, Branch] = Field(default_factory=dict)
    mobilises: Annotated[tuple[Id, ...], BeforeValidator(as_list), OR_SINGLE] = ()
    at: str | None = Field(default=None, description="Assembly point or anchor")
    travel: bool = Field(
        default=False,
        description="The step is its people travelling to 'at': plan figures use the duration "
                    "as an estimate; a simulation uses their actual arrival instead",
    )
    description: str | None = None

    @field_validator("levels")
    @classmethod
    def _some_level(cls, value: tuple[Level, ...] | None) -> tuple[Level, ...] | None:
        if value is not None and not value:
            raise PydanticCustomError("level", "a step must apply at one level at least")
        return value

    def applies_at(self, level: Level) -> bool:
        return self.levels is None or level in self.levels


class Resource(_Model):
    title: Text
    kind: ResourceKind
    quantity: float = Field(gt=0)
    unit: str | None = None
    location: str | None = None
    owner: str | None = None
    contact: str | None = None
    note: str | None = None


class Annex(_Model):
    title: Text
    text: str | None = None
    file: str | None = None


class Plan(_Model):
    """A contingency plan (预案), validated and immutable."""

    format: Literal[1] = Field(description="Plan format version")
    id: Annotated[str, StringConstraints(pattern=PLAN_ID_PATTERN, max_length=64)]
    title: Text
    title_en: str | None = None
    hazard: Hazard
    version: Annotated[
        str,
        BeforeValidator(lambda v: str(v) if isinstance(v, int | float | str) else v),
        WithJsonSchema({"type": ["string", "number"], "description": "Quote it: \"2026.10\""}),
    ]
    status: Status
    owner: Text
    approved: Approval | None = None
    review_every: Annotated[
        int | None,
        BeforeValidator(lambda v: v if v is None else parse_review_cycle(v)),
        WithJsonSchema({"type": "string", "pattern": "^(\\d+(y|mo))+$", "examples": ["3y"]}),
    ] = Field(default=None, description="Review cycle: 3y, 18mo (stored as months)")
    basis: tuple[str, ...] = ()
    purpose: str | None = None
    scope: str | None = None
    levels: Annotated[dict[LevelKey, LevelSpec], BeforeValidator(level_keys)]
    targets: dict[Id, Target] = Field(default_factory=dict)
    roles: dict[Id, Role]
    assembly_points: dict[Id, AssemblyPoint] = Field(default_factory=dict)
    steps: dict[Id, Step]
    resources: dict[Id, Resource] = Field(default_factory=dict)
    annexes: tuple[Annex, ...] = ()

    _source: SourceMap = PrivateAttr(default_factory=SourceMap)

    @property
    def source(self) -> SourceMap:
        """Where each field was written (empty for plans built in code)."""
        return self._source

    def with_source(self, source: SourceMap) -> Plan:
        self._source = source
        return self

    def line_of(self, *path: str | int) -> int:
        return self._source.line(path)

    @property
    def command_roles(self) -> tuple[str, ...]:
        return tuple(rid for rid, role in self.roles.items() if role.command)

    def steps_at(self, level: Level) -> dict[str, Step]:
        return {sid: step for sid, step in self.steps.items() if step.applies_at(level)}

    def headcount(self, step_id: str, level: Level) -> int:
        """People the step needs at a level: its own headcount, else its role's count."""
        step = self.steps[step_id]
        if step.headcount is not None:
            return step.headcount.get(level, 0)
        if step.role is None or step.role not in self.roles:
            return 0
        return self.roles[step.role].count_at(level)
