"""What an after-action report (演练评估报告) says: plain data, built by the evaluation,
rendered to .docx, PDF and HTML by ``console.drills.report``.

The sections follow Chinese drill-evaluation practice (AQ/T 9009-2015, GB/T 46792-2025):
演练概况, 参演单位与人员, 演练过程与时间线, 各环节用时与目标对比, 演练效果评价, 整改措施.
Times are seconds from the alert unless a field says otherwise; texts are ready to print
(Chinese, or English when the report is English).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "ActionRow",
    "CurvePoint",
    "GanttRow",
    "GroupRate",
    "InjectRow",
    "ObservationRow",
    "ParticipantRow",
    "ReportData",
    "StageRow",
    "TargetRow",
    "TimelineRow",
    "TrendRow",
]


@dataclass(frozen=True)
class InjectRow:
    t: float
    kind: str  # display name, e.g. 道路中断
    message: str


@dataclass(frozen=True)
class ParticipantRow:
    name: str
    unit: str  # board / village display name
    post: str
    role: str  # the plan role's title
    notified: float | None
    acknowledged: float | None
    arrived: float | None
    outcome: str  # 到场 / 确认未到场 / 无法响应 / 未应答 / 无法到达 (or English)


@dataclass(frozen=True)
class TimelineRow:
    t: float
    wall: dt.datetime | None
    kind: str  # display name of the event kind
    subject: str  # display name: person, step, role or target
    detail: str
    human: bool = False  # an operator's or observer's entry, not the engine's


@dataclass(frozen=True)
class TargetRow:
    target: str  # display title, e.g. 5分钟到场
    step: str  # display title of the step that must meet it
    within: float
    actual: float | None  # None: the step was never reached
    met: bool
    planned: float | None = None  # the plan's expected time (PlanGraph schedule, drilled level)

    @property
    def margin(self) -> float | None:
        return None if self.actual is None else self.within - self.actual


@dataclass(frozen=True)
class StageRow:
    stage: str  # 上报 / 受理 / 转办 / 处置 / 反馈
    planned: float | None  # the plan's expected time to finish the stage (from the alert)
    actual: float | None
    met: bool | None  # against the stage's target where it has one


@dataclass(frozen=True)
class GroupRate:
    group: str  # a board or a village, display name
    called: int
    acknowledged: int
    arrived: int


@dataclass(frozen=True)
class GanttRow:
    step: str  # display title
    lane: str  # 区(市) / 镇 / 村(社区) / 网格
    planned_start: float | None
    planned_finish: float | None
    actual_start: float | None
    actual_finish: float | None
    status: str  # finished / skipped / running / waiting (display text)


@dataclass(frozen=True)
class CurvePoint:
    t: float
    acknowledged: int
    arrived: int


@dataclass(frozen=True)
class ObservationRow:
    t: float | None
    observer: str
    step: str  # display title, or "" for a general observation
    rating: int | None  # 1 (poor) … 5 (excellent)
    text: str


@dataclass(frozen=True)
class ActionRow:
    problem: str
    action: str
    owner: str
    due: dt.date | None
    status: str  # 未开始 / 进行中 / 已完成 (or English)
    step: str  # display title of the plan step it concerns, or ""


@dataclass(frozen=True)
class TrendRow:
    drill: str  # drill name or id
    date: dt.date
    values: dict[str, float | None]  # target title → actual seconds (None: not reached)


@dataclass(frozen=True)
class ReportData:
    """Everything the after-action report shows, in the report's language."""

    language: str  # "zh" or "en"
    drill_id: str
    drill_name: str
    drill_type: str  # e.g. 模拟演练（单项） / simulated (single)
    purpose: str
    objectives: tuple[str, ...]
    plan_title: str
    plan_id: str
    plan_version: str
    plan_sha256: str
    plan_changed: bool  # the plan file changed since the drill: the stored copy is used
    level: str  # e.g. Ⅳ级（一般）
    place: str
    started: dt.datetime | None  # wall-clock start
    incident_time: dt.datetime  # the scenario's moment (virtual clock 0)
    duration: float  # virtual seconds from the alert to the end
    weather: str
    scenario: str
    injects: tuple[InjectRow, ...]
    demo_roster: bool
    participants: tuple[ParticipantRow, ...]
    rates: tuple[GroupRate, ...]  # first row: overall
    never_answered: tuple[str, ...]
    timeline: tuple[TimelineRow, ...]
    targets: tuple[TargetRow, ...]
    stages: tuple[StageRow, ...]
    critical_path: tuple[str, ...]
    gantt: tuple[GanttRow, ...]
    curve: tuple[CurvePoint, ...]
    strengths: tuple[str, ...]
    problems: tuple[str, ...]
    actions: tuple[ActionRow, ...]
    observations: tuple[ObservationRow, ...] = ()
    trend: tuple[TrendRow, ...] = ()
    marker: str = "演练 DRILL"  # printed on every page: drill data is never a real response
    generated: dt.datetime = field(default_factory=dt.datetime.now)
