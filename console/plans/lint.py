"""Graph lint: the checks a validated plan still has to pass, like a compiler's.

Every check yields Diagnostics that point at the line of the field concerned.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator

import networkx as nx

from .diagnostics import Diagnostic, did_you_mean
from .durations import format_duration
from .graph import PlanGraph
from .levels import LEVELS_LOW_TO_HIGH, Level
from .model import ANCHORS, Plan
from .vocabulary import Stage

__all__ = ["lint_plan"]

SourcePath = tuple[str | int, ...]


#: Names compared for did-you-mean suggestions in one plan: thousands of unknown names in a
#: hostile file would otherwise take minutes (each comparison is a difflib ratio).
SUGGESTION_BUDGET = 20_000


class _Linter:
    def __init__(self, plan: Plan, path: str) -> None:
        self.plan = plan
        self.path = path
        self.budget = SUGGESTION_BUDGET

    def did_you_mean(self, word: str, choices: Collection[str]) -> str:
        """`` — did you mean 'x'?``, until the plan's suggestion budget is spent."""
        self.budget -= len(choices)
        return did_you_mean(word, choices) if self.budget >= 0 else ""

    def at(self, code: str, message: str, where: SourcePath, hint: str = "",
           *, key: bool = False) -> Diagnostic:
        line, column = self.plan.source.position(where, key=key)
        return Diagnostic(code, message, self.path, line, column, hint)

    def item(self, base: SourcePath, group: str, index: int) -> SourcePath:
        """The source path of item ``index`` of a list that may have been a shorthand."""
        source = self.plan.source
        for candidate in ((*base, group, index), (*base, index)):
            if candidate in source:
                return candidate
        return base

    # -- references ------------------------------------------------------------------

    def references(self) -> Iterator[Diagnostic]:
        plan = self.plan
        steps, roles, targets = plan.steps, plan.roles, plan.targets
        places = set(plan.assembly_points) | set(ANCHORS)
        for sid, step in steps.items():
            base: SourcePath = ("steps", sid)
            for group in ("all", "any"):
                for i, pred in enumerate(getattr(step.after, group)):
                    if pred not in steps:
                        yield self.at("P201", f"step '{sid}' comes after unknown step "
                                      f"'{pred}'{self.did_you_mean(pred, steps)}",
                                      self.item((*base, "after"), group, i))
            for outcome, branch in step.branches.items():
                for i, nxt in enumerate(branch.next):
                    if nxt not in steps:
                        yield self.at("P201", f"outcome '{outcome}' of step '{sid}' leads to "
                                      f"unknown step '{nxt}'{self.did_you_mean(nxt, steps)}",
                                      self.item((*base, "branches", outcome, "next"), "", i))
            if step.role is not None and step.role not in roles:
                yield self.at("P202", f"step '{sid}' is done by unknown role "
                              f"'{step.role}'{self.did_you_mean(step.role, roles)}",
                              (*base, "role"))
            for i, rid in enumerate(step.mobilises):
                if rid not in roles:
                    yield self.at("P202", f"step '{sid}' mobilises unknown role "
                                  f"'{rid}'{self.did_you_mean(rid, roles)}",
                                  self.item((*base, "mobilises"), "", i))
            for i, tid in enumerate(step.target):
                if tid not in targets:
                    yield self.at("P203", f"step '{sid}' must meet unknown target "
                                  f"'{tid}'{self.did_you_mean(tid, targets)}",
                                  self.item((*base, "target"), "", i),
                                  hint=f"targets: {', '.join(targets) or 'none defined'}")
            if step.at is not None and step.at not in places:
                yield self.at("P204", f"step '{sid}' is at unknown assembly point "
                              f"'{step.at}'{self.did_you_mean(step.at, places)}", (*base, "at"))
        for rid, role in roles.items():
            for i, backup in enumerate(role.backups):
                if backup not in roles:
                    yield self.at("P202", f"role '{rid}' has unknown backup "
                                  f"'{backup}'{self.did_you_mean(backup, roles)}",
                                  self.item(("roles", rid, "backups"), "", i))
            if role.assemble_at is not None and role.assemble_at not in places:
                yield self.at("P204", f"role '{rid}' assembles at unknown assembly point "
                              f"'{role.assemble_at}'{self.did_you_mean(role.assemble_at, places)}",
                              ("roles", rid, "assemble_at"),
                              hint="declare it under assembly_points, or use one of "
                                   + ", ".join(ANCHORS))
        for tid, target in targets.items():
            if target.from_ is not None and target.from_ not in steps:
                yield self.at("P201", f"target '{tid}' is measured from unknown step "
                              f"'{target.from_}'{self.did_you_mean(target.from_, steps)}",
                              ("targets", tid, "from"))

    # -- structure of the whole plan ------------------------------------------------------

    def step_graph(self) -> nx.DiGraph:
        graph: nx.DiGraph = nx.DiGraph()
        graph.add_nodes_from(self.plan.steps)
        for sid, step in self.plan.steps.items():
            for pred in step.after.steps:
                if pred in self.plan.steps:
                    graph.add_edge(pred, sid)
            for branch in step.branches.values():
                for nxt in branch.next:
                    if nxt in self.plan.steps:
                        graph.add_edge(sid, nxt)
        return graph

    def cycles(self, graph: nx.DiGraph) -> Iterator[Diagnostic]:
        order = {sid: i for i, sid in enumerate(self.plan.steps)}
        for component in nx.strongly_connected_components(graph):
            if len(component) == 1:
                (only,) = component
                if not graph.has_edge(only, only):
                    continue
            first = min(component, key=order.__getitem__)
            cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), source=first)]
            shown = " → ".join([*cycle, cycle[0]])
            yield self.at("P205", f"steps form a cycle: {shown}", ("steps", first),
                          hint="a step cannot (indirectly) come after itself")

    def backups(self) -> Iterator[Diagnostic]:
        graph: nx.DiGraph = nx.DiGraph()
        for rid, role in self.plan.roles.items():
            graph.add_node(rid)
            graph.add_edges_from((rid, b) for b in role.backups if b in self.plan.roles)
        order = {rid: i for i, rid in enumerate(self.plan.roles)}
        for component in nx.strongly_connected_components(graph):
            first = min(component, key=order.__getitem__)
            if len(component) == 1 and not graph.has_edge(first, first):
                continue
            cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), source=first)]
            yield self.at("P216", "backup chain loops: " + " → ".join([*cycle, cycle[0]]),
                          ("roles", first, "backups"))

    def branches(self) -> Iterator[Diagnostic]:
        reached: dict[str, tuple[str, str]] = {}
        for sid, step in self.plan.steps.items():
            if not step.branches:
                continue
            total = sum(b.p for b in step.branches.values())
            if abs(total - 1.0) > 1e-6:
                yield self.at("P209", f"the outcomes of step '{sid}' have probabilities that "
                              f"sum to {total:g}, not 1", ("steps", sid, "branches"))
            for outcome, branch in step.branches.items():
                for i, nxt in enumerate(branch.next):
                    if nxt in reached and reached[nxt] != (sid, outcome):
                        first = "' / '".join(reached[nxt])
                        yield self.at("P215", f"step '{nxt}' is reached by outcome "
                                      f"'{sid}' / '{outcome}' and also by '{first}'",
                                      self.item(("steps", sid, "branches", outcome, "next"),
                                                "", i),
                                      hint="give each outcome its own steps and join them "
                                           "with after: {any: [...]}")
                    reached.setdefault(nxt, (sid, outcome))

    def levels(self) -> Iterator[Diagnostic]:
        plan = self.plan
        missing = [lv.numeral for lv in LEVELS_LOW_TO_HIGH if lv not in plan.levels]
        if missing:
            yield self.at("P217", f"response levels {' '.join(missing)} are not defined",
                          ("levels",), key=True, hint="a plan defines all four levels Ⅳ Ⅲ Ⅱ Ⅰ")
        for level, spec in plan.levels.items():
            if spec.color != level.default_color:
                yield self.at("P218", f"level {level.numeral} is {spec.color}; the national "
                              f"convention is {level.default_color}",
                              ("levels", level.value, "color"))
        thresholds: dict[str, list[tuple[Level, float]]] = {}
        for level in LEVELS_LOW_TO_HIGH:
            if level in plan.levels:
                for trig in plan.levels[level].when:
                    if trig.at_least is not None:
                        thresholds.setdefault(trig.metric, []).append((level, trig.at_least))
        for metric, rows in thresholds.items():
            for (low, low_value), (high, high_value) in itertools.pairwise(rows):
                if high_value < low_value:
                    yield self.at("P222", f"trigger '{metric}' is {high_value:g} at level "
                                  f"{high.numeral} but {low_value:g} at the lower level "
                                  f"{low.numeral}", ("levels", high.value, "when"))

    def usage(self) -> Iterator[Diagnostic]:
        plan = self.plan
        used_targets = {t for s in plan.steps.values() for t in s.target}
        for tid in plan.targets:
            if tid not in used_targets:
                yield self.at("P213", f"target '{tid}' is not attached to any step",
                              ("targets", tid), key=True,
                              hint="add 'target: " + tid + "' to the step that must meet it")
        used_roles = {s.role for s in plan.steps.values()}
        used_roles |= {r for s in plan.steps.values() for r in s.mobilises}
        used_roles |= {b for r in plan.roles.values() for b in r.backups}
        for rid in plan.roles:
            if rid not in used_roles:
                yield self.at("P214", f"role '{rid}' is not used by any step, mobilisation "
                              "or backup chain", ("roles", rid), key=True)
        if not plan.command_roles:
            yield self.at("P211", "no role commands the response", ("roles",), key=True,
                          hint="mark the commanding role with 'command: true'")
        if not any(s.stage is Stage.FEEDBACK for s in plan.steps.values()):
            yield self.at("P212", "no step closes the loop with stage: feedback", ("steps",),
                          key=True, hint="the loop closes when the result is reported back")

    def callouts_and_travel(self) -> Iterator[Diagnostic]:
        for rid, role in self.plan.roles.items():
            if role.callout.mode == "waves" and not role.callout.wave_size:
                yield self.at("P224", f"role '{rid}' is called in waves but says no wave_size",
                              ("roles", rid, "callout"),
                              hint="add wave_size (and wave_every), or use mode: parallel")
        for sid, step in self.plan.steps.items():
            if step.travel and (step.role is None or step.at is None):
                missing = "role" if step.role is None else "place (at:)"
                yield self.at("P225", f"travel step '{sid}' has no {missing}: nobody or "
                              "nowhere to travel", ("steps", sid), key=True,
                              hint="a travel step moves its role's people to its 'at'")

    def mobilisation_order(self, graph: nx.DiGraph) -> Iterator[Diagnostic]:
        mobilised_by: dict[str, list[str]] = {}
        for sid, step in self.plan.steps.items():
            for rid in step.mobilises:
                mobilised_by.setdefault(rid, []).append(sid)
        # One pass in graph order: the roles mobilised by the steps before each step, as a
        # bit set (an ancestor search per step would be quadratic on a long plan).
        bit = {rid: 1 << i for i, rid in enumerate(mobilised_by)}
        calls = {sid: sum(bit[r] for r in set(step.mobilises))
                 for sid, step in self.plan.steps.items()}
        before: dict[str, int] = {}
        for sid in nx.topological_sort(graph):
            mask = 0
            for pred in graph.predecessors(sid):
                mask |= before[pred] | calls[pred]
            before[sid] = mask
        for sid, step in self.plan.steps.items():
            callers = mobilised_by.get(step.role or "", [])
            if not callers or sid in callers:
                continue
            if not before[sid] & bit[step.role or ""]:
                yield self.at("P219", f"step '{sid}' needs role '{step.role}', which is "
                              f"mobilised by '{callers[0]}', a step that does not come before "
                              f"'{sid}'", ("steps", sid, "role"),
                              hint=f"add '{callers[0]}' to the after: of '{sid}'")

    # -- per level --------------------------------------------------------------------------

    def per_level(self) -> Iterator[Diagnostic]:
        plan = self.plan
        reported: set[tuple[str, str]] = set()
        for level in LEVELS_LOW_TO_HIGH:
            active = plan.steps_at(level)
            if not active:
                yield self.at("P207", f"no step applies at level {level.numeral}", ("steps",),
                              key=True)
                continue
            branch_parents: dict[str, list[str]] = {}
            for sid, step in plan.steps.items():
                for branch in step.branches.values():
                    for nxt in branch.next:
                        branch_parents.setdefault(nxt, []).append(sid)
            for sid, step in active.items():
                preds = [p for p in step.after.steps if p in plan.steps]
                parents = branch_parents.get(sid, [])
                if ((preds or parents) and not any(p in active for p in [*preds, *parents])
                        and ("P206", sid) not in reported):
                    reported.add(("P206", sid))
                    gone = ", ".join([*preds, *parents])
                    yield self.at("P206", f"step '{sid}' applies at level {level.numeral}, "
                                  f"but {gone} (which it comes after) does not",
                                  ("steps", sid), key=True,
                                  hint="align the steps' levels")
                if step.role is None or step.role not in plan.roles:
                    continue
                need = plan.headcount(sid, level)
                have = plan.roles[step.role].count_at(level)
                if need == 0 and ("P220", sid) not in reported:
                    reported.add(("P220", sid))
                    own = step.headcount is not None
                    yield self.at(
                        "P220", f"step '{sid}' applies at level {level.numeral}, but "
                        + ("its headcount there is 0" if own
                           else f"role '{step.role}' needs nobody there"),
                        ("steps", sid, "headcount" if own else "role"),
                        hint=(f"give the step a headcount at {level.value}" if own else
                              f"give '{step.role}' a count at {level.value}")
                        + ", or limit the step's levels")
                elif (step.min_present and need and step.min_present > need
                      and ("P223", sid) not in reported):
                    reported.add(("P223", sid))
                    yield self.at("P223", f"step '{sid}' waits for {step.min_present} people "
                                  f"but needs only {need} at level {level.numeral}",
                                  ("steps", sid, "min_present"),
                                  hint="min_present is at most the step's headcount")
                elif need > have and ("P221", sid) not in reported:
                    reported.add(("P221", sid))
                    yield self.at("P221", f"step '{sid}' needs {need} people at level "
                                  f"{level.numeral}; role '{step.role}' has only {have}",
                                  ("steps", sid, "headcount"))
        for rid, role in plan.roles.items():
            for low, high in itertools.pairwise(LEVELS_LOW_TO_HIGH):
                if role.count_at(high) < role.count_at(low):
                    yield self.at("P208", f"role '{rid}' needs {role.count_at(low)} at level "
                                  f"{low.numeral} but only {role.count_at(high)} at the higher "
                                  f"level {high.numeral}", ("roles", rid, "count"))
                    break

    def targets(self) -> Iterator[Diagnostic]:
        reported: set[tuple[str, str]] = set()
        for level in LEVELS_LOW_TO_HIGH:
            graph = PlanGraph(self.plan, level)
            for check in graph.target_checks():
                if check.can_meet or not check.reachable:
                    continue
                if (check.target, check.step) in reported:
                    continue
                reported.add((check.target, check.step))
                assert check.earliest is not None
                yield self.at(
                    "P210", f"target '{check.target}' ({format_duration(check.within)}) cannot "
                    f"be met by step '{check.step}' at level {level.numeral}: the shortest path "
                    f"takes {format_duration(check.earliest)}",
                    self.item(("steps", check.step, "target"), "",
                              self.plan.steps[check.step].target.index(check.target)),
                    hint="shorten the steps before it, or revise the target")


def lint_plan(plan: Plan, path: str = "<plan>") -> list[Diagnostic]:
    """All graph-lint diagnostics for a structurally valid plan."""
    linter = _Linter(plan, path)
    found = list(linter.references())
    found += linter.backups()
    found += linter.levels()
    found += linter.branches()
    found += linter.usage()
    found += linter.callouts_and_travel()
    graph = linter.step_graph()
    cycles = list(linter.cycles(graph))
    found += cycles
    if cycles or any(d.code in ("P201",) for d in found):
        return found
    found += linter.mobilisation_order(graph)
    found += linter.per_level()
    found += linter.targets()
    return found
