"""Calling people out: notification, acknowledgement, escalation and travel.

A mixin of ``Run``: one SimPy process per role (deadlines and escalation waves) and
one per person called (channels → answer → prepare → travel → arrive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import simpy

from console.plans.vocabulary import Lane
from console.roster.model import Availability
from console.roster.resolve import Candidate

from .events import EventKind
from .state import RoleState

if TYPE_CHECKING:
    import random

    from console.roster.resolve import TravelTimes

    from .behaviour import Behaviour

__all__ = ["CallOut"]

_UP = {"grid": Lane.VILLAGE, "village": Lane.TOWN, "town": Lane.CITY, "city": Lane.CITY}


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
    _person_procs: dict[str, simpy.Process]

    if TYPE_CHECKING:  # provided by Run, which records and publishes the event
        def emit(self, kind: EventKind, subject: str = "", **data: Any) -> None: ...

    # -- roles -------------------------------------------------------------------------------

    def call_role(self, rid: str) -> None:
        state = self.roles[rid]
        if state.called_at is not None:
            return
        state.called_at = float(self.env.now)
        self.env.process(self._role(state))
        self._touch(state)

    def call_more(self, rid: str, count: int, *, reason: str) -> int:
        """Call ``count`` more people for a role from its queue; return how many were called."""
        state = self.roles[rid]
        called = 0
        while called < count and state.queue:
            found_for, candidate = state.queue.pop(0)
            pid = candidate.person.id
            if pid in self.engaged or pid in self.withdrawn:
                continue
            self.engaged.add(pid)
            state.called.append(pid)
            state.pending.add(pid)
            self._person_procs[pid] = self.env.process(
                self._person(state, candidate, found_for, reason))
            called += 1
        if not state.queue and not called:
            state.exhausted = True
            self._touch(state)
        return called

    def _role(self, state: RoleState) -> Any:
        role = state.role
        env = self.env
        callout = role.callout
        if callout.mode == "waves" and callout.wave_size:
            while len(state.called) < state.needed and state.queue and not self.ended:
                self.call_more(state.rid, min(callout.wave_size,
                                              state.needed - len(state.called)), reason="wave")
                if len(state.called) < state.needed:
                    yield env.timeout(callout.wave_every or self.behaviour.default_ack_within)
        else:
            self.call_more(state.rid, state.needed, reason="call")
        ack_within = role.ack_within or self.behaviour.default_ack_within
        escalate_after = role.escalate_after or self.behaviour.default_escalate_after
        started = float(env.now)
        wave = 1
        linked_up = False
        while not self.ended:
            yield env.timeout(ack_within)
            if self.ended:
                return
            short = state.needed - state.good
            if short <= 0:
                if not state.pending and state.good >= state.needed:
                    return
                if short <= 0:
                    continue
            waiting = len([p for p in state.pending if p not in state.acknowledged])
            called = self.call_more(state.rid, short, reason="escalation")
            if called:
                self.emit(EventKind.ESCALATED, state.rid, wave=wave, short=short, called=called)
                wave += 1
            if not linked_up and float(env.now) - started >= escalate_after:
                linked_up = True
                self.emit(EventKind.ESCALATED, state.rid, short=short,
                          to=_UP[state.lane].value, waiting=waiting)
            if not called and not state.pending:
                state.exhausted = True
                self._touch(state)
                if not linked_up:
                    self.emit(EventKind.ESCALATED, state.rid, short=short,
                              to=_UP[state.lane].value, waiting=0)
                return

    def _touch(self, state: RoleState) -> None:
        """Wake every step waiting on this role."""
        changed, state.changed = state.changed, self.env.event()
        changed.succeed()

    # -- people ----------------------------------------------------------------------------

    def withdraw(self, pid: str) -> None:
        """A person becomes unavailable: stop their call-out or travel, or take them off scene."""
        self.withdrawn.add(pid)
        proc = self._person_procs.get(pid)
        if proc is not None and proc.is_alive:
            proc.interrupt("unavailable")
            return
        for state in self.roles.values():
            if pid in state.arrived:
                state.arrived.remove(pid)
                state.failed.append(pid)
                self._touch(state)

    def _person(self, state: RoleState, candidate: Candidate, found_for: str,
                reason: str) -> Any:
        person = candidate.person
        pid = person.id
        wanted = state.role.channels
        channels = tuple(c for c in person.channels if c in wanted) or person.channels
        try:
            self.emit(EventKind.NOTIFIED, pid, role=state.rid, channels=[c.value for c in channels],
                      via=found_for, reason=reason, availability=candidate.availability.value)
            at_post = (candidate.availability is Availability.ON_DUTY
                       and candidate.location == state.destination)
            response = self.behaviour.respond(channels, candidate.availability, self.night,
                                              self.rng, at_post=at_post)
            yield self.env.timeout(response.after)
            if response.kind != "acknowledged":
                kind = EventKind.DECLINED if response.kind == "declined" else EventKind.NO_ANSWER
                self.emit(kind, pid, role=state.rid)
                self._fail(state, pid)
                return
            self.emit(EventKind.ACKNOWLEDGED, pid, role=state.rid,
                      channel=response.channel.value if response.channel else "platform")
            state.acknowledged.append(pid)
            self._touch(state)
            seconds = self.travel.seconds(candidate.location, state.destination)
            if seconds:  # already there: no need to get ready to leave
                prepare = self.behaviour.prepare(candidate.availability, self.night)
                yield self.env.timeout(prepare.draw(self.rng))
                seconds = self.travel.seconds(candidate.location, state.destination)
            if seconds is None:
                self.emit(EventKind.UNREACHABLE, pid, role=state.rid, origin=candidate.location,
                          destination=state.destination)
                self._fail(state, pid)
                return
            if seconds:
                self.emit(EventKind.DEPARTED, pid, role=state.rid, origin=candidate.location,
                          destination=state.destination, eta=seconds)
                yield self.env.timeout(seconds)
            state.pending.discard(pid)
            state.arrived.append(pid)
            if state.filled_at is None and len(state.arrived) >= state.needed:
                state.filled_at = float(self.env.now)
            self.emit(EventKind.ARRIVED, pid, role=state.rid, destination=state.destination)
            self._touch(state)
        except simpy.Interrupt:
            self.emit(EventKind.DECLINED, pid, role=state.rid, reason="unavailable")
            self._fail(state, pid)

    def _fail(self, state: RoleState, pid: str) -> None:
        state.pending.discard(pid)
        state.failed.append(pid)
        self._touch(state)
