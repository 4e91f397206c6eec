"""Drill tables: the drill record, its hash-chained timeline, observations and corrective
actions. Changing one needs a migration (docs/store.md); see docs/drills.md for meaning.

``drill.drill`` says whether the record is an exercise (True) or a real response
(False): the two never mix in statistics. The timeline (``drill_entry``) is append-only:
entries are never updated or deleted, and each carries the SHA-256 of its canonical
content and the previous entry's hash (``console.drills.chain``). The drill row keeps the
chain's length and head so that a truncated timeline is detected.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, LargeBinary, Text
from sqlmodel import Field, SQLModel

from console.store.columns import UtcDateTime

__all__ = ["DrillActionRow", "DrillEntryRow", "DrillObservationRow", "DrillRow"]


class DrillRow(SQLModel, table=True):
    """One drill (or recorded real response): setup, copies of what was drilled, status."""

    __tablename__ = "drill"

    id: str = Field(primary_key=True)
    name: str
    drill: bool = True  # an exercise; False: a real response
    form: str  # tabletop | simulated | live
    content: str  # single | comprehensive
    purpose: str = Field(default="", sa_type=Text)
    objectives: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    participants: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    plan_id: str = Field(index=True)
    plan_version: str
    plan_title: str
    plan_sha256: str
    plan_path: str
    plan_source: bytes = Field(sa_type=LargeBinary)  # the plan file's bytes, as drilled
    level: str
    place: str
    village: str | None = None
    grid: str | None = None
    incident_time: str  # ISO 8601, local time as the scenario gives it (virtual t = 0)
    weather: str = "none"
    closed: list[str] = Field(default_factory=list, sa_type=JSON)
    forced: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    roster_snapshot: str = Field(sa_type=Text)  # JSON (console.drills.snapshot)
    roster_demo: bool = False
    map_name: str = ""
    map_source: str = Field(default="", sa_type=Text)  # the GeoJSON text used
    scenario_title: str = ""
    scenario_path: str = ""
    scenario_source: str = Field(default="", sa_type=Text)
    injects: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    seed: int
    speed: str = "max"  # max | 60 | 1
    status: str = Field(index=True)  # planned | running | paused | finished | aborted
    status_reason: str = ""
    clock: float = 0.0  # virtual seconds the recorded engine events reach
    entries: int = 0  # timeline entries recorded (the chain's length)
    head_hash: str = ""  # hash of the last entry ("" before the first)
    holder: str = ""  # host:pid of the process running the drill
    heartbeat: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)
    created_by: str = ""
    created: dt.datetime = Field(sa_type=UtcDateTime)
    updated: dt.datetime = Field(sa_type=UtcDateTime)
    started: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)
    finished: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)


class DrillEntryRow(SQLModel, table=True):
    """One timeline entry: an engine event, or a human entry (note, report, observation)."""

    __tablename__ = "drill_entry"

    drill_id: str = Field(primary_key=True, foreign_key="drill.id")
    seq: int = Field(primary_key=True)
    t: float  # virtual seconds from the alert
    wall: dt.datetime = Field(sa_type=UtcDateTime)
    kind: str
    subject: str = ""
    data: str = Field(sa_type=Text)  # canonical JSON (sorted keys, compact)
    source: str  # engine | operator | observer | system
    author: str = ""
    hash: str


class DrillObservationRow(SQLModel, table=True):
    """An observer's observation, tied to a step, with a rating; chained through the
    timeline entry ``entry_seq`` that records it."""

    __tablename__ = "drill_observation"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: str = Field(foreign_key="drill.id", index=True)
    entry_seq: int
    t: float | None = None
    wall: dt.datetime = Field(sa_type=UtcDateTime)
    observer: str
    step: str = ""
    rating: int | None = None  # 1 (poor) … 5 (excellent)
    text: str = Field(sa_type=Text)


class DrillActionRow(SQLModel, table=True):
    """A corrective action (整改措施) found in a drill, linked to the plan step it concerns."""

    __tablename__ = "drill_action"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: str = Field(foreign_key="drill.id", index=True)
    problem: str = Field(sa_type=Text)
    action: str = Field(sa_type=Text)
    owner: str
    due: dt.date | None = Field(default=None, sa_type=Date)
    status: str = "open"  # open | in_progress | done
    step: str = ""
    plan_id: str = ""
    created_by: str = ""
    created: dt.datetime = Field(sa_type=UtcDateTime)
    updated: dt.datetime = Field(sa_type=UtcDateTime)
