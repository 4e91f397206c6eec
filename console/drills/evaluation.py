"""The after-action evaluation (演练评估): a drill's record → ``ReportData``.

    data = evaluate(store, "3fa9", lang="zh")
    from console.drills.report import render
    render(data, "docx", "演练评估报告.docx")

Everything comes from the drill record's copies (the plan as drilled, the roster, the
map), its timeline, observations and corrective actions, and the earlier drills of the
same plan; the report says when the plan file has changed since (``plan_changed``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from console.plans.levels import parse_level
from console.plans.vocabulary import Lane
from console.simulation.events import EventKind
from console.store import Store

from .compare import comparison_of, earlier_drills
from .entries import ActionStatus, actions, observations
from .findings import findings
from .measure import Measured, measure
from .model import MARKER, Drill, DrillError, Source
from .names import Namer
from .records import find_drill
from .report_model import (
    ActionRow,
    CurvePoint,
    GanttRow,
    GroupRate,
    InjectRow,
    ObservationRow,
    ParticipantRow,
    ReportData,
    StageRow,
    TargetRow,
    TimelineRow,
    TrendRow,
)
from .snapshot import inject_from_json

__all__ = ["evaluate", "plan_changed"]

#: At most this many earlier drills appear in the trend.
TREND_DRILLS = 8
_OUTCOME = {
    "zh": {"arrived": "到场", "acknowledged": "确认未到场", "declined": "无法响应",
           "no_answer": "未应答", "unreachable": "无法到达"},
    "en": {"arrived": "arrived", "acknowledged": "acknowledged, not on scene",
           "declined": "declined", "no_answer": "no answer", "unreachable": "could not get there"},
}
_STATUS = {
    "zh": {"finished": "已完成", "skipped": "跳过", "running": "进行中", "waiting": "未开始"},
    "en": {"finished": "finished", "skipped": "skipped", "running": "running",
           "waiting": "not started"},
}
_LEVEL_EN = {"IV": "general", "III": "large", "II": "major", "I": "particularly serious"}
_RAIN = {"zh": {"none": "无降雨", "moderate": "中雨", "heavy": "大雨（暴雨）"},
         "en": {"none": "no rain", "moderate": "moderate rain", "heavy": "heavy rain"}}


def plan_changed(drill: Drill) -> bool:
    """Whether the plan file the drill was set up from has changed or gone since."""
    if not drill.plan_path:
        return False
    try:
        return hashlib.sha256(Path(drill.plan_path).read_bytes()).hexdigest() != drill.plan_sha256
    except OSError:
        return True


def evaluate(store: Store, ref: str, *, lang: str = "zh", trend: bool = True) -> ReportData:
    """Everything the after-action report of drill ``ref`` shows, in ``lang`` (zh | en)."""
    if lang not in ("zh", "en"):
        raise DrillError("the report language is zh or en")
    drill = find_drill(store, ref)
    m = measure(store, drill)
    world = m.world
    namer = Namer(world.plan, world.roster, world.town, lang)
    zh = lang == "zh"
    observed = observations(store, drill.id)
    strengths, problems = findings(m, namer, observed)
    earlier = earlier_drills(store, drill, limit=TREND_DRILLS) if trend else []
    return ReportData(
        language=lang,
        drill_id=drill.id,
        drill_name=drill.name,
        drill_type=_drill_type(drill, zh),
        purpose=drill.purpose,
        objectives=tuple(o.text for o in drill.objectives),
        plan_title=world.plan.title if zh or not world.plan.title_en else world.plan.title_en,
        plan_id=drill.plan_id,
        plan_version=drill.plan_version,
        plan_sha256=drill.plan_sha256,
        plan_changed=plan_changed(drill),
        level=_level(m, zh),
        place=namer.place(drill.place),
        started=drill.started,
        incident_time=drill.incident_time,
        duration=m.end_time,
        weather=_weather(drill, namer, lang),
        scenario=drill.scenario_title or ("无情景注入" if zh else "no scenario injects"),
        injects=_injects(drill, namer),
        demo_roster=drill.roster_demo,
        participants=_participants(m, namer, lang),
        rates=_rates(m, namer),
        never_answered=tuple(namer.person(p) for p in m.summary.never_answered),
        timeline=_timeline(m, namer),
        targets=tuple(TargetRow(namer.target(t.target), namer.step(t.step), t.within, t.actual,
                                t.met, t.planned) for t in m.targets),
        stages=tuple(StageRow(namer.stage(s.stage), s.planned, s.actual, s.met)
                     for s in m.stages if s.steps),
        critical_path=tuple(namer.step(s) for s in m.summary.critical_path),
        gantt=_gantt(m, namer, lang),
        curve=tuple(CurvePoint(t, a, b) for t, a, b in m.summary.curve),
        strengths=strengths,
        problems=problems,
        actions=tuple(ActionRow(a.problem, a.action, a.owner, a.due,
                                ActionStatus(a.status).text(lang),
                                namer.step(a.step) if a.step else "")
                      for a in actions(store, drill.id)),
        observations=tuple(ObservationRow(o.t, o.observer, namer.step(o.step) if o.step else "",
                                          o.rating, o.text) for o in observed),
        trend=_trend(store, earlier, m, lang),
        marker=MARKER if drill.drill else ("真实响应 REAL RESPONSE" if zh else "REAL RESPONSE"),
    )


def _drill_type(drill: Drill, zh: bool) -> str:
    if zh:
        return f"{drill.form.zh}（{drill.content.zh}）· HSEEP {drill.form.hseep}"
    return f"{drill.form.value}, {drill.content.value} (HSEEP {drill.form.hseep})"


def _level(m: Measured, zh: bool) -> str:
    level = parse_level(m.drill.level)
    spec = m.world.plan.levels.get(level)
    name = spec.name if spec is not None else level.default_name
    if not zh:
        name = _LEVEL_EN[level.value]
    changed = [e for e in m.events if e.kind is EventKind.LEVEL_CHANGED]
    text = f"{level.numeral}级（{name}）" if zh else f"level {level.value} ({name})"
    if changed:
        last = parse_level(changed[-1].get("new"))
        text += (f"，演练中调整为{last.numeral}级" if zh else f", changed to {last.value} during "
                 "the drill")
    return text


def _weather(drill: Drill, namer: Namer, lang: str) -> str:
    text = _RAIN[lang].get(drill.weather, drill.weather)
    if drill.closed:
        roads = "、".join(drill.closed)
        text += f"；封闭路段：{roads}" if lang == "zh" else f"; closed roads: {roads}"
    return text


def _injects(drill: Drill, namer: Namer) -> tuple[InjectRow, ...]:
    rows = []
    for data in drill.injects:
        inject = inject_from_json(data)
        name = inject.kind.zh if namer.zh else inject.kind.value.replace("_", " ")
        rows.append(InjectRow(inject.at, name, inject.message))
    return tuple(rows)


def _participants(m: Measured, namer: Namer, lang: str) -> tuple[ParticipantRow, ...]:
    rows = []
    roster = m.world.roster
    for pid, p in sorted(m.people.items(), key=lambda kv: (kv[1].notified or 0.0, kv[0])):
        person = roster.by_id.get(pid)
        rows.append(ParticipantRow(
            name=person.name if person else pid, unit=namer.unit(pid),
            post=person.post if person else "", role=namer.role(p.role) if p.role else "",
            notified=p.notified, acknowledged=p.acknowledged, arrived=p.arrived,
            outcome=_OUTCOME[lang][p.outcome]))
    for declared in m.drill.participants:
        rows.append(ParticipantRow(
            name=str(declared.get("name", "")), unit=str(declared.get("unit", "")),
            post=str(declared.get("post", "")), role=str(declared.get("role", "")),
            notified=None, acknowledged=None, arrived=None,
            outcome="参演" if lang == "zh" else "taking part"))
    return tuple(rows)


def _rates(m: Measured, namer: Namer) -> tuple[GroupRate, ...]:
    groups: dict[str, list[int]] = {}
    total = [0, 0, 0]
    for pid, p in m.people.items():
        counts = groups.setdefault(namer.unit(pid), [0, 0, 0])
        for row in (counts, total):
            row[0] += 1
            row[1] += p.acknowledged is not None
            row[2] += p.arrived is not None
    overall = GroupRate("全部" if namer.zh else "overall", *total)
    return (overall, *(GroupRate(g, *c) for g, c in sorted(groups.items())))


def _timeline(m: Measured, namer: Namer) -> tuple[TimelineRow, ...]:
    rows = []
    for entry in sorted(m.entries, key=lambda e: (e.t, e.seq)):
        rows.append(TimelineRow(entry.t, entry.wall, namer.kind(entry.kind),
                                namer.entry_subject(entry), namer.detail(entry),
                                entry.source != Source.ENGINE.value))
    return tuple(rows)


def _gantt(m: Measured, namer: Namer, lang: str) -> tuple[GanttRow, ...]:
    from console.plans.graph import PlanGraph

    graph = PlanGraph(m.world.plan, m.level)
    rows = []
    for sid in graph.order:
        step = graph.steps[sid]
        times = m.summary.steps.get(sid)
        rows.append(GanttRow(
            step=namer.step(sid), lane=namer.lane(step.lane if step.lane else Lane.TOWN),
            planned_start=m.schedule.start.get(sid), planned_finish=m.schedule.finish.get(sid),
            actual_start=times.start if times else None,
            actual_finish=times.finish if times else None,
            status=_STATUS[lang].get(times.status if times else "waiting", "")))
    return tuple(rows)


def _trend(store: Store, earlier: list[Drill], m: Measured, lang: str) -> tuple[TrendRow, ...]:
    if not earlier:
        return ()
    measured = [measure(store, d) for d in earlier] + [m]
    comparison = comparison_of(measured, lang=lang)
    rows = []
    for index, drill in enumerate(comparison.drills):
        values = {comparison.titles[tid]: comparison.values[tid][index][0]
                  for tid in comparison.targets}
        moment = drill.started or drill.created
        rows.append(TrendRow(drill.name or drill.id, moment.date(), values))
    return tuple(rows)

