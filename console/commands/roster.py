"""Roster commands: ``roster show``, ``export``, ``import``, ``history`` and ``check``.

The roster in use is the one in the store (``--db URL``, else ``$CONSOLE_DB_URL``, else the
SQLite file in the user data folder): the last one ``roster import FILE --apply`` saved
there, with its duty rota and the history of imports. Until there is one, the demo
roster (演示数据) is used. Every header says which. Exit codes: 0 ok, 1 problems (bad
rows, error findings, a database that cannot be used), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from console.roster.demo import (
    DEMO_ROTA_TITLE,
    DEMO_TITLE,
    load_demo_roster,
)
from console.roster.model import Availability, Person, Roster
from console.roster.roster_import import RosterDiff, diff_people, import_roster
from console.roster.table_columns import (
    PEOPLE_COLUMNS,
    STATUS_NAMES,
    SUFFIXES,
    TAG_NAMES,
    Lang,
    field_text,
    parse_moment,
    parse_tag,
    parse_unit,
)
from console.roster.table_write import write_people, write_shifts

from . import Parser
from .roster_check import register_check
from .roster_store import (
    _in_use,
    _local,
    _name,
    _source,
    _store,
    _store_errors,
    _usage,
    current_roster,
)
from .tabletext import _WEEKDAYS, _t, _table

__all__ = ["current_roster", "register"]

_PLACES = {"command_centre": ("基层治理指挥中心", "command centre"),
           "town_centre": ("镇政府", "town centre")}


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

    register_check(sub, database)


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
