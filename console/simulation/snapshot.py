"""A read-only picture of a run at its current virtual time, for views and drills."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PersonState", "RoleSnapshot", "RunState", "StepSnapshot"]


@dataclass(frozen=True)
class PersonState:
    person: str
    role: str
    state: str  # called | acknowledged | travelling | arrived | failed


@dataclass(frozen=True)
class RoleSnapshot:
    role: str
    needed: int
    called: int
    acknowledged: int
    arrived: int
    destination: str
    short: int


@dataclass(frozen=True)
class StepSnapshot:
    step: str
    status: str  # waiting | running | finished | skipped
    start: float | None
    finish: float | None
    outcome: str | None


@dataclass(frozen=True)
class RunState:
    t: float
    level: str
    ended: bool
    end_reason: str
    rain: str
    closed: tuple[str, ...]
    people: tuple[PersonState, ...]
    roles: tuple[RoleSnapshot, ...]
    steps: tuple[StepSnapshot, ...]
    targets: tuple[tuple[str, bool], ...]  # (target, met) for targets already decided

    @property
    def running(self) -> tuple[str, ...]:
        return tuple(s.step for s in self.steps if s.status == "running")
