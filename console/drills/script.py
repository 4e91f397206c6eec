"""The clock of a tabletop or live drill: no simulated people, only the scenario.

In a tabletop (桌面推演) or live (实战) drill real people answer, travel and act; the
operator logs what they do. The console still keeps the drill clock and delivers the
scenario's injects on cue. ``ScriptRun`` does that with the same interface as the engine's
``Run`` (``run_until``, ``apply``, ``now``, ``ended``), so a ``DrillSession`` records,
replays and resumes both alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from console.simulation.activation import Activation
from console.simulation.events import EventKind, TimelineEvent
from console.simulation.injects import Inject, InjectKind

__all__ = ["ScriptRun"]


class ScriptRun:
    """Activation, then each inject at its time; ends only on a stand-down inject."""

    def __init__(self, activation: Activation, injects: Sequence[Inject] = ()) -> None:
        self.activation = activation
        self.plan = activation.plan
        self.events: list[TimelineEvent] = []
        self.ended = False
        self.end_reason = ""
        self._now = 0.0
        self._started = False
        self._cues = sorted(injects, key=lambda i: i.at)
        self._live: list[Inject] = []

    @property
    def now(self) -> float:
        """The drill clock (virtual seconds)."""
        return self._now

    def run_until(self, t: float) -> list[TimelineEvent]:
        """Advance the clock to ``t``; return the events on the way."""
        first = len(self.events)
        if self.ended or t <= self._now:
            return self.events[first:]
        if not self._started:
            self._started = True
            incident = self.activation.incident
            self._emit(0.0, EventKind.ACTIVATED, self.plan.id, level=self.activation.level.value,
                       place=incident.place, time=incident.time.isoformat(timespec="minutes"),
                       seed=self.activation.seed, rain=self.activation.rain,
                       closed=sorted(self.activation.closed))
        for inject in self._live:
            self._deliver(self._now, inject)
        self._live.clear()
        while self._cues and self._cues[0].at < t and not self.ended:
            inject = self._cues.pop(0)
            self._deliver(max(inject.at, self._now), inject)
        self._now = t
        return self.events[first:]

    def apply(self, inject: Inject) -> None:
        """Deliver an inject now (on the next ``run_until``, at the current time)."""
        if not self.ended:
            self._live.append(inject)

    def _deliver(self, t: float, inject: Inject) -> None:
        self._emit(t, EventKind.INJECT_APPLIED, inject.kind.value, message=inject.message,
                   source=inject.source, **dict(inject.params))
        if inject.kind is InjectKind.SET_LEVEL:
            self._emit(t, EventKind.LEVEL_CHANGED, self.plan.id,
                       old=self.activation.level.value, new=str(inject.get("level")))
        elif inject.kind is InjectKind.STAND_DOWN:
            self._emit(t, EventKind.ENDED, self.plan.id, reason="stand_down")
            self.ended = True
            self.end_reason = "stand_down"

    def _emit(self, t: float, kind: EventKind, subject: str, **data: Any) -> None:
        if self.ended:
            return
        self.events.append(TimelineEvent(len(self.events), t, kind, subject,
                                         tuple(sorted(data.items()))))
