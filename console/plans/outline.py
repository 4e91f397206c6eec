"""A readable outline of a plan for the terminal, in Chinese for a Chinese plan."""

from __future__ import annotations

import re

from .durations import format_duration
from .graph import PlanGraph
from .levels import Level
from .model import DurationSpec, Plan

__all__ = ["plan_language", "render_outline"]

_LABELS = {
    "zh": {
        "plan": "预案", "hazard": "类别", "version": "版本", "status": "状态", "owner": "编制单位",
        "level": "响应级别", "trigger": "启动条件", "steps": "处置步骤", "lane": "层级",
        "role": "岗位", "people": "人数", "duration": "用时", "after": "前序",
        "targets": "时间目标", "critical": "关键路径", "shortest": "最短", "expected": "预期",
        "longest": "最长", "earliest": "最早可达", "cannot": "无法达成", "ok": "可达成",
        "branch": "分支", "skipped": "本级不适用", "outside": "外部", "roles": "岗位与人员",
        "backups": "备岗", "from": "来源", "marker": "★ 关键路径", "any": "任一",
        "unreachable": "本级不经过",
    },
    "en": {
        "plan": "Plan", "hazard": "Hazard", "version": "Version", "status": "Status",
        "owner": "Owner", "level": "Response level", "trigger": "Trigger", "steps": "Steps",
        "lane": "lane", "role": "role", "people": "people", "duration": "duration",
        "after": "after", "targets": "Targets", "critical": "Critical path",
        "shortest": "shortest", "expected": "expected", "longest": "longest",
        "earliest": "earliest", "cannot": "cannot be met", "ok": "can be met",
        "branch": "branches", "skipped": "not at this level", "outside": "outside body",
        "roles": "Roles", "backups": "backups", "from": "from", "marker": "★ critical path",
        "any": "any of", "unreachable": "not reached at this level",
    },
}


def plan_language(plan: Plan) -> str:
    """``zh`` when the plan's title is written in Chinese, else ``en``."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", plan.title) else "en"


def _span(spec: DurationSpec) -> str:
    if spec.fixed:
        return format_duration(spec.min)
    return "–".join(format_duration(x) for x in (spec.min, spec.likely, spec.max))


def render_outline(plan: Plan, level: Level, lang: str | None = None) -> str:
    """The plan at one level: header, roles, steps in order, targets, critical path."""
    lang = lang or plan_language(plan)
    t = _LABELS[lang]
    zh = lang == "zh"
    graph = PlanGraph(plan, level)
    paths = graph.critical_paths()
    expected = paths["expected"]
    on_path = set(expected.critical_path)
    spec = plan.levels.get(level)
    title = plan.title if zh or not plan.title_en else plan.title_en
    lines = [
        f"{t['plan']}: {title}  [{plan.id}]",
        f"{t['hazard']}: {plan.hazard.zh if zh else plan.hazard.value}   "
        f"{t['version']}: {plan.version}   "
        f"{t['status']}: {plan.status.zh if zh else plan.status.value}   "
        f"{t['owner']}: {plan.owner}",
    ]
    if spec is not None:
        lines.append(f"{t['level']}: {level.numeral} {spec.name} ({spec.color})   "
                     f"{t['trigger']}: {spec.trigger}")
        for trig in spec.when:
            condition = (f"= {str(trig.is_).lower()}" if trig.is_ is not None
                         else f"≥ {trig.at_least:g}{trig.unit or ''}")
            lines.append(f"    {trig.title or trig.metric} ({trig.metric}) {condition}")
    lines += ["", f"{t['roles']}:"]
    for rid, role in plan.roles.items():
        count = role.count_at(level)
        if count == 0:
            continue
        sources = "; ".join(_selector(sel, zh) for sel in role.from_)
        backups = f"  {t['backups']}: {', '.join(role.backups)}" if role.backups else ""
        lines.append(f"  {role.title} ({rid}) ×{count}  {t['from']}: {sources}{backups}")
    lines += ["", f"{t['steps']} ({t['marker']}):"]
    for index, sid in enumerate(graph.order, 1):
        step = plan.steps[sid]
        mark = "★" if sid in on_path else " "
        lane = step.lane.zh if zh else step.lane.value
        doer = plan.roles[step.role].title if step.role in plan.roles else t["outside"]
        people = plan.headcount(sid, level)
        stage = f"[{step.stage.zh if zh else step.stage.value}] " if step.stage else ""
        lines.append(f" {mark}{index:>3}. {stage}{step.title} ({sid})")
        detail = f"        {t['lane']}: {lane} | {t['role']}: {doer}"
        if people:
            detail += f" ×{people}"
        detail += f" | {t['duration']}: {_span(step.duration)}"
        lines.append(detail)
        preds = [p for p in step.after.all if p in graph.steps]
        anys = [p for p in step.after.any if p in graph.steps]
        if preds or anys:
            text = ", ".join(preds)
            if anys:
                text += ("; " if text else "") + f"{t['any']} ({', '.join(anys)})"
            lines.append(f"        {t['after']}: {text}")
        for outcome, branch in step.branches.items():
            label = branch.title or outcome
            lines.append(f"        ↳ {t['branch']} {label} p={branch.p:g} → "
                         f"{', '.join(branch.next) or '-'}")
        if sid in expected.skipped:
            lines.append(f"        ({t['unreachable']})")
    lines += ["", f"{t['targets']}:"]
    for check in graph.target_checks():
        target = plan.targets[check.target]
        name = (target.title if zh else target.title_en or target.title) or check.target
        verdict = t["ok"] if check.can_meet else t["cannot"]
        earliest = "-" if check.earliest is None else format_duration(check.earliest)
        lines.append(f"  {name} ({check.target}) ≤ {format_duration(check.within)} @ "
                     f"{check.step}: {t['earliest']} {earliest} — {verdict}")
    lines += ["", f"{t['critical']}:"]
    for name in ("shortest", "expected", "longest"):
        sched = paths[name]  # type: ignore[index]
        lines.append(f"  {t[name]} {format_duration(sched.total)}: "
                     f"{' → '.join(sched.critical_path)}")
    return "\n".join(lines)


def _selector(selector: object, zh: bool) -> str:
    parts = []
    unit = getattr(selector, "unit", None)
    if unit is not None:
        parts.append(unit.zh if zh else unit.value)
    for field in ("village", "grid", "post"):
        value = getattr(selector, field, None)
        if value:
            parts.append(f"{field}={value}")
    tags = getattr(selector, "tags", ())
    if tags:
        parts.append("+".join(tags))
    return " ".join(parts)
