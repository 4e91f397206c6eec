"""The township map: villages, grids, roads, assembly points and hazards from GeoJSON.

``load_town_map()`` reads the shipped demo map (``resources/demo/heixi-map.geojson``);
``load_town_map(path)`` reads a town's own file with the same properties
(docs/map-format.md). Bad input raises ``MapError`` naming the file, the feature index
and the property; nothing here raises anything else for a bad file.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "HAZARD_KINDS",
    "PLACE_KINDS",
    "ROAD_CLASSES",
    "SURFACES",
    "Coord",
    "MapError",
    "Place",
    "RoadSegment",
    "TownMap",
    "Waterway",
    "demo_map_path",
    "did_you_mean",
    "haversine_m",
    "load_town_map",
    "parse_coordinates",
    "town_map_from_geojson",
]

Coord = tuple[float, float]  # (lon, lat), WGS84 degrees

#: Kinds of feature that are places (a Point, or a Polygon whose centroid is used).
PLACE_KINDS = ("town_centre", "command_centre", "village", "grid", "assembly_point",
               "hazard", "place")
_OTHER_KINDS = ("boundary", "road", "river")
ROAD_CLASSES = ("county", "township", "village", "track")  # 县道 乡道 村道 机耕道
SURFACES = ("paved", "gravel", "earth")
HAZARD_KINDS = ("landslide", "rockfall", "debris_flow", "forest", "flood")
MAX_FILE_BYTES = 64 * 1024 * 1024
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$")
_LONLAT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,，]\s*(-?\d+(?:\.\d+)?)\s*$")
_EARTH_RADIUS_M = 6_371_008.8


class MapError(Exception):
    """A map file that cannot be used, or a place / road reference that does not resolve.

    ``path``, ``feature`` (0-based index in ``features``) and ``prop`` say where, when known.
    """

    def __init__(self, message: str, *, path: str = "", feature: int | None = None,
                 prop: str | None = None) -> None:
        self.path, self.feature, self.prop = path, feature, prop
        where = path
        if feature is not None:
            where += f": feature {feature}"
        if prop is not None:
            where += f": property '{prop}'"
        super().__init__(f"{where}: {message}" if where else message)


def did_you_mean(word: str, choices: list[str]) -> str:
    """``; did you mean 'x'?`` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return f"; did you mean '{close[0]}'?" if close else ""


def haversine_m(a: Coord, b: Coord) -> float:
    """Great-circle distance in metres between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def parse_coordinates(text: str) -> Coord | None:
    """``"108.70,29.37"`` → ``(108.7, 29.37)``; ``None`` if the text is not a lon,lat pair.

    Raises ``MapError`` for a pair outside WGS84 ranges (e.g. lat,lon swapped)."""
    match = _LONLAT.match(text)
    if match is None:
        return None
    lon, lat = float(match.group(1)), float(match.group(2))
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise MapError(f"'{text}' is not lon,lat: longitude must be within ±180 and "
                       "latitude within ±90 (lon first)")
    return lon, lat


@dataclass(frozen=True)
class Place:
    """A named point: village committee, grid centre, assembly point, hazard, …"""

    id: str
    name: str
    kind: str
    lon: float
    lat: float
    village: str | None = None  # the village id; a village's own id for a village
    properties: Mapping[str, object] = field(default_factory=dict, hash=False, compare=False)
    area: tuple[Coord, ...] = ()  # outer ring when the map gives a Polygon

    @property
    def coords(self) -> Coord:
        return self.lon, self.lat

    @property
    def name_en(self) -> str:
        value = self.properties.get("name_en")
        return value if isinstance(value, str) and value else self.name


@dataclass(frozen=True)
class RoadSegment:
    """One LineString of the road network: the unit that can be closed."""

    id: str
    name: str
    road_class: str
    surface: str
    width_m: float
    speed_kmh: float
    coords: tuple[Coord, ...]
    length_m: float
    oneway: bool = False
    properties: Mapping[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Waterway:
    """A river line, for display only."""

    name: str
    coords: tuple[Coord, ...]


@dataclass(frozen=True, eq=False)
class TownMap:
    """Places by id (in file order), road segments, the town boundary; immutable.
    Compared and hashed by identity."""

    name: str
    places: Mapping[str, Place]
    roads: tuple[RoadSegment, ...]
    boundary: tuple[Coord, ...] = ()
    waterways: tuple[Waterway, ...] = ()
    demo: bool = False
    source: str = ""

    def _of_kind(self, kind: str) -> tuple[Place, ...]:
        return tuple(p for p in self.places.values() if p.kind == kind)

    @cached_property
    def villages(self) -> tuple[Place, ...]:
        return self._of_kind("village")

    @cached_property
    def grids(self) -> tuple[Place, ...]:
        return self._of_kind("grid")

    @cached_property
    def assembly_points(self) -> tuple[Place, ...]:
        return self._of_kind("assembly_point")

    @cached_property
    def hazards(self) -> tuple[Place, ...]:
        return self._of_kind("hazard")

    @cached_property
    def command_centre(self) -> Place:
        centres = self._of_kind("command_centre")
        if not centres:
            raise MapError(f"{self.source or self.name}: the map has no command centre")
        return centres[0]

    @cached_property
    def road_by_id(self) -> Mapping[str, RoadSegment]:
        return MappingProxyType({r.id: r for r in self.roads})

    @cached_property
    def _by_name(self) -> Mapping[str, tuple[Place, ...]]:
        named: dict[str, list[Place]] = {}
        for place in self.places.values():
            for name in dict.fromkeys((place.name, place.name_en)):
                named.setdefault(name, []).append(place)
        return {name: tuple(found) for name, found in named.items()}

    def place(self, ref: str) -> Place:
        """A place by id, Chinese name or English name (``name_en``).

        The anchor ``command_centre`` names the map's command centre whatever its id."""
        found = self.places.get(ref)
        if found is not None:
            return found
        named = self._by_name.get(ref, ())
        if len(named) == 1:
            return named[0]
        if named:
            ids = ", ".join(p.id for p in named)
            raise MapError(f"'{ref}' names {len(named)} places ({ids}); use the id")
        if ref == "command_centre":
            return self.command_centre
        choices = [*self.places, *(p.name for p in self.places.values())]
        raise MapError(f"unknown place '{ref}'{did_you_mean(ref, choices)}")

    def locate(self, ref: str) -> Coord:
        """A place id or name, or ``"lon,lat"`` text, as (lon, lat)."""
        coords = parse_coordinates(ref)
        return coords if coords is not None else self.place(ref).coords

    def label(self, ref: str, lang: str = "zh") -> str:
        """What to print for a reference: the place's name, or the coordinates."""
        if parse_coordinates(ref) is not None:
            return ref.strip()
        place = self.place(ref)
        return place.name_en if lang == "en" else place.name


def demo_map_path() -> Path:
    """The shipped demo map of Heixi town (synthetic data)."""
    from console.paths import resources_dir

    return resources_dir() / "demo" / "heixi-map.geojson"


def load_town_map(path: str | Path | None = None) -> TownMap:
    """Read a GeoJSON town map (default: the demo); raises ``MapError`` for bad input."""
    file = Path(path) if path is not None else demo_map_path()
    name = str(file)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise MapError(f"file is larger than {MAX_FILE_BYTES // 2**20} MiB", path=name)
        raw = file.read_bytes()
    except OSError as exc:
        raise MapError(f"cannot read the file ({exc.strerror or exc})", path=name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MapError(f"not UTF-8 text (byte {exc.start})", path=name) from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise MapError(f"line {exc.lineno} column {exc.colno}: invalid JSON: {exc.msg}",
                       path=name) from None
    except ValueError as exc:
        raise MapError(f"invalid JSON: {exc}", path=name) from None
    return town_map_from_geojson(data, source=name, default_name=file.stem)


def _reject_constant(word: str) -> object:
    raise ValueError(f"{word} is not a number GeoJSON allows")


def town_map_from_geojson(data: object, source: str = "<geojson>",
                          default_name: str = "") -> TownMap:
    """Build a ``TownMap`` from already-parsed GeoJSON (``MapError`` for bad input)."""
    return _Reader(source).read(data, default_name)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.index: int | None = None

    def fail(self, message: str, prop: str | None = None) -> MapError:
        return MapError(message, path=self.source, feature=self.index, prop=prop)

    def read(self, data: object, default_name: str) -> TownMap:
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise self.fail("the top level must be a GeoJSON FeatureCollection", "type")
        features = data.get("features")
        if not isinstance(features, list):
            raise self.fail("'features' must be a list", "features")
        given = data.get("properties")
        meta: dict[str, object] = given if isinstance(given, dict) else {}
        name = meta.get("name", data.get("name", default_name or self.source))
        demo = meta.get("demo", False)
        points: dict[str, tuple[int, Place]] = {}
        areas: dict[str, tuple[int, Place]] = {}
        roads: dict[str, tuple[int, RoadSegment]] = {}
        boundary: tuple[Coord, ...] = ()
        waterways: list[Waterway] = []
        for self.index, feature in enumerate(features):
            kind, props, geometry = self.feature(feature)
            if kind == "road":
                road = self.road(props, geometry)
                self.unique(road.id, roads, "road id")
                roads[road.id] = (self.index, road)
            elif kind == "river":
                waterways.append(Waterway(str(props.get("name", "")), self.line(geometry)))
            elif kind == "boundary":
                if boundary:
                    raise self.fail("a second town boundary", "kind")
                boundary = self.polygon(geometry)
            elif geometry.get("type") == "Polygon":
                ring = self.polygon(geometry)
                lon, lat = _centroid(ring)
                place = self.place(kind, props, lon, lat)
                self.unique(place.id, areas, "area id")
                areas[place.id] = (self.index, replace(place, area=ring))
            else:
                lon, lat = self.point(geometry)
                place = self.place(kind, props, lon, lat)
                self.unique(place.id, points, "id")
                points[place.id] = (self.index, place)
        places = self.join(points, areas)
        self.index = None
        if not roads:
            raise self.fail("the map has no roads (features with kind 'road')", "features")
        centres = [p for p in places.values() if p.kind == "command_centre"]
        if len(centres) != 1:
            raise self.fail(f"the map needs exactly one place of kind 'command_centre' "
                            f"(found {len(centres)})", "features")
        if not isinstance(name, str) or not isinstance(demo, bool):
            raise self.fail("top-level 'name' must be text and 'demo' true or false",
                            "properties")
        return TownMap(name=name, places=MappingProxyType(places),
                       roads=tuple(r for _, r in roads.values()), boundary=boundary,
                       waterways=tuple(waterways), demo=demo, source=self.source)

    def unique(self, key: str, seen: Mapping[str, tuple[int, object]], what: str) -> None:
        if key in seen:
            raise self.fail(f"{what} '{key}' is already used by feature {seen[key][0]}", "id")

    def join(self, points: dict[str, tuple[int, Place]],
             areas: dict[str, tuple[int, Place]]) -> dict[str, Place]:
        """A place's Point and Polygon (same id) become one place; a lone area uses its
        centroid."""
        located = dict(points)
        for pid, (area_index, area) in areas.items():
            if pid not in points:
                located[pid] = (area_index, area)
                continue
            index, place = points[pid]
            if area.kind != place.kind:
                self.index = area_index
                raise self.fail(f"area of '{pid}' has kind '{area.kind}' but its point "
                                f"(feature {index}) has kind '{place.kind}'", "kind")
            located[pid] = (index, replace(place, area=area.area))
        villages = sorted(p.id for _, p in located.values() if p.kind == "village")
        for index, place in located.values():
            if place.village is not None and place.village not in villages:
                self.index = index
                raise self.fail(f"unknown village '{place.village}'"
                                f"{did_you_mean(place.village, villages)}", "village")
        return {pid: place for pid, (_, place) in sorted(located.items(),
                                                          key=lambda kv: kv[1][0])}

    def feature(self, feature: object) -> tuple[str, dict[str, object], dict[str, object]]:
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise self.fail("not a GeoJSON Feature (an object with \"type\": \"Feature\")",
                            "type")
        props, geometry = feature.get("properties"), feature.get("geometry")
        if not isinstance(props, dict):
            raise self.fail("missing or not an object", "properties")
        if not isinstance(geometry, dict):
            raise self.fail("missing or not an object", "geometry")
        kind = props.get("kind")
        kinds = [*PLACE_KINDS, *_OTHER_KINDS]
        if not isinstance(kind, str) or kind not in kinds:
            hint = did_you_mean(kind, kinds) if isinstance(kind, str) else ""
            raise self.fail(f"must be one of {', '.join(kinds)}, not {kind!r}{hint}", "kind")
        return kind, props, geometry

    def ident(self, props: Mapping[str, object]) -> str:
        value = props.get("id")
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(f"must be text of letters, digits, '_', '-' or '.', not "
                            f"{value!r}", "id")
        return value

    def text(self, props: Mapping[str, object], key: str) -> str:
        value = props.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail("missing or empty text", key)
        return value.strip()

    def number(self, props: Mapping[str, object], key: str, low: float, high: float) -> float:
        value = props.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"must be a number, not {value!r}", key)
        if not (low < value <= high):
            raise self.fail(f"must be more than {low:g} and at most {high:g}, not {value}",
                            key)
        return float(value)

    def choice(self, props: Mapping[str, object], key: str, choices: tuple[str, ...]) -> str:
        value = props.get(key)
        if not isinstance(value, str) or value not in choices:
            hint = did_you_mean(value, list(choices)) if isinstance(value, str) else ""
            raise self.fail(f"must be one of {', '.join(choices)}, not {value!r}{hint}", key)
        return value

    def flag(self, props: Mapping[str, object], key: str) -> bool:
        value = props.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"must be true or false, not {value!r}", key)
        return value

    def place(self, kind: str, props: dict[str, object], lon: float, lat: float) -> Place:
        pid, name = self.ident(props), self.text(props, "name")
        village: str | None = None
        if kind == "village":
            village = pid
            self.flag(props, "community")
        elif kind == "grid" or props.get("village") is not None:
            village = self.text(props, "village")
        if kind == "hazard":
            self.choice(props, "hazard", HAZARD_KINDS)
        if kind == "assembly_point" and props.get("capacity") is not None:
            capacity = props["capacity"]
            if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
                raise self.fail(f"must be a whole number of people ≥ 1, not {capacity!r}",
                                "capacity")
        self.flag(props, "demo")
        return Place(pid, name, kind, lon, lat, village, MappingProxyType(dict(props)))

    def road(self, props: dict[str, object], geometry: dict[str, object]) -> RoadSegment:
        rid, name = self.ident(props), self.text(props, "name")
        road_class = self.choice(props, "class", ROAD_CLASSES)
        surface = self.choice(props, "surface", SURFACES)
        width = self.number(props, "width_m", 0, 100)
        speed = self.number(props, "speed_kmh", 0, 130)
        oneway = self.flag(props, "oneway")
        self.flag(props, "demo")
        coords = self.line(geometry)
        length = sum(haversine_m(a, b) for a, b in pairwise(coords))
        if length <= 0:
            raise self.fail("the road has no length (all positions are the same)",
                            "geometry.coordinates")
        return RoadSegment(rid, name, road_class, surface, width, speed, coords, length,
                           oneway, MappingProxyType(dict(props)))

    def coordinates(self, geometry: dict[str, object], kind: str) -> object:
        if geometry.get("type") != kind:
            raise self.fail(f"must be a {kind}, not {geometry.get('type')!r}",
                            "geometry.type")
        return geometry.get("coordinates")

    def position(self, value: object, prop: str) -> Coord:
        if (not isinstance(value, list) or len(value) not in (2, 3)
                or any(isinstance(v, bool) or not isinstance(v, int | float) for v in value)):
            raise self.fail(f"must be a position [lon, lat], not {value!r}", prop)
        lon, lat = float(value[0]), float(value[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise self.fail(f"[{lon}, {lat}] is not [lon, lat] in WGS84 degrees "
                            "(longitude first)", prop)
        return lon, lat

    def point(self, geometry: dict[str, object]) -> Coord:
        if geometry.get("type") != "Point":
            raise self.fail(f"must be a Point or a Polygon, not {geometry.get('type')!r}",
                            "geometry.type")
        return self.position(geometry.get("coordinates"), "geometry.coordinates")

    def line(self, geometry: dict[str, object]) -> tuple[Coord, ...]:
        value = self.coordinates(geometry, "LineString")
        if not isinstance(value, list) or len(value) < 2:
            raise self.fail("a LineString needs at least two positions",
                            "geometry.coordinates")
        return tuple(self.position(v, f"geometry.coordinates[{i}]")
                     for i, v in enumerate(value))

    def polygon(self, geometry: dict[str, object]) -> tuple[Coord, ...]:
        value = self.coordinates(geometry, "Polygon")
        if not isinstance(value, list) or not value or not isinstance(value[0], list):
            raise self.fail("a Polygon needs a list of rings", "geometry.coordinates")
        ring = tuple(self.position(v, f"geometry.coordinates[0][{i}]")
                     for i, v in enumerate(value[0]))
        if len(ring) < 4 or ring[0] != ring[-1]:
            raise self.fail("the outer ring needs at least four positions and must end "
                            "where it starts", "geometry.coordinates[0]")
        return ring


def _centroid(ring: tuple[Coord, ...]) -> Coord:
    """Area centroid of a closed ring (shoelace); the vertex mean for a degenerate ring."""
    twice_area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in pairwise(ring):
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(twice_area) < 1e-15:
        n = len(ring) - 1
        return sum(x for x, _ in ring[:-1]) / n, sum(y for _, y in ring[:-1]) / n
    return cx / (3 * twice_area), cy / (3 * twice_area)
