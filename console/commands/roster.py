"""Roster commands: ``roster show``, ``export``, ``import``, ``history`` and ``check``.

The roster in use is the one in the store (``--db URL``, else ``$CONSOLE_DB_URL``, else the
SQLite file in the user data folder): the last one ``roster import FILE --apply`` saved
there, with its duty rota and the history of imports. Until there is one, the demo
roster (演示数据) is used. Every header says which. Exit codes: 0 ok, 1 problems (bad
rows, error findings, a database that cannot be used), 2 usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.roster.demo import (
    DEMO_LABEL,
    DEMO_ROTA_TITLE,
    DEMO_TITLE,
    load_demo_roster,
)
from console.roster.model import Availability, Person, Roster
from console.roster.tabular import (
    PEOPLE_COLUMNS,
    STATUS_NAMES,
    SUFFIXES,
    TAG_NAMES,
    Lang,
    RosterDiff,
    diff_people,
    field_text,
    import_roster,
    parse_moment,
    parse_tag,
    parse_unit,
    write_people,
    write_shifts,
)

if TYPE_CHECKING:
    from console.plans.model import Plan
    from console.roster.check import Finding
    from console.roster.resolve import Candidate, Incident, Resolution, TravelTimes
    from console.roster.roads import Conditions
    from console.roster.townmap import TownMap
    from console.store import ImportRecord, Store

from . import Parser

__all__ = ["current_roster", "register"]

_PLACES = {"command_centre": ("基层治理指挥中心", "command centre"),
           "town_centre": ("镇政府", "town centre")}
_WEEKDAYS = "一二三四五六日"


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    roster = commands.add_parser(
        "roster", help="the people to mobilise: show, import, export, history, check")
    sub = roster.add_subparsers(dest="roster_command", required=True, parser_class=Parser)

    def database(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--db", metavar="URL",
                            help="the database (default: $CONSOLE_DB_URL, else console.db in "
                                 "the user data folder)")

    show = sub.add_parser("show", help="print the roster as a table")
    show.add_argument("--unit", help="a unit: id or Chinese name (民生服务, 村(社区), …)")
    show.add_argument("--village", help="a village or community: id or name (光明村)")
    show.add_argument("--tag", action="append", default=[],
                      help="a skill/tag (id or Chinese name); repeat to require several")
    show.add_argument("--at", metavar="TIME",
                      help='availability at a moment, e.g. "2026-07-12 02:00"')
    show.add_argument("--lang", choices=("zh", "en"), default="zh")
    show.add_argument("--demo", action="store_true", help="show the demo roster")
    database(show)
    show.set_defaults(handler=_show)

    export = sub.add_parser("export", help="write the roster as .csv or .xlsx")
    export.add_argument("-o", "--output", required=True, metavar="FILE.csv|FILE.xlsx")
    export.add_argument("--rota", metavar="FILE", help="also write the duty rota (值班表)")
    export.add_argument("--lang", choices=("zh", "en"), default="zh", help="header language")
    export.add_argument("--demo", action="store_true", help="export the demo roster")
    database(export)
    export.set_defaults(handler=_export)

    imp = sub.add_parser("import", help="check a .csv/.xlsx roster and preview the changes")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--rota", metavar="FILE", help="a duty rota (值班表) for the new roster")
    imp.add_argument("--apply", action="store_true",
                     help="save it as the roster in use (without it nothing changes)")
    imp.add_argument("--limit", type=int, default=50, metavar="N",
                     help="preview lines per kind of change (0: all); default 50")
    imp.add_argument("--lang", choices=("zh", "en"), default="zh")
    database(imp)
    imp.set_defaults(handler=_import)

    history = sub.add_parser("history", help="who imported which roster, and when")
    history.add_argument("--lang", choices=("zh", "en"), default="zh")
    database(history)
    history.set_defaults(handler=_history)

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


# ── the roster in the store ──────────────────────────────────────────────────────


class _StoreFailed(Exception):
    """A store problem, already worded for the operator as one line."""


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """The open store; any store problem becomes ``_StoreFailed`` naming the database."""
    from console.store import StoreError, database_url, open_store
    from console.store.engine import describe

    try:
        location = describe(database_url(db))
    except (StoreError, OSError) as exc:
        raise _StoreFailed(_naming(exc, db)) from exc
    try:
        store = open_store(db)
    except (StoreError, OSError) as exc:
        raise _StoreFailed(_naming(exc, location)) from exc
    try:
        with store:
            yield store
    except StoreError as exc:
        raise _StoreFailed(_naming(exc, location)) from exc


def _naming(exc: BaseException, location: str | None) -> str:
    """The error in one line, with the database named if the message does not."""
    message = " ".join(str(exc).split()) or exc.__class__.__name__
    if location and location not in message:
        message += f" (database: {location})"
    return message


def _store_errors(command: str) -> Callable[[Callable[[argparse.Namespace], int]],
                                            Callable[[argparse.Namespace], int]]:
    """Handlers report a database they cannot use in one line and exit 1."""
    def wrap(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        @functools.wraps(handler)
        def run(args: argparse.Namespace) -> int:
            try:
                return handler(args)
            except _StoreFailed as exc:
                print(f"python -m console roster {command}: error: {exc}", file=sys.stderr)
                return 1
        return run
    return wrap


def current_roster(db: str | None = None) -> Roster:
    """The roster saved in the store (``db``, else $CONSOLE_DB_URL, else the default
    database), or the demo roster until one was saved. Raises ``StoreError``."""
    from console.store import load_roster, open_store

    with open_store(db) as store:
        return load_roster(store) or load_demo_roster()


@dataclass(frozen=True)
class _InUse:
    roster: Roster
    database: str  # where the store is
    last: ImportRecord | None  # the import that saved it (None: the demo roster)


def _in_use(db: str | None, demo: bool = False) -> _InUse:
    """The roster in use and where it came from (the demo roster with ``demo``)."""
    if demo:
        return _InUse(load_demo_roster(), "", None)
    from console.store import import_history, load_roster

    with _store(db) as store:
        stored = load_roster(store)
        history = import_history(store) if stored is not None else []
        return _InUse(stored or load_demo_roster(), store.location,
                      history[-1] if history else None)


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _source(in_use: _InUse, lang: Lang) -> str:
    """Where the roster in use came from, for a header line."""
    roster, last = in_use.roster, in_use.last
    if not in_use.database:
        return _t(lang, "来源：", "source: ") + roster.source
    if roster.demo and last is None:
        return _t(lang, f"来源：{roster.source}（数据库 {in_use.database} 中尚无导入的花名册）",
                  f"source: {roster.source} (no roster imported yet in the database "
                  f"{in_use.database})")
    if last is None:
        return _t(lang, f"来源：{roster.source}（数据库 {in_use.database}）",
                  f"source: {roster.source} (database {in_use.database})")
    return _t(lang, f"来源：{last.file_name}，{_local(last.imported_at)} 由 {last.imported_by} "
                    f"导入（数据库 {in_use.database}）",
              f"source: {last.file_name}, imported {_local(last.imported_at)} by "
              f"{last.imported_by} (database {in_use.database})")


# ── helpers ──────────────────────────────────────────────────────────────────────


def _t(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _name(roster: Roster, lang: Lang, *, short: bool = False) -> str:
    if roster.demo:
        return DEMO_LABEL if short else _t(lang, f"{DEMO_LABEL}（姓名为虚构，手机号已脱敏）",
                                           "DEMO DATA (synthetic names, masked phones)")
    return _t(lang, "用户花名册", "user roster")


def _usage(command: str, message: str) -> int:
    print(f"python -m console roster {command}: error: {message}", file=sys.stderr)
    return 2


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell + " " * (width - _width(cell))
                      for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in [header, ["─" * w for w in widths], *rows]]


def _place(roster: Roster, ref: str, lang: Lang) -> str:
    if lang == "en":
        return ref
    if ref in _PLACES:
        return _PLACES[ref][0]
    place = roster.village_by_id.get(ref) or roster.grid_by_id.get(ref)
    return place.name if place else ref


def _grids(person: Person) -> str:
    prefix = f"{person.village}-"
    return ",".join(g.removeprefix(prefix) if person.village else g for g in person.grids)


# ── show ─────────────────────────────────────────────────────────────────────────


@_store_errors("show")
def _show(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    moment = None
    if args.at is not None and (moment := parse_moment(args.at)) is None:
        return _usage("show", f"--at {args.at!r} is not a time such as \"2026-07-12 02:00\"")
    unit = None
    if args.unit is not None and (unit := parse_unit(args.unit)) is None:
        return _usage("show", f"unknown unit {args.unit!r}")
    tags = []
    for text in args.tag:
        if (tag := parse_tag(text)) is None:
            return _usage("show", f"unknown tag {text!r} (ids: {', '.join(TAG_NAMES)})")
        tags.append(tag)
    in_use = _in_use(args.db, args.demo)
    roster = in_use.roster
    village = None
    if args.village is not None:
        found = roster.village(args.village)
        if found is None:
            return _usage("show", f"unknown village {args.village!r} (one of "
                          + ", ".join(f"{v.id} {v.name}" for v in roster.villages) + ")")
        village = found.id
    people = roster.select(unit=unit, village=village, tags=tags)

    header = [_t(lang, "编号", "id"), _t(lang, "姓名", "name")]
    if moment is not None:
        header += [_t(lang, "状态", "availability"), _t(lang, "位置", "where")]
    header += [_t(lang, h, e) for h, e in (("单位", "unit"), ("职务", "post"),
                                          ("村/社区", "village"), ("网格", "grids"),
                                          ("手机", "phone"), ("技能/标签", "tags"))]
    rows = []
    counts = dict.fromkeys(Availability, 0)
    for person in people:
        row = [person.id, person.name]
        if moment is not None:
            state = roster.availability(person, moment)
            counts[state] += 1
            row += [STATUS_NAMES[state] if lang == "zh" else state.value.replace("_", " "),
                    _place(roster, roster.location(person, moment), lang)]
        tag_text = field_text(person, "tags", roster, "en")
        if lang == "zh":
            tag_text = "、".join(TAG_NAMES.get(t, t) for t in tag_text.split(";") if t)
        row += [field_text(person, "unit", roster, lang), person.post,
                field_text(person, "village", roster, lang), _grids(person), person.phone,
                tag_text.replace(";", ", ")]
        rows.append(row)

    print(_t(lang, "黑溪镇应急人员花名册 · ", "Heixi town roster · ") + _name(roster, lang))
    print(_source(in_use, lang))
    print()
    for line in _table(header, rows):
        print(line)
    print()
    print(_t(lang, f"共 {len(people)} 人", f"{len(people)} people"))
    if moment is not None:
        when = moment.strftime("%Y-%m-%d %H:%M")
        if lang == "zh":
            print(f"{when} 星期{_WEEKDAYS[moment.weekday()]}："
                  + " · ".join(f"{STATUS_NAMES[a]} {n}" for a, n in counts.items()))
        else:
            print(f"{when} {moment.strftime('%A')}: "
                  + ", ".join(f"{a.value.replace('_', ' ')} {n}" for a, n in counts.items()))
    return 0


# ── export ───────────────────────────────────────────────────────────────────────


@_store_errors("export")
def _export(args: argparse.Namespace) -> int:
    outputs = [Path(args.output)] + ([Path(args.rota)] if args.rota else [])
    for output in outputs:
        if output.suffix.lower() not in SUFFIXES:
            return _usage("export", f"{output}: use a .csv or .xlsx file name")
        if not output.parent.is_dir():
            return _usage("export", f"{output}: no such folder {output.parent}")
    roster = _in_use(args.db, args.demo).roster
    try:
        write_people(outputs[0], roster, lang=args.lang, title=DEMO_TITLE if roster.demo else None)
        if args.rota:
            write_shifts(outputs[1], roster, lang=args.lang,
                         title=DEMO_ROTA_TITLE if roster.demo else None)
    except OSError as exc:
        print(f"python -m console roster export: cannot write: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {outputs[0]}: {len(roster)} people ({_name(roster, 'en', short=True)})",
          file=sys.stderr)
    if args.rota:
        print(f"wrote {outputs[1]}: {len(roster.shifts)} duty/leave entries", file=sys.stderr)
    return 0


# ── import ───────────────────────────────────────────────────────────────────────


@_store_errors("import")
def _import(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    for path in [args.file] + ([args.rota] if args.rota else []):
        if not Path(path).is_file():
            return _usage("import", f"{path}: no such file")
        if Path(path).suffix.lower() not in SUFFIXES:
            return _usage("import", f"{path}: use a .csv or .xlsx file"
                          + (" (save the old .xls as .xlsx)"
                             if Path(path).suffix.lower() == ".xls" else ""))
    from console.store import load_roster, save_roster

    with _store(args.db) as store:
        stored = load_roster(store)
        base = stored or load_demo_roster()
        result = import_roster(args.file, base, rota=args.rota)
        for problem in result.problems:
            print(problem)
        if result.roster is None:
            print(f"{len(result.errors)} problem(s); nothing imported", file=sys.stderr)
            return 1
        new = result.roster
        print(_t(lang, f"{args.file}：{len(new)} 人，检查通过",
                 f"{args.file}: {len(new)} people, all rows valid"))
        print(_t(lang, f"与当前花名册（{_name(base, lang, short=True)}）对比：",
                 f"compared with the roster in use ({_name(base, lang, short=True)}):"))
        _preview(diff_people(base.people, new.people), base, new, lang, args.limit)
        print(_t(lang, f"值班表：{len(base.shifts)} 条 → {len(new.shifts)} 条",
                 f"duty rota: {len(base.shifts)} → {len(new.shifts)} entries")
              + (_t(lang, f"（{result.dropped_shifts} 条属于被删除人员）",
                    f" ({result.dropped_shifts} of removed people dropped)")
                 if result.dropped_shifts else "")
              + (_t(lang, "（演示值班表不带入；用 --rota 导入值班表）",
                    " (the demo rota is not carried over; bring one with --rota)")
                 if base.demo and not args.rota else ""))
        if not args.apply:
            print(_t(lang, "预览，未作任何更改；加 --apply 以替换当前花名册。",
                     "preview only, nothing changed; add --apply to replace the roster in use."))
            return 0
        record = save_roster(store, new, source=Path(args.file), imported_by=None)
        location = store.location
    print(_t(lang, f"已应用：花名册（含值班表 {len(new.shifts)} 条）已存入数据库 {location}",
             f"applied: the roster (with {len(new.shifts)} duty/leave entries) was saved "
             f"in the database {location}"))
    print(_t(lang, f"  导入记录 #{record.id}：{_local(record.imported_at)}，导入人 "
                   f"{record.imported_by}，文件 {record.file_name}（sha256 {record.sha256[:12]}）",
             f"  import #{record.id}: {_local(record.imported_at)} by {record.imported_by}, "
             f"file {record.file_name} (sha256 {record.sha256[:12]})"))
    first = stored is None  # nothing saved before: the store counts everyone as added
    print(_t(lang, f"  共 {record.people} 人：新增 {record.added} · 变更 {record.changed} · "
                   f"删除 {record.removed}"
                   + ("（数据库中此前没有花名册，全部计为新增）" if first else ""),
             f"  {record.people} people: added {record.added}, changed {record.changed}, "
             f"removed {record.removed}"
             + (" (the database held no roster before: everyone counts as added)"
                if first else "")))
    return 0


def _preview(diff: RosterDiff, before: Roster, after: Roster, lang: Lang, limit: int) -> None:
    print(_t(lang, f"  新增 {len(diff.added)} · 变更 {len(diff.changed)} · "
                   f"删除 {len(diff.removed)} · 未变 {diff.unchanged}",
             f"  added {len(diff.added)}, changed {len(diff.changed)}, "
             f"removed {len(diff.removed)}, unchanged {diff.unchanged}"))
    labels = {c.key: c.label(lang) for c in PEOPLE_COLUMNS}

    def who(person: Person, roster: Roster) -> str:
        return (f"{person.id} {person.name}（{field_text(person, 'unit', roster, lang)} · "
                f"{person.post}）")

    def shown(items: Sequence[str]) -> None:
        for line in items[:limit] if limit > 0 else items:
            print(line)
        if 0 < limit < len(items):
            print(_t(lang, f"  … 另有 {len(items) - limit} 条（--limit 0 显示全部）",
                     f"  … {len(items) - limit} more (--limit 0 shows all)"))

    shown([f"  + {who(p, after)}" for p in diff.added])
    shown([f"  ~ {c.after.id} {c.after.name}: " + "; ".join(
        f"{labels[k]} {field_text(c.before, k, before, lang) or '∅'} → "
        f"{field_text(c.after, k, after, lang) or '∅'}" for k in c.fields)
        for c in diff.changed])
    shown([f"  - {who(p, before)}" for p in diff.removed])



# ── history ──────────────────────────────────────────────────────────────────────


@_store_errors("history")
def _history(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    from console.store import import_history

    with _store(args.db) as store:
        records = import_history(store)
        location = store.location
    print(_t(lang, f"黑溪镇花名册导入记录 · 数据库 {location}",
             f"Heixi town roster imports · database {location}"))
    if not records:
        print(_t(lang, "尚无导入记录，正在使用演示花名册（演示数据 DEMO DATA）。"
                       "用 roster import FILE --apply 导入本镇花名册。",
                 "no imports yet: the demo roster (DEMO DATA) is in use. "
                 "Import the town's own with roster import FILE --apply."))
        return 0
    print()
    header = [_t(lang, h, e) for h, e in (
        ("序号", "#"), ("时间", "time"), ("导入人", "imported by"), ("文件", "file"),
        ("sha256", "sha256"), ("人数", "people"),
        ("新增/变更/删除", "added/changed/removed"))]
    rows = [[str(r.id), _local(r.imported_at), r.imported_by, r.file_name, r.sha256[:12],
             str(r.people), f"{r.added}/{r.changed}/{r.removed}"] for r in records]
    for line in _table(header, rows):
        print(line)
    print()
    last = records[-1]
    print(_t(lang, f"共 {len(records)} 次导入；在用的是 #{last.id}（{last.file_name}，"
                   f"{last.people} 人）",
             f"{len(records)} import(s); in use: #{last.id} ({last.file_name}, "
             f"{last.people} people)"))
    return 0


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
            print(diagnostic.format(), file=sys.stderr)
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
