"""Map commands: ``map route``, ``map places``, ``map roads`` and ``map check``.

Every command reads the shipped demo map (演示数据) unless ``--map FILE`` names a town's
own GeoJSON (docs/map-format.md). Chinese by default, English with ``--lang en``.
Exit codes: 0 ok / route found, 1 unreachable / problems found, 2 usage errors, unknown
places or segments, unreadable map.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from console.roster.roads import (
    DETOUR_WALK_M,
    HEAVY_RAIN_MIN_EARTH_WIDTH_M,
    Closure,
    Conditions,
    Rain,
    RoadGraph,
    near_misses,
)
from console.roster.townmap import PLACE_KINDS, MapError, TownMap, did_you_mean, load_town_map

from . import Parser

__all__ = ["register"]

_ZH = {
    "demo": "演示数据", "route": "路线", "rain": "天气", "closed": "封闭路段", "none": "无",
    "total": "合计", "walk": "步行", "road": "最近道路", "unreachable": "无法到达",
    "why": "原因", "cut": "被切断一侧的道路均已封闭", "no_road": "地图上没有道路连接两地",
    "reason.closed": "已封闭", "reason.heavy_rain": "大雨中断，土路宽不足{w:g}米",
    "rain.none": "无雨", "rain.moderate": "中雨", "rain.heavy": "大到暴雨",
    "id": "编号", "name": "名称", "kind": "类别", "village": "所属村(社区)", "info": "说明",
    "class": "等级", "surface": "路面", "width": "宽", "length": "长", "speed": "车速",
    "capacity": "容纳{n}人", "community": "社区", "places": "个地点", "roads": "条路段",
}
_EN = {
    "demo": "demo data", "route": "Route", "rain": "weather", "closed": "closed", "none": "none",
    "total": "Total", "walk": "on foot", "road": "nearest road", "unreachable": "Unreachable",
    "why": "Why", "cut": "every road out of the cut-off side is closed",
    "no_road": "no road on the map connects them",
    "reason.closed": "closed", "reason.heavy_rain": "heavy rain (earth, narrower than {w:g} m)",
    "rain.none": "no rain", "rain.moderate": "moderate rain", "rain.heavy": "heavy rain",
    "id": "id", "name": "name", "kind": "kind", "village": "village", "info": "notes",
    "class": "class", "surface": "surface", "width": "width", "length": "length",
    "speed": "speed", "capacity": "holds {n}", "community": "community", "places": "places",
    "roads": "road segments",
}
_KIND = {"town_centre": ("镇政府", "town centre"), "command_centre": ("指挥中心", "command centre"),
         "village": ("村(社区)", "village"), "grid": ("网格", "grid"),
         "assembly_point": ("集结点", "assembly point"), "hazard": ("隐患点", "hazard"),
         "place": ("其他地点", "other place")}
_HAZARD = {"landslide": "滑坡", "rockfall": "危岩崩塌", "debris_flow": "泥石流",
           "forest": "森林火险区", "flood": "洪涝易涝"}
_CLASS = {"county": "县道", "township": "乡道", "village": "村道", "track": "机耕道"}
_SURFACE = {"paved": "硬化", "gravel": "碎石", "earth": "土路"}


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    area = commands.add_parser("map", help="the township map: routes, places, roads")
    sub = area.add_subparsers(dest="map_command", required=True, parser_class=Parser)

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--map", metavar="FILE", help="a GeoJSON town map (default: demo)")
        parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                            help="output language (default: zh)")

    route = sub.add_parser("route", help="travel route and time between two places")
    route.add_argument("origin", metavar="FROM", help="place id, name, or lon,lat")
    route.add_argument("destination", metavar="TO", help="place id, name, or lon,lat")
    route.add_argument("--closed", action="extend", nargs="+", default=[], metavar="SEGMENT",
                       help="closed road segments: ids (r09) or road names, or comma lists")
    route.add_argument("--rain", choices=("none", "moderate", "heavy"), default="none")
    common(route)
    route.set_defaults(handler=_route)

    places = sub.add_parser("places", help="list the map's places")
    places.add_argument("--kind", choices=PLACE_KINDS)
    places.add_argument("--village", help="only places of this village (id or name)")
    common(places)
    places.set_defaults(handler=_places)

    roads = sub.add_parser("roads", help="list the road segments (the ids --closed takes)")
    common(roads)
    roads.set_defaults(handler=_roads)

    check = sub.add_parser("check", help="check a map: connectivity, reachability, cut-offs")
    common(check)
    check.set_defaults(handler=_check)


def _t(lang: str, key: str, **values: object) -> str:
    return (_EN if lang == "en" else _ZH)[key].format(**values)


def _fail(command: str, message: str) -> int:
    print(f"python -m console map {command}: error: {message}", file=sys.stderr)
    return 2


def _load(path: str | None) -> TownMap:
    return load_town_map(path)


def _header(town: TownMap, lang: str) -> str:
    if not town.demo:
        return town.name
    return f"[demo data] {town.name}" if lang == "en" else f"【演示数据】{town.name}"


def _line(lang: str, key: str, text: str, note: str = "") -> str:
    """``路线：… （…）`` in Chinese, ``Route: … (…)`` in English."""
    if lang == "en":
        return f"{_t(lang, key)}: {text}" + (f" ({note})" if note else "")
    return f"{_t(lang, key)}：{text}" + (f"（{note}）" if note else "")


def duration(seconds: float, lang: str = "zh") -> str:
    """8 分 52 秒 / 8 min 52 s."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    units = ("小时", "分", "秒") if lang != "en" else ("h", "min", "s")
    parts = ([f"{hours} {units[0]}", f"{minutes} {units[1]}"] if hours
             else [f"{minutes} {units[1]}", f"{secs} {units[2]}"] if minutes
             else [f"{secs} {units[2]}"])
    return " ".join(parts)


def distance(metres: float, lang: str = "zh") -> str:
    """350 米 / 4.6 公里 (m / km in English)."""
    if metres < 1000:
        return f"{metres:.0f} {'m' if lang == 'en' else '米'}"
    return f"{metres / 1000:.1f} {'km' if lang == 'en' else '公里'}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def _table(rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(_pad(cell, widths[i], i in right) for i, cell in enumerate(row)).rstrip()
            for row in rows]


def _closed_ids(town: TownMap, values: Sequence[str]) -> frozenset[str]:
    """Segment ids from ids, road names (every segment of that name) or comma lists."""
    roads = town.road_by_id
    ids: set[str] = set()
    for value in (v.strip() for text in values for v in text.replace("，", ",").split(",")):
        if not value:
            continue
        named = [r.id for r in town.roads if r.name == value]
        if value in roads or not named:
            if value not in roads:
                choices = [*roads, *(r.name for r in town.roads)]
                raise MapError(f"unknown road segment '{value}'{did_you_mean(value, choices)} "
                               "(python -m console map roads lists them)")
            ids.add(value)
        else:
            ids.update(named)
    return frozenset(ids)


def _conditions_text(town: TownMap, conditions: Conditions, lang: str) -> str:
    closed = ", ".join(sorted(conditions.closed)) or _t(lang, "none")
    if lang == "en":
        return f"weather: {_t(lang, 'rain.' + conditions.rain)}; closed: {closed}"
    return f"天气：{_t(lang, 'rain.' + conditions.rain)}；封闭路段：{closed}"


def _route(args: argparse.Namespace) -> int:
    lang: str = args.lang
    rain: Rain = args.rain
    try:
        town = _load(args.map)
        conditions = Conditions(rain=rain, closed=_closed_ids(town, args.closed))
        graph = RoadGraph(town, conditions)
        origin, destination = town.label(args.origin, lang), town.label(args.destination, lang)
        route = graph.route(args.origin, args.destination)
        why = graph.why_unreachable(args.origin, args.destination) if route is None else ()
    except MapError as exc:
        return _fail("route", str(exc))
    print(_header(town, lang))
    situation = _conditions_text(town, conditions, lang)
    if route is None:
        print(_line(lang, "unreachable", f"{origin} → {destination}", situation))
        print(_line(lang, "why", _why(town, why, lang)))
        return 1
    print(_line(lang, "route", f"{origin} → {destination}", situation))
    rows: list[list[str]] = []
    for index, leg in enumerate(route.legs):
        if leg.road is not None:
            label, what = leg.road, leg.name
        elif leg.metres < 0.5:
            continue
        else:
            label = _t(lang, "walk")
            what = (f"{origin} → {_t(lang, 'road')}" if index == 0
                    else f"{_t(lang, 'road')} → {destination}")
        rows.append([str(len(rows) + 1), label, what, distance(leg.metres, lang),
                     duration(leg.seconds, lang)])
    for line in _table(rows, right=(0, 3, 4)) if rows else ():
        print(f"  {line}")
    comma = ", " if lang == "en" else "，"
    print(_line(lang, "total", f"{distance(route.metres, lang)}{comma}"
                               f"{duration(route.seconds, lang)}"))
    return 0


def _why(town: TownMap, closures: Sequence[Closure], lang: str) -> str:
    if not closures:
        return _t(lang, "no_road")
    roads = town.road_by_id
    en = lang == "en"
    listed = ("; " if en else "；").join(
        f"{c.road} {roads[c.road].name}" + ("(" if en else "（")
        + _t(lang, "reason." + c.reason, w=HEAVY_RAIN_MIN_EARTH_WIDTH_M) + (")" if en else "）")
        for c in closures)
    return f"{_t(lang, 'cut')}{': ' if en else '：'}{listed}"


def _places(args: argparse.Namespace) -> int:
    lang: str = args.lang
    try:
        town = _load(args.map)
        village = town.place(args.village).village if args.village else None
    except MapError as exc:
        return _fail("places", str(exc))
    chosen = [p for p in town.places.values()
              if (args.kind is None or p.kind == args.kind)
              and (village is None or p.village == village)]
    print(_header(town, lang))
    rows = [[_t(lang, "id"), _t(lang, "name"), _t(lang, "kind"), _t(lang, "village"),
             _t(lang, "info")]]
    for place in chosen:
        home = town.places.get(place.village) if place.village else None
        info = []
        if place.kind == "village" and place.properties.get("community"):
            info.append(_t(lang, "community"))
        if place.kind == "hazard":
            hazard = str(place.properties.get("hazard"))
            info.append(hazard if lang == "en" else _HAZARD.get(hazard, hazard))
        if isinstance(place.properties.get("capacity"), int):
            info.append(_t(lang, "capacity", n=place.properties["capacity"]))
        kind = _KIND[place.kind][1 if lang == "en" else 0]
        name = place.name_en if lang == "en" else place.name
        village_name = "" if home is None else (home.name_en if lang == "en" else home.name)
        rows.append([place.id, name, kind, village_name, ", ".join(info)])
    for line in _table(rows):
        print(line)
    print(f"{len(chosen)} {_t(lang, 'places')}")
    return 0


def _roads(args: argparse.Namespace) -> int:
    lang: str = args.lang
    try:
        town = _load(args.map)
    except MapError as exc:
        return _fail("roads", str(exc))
    en = lang == "en"
    print(_header(town, lang))
    rows = [[_t(lang, k) for k in ("id", "name", "class", "surface", "width", "length",
                                   "speed")]]
    for road in town.roads:
        rows.append([road.id, road.name,
                     road.road_class if en else _CLASS[road.road_class],
                     road.surface if en else _SURFACE[road.surface],
                     f"{road.width_m:g} m", distance(road.length_m, lang),
                     f"{road.speed_kmh:g} km/h"])
    for line in _table(rows, right=(4, 5, 6)):
        print(line)
    total = sum(r.length_m for r in town.roads)
    print(f"{len(town.roads)} {_t(lang, 'roads')}, {distance(total, lang)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    """Problems (exit 1): a split road network, road ends that almost touch, places the
    command centre cannot reach. Notes: far walks and single closures that cut villages off."""
    lang: str = args.lang
    en = lang == "en"
    if args.map is not None and not Path(args.map).is_file():
        return _fail("check", f"{args.map}: no such file")
    try:
        town = _load(args.map)
    except MapError as exc:
        print(f"✗ {exc}")
        return 1
    graph = RoadGraph(town)
    problems: list[str] = []
    notes: list[str] = []
    print(f"{_header(town, lang)}: {town.source}")
    print(f"  {len(town.villages)} villages, {len(town.grids)} grids, "
          f"{len(town.assembly_points)} assembly points, {len(town.hazards)} hazards, "
          f"{len(town.roads)} road segments ({distance(sum(r.length_m for r in town.roads), lang)})"
          if en else
          f"  {len(town.villages)} 个村(社区)，{len(town.grids)} 个网格，"
          f"{len(town.assembly_points)} 个集结点，{len(town.hazards)} 个隐患点，"
          f"{len(town.roads)} 条路段(共 {distance(sum(r.length_m for r in town.roads))})")
    parts = sorted(nx.weakly_connected_components(graph.graph), key=len, reverse=True)
    for part in parts[1:]:
        roads = sorted({graph.graph.edges[e]["road"] for e in graph.graph.subgraph(part).edges})
        problems.append(f"roads not connected to the main network: {', '.join(roads)}" if en
                        else f"与主路网不相连的道路：{'、'.join(roads)}")
    for rid, (lon, lat), other, metres in near_misses(town):
        problems.append(f"{rid} ends at {lon},{lat}, {metres:.1f} m from {other} but does "
                        "not share its coordinates" if en else
                        f"{rid} 的端点 {lon},{lat} 距 {other} 仅 {metres:.1f} 米，但坐标不相同，"
                        "两路不相连")
    tree = graph.tree_to(town.command_centre.id)
    for place in town.places.values():
        if tree.seconds_from(place.id) is None:
            problems.append(f"the command centre cannot reach {place.id} {place.name}" if en
                            else f"指挥中心无法到达 {place.id} {place.name}")
        walk = graph.walk_to_road(place.id)
        if walk > DETOUR_WALK_M:
            notes.append(f"{place.id} {place.name} is {distance(walk, lang)} from a road" if en
                         else f"{place.id} {place.name} 距最近道路 {distance(walk)}")
    if len(town.roads) <= 300:  # one graph per road: fine for a township, not for a district
        for road in town.roads:
            closed = RoadGraph(town, Conditions(closed=frozenset({road.id})))
            cut_tree = closed.tree_to(town.command_centre.id)
            cut = [v.name_en if en else v.name for v in town.villages
                   if cut_tree.seconds_from(v.id) is None]
            if cut:
                notes.append(f"closing {road.id} {road.name} cuts off {', '.join(cut)}" if en
                             else f"封闭 {road.id} {road.name} 将切断 {'、'.join(cut)}")
    for problem in problems:
        print(f"  ✗ {problem}")
    for note in notes:
        print(f"  · {note}")
    if not problems:
        print("  ✓ every place is reachable from the command centre in dry weather" if en
              else "  ✓ 晴天时指挥中心可到达所有地点")
    return 1 if problems else 0
