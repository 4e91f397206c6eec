"""Drills as terminal text: the list, a drill's header and timeline, progress lines.
Every block starts with the drill marker (演练 DRILL), or 真实响应 for a real response."""

from __future__ import annotations

from collections.abc import Sequence

from .model import MARKER, Drill, Entry, Source
from .names import Namer, clock
from .world import World

__all__ = ["drill_header", "drill_list", "entry_line", "marker", "progress_line"]


def marker(drill: Drill | None = None, lang: str = "zh") -> str:
    """``【演练 DRILL】`` (or ``【真实响应 REAL】`` for a recorded real response)."""
    if drill is not None and not drill.drill:
        return "【真实响应 REAL】" if lang == "zh" else "[REAL RESPONSE]"
    return f"【{MARKER}】"


def drill_list(drills: Sequence[Drill], lang: str = "zh") -> str:
    """One line per drill, newest last."""
    zh = lang == "zh"
    lines = [marker(None, lang) + (f"共 {len(drills)} 次演练记录" if zh else
                                   f"{len(drills)} drill record(s)")]
    for d in drills:
        kind = "" if d.drill else (" 真实响应" if zh else " REAL")
        status = d.status.zh if zh else d.status.value
        lines.append(f"  {d.id}  {status:<4} {d.form.zh if zh else d.form.value:<6} "
                     f"{d.plan_id:<14} {d.level:<3} {d.incident_time:%Y-%m-%d %H:%M}  "
                     f"{d.entries:>5}条  {d.name}{kind}" if zh else
                     f"  {d.id}  {status:<9} {d.form.value:<9} {d.plan_id:<14} {d.level:<3} "
                     f"{d.incident_time:%Y-%m-%d %H:%M}  {d.entries:>5}  {d.name}{kind}")
    return "\n".join(lines)


def drill_header(drill: Drill, world: World | None, lang: str = "zh") -> str:
    """What the drill is: name, type, plan, level, place, time, seed, status, chain."""
    zh = lang == "zh"
    namer = Namer(world.plan, world.roster, world.town, lang) if world is not None else None
    place = namer.place(drill.place) if namer is not None else drill.place
    status = f"{drill.status.zh}" if zh else drill.status.value
    if drill.status_reason and namer is not None:
        status += f"（{namer.reason(drill.status_reason)}）" if zh else \
            f" ({drill.status_reason})"
    lines = [
        marker(drill, lang) + f"{drill.name}  [{drill.id}]",
        (f"  类型：{drill.type_text} · HSEEP {drill.form.hseep}" if zh else
         f"  type: {drill.form.value}, {drill.content.value} ({drill.form.hseep})"),
        (f"  预案：{drill.plan_title}（{drill.plan_id} v{drill.plan_version}，"
         f"sha256 {drill.plan_sha256[:12]}…）" if zh else
         f"  plan: {drill.plan_title} ({drill.plan_id} v{drill.plan_version}, "
         f"sha256 {drill.plan_sha256[:12]}…)"),
        (f"  响应级别 {drill.level}，地点 {place}，时间 {drill.incident_time:%Y-%m-%d %H:%M}，"
         f"天气 {drill.weather}" if zh else
         f"  level {drill.level}, at {place}, {drill.incident_time:%Y-%m-%d %H:%M}, "
         f"rain {drill.weather}"),
    ]
    if drill.closed:
        lines.append(("  封闭路段：" if zh else "  closed roads: ") + ", ".join(drill.closed))
    if drill.scenario_title:
        lines.append(f"  情景：{drill.scenario_title}（{len(drill.injects)} 条注入）" if zh else
                      f"  scenario: {drill.scenario_title} ({len(drill.injects)} injects)")
    lines.append(f"  种子 {drill.seed}，速度 {drill.speed}，状态 {status}，演练时钟 "
                  f"{clock(drill.clock)}，时间线 {drill.entries} 条" if zh else
                  f"  seed {drill.seed}, speed {drill.speed}, status {status}, clock "
                  f"{clock(drill.clock)}, {drill.entries} timeline entries")
    if drill.head_hash:
        lines.append(f"  末条哈希 {drill.head_hash}" if zh else f"  head hash {drill.head_hash}")
    if drill.roster_demo:
        lines.append("  人员：演示数据 DEMO DATA" if zh else "  roster: DEMO DATA")
    return "\n".join(lines)


def entry_line(entry: Entry, namer: Namer, *, controller: bool = True) -> str:
    """One timeline entry: virtual time, kind, subject, detail; ✎ marks a human entry."""
    human = "✎" if entry.source != Source.ENGINE.value else " "
    detail = namer.detail(entry, controller=controller)
    author = f"  — {entry.author}" if entry.author and entry.source != Source.ENGINE.value else ""
    return (f"  {entry.seq:>5} {clock(entry.t):>8} {human} {namer.kind(entry.kind)}  "
            f"{namer.entry_subject(entry)}  {detail}{author}").rstrip()


def progress_line(drill: Drill, now: float, batch: Sequence[Entry], total: int,
                  namer: Namer) -> str:
    """One line per recorded batch while a drill runs."""
    last = batch[-1]
    zh = namer.zh
    tag = "[演练]" if drill.drill else "[真实]"
    return (f"{tag} {drill.id} {clock(now):>8}  +{len(batch)} 条，共 {total} 条  "
            f"{namer.kind(last.kind)} {namer.entry_subject(last)}" if zh else
            f"[DRILL] {drill.id} {clock(now):>8}  +{len(batch)}, {total} in all  "
            f"{namer.kind(last.kind)} {namer.entry_subject(last)}")

