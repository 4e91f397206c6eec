"""Graph lint: the checks a validated plan still has to pass, like a compiler's.

Every check yields Diagnostics that point at the line of the field concerned.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator

import networkx as nx

from .diagnostics import Diagnostic, suggestion
from .durations import format_duration
from .graph import PlanGraph
from .levels import LEVELS_LOW_TO_HIGH, Level
from .messages import Message, msg
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

    def did_you_mean(self, word: str, choices: Collection[str]) -> Message | str:
        """`` — did you mean 'x'?``, until the plan's suggestion budget is spent."""
        self.budget -= len(choices)
        return suggestion(word, choices) if self.budget >= 0 else ""

    def at(self, code: str, message: Message, where: SourcePath, hint: Message | None = None,
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
                        yield self.at("P201", msg("P201.after", step=sid, ref=pred,
                                                  dym=self.did_you_mean(pred, steps)),
                                      self.item((*base, "after"), group, i))
            for outcome, branch in step.branches.items():
                for i, nxt in enumerate(branch.next):
                    if nxt not in steps:
                        yield self.at("P201", msg("P201.next", outcome=outcome, step=sid,
                                                  ref=nxt, dym=self.did_you_mean(nxt, steps)),
                                      self.item((*base, "branches", outcome, "next"), "", i))
            if step.role is not None and step.role not in roles:
                yield self.at("P202", msg("P202.role", step=sid, ref=step.role,
                                          dym=self.did_you_mean(step.role, roles)),
                              (*base, "role"))
            for i, rid in enumerate(step.mobilises):
                if rid not in roles:
                    yield self.at("P202", msg("P202.mobilises", step=sid, ref=rid,
                                              dym=self.did_you_mean(rid, roles)),
                                  self.item((*base, "mobilises"), "", i))
            for i, tid in enumerate(step.target):
                if tid not in targets:
                    yield self.at("P203", msg("P203.target", step=sid, ref=tid,
                                              dym=self.did_you_mean(tid, targets)),
                                  self.item((*base, "target"), "", i),
                                  hint=msg("P203.hint",
                                           targets=", ".join(targets) or msg("P203.none")))
            if step.at is not None and step.at not in places:
                yield self.at("P204", msg("P204.step", step=sid, ref=step.at,
                                          dym=self.did_you_mean(step.at, places)),
                              (*base, "at"))
        for rid, role in roles.items():
            for i, backup in enumerate(role.backups):
                if backup not in roles:
                    yield self.at("P202", msg("P202.backup", role=rid, ref=backup,
                                              dym=self.did_you_mean(backup, roles)),
                                  self.item(("roles", rid, "backups"), "", i))
            if role.assemble_at is not None and role.assemble_at not in places:
                yield self.at("P204", msg("P204.role", role=rid, ref=role.assemble_at,
                                          dym=self.did_you_mean(role.assemble_at, places)),
                              ("roles", rid, "assemble_at"),
                              hint=msg("P204.hint", anchors=", ".join(ANCHORS)))
        for tid, target in targets.items():
            if target.from_ is not None and target.from_ not in steps:
                yield self.at("P201", msg("P201.target_from", target=tid, ref=target.from_,
                                          dym=self.did_you_mean(target.from_, steps)),
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
            yield self.at("P205", msg("P205.cycle", cycle=shown), ("steps", first),
                          hint=msg("P205.hint"))

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
            yield self.at("P216", msg("P216.loop", cycle=" → ".join([*cycle, cycle[0]])),
                          ("roles", first, "backups"))

    def branches(self) -> Iterator[Diagnostic]:
        reached: dict[str, tuple[str, str]] = {}
        for sid, step in self.plan.steps.items():
            if not step.branches:
                continue
            total = sum(b.p for b in step.branches.values())
            if abs(total - 1.0) > 1e-6:
                yield self.at("P209", msg("P209.sum", step=sid, total=total),
                              ("steps", sid, "branches"))
            for outcome, branch in step.branches.items():
                for i, nxt in enumerate(branch.next):
                    if nxt in reached and reached[nxt] != (sid, outcome):
                        first = "' / '".join(reached[nxt])
                        yield self.at("P215", msg("P215.two", step=nxt, by_step=sid,
                                                  by_outcome=outcome, first=first),
                                      self.item(("steps", sid, "branches", outcome, "next"),
                                                "", i),
                                      hint=msg("P215.hint"))
                    reached.setdefault(nxt, (sid, outcome))

    def levels(self) -> Iterator[Diagnostic]:
        plan = self.plan
        missing = [lv.numeral for lv in LEVELS_LOW_TO_HIGH if lv not in plan.levels]
        if missing:
            yield self.at("P217", msg("P217.missing", levels=" ".join(missing)),
                          ("levels",), key=True, hint=msg("P217.hint"))
        for level, spec in plan.levels.items():
            if spec.color != level.default_color:
                yield self.at("P218", msg("P218.colour", level=level.numeral,
                                          color=str(spec.color),
                                          expected=str(level.default_color)),
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
                    yield self.at("P222", msg("P222.falls", metric=metric,
                                              high_value=high_value, high=high.numeral,
                                              low_value=low_value, low=low.numeral),
                                  ("levels", high.value, "when"))

    def usage(self) -> Iterator[Diagnostic]:
        plan = self.plan
        used_targets = {t for s in plan.steps.values() for t in s.target}
        for tid in plan.targets:
            if tid not in used_targets:
                yield self.at("P213", msg("P213.unused", target=tid),
                              ("targets", tid), key=True, hint=msg("P213.hint", target=tid))
        used_roles = {s.role for s in plan.steps.values()}
        used_roles |= {r for s in plan.steps.values() for r in s.mobilises}
        used_roles |= {b for r in plan.roles.values() for b in r.backups}
        for rid in plan.roles:
            if rid not in used_roles:
                yield self.at("P214", msg("P214.unused", role=rid), ("roles", rid), key=True)
        if not plan.command_roles:
            yield self.at("P211", msg("P211.no_command"), ("roles",), key=True,
                          hint=msg("P211.hint"))
        if not any(s.stage is Stage.FEEDBACK for s in plan.steps.values()):
            yield self.at("P212", msg("P212.no_feedback"), ("steps",),
                          key=True, hint=msg("P212.hint"))

    def callouts_and_travel(self) -> Iterator[Diagnostic]:
        for rid, role in self.plan.roles.items():
            if role.callout.mode == "waves" and not role.callout.wave_size:
                yield self.at("P224", msg("P224.waves", role=rid),
                              ("roles", rid, "callout"), hint=msg("P224.hint"))
        for sid, step in self.plan.steps.items():
            if step.travel and (step.role is None or step.at is None):
                missing = "P225.no_role" if step.role is None else "P225.no_place"
                yield self.at("P225", msg(missing, step=sid), ("steps", sid), key=True,
                              hint=msg("P225.hint"))

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
                yield self.at("P219", msg("P219.later", step=sid, role=step.role or "",
                                          caller=callers[0]), ("steps", sid, "role"),
                              hint=msg("P219.hint", caller=callers[0], step=sid))

    # -- per level --------------------------------------------------------------------------

    def per_level(self) -> Iterator[Diagnostic]:
        plan = self.plan
        reported: set[tuple[str, str]] = set()
        for level in LEVELS_LOW_TO_HIGH:
            active = plan.steps_at(level)
            if not active:
                yield self.at("P207", msg("P207.no_steps", level=level.numeral), ("steps",),
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
                    yield self.at("P206", msg("P206.unreachable", step=sid,
                                              level=level.numeral, preds=gone),
                                  ("steps", sid), key=True, hint=msg("P206.hint"))
                if step.role is None or step.role not in plan.roles:
                    continue
                need = plan.headcount(sid, level)
                have = plan.roles[step.role].count_at(level)
                if need == 0 and ("P220", sid) not in reported:
                    reported.add(("P220", sid))
                    own = step.headcount is not None
                    yield self.at(
                        "P220",
                        msg("P220.own", step=sid, level=level.numeral) if own else
                        msg("P220.role", step=sid, level=level.numeral, role=step.role),
                        ("steps", sid, "headcount" if own else "role"),
                        hint=msg("P220.hint.own", key=level.value) if own else
                        msg("P220.hint.role", role=step.role, key=level.value))
                elif (step.min_present and need and step.min_present > need
                      and ("P223", sid) not in reported):
                    reported.add(("P223", sid))
                    yield self.at("P223", msg("P223.present", step=sid,
                                              present=step.min_present, need=need,
                                              level=level.numeral),
                                  ("steps", sid, "min_present"), hint=msg("P223.hint"))
                elif need > have and ("P221", sid) not in reported:
                    reported.add(("P221", sid))
                    yield self.at("P221", msg("P221.exceeds", step=sid, need=need,
                                              level=level.numeral, role=step.role,
                                              have=have),
                                  ("steps", sid, "headcount"))
        for rid, role in plan.roles.items():
            for low, high in itertools.pairwise(LEVELS_LOW_TO_HIGH):
                if role.count_at(high) < role.count_at(low):
                    yield self.at("P208", msg("P208.shrinks", role=rid,
                                              low_count=role.count_at(low), low=low.numeral,
                                              high_count=role.count_at(high),
                                              high=high.numeral), ("roles", rid, "count"))
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
                    "P210", msg("P210.tight", target=check.target,
                                within=format_duration(check.within), step=check.step,
                                level=level.numeral, earliest=format_duration(check.earliest)),
                    self.item(("steps", check.step, "target"), "",
                              self.plan.steps[check.step].target.index(check.target)),
                    hint=msg("P210.hint"))


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
