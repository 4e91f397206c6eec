"""Importing a roster from spreadsheets: the preview of what changes, and the import.

``import_roster`` reads people (and a duty rota) onto a base roster's villages, grids and
hours; ``diff_people`` compares the result with the roster in use. ``import_rota`` reads
a duty rota alone for the people of a roster; ``diff_shifts`` compares two rotas.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass

from console.roster.model import DutyShift, Person, Roster
from console.roster.table_columns import PEOPLE_COLUMNS
from console.roster.table_read import read_people, read_shifts
from console.roster.table_rows import Outcome, Problem

__all__ = ["PersonChange", "RosterDiff", "RosterImport", "ShiftDiff", "diff_people",
           "diff_shifts", "import_roster", "import_rota"]

_PEOPLE_FIELDS = tuple(c.key for c in PEOPLE_COLUMNS if c.key != "id")


@dataclass(frozen=True)
class RosterImport(Outcome):
    """A roster built from files; ``roster`` is None when there is any error."""

    roster: Roster | None = None
    dropped_shifts: int = 0


@dataclass(frozen=True, slots=True)
class PersonChange:
    before: Person
    after: Person
    fields: tuple[str, ...]  # Column keys, in column order


@dataclass(frozen=True)
class RosterDiff:
    added: tuple[Person, ...] = ()
    changed: tuple[PersonChange, ...] = ()
    removed: tuple[Person, ...] = ()
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def diff_people(before: Iterable[Person], after: Iterable[Person]) -> RosterDiff:
    """What replacing ``before`` by ``after`` changes, by id. ``demo`` is not compared."""
    old = {p.id: p for p in before}
    added: list[Person] = []
    changed: list[PersonChange] = []
    unchanged = 0
    seen: set[str] = set()
    for person in after:
        seen.add(person.id)
        previous = old.get(person.id)
        if previous is None:
            added.append(person)
            continue
        fields = tuple(k for k in _PEOPLE_FIELDS if getattr(previous, k) != getattr(person, k))
        if fields:
            changed.append(PersonChange(previous, person, fields))
        else:
            unchanged += 1
    removed = tuple(p for pid, p in old.items() if pid not in seen)
    return RosterDiff(tuple(added), tuple(changed), removed, unchanged)


def import_roster(path: str | os.PathLike[str], base: Roster, *,
                  rota: str | os.PathLike[str] | None = None) -> RosterImport:
    """People from ``path`` (and a duty rota from ``rota``) as a roster on ``base``'s
    villages, grids and hours. Without ``rota`` the base's shifts of the people who
    remain are kept — unless the base is the demo roster, whose rota is demo data."""
    people = read_people(path, villages=base.villages, grids=base.grids)
    if not people.ok:
        return RosterImport(people.problems)
    problems = list(people.problems)
    dropped = 0
    if rota is not None:
        read = read_shifts(rota, people={p.id: p for p in people.people})
        problems += read.problems
        if not read.ok:
            return RosterImport(tuple(problems))
        shifts = read.shifts
    elif base.demo:
        shifts = ()
    else:
        ids = {p.id for p in people.people}
        shifts = tuple(s for s in base.shifts if s.person in ids)
        dropped = len(base.shifts) - len(shifts)
    covered = {g for p in people.people if "grid_worker" in p.tags for g in p.grids}
    uncovered = [g.name for g in base.grids if g.id not in covered]
    if uncovered and len(uncovered) < len(base.grids):
        problems.append(Problem(os.fspath(path), None, None, "no grid worker for "
                                + "、".join(uncovered), warning=True))
    roster = Roster(people.people, base.villages, base.grids, shifts, base.hours,
                    source=os.fspath(path))
    return RosterImport(tuple(problems), roster, dropped)


@dataclass(frozen=True)
class ShiftDiff:
    """Duty/leave entries (值班表) new in a rota and no longer in it; equal ones unchanged."""

    added: tuple[DutyShift, ...] = ()
    removed: tuple[DutyShift, ...] = ()
    unchanged: int = 0


def diff_shifts(before: Iterable[DutyShift], after: Iterable[DutyShift]) -> ShiftDiff:
    """What replacing the rota ``before`` by ``after`` changes, entry by entry."""
    old = list(dict.fromkeys(before))
    new = list(dict.fromkeys(after))
    old_set, new_set = set(old), set(new)
    return ShiftDiff(tuple(s for s in new if s not in old_set),
                     tuple(s for s in old if s not in new_set),
                     sum(1 for s in new if s in old_set))


def import_rota(path: str | os.PathLike[str], base: Roster) -> RosterImport:
    """A duty rota (值班表) from ``path`` for ``base``'s people: ``base`` with its rota
    replaced, people unchanged. All or nothing, like ``import_roster``."""
    read = read_shifts(path, people=base.by_id)
    if not read.ok:
        return RosterImport(read.problems)
    return RosterImport(read.problems, dataclasses.replace(base, shifts=read.shifts))
