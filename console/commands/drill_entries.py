"""Human entries in a drill: ``drill log``, ``inject``, ``observe``, ``action`` and
``actions``."""

from __future__ import annotations

import argparse
from typing import Any

from .drill_support import _author, _Fail, _out, _store


def _log(args: argparse.Namespace) -> int:
    from console.drills.entries import log_entry
    from console.drills.names import Namer
    from console.drills.records import find_drill
    from console.drills.text import entry_line, marker
    from console.drills.world import world_of

    with _store(args) as store:
        data = {"role": args.role} if args.role else None
        entry = log_entry(store, args.id, args.text, kind=args.kind, subject=args.subject,
                          at=args.at, author=_author(args), data=data)
        drill = find_drill(store, args.id)
        world = world_of(drill)
        _out(marker(drill, args.lang) + (f"已记录（第 {entry.seq} 条）" if args.lang == "zh"
                                         else f"recorded (entry {entry.seq})"))
        _out(entry_line(entry, Namer(world.plan, world.roster, world.town, args.lang)))
    return 0


def _inject(args: argparse.Namespace) -> int:
    from console.drills.entries import request_inject
    from console.drills.records import find_drill
    from console.drills.text import marker
    from console.simulation.injects import REQUIRED, Inject, InjectKind

    try:
        kind = InjectKind(args.kind)
    except ValueError:
        raise _Fail(f"unknown inject kind '{args.kind}'; kinds: "
                    f"{', '.join(k.value for k in InjectKind)}", 2) from None
    params = dict(p.split("=", 1) for p in args.params if "=" in p)
    bad = [p for p in args.params if "=" not in p]
    missing = [key for key in REQUIRED[kind] if not params.get(key)]
    if bad or missing:
        raise _Fail(f"{kind.value} needs {', '.join(f'{k}=…' for k in REQUIRED[kind])}", 2)
    inject = Inject(0.0, kind, tuple(sorted(params.items())), args.message, "operator")
    with _store(args) as store:
        entry = request_inject(store, args.id, inject, author=_author(args))
        drill = find_drill(store, args.id)
    _out(marker(drill, args.lang) + (
        f"情景注入已提交（第 {entry.seq} 条），运行中的演练将立即下达" if args.lang == "zh" else
        f"inject requested (entry {entry.seq}); the running drill applies it at once"))
    return 0


def _observe(args: argparse.Namespace) -> int:
    from console.drills.entries import observe
    from console.drills.records import find_drill
    from console.drills.text import marker

    with _store(args) as store:
        entry = observe(store, args.id, args.text, step=args.step, rating=args.rating,
                        observer=_author(args), at=args.at)
        drill = find_drill(store, args.id)
    _out(marker(drill, args.lang) + (f"观察记录已保存（第 {entry.seq} 条）" if args.lang == "zh"
                                     else f"observation recorded (entry {entry.seq})"))
    return 0


def _action(args: argparse.Namespace) -> int:
    from console.drills.entries import add_action
    from console.drills.records import find_drill
    from console.drills.text import marker

    with _store(args) as store:
        record = add_action(store, args.id, problem=args.problem, action=args.action,
                            owner=args.owner, due=args.due, step=args.step,
                            author=_author(args))
        drill = find_drill(store, args.id)
    _out(marker(drill, args.lang) + (f"整改措施 {record.id} 已登记" if args.lang == "zh" else
                                     f"corrective action {record.id} recorded"))
    return 0


def _actions(args: argparse.Namespace) -> int:
    from console.drills.entries import actions, update_action
    from console.drills.model import MARKER

    zh = args.lang == "zh"
    with _store(args) as store:
        if args.update is not None:
            if args.status is None and args.owner is None and args.due is None:
                raise _Fail("--update N needs --status, --owner or --due", 2)
            update_action(store, args.update, status=args.status, owner=args.owner,
                          due=args.due)
        rows = actions(store, args.id, open_only=args.open)
        if args.revision:
            rows = _closed_by(store, args, rows)
    _out(f"【{MARKER}】" + (f"整改措施 {len(rows)} 项" if zh else
                           f"{len(rows)} corrective action(s)"))
    for a in rows:
        due = f"{a.due:%Y-%m-%d}" if a.due else "—"
        step = f" [{a.step}]" if a.step else ""
        _out(f"  {a.id:>4}  {a.drill_id}  {a.status.text(args.lang):<6} {due}  {a.owner}  "
             f"{a.problem} → {a.action}{step}")
    return 0


def _closed_by(store: Any, args: argparse.Namespace, rows: list[Any]) -> list[Any]:
    """The actions a later plan version may close (their step changed)."""
    from console.drills.compare import revision_closes
    from console.drills.prepare import resolve_plan_path
    from console.drills.records import find_drill
    from console.drills.world import plan_of
    from console.plans.loader import load_plan

    if not args.id:
        raise _Fail("--revision needs the drill: drill actions ID --revision PLAN", 2)
    drill = find_drill(store, args.id)
    loaded = load_plan(resolve_plan_path(args.revision))
    if loaded.plan is None or loaded.errors:
        raise _Fail(f"the revised plan does not load: "
                    f"{loaded.errors[0].format() if loaded.errors else args.revision}")
    if loaded.plan.id != drill.plan_id:
        raise _Fail(f"{args.revision} is plan {loaded.plan.id}, the drill exercised "
                    f"{drill.plan_id}", 2)
    closed = revision_closes(rows, plan_of(drill), loaded.plan)
    _out(f"预案 {drill.plan_version} → {loaded.plan.version}：修订涉及的整改措施" if
         args.lang == "zh" else f"plan {drill.plan_version} → {loaded.plan.version}: actions "
         "whose step the revision changed")
    return closed
