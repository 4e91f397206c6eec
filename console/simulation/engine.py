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
from console.roster.resolve import RoleResolution, active_roles, place_of, resolve_roles
from console.roster.roads import Conditions

from .activation import Activation, NoTravel, TravelProvider
from .behaviour import DEFAULT_BEHAVIOUR, Behaviour, is_night
from .callout import CallOut, PersonCall
from .events import EventKind, TimelineEvent
from .injects import Inject, InjectKind
from .snapshot import PersonState, RoleSnapshot, RunState, StepSnapshot
from .state import Callee, RoleState, StepState
from .waits import Gate, Soon, later

__all__ = ["Run"]

Listener = Callable[[TimelineEvent], None]
Queue = tuple[Callee, ...]
_T = TypeVar("_T")
_LANE = {lane: lane.value for lane in Lane}
_STARTED, _FINISHED = EventKind.STEP_STARTED, EventKind.STEP_FINISHED


class Run(CallOut):
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
        self.env = simpy.Environment()
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
        self._applying = self._steps_at(self.level)
        self._branch_parents, self._before = self._once(("graph",), self._graph)
        self._pending_injects = sorted(injects, key=lambda i: i.at)
        Soon(self.env, self._start)

    def _once(self, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
        """``make()``, made once for all the runs that share ``shared``."""
        if key not in self._shared:
            self._shared[key] = make()
        value: _T = self._shared[key]
        return value

    def _graph(self) -> tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]:
        """Each step's decision steps (by branch) and the steps it waits for."""
        parents: dict[str, list[str]] = {}
        for sid, step in self.plan.steps.items():
            for branch in step.branches.values():
                for nxt in branch.next:
                    parents.setdefault(nxt, []).append(sid)
        before = {sid: tuple(p for p in (*step.after.all, *parents.get(sid, ()))
                             if p in self.plan.steps)
                  for sid, step in self.plan.steps.items()}
        return parents, before

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
        event = TimelineEvent._make((len(events), float(self.env.now), kind, subject, data))
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
                             if s.status in ("waiting", "running") and s.sid in self._applying)
            self._end("stalled", waiting=waiting)

    # -- start and level -----------------------------------------------------------------------

    def _start(self, _: object) -> None:
        incident = self.activation.incident
        self.emit(EventKind.ACTIVATED, self.plan.id, level=self.level.value, place=incident.place,
                  time=incident.time.isoformat(timespec="minutes"), seed=self.activation.seed,
                  rain=self.conditions.rain, closed=sorted(self.conditions.closed))
        for inject in self._pending_injects:
            later(self.env, max(0.0, inject.at - self.env.now), partial(self._inject_now, inject))
        self._prepare_roles(self.level)
        for rid in self._called_at_activation(self.level):
            self.call_role(rid)
        for sid in self.plan.steps:
            self.env.process(self._step(sid))
        self.env.process(self._watch_end())

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
        self._applying = self._steps_at(level)
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

    # -- steps ------------------------------------------------------------------------------------

    def _applies(self, sid: str) -> bool:
        return sid in self._applying

    def _steps_at(self, level: Level) -> frozenset[str]:
        return self._once(("steps", level), lambda: frozenset(
            sid for sid, step in self.plan.steps.items() if step.applies_at(level)))

    def _skip(self, state: StepState, reason: str, **data: Any) -> None:
        state.status = "skipped"
        state.reason = reason
        self.emit(EventKind.STEP_SKIPPED, state.sid, reason=reason, **data)
        state.done.succeed()

    def _step(self, sid: str) -> Any:
        step = self.plan.steps[sid]
        state = self.steps[sid]
        env = self.env
        # 1. wait until the step applies and its predecessors are settled
        while True:
            if not self._applies(sid):
                yield self._level_changed
                if self.ended:
                    return
                continue
            level_change = self._level_changed
            waits = [self.steps[p].done for p in self._before[sid] if p in self._applying]
            if waits:
                yield Gate(env, waits, level_change)
            if self.ended:
                return
            if level_change.triggered:
                continue
            anys = [p for p in step.after.any if p in self.steps and self._applies(p)]
            while anys and not any(self.steps[p].status == "finished" for p in anys):
                open_ = [self.steps[p].done for p in anys if not self.steps[p].done.triggered]
                if not open_:
                    break
                yield Gate(env, open_, level_change, first=True)
                if self.ended or level_change.triggered:
                    break
            if self.ended:
                return
            if level_change.triggered:
                continue
            break
        for pred in step.after.all:
            if pred in self.steps and self._applies(pred) and self.steps[pred].status == "skipped":
                self._skip(state, "predecessor", step=pred)
                return
        if anys and not any(self.steps[p].status == "finished" for p in anys):
            self._skip(state, "predecessor", steps=sorted(anys))
            return
        parents = [p for p in self._branch_parents.get(sid, []) if self._applies(p)]
        if parents and not any(self._chose(p, sid) for p in parents):
            self._skip(state, "branch", decision=parents[0],
                       outcome=self.steps[parents[0]].outcome or "")
            return
        # 2. wait for the people: on the spot for a step done somewhere (``at``),
        # acknowledged for one done by phone or on the platform; a travel step waits
        # for them while it runs instead
        role = self.roles.get(step.role or "")
        required = self._required(sid)
        if role is not None and not step.travel:
            def ready(role: RoleState = role) -> int:
                return len(role.arrived) if step.at else role.good

            while ready() < required and not (role.exhausted and not role.pending):
                yield role.changed
                if self.ended:
                    return
            if ready() == 0:
                self._skip(state, "no_people", role=role.rid)
                return
        # 3. run
        state.status = "running"
        state.start = float(env.now)
        state.people = len(role.arrived) if role is not None else 0
        self.record(_STARTED, sid, (("lane", _LANE[step.lane]), ("people", state.people),
                                    ("required", required)))
        self._check_targets(sid, "start")
        if step.travel and role is not None:
            yield from self._travel_step(sid, role)
        else:
            d = step.duration
            yield env.timeout(d.min if d.fixed else self.rng.triangular(d.min, d.max, d.likely))
        if self.ended:
            return
        state.status = "finished"
        state.finish = float(env.now)
        if role is not None:
            state.people = len(role.arrived)
        self.record(_FINISHED, sid, (("lane", _LANE[step.lane]), ("people", state.people)))
        self._check_targets(sid, "finish")
        if step.branches:
            outcome = self.forced.get(sid) or self._draw(step.branches)
            state.outcome = outcome
            self.emit(EventKind.BRANCH_TAKEN, sid, outcome=outcome,
                      forced=sid in self.forced)
        for rid in step.mobilises:
            if rid in self.roles and self.roles[rid].called_at is None:
                self.call_role(rid)
        state.done.succeed()

    def _travel_step(self, sid: str, role: RoleState) -> Any:
        """The role's people gather, then move together to the step's place."""
        while len(role.arrived) < self._required(sid) and not (role.exhausted
                                                                and not role.pending):
            yield Gate(self.env, (role.changed,), self._level_changed, inner=False)
            if self.ended:
                return
        at = self.plan.steps[sid].at
        place = place_of(self.plan, at, self.activation.incident) if at else role.destination
        if place == role.destination or not role.arrived:
            return
        seconds = self.travel.seconds(role.destination, place)
        if seconds is None:
            self.emit(EventKind.UNREACHABLE, role.rid, origin=role.destination,
                      destination=place, step=sid)
            return
        self.emit(EventKind.DEPARTED, role.rid, origin=role.destination, destination=place,
                  eta=seconds, people=len(role.arrived), step=sid)
        yield self.env.timeout(seconds)
        role.destination = place
        self.emit(EventKind.ARRIVED, role.rid, destination=place, people=len(role.arrived),
                  step=sid)

    def _chose(self, decision: str, sid: str) -> bool:
        """Did the finished decision step take the outcome that leads to ``sid``?"""
        state = self.steps[decision]
        branches = self.plan.steps[decision].branches
        return (state.status == "finished" and state.outcome in branches
                and sid in branches[state.outcome].next)

    def _required(self, sid: str) -> int:
        """People the step needs present (or acknowledged) to start, at the current level."""
        def table() -> dict[str, int]:
            needs = {s: self.plan.headcount(s, level) for s in self.plan.steps}
            return {s: min(needs[s], step.min_present) if step.min_present else needs[s]
                    for s, step in self.plan.steps.items()}

        level = self.level
        return self._once(("required", level), table)[sid]

    def _draw(self, branches: dict[str, Any]) -> str:
        roll = self.rng.random()
        total = 0.0
        names = list(branches)
        for name in names:
            total += branches[name].p
            if roll < total:
                return name
        return names[-1]

    def _check_targets(self, sid: str, moment: str) -> None:
        for tid in self.plan.steps[sid].target:
            target = self.plan.targets.get(tid)
            if target is None or target.measure != moment:
                continue
            origin = 0.0
            if target.from_ is not None:
                origin = self.steps[target.from_].finish or 0.0
            actual = float(self.env.now) - origin
            kind = EventKind.TARGET_MET if actual <= target.within else EventKind.TARGET_MISSED
            self.emit(kind, tid, step=sid, within=target.within, actual=actual,
                      margin=target.within - actual)

    def _watch_end(self) -> Any:
        while True:
            level_change = self._level_changed
            waits = [s.done for sid, s in self.steps.items() if sid in self._applying]
            yield Gate(self.env, waits, level_change)
            if self.ended:
                return
            if not level_change.triggered:
                self._end("complete")
                return

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
