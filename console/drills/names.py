"""Display names for a drill's timeline: entry kinds, subjects (plan titles, person
names) and a one-line detail, in Chinese or English."""

from __future__ import annotations

import math
from typing import Any

from console.plans.durations import format_duration
from console.plans.model import Plan
from console.plans.vocabulary import Channel, Lane, Stage
from console.roster.model import Roster
from console.roster.townmap import TownMap
from console.simulation.events import EventKind
from console.simulation.injects import InjectKind

from .entries import HumanKind
from .model import DrillStatus, Entry

__all__ = ["Namer", "clock", "duration", "spoken"]

_OTHER_ZH = {"status": "状态变更", "inject": "注入指令", "inject_request": "注入申请",
             "observation": "观察记录", "recovered": "断点恢复"}
_OTHER_EN = {"status": "status", "inject": "inject command", "inject_request": "inject request",
             "observation": "observation", "recovered": "recovered after a crash"}
_REASONS_ZH = {
    "branch": "未选此分支", "predecessor": "前序步骤未执行", "no_people": "无人可执行",
    "complete": "全部步骤完成", "stand_down": "解除响应（误报）",
    "stalled": "无法继续（缺人或道路中断）", "time_limit": "达到演练时限", "operator": "操作员",
    "start": "开始", "resume": "继续", "store available again": "数据库恢复",
}


def clock(seconds: float | None) -> str:
    """Virtual time as ``mm:ss`` or ``h:mm:ss``."""
    if seconds is None or math.isnan(seconds):
        return "—"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def duration(seconds: float | None, lang: str = "zh") -> str:
    """A duration as ``6m18s`` (``—`` when unknown)."""
    if seconds is None or math.isnan(seconds):
        return "—"
    return ("-" if seconds < 0 else "") + format_duration(abs(round(seconds)))


def spoken(seconds: float | None, lang: str = "zh") -> str:
    """A duration for a sentence: ``6分18秒`` / ``6 min 18 s``."""
    if seconds is None or math.isnan(seconds):
        return "—"
    total = abs(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    units = (("小时", "分", "秒") if lang == "zh" else (" h ", " min ", " s"))
    parts = [f"{v}{u}" for v, u in zip((hours, minutes, secs), units, strict=True) if v]
    text = "".join(parts).strip() if parts else ("0秒" if lang == "zh" else "0 s")
    return ("-" if seconds < 0 and total else "") + text


class Namer:
    """Names for one drill's plan, roster and map, in one language."""

    def __init__(self, plan: Plan, roster: Roster | None, town: TownMap | None,
                 lang: str = "zh") -> None:
        self.plan = plan
        self.roster = roster
        self.town = town
        self.zh = lang == "zh"

    # -- names ----------------------------------------------------------------------------

    def kind(self, kind: str) -> str:
        """The display name of an entry kind."""
        for vocabulary in (EventKind, HumanKind):
            member = next((m for m in vocabulary if m.value == kind), None)
            if member is not None:
                return member.zh if self.zh else member.value.replace("_", " ")
        return (_OTHER_ZH if self.zh else _OTHER_EN).get(kind, kind)

    def step(self, sid: str) -> str:
        """A step's title."""
        step = self.plan.steps.get(sid)
        if step is None:
            return sid
        return step.title if self.zh or not step.title_en else step.title_en

    def role(self, rid: str) -> str:
        """A role's title."""
        role = self.plan.roles.get(rid)
        if role is None:
            return rid
        return role.title if self.zh or not role.title_en else role.title_en

    def target(self, tid: str) -> str:
        """A target's title."""
        target = self.plan.targets.get(tid)
        if target is None:
            return tid
        title = target.title if self.zh else (target.title_en or target.title)
        return title or tid

    def person(self, pid: str) -> str:
        """``name（post）``."""
        person = self.roster.by_id.get(pid) if self.roster is not None else None
        return f"{person.name}（{person.post}）" if person is not None else pid

    def person_name(self, pid: str) -> str:
        """A person's name (the id when unknown)."""
        person = self.roster.by_id.get(pid) if self.roster is not None else None
        return person.name if person is not None else pid

    def unit(self, pid: str) -> str:
        """A person's board or village, for grouping."""
        person = self.roster.by_id.get(pid) if self.roster is not None else None
        if person is None:
            return "其他" if self.zh else "other"
        if person.village and self.roster is not None:
            village = self.roster.village_by_id.get(person.village)
            if village is not None:
                return village.name
        return person.unit.zh if self.zh else person.unit.value.replace("_", " ")

    def lane(self, lane: Lane) -> str:
        """A lane of the four-level linkage."""
        return lane.zh if self.zh else lane.value

    def level_of(self, value: Any) -> str:
        """A level of the four-level linkage (city, town, village, grid) by name."""
        try:
            return self.lane(Lane(str(value)))
        except ValueError:
            return str(value)

    def stage(self, stage: Stage) -> str:
        """A lifecycle stage (上报 … 反馈)."""
        return stage.zh if self.zh else stage.value

    def place(self, ref: str) -> str:
        """A map place's name."""
        if self.town is None:
            return ref
        try:
            return self.town.label(ref, "zh" if self.zh else "en")
        except Exception:  # an unknown place is shown as written
            return ref

    def subject(self, ref: str) -> str:
        """A person, step, role or target by display name; other text as it is."""
        if ref in self.plan.steps:
            return self.step(ref)
        if ref in self.plan.roles:
            return self.role(ref)
        if ref in self.plan.targets:
            return self.target(ref)
        if ref == self.plan.id:
            return self.plan.title if self.zh or not self.plan.title_en else self.plan.title_en
        if self.roster is not None and ref in self.roster.by_id:
            return self.person(ref)
        return ref

    def entry_subject(self, entry: Entry) -> str:
        """An entry's subject as shown (inject kinds and statuses by name)."""
        if entry.kind in (EventKind.INJECT_APPLIED.value, "inject", "inject_request"):
            try:
                kind = InjectKind(entry.subject)
                return kind.zh if self.zh else kind.value.replace("_", " ")
            except ValueError:
                return entry.subject
        if entry.kind == "status":
            try:
                status = DrillStatus(entry.subject)
                return status.zh if self.zh else status.value
            except ValueError:
                return entry.subject
        return self.subject(entry.subject)

    def channel(self, value: Any) -> str:
        """A notification channel's name."""
        if value == "platform":
            return "指挥平台" if self.zh else "platform"
        try:
            channel = Channel(str(value))
        except ValueError:
            return str(value)
        return channel.zh if self.zh else channel.value

    def reason(self, value: Any) -> str:
        """A status or end reason as shown."""
        text = str(value or "")
        return _REASONS_ZH.get(text, text) if self.zh else text

    # -- details -----------------------------------------------------------------------------

    def detail(self, entry: Entry, *, controller: bool = True) -> str:
        """One line saying what the entry adds to its kind and subject. ``controller``
        shows a scenario inject's controller-only note."""
        zh = self.zh
        kind = entry.kind
        get = entry.get
        role = self.role(get("role")) if get("role") in self.plan.roles else ""
        if kind == EventKind.NOTIFIED.value:
            channels = "/".join(self.channel(c) for c in get("channels", []) or [])
            return f"{role} ← {channels}".strip() if channels else role
        if kind == EventKind.ACKNOWLEDGED.value:
            via = self.channel(get("channel")) if get("channel") else ""
            if not via:
                return role or str(get("text") or "")
            return f"{role}（经{via}）" if zh else f"{role} via {via}".strip()
        if kind == EventKind.DEPARTED.value and get("destination"):
            where = self.place(str(get("destination")))
            return (f"→ {where}，预计{duration(get('eta'))}" if zh
                    else f"→ {where}, eta {duration(get('eta'))}")
        if kind == EventKind.ESCALATED.value:
            if get("to"):
                return (f"缺{get('short')}人，上报{self.level_of(get('to'))}" if zh
                        else f"{get('short')} short, reported up to {get('to')}")
            return (f"第{get('wave')}轮，缺{get('short')}人，增派{get('called')}人" if zh
                    else f"wave {get('wave')}: {get('short')} short, {get('called')} more called")
        if kind in (EventKind.TARGET_MET.value, EventKind.TARGET_MISSED.value):
            return (f"用时{duration(get('actual'))} / 目标{duration(get('within'))}" if zh
                    else f"{duration(get('actual'))} of {duration(get('within'))}")
        if kind == EventKind.BRANCH_TAKEN.value:
            step = self.plan.steps.get(entry.subject)
            outcome = str(get("outcome"))
            title = None
            if step is not None and outcome in step.branches:
                branch = step.branches[outcome]
                title = branch.title if zh else (branch.title_en or branch.title)
            forced = ("（指定）" if zh else " (forced)") if get("forced") else ""
            return f"→ {title or outcome}{forced}"
        if kind in (EventKind.STEP_SKIPPED.value, EventKind.ENDED.value):
            return self.reason(get("reason"))
        if kind == EventKind.LEVEL_CHANGED.value:
            return f"{get('old')} → {get('new')}"
        if kind in (EventKind.INJECT_APPLIED.value, "inject", "inject_request"):
            params = dict(entry.data)
            if kind != EventKind.INJECT_APPLIED.value:  # a command: its inject is nested
                params = dict((get("inject") or {}).get("params", []))
            parts = [str(get("message") or "")]
            labels = _PARAM_ZH if zh else {}
            for key in ("segment", "rain", "level", "person", "step", "outcome"):
                if params.get(key):
                    value = str(params[key])
                    if key == "outcome" and str(params.get("step")) in self.plan.steps:
                        outcomes = self.plan.steps[str(params["step"])].branches
                        title = outcomes[value].title if value in outcomes else None
                        if title and zh:
                            value = title
                    else:
                        value = self.subject(value)
                    parts.append(f"{labels.get(key, key)}{'：' if zh else '='}{value}")
            if controller and params.get("note"):
                parts.append(("【控制员备注】" if zh else "[controller] ") + str(params["note"]))
            return " ".join(p for p in parts if p)
        if kind == "status":
            return self.reason(get("reason"))
        if kind == "observation":
            rating = get("rating")
            stars = f"［{rating}/5］" if rating else ""
            who = f"{get('observer')}：" if get("observer") else ""
            return f"{who}{stars}{get('text') or ''}"
        if kind == "recovered":
            return (f"进程中断后恢复，重放至 {clock(get('clock'))}" if zh
                    else f"resumed after the process stopped, replayed to {clock(get('clock'))}")
        return str(get("text") or "")


_PARAM_ZH = {"segment": "路段", "rain": "降雨", "level": "级别", "person": "人员",
             "step": "步骤", "outcome": "研判结果"}
