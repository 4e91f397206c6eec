"""Copies kept with a drill, as JSON: the roster it was drilled with and its injects.

A drill must be replayable and reportable after the roster or scenario file changes, so
the record holds copies; these conversions are exact (``roster_from_json(roster_to_json(r))
== r``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

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
from console.simulation.injects import Inject, InjectKind

__all__ = ["inject_from_json", "inject_to_json", "roster_from_json", "roster_to_json"]


def roster_to_json(roster: Roster) -> str:
    """The roster as compact JSON text."""
    data = {
        "source": roster.source,
        "demo": roster.demo,
        "hours": {"days": sorted(roster.hours.days),
                  "spans": [[a.isoformat(), b.isoformat()] for a, b in roster.hours.spans]},
        "villages": [[v.id, v.name, v.community] for v in roster.villages],
        "grids": [[g.id, g.name, g.village] for g in roster.grids],
        "people": [_person(p) for p in roster.people],
        "shifts": [[s.person, s.start.isoformat(), s.end.isoformat(), s.kind.value, s.note]
                   for s in roster.shifts],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _person(p: Person) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "phone": p.phone, "unit": p.unit.value,
            "post": p.post, "village": p.village, "tags": sorted(p.tags),
            "grids": list(p.grids), "home": p.home, "duty_location": p.duty_location,
            "channels": [c.value for c in p.channels], "status": p.status.value,
            "demo": p.demo}


def roster_from_json(text: str) -> Roster:
    """The roster a drill was created with."""
    data = json.loads(text)
    hours = data["hours"]
    return Roster(
        people=tuple(
            Person(id=p["id"], name=p["name"], phone=p["phone"], unit=Unit(p["unit"]),
                   post=p["post"], village=p["village"], tags=frozenset(p["tags"]),
                   grids=tuple(p["grids"]), home=p["home"], duty_location=p["duty_location"],
                   channels=tuple(Channel(c) for c in p["channels"]),
                   status=Availability(p["status"]), demo=p["demo"])
            for p in data["people"]),
        villages=tuple(Village(i, n, c) for i, n, c in data["villages"]),
        grids=tuple(Grid(i, n, v) for i, n, v in data["grids"]),
        shifts=tuple(DutyShift(person, dt.datetime.fromisoformat(a),
                               dt.datetime.fromisoformat(b), ShiftKind(kind), note)
                     for person, a, b, kind, note in data["shifts"]),
        hours=WorkingHours(frozenset(hours["days"]),
                           tuple((dt.time.fromisoformat(a), dt.time.fromisoformat(b))
                                 for a, b in hours["spans"])),
        source=data["source"],
        demo=data["demo"],
    )


def inject_to_json(inject: Inject) -> dict[str, Any]:
    """An inject as plain JSON: ``at``, ``kind``, ``params`` (pairs), ``message``, ``source``."""
    return {"at": inject.at, "kind": inject.kind.value,
            "params": [[k, v] for k, v in inject.params],
            "message": inject.message, "source": inject.source}


def inject_from_json(data: dict[str, Any]) -> Inject:
    """The inject ``inject_to_json`` wrote."""
    return Inject(float(data["at"]), InjectKind(data["kind"]),
                  tuple((str(k), v) for k, v in data.get("params", ())),
                  str(data.get("message", "")), str(data.get("source", "")))
