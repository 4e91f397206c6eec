"""Mutable state of one run: roles being filled and steps progressing."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import NamedTuple

import simpy

from console.plans.model import Role
from console.plans.vocabulary import Channel
from console.roster.resolve import Candidate

__all__ = ["Callee", "RoleState", "StepState"]


class Callee(NamedTuple):
    """Someone in a role's call-out queue, with what calling them needs worked out once."""

    found_for: str  # the role they were found for: the role itself, or one it backs up
    candidate: Candidate
    channels: tuple[Channel, ...]  # theirs that the role uses (all theirs when none is)
    channel_names: tuple[str, ...]
    availability: str


@dataclass(slots=True)
class RoleState:
    """A role's call-out: who is queued, called, acknowledged, on the way, there."""

    rid: str
    role: Role
    needed: int
    destination: str
    lane: str
    queue: deque[Callee]
    changed: simpy.Event
    called_at: float | None = None
    filled_at: float | None = None
    called: list[str] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    exhausted: bool = False
    good: int = 0  # acknowledged and not since failed (unreachable, withdrawn)

    def acknowledge(self, pid: str) -> None:
        self.acknowledged.append(pid)
        self.good += 1

    def fail(self, pid: str, *, acknowledged: bool) -> None:
        self.failed.append(pid)
        if acknowledged:
            self.good -= 1

    @property
    def unanswered(self) -> int:
        """Called and not answered yet: the pending, less those who answered and are on
        their way (whoever answered is on the way, arrived, or failed and not good)."""
        return len(self.pending) - (self.good - len(self.arrived))


@dataclass(slots=True)
class StepState:
    sid: str
    done: simpy.Event  # succeeds when the step finishes or is skipped
    status: str = "waiting"  # waiting | running | finished | skipped
    start: float | None = None
    finish: float | None = None
    outcome: str | None = None
    people: int = 0
    reason: str = ""
