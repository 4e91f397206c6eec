"""Mobilisation engine speed (issue #4). Prints its figures; exit 1 if a target is missed.

  one level-Ⅰ forest-fire run, full demo roster ............ ≤ 5 ms
  events per second vs a bare SimPy loop of as many events .. ≥ 0.3 M/s goal
  1,000-run Monte Carlo on this machine ..................... ≤ 5 s
  run_until(now + 1 s) from a GUI timer when little happens .. well under 1 ms
  a district activation with 10,000 people .................. ≤ 2 s per run

Run: ``uv run python benchmarks/bench_engine.py [--runs 1000]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import simpy

from console.plans import Level, read_plan
from console.roster.demo import load_demo_roster
from console.roster.incident import incident_at
from console.roster.model import Roster
from console.roster.townmap import load_town_map
from console.simulation.activation import Activation, MapTravel
from console.simulation.engine import Run
from console.simulation.montecarlo import BatchSpec, run_batch

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "forest-fire.yaml"


def _median_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_simpy(events: int) -> float:
    """Seconds for SimPy alone to process ``events`` timeouts in a few processes."""
    env = simpy.Environment()
    per = events // 10

    def proc(env: simpy.Environment):  # type: ignore[no-untyped-def]
        for _ in range(per):
            yield env.timeout(1)

    for _ in range(10):
        env.process(proc(env))
    start = time.perf_counter()
    env.run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args()
    plan = read_plan(PLAN)
    roster = load_demo_roster()
    town = load_town_map()
    travel = MapTravel(town)
    incident = incident_at(town, "胜地社区", dt.datetime(2026, 3, 18, 14, 0))
    resolutions: dict = {}  # type: ignore[type-arg]

    def one(seed: int = 1) -> Run:
        run = Run(Activation(plan, Level.I, incident, roster, seed=seed), travel,
                  resolutions=resolutions)
        run.run_to_end()
        return run

    one()  # warm: road trees and role resolution, as in a batch
    sample = one()
    run_ms = _median_ms(one, 30)
    events = len(sample.events)
    simpy_steps = 0
    env_run = Run(Activation(plan, Level.I, incident, roster, seed=1), travel,
                  resolutions=resolutions)
    start = time.perf_counter()
    while not env_run.ended and env_run.env.peek() != float("inf"):
        env_run.env.step()
        simpy_steps += 1
    engine_s = time.perf_counter() - start
    bare_s = bare_simpy(simpy_steps)

    ticking = Run(Activation(plan, Level.IV, incident, roster, seed=3), travel,
                  resolutions=resolutions)
    ticks: list[float] = []
    clock = 0.0
    while not ticking.ended:
        clock += 1.0  # a GUI timer at 60x real time, 60 times a second: 1 s per call
        start = time.perf_counter()
        ticking.run_until(clock)
        ticks.append((time.perf_counter() - start) * 1e6)
    tick_us = statistics.median(ticks)
    tick_p99 = sorted(ticks)[int(len(ticks) * 0.99)]

    with tempfile.TemporaryDirectory() as folder:
        spec = BatchSpec(str(PLAN), "IV", "胜地社区", "2026-03-18T14:00",
                         roster_db=f"sqlite:///{Path(folder) / 'empty.db'}")
        start = time.perf_counter()
        run_batch(spec, args.runs, 7)
        batch_s = time.perf_counter() - start

    people = [dataclasses.replace(p, id=f"{p.id}-{i}", phone=f"1{i:05d}{p.phone[-4:]}")
              for i in range(78) for p in roster.people][:10_000]
    district = Roster(tuple(people), roster.villages, roster.grids, (), source="bench")
    district_ms = _median_ms(lambda: Run(Activation(plan, Level.I, incident, district, seed=2),
                                         travel).run_to_end(), 3)

    rows = [
        ("one level-Ⅰ run, demo roster", f"{run_ms:.2f} ms", "≤ 5 ms", run_ms <= 5),
        ("events in that run", f"{events}", "", True),
        ("engine SimPy steps per second", f"{simpy_steps / engine_s / 1e6:.2f} M/s",
         "≥ 0.3 M/s", simpy_steps / engine_s >= 0.3e6),
        ("bare SimPy, same number of steps", f"{simpy_steps / bare_s / 1e6:.2f} M/s", "", True),
        ("run_until(+1 s) from a GUI timer, median", f"{tick_us:.1f} µs", "≪ 1 ms",
         tick_us < 1000),
        ("run_until(+1 s), 99th percentile", f"{tick_p99:.1f} µs", "≪ 1 ms", tick_p99 < 1000),
        (f"{args.runs}-run Monte Carlo", f"{batch_s:.2f} s", "≤ 5 s", batch_s <= 5),
        ("district run, 10,000 people", f"{district_ms:.0f} ms", "≤ 2000 ms",
         district_ms <= 2000),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:>12}  {target:>10}  {'ok' if ok else 'SLOW'}")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
