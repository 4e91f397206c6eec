"""Travel times over the road graph: a small hand-made map with known answers, and the demo."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from console.roster.roads import (
    WALK_KMH,
    Closure,
    Conditions,
    RoadGraph,
    near_misses,
)
from console.roster.townmap import (
    MapError,
    TownMap,
    haversine_m,
    load_town_map,
    town_map_from_geojson,
)

A, J, L = (108.70, 29.37), (108.71, 29.37), (108.72, 29.37)
V, NW, MID = (108.71, 29.38), (108.70, 29.38), (108.70, 29.372)
GRID, SHED = (108.711, 29.381), (108.7003, 29.3722)


def _feature(kind: str, pid: str, name: str, at: tuple[float, float],
             **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"kind": kind, "id": pid, "name": name, **props},
            "geometry": {"type": "Point", "coordinates": list(at)}}


def _road(rid: str, coords: list[tuple[float, float]], surface: str, width: float,
          speed: float, **props: Any) -> dict[str, Any]:
    return {"type": "Feature",
            "properties": {"kind": "road", "id": rid, "name": f"{rid}路", "class": "village",
                           "surface": surface, "width_m": width, "speed_kmh": speed, **props},
            "geometry": {"type": "LineString", "coordinates": [list(c) for c in coords]}}


def valley() -> TownMap:
    """cc ─r1 paved 36─ J ─r4 paved 36─ lower;  J ─r2 gravel 18─ upper;
    cc ─r3 earth 2.5 m, 10 km/h, by NW─ upper (slow, closed in heavy rain)."""
    return town_map_from_geojson({"type": "FeatureCollection", "features": [
        _feature("command_centre", "cc", "指挥中心", A),
        _feature("village", "upper", "上村", V),
        _feature("village", "lower", "下村", L),
        _feature("grid", "upper-1", "上村第1网格", GRID, village="upper"),
        _feature("place", "shed", "棚", SHED),
        _road("r1", [A, J], "paved", 6, 36),
        _road("r2", [J, V], "gravel", 4, 18),
        _road("r3", [A, MID, NW, V], "earth", 2.5, 10),
        _road("r4", [J, L], "paved", 6, 36),
    ]}, "valley.geojson")


def drive(a: tuple[float, float], b: tuple[float, float], kmh: float) -> float:
    return haversine_m(a, b) / (kmh / 3.6)


def walk(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_m(a, b) / (WALK_KMH / 3.6)


def test_known_route_dry() -> None:
    """cc → upper in dry weather: r1 then r2, the sum of the two edges."""
    route = RoadGraph(valley()).route("cc", "upper")
    assert route is not None
    assert route.segments == ("r1", "r2")
    assert route.seconds == pytest.approx(drive(A, J, 36) + drive(J, V, 18), rel=1e-12)
    assert route.metres == pytest.approx(haversine_m(A, J) + haversine_m(J, V), rel=1e-12)
    assert [(leg.road, leg.name) for leg in route.legs] == [
        (None, "指挥中心"), ("r1", "r1路"), ("r2", "r2路"), (None, "上村")]
    assert route.legs[0].metres == route.legs[-1].metres == 0


def test_walking_leg_to_an_off_road_place() -> None:
    """The grid centre is off the road: the last leg is a walk at 4 km/h."""
    route = RoadGraph(valley()).route("cc", "上村第1网格")
    assert route is not None
    assert route.legs[-1].road is None
    assert route.legs[-1].metres == pytest.approx(haversine_m(V, GRID), rel=1e-12)
    assert route.seconds == pytest.approx(
        drive(A, J, 36) + drive(J, V, 18) + walk(V, GRID), rel=1e-12)


def test_rain_slows_by_surface() -> None:
    """Moderate rain: paved ×0.90, gravel ×0.80; heavy: ×0.85 and ×0.60."""
    moderate = RoadGraph(valley(), Conditions(rain="moderate")).route("cc", "upper")
    heavy = RoadGraph(valley(), Conditions(rain="heavy")).route("cc", "upper")
    assert moderate is not None and heavy is not None
    assert moderate.seconds == pytest.approx(
        drive(A, J, 36 * 0.90) + drive(J, V, 18 * 0.80), rel=1e-12)
    assert heavy.seconds == pytest.approx(
        drive(A, J, 36 * 0.85) + drive(J, V, 18 * 0.60), rel=1e-12)


def test_closure_changes_the_route() -> None:
    """With r2 closed the slow earth road r3 is the way up."""
    route = RoadGraph(valley(), Conditions(closed=frozenset({"r2"}))).route("cc", "upper")
    assert route is not None
    assert route.segments == ("r3",)
    expected = drive(A, MID, 10) + drive(MID, NW, 10) + drive(NW, V, 10)
    assert route.seconds == pytest.approx(expected, rel=1e-12)


def test_moderate_rain_slows_earth() -> None:
    """Earth roads lose 30 % of their speed in moderate rain."""
    graph = RoadGraph(valley(), Conditions(rain="moderate", closed=frozenset({"r2"})))
    route = graph.route("cc", "upper")
    assert route is not None
    expected = drive(A, MID, 7) + drive(MID, NW, 7) + drive(NW, V, 7)
    assert route.seconds == pytest.approx(expected, rel=1e-12)


def test_heavy_rain_and_a_closure_cut_a_village_off() -> None:
    """r2 closed and heavy rain (2.5 m earth r3 closed): upper is unreachable, and why."""
    graph = RoadGraph(valley(), Conditions(rain="heavy", closed=frozenset({"r2"})))
    assert graph.closures == {"r2": "closed", "r3": "heavy_rain"}
    assert graph.route("cc", "upper") is None
    assert graph.tree_to("upper").seconds_from("cc") is None
    assert graph.why_unreachable("cc", "upper") == (
        Closure("r2", "closed"), Closure("r3", "heavy_rain"))
    assert graph.route("cc", "lower") is not None


def test_closure_cuts_a_one_road_village_off() -> None:
    """lower has one road, r4: closing it leaves lower unreachable (970 m from any other)."""
    graph = RoadGraph(valley(), Conditions(closed=frozenset({"r4"})))
    assert graph.route("cc", "下村") is None
    assert graph.route("下村", "cc") is None
    assert graph.why_unreachable("cc", "lower") == (Closure("r4", "closed"),)


def test_detour_on_foot_when_the_nearest_road_is_closed() -> None:
    """The shed's nearest vertex is on r3; r3 closed, people walk ≤ 500 m to cc's road."""
    dry = RoadGraph(valley()).route("shed", "cc")
    heavy = RoadGraph(valley(), Conditions(rain="heavy")).route("shed", "cc")
    assert dry is not None and heavy is not None
    assert dry.segments == ("r3",)
    assert dry.seconds == pytest.approx(walk(SHED, MID) + drive(MID, A, 10), rel=1e-12)
    assert heavy.segments == ()
    assert heavy.seconds == pytest.approx(walk(SHED, A), rel=1e-12)


def test_tree_matches_individual_routes_and_networkx() -> None:
    """One tree per destination gives the same times as routes and a forward search."""
    closed = Conditions(closed=frozenset({"r1"}))
    for conditions in (Conditions(), Conditions(rain="heavy"), closed):
        graph = RoadGraph(valley(), conditions)
        places = list(graph.town.places)
        for destination in places:
            tree = graph.tree_to(destination)
            assert graph.tree_to(destination) is tree
            for origin in places:
                if origin == destination:
                    continue
                route = graph.route(origin, destination)
                seconds = tree.seconds_from(origin)
                assert (route is None) == (seconds is None)
                if route is None or seconds is None:
                    continue
                assert route.seconds == seconds
                assert sum(leg.seconds for leg in route.legs) == pytest.approx(seconds)
                start = graph._resolve(origin)
                end = graph._resolve(destination)
                forward = nx.shortest_path_length(graph.graph, start.vertex, end.vertex,
                                                  weight="seconds")
                assert seconds == pytest.approx(start.walk_s + forward + end.walk_s)


def test_already_there() -> None:
    """From a place to itself takes no time, even off the road."""
    route = RoadGraph(valley()).route("upper-1", "上村第1网格")
    assert route is not None
    assert (route.seconds, route.metres, route.segments) == (0.0, 0.0, ())


def test_coordinates_as_origin() -> None:
    """A "lon,lat" origin walks to its nearest vertex."""
    near_cc, near_j = (108.7011, 29.3702), (108.7061, 29.3702)
    graph = RoadGraph(valley())
    route = graph.route("108.7011,29.3702", "cc")
    assert route is not None
    assert route.origin == "108.701100,29.370200"
    assert route.seconds == pytest.approx(walk(near_cc, A), rel=1e-12)
    assert graph.tree_to("cc").seconds_from("108.7061, 29.3702") == pytest.approx(
        walk(near_j, J) + drive(J, A, 36), rel=1e-12)


def test_oneway_road() -> None:
    """A one-way road is driven only in its drawing direction."""
    town = town_map_from_geojson({"type": "FeatureCollection", "features": [
        _feature("command_centre", "cc", "中心", A),
        _feature("place", "j", "路口", J),
        _road("r1", [A, J], "paved", 6, 36, oneway=True),
        _road("r2", [A, NW, V, J], "paved", 6, 36),
    ]}, "oneway.geojson")
    graph = RoadGraph(town)
    there, back = graph.route("cc", "j"), graph.route("j", "cc")
    assert there is not None and back is not None
    assert (there.segments, back.segments) == (("r1",), ("r2",))


def test_bad_conditions() -> None:
    """Unknown segments and rain values are errors with the choices."""
    with pytest.raises(MapError, match=r"unknown road segment 'r22'; did you mean 'r2'\?"):
        RoadGraph(valley(), Conditions(closed=frozenset({"r22"})))
    with pytest.raises(ValueError, match="none, moderate, heavy"):
        Conditions(rain="storm")  # type: ignore[arg-type]
    with pytest.raises(MapError, match="unknown place"):
        RoadGraph(valley()).route("cc", "nowhere")


def test_point_far_off_the_map() -> None:
    """Coordinates hundreds of kilometres away are refused, not routed."""
    with pytest.raises(MapError, match="km from the nearest road"):
        RoadGraph(valley()).route("116.40,39.90", "cc")


def test_near_misses() -> None:
    """A road ending a metre from another is reported as not connected."""
    town = town_map_from_geojson({"type": "FeatureCollection", "features": [
        _feature("command_centre", "cc", "中心", A),
        _road("r1", [A, J], "paved", 6, 36),
        _road("r2", [(108.71001, 29.37), V], "paved", 6, 36),
    ]}, "gap.geojson")
    ((road, end, other, metres),) = near_misses(town)
    assert (road, end, other) == ("r1", J, "r2")
    assert metres == pytest.approx(0.97, abs=0.01)
    assert near_misses(valley()) == []


# ── the demo map ────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def demo() -> TownMap:
    return load_town_map()


def test_demo_network_is_connected(demo: TownMap) -> None:
    """One road network with every end joined."""
    graph = RoadGraph(demo)
    assert nx.number_weakly_connected_components(graph.graph) == 1
    assert near_misses(demo) == []


@pytest.mark.parametrize("rain", ["none", "heavy"])
def test_demo_every_place_reachable(demo: TownMap, rain: str) -> None:
    """Dry or in heavy rain, the command centre reaches every place of the demo."""
    graph = RoadGraph(demo, Conditions(rain=rain))  # type: ignore[arg-type]
    tree = graph.tree_to("command_centre")
    assert [p for p in demo.places if tree.seconds_from(p) is None] == []
    assert max(graph.walk_to_road(p) for p in demo.places) < 500


def test_demo_shengdi_from_the_command_centre(demo: TownMap) -> None:
    """胜地社区 is 8–9 minutes away dry, slower in heavy rain, far slower with r04 closed."""
    dry = RoadGraph(demo).route("基层治理指挥中心", "胜地社区")
    heavy = RoadGraph(demo, Conditions(rain="heavy")).route("command_centre", "shengdi")
    detour = RoadGraph(demo, Conditions(closed=frozenset({"r04"}))).route(
        "command_centre", "shengdi")
    assert dry is not None and heavy is not None and detour is not None
    assert 8 * 60 < dry.seconds < 9 * 60
    assert 4_000 < dry.metres < 5_000
    assert "r04" in dry.segments
    assert dry.seconds < heavy.seconds < 12 * 60
    assert "r04" not in detour.segments and detour.seconds > 25 * 60


def test_demo_closures_cut_villages_off(demo: TownMap) -> None:
    """r09 is 新田村's only road and r18 茶园村's: closing either cuts that village off."""
    for road, village in (("r09", "xintian"), ("r18", "chayuan")):
        graph = RoadGraph(demo, Conditions(closed=frozenset({road})))
        tree = graph.tree_to("command_centre")
        cut = [v.id for v in demo.villages if tree.seconds_from(v.id) is None]
        assert cut == [village]
        assert graph.why_unreachable("command_centre", village) == (Closure(road, "closed"),)


def test_demo_huzhu_road_is_the_widened_one(demo: TownMap) -> None:
    """r13 is the Huzhu road of the report: about 2.5 km, now 4.5 m wide."""
    r13 = demo.road_by_id["r13"]
    assert r13.width_m == 4.5 and r13.properties["widened_from_m"] == 2.5
    assert 2_400 < r13.length_m < 2_600
    narrow = [r.id for r in demo.roads if r.surface == "earth" and r.width_m < 3]
    assert narrow and set(RoadGraph(demo, Conditions(rain="heavy")).closures) == set(narrow)
