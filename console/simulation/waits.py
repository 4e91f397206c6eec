"""Waiting on SimPy's clock without paying for what the engine does not use.

A generator process costs a start event, a generator resume per wait and an end
event; work that only ever waits for one timeout at a time is a chain of callbacks
instead: ``Soon`` starts it, ``Later`` continues it. Work that waits on more than that
(the steps) stays a generator, driven as by a process but without the process event
that nobody waits for (``driven``). Work started together starts with one event
(``together``). ``Gate`` replaces SimPy's ``all_of(events) | change`` and
``any_of(events) | change`` for the steps.

Each keeps SimPy's timing exactly, event for event (same times, same priorities, same
order), so the event stream is the same as with processes and conditions.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence

import simpy
from simpy.events import NORMAL, PENDING, URGENT

__all__ = ["Callback", "Gate", "Later", "Soon", "Waits", "driven", "together"]

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


class Later(simpy.Event):
    """Calls ``callback`` ``delay`` seconds from now, as ``yield env.timeout(delay)`` would
    resume a process: SimPy's ``Timeout`` with the callback given (and no check that the
    delay is not negative: none is)."""

    def __init__(self, env: simpy.Environment, delay: float, callback: Callback) -> None:
        self.env = env
        self.callbacks = [callback]
        self._ok = True
        self._value = None
        env.schedule(self, NORMAL, delay)


Waits = Generator[simpy.Event, None, None]  # work that yields the events it waits for


def together(env: simpy.Environment, starts: Sequence[Callable[[], None]]) -> None:
    """Runs each of ``starts`` in turn, when processes started now would run their
    first lines.

    For work started one after another with nothing scheduled between: the start
    events would be consecutive urgent events, run in turn before anything else, so one
    ``Soon`` running them in turn keeps that order, for one event instead of one each.
    """
    def run(_: simpy.Event) -> None:
        for first_line in starts:
            first_line()

    Soon(env, run)


def driven(generator: Waits) -> Callable[[], None]:
    """What starts ``generator``, driven as ``env.process(generator)`` would drive it
    (see ``_Task``): for ``together``."""
    return _Task(generator).start


class _Task:
    """A generator driven as a process — resumed by each event it yields once that event
    is processed, at once when it already was — without what no one here uses: the
    process event (scheduled when it returns, waited on by nobody), the active process,
    the events' values (nothing reads them) and failed events (none fails)."""

    __slots__ = ("_generator", "resume")

    def __init__(self, generator: Waits) -> None:
        self._generator = generator
        self.resume = self._step  # one bound method, appended to every event waited on

    def start(self) -> None:
        self._step(None)

    def _step(self, _: simpy.Event | None) -> None:
        send = self._generator.send
        try:
            event = send(None)
            while event.callbacks is None:  # processed already: go on, as a process does
                event = send(None)
        except StopIteration:
            return
        event.callbacks.append(self.resume)


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
        self.env = env  # simpy.Event.__init__, inline
        self.callbacks = []
        self._value = PENDING
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
        self._left -= 1  # below zero once met or open: nothing more to do
        if not self._left:
            self._met()

    def _met(self) -> None:
        if self._inner:  # the inner condition: an event succeeded now
            Later(self.env, 0, self._open)
        else:
            self._open(None)

    def _open(self, _: object) -> None:
        if self._value is not PENDING:
            return
        self._left = -1
        self.succeed()
        count = self._count
        for event in self._events:  # stop listening, as a processed condition does
            if event.callbacks and count in event.callbacks:
                event.callbacks.remove(count)
        # ``change`` keeps this gate's ``_open``, which returns at once when it happens:
        # cheaper than finding it among those of every gate waiting on the same change.
