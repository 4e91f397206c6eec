"""Loading GeoJSON town maps: the demo, small hand-made maps and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from console.roster.townmap import MapError, haversine_m, load_town_map, town_map_from_geojson

VILLAGES = {
    "heixi": ("黑溪社区", True, 5), "shengdi": ("胜地社区", True, 4),
    "guangming": ("光明村", False, 4), "huzhu": ("互助村", False, 4),
    "shimen": ("石门村", False, 4), "qingshan": ("青山村", False, 4),
    "xintian": ("新田村", False, 3), "chayuan": ("茶园村", False, 4),
    "huangyan": ("黄岩村", False, 4), "shuitian": ("水田村", False, 3),
}


def point(kind: str, pid: str, name: str, lon: float, lat: float, **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"kind": kind, "id": pid, "name": name, **props},
            "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def road(rid: str, coords: list[list[float]], **props: Any) -> dict[str, Any]:
    base = {"kind": "road", "id": rid, "name": f"{rid}路", "class": "village",
            "surface": "paved", "width_m": 4.0, "speed_kmh": 36}
    return {"type": "Feature", "properties": {**base, **props},
            "geometry": {"type": "LineString", "coordinates": coords}}


def small_map() -> dict[str, Any]:
    """A command centre, one village with a grid, one road."""
    return {"type": "FeatureCollection", "properties": {"name": "小镇", "demo": True},
            "features": [
                point("command_centre", "cc", "指挥中心", 108.70, 29.37),
                point("village", "up", "上村", 108.71, 29.38, community=False,
                      name_en="Up Village"),
                point("grid", "up-1", "上村第1网格", 108.711, 29.381, village="up"),
                road("r1", [[108.70, 29.37], [108.71, 29.37], [108.71, 29.38]]),
            ]}


def write(tmp_path: Path, data: object, name: str = "map.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_small_map_loads(tmp_path: Path) -> None:
    """Places, roads and lengths come out of a valid file."""
    town = load_town_map(write(tmp_path, small_map()))
    assert (town.name, town.demo) == ("小镇", True)
    assert list(town.places) == ["cc", "up", "up-1"]
    assert town.place("up-1").village == "up"
    assert town.place("up").village == "up"
    (r1,) = town.roads
    expected = haversine_m((108.70, 29.37), (108.71, 29.37)) + haversine_m(
        (108.71, 29.37), (108.71, 29.38))
    assert r1.length_m == pytest.approx(expected, rel=1e-12)
    assert (r1.road_class, r1.surface, r1.width_m, r1.speed_kmh, r1.oneway) == (
        "village", "paved", 4.0, 36.0, False)


def test_place_by_id_name_or_english_name(tmp_path: Path) -> None:
    """A place is found by id, Chinese name or name_en; the anchor finds the centre."""
    town = load_town_map(write(tmp_path, small_map()))
    assert town.place("上村") is town.place("up") is town.place("Up Village")
    assert town.place("command_centre").id == "cc"
    assert town.locate("上村第1网格") == (108.711, 29.381)
    assert town.locate(" 108.705 , 29.371 ") == (108.705, 29.371)
    assert town.locate("108.705，29.371") == (108.705, 29.371)


def test_unknown_place_suggests(tmp_path: Path) -> None:
    """An unknown place is an error with a did-you-mean."""
    town = load_town_map(write(tmp_path, small_map()))
    with pytest.raises(MapError, match=r"unknown place '上'; did you mean '上村'\?"):
        town.place("上")


def test_swapped_coordinates_are_refused(tmp_path: Path) -> None:
    """lat,lon instead of lon,lat is caught (latitude beyond 90)."""
    town = load_town_map(write(tmp_path, small_map()))
    with pytest.raises(MapError, match="lon first"):
        town.locate("29.37,108.70")


def test_ambiguous_name_asks_for_id(tmp_path: Path) -> None:
    """Two places with one name: the name is refused, the ids still work."""
    data = small_map()
    data["features"].append(point("place", "shop", "上村", 108.709, 29.379))
    town = load_town_map(write(tmp_path, data))
    with pytest.raises(MapError, match=r"names 2 places \(up, shop\); use the id"):
        town.place("上村")


def test_polygon_area_joins_its_point(tmp_path: Path) -> None:
    """A Polygon with a Point's id becomes that place's area; alone, its centroid."""
    data = small_map()
    ring = [[108.705, 29.375], [108.715, 29.375], [108.715, 29.385], [108.705, 29.385],
            [108.705, 29.375]]
    data["features"] += [
        {"type": "Feature", "properties": {"kind": "village", "id": "up", "name": "上村"},
         "geometry": {"type": "Polygon", "coordinates": [ring]}},
        {"type": "Feature", "properties": {"kind": "hazard", "id": "wood", "name": "林区",
                                           "hazard": "forest"},
         "geometry": {"type": "Polygon", "coordinates": [ring]}},
    ]
    town = load_town_map(write(tmp_path, data))
    assert town.place("up").coords == (108.71, 29.38)
    assert len(town.place("up").area) == 5
    wood = town.place("wood")
    assert wood.lon == pytest.approx(108.71) and wood.lat == pytest.approx(29.38)
    assert town.hazards == (wood,)


def _with(change: Any) -> dict[str, Any]:
    data = small_map()
    change(data)
    return data


def _set(index: int, key: str, value: object) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["features"][index]["properties"][key] = value
    return change


def _geometry(index: int, geometry: object) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["features"][index]["geometry"] = geometry
    return change


BAD = [
    (_set(3, "speed_kmh", "30"), 3, "speed_kmh", "must be a number, not '30'"),
    (_set(3, "speed_kmh", 0), 3, "speed_kmh", "more than 0"),
    (_set(3, "class", "villge"), 3, "class", "did you mean 'village'"),
    (_set(3, "surface", "asphalt"), 3, "surface", "paved, gravel, earth"),
    (_set(3, "width_m", True), 3, "width_m", "must be a number"),
    (_set(3, "oneway", "no"), 3, "oneway", "true or false"),
    (_set(2, "village", "upp"), 2, "village", "unknown village 'upp'; did you mean 'up'"),
    (_set(1, "community", "yes"), 1, "community", "true or false"),
    (_set(1, "kind", "vilage"), 1, "kind", "did you mean 'village'"),
    (_set(1, "id", "up village"), 1, "id", "letters, digits"),
    (_set(1, "name", ""), 1, "name", "missing or empty"),
    (_set(2, "id", "up"), 2, "id", "'up' is already used by feature 1"),
    (_set(3, "demo", "yes"), 3, "demo", "true or false"),
    (_geometry(1, {"type": "Point", "coordinates": [29.38, 108.71]}), 1,
     "geometry.coordinates", "longitude first"),
    (_geometry(1, {"type": "Point", "coordinates": ["108.7", 29.3]}), 1,
     "geometry.coordinates", "must be a position"),
    (_geometry(1, {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}), 1,
     "geometry.type", "Point or a Polygon"),
    (_geometry(3, {"type": "LineString", "coordinates": [[108.7, 29.37]]}), 3,
     "geometry.coordinates", "at least two positions"),
    (_geometry(3, {"type": "LineString", "coordinates": [[108.7, 29.37], [108.7, 29.37]]}), 3,
     "geometry.coordinates", "no length"),
    (_geometry(3, {"type": "LineString", "coordinates": [[108.7, 29.37], [108.7, 95]]}), 3,
     "geometry.coordinates[1]", "WGS84"),
    (_geometry(3, None), 3, "geometry", "missing"),
]


@pytest.mark.parametrize(("change", "index", "prop", "message"), BAD)
def test_bad_feature_names_feature_and_property(
        tmp_path: Path, change: Any, index: int, prop: str, message: str) -> None:
    """Each bad feature gives a MapError naming the file, the feature and the property."""
    path = write(tmp_path, _with(change))
    with pytest.raises(MapError) as caught:
        load_town_map(path)
    error = caught.value
    assert (error.feature, error.prop) == (index, prop)
    assert str(error).startswith(f"{path}: feature {index}: property '{prop}': ")
    assert message in str(error)


def test_hazard_and_assembly_point_properties() -> None:
    """A hazard needs a known hazard; a capacity is a whole number ≥ 1."""
    data = small_map()
    data["features"].append(point("hazard", "h", "险", 108.7, 29.37, hazard="volcano"))
    with pytest.raises(MapError, match="feature 4: property 'hazard'"):
        town_map_from_geojson(data, "x.geojson")
    data["features"][-1] = point("assembly_point", "a", "点", 108.7, 29.37, capacity=0)
    with pytest.raises(MapError, match="feature 4: property 'capacity'"):
        town_map_from_geojson(data, "x.geojson")


def test_map_level_problems() -> None:
    """No FeatureCollection, no roads or no single command centre: errors too."""
    with pytest.raises(MapError, match="FeatureCollection"):
        town_map_from_geojson({"type": "Feature"}, "x.geojson")
    data = small_map()
    data["features"] = data["features"][:3]
    with pytest.raises(MapError, match="no roads"):
        town_map_from_geojson(data, "x.geojson")
    data = small_map()
    data["features"].append(point("command_centre", "cc2", "二号中心", 108.7, 29.37))
    with pytest.raises(MapError, match=r"exactly one place of kind 'command_centre' \(found 2\)"):
        town_map_from_geojson(data, "x.geojson")


@pytest.mark.parametrize(("content", "message"), [
    (b'{"type": "FeatureCollection",\n "features": [}', "line 2 column"),
    (b'{"type": "FeatureCollection", "features": [], "x": NaN}', "NaN"),
    (b"\xff\xfe\x00junk", "not UTF-8"),
])
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    """Broken JSON, NaN and non-UTF-8 bytes are MapErrors, never tracebacks."""
    path = tmp_path / "bad.geojson"
    path.write_bytes(content)
    with pytest.raises(MapError, match=message):
        load_town_map(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a MapError naming it."""
    with pytest.raises(MapError, match="cannot read"):
        load_town_map(tmp_path / "nope.geojson")


# ── the shipped demo map ────────────────────────────────────────────────────────────


def test_demo_map_is_marked_as_demo_data() -> None:
    """The demo says so at the top and in every feature."""
    town = load_town_map()
    assert town.demo and "演示" in town.name
    raw = json.loads(Path(town.source).read_text(encoding="utf-8"))
    assert raw["properties"]["demo"] is True
    assert all(f["properties"]["demo"] is True for f in raw["features"])


def test_demo_villages_and_grids() -> None:
    """Exactly the ten villages and the 39 grids with the roster's ids."""
    town = load_town_map()
    villages = {v.id: (v.name, v.properties["community"]) for v in town.villages}
    assert villages == {k: (name, community) for k, (name, community, _) in VILLAGES.items()}
    expected = {f"{v}-{n}" for v, (_, _, count) in VILLAGES.items()
                for n in range(1, count + 1)}
    assert len(town.grids) == 39
    assert {g.id for g in town.grids} == expected
    assert all(g.village == g.id.rsplit("-", 1)[0] for g in town.grids)
    assert town.place("光明村第2网格").id == "guangming-2"


def test_demo_named_places() -> None:
    """Command centre, town centre, assembly points and hazards the plans and cases use."""
    town = load_town_map()
    assert town.command_centre.id == "command_centre"
    assert town.command_centre.name == "基层治理指挥中心"
    assert town.command_centre.village == "heixi"
    assert town.place("town_centre").name == "镇政府"
    assembly = {p.name for p in town.assembly_points}
    assert {"胜地社区林区入口", "光明村村委会", "镇中心小学避灾点"} <= assembly
    assert town.place("镇中心小学避灾点").properties["capacity"] == 300
    hazards = {(p.properties["hazard"], p.village) for p in town.hazards}
    assert {("landslide", "guangming"), ("forest", "shengdi"), ("flood", "shuitian")} <= hazards
    assert town.place("光明村第2网格滑坡隐患点").village == "guangming"
    assert len(town.boundary) >= 4
