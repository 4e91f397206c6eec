"""Mutable state of one run: roles being filled and steps progressing."""

from __future__ import annotations

from dataclasses import dataclass, field

import simpy

from console.plans.model import Role
from console.roster.resolve import Candidate

__all__ = ["RoleState", "StepState"]


@dataclass
class RoleState:
    """A role's call-out: who is queued, called, acknowledged, on the way, there."""

    rid: str
    role: Role
    needed: int
    destination: str
    lane: str
    queue: list[tuple[str, Candidate]]  # (role the candidate was found for, candidate)
    changed: simpy.Event
    called_at: float | None = None
    filled_at: float | None = None
    called: list[str] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    exhausted: bool = False

    @property
    def good(self) -> int:
        """Acknowledged and not since failed (unreachable, withdrawn)."""
        return len([p for p in self.acknowledged if p not in self.failed])


@dataclass
class StepState:
    sid: str
    done: simpy.Event  # succeeds when the step finishes or is skipped
    status: str = "waiting"  # waiting | running | finished | skipped
    start: float | None = None
    finish: float | None = None
    outcome: str | None = None
    people: int = 0
    reason: str = ""
