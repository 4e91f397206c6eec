"""The plan as a graph, per response level: order, lanes, branches, critical path, targets.

This is what the engine and the views consume. Times are seconds from the alert
and leave out travel: they are what the plan itself allows, before people move.
"""

from __future__ import annotations

import heapq
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
#: Steps scheduled to check targets measured from a step exactly, one schedule per
#: combination of outcomes; beyond this the estimate with every branch open is used.
EXACT_TARGET_WORK = 200_000


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
        steps = self.steps
        edges: list[tuple[str, str, dict[str, str]]] = []
        for sid, step in steps.items():
            edges += [(p, sid, {"kind": "all"}) for p in step.after.all if p in steps]
            edges += [(p, sid, {"kind": "any"}) for p in step.after.any if p in steps]
            for outcome, branch in step.branches.items():
                edges += [(sid, n, {"kind": "branch", "outcome": outcome})
                          for n in branch.next if n in steps]
        self.edges: tuple[tuple[str, str, dict[str, str]], ...] = tuple(edges)
        self.order: tuple[str, ...] = _topological_order(list(steps), edges)
        self._position = {sid: i for i, sid in enumerate(self.order)}

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The steps and their dependencies as a networkx DiGraph (built on first use)."""
        graph: nx.DiGraph = nx.DiGraph()
        for sid in self.order:
            step = self.steps[sid]
            graph.add_node(sid, lane=step.lane, stage=step.stage, role=step.role)
        # A step that both follows a decision and is one of its outcomes keeps the branch.
        graph.add_edges_from(e for e in self.edges if e[2]["kind"] != "branch")
        graph.add_edges_from(e for e in self.edges if e[2]["kind"] == "branch")
        return graph

    @cached_property
    def _branch_targets(self) -> dict[str, bool]:
        return {v: True for _, v, data in self.edges if data["kind"] == "branch"}

    # -- structure ---------------------------------------------------------------

    @cached_property
    def decisions(self) -> dict[str, dict[str, Branch]]:
        """Steps with branches at this level, and their outcomes."""
        return {sid: dict(s.branches) for sid, s in self.steps.items() if s.branches}

    @cached_property
    def roots(self) -> tuple[str, ...]:
        """Steps that start at the alert."""
        targets = {v for _, v, _ in self.edges}
        return tuple(sid for sid in self.order if sid not in targets)

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

    def _combinations_count(self) -> int:
        """How many combinations ``outcome_combinations`` yields."""
        sizes = [len(outcomes) for outcomes in self.decisions.values()]
        count = 1
        for size in sizes:
            count *= size
            if count > MAX_COMBINATIONS:
                return 1 + sum(size - 1 for size in sizes)
        return count

    # -- time ----------------------------------------------------------------------

    def durations(self, estimate: Estimate) -> dict[str, float]:
        """Each step's duration under an estimate: min, triangular mean or max."""
        if estimate == "shortest":
            return {sid: step.duration.min for sid, step in self.steps.items()}
        if estimate == "longest":
            return {sid: step.duration.max for sid, step in self.steps.items()}
        return {sid: step.duration.mean for sid, step in self.steps.items()}

    @cached_property
    def _incoming(self) -> dict[str, tuple[list[str], list[str], list[tuple[str, str]]]]:
        """Per step: its all-predecessors, any-predecessors and (decision, outcome) edges."""
        incoming: dict[str, tuple[list[str], list[str], list[tuple[str, str]]]] = {
            sid: ([], [], []) for sid in self.order
        }
        for pred, sid, data in self.edges:
            kind = data["kind"]
            if kind == "all":
                incoming[sid][0].append(pred)
            elif kind == "any":
                incoming[sid][1].append(pred)
            else:
                incoming[sid][2].append((pred, data["outcome"]))
        return incoming

    def schedule(
        self,
        estimate: Estimate = "expected",
        outcomes: Mapping[str, str] | None = None,
        durations: Mapping[str, float] | None = None,
        *,
        every_branch: bool = False,
    ) -> Schedule:
        """When each step starts and finishes, given branch outcomes (default: likeliest).

        With ``every_branch`` every outcome is taken at once: no step is skipped for a
        branch, which gives the earliest time any combination of outcomes allows.
        """
        chosen = {**self.most_likely_outcomes(), **(outcomes or {})}
        length = durations if durations is not None else self.durations(estimate)
        start: dict[str, float] = {}
        finish: dict[str, float] = {}
        cause: dict[str, str | None] = {}
        incoming = self._incoming
        for sid in self.order:
            all_preds, any_preds, branch_in = incoming[sid]
            ready = 0.0
            why: str | None = None
            runs = True
            for pred in all_preds:
                done = finish.get(pred)
                if done is None:
                    runs = False
                    break
                if done >= ready:
                    ready, why = done, pred
            if not runs:
                continue
            if branch_in:
                taken = [d for d, outcome in branch_in
                         if d in finish and (every_branch or chosen.get(d) == outcome)]
                if not taken:
                    continue
                for decision in taken:
                    if finish[decision] >= ready:
                        ready, why = finish[decision], decision
            if any_preds:
                done_any = [(finish[p], p) for p in any_preds if p in finish]
                if not done_any:
                    continue
                first = min(done_any)
                if first[0] >= ready:
                    ready, why = first
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
            outcomes={} if every_branch else {d: o for d, o in chosen.items() if d in finish},
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
        """For every target on a step at this level: the earliest time it can be met.

        Uses the shortest durations with every branch outcome open, so ``earliest`` is a
        lower bound: if even that misses the target, no run of the plan can meet it.
        """
        attached = [(t, sid) for sid, s in self.steps.items() for t in s.target
                    if t in self.plan.targets]
        if not attached:
            return []
        best = self.schedule("shortest", every_branch=True)
        combined: list[Schedule] | None = None
        checks = []
        for target_id, sid in attached:
            target = self.plan.targets[target_id]
            earliest: float | None = None
            if target.from_ is None:
                if best.ran(sid):
                    earliest = best.start[sid] if target.measure == "start" else best.finish[sid]
            elif self._combinations_count() * len(self.steps) > EXACT_TARGET_WORK:
                # Too many outcomes to try each (a generated or hostile plan): estimate
                # with every branch open, as for the other targets.
                if best.ran(sid) and best.ran(target.from_):
                    moment = best.start[sid] if target.measure == "start" else best.finish[sid]
                    earliest = moment - best.finish[target.from_]
            else:
                # A difference of two lower bounds is no lower bound: the step measured
                # from may finish early only in outcomes where ``sid`` does not run. So
                # measure within each combination of outcomes.
                if combined is None:
                    combined = [self.schedule("shortest", c) for c in self.outcome_combinations()]
                for sched in combined:
                    if not (sched.ran(sid) and sched.ran(target.from_)):
                        continue
                    moment = sched.start[sid] if target.measure == "start" else sched.finish[sid]
                    moment -= sched.finish[target.from_]
                    earliest = moment if earliest is None else min(earliest, moment)
            checks.append(TargetCheck(target_id, sid, target.within, earliest))
        return checks


def _topological_order(nodes: list[str], edges: list[tuple[str, str, dict[str, str]]]
                       ) -> tuple[str, ...]:
    """Kahn's algorithm; among ready steps the one written first in the file goes first."""
    index = {sid: i for i, sid in enumerate(nodes)}
    successors: dict[str, list[str]] = {sid: [] for sid in nodes}
    indegree = dict.fromkeys(nodes, 0)
    for u, v, _ in edges:
        if v not in successors[u]:
            successors[u].append(v)
            indegree[v] += 1
    ready = [index[sid] for sid in nodes if indegree[sid] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        sid = nodes[heapq.heappop(ready)]
        order.append(sid)
        for nxt in successors[sid]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, index[nxt])
    if len(order) != len(nodes):
        raise ValueError("the steps form a cycle; lint the plan first (P205)")
    return tuple(order)


def plan_graphs(plan: Plan) -> dict[Level, PlanGraph]:
    """One graph per response level, lowest level first."""
    return {level: PlanGraph(plan, level) for level in LEVELS_LOW_TO_HIGH}
