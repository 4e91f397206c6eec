"""Readable text for a run's timeline and for Monte Carlo results (Chinese or English)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from console.plans.durations import format_duration
from console.plans.model import Plan

from .events import EventKind, TimelineEvent
from .montecarlo import BatchResult
from .summary import RunSummary

__all__ = ["render_batches", "render_timeline"]


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _dur(seconds: float | None) -> str:
    return "—" if seconds is None or math.isnan(seconds) else format_duration(seconds)


def _who(ref: str, plan: Plan, roster: Any, town: Any, lang: str) -> str:
    if ref in plan.steps:
        step = plan.steps[ref]
        return step.title if lang == "zh" or not step.title_en else step.title_en
    if ref in plan.roles:
        return plan.roles[ref].title
    if ref in plan.targets:
        target = plan.targets[ref]
        return (target.title if lang == "zh" else target.title_en or target.title) or ref
    person = roster.by_id.get(ref) if roster is not None else None
    if person is not None:
        return f"{person.name}({person.post})"
    return ref


def _detail(event: TimelineEvent, plan: Plan, town: Any, lang: str) -> str:
    zh = lang == "zh"
    kind = event.kind
    role = event.get("role")
    role_title = plan.roles[role].title if role in plan.roles else ""
    if kind is EventKind.NOTIFIED:
        return f"{role_title} ← {'/'.join(_channel(c, zh) for c in event.get('channels', []))}"
    if kind is EventKind.ACKNOWLEDGED:
        return f"{role_title} via {_channel(event.get('channel'), zh)}"
    if kind is EventKind.DEPARTED:
        return (f"→ {town.label(event.get('destination'), lang)}，预计{_dur(event.get('eta'))}"
                if zh else f"→ {town.label(event.get('destination'), lang)}, "
                f"eta {_dur(event.get('eta'))}")
    if kind is EventKind.ESCALATED:
        if event.get("to"):
            return (f"缺{event.get('short')}人，上报{event.get('to')}" if zh
                    else f"{event.get('short')} short, reported up to {event.get('to')}")
        return (f"第{event.get('wave')}轮，缺{event.get('short')}人，增派{event.get('called')}人"
                if zh else f"wave {event.get('wave')}: {event.get('short')} short, "
                f"{event.get('called')} more called")
    if kind in (EventKind.TARGET_MET, EventKind.TARGET_MISSED):
        return (f"用时{_dur(event.get('actual'))} / 目标{_dur(event.get('within'))}" if zh
                else f"{_dur(event.get('actual'))} of {_dur(event.get('within'))}")
    if kind is EventKind.BRANCH_TAKEN:
        step = plan.steps[event.subject]
        outcome = event.get("outcome")
        title = step.branches[outcome].title if outcome in step.branches else outcome
        return f"→ {title or outcome}" + ("（指定）" if event.get("forced") and zh else
                                          " (forced)" if event.get("forced") else "")
    if kind is EventKind.STEP_SKIPPED:
        reason = str(event.get("reason"))
        return _REASONS_ZH.get(reason, reason) if zh else reason
    if kind is EventKind.INJECT_APPLIED:
        return str(event.get("message") or "")
    if kind is EventKind.ENDED:
        reason = str(event.get("reason"))
        return _REASONS_ZH.get(reason, reason) if zh else reason
    return ""


_REASONS_ZH = {
    "branch": "未选此分支", "predecessor": "前序步骤未执行", "no_people": "无人可执行",
    "complete": "全部步骤完成", "stand_down": "解除响应（误报）",
    "stalled": "无法继续（缺人或道路中断）",
}


def _channel(value: str | None, zh: bool) -> str:
    from console.plans.vocabulary import Channel

    if value == "platform":
        return "指挥平台" if zh else "platform"
    try:
        return Channel(str(value)).zh if zh else str(value)
    except ValueError:
        return str(value)


def render_timeline(plan: Plan, events: Sequence[TimelineEvent], summary: RunSummary,
                    town: Any, roster: Any, lang: str = "zh") -> str:
    """The whole timeline of one run, then its targets, critical path and causes."""
    zh = lang == "zh"
    lines = [("【模拟演练 DRILL】" if zh else "[SIMULATED DRILL] ") + plan.title]
    if roster is not None and getattr(roster, "demo", False):
        lines.append("人员：演示数据 DEMO DATA" if zh else "Roster: DEMO DATA")
    for event in events:
        name = event.kind.zh if zh else event.kind.value
        who = _who(event.subject, plan, roster, town, lang)
        detail = _detail(event, plan, town, lang)
        lines.append(f"  {_clock(event.t)}  {name:<6} {who}  {detail}".rstrip())
    lines.append("")
    lines.append("时间目标：" if zh else "Targets:")
    for t in summary.targets:
        mark = "✓" if t.met else "✗"
        name = _who(t.target, plan, roster, town, lang)
        lines.append(f"  {mark} {name}: {_dur(t.actual)} / {_dur(t.within)}")
    lines.append(("实际关键路径：" if zh else "Actual critical path: ") +
                 " → ".join(summary.critical_path))
    lines.append("主要耗时环节：" if zh else "What took the time:")
    for cause in summary.causes[:5]:
        label = {"people": "等待人员" if zh else "waiting for people",
                 "work": "处置用时" if zh else "work",
                 "travel": "赶赴现场" if zh else "travel"}[cause.kind]
        who = f" {_who(cause.role, plan, roster, town, lang)}" if cause.role else ""
        person = f"（{_who(cause.person, plan, roster, town, lang)}）" if cause.person else ""
        lines.append(f"  {_dur(cause.seconds)}  {label}{who}{person} @ "
                     f"{_who(cause.step, plan, roster, town, lang)}")
    if summary.never_answered:
        names = "、".join(_who(p, plan, roster, town, lang) for p in summary.never_answered)
        lines.append(("未应答：" if zh else "Never answered: ") + names)
    return "\n".join(lines)


def render_batches(plan: Plan, results: Sequence[BatchResult], lang: str = "zh") -> str:
    """Per condition: each target's odds and spread; what held the loop back; a comparison."""
    zh = lang == "zh"
    base = results[0]
    lines = [("【模拟 DRILL】蒙特卡洛推演：" if zh else "[SIMULATED] Monte Carlo: ") + plan.title,
             (f"{base.runs} 次运行，根种子 {base.root_seed}" if zh
              else f"{base.runs} runs, root seed {base.root_seed}")]
    for result in results:
        lines += ["", f"== {result.spec.label or 'base'} =="]
        lines.append("  目标            达成概率  到达该步   p50      p90      p99" if zh else
                     "  target          P(met)   reached    p50      p90      p99")
        for target in result.targets:
            if not result.values(target):
                continue
            q = result.quantiles(target)
            title = plan.targets[target].title if zh else target
            reached = len(result.values(target)) / result.runs
            lines.append(f"  {(title or target)[:14]:<14} {result.p_met(target):>7.0%}  "
                         f"{reached:>7.0%}  {_dur(q['p50']):>7}  {_dur(q['p90']):>7}  "
                         f"{_dur(q['p99']):>7}")
        held = result.held_back()
        if held:
            lines.append("  最常拖慢闭环的环节：" if zh else
                         "  What most often held the loop back:")
            for cause, share in held:
                lines.append(f"    {share:>5.0%}  {_cause(plan, cause, lang)}")
    if len(results) > 1:
        lines += ["", "条件对比（闭环）：" if zh else "Comparison (close the loop):"]
        for result in results:
            q = result.quantiles("close_loop")
            lines.append(f"  {result.spec.label or 'base':<18} P={result.p_met('close_loop'):>4.0%}"
                         f"  p50 {_dur(q['p50']):>7}  p90 {_dur(q['p90']):>7}")
    return "\n".join(lines)


def _cause(plan: Plan, text: str, lang: str) -> str:
    kind, _, ref = text.partition(":")
    zh = lang == "zh"
    name = (plan.roles[ref].title if ref in plan.roles else
            plan.steps[ref].title if ref in plan.steps else ref)
    label = {"people": "等待人员" if zh else "waiting for", "work": "处置用时" if zh else "work",
             "travel": "赶赴现场" if zh else "travel"}.get(kind, kind)
    return f"{label} {name}"
