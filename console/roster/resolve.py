"""Role resolution: who would be called for each role of a plan, for one incident.

Given a plan, a level, an incident (place, village, grid, time) and the roster, each
role gets its ranked candidates (available, matching, nearest by travel time first),
the people chosen, the backups in order, and any shortfall. When a role lists several
selectors, people matching an earlier one come first (``网格长（事发网格优先）``: the
incident grid's leader before the village's others; ``事发村小分队优先，不足时调邻近村``),
nearest first within each. Deterministic: ties are broken by person id. Nobody is
chosen for two roles; when that leaves a role short, the conflict is reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from console.plans.levels import Level
from console.plans.model import Plan, Role, Selector
from console.plans.vocabulary import Lane

from .model import Availability, Person, Roster

__all__ = [
    "Candidate",
    "Incident",
    "Resolution",
    "RoleResolution",
    "TravelTimes",
    "active_roles",
    "place_of",
    "resolve_roles",
    "role_destination",
]


class TravelTimes(Protocol):
    """Travel time in seconds from a place (id, name or ``lon,lat``) to another, or
    None when no road leads there."""

    def seconds(self, origin: str, destination: str) -> float | None: ...


@dataclass(frozen=True)
class Incident:
    """Where and when: ``place`` is a map place; ``village``/``grid`` are roster ids."""

    place: str
    time: dt.datetime
    village: str | None = None
    grid: str | None = None
    kind: str = ""


@dataclass(frozen=True)
class Candidate:
    person: Person
    availability: Availability
    location: str
    travel_seconds: float | None

    @property
    def reachable(self) -> bool:
        return self.travel_seconds is not None


@dataclass(frozen=True)
class RoleResolution:
    """One role at one level: who is needed, who would be called, who is missing."""

    role_id: str
    role: Role
    needed: int
    destination: str
    chosen: tuple[Candidate, ...]
    reserve: tuple[Candidate, ...]  # eligible, available, not chosen: called if someone fails
    unavailable: tuple[Candidate, ...]  # match the role but on leave or unreachable
    taken_elsewhere: tuple[tuple[Candidate, str], ...]  # chosen for another role first
    backups: tuple[tuple[str, tuple[Candidate, ...]], ...]  # backup role id → its free people

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - len(self.chosen))

    @property
    def eligible(self) -> int:
        """Everyone who matches the role, whatever their state."""
        return len(self.chosen) + len(self.reserve) + len(self.unavailable) + len(
            self.taken_elsewhere)


@dataclass(frozen=True)
class Resolution:
    plan: Plan
    level: Level
    incident: Incident
    roles: Mapping[str, RoleResolution] = field(default_factory=dict)

    @property
    def shortfalls(self) -> dict[str, int]:
        return {rid: r.shortfall for rid, r in self.roles.items() if r.shortfall}

    def called(self) -> list[tuple[str, Candidate]]:
        """Everyone called at activation, role by role."""
        return [(rid, c) for rid, r in self.roles.items() for c in r.chosen]


def active_roles(plan: Plan, level: Level) -> list[str]:
    """Roles needed at a level: used by a step that applies there (as its role or
    mobilised by it), with a count above zero, in plan order."""
    used: set[str] = set()
    for step in plan.steps_at(level).values():
        if step.role is not None:
            used.add(step.role)
        used.update(step.mobilises)
    return [rid for rid, role in plan.roles.items() if rid in used and role.count_at(level) > 0]


def _matches(person: Person, selector: Selector, incident: Incident, roster: Roster) -> bool:
    if selector.unit is not None and person.unit is not selector.unit:
        return False
    if selector.village not in (None, "any"):
        wanted = incident.village if selector.village == "incident" else selector.village
        village = roster.village(wanted) if wanted else None
        if village is None or person.village != village.id:
            return False
    if selector.grid not in (None, "any"):
        wanted_grid = incident.grid if selector.grid == "incident" else selector.grid
        if wanted_grid is None or wanted_grid not in person.grids:
            return False
    if selector.grid == "any" and not person.grids:
        return False
    if not set(selector.tags) <= person.tags:
        return False
    return selector.post is None or selector.post in person.post


def role_destination(plan: Plan, role_id: str, incident: Incident) -> str:
    """Where a role's people go: its assembly point, else where its first step happens."""
    role = plan.roles[role_id]
    target = role.assemble_at
    if target is None:
        step = next((s for s in plan.steps.values() if s.role == role_id), None)
        if step is not None and step.at is not None:
            target = step.at
        elif step is not None and step.lane in (Lane.TOWN, Lane.CITY):
            target = "command_centre"
        else:
            target = "incident"
    return place_of(plan, target, incident)


def place_of(plan: Plan, ref: str, incident: Incident) -> str:
    """A map place for an assembly point id or an anchor, for this incident."""
    if ref in plan.assembly_points:
        ref = plan.assembly_points[ref].at
    if ref == "incident":
        return incident.place
    if ref == "village_committee":
        return incident.village or incident.place
    return ref


def resolve_roles(
    plan: Plan,
    level: Level,
    incident: Incident,
    roster: Roster,
    travel: TravelTimes | None = None,
) -> Resolution:
    """Resolve every role needed at ``level`` for ``incident``.

    Roles choose in order of scarcity: the role with the fewest usable candidates first,
    ties in plan order, so a specialist whom only one role can use is not taken first
    by a role that had plenty of others to choose from.
    """
    taken: dict[str, str] = {}  # person id → role id
    chosen: dict[str, list[Candidate]] = {}
    pools: dict[str, list[Candidate]] = {}
    active = active_roles(plan, level)
    for rid in plan.roles:
        pools[rid] = _pool(plan, rid, incident, roster, travel)
    index = {rid: i for i, rid in enumerate(plan.roles)}

    def scarcity(rid: str) -> tuple[int, int]:
        return sum(1 for c in pools[rid] if _usable(c)), index[rid]

    for rid in sorted(active, key=scarcity):
        needed = plan.roles[rid].count_at(level)
        picks: list[Candidate] = []
        for candidate in pools[rid]:
            if len(picks) >= needed:
                break
            if _usable(candidate) and candidate.person.id not in taken:
                picks.append(candidate)
                taken[candidate.person.id] = rid
        chosen[rid] = picks
    results: dict[str, RoleResolution] = {}
    for rid in active:
        mine = {c.person.id for c in chosen[rid]}
        free = [c for c in pools[rid] if _usable(c) and c.person.id not in mine]
        results[rid] = RoleResolution(
            role_id=rid,
            role=plan.roles[rid],
            needed=plan.roles[rid].count_at(level),
            destination=role_destination(plan, rid, incident),
            chosen=tuple(chosen[rid]),
            reserve=tuple(c for c in free if c.person.id not in taken),
            unavailable=tuple(c for c in pools[rid] if not _usable(c)),
            taken_elsewhere=tuple((c, taken[c.person.id]) for c in free
                                  if c.person.id in taken),
            backups=(),
        )
    for rid, result in results.items():
        backups = tuple(
            (b, tuple(c for c in pools.get(b, []) if _usable(c) and c.person.id not in taken))
            for b in result.role.backups
        )
        results[rid] = RoleResolution(**{**result.__dict__, "backups": backups})
    return Resolution(plan, level, incident, results)


def _usable(candidate: Candidate) -> bool:
    return candidate.availability is not Availability.ON_LEAVE and candidate.reachable


def _pool(plan: Plan, rid: str, incident: Incident, roster: Roster,
          travel: TravelTimes | None) -> list[Candidate]:
    role = plan.roles[rid]
    destination = role_destination(plan, rid, incident)
    ranked: list[tuple[int, Candidate]] = []
    for person in roster.people:
        tier = next((i for i, sel in enumerate(role.from_)
                     if _matches(person, sel, incident, roster)), None)
        if tier is None:
            continue
        state = roster.availability(person, incident.time)
        where = roster.location(person, incident.time)
        seconds = travel.seconds(where, destination) if travel is not None and where else 0.0
        ranked.append((tier, Candidate(person, state, where, seconds)))
    # The earlier selector first; then nearest; among equals, the one already on duty;
    # then by id for determinism.
    order = {Availability.ON_DUTY: 0, Availability.OFF_DUTY: 1, Availability.ON_LEAVE: 2}
    ranked.sort(key=lambda tc: (
        tc[0], tc[1].travel_seconds if tc[1].travel_seconds is not None else float("inf"),
        order[tc[1].availability], tc[1].person.id))
    return [candidate for _, candidate in ranked]
