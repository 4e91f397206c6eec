"""``roster check``: who would be called for an incident, level by level, and what is
missing."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.roster.table_columns import Lang

if TYPE_CHECKING:
    from console.plans.model import Plan
    from console.roster.check import Finding
    from console.roster.resolve import Candidate, Incident, Resolution, TravelTimes
    from console.roster.roads import Conditions
    from console.roster.townmap import TownMap

from . import Parser
from .roster_store import _in_use, _InUse, _name, _source, _store_errors, _usage
from .tabletext import _WEEKDAYS, _t

__all__ = ["register_check"]


def register_check(sub: argparse._SubParsersAction[Parser],
                   database: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``roster check`` to the roster subcommands."""
    check = sub.add_parser(
        "check", help="who would be called for an incident, level by level, and what is missing")
    check.add_argument("plan", metavar="PLAN", help="a plan file (plans/forest-fire.yaml)")
    check.add_argument("--at", required=True, metavar="PLACE",
                       help="where the incident is: a map place id or name (胜地社区)")
    check.add_argument("--level", help="IV, III, II or I (Ⅳ Ⅲ Ⅱ Ⅰ); default: every level")
    check.add_argument("--time", metavar="TIME",
                       help='when: "2026-07-15 02:00" or 14:00 (today); default: now')
    check.add_argument("--rain", choices=("none", "moderate", "heavy"), default="none")
    check.add_argument("--closed", action="extend", nargs="+", default=[], metavar="SEGMENT",
                       help="closed road segments: ids (r09) or road names")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--demo", action="store_true", help="check against the demo roster")
    database(check)
    check.set_defaults(handler=_check)


# ── check ────────────────────────────────────────────────────────────────────────


class _KnownPlaces:
    """Travel over the map, where a place the map does not know (a plan's assembly point,
    a person's home) gives an unknown travel time (``inf``: the person can still be
    called, after those whose time is known) instead of stopping the check. What was
    unknown is kept, to be reported."""

    def __init__(self, inner: TravelTimes, town: TownMap) -> None:
        self.inner = inner
        self.town = town
        self.destinations: dict[str, str] = {}  # place → why it is unknown
        self.origins: dict[str, str] = {}
        self._known: dict[str, str] = {}

    def _problem(self, ref: str) -> str:
        """Why the map cannot place ``ref``; empty when it can."""
        from console.roster.townmap import MapError, parse_coordinates

        if ref not in self._known:
            try:
                if parse_coordinates(ref) is None:
                    self.town.place(ref)
                self._known[ref] = ""
            except MapError as exc:
                self._known[ref] = str(exc)
        return self._known[ref]

    def seconds(self, origin: str, destination: str) -> float | None:
        from console.roster.townmap import MapError

        if why := self._problem(destination):
            self.destinations[destination] = why
            return math.inf
        if why := self._problem(origin):
            self.origins[origin] = why
            return math.inf
        try:
            return self.inner.seconds(origin, destination)
        except MapError as exc:  # e.g. coordinates far from every road
            self.origins[origin] = str(exc)
            return math.inf


@_store_errors("check")
def _check(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    from console.plans import LEVELS_LOW_TO_HIGH, load_plan, parse_level
    from console.roster.check import check_plan, render_check
    from console.roster.incident import incident_at, parse_when
    from console.roster.roads import Conditions
    from console.roster.townmap import MapError, load_town_map
    from console.simulation.activation import MapTravel

    from .map import _closed_ids

    level = None
    if args.level is not None:
        try:
            level = parse_level(args.level)
        except ValueError as exc:
            return _usage("check", f"--level: {exc}")
    try:
        when = parse_when(args.time)
    except ValueError as exc:
        return _usage("check", f"--time: {exc}")
    loaded = load_plan(args.plan)
    if loaded.plan is None or loaded.errors:
        for diagnostic in loaded.diagnostics:
            print(diagnostic.format(lang=args.lang), file=sys.stderr)
        return 1 if Path(args.plan).is_file() else 2
    plan = loaded.plan
    if level is not None and level not in plan.levels:
        return _usage("check", f"{plan.id} has no level {level.numeral}; its levels are "
                      + " ".join(lv.numeral for lv in LEVELS_LOW_TO_HIGH if lv in plan.levels))
    levels = [level] if level is not None else [
        lv for lv in LEVELS_LOW_TO_HIGH if lv in plan.levels]
    try:
        town = load_town_map()
        place = town.place(args.at)
        conditions = Conditions(rain=args.rain, closed=_closed_ids(town, args.closed))
        travel = _KnownPlaces(MapTravel(town).under(conditions), town)
    except MapError as exc:
        return _usage("check", str(exc))
    incident = incident_at(town, place.id, when, plan.hazard.value)
    in_use = _in_use(args.db, args.demo)
    roster = in_use.roster
    results = check_plan(plan, roster, incident, levels, travel)

    def label(ref: str) -> str:
        try:
            return town.label(ref, lang)
        except MapError:
            return _t(lang, f"{ref}（地图上无此地点）", f"{ref} (not on the map)")

    place_name = label(place.id)
    grid_name = label(incident.grid) if incident.grid else ""
    errors = sum(f.severity == "error" for _, found in results for f in found)
    warnings = sum(f.severity != "error" for _, found in results for f in found)
    if args.json:
        print(json.dumps(_check_json(plan, in_use, incident, place_name, conditions, results,
                                     travel, label),
                         ensure_ascii=False, indent=2))
        return 1 if errors else 0

    weekday = (f"星期{_WEEKDAYS[when.weekday()]}" if lang == "zh" else when.strftime("%A"))
    rain = {"none": ("无雨", "no rain"), "moderate": ("中雨", "moderate rain"),
            "heavy": ("大到暴雨", "heavy rain")}[conditions.rain]
    closed = ", ".join(sorted(conditions.closed)) or _t(lang, "无", "none")
    title = plan.title if lang == "zh" else (plan.title_en or plan.title)
    print(_t(lang, f"人员核查：{title}（{plan.id} v{plan.version}）",
             f"Roster check: {title} ({plan.id} v{plan.version})"))
    print(_t(lang, f"花名册：{_name(roster, lang)}，{len(roster)} 人",
             f"roster: {_name(roster, lang)}, {len(roster)} people")
          + ("" if roster.demo else _t(lang, "；", "; ") + _source(in_use, lang)))
    moment = f"{when:%Y-%m-%d %H:%M} {weekday}"
    print(_t(lang, f"事发地：{place_name}" + (f"（{grid_name}）" if grid_name else "")
                   + f"；时间：{moment}；天气：{rain[0]}；封闭路段：{closed}",
             f"incident: {place_name}" + (f" ({grid_name})" if grid_name else "")
             + f"; time: {moment}; weather: {rain[1]}; closed: {closed}"))
    print()
    if not results:
        print(_t(lang, "所选级别没有需要召集的岗位。", "no role is called at the level(s) chosen."))
        return 0
    print(render_check(results, lang, place_name=place_name, place_label=label), end="")
    print()
    for place_ref, why in travel.destinations.items():
        print(_t(lang, f"注意：预案中的集结地点“{place_ref}”不在地图上，前往该处的人员路程未知"
                       f"（{why}）；请在地图上补充该地点，或在预案中改用地图上的地名。",
                 f"note: the plan's place '{place_ref}' is not on the map, so travel times "
                 f"there are unknown ({why}); add it to the map or use a place the map has."))
    if travel.origins:
        shown = "、".join(list(travel.origins)[:10]) + (" 等" if len(travel.origins) > 10 else "")
        print(_t(lang, f"注意：{len(travel.origins)} 个人员位置不在地图上（{shown}），"
                       "这些人路程未知，排在最后；请在花名册的家庭住址、值班地点中使用地图上的地名或经纬度。",
                 f"note: {len(travel.origins)} people's places are not on the map "
                 f"({', '.join(list(travel.origins)[:10])}); their travel time is unknown and "
                 "they are ranked last. Use map place names or lon,lat in the roster."))
    summary = []
    for resolution, _found in results:
        needed = sum(r.needed for r in resolution.roles.values())
        called = sum(len(r.chosen) for r in resolution.roles.values())
        short = f"，缺{needed - called}" if needed > called else ""
        summary.append(_t(lang, f"{resolution.level.numeral}级 {called}/{needed}人{short}",
                          f"{resolution.level.numeral} {called}/{needed}"
                          + (f" ({needed - called} short)" if needed > called else "")))
    print(_t(lang, f"小结：{' · '.join(summary)}；错误 {errors} 项，警告 {warnings} 项",
             f"summary: {' · '.join(summary)}; {errors} error(s), {warnings} warning(s)"))
    return 1 if errors else 0


def _check_json(plan: Plan, in_use: _InUse, incident: Incident, place_name: str,
                conditions: Conditions, results: list[tuple[Resolution, list[Finding]]],
                travel: _KnownPlaces, label: Callable[[str], str]) -> dict[str, Any]:
    def person(candidate: Candidate) -> dict[str, Any]:
        p = candidate.person
        seconds = candidate.travel_seconds
        return {"id": p.id, "name": p.name, "post": p.post, "phone": p.phone,
                "availability": candidate.availability.value, "location": candidate.location,
                "reachable": seconds is not None,  # False: no open road leads there
                # None: unreachable, or a place the map does not know (see map_problems)
                "travel_s": None if seconds is None or math.isinf(seconds)
                else round(seconds, 1)}

    def level_entry(resolution: Resolution, found: list[Finding]) -> dict[str, Any]:
        spec = resolution.plan.levels.get(resolution.level)
        return {
            "name": spec.name if spec else resolution.level.default_name,
            "roles": {rid: {
                "title": r.role.title,
                "needed": r.needed,
                "destination": r.destination,
                "destination_name": label(r.destination),
                "chosen": [person(c) for c in r.chosen],
                "shortfall": r.shortfall,
                "reserve": len(r.reserve),
                "unavailable": [person(c) for c in r.unavailable],
                "taken_elsewhere": [{"id": c.person.id, "name": c.person.name, "role": other}
                                    for c, other in r.taken_elsewhere],
                "backups": [{"role": b, "people": [person(c) for c in people]}
                            for b, people in r.backups],
            } for rid, r in resolution.roles.items()},
            "findings": [{"code": f.code, "severity": str(f.severity), "role": f.role,
                          "message_zh": f.message_zh, "message_en": f.message_en}
                         for f in found],
        }

    roster, last = in_use.roster, in_use.last
    errors = sum(f.severity == "error" for _, found in results for f in found)
    return {
        "ok": errors == 0,
        "plan": {"id": plan.id, "title": plan.title, "version": plan.version},
        "roster": {"demo": roster.demo, "people": len(roster), "source": roster.source,
                   "database": in_use.database or None,
                   "import": None if last is None else last.id},
        "incident": {"place": incident.place, "place_name": place_name,
                     "village": incident.village, "grid": incident.grid,
                     "time": incident.time.isoformat(timespec="minutes"),
                     "kind": incident.kind},
        "conditions": {"rain": conditions.rain, "closed": sorted(conditions.closed)},
        "levels": {resolution.level.value: level_entry(resolution, found)
                   for resolution, found in results},
        "map_problems": {"destinations": travel.destinations, "origins": travel.origins},
        "errors": errors,
        "warnings": sum(f.severity != "error" for _, found in results for f in found),
    }
