"""``python -m console simulate``: one run with its timeline, or Monte Carlo odds."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from . import Parser

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    sim = commands.add_parser(
        "simulate", help="simulate one-click mobilisation: a timeline, or Monte Carlo odds")
    sim.add_argument("plan", metavar="PLAN")
    sim.add_argument("--level", default="IV", help="IV, III, II or I (Ⅳ Ⅲ Ⅱ Ⅰ); default IV")
    sim.add_argument("--at", required=True, metavar="PLACE", help="where: a map place (胜地社区)")
    sim.add_argument("--time", metavar="TIME", help='when: "14:00" or "2026-07-12 02:00"')
    sim.add_argument("--weather", "--rain", dest="rain", default="none",
                     choices=("none", "moderate", "heavy", "rain"),
                     help="rain on the roads (rain = heavy)")
    sim.add_argument("--closed", action="append", default=[], metavar="SEGMENT",
                     help="a closed road segment (repeatable)")
    sim.add_argument("--scenario", metavar="FILE", help="a scenario (injects) YAML file")
    sim.add_argument("--runs", type=int, default=1, help="number of runs (default 1)")
    sim.add_argument("--seed", type=int, default=7, help="root seed (default 7)")
    sim.add_argument("--workers", type=int, help="processes for batches (default: CPUs)")
    sim.add_argument("--compare", action="append", default=[], metavar="CONDITION",
                     help="also run under: night, day, rain, closed:SEGMENT, short:UNIT")
    sim.add_argument("--db", metavar="URL", help="roster database (default: $CONSOLE_DB_URL)")
    sim.add_argument("--lang", choices=("zh", "en"), default="zh")
    sim.add_argument("--json", action="store_true", help="machine-readable output")
    sim.set_defaults(handler=_simulate)


def _fail(message: str, code: int = 2) -> int:
    print(f"python -m console simulate: error: {message}", file=sys.stderr)
    return code


def _simulate(args: argparse.Namespace) -> int:
    from console.plans import load_plan, parse_level
    from console.roster.incident import incident_at, parse_when
    from console.roster.townmap import MapError, load_town_map
    from console.simulation.montecarlo import BatchSpec, variants
    from console.simulation.rosters import roster_in_use
    from console.simulation.scenario import ScenarioError, check_scenario, load_scenario
    from console.store import StoreError

    loaded = load_plan(args.plan)
    for diagnostic in loaded.diagnostics:
        print(diagnostic.format(lang=args.lang), file=sys.stderr)
    if loaded.plan is None or loaded.errors:
        return 1
    plan = loaded.plan
    try:
        level = parse_level(args.level)
        when = parse_when(args.time)
    except ValueError as exc:
        return _fail(str(exc))
    if args.runs < 1:
        return _fail("--runs must be at least 1")
    rain = "heavy" if args.rain == "rain" else args.rain
    try:
        town = load_town_map()
        incident = incident_at(town, args.at, when)
    except MapError as exc:
        return _fail(str(exc))
    for point in plan.assembly_points.values():
        if point.at in ("incident", "village_committee", "command_centre"):
            continue
        try:
            town.place(point.at)
        except MapError:
            print(f"warning: assembly point '{point.at}' is not on the map: people sent there "
                  "count as unable to get there", file=sys.stderr)
    bad_roads = [s for s in args.closed if s not in town.road_by_id]
    if bad_roads:
        return _fail(f"unknown road segment(s): {', '.join(bad_roads)}")
    try:
        roster = roster_in_use(args.db)
    except StoreError as exc:
        return _fail(str(exc), 1)
    if args.scenario:
        try:
            scenario = load_scenario(args.scenario)
        except ScenarioError as exc:
            return _fail(str(exc))
        problems = check_scenario(scenario, plan, roster, town)
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1
    spec = BatchSpec(args.plan, level.value, incident.place, when.isoformat(timespec="minutes"),
                     rain, tuple(args.closed), args.scenario, args.db)
    try:
        specs = variants(spec, args.compare)
    except ValueError as exc:
        return _fail(str(exc))
    if args.runs == 1 and not args.compare:
        return _single(spec, plan, town, roster, args)
    return _batches(specs, plan, args)


def _single(spec: Any, plan: Any, town: Any, roster: Any, args: argparse.Namespace) -> int:
    from console.simulation.montecarlo import derive_seed, simulate_one
    from console.simulation.report import render_timeline

    run, summary = simulate_one(spec, derive_seed(args.seed, 0))
    if args.json:
        print(json.dumps({"spec": spec.__dict__, "events": [e.as_dict() for e in run.events],
                          "summary": _summary_json(summary)}, ensure_ascii=False, indent=2,
                         default=str))
        return 0
    print(render_timeline(plan, run.events, summary, town, roster, args.lang))
    return 0


def _batches(specs: list[Any], plan: Any, args: argparse.Namespace) -> int:
    from console.simulation.montecarlo import run_batch
    from console.simulation.report import render_batches

    results = []
    for spec in specs:
        label = spec.label or "base"
        bar = None if args.json or not sys.stderr.isatty() else _bar(label)
        started = dt.datetime.now()
        results.append(run_batch(spec, args.runs, args.seed, workers=args.workers,
                                 progress=bar or _quiet_progress(label, args.json)))
        if bar:
            sys.stderr.write("\n")
        elapsed = (dt.datetime.now() - started).total_seconds()
        if not args.json:
            print(f"[{label}] {args.runs} runs in {elapsed:.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps([_batch_json(r) for r in results], ensure_ascii=False, indent=2))
        return 0
    print(render_batches(plan, results, args.lang))
    return 0


def _bar(label: str) -> Any:
    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{label}] [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
    return show


def _quiet_progress(label: str, silent: bool) -> Any:
    def show(done: int, total: int) -> None:
        if not silent and done == total:
            print(f"[{label}] {done}/{total}", file=sys.stderr)
    return show


def _summary_json(summary: Any) -> dict[str, Any]:
    return {
        "end_reason": summary.end_reason, "end_time": summary.end_time,
        "first_ack": summary.first_ack, "role_filled": summary.role_filled,
        "targets": [{"target": t.target, "step": t.step, "within": t.within,
                     "actual": t.actual, "met": t.met} for t in summary.targets],
        "critical_path": list(summary.critical_path),
        "causes": [c.__dict__ for c in summary.causes],
        "never_answered": list(summary.never_answered),
        "steps": {sid: s.__dict__ for sid, s in summary.steps.items()},
    }


def _batch_json(result: Any) -> dict[str, Any]:
    return {
        "label": result.spec.label, "spec": result.spec.__dict__, "runs": result.runs,
        "root_seed": result.root_seed,
        "targets": {t: {"p_met": result.p_met(t), **result.quantiles(t)}
                    for t in result.targets if result.values(t)},
        "held_back": result.held_back(),
        "close_loop_histogram": result.histogram("close_loop"),
    }
