"""Scenario injects (情景注入): timed events a drill's controller sends into a run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Inject", "InjectKind"]


class InjectKind(StrEnum):
    CLOSE_ROAD = "close_road"          # segment: a road id — a landslide blocks it
    OPEN_ROAD = "open_road"            # segment: a road id — cleared again
    WEATHER = "weather"                # rain: none | moderate | heavy
    SET_LEVEL = "set_level"            # level: IV | III | II | I — raised or lowered
    PERSON_UNAVAILABLE = "person_unavailable"  # person: a roster id
    FORCE_BRANCH = "force_branch"      # step: a decision step, outcome: one of its outcomes
    STAND_DOWN = "stand_down"          # false alarm: the response ends
    NOTE = "note"                      # a message for the timeline only

    @property
    def zh(self) -> str:
        return {
            "close_road": "道路中断", "open_road": "道路恢复", "weather": "天气变化",
            "set_level": "调整响应级别", "person_unavailable": "人员无法到岗",
            "force_branch": "指定研判结果", "stand_down": "解除响应(误报)", "note": "情况通报",
        }[self.value]


#: The parameters each kind needs.
REQUIRED: dict[InjectKind, tuple[str, ...]] = {
    InjectKind.CLOSE_ROAD: ("segment",),
    InjectKind.OPEN_ROAD: ("segment",),
    InjectKind.WEATHER: ("rain",),
    InjectKind.SET_LEVEL: ("level",),
    InjectKind.PERSON_UNAVAILABLE: ("person",),
    InjectKind.FORCE_BRANCH: ("step", "outcome"),
    InjectKind.STAND_DOWN: (),
    InjectKind.NOTE: (),
}


@dataclass(frozen=True)
class Inject:
    """One inject: at virtual second ``at``, of a kind, with its parameters."""

    at: float
    kind: InjectKind
    params: tuple[tuple[str, Any], ...] = ()
    message: str = ""
    source: str = ""  # where it came from: a scenario file:line, or "operator"

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.params).get(key, default)
