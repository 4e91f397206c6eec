"""The plan as a graph, per response level: order, lanes, branches, critical path, targets.

This is what the engine and the views consume. Times are seconds from the alert
and leave out travel: they are what the plan itself allows, before people move.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import networkx as nx

from .levels import LEVELS_LOW_TO_HIGH, Level
from .model import Branch, Plan, Step
from .vocabulary import Lane

__all__ = ["Estimate", "PlanGraph", "Schedule", "TargetCheck", "plan_graphs"]

Estimate = Literal["shortest", "expected", "longest"]
ESTIMATES: tuple[Estimate, ...] = ("shortest", "expected", "longest")
#: Beyond this many branch combinations only the likeliest and single deviations are tried.
MAX_COMBINATIONS = 1024


@dataclass(frozen=True)
class Schedule:
    """One way the plan can unfold: when each step that runs starts and finishes."""

    estimate: Estimate
    outcomes: Mapping[str, str]
    start: Mapping[str, float]
    finish: Mapping[str, float]
    skipped: frozenset[str]
    critical_path: tuple[str, ...]

    @property
    def total(self) -> float:
        """Time from the alert until the last step finishes."""
        return max(self.finish.values(), default=0.0)

    def ran(self, step_id: str) -> bool:
        return step_id in self.finish


@dataclass(frozen=True)
class TargetCheck:
    """Whether a target attached to a step can be met at all, on the best path."""

    target: str
    step: str
    within: float
    earliest: float | None

    @property
    def reachable(self) -> bool:
        return self.earliest is not None

    @property
    def can_meet(self) -> bool:
        return self.earliest is not None and self.earliest <= self.within + 1e-9

    @property
    def slack(self) -> float | None:
        return None if self.earliest is None else self.within - self.earliest


class PlanGraph:
    """The steps that apply at one level, as a directed acyclic graph.

    Edge attributes: ``kind`` is ``all``, ``any`` or ``branch``; branch edges carry the
    ``outcome``. Build it only for a plan whose lint found no cycle (P205).
    """

    def __init__(self, plan: Plan, level: Level) -> None:
        self.plan = plan
        self.level = level
        self.steps: dict[str, Step] = plan.steps_at(level)
        graph: nx.DiGraph = nx.DiGraph()
        for sid, step in self.steps.items():
            graph.add_node(sid, lane=step.lane, stage=step.stage, role=step.role)
        for sid, step in self.steps.items():
            for pred in step.after.all:
                if pred in self.steps:
                    graph.add_edge(pred, sid, kind="all")
            for pred in step.after.any:
                if pred in self.steps:
                    graph.add_edge(pred, sid, kind="any")
            for outcome, branch in step.branches.items():
                for nxt in branch.next:
                    if nxt in self.steps:
                        graph.add_edge(sid, nxt, kind="branch", outcome=outcome)
        self.graph = graph
        index = {sid: i for i, sid in enumerate(plan.steps)}
        self.order: tuple[str, ...] = tuple(
            nx.lexicographical_topological_sort(graph, key=index.__getitem__)
        )
        self._position = {sid: i for i, sid in enumerate(self.order)}

    @cached_property
    def _branch_targets(self) -> dict[str, bool]:
        return {v: True for _, v, kind in self.graph.edges(data="kind") if kind == "branch"}

    # -- structure ---------------------------------------------------------------

    @cached_property
    def decisions(self) -> dict[str, dict[str, Branch]]:
        """Steps with branches at this level, and their outcomes."""
        return {sid: dict(s.branches) for sid, s in self.steps.items() if s.branches}

    @cached_property
    def roots(self) -> tuple[str, ...]:
        """Steps that start at the alert."""
        return tuple(sid for sid in self.order if self.graph.in_degree(sid) == 0)

    def lanes(self) -> dict[Lane, tuple[str, ...]]:
        """Steps per lane, in topological order, lanes top (city) to bottom (grid)."""
        return {lane: tuple(s for s in self.order if self.steps[s].lane is lane) for lane in Lane}

    def most_likely_outcomes(self) -> dict[str, str]:
        return {d: max(out, key=lambda o: out[o].p) for d, out in self.decisions.items()}

    def outcome_combinations(self) -> Iterator[dict[str, str]]:
        """Every combination of branch outcomes (or a bounded sample of them)."""
        names = list(self.decisions)
        choices = [list(self.decisions[d]) for d in names]
        count = 1
        for options in choices:
            count *= len(options)
        if count <= MAX_COMBINATIONS:
            for combo in itertools.product(*choices):
                yield dict(zip(names, combo, strict=True))
            return
        likely = self.most_likely_outcomes()
        yield likely
        for decision, options in zip(names, choices, strict=True):
            for option in options:
                if option != likely[decision]:
                    yield {**likely, decision: option}

    # -- time ----------------------------------------------------------------------

    def durations(self, estimate: Estimate) -> dict[str, float]:
        pick = {
            "shortest": lambda s: s.duration.min,
            "expected": lambda s: s.duration.mean,
            "longest": lambda s: s.duration.max,
        }[estimate]
        return {sid: pick(step) for sid, step in self.steps.items()}

    def schedule(
        self,
        estimate: Estimate = "expected",
        outcomes: Mapping[str, str] | None = None,
        durations: Mapping[str, float] | None = None,
    ) -> Schedule:
        """When each step starts and finishes, given branch outcomes (default: likeliest)."""
        chosen = {**self.most_likely_outcomes(), **(outcomes or {})}
        length = durations if durations is not None else self.durations(estimate)
        start: dict[str, float] = {}
        finish: dict[str, float] = {}
        cause: dict[str, str | None] = {}
        for sid in self.order:
            ready = 0.0
            why: str | None = None
            runs = True
            reached_by_branch = False
            any_best: tuple[float, str] | None = None
            any_seen = False
            for pred, _, data in self.graph.in_edges(sid, data=True):
                kind = data["kind"]
                if kind == "branch":
                    if pred in finish and chosen.get(pred) == data["outcome"]:
                        reached_by_branch = True
                        if finish[pred] >= ready:
                            ready, why = finish[pred], pred
                    continue
                if kind == "any":
                    any_seen = True
                    if pred in finish and (any_best is None or finish[pred] < any_best[0]):
                        any_best = (finish[pred], pred)
                    continue
                if pred not in finish:
                    runs = False
                elif finish[pred] >= ready:
                    ready, why = finish[pred], pred
            if self._branch_targets.get(sid) and not reached_by_branch:
                runs = False
            if any_seen:
                if any_best is None:
                    runs = False
                elif any_best[0] >= ready:
                    ready, why = any_best
            if not runs:
                continue
            start[sid] = ready
            finish[sid] = ready + length[sid]
            cause[sid] = why
        path: list[str] = []
        if finish:
            last = max(finish, key=lambda s: (finish[s], -self._position[s]))
            node: str | None = last
            while node is not None:
                path.append(node)
                node = cause[node]
        return Schedule(
            estimate=estimate,
            outcomes={d: o for d, o in chosen.items() if d in finish},
            start=start,
            finish=finish,
            skipped=frozenset(self.steps) - frozenset(finish),
            critical_path=tuple(reversed(path)),
        )

    def critical_paths(self) -> dict[Estimate, Schedule]:
        """Shortest (best outcomes, min durations), expected (likeliest outcomes, mean
        durations) and longest (worst outcomes, max durations) ways through the plan."""
        shortest = min(
            (self.schedule("shortest", combo) for combo in self.outcome_combinations()),
            key=lambda s: s.total,
        )
        longest = max(
            (self.schedule("longest", combo) for combo in self.outcome_combinations()),
            key=lambda s: s.total,
        )
        return {"shortest": shortest, "expected": self.schedule("expected"), "longest": longest}

    def target_checks(self) -> list[TargetCheck]:
        """For every target on a step at this level: the earliest time it can be met."""
        attached = [(t, sid) for sid, s in self.steps.items() for t in s.target
                    if t in self.plan.targets]
        if not attached:
            return []
        schedules = [self.schedule("shortest", c) for c in self.outcome_combinations()]
        checks = []
        for target_id, sid in attached:
            target = self.plan.targets[target_id]
            best: float | None = None
            for sched in schedules:
                if not sched.ran(sid):
                    continue
                moment = sched.start[sid] if target.measure == "start" else sched.finish[sid]
                if target.from_ is not None:
                    if not sched.ran(target.from_):
                        continue
                    moment -= sched.finish[target.from_]
                best = moment if best is None else min(best, moment)
            checks.append(TargetCheck(target_id, sid, target.within, best))
        return checks


def plan_graphs(plan: Plan) -> dict[Level, PlanGraph]:
    """One graph per response level, lowest level first."""
    return {level: PlanGraph(plan, level) for level in LEVELS_LOW_TO_HIGH}
