"""What a drill is: its type, status and sources, and the record read back from the store.

The words follow the console's terms (docs/drills.md): a drill's *form* (桌面推演 /
模拟 / 实战) and *content* (单项 / 综合), with the HSEEP name alongside; a status that
moves planned → running ⇄ paused → finished / aborted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "MARKER",
    "TRANSITIONS",
    "Drill",
    "DrillContent",
    "DrillError",
    "DrillForm",
    "DrillStatus",
    "Entry",
    "Objective",
    "Source",
    "drill_type_text",
]

#: Printed on every screen, report and line of CLI output about a drill.
MARKER = "演练 DRILL"


class DrillError(Exception):
    """A drill cannot do what was asked; ``str()`` is one line for the operator."""


class DrillForm(StrEnum):
    """How the drill is held (by form)."""

    TABLETOP = "tabletop"
    SIMULATED = "simulated"
    LIVE = "live"

    @property
    def zh(self) -> str:
        """The Chinese display name."""
        return {"tabletop": "桌面推演", "simulated": "模拟演练", "live": "实战演练"}[self.value]

    @property
    def hseep(self) -> str:
        """The nearest HSEEP exercise type."""
        return {"tabletop": "Tabletop Exercise (TTX)", "simulated": "Functional Exercise (FE)",
                "live": "Full-Scale Exercise (FSE)"}[self.value]


class DrillContent(StrEnum):
    """What the drill covers (by content)."""

    SINGLE = "single"
    COMPREHENSIVE = "comprehensive"

    @property
    def zh(self) -> str:
        """The Chinese display name."""
        return {"single": "单项", "comprehensive": "综合"}[self.value]


class DrillStatus(StrEnum):
    """Where a drill is: planned → running ⇄ paused → finished / aborted."""

    PLANNED = "planned"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    ABORTED = "aborted"

    @property
    def zh(self) -> str:
        """The Chinese display name."""
        return {"planned": "未开始", "running": "进行中", "paused": "已暂停",
                "finished": "已结束", "aborted": "已中止"}[self.value]

    @property
    def closed(self) -> bool:
        """Finished or aborted: nothing more is run or resumed."""
        return self in (DrillStatus.FINISHED, DrillStatus.ABORTED)


#: Allowed status changes.
TRANSITIONS: dict[DrillStatus, frozenset[DrillStatus]] = {
    DrillStatus.PLANNED: frozenset({DrillStatus.RUNNING, DrillStatus.ABORTED}),
    DrillStatus.RUNNING: frozenset({DrillStatus.PAUSED, DrillStatus.FINISHED,
                                    DrillStatus.ABORTED}),
    DrillStatus.PAUSED: frozenset({DrillStatus.RUNNING, DrillStatus.FINISHED,
                                   DrillStatus.ABORTED}),
    DrillStatus.FINISHED: frozenset(),
    DrillStatus.ABORTED: frozenset(),
}


class Source(StrEnum):
    """Who wrote a timeline entry."""

    ENGINE = "engine"  # the simulation
    OPERATOR = "operator"  # the command-centre operator or the drill controller
    OBSERVER = "observer"  # an evaluator
    SYSTEM = "system"  # the console itself (status changes, store outages)


def drill_type_text(form: str, content: str, lang: str = "zh") -> str:
    """``模拟演练（单项）`` or ``simulated, single (Functional Exercise (FE))``."""
    f, c = DrillForm(form), DrillContent(content)
    if lang == "zh":
        return f"{f.zh}（{c.zh}）"
    return f"{f.value}, {c.value} ({f.hseep})"


@dataclass(frozen=True)
class Objective:
    """A drill objective, tied to plan steps and/or targets."""

    text: str
    steps: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """As stored in ``drill.objectives``."""
        return {"text": self.text, "steps": list(self.steps), "targets": list(self.targets)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Objective:
        """The objective ``as_json`` wrote."""
        return cls(str(data.get("text", "")), tuple(data.get("steps", ())),
                   tuple(data.get("targets", ())))


@dataclass(frozen=True)
class Entry:
    """One recorded timeline entry, as read back from the store."""

    seq: int
    t: float
    wall: dt.datetime
    kind: str
    subject: str
    data: dict[str, Any]
    data_text: str
    source: str
    author: str
    hash: str

    def get(self, key: str, default: Any = None) -> Any:
        """A value of the entry's data."""
        return self.data.get(key, default)


@dataclass(frozen=True)
class Drill:
    """A drill record as stored (``console.store.drill_tables.DrillRow``), immutable."""

    id: str
    name: str
    drill: bool
    form: DrillForm
    content: DrillContent
    purpose: str
    objectives: tuple[Objective, ...]
    participants: tuple[dict[str, Any], ...]
    plan_id: str
    plan_version: str
    plan_title: str
    plan_sha256: str
    plan_path: str
    plan_source: bytes
    level: str
    place: str
    village: str | None
    grid: str | None
    incident_time: dt.datetime
    weather: str
    closed: tuple[str, ...]
    forced: dict[str, str]
    roster_snapshot: str
    roster_demo: bool
    map_name: str
    map_source: str
    scenario_title: str
    scenario_path: str
    scenario_source: str
    injects: tuple[dict[str, Any], ...]
    seed: int
    speed: str
    status: DrillStatus
    status_reason: str
    clock: float
    entries: int
    head_hash: str
    holder: str
    heartbeat: dt.datetime | None
    created_by: str
    created: dt.datetime
    updated: dt.datetime
    started: dt.datetime | None
    finished: dt.datetime | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def type_text(self) -> str:
        """``模拟演练（单项）``."""
        return drill_type_text(self.form, self.content)

    @property
    def simulated(self) -> bool:
        """The engine plays the people (a simulated drill); otherwise humans log them."""
        return self.form is DrillForm.SIMULATED
