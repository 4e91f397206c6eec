"""``python -m console drill …``: run, resume, show, verify, evaluate and compare drills.

Every command takes ``--db URL`` (default: $CONSOLE_DB_URL, else the user's SQLite file).
Output is marked 演练 DRILL. Errors are one line on stderr; exit codes: 0 done, 1 a
problem (a store error, a tampered timeline, a replay that differs), 2 a usage error.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from typing import Any

from . import Parser
from .drill_entries import _action, _actions, _inject, _log, _observe
from .drill_records import _compare, _list, _report, _show, _verify
from .drill_support import PROG, _author, _Fail, _out, _store

__all__ = ["register"]


class _Intermixed(Parser):
    """Positionals and options in any order (``drill log ID --kind arrived "text"``)."""

    _inside = False

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._inside:  # argparse's intermixed parsing calls back in here
            return super().parse_known_args(args, namespace)
        self._inside = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``drill`` and its subcommands."""
    drill = commands.add_parser("drill", help="drills (演练): run, record, resume, evaluate")
    sub = drill.add_subparsers(dest="drill_command", parser_class=_Intermixed, required=True)

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--db", metavar="URL", help="database (default: $CONSOLE_DB_URL, else "
                                                   "the user's console.db)")
        p.add_argument("--lang", choices=("zh", "en"), default="zh")
        p.set_defaults(handler=_guarded(handler))
        return p

    run = add("run", _run, "start a drill and record it as it runs (headless)")
    run.add_argument("plan", metavar="PLAN", help="a plan file or a shipped plan id")
    run.add_argument("--level", default="IV", help="IV, III, II or I (default IV)")
    run.add_argument("--at", required=True, metavar="PLACE", help="where: a map place (胜地社区)")
    run.add_argument("--time", metavar="TIME", help='when: "14:00" or "2026-07-12 02:00"')
    run.add_argument("--scenario", metavar="FILE", help="a scenario (injects) YAML file")
    run.add_argument("--seed", type=int, help="random seed (default: a new one, recorded)")
    run.add_argument("--speed", default=None, choices=("max", "60", "1"),
                     help="clock speed: max, 60 or 1 × real time (default: max when "
                          "simulated, 1 otherwise)")
    run.add_argument("--name", default="", help="the drill's name")
    run.add_argument("--type", dest="form", default="simulated",
                     choices=("simulated", "tabletop", "live"),
                     help="模拟 simulated (the engine plays the people), 桌面推演 tabletop, "
                          "实战 live (people log what they do)")
    run.add_argument("--content", default="single", choices=("single", "comprehensive"),
                     help="单项 single or 综合 comprehensive")
    run.add_argument("--purpose", default="", help="the drill's purpose (default from the plan)")
    run.add_argument("--objective", action="append", default=[], metavar="TEXT[=REFS]",
                     help="an objective, tied to steps or targets: "
                          "'检验小分队到场=arrive,squad_move' (repeatable; default: one per "
                          "target)")
    run.add_argument("--participant", action="append", default=[], metavar="NAME,UNIT,ROLE",
                     help="a participant besides the people called (observer, controller…)")
    run.add_argument("--weather", "--rain", dest="rain", default="none",
                     choices=("none", "moderate", "heavy"), help="rain on the roads")
    run.add_argument("--closed", action="append", default=[], metavar="SEGMENT",
                     help="a road closed from the start (repeatable)")
    run.add_argument("--real", action="store_true",
                     help="record a real response, not an exercise (never in drill statistics)")
    run.add_argument("--by", default=None, help="who runs it (default: the OS user)")
    run.add_argument("--quiet", action="store_true", help="no progress lines")
    run.add_argument("--step", type=float, default=60.0, help=argparse.SUPPRESS)

    resume = add("resume", _resume, "continue a paused or interrupted drill")
    resume.add_argument("id", metavar="ID")
    resume.add_argument("--speed", default=None, choices=("max", "60", "1"))
    resume.add_argument("--force", action="store_true",
                        help="take over a drill another desktop seems to be running")
    resume.add_argument("--by", default=None)
    resume.add_argument("--quiet", action="store_true")
    resume.add_argument("--step", type=float, default=60.0, help=argparse.SUPPRESS)

    end = add("end", _end, "close a drill: finished (default) or --abort")
    end.add_argument("id", metavar="ID")
    end.add_argument("--abort", action="store_true")
    end.add_argument("--reason", default="")
    end.add_argument("--by", default=None)

    listing = add("list", _list, "list the drills in the database")
    listing.add_argument("--plan", help="only drills of this plan id")

    show = add("show", _show, "a drill and its timeline")
    show.add_argument("id", metavar="ID")
    show.add_argument("--after", type=int, default=-1, metavar="SEQ",
                      help="only entries after this seq (a seat catching up)")
    show.add_argument("--follow", action="store_true",
                      help="keep printing new entries until the drill closes (an observer seat)")
    show.add_argument("--no-controller", dest="controller", action="store_false",
                      help="hide the controller-only notes of injects")

    verify = add("verify", _verify, "check a drill's timeline hash chain and copies")
    verify.add_argument("id", metavar="ID")

    report = add("report", _report, "write the after-action report (演练评估报告)")
    report.add_argument("id", metavar="ID")
    report.add_argument("--format", dest="fmt", default=None, choices=("docx", "pdf", "html"))
    report.add_argument("-o", "--output", required=True, metavar="FILE")

    compare = add("compare", _compare, "compare drills of one plan, target by target")
    compare.add_argument("ids", nargs="+", metavar="ID")

    log = add("log", _log, "add an operator's entry (a note, a report, a decision)")
    log.add_argument("id", metavar="ID")
    log.add_argument("text", nargs="?", default="")
    log.add_argument("--kind", default="note",
                     help="note, decision, acknowledged, arrived, departed, declined, "
                          "no_answer, unreachable, notified, step_started, step_finished")
    log.add_argument("--subject", default="", metavar="PERSON_OR_STEP",
                     help="a person (name or id) or a step (id or title)")
    log.add_argument("--at", default=None, metavar="TIME",
                     help="when it happened: 14:02 (the incident's day) or 2026-03-18 14:02")
    log.add_argument("--role", default="", help="the plan role of the person, if known")
    log.add_argument("--by", default=None)

    inject = add("inject", _inject, "send an inject into a running drill now (on demand)")
    inject.add_argument("id", metavar="ID")
    inject.add_argument("kind", metavar="KIND",
                        help="close_road, open_road, weather, set_level, person_unavailable, "
                             "force_branch, stand_down, note")
    inject.add_argument("params", nargs="*", metavar="KEY=VALUE",
                        help="segment=r04, rain=heavy, level=III, person=W007, step=judge "
                             "outcome=wildfire")
    inject.add_argument("--message", default="", help="what the players are told")
    inject.add_argument("--by", default=None)

    observe = add("observe", _observe, "add an observer's observation")
    observe.add_argument("id", metavar="ID")
    observe.add_argument("text")
    observe.add_argument("--step", default="", help="the plan step observed (id or title)")
    observe.add_argument("--rating", type=int, choices=range(1, 6), metavar="1-5")
    observe.add_argument("--at", default=None, metavar="TIME")
    observe.add_argument("--by", default=None)

    action = add("action", _action, "add a corrective action (整改措施)")
    action.add_argument("id", metavar="ID")
    action.add_argument("--problem", required=True)
    action.add_argument("--action", required=True)
    action.add_argument("--owner", required=True)
    action.add_argument("--due", metavar="DATE", help="2026-12-31")
    action.add_argument("--step", default="", help="the plan step it concerns")
    action.add_argument("--by", default=None)

    acts = add("actions", _actions, "list corrective actions (of a drill, or all)")
    acts.add_argument("id", nargs="?", metavar="ID")
    acts.add_argument("--open", action="store_true", help="only those not done")
    acts.add_argument("--update", type=int, metavar="N", help="change action N")
    acts.add_argument("--status", choices=("open", "in_progress", "done"))
    acts.add_argument("--owner")
    acts.add_argument("--due", metavar="DATE")
    acts.add_argument("--revision", metavar="PLAN",
                      help="a later version of the drill's plan: list the actions whose step "
                           "it changed (findings the revision may close)")


# -- plumbing ----------------------------------------------------------------------------


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """One line on stderr for every failure, never a traceback."""
    from console.drills.model import DrillError
    from console.store import StoreError

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except _Fail as exc:
            print(f"{PROG} {args.drill_command}: error: {exc}", file=sys.stderr)
            return exc.code
        except (DrillError, StoreError) as exc:
            print(f"{PROG} {args.drill_command}: error: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print(f"{PROG} {args.drill_command}: interrupted", file=sys.stderr)
            return 1
        except BrokenPipeError:  # the reader went away (| head): nothing more to say
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        except Exception as exc:  # a bug: still one line, with what it was
            print(f"{PROG} {args.drill_command}: error: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            return 1

    return run


# -- running -----------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    import datetime as dt
    from dataclasses import replace

    from console.drills.model import DrillError
    from console.drills.prepare import (
        DrillSpec,
        drill_values,
        parse_objective,
        parse_participant,
    )
    from console.drills.session import DrillSession
    from console.roster.incident import parse_when

    try:
        when = parse_when(args.time) if args.time else dt.datetime.now().replace(
            second=0, microsecond=0)
    except ValueError as exc:
        raise _Fail(str(exc), 2) from None
    speed = args.speed or ("max" if args.form == "simulated" else "1")
    spec = DrillSpec(args.plan, args.at, when, level=args.level, rain=args.rain,
                     closed=tuple(args.closed), scenario=args.scenario, seed=args.seed,
                     speed=speed, name=args.name, form=args.form, content=args.content,
                     purpose=args.purpose, drill=not args.real)
    author = _author(args)
    with _store(args) as store:
        try:
            spec = replace(spec, objectives=tuple(parse_objective(o) for o in args.objective),
                           participants=tuple(parse_participant(p) for p in args.participant))
            values = drill_values(store, spec, author=author)
        except DrillError as exc:
            raise _Fail(str(exc), 2) from None
        session = DrillSession.create(store, values, author=author)
        drill = session.drill
        zh = args.lang == "zh"
        from console.drills.text import marker

        _out(f"{marker(drill, args.lang)}" + (f"演练 {drill.id} 已创建：{drill.name}" if zh else
                                              f"drill {drill.id} created: {drill.name}"))
        _out(f"  种子 {drill.seed}，速度 {speed}；Ctrl+C 暂停，之后用 "
              f"python -m console drill resume {drill.id} 继续" if zh else
              f"  seed {drill.seed}, speed {speed}; Ctrl+C pauses, then "
              f"python -m console drill resume {drill.id}")
        return _drive(session, args, speed)


def _resume(args: argparse.Namespace) -> int:
    from console.drills.session import DrillSession
    from console.drills.text import marker

    with _store(args) as store:
        session = DrillSession.open(store, args.id, force=args.force, author=_author(args))
        drill = session.drill
        speed = args.speed or drill.speed
        _out(marker(drill, args.lang) + (
            f"演练 {drill.id} 已恢复：{drill.entries} 条记录完好，重放至 "
            f"{_clock(session.now)} 与记录一致" if args.lang == "zh" else
            f"drill {drill.id} resumed: {drill.entries} entries intact, replayed to "
            f"{_clock(session.now)}, matching the record"))
        return _drive(session, args, speed)


def _clock(seconds: float) -> str:
    from console.drills.names import clock

    return clock(seconds)


def _drive(session: Any, args: argparse.Namespace, speed: str) -> int:
    from console.drills.model import DrillStatus
    from console.drills.names import Namer
    from console.drills.session import parse_speed
    from console.drills.text import marker, progress_line

    drill = session.drill
    zh = args.lang == "zh"
    namer = Namer(session.world.plan, session.world.roster, session.world.town, args.lang)
    stopping = {"now": False}
    total = {"n": session.drill.entries}

    def on_signal(_signum: int, _frame: Any) -> None:
        if stopping["now"]:
            raise KeyboardInterrupt
        stopping["now"] = True

    def on_batch(batch: list[Any]) -> None:
        total["n"] = batch[-1].seq + 1
        if not args.quiet:
            _out(progress_line(drill, session.now, batch, total["n"], namer))

    def on_problem(message: str) -> None:
        if message:
            print(marker(drill, args.lang) + ("已暂停：" if zh else "paused: ") + message +
                  ("（数据库恢复后自动继续）" if zh else " (continues when the store is back)"),
                  file=sys.stderr, flush=True)
        else:
            print(marker(drill, args.lang) + ("数据库已恢复，演练继续" if zh else
                                              "the store is back; the drill goes on"),
                  file=sys.stderr, flush=True)

    until = None
    if not drill.simulated:
        until = max([0.0, *(float(i["at"]) for i in drill.injects)]) + 1.0
    previous = signal.signal(signal.SIGINT, on_signal)
    try:
        status = session.run(parse_speed(speed), stop=lambda: stopping["now"],
                             on_batch=on_batch, on_problem=on_problem, until=until,
                             step=args.step)
    finally:
        signal.signal(signal.SIGINT, previous)
    drill = session.refresh()
    if status is DrillStatus.PAUSED or stopping["now"]:
        _out(marker(drill, args.lang) + (
            f"已暂停于 {_clock(session.now)}；继续：python -m console drill resume {drill.id}"
            if zh else f"paused at {_clock(session.now)}; continue with "
            f"python -m console drill resume {drill.id}"))
        return 0
    if not drill.status.closed:
        session.release()  # no process holds it now: a later resume is not a recovery
        _out(marker(drill, args.lang) + (
            f"情景注入已全部下达；演练进行中，用 drill log {drill.id} 记录，"
            f"drill end {drill.id} 结束" if zh else
            f"all injects delivered; the drill stays open: drill log {drill.id} to record, "
            f"drill end {drill.id} to close"))
        return 0
    return _summary(session, args)


def _summary(session: Any, args: argparse.Namespace) -> int:
    from console.drills.measure import measure
    from console.drills.names import Namer, duration
    from console.drills.text import marker

    drill = session.drill
    zh = args.lang == "zh"
    m = measure(session.store, drill)
    namer = Namer(m.world.plan, m.world.roster, m.world.town, args.lang)
    _out(marker(drill, args.lang) + (
        f"演练 {drill.id} 结束（{namer.reason(drill.status_reason)}），演练时长 "
        f"{_clock(m.end_time)}，时间线 {drill.entries} 条" if zh else
        f"drill {drill.id} finished ({drill.status_reason}) after {_clock(m.end_time)}, "
        f"{drill.entries} timeline entries"))
    for t in m.targets:
        mark = "✓" if t.met else "✗"
        _out(f"  {mark} {namer.target(t.target)}: {duration(t.actual)} / {duration(t.within)}")
    return 0


def _end(args: argparse.Namespace) -> int:
    from console.drills.model import DrillStatus, Source
    from console.drills.recorder import Recorder
    from console.drills.records import find_drill
    from console.drills.text import marker

    with _store(args) as store:
        drill = find_drill(store, args.id)
        status = DrillStatus.ABORTED if args.abort else DrillStatus.FINISHED
        Recorder(store, drill.id).append([], status=status, reason=args.reason or "operator",
                                         status_source=Source.OPERATOR.value,
                                         author=_author(args))
        _out(marker(drill, args.lang) + (f"演练 {drill.id} {status.zh}" if args.lang == "zh"
                                         else f"drill {drill.id} {status.value}"))
    return 0
