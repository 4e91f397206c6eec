"""Reading drills: ``drill list``, ``show``, ``verify``, ``report`` and ``compare``."""

from __future__ import annotations

import argparse
import time

from .drill_support import _Fail, _out, _store


def _list(args: argparse.Namespace) -> int:
    from console.drills.records import list_drills
    from console.drills.text import drill_list

    with _store(args) as store:
        _out(drill_list(list_drills(store, plan_id=args.plan, light=True), args.lang))
    return 0


def _show(args: argparse.Namespace) -> int:
    from console.drills.names import Namer
    from console.drills.records import entries, find_drill, load_drill
    from console.drills.text import drill_header, entry_line
    from console.drills.world import world_of

    with _store(args) as store:
        drill = find_drill(store, args.id)
        world = world_of(drill)
        namer = Namer(world.plan, world.roster, world.town, args.lang)
        _out(drill_header(drill, world, args.lang))
        seen = args.after
        while True:
            for entry in entries(store, drill.id, after=seen):
                _out(entry_line(entry, namer, controller=args.controller))
                seen = entry.seq
            if not args.follow or load_drill(store, drill.id).status.closed:
                break
            try:
                time.sleep(1.0)
            except KeyboardInterrupt:
                break
    return 0


def _verify(args: argparse.Namespace) -> int:
    from console.drills.text import marker
    from console.drills.verify import verify_drill

    zh = args.lang == "zh"
    with _store(args) as store:
        result = verify_drill(store, args.id, lang=args.lang)
    drill = result.drill
    if result.ok:
        _out(marker(drill, args.lang) + (
            f"{drill.id}：时间线完整，{result.chain.entries} 条记录哈希链校验通过；"
            f"末条哈希 {result.chain.head}" if zh else
            f"{drill.id}: timeline intact, {result.chain.entries} entries verify; head "
            f"{result.chain.head}"))
        return 0
    _out(marker(drill, args.lang) + (f"{drill.id}：校验失败" if zh else
                                     f"{drill.id}: verification FAILED"))
    for problem in result.problems:
        _out(f"  ✗ {problem}")
    return 1


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from console.drills.evaluation import evaluate

    fmt = args.fmt or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in ("docx", "pdf", "html"):
        raise _Fail("say --format docx, pdf or html (or name the file .docx/.pdf/.html)", 2)
    with _store(args) as store:
        data = evaluate(store, args.id, lang=args.lang)
    try:
        from console.drills.report import render
    except ImportError:
        raise _Fail("report rendering (console.drills.report) is not available in this "
                    "version") from None
    render(data, fmt, Path(args.output))
    zh = args.lang == "zh"
    note = ("（预案文件已变更，报告使用演练时存档的预案副本）" if zh else
            " (the plan file has changed since; the report uses the stored copy)"
            ) if data.plan_changed else ""
    _out(f"【{data.marker}】" + (f"已生成 {args.output}{note}" if zh else
                                f"wrote {args.output}{note}"))
    return 0


def _compare(args: argparse.Namespace) -> int:
    from console.drills.compare import compare, render_comparison

    with _store(args) as store:
        _out(render_comparison(compare(store, args.ids, lang=args.lang), args.lang))
    return 0

