"""What a drill measured: its events (engine and human) made into one stream, the run
summary, each target and lifecycle stage planned vs actual, and who answered and arrived.

Language-free; ``evaluation.py`` turns it into the report's rows and sentences, and
``compare.py`` lines several drills of one plan up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from console.plans.graph import PlanGraph, Schedule
from console.plans.levels import Level, parse_level
from console.plans.vocabulary import Stage
from console.simulation.events import EventKind, TimelineEvent
from console.simulation.summary import RunSummary, summarise
from console.store import Store

from .model import Drill, Entry, Source
from .records import entries as read_entries
from .world import World, world_of

__all__ = ["Measured", "PersonTimes", "StageOutcome", "TargetOutcome", "measure",
           "measure_entries", "stream"]

#: Human entry kinds that count as the engine's events of the same name.
_COUNTED = {EventKind.NOTIFIED, EventKind.ACKNOWLEDGED, EventKind.DECLINED,
            EventKind.NO_ANSWER, EventKind.DEPARTED, EventKind.ARRIVED, EventKind.UNREACHABLE,
            EventKind.STEP_STARTED, EventKind.STEP_FINISHED, EventKind.BRANCH_TAKEN,
            EventKind.LEVEL_CHANGED}


@dataclass(frozen=True)
class TargetOutcome:
    """One target: within, planned and actual seconds, met."""

    target: str
    step: str
    within: float
    planned: float | None  # the expected schedule's time for it
    actual: float | None  # None: not reached
    met: bool

    @property
    def margin(self) -> float | None:
        """Seconds to spare (negative: over the target)."""
        return None if self.actual is None else self.within - self.actual


@dataclass(frozen=True)
class StageOutcome:
    """One lifecycle stage: its steps, planned and actual finish, met."""

    stage: Stage
    steps: tuple[str, ...]
    planned: float | None  # when the stage's last step should finish (from the alert)
    actual: float | None  # when it did
    met: bool | None  # its steps' targets all met (None: it has none)


@dataclass
class PersonTimes:
    """One person's call-out: when notified, answered, arrived, and how it ended."""

    person: str
    role: str = ""
    notified: float | None = None
    acknowledged: float | None = None
    declined: float | None = None
    arrived: float | None = None
    unreachable: float | None = None
    no_answer: int = 0

    @property
    def outcome(self) -> str:
        """arrived | acknowledged | declined | unreachable | no_answer."""
        if self.arrived is not None:
            return "arrived"
        if self.unreachable is not None:
            return "unreachable"
        if self.acknowledged is not None:
            return "acknowledged"
        if self.declined is not None:
            return "declined"
        return "no_answer"


@dataclass(frozen=True)
class Measured:
    """Everything a drill measured (see the module docstring)."""

    drill: Drill
    world: World
    level: Level
    entries: tuple[Entry, ...]
    events: tuple[TimelineEvent, ...]
    summary: RunSummary
    schedule: Schedule  # expected durations, along the branches the drill took
    targets: tuple[TargetOutcome, ...]
    stages: tuple[StageOutcome, ...]
    people: dict[str, PersonTimes] = field(default_factory=dict)

    @property
    def end_time(self) -> float:
        """When the response ended (the engine's end), else the drill clock."""
        if any(e.kind is EventKind.ENDED for e in self.events):
            return self.summary.end_time
        return max(self.summary.end_time, self.drill.clock)


def stream(drill: Drill, entries: Sequence[Entry]) -> list[TimelineEvent]:
    """Engine events and the human entries that report the same things, by time: the
    events a drill's evaluation reads."""
    out: list[TimelineEvent] = []
    for entry in entries:
        try:
            kind = EventKind(entry.kind)
        except ValueError:
            continue
        if entry.source != Source.ENGINE.value and kind not in _COUNTED:
            continue
        data = dict(entry.data)
        out.append(TimelineEvent(entry.seq, entry.t, kind, entry.subject,
                                 tuple(sorted(data.items()))))
    out.sort(key=lambda e: (e.t, e.seq))
    if not any(e.kind is EventKind.ACTIVATED for e in out):
        out.insert(0, TimelineEvent(-1, 0.0, EventKind.ACTIVATED, drill.plan_id,
                                    (("level", drill.level), ("seed", drill.seed))))
    # A person acknowledged by hand (a live drill) was called, whether logged or not.
    notified = {e.subject for e in out if e.kind is EventKind.NOTIFIED}
    human = {e.seq for e in entries if e.source != Source.ENGINE.value}
    extra = []
    for e in out:
        if e.seq in human and e.subject not in notified and e.kind in (
                EventKind.ACKNOWLEDGED, EventKind.DECLINED, EventKind.ARRIVED):
            notified.add(e.subject)
            extra.append(TimelineEvent(e.seq, e.t, EventKind.NOTIFIED, e.subject,
                                       (("role", e.get("role", "")),)))
    if extra:
        out = sorted([*out, *extra], key=lambda e: (e.t, e.seq, e.kind is not EventKind.NOTIFIED))
    return out


def _people(events: Sequence[TimelineEvent]) -> dict[str, PersonTimes]:
    people: dict[str, PersonTimes] = {}
    for e in events:
        if e.kind is EventKind.NOTIFIED:
            times = people.setdefault(e.subject, PersonTimes(e.subject))
            times.role = times.role or str(e.get("role") or "")
            if times.notified is None:
                times.notified = e.t
            continue
        times_or_none = people.get(e.subject)
        if times_or_none is None:
            continue
        p = times_or_none
        if e.kind is EventKind.ACKNOWLEDGED and p.acknowledged is None:
            p.acknowledged = e.t
        elif e.kind is EventKind.DECLINED and p.declined is None:
            p.declined = e.t
        elif e.kind is EventKind.ARRIVED and p.arrived is None:
            p.arrived = e.t
        elif e.kind is EventKind.UNREACHABLE and p.unreachable is None:
            p.unreachable = e.t
        elif e.kind is EventKind.NO_ANSWER:
            p.no_answer += 1
    return people


def _targets(drill: Drill, world: World, level: Level, summary: RunSummary,
             schedule: Schedule) -> tuple[TargetOutcome, ...]:
    """Each target of a step at the level, measured as the engine measures it: to the
    step's start or finish, from the alert or from the finish of its ``from`` step."""
    plan = world.plan
    finish = {sid: t.finish for sid, t in summary.steps.items() if t.finish is not None}
    start = {sid: t.start for sid, t in summary.steps.items() if t.start is not None}
    out = []
    for sid, step in plan.steps_at(level).items():
        for tid in step.target:
            target = plan.targets.get(tid)
            if target is None:
                continue
            actual = planned = None
            moment = (start if target.measure == "start" else finish).get(sid)
            if moment is not None:
                actual = moment - (finish.get(target.from_, 0.0) if target.from_ else 0.0)
            expected = (schedule.start if target.measure == "start" else schedule.finish)
            if sid in expected:
                origin = schedule.finish.get(target.from_, 0.0) if target.from_ else 0.0
                planned = expected[sid] - origin
            met = actual is not None and actual <= target.within + 1e-9
            out.append(TargetOutcome(tid, sid, target.within, planned, actual, met))
    return tuple(out)


def _stages(world: World, level: Level, summary: RunSummary, schedule: Schedule,
            targets: Sequence[TargetOutcome]) -> tuple[StageOutcome, ...]:
    plan = world.plan
    out = []
    for stage in Stage:
        steps = tuple(sid for sid, s in plan.steps_at(level).items() if s.stage is stage)
        planned = [schedule.finish[s] for s in steps if s in schedule.finish]
        actual = [t.finish for s in steps if (t := summary.steps.get(s)) and t.finish is not None]
        checks = [t.met for t in targets if t.step in steps]
        out.append(StageOutcome(stage, steps, max(planned) if planned else None,
                                max(actual) if actual else None,
                                all(checks) if checks else None))
    return tuple(out)


def measure_entries(drill: Drill, recorded: Sequence[Entry],
                    world: World | None = None) -> Measured:
    """What the drill measured, from its recorded entries."""
    world = world or world_of(drill)
    level = parse_level(drill.level)
    events = stream(drill, recorded)
    summary = summarise(world.plan, events, world.roster)
    # The plan's expected times along the branches the drill actually took.
    taken = {e.subject: str(e.get("outcome")) for e in events
             if e.kind is EventKind.BRANCH_TAKEN and e.get("outcome")}
    schedule = PlanGraph(world.plan, level).schedule("expected", taken)
    targets = _targets(drill, world, level, summary, schedule)
    return Measured(drill, world, level, tuple(recorded), tuple(events), summary, schedule,
                    targets, _stages(world, level, summary, schedule, targets), _people(events))


def measure(store: Store, drill: Drill) -> Measured:
    """What the drill measured, read from the store."""
    return measure_entries(drill, read_entries(store, drill.id))
