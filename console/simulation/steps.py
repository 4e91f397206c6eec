"""A plan's steps in a run: each waits until it applies and its predecessors are settled,
then for its people, runs, and finishes (or is skipped); decisions draw their branch.

A mixin of ``Run``. A step's waits are many (level changes, predecessors, people), so
each step is a generator, driven as a SimPy process is (``waits.start``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import simpy

from console.plans.levels import Level
from console.plans.model import Plan
from console.plans.vocabulary import Lane
from console.roster.resolve import place_of

from .activation import Activation
from .events import EventKind
from .state import RoleState, StepState
from .waits import Gate, Waits

if TYPE_CHECKING:
    from console.roster.resolve import TravelTimes

__all__ = ["AtLevel", "Steps"]

_T = TypeVar("_T")
_LANE = {lane: lane.value for lane in Lane}
_STARTED, _FINISHED = EventKind.STEP_STARTED, EventKind.STEP_FINISHED


class AtLevel(NamedTuple):
    """The plan's steps at one level, with what each waits for among those that apply."""

    applying: frozenset[str]
    order: tuple[str, ...]  # the applying steps in plan order
    required: dict[str, int]  # people each needs present (or acknowledged) to start
    before: dict[str, tuple[str, ...]]  # all-joins, then the decisions leading to it
    alls: dict[str, tuple[str, ...]]  # all-joins: one skipped skips the step
    anys: dict[str, tuple[str, ...]]  # any-joins: one finished is enough
    parents: dict[str, tuple[str, ...]]  # decisions: one must choose the step


class Steps:
    env: simpy.Environment
    plan: Plan
    activation: Activation
    rng: random.Random
    travel: TravelTimes
    ended: bool
    forced: dict[str, str]
    roles: dict[str, RoleState]
    steps: dict[str, StepState]
    _at: AtLevel  # at the current level
    _level_changed: simpy.Event

    if TYPE_CHECKING:  # provided by Run and its call-out
        def _once(self, key: tuple[Any, ...], make: Callable[[], _T]) -> _T: ...
        def emit(self, kind: EventKind, subject: str = "", **data: Any) -> None: ...
        def record(self, kind: EventKind, subject: str,
                   data: tuple[tuple[str, Any], ...]) -> None: ...
        def _end(self, reason: str, **data: Any) -> None: ...
        def call_role(self, rid: str) -> None: ...

    def _at_level(self, level: Level) -> AtLevel:
        """The steps' tables at a level, made once for all the runs that share them."""
        def tables() -> AtLevel:
            steps = self.plan.steps
            applying = frozenset(sid for sid, step in steps.items() if step.applies_at(level))
            parents: dict[str, list[str]] = {}
            for sid, step in steps.items():
                for branch in step.branches.values():
                    for nxt in branch.next:
                        parents.setdefault(nxt, []).append(sid)

            def there(sids: Iterable[str]) -> tuple[str, ...]:
                return tuple(p for p in sids if p in applying)

            needs = {sid: self.plan.headcount(sid, level) for sid in steps}
            return AtLevel(
                applying, there(steps),
                {sid: min(needs[sid], step.min_present) if step.min_present else needs[sid]
                 for sid, step in steps.items()},
                {sid: there((*step.after.all, *parents.get(sid, ())))
                 for sid, step in steps.items()},
                {sid: there(step.after.all) for sid, step in steps.items()},
                {sid: there(step.after.any) for sid, step in steps.items()},
                {sid: there(parents.get(sid, ())) for sid in steps})

        return self._once(("steps", level), tables)

    def _skip(self, state: StepState, reason: str, **data: Any) -> None:
        state.status = "skipped"
        state.reason = reason
        self.emit(EventKind.STEP_SKIPPED, state.sid, reason=reason, **data)
        state.done.succeed()

    def _step(self, sid: str) -> Waits:
        step = self.plan.steps[sid]
        state = self.steps[sid]
        env = self.env
        steps = self.steps
        # 1. wait until the step applies and its predecessors are settled
        while True:
            # (the tables hold as long as level_change has not happened)
            tables, level_change = self._at, self._level_changed
            if sid not in tables.applying:
                yield level_change
                if self.ended:
                    return
                continue
            waits = [steps[p].done for p in tables.before[sid]]
            if waits:
                yield Gate(env, waits, level_change)
            if self.ended:
                return
            if level_change.triggered:
                continue
            anys = tables.anys[sid]
            while anys and not any(steps[p].status == "finished" for p in anys):
                open_ = [steps[p].done for p in anys if not steps[p].done.triggered]
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
        for pred in tables.alls[sid]:
            if steps[pred].status == "skipped":
                self._skip(state, "predecessor", step=pred)
                return
        if anys and not any(steps[p].status == "finished" for p in anys):
            self._skip(state, "predecessor", steps=sorted(anys))
            return
        parents = tables.parents[sid]
        if parents and not any(self._chose(p, sid) for p in parents):
            self._skip(state, "branch", decision=parents[0],
                       outcome=steps[parents[0]].outcome or "")
            return
        # 2. wait for the people: on the spot for a step done somewhere (``at``),
        # acknowledged for one done by phone or on the platform; a travel step waits
        # for them while it runs instead
        role = self.roles.get(step.role or "")
        required = tables.required[sid]
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
        state.start = env.now
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
        state.finish = env.now
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

    def _travel_step(self, sid: str, role: RoleState) -> Waits:
        """The role's people gather, then move together to the step's place."""
        while len(role.arrived) < self._at.required[sid] and not (role.exhausted
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
            actual = self.env.now - origin
            kind = EventKind.TARGET_MET if actual <= target.within else EventKind.TARGET_MISSED
            self.emit(kind, tid, step=sid, within=target.within, actual=actual,
                      margin=target.within - actual)

    def _watch_end(self) -> Waits:
        while True:
            level_change = self._level_changed
            yield Gate(self.env, [self.steps[sid].done for sid in self._at.order], level_change)
            if self.ended:
                return
            if not level_change.triggered:
                self._end("complete")
                return
