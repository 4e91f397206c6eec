"""The road graph of a town map and travel times over it.

A ``RoadGraph`` is built once per activation (for one set of ``Conditions``: rain and
closed segments). ``tree_to(destination)`` runs one Dijkstra from the destination over
the reversed graph, so the travel time of every person to that destination is a lookup.

Travel time = walk from the origin to its nearest road vertex (``WALK_KMH``) + driving
along open roads at ``speed_kmh`` × the rain factor of the road's surface + walk from
the destination's nearest road vertex to the destination. The factors and their sources
are in docs/map-format.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal, get_args, overload

import networkx as nx

from console.roster.townmap import (
    Coord,
    MapError,
    RoadSegment,
    TownMap,
    did_you_mean,
    haversine_m,
    parse_coordinates,
)

__all__ = [
    "DETOUR_WALK_M",
    "HEAVY_RAIN_MIN_EARTH_WIDTH_M",
    "MAX_WALK_M",
    "RAIN_SPEED_FACTORS",
    "WALK_KMH",
    "Closure",
    "Conditions",
    "Leg",
    "Rain",
    "RoadGraph",
    "Route",
    "TravelTree",
    "near_misses",
    "road_closure",
    "speed_factor",
]

Rain = Literal["none", "moderate", "heavy"]
ClosureReason = Literal["closed", "heavy_rain"]

#: Off-road walking speed for the gap between a place and its nearest road vertex.
WALK_KMH = 4.0
#: A place or point further than this from every road vertex is not on this map.
MAX_WALK_M = 10_000.0
#: When closures cut a place's nearest vertex off the town's main road network, people
#: walk to the nearest vertex of the main network if it is at most this far; else the
#: place is cut off.
DETOUR_WALK_M = 500.0
#: Driving speed multipliers by rain and surface (docs/map-format.md gives the sources).
RAIN_SPEED_FACTORS: Mapping[Rain, Mapping[str, float]] = {
    "none": {"paved": 1.0, "gravel": 1.0, "earth": 1.0},
    "moderate": {"paved": 0.90, "gravel": 0.80, "earth": 0.70},
    "heavy": {"paved": 0.85, "gravel": 0.60, "earth": 0.40},
}
#: In heavy rain an earth road narrower than this is closed to vehicles.
HEAVY_RAIN_MIN_EARTH_WIDTH_M = 3.0
_CELL_M = 250.0


@dataclass(frozen=True)
class Conditions:
    """Weather and closures for one activation. ``closed`` holds road segment ids."""

    rain: Rain = "none"
    closed: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.rain not in get_args(Rain):
            raise ValueError(f"rain must be one of {', '.join(get_args(Rain))}, "
                             f"not {self.rain!r}")
        object.__setattr__(self, "closed", frozenset(self.closed))


@dataclass(frozen=True)
class Closure:
    """A road segment out of use: closed by the operator (``closed``) or by heavy rain."""

    road: str
    reason: ClosureReason


@dataclass(frozen=True)
class Leg:
    """Part of a route: along one road (``road`` = its id) or on foot (``road`` None,
    ``name`` = the place walked from or to)."""

    name: str
    metres: float
    seconds: float
    road: str | None = None


@dataclass(frozen=True)
class Route:
    """A travel route; ``segments`` are the road ids in order. ``legs[0]`` is always the
    walk from the origin to the road and ``legs[-1]`` the walk from the road to the
    destination (0 m when the place is on a road vertex); the legs between follow roads."""

    origin: str
    destination: str
    seconds: float
    metres: float
    segments: tuple[str, ...]
    legs: tuple[Leg, ...]

    @property
    def minutes(self) -> float:
        return self.seconds / 60


def speed_factor(surface: str, rain: Rain) -> float:
    """The multiplier on a road's typical speed for its surface in this rain."""
    return RAIN_SPEED_FACTORS[rain][surface]


def road_closure(road: RoadSegment, conditions: Conditions) -> ClosureReason | None:
    """Why the road is out of use under these conditions, or None if it is open."""
    if road.id in conditions.closed:
        return "closed"
    if (conditions.rain == "heavy" and road.surface == "earth"
            and road.width_m < HEAVY_RAIN_MIN_EARTH_WIDTH_M):
        return "heavy_rain"
    return None


@dataclass(frozen=True)
class _End:
    """A resolved origin or destination: its key, label, nearest vertex and walk."""

    key: str
    label: str
    vertex: int
    walk_m: float

    @property
    def walk_s(self) -> float:
        return self.walk_m / (WALK_KMH / 3.6)


@dataclass(frozen=True)
class TravelTree:
    """Shortest travel times from everywhere to one destination (one Dijkstra)."""

    destination: str
    graph: RoadGraph = field(repr=False, compare=False)
    _end: _End = field(repr=False, compare=False)
    _seconds: Mapping[int, float] = field(repr=False, compare=False)
    _next: Mapping[int, int] = field(repr=False, compare=False)

    def seconds_from(self, origin: str) -> float | None:
        """Travel time in seconds from ``origin``; None when no open road leads here."""
        start = self.graph._resolve(origin)
        if start.key == self._end.key:
            return 0.0
        driving = self._seconds.get(start.vertex)
        if driving is None:
            return None
        return start.walk_s + driving + self._end.walk_s

    def route_from(self, origin: str) -> Route | None:
        """The route from ``origin`` with its legs; None when unreachable."""
        start = self.graph._resolve(origin)
        total = self.seconds_from(origin)
        if total is None:
            return None
        if start.key == self._end.key:  # already there
            here = Leg(start.label, 0.0, 0.0)
            return Route(start.key, self.destination, 0.0, 0.0, (), (here, here))
        legs = [Leg(start.label, start.walk_m, start.walk_s)]
        vertex = start.vertex
        roads = self.graph.town.road_by_id
        while vertex != self._end.vertex:
            after = self._next[vertex]
            edge = self.graph.graph.edges[vertex, after]
            if legs[-1].road == edge["road"]:
                last = legs[-1]
                legs[-1] = Leg(last.name, last.metres + edge["metres"],
                               last.seconds + edge["seconds"], last.road)
            else:
                legs.append(Leg(roads[edge["road"]].name, edge["metres"], edge["seconds"],
                                edge["road"]))
            vertex = after
        legs.append(Leg(self._end.label, self._end.walk_m, self._end.walk_s))
        return Route(origin=start.key, destination=self.destination, seconds=total,
                     metres=sum(leg.metres for leg in legs),
                     segments=tuple(leg.road for leg in legs if leg.road is not None),
                     legs=tuple(legs))


class RoadGraph:
    """The town's roads as a directed networkx graph of road vertices, for one set of
    conditions. Edges carry ``seconds``, ``metres`` and ``road`` (the segment id)."""

    def __init__(self, town: TownMap, conditions: Conditions = Conditions()) -> None:
        self.town = town
        self.conditions = conditions
        roads = town.road_by_id
        unknown = sorted(conditions.closed - set(roads))
        if unknown:
            raise MapError(f"unknown road segment '{unknown[0]}'"
                           f"{did_you_mean(unknown[0], sorted(roads))}")
        self.closures: Mapping[str, ClosureReason] = {
            road.id: reason for road in town.roads
            if (reason := road_closure(road, conditions)) is not None
        }
        self._vertex_of: dict[Coord, int] = {}
        self.vertices: list[Coord] = []
        self._road_vertices: dict[str, list[int]] = {}
        self.graph: Any = nx.DiGraph()
        for road in town.roads:
            ids = [self._vertex(c) for c in road.coords]
            self._road_vertices[road.id] = ids
            if road.id in self.closures:
                continue
            speed = road.speed_kmh * speed_factor(road.surface, conditions.rain) / 3.6
            for (a, b), (ca, cb) in zip(pairwise(ids), pairwise(road.coords), strict=True):
                if a == b:
                    continue
                metres = haversine_m(ca, cb)
                self._edge(a, b, metres, metres / speed, road.id)
                if not road.oneway:
                    self._edge(b, a, metres, metres / speed, road.id)
        self._index = _VertexIndex(self.vertices)
        #: The main network: the largest connected set of vertices over open roads.
        parts: list[set[int]] = list(nx.weakly_connected_components(self.graph))
        main: set[int] = max(parts, key=_size_then_first)
        self._main = frozenset(main)
        self._ends: dict[str, _End] = {}
        self._trees: dict[str, TravelTree] = {}

    def _vertex(self, coords: Coord) -> int:
        vertex = self._vertex_of.get(coords)
        if vertex is None:
            vertex = self._vertex_of[coords] = len(self.vertices)
            self.vertices.append(coords)
            self.graph.add_node(vertex)
        return vertex

    def _edge(self, a: int, b: int, metres: float, seconds: float, road: str) -> None:
        existing = self.graph.get_edge_data(a, b)
        if existing is None or seconds < existing["seconds"]:
            self.graph.add_edge(a, b, seconds=seconds, metres=metres, road=road)

    def _resolve(self, ref: str) -> _End:
        end = self._ends.get(ref)
        if end is None:
            coords = parse_coordinates(ref)
            if coords is None:
                place = self.town.place(ref)
                key, label, coords = place.id, place.name, place.coords
            else:
                key = label = f"{coords[0]:.6f},{coords[1]:.6f}"
            vertex = self._index.nearest(coords)
            walk = haversine_m(coords, self.vertices[vertex])
            if walk > MAX_WALK_M:
                raise MapError(f"'{ref}' is {walk / 1000:.1f} km from the nearest road of "
                               f"this map (limit {MAX_WALK_M / 1000:g} km); is it on the map?")
            if vertex not in self._main:  # closures cut it off: walk to the main network?
                detour = self._index.nearest(coords, within_m=DETOUR_WALK_M,
                                             accept=self._main.__contains__)
                if detour is not None:
                    vertex, walk = detour, haversine_m(coords, self.vertices[detour])
            end = self._ends[ref] = _End(key, label, vertex, walk)
        return end

    def tree_to(self, destination: str) -> TravelTree:
        """Travel times from everywhere to ``destination`` (cached per destination)."""
        end = self._resolve(destination)
        tree = self._trees.get(end.key)
        if tree is None:
            pred, seconds = nx.dijkstra_predecessor_and_distance(
                self.graph.reverse(copy=False), end.vertex, weight="seconds")
            after = {v: hops[0] for v, hops in pred.items() if hops}
            tree = self._trees[end.key] = TravelTree(end.key, self, end, seconds, after)
        return tree

    def route(self, origin: str, destination: str) -> Route | None:
        """The fastest route, or None when no open road connects them."""
        return self.tree_to(destination).route_from(origin)

    def why_unreachable(self, origin: str, destination: str) -> tuple[Closure, ...]:
        """The closed segments around the cut-off side (the smaller of the two open
        components); empty when the map itself has no road between them."""
        start, end = self._resolve(origin), self._resolve(destination)
        undirected = self.graph.to_undirected(as_view=True)
        sides = [nx.node_connected_component(undirected, v) for v in (start.vertex, end.vertex)]
        if start.vertex in sides[1]:
            return ()
        side = min(sides, key=len)
        return tuple(
            Closure(road, reason) for road, reason in self.closures.items()
            if any(v in side for v in self._road_vertices[road])
            and any(v not in side for v in self._road_vertices[road])
        )

    def walk_to_road(self, ref: str) -> float:
        """Metres from a place or point to its nearest road vertex."""
        return self._resolve(ref).walk_m


def _size_then_first(part: set[int]) -> tuple[int, int]:
    return len(part), -min(part)


class _VertexIndex:
    """Nearest road vertex by a uniform grid of ``_CELL_M`` cells on a local projection."""

    def __init__(self, vertices: list[Coord]) -> None:
        self.vertices = vertices
        lat0 = sum(lat for _, lat in vertices) / len(vertices) if vertices else 0.0
        self.ky = math.pi / 180 * 6_371_008.8
        self.kx = self.ky * math.cos(math.radians(lat0))
        self.cells: dict[tuple[int, int], list[int]] = {}
        for v, (lon, lat) in enumerate(vertices):
            self.cells.setdefault(self._cell(lon * self.kx, lat * self.ky), []).append(v)
        cols = [i for i, _ in self.cells] or [0]
        rows = [j for _, j in self.cells] or [0]
        self.bounds = (min(cols), max(cols), min(rows), max(rows))

    @staticmethod
    def _cell(x: float, y: float) -> tuple[int, int]:
        return math.floor(x / _CELL_M), math.floor(y / _CELL_M)

    @overload
    def nearest(self, coords: Coord) -> int: ...
    @overload
    def nearest(self, coords: Coord, within_m: float,
                accept: Callable[[int], bool]) -> int | None: ...

    def nearest(self, coords: Coord, within_m: float = math.inf,
                accept: Callable[[int], bool] = lambda v: True) -> int | None:
        """The nearest accepted vertex (lowest index among equals), None if none is
        within ``within_m`` (on the local projection)."""
        x, y = coords[0] * self.kx, coords[1] * self.ky
        ci, cj = self._cell(x, y)
        imin, imax, jmin, jmax = self.bounds
        reach = max(abs(ci - imin), abs(ci - imax), abs(cj - jmin), abs(cj - jmax))
        reach = min(reach, math.ceil(within_m / _CELL_M) if within_m < math.inf else reach)
        best: tuple[float, int] = (within_m ** 2, -1)
        if reach > 400:  # far outside the map: a plain scan is cheaper than empty rings
            return min((v for v in range(len(self.vertices)) if accept(v)),
                       key=lambda v: (self._d2(v, x, y), v), default=None)
        for r in range(reach + 1):
            for i in range(ci - r, ci + r + 1):
                for j in ((cj - r, cj + r) if abs(i - ci) != r else range(cj - r, cj + r + 1)):
                    for v in self.cells.get((i, j), ()):
                        if accept(v):
                            best = min(best, (self._d2(v, x, y), v))
            if best[1] >= 0 and best[0] <= (r * _CELL_M) ** 2:
                break
        return best[1] if best[1] >= 0 else None

    def _d2(self, v: int, x: float, y: float) -> float:
        lon, lat = self.vertices[v]
        return (lon * self.kx - x) ** 2 + (lat * self.ky - y) ** 2


def near_misses(town: TownMap, within_m: float = 5.0) -> list[tuple[str, Coord, str, float]]:
    """Road ends that almost touch another road without sharing its coordinates:
    (road id, end, other road id, metres apart). Such roads are not connected."""
    owners: dict[Coord, set[str]] = {}
    for road in town.roads:
        for c in road.coords:
            owners.setdefault(c, set()).add(road.id)
    coords = list(owners)
    index = _VertexIndex(coords)
    found: list[tuple[str, Coord, str, float]] = []
    seen: set[frozenset[Coord]] = set()
    for road in town.roads:
        for end in _ends_of(road.coords):
            if len(owners[end]) > 1:
                continue
            for other in _within(index, coords, end, within_m):
                pair = frozenset((end, other))
                if other == end or owners[other] <= {road.id} or pair in seen:
                    continue
                seen.add(pair)
                for rid in sorted(owners[other] - {road.id}):
                    found.append((road.id, end, rid, haversine_m(end, other)))
    return found


def _ends_of(coords: Iterable[Coord]) -> tuple[Coord, ...]:
    line = tuple(coords)
    return (line[0], line[-1]) if line[0] != line[-1] else (line[0],)


def _within(index: _VertexIndex, coords: list[Coord], point: Coord,
            metres: float) -> list[Coord]:
    x, y = point[0] * index.kx, point[1] * index.ky
    ci, cj = index._cell(x, y)
    span = math.ceil(metres / _CELL_M)
    return [coords[v] for i in range(ci - span, ci + span + 1)
            for j in range(cj - span, cj + span + 1) for v in index.cells.get((i, j), ())
            if index._d2(v, x, y) <= metres ** 2]
