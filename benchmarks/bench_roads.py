"""Road graph and travel-time figures; prints them.

1. The demo map: load, build the road graph, one shortest-path tree per destination.
2. A synthetic district: ~20,000 road edges, 10,000 origins given as ``lon,lat`` text,
   travel times to one destination. Target (issue #3): ≤ 2 s on a 2-core machine.

Run: ``uv run python benchmarks/bench_roads.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from itertools import pairwise
from types import MappingProxyType

from console.roster.roads import Conditions, RoadGraph
from console.roster.townmap import Place, RoadSegment, TownMap, haversine_m, load_town_map

TARGET_S = 2.0
LON0, LAT0 = 108.55, 29.20
STEP_DEG = 0.0015  # ≈ 145 m east-west, 166 m north-south


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def district(columns: int = 100, rows: int = 101, seed: int = 7) -> TownMap:
    """A jittered lattice of roads: rows and columns cut into 10-edge segments."""
    rng = random.Random(seed)
    points = {(i, j): (round(LON0 + i * STEP_DEG + rng.uniform(-3e-4, 3e-4), 6),
                       round(LAT0 + j * STEP_DEG + rng.uniform(-3e-4, 3e-4), 6))
              for i in range(columns) for j in range(rows)}
    kinds = [("county", "paved", 7.0, 40.0), ("township", "paved", 5.0, 30.0),
             ("village", "gravel", 3.5, 20.0), ("track", "earth", 2.5, 10.0)]
    roads: list[RoadSegment] = []

    def add(line: list[tuple[float, float]]) -> None:
        road_class, surface, width, speed = rng.choices(kinds, weights=(1, 2, 5, 2))[0]
        length = sum(haversine_m(a, b) for a, b in pairwise(line))
        roads.append(RoadSegment(f"s{len(roads)}", f"路段{len(roads)}", road_class, surface,
                                 width, speed, tuple(line), length))

    for j in range(rows):
        for start in range(0, columns - 1, 10):
            add([points[i, j] for i in range(start, min(start + 11, columns))])
    for i in range(columns):
        for start in range(0, rows - 1, 10):
            add([points[i, j] for j in range(start, min(start + 11, rows))])
    centre = points[columns // 2, rows // 2]
    places = {"command_centre": Place("command_centre", "区指挥中心", "command_centre",
                                      centre[0] + 2e-4, centre[1] + 1e-4, None,
                                      MappingProxyType({}))}
    return TownMap("synthetic district", MappingProxyType(places), tuple(roads), demo=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    print("demo map (resources/demo/heixi-map.geojson)")
    town = load_town_map()
    print(f"  load GeoJSON               {median_ms(load_town_map, args.repeat):8.1f} ms")
    graph = RoadGraph(town)
    edges = graph.graph.number_of_edges()
    print(f"  build road graph           {median_ms(lambda: RoadGraph(town), args.repeat):8.1f} ms"
          f"  ({len(town.roads)} segments, {len(graph.vertices)} vertices, {edges} edges)")
    heavy = Conditions(rain="heavy", closed=frozenset({"r09"}))
    print(f"  build, heavy rain + r09    "
          f"{median_ms(lambda: RoadGraph(town, heavy), args.repeat):8.1f} ms")
    destinations = [p.id for p in town.assembly_points] + ["command_centre"]

    def trees() -> None:
        fresh = RoadGraph(town)
        for destination in destinations:
            tree = fresh.tree_to(destination)
            for place in town.places:
                tree.seconds_from(place)

    per_tree = median_ms(trees, args.repeat) / len(destinations)
    print(f"  one tree + {len(town.places)} places' times {per_tree:8.2f} ms per destination "
          f"(graph build included, {len(destinations)} destinations)")

    print("synthetic district")
    big = district()
    start = time.perf_counter()
    big_graph = RoadGraph(big)
    build_s = time.perf_counter() - start
    print(f"  build road graph           {build_s * 1000:8.1f} ms  ({len(big.roads)} segments, "
          f"{len(big_graph.vertices)} vertices, {big_graph.graph.number_of_edges() // 2} "
          "two-way edges)")
    rng = random.Random(11)
    lons = (LON0, LON0 + 99 * STEP_DEG)
    lats = (LAT0, LAT0 + 100 * STEP_DEG)
    origins = [f"{rng.uniform(*lons):.6f},{rng.uniform(*lats):.6f}" for _ in range(10_000)]
    start = time.perf_counter()
    tree = big_graph.tree_to("command_centre")
    tree_s = time.perf_counter() - start
    times = [tree.seconds_from(origin) for origin in origins]
    total_s = time.perf_counter() - start
    reached = sum(t is not None for t in times)
    slowest = max(t for t in times if t is not None)
    print(f"  one shortest-path tree     {tree_s * 1000:8.1f} ms")
    print(f"  10,000 origins → one destination: {total_s:.2f} s (tree + snapping + lookups; "
          f"target ≤ {TARGET_S:g} s) — {reached} reached, slowest {slowest / 60:.0f} min")
    verdict = "ok" if total_s <= TARGET_S else "SLOW"
    print(f"  with the graph build:      {build_s + total_s:8.2f} s")
    print(f"  verdict: {verdict}")
    return 0 if total_s <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
