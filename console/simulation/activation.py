"""An activation: a plan at a level for an incident, with the people and the roads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from console.plans.levels import Level
from console.plans.model import Plan
from console.roster.model import Roster
from console.roster.resolve import Incident, TravelTimes
from console.roster.roads import Conditions, Rain, RoadGraph
from console.roster.townmap import MapError, TownMap

__all__ = ["Activation", "MapTravel", "NoTravel", "TravelProvider"]


class TravelProvider(Protocol):
    """Travel times under given road conditions."""

    def under(self, conditions: Conditions) -> TravelTimes: ...


@dataclass(frozen=True)
class Activation:
    """Everything a run needs; the same activation and seed give the same run."""

    plan: Plan
    level: Level
    incident: Incident
    roster: Roster
    rain: Rain = "none"
    closed: frozenset[str] = frozenset()
    seed: int = 0
    forced: Mapping[str, str] = field(default_factory=dict)  # decision step → outcome

    @property
    def conditions(self) -> Conditions:
        return Conditions(self.rain, self.closed)


class _TreeTravel:
    def __init__(self, graph: RoadGraph) -> None:
        self.graph = graph
        self._known: dict[tuple[str, str], float | None] = {}  # a run asks the same often

    def seconds(self, origin: str, destination: str) -> float | None:
        """None when no road leads there, or when the map does not know the place (the
        simulate command warns about unknown plan places before a run)."""
        key = (origin, destination)
        known = self._known
        if key in known:
            return known[key]
        if origin == destination:
            seconds: float | None = 0.0
        else:
            try:
                seconds = self.graph.tree_to(destination).seconds_from(origin)
            except MapError:
                seconds = None
        known[key] = seconds
        return seconds


class MapTravel:
    """Travel over the township's roads: one RoadGraph per set of conditions, one
    shortest-path tree per destination (cached inside the graph)."""

    def __init__(self, town: TownMap) -> None:
        self.town = town
        self._graphs: dict[Conditions, _TreeTravel] = {}

    def under(self, conditions: Conditions) -> TravelTimes:
        travel = self._graphs.get(conditions)
        if travel is None:
            travel = self._graphs[conditions] = _TreeTravel(RoadGraph(self.town, conditions))
        return travel


class NoTravel:
    """Everyone is already where they are needed (tabletop drills, tests)."""

    class _Zero:
        def seconds(self, origin: str, destination: str) -> float | None:
            return 0.0

    def under(self, conditions: Conditions) -> TravelTimes:
        return self._Zero()
