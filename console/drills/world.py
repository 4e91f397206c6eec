"""The world a drill runs in, rebuilt from the drill record's own copies alone: the plan
text, the roster snapshot, the map, the incident, the injects and the seed. Nothing is
read from the files they came from, so a drill replays and reports the same after they
change."""

from __future__ import annotations

import json
from dataclasses import dataclass

from console.plans.levels import parse_level
from console.plans.loader import load_plan_text
from console.plans.model import Plan
from console.roster.model import Roster
from console.roster.resolve import Incident
from console.roster.townmap import MapError, TownMap, town_map_from_geojson
from console.simulation.activation import Activation, MapTravel
from console.simulation.engine import Run
from console.simulation.injects import Inject

from .model import Drill, DrillError
from .script import ScriptRun
from .snapshot import inject_from_json, roster_from_json

__all__ = ["DrillRun", "World", "build_run", "plan_of", "world_of"]

#: What drives a drill's clock: the engine (simulated) or the scenario alone.
DrillRun = Run | ScriptRun


@dataclass(frozen=True)
class World:
    """Plan, roster, map, incident and scenario injects of one drill."""

    plan: Plan
    roster: Roster
    town: TownMap
    incident: Incident
    injects: tuple[Inject, ...]


def plan_of(drill: Drill) -> Plan:
    """The plan as drilled, from the stored copy."""
    loaded = load_plan_text(drill.plan_source, drill.plan_path or f"<{drill.plan_id}>")
    if loaded.plan is None or loaded.errors:
        first = loaded.errors[0].format() if loaded.errors else "cannot be read"
        raise DrillError(f"drill {drill.id}: the stored copy of plan {drill.plan_id} does not "
                         f"load with this version of the program: {first}")
    return loaded.plan


def world_of(drill: Drill) -> World:
    """Everything a run of ``drill`` needs, from the record's copies."""
    plan = plan_of(drill)
    try:
        town = town_map_from_geojson(json.loads(drill.map_source), source=drill.map_name,
                                     default_name=drill.map_name)
    except (ValueError, MapError) as exc:
        raise DrillError(f"drill {drill.id}: the stored map cannot be read: {exc}") from None
    incident = Incident(drill.place, drill.incident_time, drill.village, drill.grid,
                        plan.hazard.value)
    return World(plan, roster_from_json(drill.roster_snapshot), town, incident,
                 tuple(inject_from_json(i) for i in drill.injects))


def build_run(drill: Drill, world: World | None = None) -> DrillRun:
    """A fresh run of the drill at virtual time 0, with the scenario's injects on cue: the
    engine for a simulated drill, the scenario clock for a tabletop or live one."""
    world = world or world_of(drill)
    activation = Activation(world.plan, parse_level(drill.level), world.incident, world.roster,
                            rain=drill.weather,  # type: ignore[arg-type]
                            closed=frozenset(drill.closed), seed=drill.seed,
                            forced=dict(drill.forced))
    if not drill.simulated:
        return ScriptRun(activation, world.injects)
    return Run(activation, MapTravel(world.town), injects=world.injects)
