"""One run of a plan's mobilisation on a virtual clock (SimPy), as timeline events.

``Run(activation, travel)`` builds the run; ``run_until(t)`` advances it (pausing is
simply not advancing); ``apply(inject)`` sends an inject now; listeners receive every
event as it happens. Same activation, seed and injects ⇒ the same event stream.
"""

from __future__ import annotations

import contextlib
import gc
import math
import random
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, TypeVar

import simpy

from console.plans.levels import Level, parse_level
from console.plans.vocabulary import Lane
from console.roster.resolve import RoleResolution, active_roles, resolve_roles
from console.roster.roads import Conditions

from .activation import Activation, NoTravel, TravelProvider
from .behaviour import DEFAULT_BEHAVIOUR, Behaviour, is_night
from .callout import CallOut, PersonCall
from .events import EventKind, TimelineEvent
from .injects import Inject, InjectKind
from .snapshot import PersonState, RoleSnapshot, RunState, StepSnapshot
from .state import Callee, RoleState, StepState
from .steps import Steps
from .waits import Later, Soon, driven, together

__all__ = ["Run"]

Listener = Callable[[TimelineEvent], None]
Queue = tuple[Callee, ...]
_T = TypeVar("_T")
_new_event = tuple.__new__  # TimelineEvent._make without its own Python call


class Run(CallOut, Steps):
    """A simulated activation. Not thread-safe: drive it from one thread."""

    def __init__(
        self,
        activation: Activation,
        travel: TravelProvider | None = None,
        *,
        behaviour: Behaviour = DEFAULT_BEHAVIOUR,
        injects: Sequence[Inject] = (),
        shared: dict[Any, Any] | None = None,
    ) -> None:
        """``shared`` may be shared by runs of the same activation (a Monte Carlo batch):
        it keeps what does not depend on the seed — role resolutions and call-out queues
        (per level and road conditions) and the plan's tables — so each is made once."""
        self.activation = activation
        self.plan = activation.plan
        self.behaviour = behaviour
        self.env = simpy.Environment(0.0)  # a float clock from the start: no float(now)
        self.rng = random.Random(activation.seed)
        self.level: Level = activation.level
        self.conditions: Conditions = activation.conditions
        self._provider: TravelProvider = travel or NoTravel()
        self.travel = self._provider.under(self.conditions)
        self.night = is_night(activation.incident.time)
        self.forced: dict[str, str] = dict(activation.forced)
        self.events: list[TimelineEvent] = []
        self.ended = False
        self.end_reason = ""
        self._listeners: list[Listener] = []
        self._stop = self.env.event()  # succeeds when the run ends: run_to_end returns
        self._level_changed = self.env.event()
        self.roles: dict[str, RoleState] = {}
        self.engaged: set[str] = set()
        self.withdrawn: set[str] = set()
        self._calls: dict[str, PersonCall] = {}
        self.steps: dict[str, StepState] = {
            sid: StepState(sid, self.env.event()) for sid in self.plan.steps
        }
        self._shared = shared if shared is not None else {}
        self._at = self._at_level(self.level)
        self._pending_injects = sorted(injects, key=lambda i: i.at)
        Soon(self.env, self._start)

    def _once(self, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
        """``make()``, made once for all the runs that share ``shared``."""
        if key not in self._shared:
            self._shared[key] = make()
        value: _T = self._shared[key]
        return value

    # -- public API ----------------------------------------------------------------------

    @property
    def now(self) -> float:
        return float(self.env.now)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with every event from now on."""
        self._listeners.append(listener)

    def run_until(self, t: float) -> list[TimelineEvent]:
        """Advance to virtual second ``t``; return the events that happened meanwhile."""
        first = len(self.events)
        if not self.ended and t > self.env.now:
            self.env.run(until=t)
            self._check_stall()
        return self.events[first:]

    def run_to_end(self, limit: float = 7 * 86400) -> list[TimelineEvent]:
        """Advance until the run ends (or ``limit`` seconds, a safety net)."""
        first = len(self.events)
        if not self.ended:
            deadline = self.env.timeout(max(0.0, limit - self.env.now))
            # A run allocates thousands of small objects that are freed by reference
            # counting; the cyclic collector would run several times a run and take a
            # quarter of its time, so it waits until the run is over (as loader.py does).
            collecting = gc.isenabled()
            gc.disable()
            try:
                # RuntimeError: nothing is left to happen before the run ended (it stalled).
                with contextlib.suppress(RuntimeError):
                    self.env.run(until=self._stop | deadline)
            finally:
                if collecting:
                    gc.enable()
        self._check_stall(force=True)
        return self.events[first:]

    def state(self) -> RunState:
        """Who is where, which steps run, which targets are decided — right now."""
        people: list[PersonState] = []
        roles: list[RoleSnapshot] = []
        for rid, role in self.roles.items():
            for pid in role.called:
                if pid in role.failed:
                    where = "failed"
                elif pid in role.arrived:
                    where = "arrived"
                elif pid in role.acknowledged:
                    where = "travelling"
                else:
                    where = "called"
                people.append(PersonState(pid, rid, where))
            roles.append(RoleSnapshot(rid, role.needed, len(role.called), role.good,
                                      len(role.arrived), role.destination,
                                      max(0, role.needed - role.good)))
        steps = tuple(StepSnapshot(s.sid, s.status, s.start, s.finish, s.outcome)
                      for s in self.steps.values())
        decided = tuple((e.subject, e.kind is EventKind.TARGET_MET) for e in self.events
                        if e.kind in (EventKind.TARGET_MET, EventKind.TARGET_MISSED))
        return RunState(self.now, self.level.value, self.ended, self.end_reason,
                        self.conditions.rain, tuple(sorted(self.conditions.closed)),
                        tuple(people), tuple(roles), steps, decided)

    def apply(self, inject: Inject) -> None:
        """Apply an inject at the current virtual time (a live inject)."""
        if not self.ended:
            Soon(self.env, partial(self._inject_now, inject))

    # -- events -------------------------------------------------------------------------------

    def emit(self, kind: EventKind, subject: str = "", **data: Any) -> None:
        self.record(kind, subject, tuple(sorted(data.items())))

    def record(self, kind: EventKind, subject: str, data: tuple[tuple[str, Any], ...]) -> None:
        """``emit`` for the busiest kinds: ``data`` already in key order."""
        if self.ended:
            return
        events = self.events
        event = _new_event(TimelineEvent, (len(events), self.env.now, kind, subject, data))
        events.append(event)
        for listener in self._listeners:
            listener(event)

    def _end(self, reason: str, **data: Any) -> None:
        if self.ended:
            return
        self.emit(EventKind.ENDED, self.plan.id, reason=reason, **data)
        self.ended = True
        self.end_reason = reason
        self._stop.succeed()

    def _check_stall(self, force: bool = False) -> None:
        if not self.ended and (self.env.peek() == math.inf or force):
            waiting = sorted(s.sid for s in self.steps.values()
                             if s.status in ("waiting", "running") and s.sid in self._at.applying)
            self._end("stalled", waiting=waiting)

    # -- start and level -----------------------------------------------------------------------

    def _start(self, _: object) -> None:
        incident = self.activation.incident
        self.emit(EventKind.ACTIVATED, self.plan.id, level=self.level.value, place=incident.place,
                  time=incident.time.isoformat(timespec="minutes"), seed=self.activation.seed,
                  rain=self.conditions.rain, closed=sorted(self.conditions.closed))
        for inject in self._pending_injects:
            Later(self.env, max(0.0, inject.at - self.env.now), partial(self._inject_now, inject))
        self._prepare_roles(self.level)
        # The first call-outs and the steps start together (no step waits on a role yet).
        together(self.env, [*self.first_calls(self._called_at_activation(self.level)),
                            *(driven(self._step(sid)) for sid in self.plan.steps),
                            driven(self._watch_end())])

    def _called_at_activation(self, level: Level) -> list[str]:
        def called() -> list[str]:
            mobilised = {r for s in self.plan.steps_at(level).values() for r in s.mobilises}
            return [rid for rid in active_roles(self.plan, level) if rid not in mobilised]

        return self._once(("called", level), called)

    def _prepare_roles(self, level: Level) -> None:
        """Create role states (with ranked candidates) for roles newly needed at a level."""
        roles = self._once(("roles", level, self.conditions), lambda: self._callouts(level))
        for rid, result, queue, lane in roles:
            state = self.roles.get(rid)
            if state is not None:
                state.needed = result.needed
                continue
            self.roles[rid] = RoleState(rid, result.role, result.needed, result.destination,
                                        lane, deque(queue), self.env.event())

    def _callouts(self, level: Level) -> list[tuple[str, RoleResolution, Queue, str]]:
        """Per role at the level, under today's roads: who fills it, its call-out queue
        (chosen, reserve, taken elsewhere, then its backups' people) and its lane."""
        resolution = resolve_roles(self.plan, level, self.activation.incident,
                                   self.activation.roster, self.travel)
        out = []
        for rid, result in resolution.roles.items():
            found = [(rid, c) for c in (*result.chosen, *result.reserve)]
            found += [(rid, c) for c, _ in result.taken_elsewhere]
            found += [(backup, c) for backup, people in result.backups for c in people]
            wanted = result.role.channels
            queue = []
            for found_for, candidate in found:
                person = candidate.person
                channels = tuple(c for c in person.channels if c in wanted) or person.channels
                queue.append(Callee(found_for, candidate, channels,
                                    tuple(c.value for c in channels),
                                    candidate.availability.value))
            step = next((s for s in self.plan.steps.values() if s.role == rid), None)
            lane = step.lane if step is not None else Lane.TOWN
            out.append((rid, result, tuple(queue), lane.value))
        return out

    def set_level(self, level: Level) -> None:
        old = self.level
        if level == old:
            return
        self.level = level
        self._at = self._at_level(level)
        self.emit(EventKind.LEVEL_CHANGED, self.plan.id, old=old.value, new=level.value)
        before = {rid: s.needed for rid, s in self.roles.items()}
        self._prepare_roles(level)
        for rid, state in self.roles.items():
            extra = state.needed - before.get(rid, 0)
            if state.called_at is not None and extra > 0:
                self.call_more(rid, extra, reason="level")
        for rid in self._called_at_activation(level):
            self.call_role(rid)
        changed, self._level_changed = self._level_changed, self.env.event()
        changed.succeed()

    # -- injects ---------------------------------------------------------------------------

    def _inject_now(self, inject: Inject, _: object = None) -> None:
        if self.ended:
            return
        self.emit(EventKind.INJECT_APPLIED, inject.kind.value, message=inject.message,
                  source=inject.source, **dict(inject.params))
        kind = inject.kind
        if kind is InjectKind.CLOSE_ROAD:
            self._set_conditions(closed=self.conditions.closed | {inject.get("segment")})
        elif kind is InjectKind.OPEN_ROAD:
            self._set_conditions(closed=self.conditions.closed - {inject.get("segment")})
        elif kind is InjectKind.WEATHER:
            self._set_conditions(rain=inject.get("rain"))
        elif kind is InjectKind.SET_LEVEL:
            self.set_level(parse_level(inject.get("level")))
        elif kind is InjectKind.PERSON_UNAVAILABLE:
            self.withdraw(str(inject.get("person")))
        elif kind is InjectKind.FORCE_BRANCH:
            self.forced[str(inject.get("step"))] = str(inject.get("outcome"))
        elif kind is InjectKind.STAND_DOWN:
            self._end("stand_down")

    def _set_conditions(self, *, rain: Any = None, closed: Iterable[str] | None = None) -> None:
        self.conditions = Conditions(rain or self.conditions.rain,
                                     frozenset(closed if closed is not None
                                               else self.conditions.closed))
        self.travel = self._provider.under(self.conditions)
