"""Calling people out: notification, acknowledgement, escalation and travel.

A mixin of ``Run``. A role's call-out (deadlines and escalation waves) and each
person's call (channels → answer → prepare → travel → arrive) wait for one timeout at
a time, so they are chains of callbacks (``waits.py``) rather than SimPy processes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import simpy

from console.plans.vocabulary import Channel, Lane
from console.roster.model import Availability

from .events import EventKind
from .state import Callee, RoleState
from .waits import Later, Soon, together

if TYPE_CHECKING:
    import random

    from console.roster.resolve import TravelTimes

    from .behaviour import Behaviour, Response

__all__ = ["CallOut"]

_UP = {"grid": Lane.VILLAGE, "village": Lane.TOWN, "town": Lane.CITY, "city": Lane.CITY}
_CHANNEL = {c: c.value for c in Channel}
_ON_DUTY = Availability.ON_DUTY
_NOTIFIED, _ACKNOWLEDGED, _DECLINED, _NO_ANSWER = (
    EventKind.NOTIFIED, EventKind.ACKNOWLEDGED, EventKind.DECLINED, EventKind.NO_ANSWER)
_DEPARTED, _ARRIVED, _UNREACHABLE, _ESCALATED = (
    EventKind.DEPARTED, EventKind.ARRIVED, EventKind.UNREACHABLE, EventKind.ESCALATED)


class CallOut:
    env: simpy.Environment
    roles: dict[str, RoleState]
    behaviour: Behaviour
    rng: random.Random
    travel: TravelTimes
    night: bool
    ended: bool
    engaged: set[str]
    withdrawn: set[str]
    _calls: dict[str, PersonCall]

    if TYPE_CHECKING:  # provided by Run, which records and publishes the event
        def emit(self, kind: EventKind, subject: str = "", **data: Any) -> None: ...
        def record(self, kind: EventKind, subject: str,
                   data: tuple[tuple[str, Any], ...]) -> None: ...

    # -- roles -------------------------------------------------------------------------------

    def call_role(self, rid: str) -> None:
        state = self.roles[rid]
        if state.called_at is not None:
            return
        state.called_at = self.env.now
        Soon(self.env, _RoleCall(self, state).start)
        self._touch(state)

    def first_calls(self, rids: list[str]) -> list[Callable[[], None]]:
        """Call roles at the start, before any step waits on a role (so that calling
        wakes nobody and schedules nothing but their starts): the starts, for
        ``together``."""
        starts: list[Callable[[], None]] = []
        for rid in rids:
            state = self.roles[rid]
            if state.called_at is None:
                state.called_at = self.env.now
                starts.append(_RoleCall(self, state).start)
        return starts

    def call_more(self, rid: str, count: int, *, reason: str) -> int:
        """Call ``count`` more people for a role from its queue; return how many were called."""
        state = self.roles[rid]
        queue = state.queue
        calls: list[PersonCall] = []
        while len(calls) < count and queue:
            callee = queue.popleft()
            pid = callee.candidate.person.id
            if pid in self.engaged or pid in self.withdrawn:
                continue
            self.engaged.add(pid)
            state.called.append(pid)
            state.pending.add(pid)
            call = self._calls[pid] = PersonCall(self, state, callee, reason)
            calls.append(call)
        if calls:  # made one after another with nothing scheduled between: start together
            together(self.env, [call.notify for call in calls])
        elif not queue:
            state.exhausted = True
            self._touch(state)
        return len(calls)

    def _touch(self, state: RoleState) -> None:
        """Wake every step waiting on this role (when none waits, there is nothing to do)."""
        changed = state.changed
        if changed.callbacks:
            state.changed = simpy.Event(self.env)
            changed.succeed()

    # -- people ----------------------------------------------------------------------------

    def withdraw(self, pid: str) -> None:
        """A person becomes unavailable: stop their call-out or travel, or take them off scene."""
        self.withdrawn.add(pid)
        call = self._calls.get(pid)
        if call is not None and call.alive:
            Soon(self.env, call.interrupted)  # now, before normal events: as SimPy interrupts
            return
        for state in self.roles.values():
            if pid in state.arrived:
                state.arrived.remove(pid)
                state.fail(pid, acknowledged=True)
                self._touch(state)

    def _fail(self, state: RoleState, pid: str, *, acknowledged: bool) -> None:
        state.pending.discard(pid)
        state.fail(pid, acknowledged=acknowledged)
        self._touch(state)


class _RoleCall:
    """A role's call-out: the first call (at once or in waves), then every ``ack_within``
    the shortfall is called from the queue, and after ``escalate_after`` it is reported
    one level up."""

    __slots__ = ("ack_within", "escalate_after", "linked_up", "run", "started", "state", "wave")

    def __init__(self, run: CallOut, state: RoleState) -> None:
        self.run = run
        self.state = state

    def start(self, _: object = None) -> None:
        callout = self.state.role.callout
        if callout.mode == "waves" and callout.wave_size:
            self._waves(None)
        else:
            self.run.call_more(self.state.rid, self.state.needed, reason="call")
            self._watch()

    def _waves(self, _: object) -> None:
        run, state = self.run, self.state
        callout = state.role.callout
        while len(state.called) < state.needed and state.queue and not run.ended:
            run.call_more(state.rid, min(callout.wave_size or 0,
                                         state.needed - len(state.called)), reason="wave")
            if len(state.called) < state.needed:
                Later(run.env, callout.wave_every or run.behaviour.default_ack_within,
                      self._waves)
                return
        self._watch()

    def _watch(self) -> None:
        run, role = self.run, self.state.role
        self.ack_within = role.ack_within or run.behaviour.default_ack_within
        self.escalate_after = role.escalate_after or run.behaviour.default_escalate_after
        self.started = run.env.now
        self.wave = 1
        self.linked_up = False
        self._next()

    def _next(self) -> None:
        if not self.run.ended:
            Later(self.run.env, self.ack_within, self._deadline)

    def _deadline(self, _: object) -> None:
        run, state = self.run, self.state
        if run.ended:
            return
        short = state.needed - state.good
        if short <= 0:
            if not state.pending:
                return
            self._next()
            return
        waiting = state.unanswered
        called = run.call_more(state.rid, short, reason="escalation")
        if called:
            run.emit(_ESCALATED, state.rid, wave=self.wave, short=short, called=called)
            self.wave += 1
        if not self.linked_up and run.env.now - self.started >= self.escalate_after:
            self.linked_up = True
            run.emit(_ESCALATED, state.rid, short=short, to=_UP[state.lane].value,
                     waiting=waiting)
        if not called and not state.pending:
            state.exhausted = True
            run._touch(state)
            if not self.linked_up:
                run.emit(_ESCALATED, state.rid, short=short, to=_UP[state.lane].value,
                         waiting=0)
            return
        self._next()


class PersonCall:
    """One person called for a role: channels → answer → get ready → travel → arrive.
    ``alive`` until the call ends; a withdrawn person's pending step does nothing."""

    __slots__ = ("acknowledged", "alive", "callee", "candidate", "pid", "reason", "response",
                 "run", "state")

    def __init__(self, run: CallOut, state: RoleState, callee: Callee, reason: str) -> None:
        self.run = run
        self.state = state
        self.callee = callee
        self.candidate = callee.candidate
        self.pid = callee.candidate.person.id
        self.reason = reason
        self.alive = True
        self.acknowledged = False

    def notify(self) -> None:
        run, state, candidate, callee = self.run, self.state, self.candidate, self.callee
        run.record(_NOTIFIED, self.pid, (
            ("availability", callee.availability), ("channels", list(callee.channel_names)),
            ("reason", self.reason), ("role", state.rid), ("via", callee.found_for)))
        at_post = (candidate.availability is _ON_DUTY
                   and candidate.location == state.destination)
        response: Response = run.behaviour.respond(callee.channels, candidate.availability,
                                                   run.night, run.rng, at_post=at_post)
        self.response = response
        Later(run.env, response.after, self._answered)

    def _answered(self, _: object) -> None:
        if not self.alive:
            return
        run, state, candidate = self.run, self.state, self.candidate
        response = self.response
        if response.kind != "acknowledged":
            self._failed(_DECLINED if response.kind == "declined" else _NO_ANSWER)
            return
        run.record(_ACKNOWLEDGED, self.pid, (
            ("channel", _CHANNEL[response.channel] if response.channel else "platform"),
            ("role", state.rid)))
        state.acknowledge(self.pid)
        self.acknowledged = True
        run._touch(state)
        seconds = run.travel.seconds(candidate.location, state.destination)
        if seconds:  # not there yet: get ready, then look the road up again on leaving
            prepare = run.behaviour.prepare(candidate.availability, run.night)
            Later(run.env, prepare.draw(run.rng), self._ready)
        else:
            self._go(seconds)

    def _ready(self, _: object) -> None:
        if self.alive:
            self._go(self.run.travel.seconds(self.candidate.location, self.state.destination))

    def _go(self, seconds: float | None) -> None:
        run, state, candidate = self.run, self.state, self.candidate
        if seconds is None:
            run.emit(_UNREACHABLE, self.pid, role=state.rid, origin=candidate.location,
                     destination=state.destination)
            self._end()
        elif seconds:
            run.record(_DEPARTED, self.pid, (
                ("destination", state.destination), ("eta", seconds),
                ("origin", candidate.location), ("role", state.rid)))
            Later(run.env, seconds, self._arrived)
        else:
            self._arrived(None)

    def _arrived(self, _: object) -> None:
        if not self.alive:
            return
        self.alive = False
        run, state = self.run, self.state
        state.pending.discard(self.pid)
        state.arrived.append(self.pid)
        if state.filled_at is None and len(state.arrived) >= state.needed:
            state.filled_at = run.env.now
        run.record(_ARRIVED, self.pid, (("destination", state.destination), ("role", state.rid)))
        run._touch(state)

    def interrupted(self, _: object) -> None:
        """The person became unavailable while being called or on the way."""
        if self.alive:
            self._failed(_DECLINED, reason="unavailable")

    def _failed(self, kind: EventKind, **data: Any) -> None:
        self.run.emit(kind, self.pid, role=self.state.rid, **data)
        self._end()

    def _end(self) -> None:
        """The call failed: the person counts as short."""
        self.alive = False
        self.run._fail(self.state, self.pid, acknowledged=self.acknowledged)
