"""The engine's cheap waits keep SimPy's timing exactly: same order of everything."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest
import simpy

from console.simulation.waits import Gate, Later, Soon, driven, together

Log = list[tuple[float, str]]
Wait = Callable[[simpy.Environment, list[simpy.Event], simpy.Event], simpy.Event]


def _world(seed: int, wait: Wait) -> Log:
    """Waiters on random groups of events and a change event, among other processes
    that resume at the same moments: the log is the order in which everything ran."""
    rng = random.Random(seed)
    env = simpy.Environment()
    log: Log = []
    events = [env.event() for _ in range(6)]
    change = env.event()

    def fire(i: int, at: int) -> Iterator[simpy.Event]:
        yield env.timeout(at)
        log.append((env.now, f"fire {i}"))
        events[i].succeed()

    def waiter(name: str, group: list[simpy.Event], start: int) -> Iterator[simpy.Event]:
        yield env.timeout(start)
        yield wait(env, group, change)
        log.append((env.now, f"{name} woke, change={change.triggered}"))

    def bystander(name: str, at: int) -> Iterator[simpy.Event]:
        yield env.timeout(at)
        log.append((env.now, name))
        yield env.timeout(0)
        log.append((env.now, f"{name} again"))

    def changer(at: int) -> Iterator[simpy.Event]:
        yield env.timeout(at)
        change.succeed()

    for i in range(len(events)):
        env.process(fire(i, rng.randint(0, 4)))
    for n in range(5):
        group = rng.sample(events, rng.randint(1, 4))
        env.process(waiter(f"w{n}", group, rng.randint(0, 3)))
        env.process(bystander(f"b{n}", rng.randint(0, 4)))
    env.process(changer(rng.randint(1, 6)))
    env.run()
    return log


@pytest.mark.parametrize("seed", range(40))
def test_gate_all_is_timed_as_all_of_or_change(seed: int) -> None:
    simpy_log = _world(seed, lambda env, group, change: env.all_of(group) | change)
    assert _world(seed, lambda env, group, change: Gate(env, group, change)) == simpy_log


@pytest.mark.parametrize("seed", range(40))
def test_gate_first_is_timed_as_any_of_or_change(seed: int) -> None:
    simpy_log = _world(seed, lambda env, group, change: env.any_of(group) | change)
    assert _world(seed, lambda env, group, change: Gate(env, group, change, first=True)) \
        == simpy_log


@pytest.mark.parametrize("seed", range(40))
def test_gate_without_inner_is_timed_as_event_or_change(seed: int) -> None:
    simpy_log = _world(seed, lambda env, group, change: group[0] | change)
    assert _world(seed, lambda env, group, change: Gate(env, group[:1], change, inner=False)) \
        == simpy_log


def test_gate_on_no_events_is_timed_as_all_of_nothing() -> None:
    def world(wait: Wait) -> Log:
        env = simpy.Environment()
        log: Log = []

        def waiter() -> Iterator[simpy.Event]:
            yield wait(env, [], env.event())
            log.append((env.now, "waiter"))

        def other() -> Iterator[simpy.Event]:
            for n in range(3):
                yield env.timeout(0)
                log.append((env.now, f"other {n}"))

        env.process(other())
        env.process(waiter())
        env.run()
        return log

    assert world(lambda env, group, change: Gate(env, group, change)) == \
        world(lambda env, group, change: env.all_of(group) | change)


def test_gate_stops_listening_once_open() -> None:
    env = simpy.Environment()
    a, b, change = env.event(), env.event(), env.event()
    gate = Gate(env, [a, b], change)
    change.succeed()
    env.run()
    assert gate.processed
    assert a.callbacks == [] and b.callbacks == []


def _starts(use_soon: bool) -> Log:
    """Work started the way processes start, among processes, timeouts and events."""
    env = simpy.Environment()
    log: Log = []

    def proc(name: str) -> Iterator[simpy.Event]:
        log.append((env.now, f"{name} starts"))
        yield env.timeout(1)
        log.append((env.now, f"{name} resumes"))

    def chain(name: str) -> None:
        def first(_: simpy.Event) -> None:
            log.append((env.now, f"{name} starts"))
            Later(env, 1, lambda _: log.append((env.now, f"{name} resumes")))

        if use_soon:
            Soon(env, first)
        else:
            env.process(proc(name))

    def parent() -> Iterator[simpy.Event]:
        ping = env.event()
        ping.callbacks.append(lambda _: log.append((env.now, "ping")))
        ping.succeed()
        chain("c1")
        env.process(proc("p1"))
        chain("c2")
        yield env.timeout(1)
        chain("c3")
        log.append((env.now, "parent"))

    env.process(parent())
    env.process(proc("p0"))
    env.run()
    return log


def test_soon_runs_when_a_process_started_then_would() -> None:
    assert _starts(use_soon=True) == _starts(use_soon=False)


def _driven(use_together: bool) -> Log:
    """Generators started one after another, among processes, timeouts and events that
    happen at the same moments: driven ones and processes run in the same order."""
    env = simpy.Environment()
    log: Log = []
    gate = env.event()

    def proc(name: str, delays: tuple[int, ...]) -> Iterator[simpy.Event]:
        log.append((env.now, f"{name} starts"))
        for delay in delays:
            yield env.timeout(delay)
            log.append((env.now, f"{name} after {delay}"))
        yield gate  # processed by the time some resume: they go on at once
        log.append((env.now, f"{name} through the gate"))

    def opener() -> Iterator[simpy.Event]:
        log.append((env.now, "opener starts"))
        yield env.timeout(1)
        gate.succeed()
        log.append((env.now, "opened"))

    def parent() -> Iterator[simpy.Event]:
        yield env.timeout(1)
        group = [proc(f"g{n}", (0, n % 2, 1)[: n + 1]) for n in range(4)]
        if use_together:
            together(env, [driven(g) for g in group])
        else:
            for g in group:
                env.process(g)
        log.append((env.now, "parent"))

    env.process(proc("p0", (1, 0)))
    env.process(parent())
    env.process(opener())
    env.process(proc("p1", (0, 1, 0)))
    env.run()
    return log


def test_driven_together_run_as_processes_started_in_turn() -> None:
    assert _driven(use_together=True) == _driven(use_together=False)
