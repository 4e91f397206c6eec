"""Timeline events: everything that happens in a run, typed and ordered."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

__all__ = ["EventKind", "TimelineEvent"]


class EventKind(StrEnum):
    ACTIVATED = "activated"
    NOTIFIED = "notified"
    ACKNOWLEDGED = "acknowledged"
    DECLINED = "declined"
    NO_ANSWER = "no_answer"
    ESCALATED = "escalated"
    DEPARTED = "departed"
    ARRIVED = "arrived"
    UNREACHABLE = "unreachable"
    STEP_STARTED = "step_started"
    STEP_FINISHED = "step_finished"
    STEP_SKIPPED = "step_skipped"
    BRANCH_TAKEN = "branch_taken"
    TARGET_MET = "target_met"
    TARGET_MISSED = "target_missed"
    INJECT_APPLIED = "inject_applied"
    LEVEL_CHANGED = "level_changed"
    ENDED = "ended"

    @property
    def zh(self) -> str:
        return _ZH[self]


_ZH = {
    EventKind.ACTIVATED: "启动响应", EventKind.NOTIFIED: "发出通知",
    EventKind.ACKNOWLEDGED: "确认响应",
    EventKind.DECLINED: "无法响应", EventKind.NO_ANSWER: "未接通", EventKind.ESCALATED: "升级呼叫",
    EventKind.DEPARTED: "出发", EventKind.ARRIVED: "到达", EventKind.UNREACHABLE: "无法到达",
    EventKind.STEP_STARTED: "步骤开始", EventKind.STEP_FINISHED: "步骤完成",
    EventKind.STEP_SKIPPED: "步骤跳过", EventKind.BRANCH_TAKEN: "研判结果",
    EventKind.TARGET_MET: "达成目标", EventKind.TARGET_MISSED: "未达目标",
    EventKind.INJECT_APPLIED: "情景注入", EventKind.LEVEL_CHANGED: "响应级别调整",
    EventKind.ENDED: "响应结束",
}


class TimelineEvent(NamedTuple):
    """One happening: ``seq`` orders events, ``t`` is virtual seconds from the alert.

    ``subject`` names a person, step, role or target; ``data`` holds plain JSON-able
    values (sorted keys) so that two runs can be compared bit for bit. A named tuple:
    a run records hundreds of these, and a tuple is the cheapest immutable record.
    """

    seq: int
    t: float
    kind: EventKind
    subject: str = ""
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for name, value in self.data:
            if name == key:
                return value
        return default

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "t": self.t, "kind": self.kind.value, "subject": self.subject,
                "data": dict(self.data)}
