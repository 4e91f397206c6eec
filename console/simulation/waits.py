"""Waiting on SimPy's clock without paying for what the engine does not use.

A generator process costs a start event, a generator resume per wait and an end
event; work that only ever waits for one timeout at a time is a chain of callbacks
instead: ``Soon`` starts it, ``later`` continues it. ``Gate`` replaces SimPy's
``all_of(events) | change`` and ``any_of(events) | change`` for the step processes.

Each keeps SimPy's timing exactly, event for event (same times, same priorities, same
order), so the event stream is the same as with processes and conditions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import simpy
from simpy.events import URGENT

__all__ = ["Callback", "Gate", "Soon", "later"]

Callback = Callable[[simpy.Event], None]


class Soon(simpy.Event):
    """Calls ``callback`` at the current time, before any normal event: exactly when a
    process started now would run its first line (this is SimPy's ``Initialize``
    without the process)."""

    def __init__(self, env: simpy.Environment, callback: Callback) -> None:
        self.env = env
        self.callbacks = [callback]
        self._ok = True
        self._value = None
        env.schedule(self, URGENT)


def later(env: simpy.Environment, delay: float, callback: Callback) -> None:
    """Calls ``callback`` ``delay`` seconds from now, as ``yield env.timeout(delay)`` would
    resume a process."""
    simpy.Timeout(env, delay).callbacks.append(callback)


class Gate(simpy.Event):
    """Succeeds once ``events`` have happened — all of them, or the first when ``first`` —
    or ``change`` has.

    Timed like SimPy's ``all_of(events) | change`` (``any_of`` when ``first``): it is
    processed one event after ``change``, and two after ``events``, the inner condition
    being an event of its own; with ``inner=False`` one after either, like
    ``event | change``. What it leaves out is the conditions' values, which nobody reads.
    """

    def __init__(self, env: simpy.Environment, events: Sequence[simpy.Event],
                 change: simpy.Event, *, first: bool = False, inner: bool = True) -> None:
        super().__init__(env)
        self._events = events
        self._change = change
        self._left = min(1, len(events)) if first else len(events)
        self._inner = inner
        if change.callbacks is None:
            self._open(change)
        else:
            change.callbacks.append(self._open)
        if not self._left:
            self._met()
        count = self._count
        for event in events:
            if event.callbacks is None:
                count(event)
            else:
                event.callbacks.append(count)

    def _count(self, _: simpy.Event) -> None:
        if self._left <= 0 or self.triggered:
            return
        self._left -= 1
        if not self._left:
            self._met()

    def _met(self) -> None:
        if not self._inner:
            self._open(None)
            return
        condition = simpy.Event(self.env)
        condition.callbacks.append(self._open)
        condition.succeed()

    def _open(self, _: object) -> None:
        if self.triggered:
            return
        self.succeed()
        count = self._count
        for event in self._events:  # stop listening, as a processed condition does
            if event.callbacks and count in event.callbacks:
                event.callbacks.remove(count)
        change = self._change.callbacks
        if change and self._open in change:
            change.remove(self._open)
