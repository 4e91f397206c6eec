"""What a run amounted to, computed from its event stream (and the plan) alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from console.plans.model import Plan
from console.roster.model import Roster

from .events import EventKind, TimelineEvent

__all__ = ["Cause", "RunSummary", "StepTimes", "TargetResult", "summarise"]


@dataclass(frozen=True)
class StepTimes:
    step: str
    status: str  # finished | skipped | running | waiting
    start: float | None
    finish: float | None
    ready: float | None  # when its predecessors were done: start - ready is waiting for people
    planned_start: float | None = None  # the plan's expected schedule, same branch outcomes
    planned_finish: float | None = None


@dataclass(frozen=True)
class TargetResult:
    target: str
    step: str
    within: float
    actual: float
    met: bool

    @property
    def margin(self) -> float:
        return self.within - self.actual


@dataclass(frozen=True)
class Cause:
    """One link of the chain behind a late step: waiting for a role's people, or the
    step's own work. ``seconds`` is how long that link took."""

    step: str
    kind: str  # people | work | travel
    seconds: float
    role: str = ""
    person: str = ""
    detail: str = ""


@dataclass(frozen=True)
class RunSummary:
    plan: str
    level: str
    seed: int
    end_reason: str
    end_time: float
    first_ack: float | None
    role_filled: dict[str, float | None]
    curve: tuple[tuple[float, int, int], ...]  # (t, acknowledged so far, arrived so far)
    curve_by_group: dict[str, tuple[tuple[float, int, int], ...]]
    steps: dict[str, StepTimes]
    targets: tuple[TargetResult, ...]
    critical_path: tuple[str, ...]
    causes: tuple[Cause, ...] = field(default=())
    never_answered: tuple[str, ...] = ()

    def target(self, name: str) -> TargetResult | None:
        return next((t for t in self.targets if t.target == name), None)


def summarise(plan: Plan, events: Sequence[TimelineEvent], roster: Roster | None = None,
              *, close_target: str = "close_loop") -> RunSummary:
    """The summary of one run. ``roster`` groups the mobilisation curve by board/village."""
    activated = next(e for e in events if e.kind is EventKind.ACTIVATED)
    ended = next((e for e in events if e.kind is EventKind.ENDED), None)
    role_of: dict[str, str] = {}
    acks: list[tuple[float, str]] = []
    arrivals: list[tuple[float, str]] = []
    answered: set[str] = set()
    called: list[str] = []
    starts: dict[str, float] = {}
    finishes: dict[str, float] = {}
    skipped: set[str] = set()
    targets: list[TargetResult] = []
    for e in events:
        kind = e.kind
        if kind is EventKind.NOTIFIED:
            role_of[e.subject] = e.get("role")
            called.append(e.subject)
        elif kind is EventKind.ACKNOWLEDGED:
            acks.append((e.t, e.subject))
            answered.add(e.subject)
        elif kind is EventKind.DECLINED:
            answered.add(e.subject)
        elif kind is EventKind.ARRIVED and e.subject in role_of:
            arrivals.append((e.t, e.subject))
        elif kind is EventKind.STEP_STARTED:
            starts[e.subject] = e.t
        elif kind is EventKind.STEP_FINISHED:
            finishes[e.subject] = e.t
        elif kind is EventKind.STEP_SKIPPED:
            skipped.add(e.subject)
        elif kind in (EventKind.TARGET_MET, EventKind.TARGET_MISSED):
            targets.append(TargetResult(e.subject, e.get("step"), e.get("within"),
                                        e.get("actual"), kind is EventKind.TARGET_MET))
    needed = _needed(plan, activated.get("level"))
    filled: dict[str, float | None] = {}
    count: dict[str, int] = {}
    for t, pid in arrivals:
        rid = role_of[pid]
        count[rid] = count.get(rid, 0) + 1
        if rid not in filled and count[rid] >= needed.get(rid, 1):
            filled[rid] = t
    for rid in sorted({*role_of.values()}):
        filled.setdefault(rid, None)
    parents: dict[str, list[str]] = {}
    for d, s in plan.steps.items():
        for branch in s.branches.values():
            for nxt in branch.next:
                parents.setdefault(nxt, []).append(d)
    planned = _planned(plan, activated.get("level"), events)
    steps = {sid: _times(plan, sid, starts, finishes, skipped, parents.get(sid, []), planned)
             for sid in plan.steps}
    path = _actual_path(plan, steps, parents)
    return RunSummary(
        plan=plan.id,
        level=activated.get("level"),
        seed=activated.get("seed"),
        end_reason=ended.get("reason") if ended else "running",
        end_time=ended.t if ended else (events[-1].t if events else 0.0),
        first_ack=acks[0][0] if acks else None,
        role_filled=filled,
        curve=_curve(acks, arrivals),
        curve_by_group=_curves_by_group(acks, arrivals, roster),
        steps=steps,
        targets=tuple(targets),
        critical_path=path,
        causes=_causes(plan, steps, path, events, role_of, close_target, targets),
        never_answered=tuple(p for p in dict.fromkeys(called) if p not in answered),
    )


def _needed(plan: Plan, level_text: str) -> dict[str, int]:
    from console.plans.levels import parse_level

    level = parse_level(level_text)
    return {rid: role.count_at(level) for rid, role in plan.roles.items()}


def _planned(plan: Plan, level_text: str, events: Sequence[TimelineEvent]
             ) -> dict[str, tuple[float, float]]:
    """The plan's expected schedule at the level, with the outcomes this run took."""
    from console.plans.graph import PlanGraph
    from console.plans.levels import parse_level

    taken = {e.subject: e.get("outcome") for e in events if e.kind is EventKind.BRANCH_TAKEN}
    schedule = PlanGraph(plan, parse_level(level_text)).schedule("expected", taken)
    return {sid: (schedule.start[sid], schedule.finish[sid]) for sid in schedule.finish}


def _times(plan: Plan, sid: str, starts: dict[str, float], finishes: dict[str, float],
           skipped: set[str], decisions: list[str],
           planned: dict[str, tuple[float, float]]) -> StepTimes:
    step = plan.steps[sid]
    status = ("skipped" if sid in skipped else "finished" if sid in finishes
              else "running" if sid in starts else "waiting")
    preds = [finishes[p] for p in (*step.after.all,) if p in finishes]
    any_preds = [finishes[p] for p in step.after.any if p in finishes]
    parents = [finishes[d] for d in decisions if d in finishes]
    candidates = preds + parents + ([min(any_preds)] if any_preds else [])
    ready = max(candidates) if candidates else (0.0 if sid in starts else None)
    plan_start, plan_finish = planned.get(sid, (None, None))
    return StepTimes(sid, status, starts.get(sid), finishes.get(sid), ready, plan_start,
                     plan_finish)


def _actual_path(plan: Plan, steps: dict[str, StepTimes], parents: dict[str, list[str]]
                 ) -> tuple[str, ...]:
    """Back from the last step to finish, through the predecessor that finished last."""
    done = {sid: t for sid, t in steps.items() if t.finish is not None}
    if not done:
        return ()
    order = {sid: i for i, sid in enumerate(plan.steps)}
    node: str | None = max(done, key=lambda s: (done[s].finish or 0.0, -order[s]))
    path: list[str] = []
    while node is not None:
        path.append(node)
        step = plan.steps[node]
        start = steps[node].start or 0.0
        before = [p for p in (*step.after.all, *step.after.any) if p in done]
        before += [d for d in parents.get(node, []) if d in done]
        before = [p for p in before if (done[p].finish or 0.0) <= start + 1e-9]
        node = max(before, key=lambda p: done[p].finish or 0.0) if before else None
    return tuple(reversed(path))


def _curve(acks: list[tuple[float, str]], arrivals: list[tuple[float, str]]
           ) -> tuple[tuple[float, int, int], ...]:
    points: list[tuple[float, int, int]] = []
    merged = sorted([(t, 0) for t, _ in acks] + [(t, 1) for t, _ in arrivals])
    acked = arrived = 0
    for t, kind in merged:
        if kind == 0:
            acked += 1
        else:
            arrived += 1
        if points and points[-1][0] == t:
            points[-1] = (t, acked, arrived)
        else:
            points.append((t, acked, arrived))
    return tuple(points)


def _curves_by_group(acks: list[tuple[float, str]], arrivals: list[tuple[float, str]],
                     roster: Roster | None) -> dict[str, tuple[tuple[float, int, int], ...]]:
    if roster is None:
        return {}
    def group(pid: str) -> str:
        person = roster.by_id.get(pid)
        if person is None:
            return "other"
        return person.village if person.village else person.unit.value
    groups = sorted({group(p) for _, p in acks} | {group(p) for _, p in arrivals})
    return {g: _curve([a for a in acks if group(a[1]) == g],
                      [a for a in arrivals if group(a[1]) == g]) for g in groups}


def _causes(plan: Plan, steps: dict[str, StepTimes], path: tuple[str, ...],
            events: Sequence[TimelineEvent], role_of: dict[str, str], close_target: str,
            targets: list[TargetResult]) -> tuple[Cause, ...]:
    """The links of the actual critical path up to the close-the-loop step (or the last
    step), longest first: waiting for people (who arrived last, and why) or work."""
    goal = next((t.step for t in targets if t.target == close_target), None)
    chain = path[: path.index(goal) + 1] if goal in path else path
    causes: list[Cause] = []
    for sid in chain:
        times = steps[sid]
        if times.start is None or times.finish is None:
            continue
        ready = times.ready or 0.0
        wait = times.start - ready
        step = plan.steps[sid]
        if step.travel:
            last = _last_before(events, step.role or "", times.finish, role_of)
            causes.append(Cause(sid, "travel", times.finish - times.start, step.role or "",
                                last[0], last[1]))
        elif times.finish > times.start:
            causes.append(Cause(sid, "work", times.finish - times.start))
        if wait > 1e-9 and step.role:
            last = _last_before(events, step.role, times.start, role_of)
            causes.append(Cause(sid, "people", wait, step.role, last[0], last[1]))
    causes.sort(key=lambda c: -c.seconds)
    return tuple(causes)


def _last_before(events: Sequence[TimelineEvent], rid: str, t: float,
                 role_of: dict[str, str]) -> tuple[str, str]:
    """The person of a role whose acknowledgement or arrival came last before ``t``."""
    last: tuple[str, str] = ("", "")
    notified: dict[str, float] = {}
    for e in events:
        if e.t > t + 1e-9:
            break
        if e.kind is EventKind.NOTIFIED and e.get("role") == rid:
            notified[e.subject] = e.t
        if e.kind in (EventKind.ACKNOWLEDGED, EventKind.ARRIVED) and role_of.get(e.subject) == rid:
            called = notified.get(e.subject, 0.0)
            last = (e.subject, f"{e.kind.value} {e.t - called:.0f}s after being called")
    return last
