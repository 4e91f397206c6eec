"""Role resolution speed (issue #3); prints a table of figures with verdicts.

1. A township activation: the forest-fire plan at level Ⅰ (the largest) with the demo
   roster and map, incident 胜地社区, at 14:00 (everyone at their post) and at 02:00
   (called from home): every role resolved, every candidate's travel time.
   Target ≤ 50 ms once the activation's road graph is built. Shown three ways:
   road graph built and its trees and place look-ups cleared (the target's case),
   everything cached (a second resolution in the same activation), and from scratch
   (road graph build included).
2. A district: a jittered lattice of roads with ~20,000 two-way edges, 10,000 synthetic
   people spread over 40 villages (400 grids) with homes given as ``lon,lat``, and the
   same forest-fire plan at level Ⅰ, whose roles select from them (units, tags, the
   incident's village and grid, anyone with a tag). Target ≤ 2 s with the road graph
   built; the build is shown on its own and added.

Run: ``uv run python benchmarks/bench_resolve.py [--repeat N]``. Exit 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_roads import LAT0, LON0, STEP_DEG, district

from console.plans import Level, read_plan
from console.plans.vocabulary import Unit
from console.roster.demo import load_demo_roster
from console.roster.incident import incident_at
from console.roster.model import DutyShift, Grid, Person, Roster, ShiftKind, Village
from console.roster.resolve import Resolution, resolve_roles
from console.roster.roads import Conditions, RoadGraph
from console.roster.townmap import Place, TownMap, load_town_map
from console.simulation.activation import MapTravel

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "forest-fire.yaml"
TOWN_TARGET_MS = 50.0
DISTRICT_TARGET_S = 2.0
DAY = dt.datetime(2026, 7, 15, 14, 0)  # a Wednesday
NIGHT = dt.datetime(2026, 7, 15, 2, 0)


def timed(action: Callable[[], Any], repeat: int, setup: Callable[[], Any] | None = None,
          ) -> tuple[float, Any]:
    """Median seconds of ``repeat`` runs (``setup`` before each, untimed); the last result."""
    times, result = [], None
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def forget_trees(graph: RoadGraph) -> None:
    """Back to a freshly built graph: no shortest-path trees, no snapped places."""
    graph._trees.clear()
    graph._ends.clear()


def counts(resolution: Resolution) -> tuple[int, int, int]:
    """People called, candidates looked at (every role's pool), people needed."""
    called = sum(len(r.chosen) for r in resolution.roles.values())
    looked = sum(r.eligible for r in resolution.roles.values())
    needed = sum(r.needed for r in resolution.roles.values())
    return called, looked, needed


# ── the synthetic district ───────────────────────────────────────────────────────

COLUMNS, ROWS = 100, 101
VILLAGE_COLUMNS, VILLAGE_ROWS = 8, 5  # 40 villages, each a block of the lattice
GRIDS_PER_VILLAGE = 10


def _point(i: float, j: float) -> tuple[float, float]:
    return round(LON0 + i * STEP_DEG, 6), round(LAT0 + j * STEP_DEG, 6)


def district_map() -> tuple[TownMap, list[Village], list[Grid]]:
    """bench_roads' lattice with villages, grids, a command centre, a town centre and the
    plan's depot as places."""
    roads = district(COLUMNS, ROWS)
    places: dict[str, Place] = dict(roads.places)
    centre = places["command_centre"]
    places["town_centre"] = Place("town_centre", "区政府", "town_centre",
                                  centre.lon + 4e-4, centre.lat, None, MappingProxyType({}))
    places["depot"] = Place("depot", "镇应急物资储备库", "assembly_point", centre.lon - 6e-4,
                            centre.lat + 3e-4, None, MappingProxyType({}))
    villages, grids = [], []
    width, height = (COLUMNS - 1) / VILLAGE_COLUMNS, (ROWS - 1) / VILLAGE_ROWS
    for vx in range(VILLAGE_COLUMNS):
        for vy in range(VILLAGE_ROWS):
            vid = f"v{vx}{vy}"
            name = f"第{len(villages) + 1}村"
            villages.append(Village(vid, name))
            lon, lat = _point((vx + 0.5) * width, (vy + 0.5) * height)
            places[vid] = Place(vid, name, "village", lon + 2e-4, lat + 1e-4, vid,
                                MappingProxyType({}))
            for n in range(GRIDS_PER_VILLAGE):
                gid = f"{vid}-{n + 1}"
                grids.append(Grid(gid, f"{name}第{n + 1}网格", vid))
                gx = (vx + (n % 5 + 0.5) / 5) * width
                gy = (vy + (n // 5 + 0.5) / 2) * height
                glon, glat = _point(gx, gy)
                places[gid] = Place(gid, grids[-1].name, "grid", glon + 1e-4, glat + 2e-4, vid,
                                    MappingProxyType({}))
    town = TownMap("synthetic district", MappingProxyType(places), roads.roads, demo=True)
    return town, villages, grids


def district_roster(town: TownMap, villages: list[Village], grids: list[Grid],
                    people: int = 10_000, seed: int = 5) -> Roster:
    """``people`` synthetic people: 4 % township staff by unit, the rest village staff,
    grid leaders and workers, squad members, drivers, …; homes as ``lon,lat`` near their
    grid; a few on leave that day."""
    rng = random.Random(seed)
    township = [
        (Unit.LEADERSHIP, "commander"), (Unit.LEADERSHIP, "deputy_commander"),
        (Unit.COMMAND_CENTRE, "duty_officer"), (Unit.ECONOMIC_DEVELOPMENT, "forestry_officer"),
        (Unit.SAFETY_RULE_OF_LAW, "emergency_team"), (Unit.SAFETY_RULE_OF_LAW, "police_liaison"),
        (Unit.LIVELIHOOD_SERVICES, "medic"), (Unit.LIVELIHOOD_SERVICES, "relief_officer"),
        (Unit.PARTY_BUILDING, "publicity"), (Unit.PARTY_BUILDING, ""),
    ]
    by_village: dict[str, list[Grid]] = {}
    for grid in grids:
        by_village.setdefault(grid.village, []).append(grid)
    out: list[Person] = []
    for number in range(people):
        grid = grids[number % len(grids)]
        home_place = town.places[grid.id]
        home = (f"{home_place.lon + rng.uniform(-2e-3, 2e-3):.6f},"
                f"{home_place.lat + rng.uniform(-2e-3, 2e-3):.6f}")
        if number % 25 == 0:  # township staff
            unit, tag = township[(number // 25) % len(township)]
            tags = {tag} if tag else set()
            if rng.random() < 0.3:
                tags |= {"emergency_team"}
            if rng.random() < 0.1:
                tags |= {"driver"}
            post = "党政办干事" if unit is Unit.PARTY_BUILDING else "干事"
            out.append(Person(f"T{number:05d}", f"镇干部{number}", f"139{number:08d}", unit,
                              post, None, frozenset(tags), (), home,
                              "command_centre" if unit in (Unit.LEADERSHIP,
                                                           Unit.COMMAND_CENTRE)
                              else "town_centre"))
            continue
        tags = set()
        leads = number < len(grids)  # one leader per grid (where not township)
        if leads:
            tags |= {"grid_leader", "village_cadre"}
        elif rng.random() < 0.4:
            tags.add("grid_worker")
        elif rng.random() < 0.1:
            tags.add("village_cadre")
        for extra, chance in (("forest_fire_squad", 0.3), ("emergency_team", 0.05),
                              ("driver", 0.05), ("medic", 0.01)):
            if rng.random() < chance:
                tags.add(extra)
        on_grid = bool(tags & {"grid_leader", "grid_worker"})
        out.append(Person(f"V{number:05d}", f"村民{number}", f"138{number:08d}", Unit.VILLAGE,
                          "网格长" if leads else "网格员" if on_grid else "队员", grid.village,
                          frozenset(tags), (grid.id,) if on_grid else (), home,
                          grid.id if on_grid else grid.village))
    leave = tuple(DutyShift(p.id, dt.datetime(2026, 7, 14), dt.datetime(2026, 7, 17),
                            ShiftKind.LEAVE) for p in rng.sample(out, len(out) // 50))
    return Roster(tuple(out), tuple(villages), tuple(grids), leave, source="synthetic")


# ── the figures ──────────────────────────────────────────────────────────────────


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="runs per figure (median)")
    args = parser.parse_args()
    repeat = max(1, args.repeat)
    plan = read_plan(PLAN)
    rows: list[tuple[str, ...]] = []

    # 1. the township
    town = load_town_map()
    roster = load_demo_roster()
    travel = MapTravel(town)
    conditions = Conditions()
    tree_travel = travel.under(conditions)  # warm-up: builds the road graph once
    graph: RoadGraph = tree_travel.graph  # type: ignore[attr-defined]
    incident = incident_at(town, "胜地社区", DAY, plan.hazard.value)
    resolve_roles(plan, Level.I, incident, roster, tree_travel)  # warm-up (imports, caches)
    township_ok = True
    for label, moment in (("14:00", DAY), ("02:00", NIGHT)):
        incident = incident_at(town, "胜地社区", moment, plan.hazard.value)

        def resolve(incident: Any = incident) -> Resolution:
            return resolve_roles(plan, Level.I, incident, roster, tree_travel)

        fresh_s, result = timed(resolve, repeat, setup=lambda: forget_trees(graph))
        cached_s, _ = timed(resolve, repeat)

        def scratch(incident: Any = incident) -> Resolution:
            return resolve_roles(plan, Level.I, incident, roster,
                                 MapTravel(town).under(conditions))

        scratch_s, _ = timed(scratch, max(3, repeat // 4))
        called, looked, needed = counts(result)
        ok = fresh_s * 1000 <= TOWN_TARGET_MS
        township_ok &= ok
        rows.append((f"township {label}", f"{len(roster)}", f"{len(result.roles)}",
                     f"{called}/{needed}", f"{looked:,}", "graph built, trees cleared",
                     f"{fresh_s * 1000:.1f} ms", f"≤ {TOWN_TARGET_MS:g} ms",
                     "ok" if ok else "SLOW"))
        rows.append(("", "", "", "", "", "graph and trees cached", f"{cached_s * 1000:.1f} ms",
                     "", ""))
        rows.append(("", "", "", "", "", "from scratch: graph build incl.",
                     f"{scratch_s * 1000:.1f} ms", "", ""))

    # 2. the district
    start = time.perf_counter()
    big, villages, grids = district_map()
    people = district_roster(big, villages, grids)
    made_s = time.perf_counter() - start
    start = time.perf_counter()
    big_travel = MapTravel(big).under(conditions)
    build_s = time.perf_counter() - start
    big_graph: RoadGraph = big_travel.graph  # type: ignore[attr-defined]
    edges = big_graph.graph.number_of_edges() // 2
    district_ok = True
    for label, moment in (("14:00", DAY), ("02:00", NIGHT)):
        incident = incident_at(big, "v42-3", moment, plan.hazard.value)

        def resolve_big(incident: Any = incident) -> Resolution:
            return resolve_roles(plan, Level.I, incident, people, big_travel)

        seconds, result = timed(resolve_big, max(3, repeat // 4),
                                setup=lambda: forget_trees(big_graph))
        called, looked, needed = counts(result)
        ok = seconds <= DISTRICT_TARGET_S
        district_ok &= ok
        rows.append((f"district {label}", f"{len(people):,}", f"{len(result.roles)}",
                     f"{called}/{needed}", f"{looked:,}", "graph built, trees cleared",
                     f"{seconds * 1000:.0f} ms", f"≤ {DISTRICT_TARGET_S * 1000:g} ms",
                     "ok" if ok else "SLOW"))
        rows.append(("", "", "", "", "", "+ road graph build",
                     f"{(seconds + build_s) * 1000:.0f} ms", f"≤ {DISTRICT_TARGET_S * 1000:g} ms",
                     "ok" if seconds + build_s <= DISTRICT_TARGET_S else "SLOW"))

    print(f"Role resolution (issue #3): the forest-fire plan at level Ⅰ, every role and every "
          f"candidate's travel time. Median of {repeat} runs (district: {max(3, repeat // 4)}); "
          f"Python {sys.version.split()[0]}.")
    print(f"  township: demo roster and map (演示数据), incident 胜地社区 on a Wednesday; "
          f"{len(town.roads)} road segments, road graph build "
          f"{timed(lambda: RoadGraph(town), repeat)[0] * 1000:.1f} ms (done once, as warm-up)")
    print(f"  district: {len(people):,} synthetic people in {len(villages)} villages / "
          f"{len(grids)} grids, homes as lon,lat; {edges:,} two-way road edges, "
          f"{len(big_graph.vertices):,} vertices; road graph build {build_s * 1000:.0f} ms "
          f"(generated in {made_s:.2f} s); incident in grid v42-3")
    print("  (14:00: everyone at their post; 02:00: most people called from home)")
    print()
    header = ("case", "people", "roles", "called/needed", "candidates", "measured", "time",
              "target", "verdict")
    table = [header, *rows]
    widths = [max(_width(r[i]) for r in table) for i in range(len(header))]
    for number, row in enumerate(table):
        right = (1, 2, 3, 4, 6, 7)
        cells = [" " * (w - _width(c)) + c if i in right else c + " " * (w - _width(c))
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip())
        if number == 0:
            print("  ".join("─" * w for w in widths))
    return 0 if township_ok and district_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
