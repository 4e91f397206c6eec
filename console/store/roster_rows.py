"""Roster ⇄ table rows, exactly: what is saved is what loads back (order included)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from console.plans.vocabulary import Channel, Unit
from console.roster.model import (
    Availability,
    DutyShift,
    Grid,
    Person,
    Roster,
    ShiftKind,
    Village,
    WorkingHours,
)
from console.store.errors import StoreError
from console.store.tables import (
    GridRow,
    PersonGridRow,
    PersonRow,
    PersonTagRow,
    RosterInfoRow,
    ShiftRow,
    VillageRow,
)

__all__ = ["ROSTER_ID", "RosterRows", "roster_from_rows", "roster_to_rows"]

#: The key of the one ``roster_info`` row.
ROSTER_ID = 1


@dataclass(frozen=True, slots=True)
class RosterRows:
    """A roster as rows, ready to insert or just read."""

    info: RosterInfoRow
    villages: Sequence[VillageRow]
    grids: Sequence[GridRow]
    people: Sequence[PersonRow]
    tags: Sequence[PersonTagRow]
    person_grids: Sequence[PersonGridRow]
    shifts: Sequence[ShiftRow]


def roster_to_rows(roster: Roster, *, saved_at: dt.datetime) -> RosterRows:
    """The rows of ``roster``; a roster listing one id twice is refused (StoreError)."""
    _refuse_duplicates("person", (p.id for p in roster.people))
    _refuse_duplicates("village", (v.id for v in roster.villages))
    _refuse_duplicates("grid", (g.id for g in roster.grids))
    info = RosterInfoRow(
        id=ROSTER_ID, source=roster.source, demo=roster.demo,
        working_days=sorted(roster.hours.days),
        working_spans=[[start.isoformat(), end.isoformat()] for start, end in roster.hours.spans],
        saved_at=saved_at,
    )
    return RosterRows(
        info=info,
        villages=[VillageRow(id=v.id, position=i, name=v.name, community=v.community)
                  for i, v in enumerate(roster.villages)],
        grids=[GridRow(id=g.id, position=i, name=g.name, village=g.village)
               for i, g in enumerate(roster.grids)],
        people=[_person_row(p, i) for i, p in enumerate(roster.people)],
        tags=[PersonTagRow(person_id=p.id, tag=tag)
              for p in roster.people for tag in sorted(p.tags)],
        person_grids=[PersonGridRow(person_id=p.id, position=i, grid_id=grid)
                      for p in roster.people for i, grid in enumerate(p.grids)],
        shifts=[ShiftRow(position=i, person_id=s.person, starts_at=s.start.isoformat(),
                         ends_at=s.end.isoformat(), kind=s.kind.value, note=s.note)
                for i, s in enumerate(roster.shifts)],
    )


def roster_from_rows(rows: RosterRows) -> Roster:
    """The roster the rows describe; row order does not matter, positions do."""
    tags: dict[str, set[str]] = {}
    for tag in rows.tags:
        tags.setdefault(tag.person_id, set()).add(tag.tag)
    grids: dict[str, list[PersonGridRow]] = {}
    for link in rows.person_grids:
        grids.setdefault(link.person_id, []).append(link)
    info = rows.info
    return Roster(
        people=tuple(
            _person(row, frozenset(tags.get(row.id, ())),
                    tuple(g.grid_id for g in _ordered(grids.get(row.id, []))))
            for row in _ordered(rows.people)),
        villages=tuple(Village(id=v.id, name=v.name, community=v.community)
                       for v in _ordered(rows.villages)),
        grids=tuple(Grid(id=g.id, name=g.name, village=g.village) for g in _ordered(rows.grids)),
        shifts=tuple(
            DutyShift(person=s.person_id, start=dt.datetime.fromisoformat(s.starts_at),
                      end=dt.datetime.fromisoformat(s.ends_at), kind=ShiftKind(s.kind),
                      note=s.note)
            for s in _ordered(rows.shifts)),
        hours=WorkingHours(
            days=frozenset(info.working_days),
            spans=tuple((dt.time.fromisoformat(start), dt.time.fromisoformat(end))
                        for start, end in info.working_spans),
        ),
        source=info.source,
        demo=info.demo,
    )


def _person_row(person: Person, position: int) -> PersonRow:
    return PersonRow(
        id=person.id, position=position, name=person.name, phone=person.phone,
        unit=person.unit.value, post=person.post, village=person.village, home=person.home,
        duty_location=person.duty_location, channels=[c.value for c in person.channels],
        status=person.status.value, demo=person.demo,
    )


def _person(row: PersonRow, tags: frozenset[str], grids: tuple[str, ...]) -> Person:
    return Person(
        id=row.id, name=row.name, phone=row.phone, unit=Unit(row.unit), post=row.post,
        village=row.village, tags=tags, grids=grids, home=row.home,
        duty_location=row.duty_location, channels=tuple(Channel(c) for c in row.channels),
        status=Availability(row.status), demo=row.demo,
    )


class _Positioned(Protocol):
    position: int


_R = TypeVar("_R", bound=_Positioned)


def _ordered(rows: Iterable[_R]) -> list[_R]:
    return sorted(rows, key=lambda row: row.position)


def _refuse_duplicates(kind: str, ids: Iterable[str]) -> None:
    twice = sorted(key for key, count in Counter(ids).items() if count > 1)
    if twice:
        raise StoreError(f"the roster lists {kind} id {', '.join(twice)} more than once")
