"""The roster: people, villages and grids, with availability over time.

Immutable values; a ``Roster`` indexes them. Units reuse the plan vocabulary so a
plan's role selectors and the roster speak the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from console.plans.vocabulary import Channel, Unit

__all__ = [
    "TOWNSHIP_UNITS",
    "Availability",
    "DutyShift",
    "Grid",
    "Person",
    "Roster",
    "ShiftKind",
    "Village",
    "WorkingHours",
]

#: Units whose people are township staff (as opposed to village / community staff).
TOWNSHIP_UNITS = frozenset({
    Unit.LEADERSHIP, Unit.COMMAND_CENTRE, Unit.PARTY_BUILDING, Unit.ECONOMIC_DEVELOPMENT,
    Unit.LIVELIHOOD_SERVICES, Unit.SAFETY_RULE_OF_LAW,
})


class Availability(StrEnum):
    """A person's state at a moment: at their duty post, reachable at home, or away."""

    ON_DUTY = "on_duty"
    OFF_DUTY = "off_duty"
    ON_LEAVE = "on_leave"

    @property
    def zh(self) -> str:
        names = {"on_duty": "在岗", "off_duty": "不在岗(可召回)", "on_leave": "请假/外出"}
        return names[self.value]


class ShiftKind(StrEnum):
    DUTY = "duty"    # on duty (e.g. the 24-hour flood-season rota): at the duty location
    LEAVE = "leave"  # away: cannot be mobilised


@dataclass(frozen=True, slots=True)
class Village:
    """A village (村) or community (社区)."""

    id: str
    name: str
    community: bool = False


@dataclass(frozen=True, slots=True)
class Grid:
    """The smallest territorial unit (网格), belonging to one village."""

    id: str
    name: str
    village: str  # Village.id


@dataclass(frozen=True, slots=True)
class DutyShift:
    """A stretch of duty or leave for one person, [start, end)."""

    person: str
    start: dt.datetime
    end: dt.datetime
    kind: ShiftKind = ShiftKind.DUTY
    note: str = ""

    def covers(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """Ordinary office hours: on duty inside them on working days, off duty outside."""

    days: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    spans: tuple[tuple[dt.time, dt.time], ...] = (
        (dt.time(8, 30), dt.time(12, 0)),
        (dt.time(14, 0), dt.time(18, 0)),
    )

    def covers(self, moment: dt.datetime) -> bool:
        if moment.weekday() not in self.days:
            return False
        now = moment.time()
        return any(start <= now < end for start, end in self.spans)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who can be mobilised. ``home`` and ``duty_location`` are map place ids or
    names, or ``lon,lat`` coordinates."""

    id: str
    name: str
    phone: str
    unit: Unit
    post: str
    village: str | None = None  # Village.id, for village staff and grid workers
    tags: frozenset[str] = frozenset()
    grids: tuple[str, ...] = ()  # Grid.id
    home: str = ""
    duty_location: str = ""
    channels: tuple[Channel, ...] = (Channel.PHONE, Channel.SMS, Channel.WECHAT)
    status: Availability = Availability.ON_DUTY  # standing status; ON_LEAVE = long absence
    demo: bool = False

    @property
    def township_staff(self) -> bool:
        return self.unit in TOWNSHIP_UNITS


@dataclass(frozen=True)
class Roster:
    """Everyone who can be mobilised, their villages and grids, and the duty calendar."""

    people: tuple[Person, ...]
    villages: tuple[Village, ...] = ()
    grids: tuple[Grid, ...] = ()
    shifts: tuple[DutyShift, ...] = ()
    hours: WorkingHours = field(default_factory=WorkingHours)
    source: str = ""
    demo: bool = False

    @cached_property
    def by_id(self) -> Mapping[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def village_by_id(self) -> Mapping[str, Village]:
        return {v.id: v for v in self.villages}

    @cached_property
    def grid_by_id(self) -> Mapping[str, Grid]:
        return {g.id: g for g in self.grids}

    @cached_property
    def _shifts_by_person(self) -> Mapping[str, tuple[DutyShift, ...]]:
        grouped: dict[str, list[DutyShift]] = {}
        for shift in self.shifts:
            grouped.setdefault(shift.person, []).append(shift)
        return {pid: tuple(s) for pid, s in grouped.items()}

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)

    def village(self, ref: str) -> Village | None:
        """A village by id or by name (光明村)."""
        found = self.village_by_id.get(ref)
        if found is not None:
            return found
        return next((v for v in self.villages if v.name == ref), None)

    def availability(self, person: Person, moment: dt.datetime) -> Availability:
        """On leave beats duty; a duty shift beats office hours; otherwise off duty."""
        shifts = self._shifts_by_person.get(person.id, ())
        if person.status is Availability.ON_LEAVE or any(
            s.kind is ShiftKind.LEAVE and s.covers(moment) for s in shifts
        ):
            return Availability.ON_LEAVE
        if any(s.kind is ShiftKind.DUTY and s.covers(moment) for s in shifts):
            return Availability.ON_DUTY
        if person.status is Availability.ON_DUTY and self.hours.covers(moment):
            return Availability.ON_DUTY
        return Availability.OFF_DUTY

    def location(self, person: Person, moment: dt.datetime) -> str:
        """Where the person is likely to be: duty location on duty, home otherwise."""
        on_duty = self.availability(person, moment) is Availability.ON_DUTY
        return (person.duty_location or person.home) if on_duty else (
            person.home or person.duty_location)

    def select(
        self,
        *,
        unit: Unit | None = None,
        village: str | None = None,
        grid: str | None = None,
        tags: Iterable[str] = (),
        post: str | None = None,
    ) -> list[Person]:
        """People matching every given criterion, in roster order."""
        wanted = frozenset(tags)
        return [
            p for p in self.people
            if (unit is None or p.unit is unit)
            and (village is None or p.village == village)
            and (grid is None or grid in p.grids)
            and wanted <= p.tags
            and (post is None or post in p.post)
        ]
