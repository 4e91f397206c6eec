"""The plan graph on small plans whose every number can be checked by hand.

Times are seconds from the alert. Durations: ``{min, likely, max}``; the expected
estimate uses the triangular mean (min + likely + max) / 3.
"""

from __future__ import annotations

import pytest

from console.plans import Level, PlanGraph, load_plan, load_plan_text, plan_graphs
from console.plans.graph import MAX_COMBINATIONS
from console.plans.vocabulary import Lane

from .conftest import MINIMAL, plan_text


def _plan(steps: str, **kwargs: str):
    loaded = load_plan_text(plan_text(steps, **kwargs), "graph.yaml")
    assert loaded.plan is not None, [d.format() for d in loaded.diagnostics]
    return loaded


def _graph(steps: str, level: Level = Level.IV, **kwargs: str) -> PlanGraph:
    loaded = _plan(steps, **kwargs)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert loaded.plan is not None
    return PlanGraph(loaded.plan, level)


# -- joins ---------------------------------------------------------------------------------

JOINS = """\
  a: {title: A, lane: town, role: officer, duration: 1m}
  b: {title: B, lane: town, role: officer, after: a, duration: {min: 1m, likely: 2m, max: 6m}}
  c: {title: C, lane: village, role: officer, after: a, duration: 5m}
  d: {title: D, lane: town, role: officer, after: [b, c], duration: 1m}
  e: {title: E, lane: grid, role: officer, stage: feedback, after: {any: [b, c]}, duration: 1m}
  f: {title: F, lane: grid, role: officer, after: {all: [a], any: [d, e]}, duration: 30s}
"""
JOIN_ROLES = "  officer: {title: 值班员, from: {unit: command_centre}, command: true}\n"


@pytest.fixture(scope="module")
def joins() -> PlanGraph:
    return _graph(JOINS, roles=JOIN_ROLES)


def test_joins_structure(joins: PlanGraph) -> None:
    assert joins.order == ("a", "b", "c", "d", "e", "f")
    assert joins.roots == ("a",)
    assert joins.decisions == {}
    assert joins.graph.edges["b", "d"]["kind"] == "all"
    assert joins.graph.edges["c", "e"]["kind"] == "any"
    assert joins.graph.edges["a", "f"]["kind"] == "all"
    assert joins.lanes() == {Lane.CITY: (), Lane.TOWN: ("a", "b", "d"), Lane.VILLAGE: ("c",),
                             Lane.GRID: ("e", "f")}


def test_joins_expected(joins: PlanGraph) -> None:
    s = joins.schedule("expected")
    # a 0–60; b 60–240 (mean 3m); c 60–360; d waits for both: 360–420;
    # e waits for either: 240–300; f needs a and the first of d, e: 300–330.
    assert dict(s.start) == {"a": 0, "b": 60, "c": 60, "d": 360, "e": 240, "f": 300}
    assert dict(s.finish) == {"a": 60, "b": 240, "c": 360, "d": 420, "e": 300, "f": 330}
    assert s.total == 420
    assert s.critical_path == ("a", "c", "d")
    assert s.skipped == frozenset()
    assert dict(s.outcomes) == {}


def test_joins_shortest_and_longest(joins: PlanGraph) -> None:
    paths = joins.critical_paths()
    shortest, expected, longest = paths["shortest"], paths["expected"], paths["longest"]
    assert (shortest.estimate, expected.estimate, longest.estimate) == (
        "shortest", "expected", "longest")
    # shortest: b takes 1m, so e starts at 120; d still waits for c (360).
    assert shortest.finish["b"] == 120 and shortest.start["e"] == 120
    assert shortest.total == 420 and shortest.critical_path == ("a", "c", "d")
    # longest: b takes 6m (60–420), overtaking c: d 420–480, e starts with c at 360.
    assert longest.finish["b"] == 420 and longest.start["e"] == 360
    assert longest.total == 480 and longest.critical_path == ("a", "b", "d")
    assert expected.total == 420


def test_schedule_with_given_durations(joins: PlanGraph) -> None:
    durations = {"a": 10, "b": 100, "c": 50, "d": 1, "e": 1, "f": 1}
    s = joins.schedule(durations=durations)
    assert dict(s.finish) == {"a": 10, "b": 110, "c": 60, "d": 111, "e": 61, "f": 62}
    assert s.critical_path == ("a", "b", "d")


def test_durations_per_estimate(joins: PlanGraph) -> None:
    assert joins.durations("shortest")["b"] == 60
    assert joins.durations("expected")["b"] == 180
    assert joins.durations("longest")["b"] == 360
    assert joins.durations("expected")["c"] == 300


# -- order ---------------------------------------------------------------------------------


def test_order_follows_dependencies_then_declaration() -> None:
    graph = _graph(
        "  report:  {title: 反馈, lane: grid, role: officer, stage: feedback, after: verify}\n"
        "  verify:  {title: 核实, lane: grid, role: officer, after: receive}\n"
        "  receive: {title: 接收, lane: town, role: officer}\n"
        "  aside:   {title: 旁支, lane: town, role: officer}\n",
        roles=JOIN_ROLES,
    )
    # receive and aside are ready first; receive was declared first, then verify
    # (declared before aside) becomes ready, and so on.
    assert graph.order == ("receive", "verify", "report", "aside")
    assert graph.roots == ("receive", "aside")
    s = graph.schedule()
    assert s.total == 0 and s.critical_path == ("receive",)


# -- branches ------------------------------------------------------------------------------

BRANCHES = """\
  alert:    {title: 接警, lane: town, role: officer, stage: report, duration: 30s, target: respond}
  decide:   {title: 研判, lane: town, role: officer, after: alert, duration: 30s,
             branches: {minor: {p: 0.7, next: advise}, major: {p: 0.3, next: mobilise}}}
  advise:   {title: 劝导, lane: grid, role: officer, duration: 5m}
  mobilise: {title: 调度, lane: town, role: officer, mobilises: squad, duration: 1m,
             target: dispatch}
  attack:   {title: 扑救, lane: village, role: squad, after: mobilise, target: [arrive, handle],
             duration: {min: 5m, likely: 8m, max: 30m}}
  escalate: {title: 上报, lane: city, role: officer, after: mobilise, levels: II+, duration: 2m}
  feedback: {title: 反馈, lane: grid, role: officer, stage: feedback, duration: 1m,
             after: {any: [advise, attack]}, target: close_loop}
"""
BRANCH_TARGETS = """\
  respond: 1m
  dispatch: 3m
  arrive: {within: 5m, measure: start}
  handle: {within: 4m, from: mobilise}
  close_loop: 15m
"""


@pytest.fixture(scope="module")
def branching():
    loaded = _plan(BRANCHES, targets=BRANCH_TARGETS)
    return loaded


def test_branch_plan_lints_with_one_tight_target(branching) -> None:
    assert [(d.code, d.line, d.column) for d in branching.diagnostics] == [("P210", 29, 87)]
    assert "'handle' (4m) cannot be met by step 'attack'" in branching.diagnostics[0].message
    assert "takes 5m" in branching.diagnostics[0].message


def test_branch_structure(branching) -> None:
    graph = PlanGraph(branching.plan, Level.IV)
    assert graph.order == ("alert", "decide", "advise", "mobilise", "attack", "feedback")
    assert set(graph.decisions) == {"decide"}
    assert graph.most_likely_outcomes() == {"decide": "minor"}
    assert list(graph.outcome_combinations()) == [{"decide": "minor"}, {"decide": "major"}]
    assert graph.graph.edges["decide", "mobilise"] == {"kind": "branch", "outcome": "major"}
    assert graph.roots == ("alert",)


def test_branch_expected_takes_the_likeliest_outcome(branching) -> None:
    s = PlanGraph(branching.plan, Level.IV).schedule("expected")
    assert dict(s.outcomes) == {"decide": "minor"}
    assert s.skipped == frozenset({"mobilise", "attack"})
    assert not s.ran("attack") and s.ran("advise")
    assert dict(s.start) == {"alert": 0, "decide": 30, "advise": 60, "feedback": 360}
    assert s.total == 420
    assert s.critical_path == ("alert", "decide", "advise", "feedback")


def test_branch_chosen_by_the_operator(branching) -> None:
    s = PlanGraph(branching.plan, Level.IV).schedule("expected", {"decide": "major"})
    assert s.skipped == frozenset({"advise"})
    # attack: mean of 5m, 8m, 30m = 860 s, from 120 to 980
    assert dict(s.finish) == {"alert": 30, "decide": 60, "mobilise": 120, "attack": 980,
                              "feedback": 1040}
    assert s.critical_path == ("alert", "decide", "mobilise", "attack", "feedback")


def test_branch_critical_paths(branching) -> None:
    paths = PlanGraph(branching.plan, Level.IV).critical_paths()
    assert paths["shortest"].total == 420  # minor: advise is quicker than any attack
    assert dict(paths["shortest"].outcomes) == {"decide": "minor"}
    assert paths["expected"].total == 420
    assert paths["longest"].total == 1980  # major with a 30-minute attack
    assert dict(paths["longest"].outcomes) == {"decide": "major"}
    assert paths["longest"].critical_path == ("alert", "decide", "mobilise", "attack",
                                              "feedback")


def test_levels_add_steps(branching) -> None:
    graphs = plan_graphs(branching.plan)
    assert list(graphs) == [Level.IV, Level.III, Level.II, Level.I]
    assert "escalate" not in graphs[Level.IV].steps
    assert "escalate" not in graphs[Level.III].graph
    assert "escalate" in graphs[Level.II].steps and "escalate" in graphs[Level.I].steps
    major = graphs[Level.II].schedule("shortest", {"decide": "major"})
    assert (major.start["escalate"], major.finish["escalate"]) == (120, 240)
    assert major.total == 480  # escalation runs beside the attack and ends first
    minor = graphs[Level.II].schedule("shortest")
    assert "escalate" in minor.skipped  # its predecessor was not chosen


def test_target_earliest_times(branching) -> None:
    checks = {(c.target, c.step): c for c in PlanGraph(branching.plan, Level.IV).target_checks()}
    assert {key: (c.within, c.earliest) for key, c in checks.items()} == {
        ("respond", "alert"): (60, 30),  # alert finishes at 30 s
        ("dispatch", "mobilise"): (180, 120),  # only when major: 60 + 1m
        ("arrive", "attack"): (300, 120),  # measured to the start of the attack
        ("handle", "attack"): (240, 300),  # from mobilise's finish to attack's: 5m at best
        ("close_loop", "feedback"): (900, 420),  # the quicker (minor) outcome
    }
    assert checks["respond", "alert"].slack == 30
    assert checks["handle", "attack"].slack == -60
    assert not checks["handle", "attack"].can_meet
    assert all(c.can_meet for key, c in checks.items() if key[0] != "handle")
    assert all(c.reachable for c in checks.values())


def _moments(graph: PlanGraph, target_id: str, sid: str) -> list[float]:
    """The target's measure in every combination of outcomes in which it can be taken."""
    target = graph.plan.targets[target_id]
    found = []
    for combo in graph.outcome_combinations():
        s = graph.schedule("shortest", combo)
        if s.ran(sid) and (target.from_ is None or s.ran(target.from_)):
            moment = s.start[sid] if target.measure == "start" else s.finish[sid]
            found.append(moment - (s.finish[target.from_] if target.from_ else 0))
    return found


def test_target_earliest_is_a_lower_bound(branching) -> None:
    for level in (Level.IV, Level.II):
        graph = PlanGraph(branching.plan, level)
        for check in graph.target_checks():
            moments = _moments(graph, check.target, check.step)
            assert moments and check.earliest is not None
            assert check.earliest <= min(moments)


def test_target_on_a_step_that_never_runs() -> None:
    """An all-join over two exclusive outcomes never runs (no rule catches that yet);
    its target check must at least not claim a target is missed."""
    loaded = _plan(
        BRANCHES + "  summary:  {title: 汇总, lane: town, role: officer, after: [advise, attack],"
        " target: respond}\n",
        targets=BRANCH_TARGETS,
    )
    graph = PlanGraph(loaded.plan, Level.IV)
    for combo in graph.outcome_combinations():
        assert "summary" in graph.schedule("longest", combo).skipped
    (check,) = [c for c in graph.target_checks() if c.step == "summary"]
    assert not check.can_meet
    assert [d.code for d in loaded.diagnostics] == ["P210", "P210"]


def test_target_from_a_step_is_measured_within_one_outcome() -> None:
    """Regression: f finishes at 1m when outcome a is taken, but y only runs under b,
    where f finishes at 10m together with q. Measured from f, y takes 0 s, not 9m."""
    loaded = _plan(
        "  d: {title: 研判, lane: town, role: officer, stage: feedback,\n"
        "      branches: {a: {p: 0.5, next: p}, b: {p: 0.5, next: q}}}\n"
        "  p: {title: 快, lane: town, role: officer, duration: 1m}\n"
        "  q: {title: 慢, lane: town, role: officer, duration: 10m}\n"
        "  f: {title: 汇合, lane: town, role: officer, after: {any: [p, q]}}\n"
        "  y: {title: 收尾, lane: town, role: officer, after: [q, f], target: t}\n",
        roles=JOIN_ROLES, targets="  t: {within: 1m, from: f}\n")
    assert loaded.diagnostics == ()
    (check,) = PlanGraph(loaded.plan, Level.IV).target_checks()
    assert (check.earliest, check.can_meet) == (0, True)


def test_any_join_with_every_predecessor_skipped() -> None:
    loaded = _plan(BRANCHES + "  only_attack: {title: 仅扑救后, lane: town, role: officer,"
                   " after: {any: [attack]}}\n", targets=BRANCH_TARGETS)
    graph = PlanGraph(loaded.plan, Level.IV)
    assert "only_attack" in graph.schedule().skipped
    assert graph.schedule(outcomes={"decide": "major"}).ran("only_attack")


# -- many decisions ------------------------------------------------------------------------


def _decisions(count: int) -> str:
    lines = []
    for i in range(count):
        after = f", after: {{any: [y{i - 1}, n{i - 1}]}}" if i else ""
        lines.append(f"  d{i}: {{title: 决策{i}, lane: town, role: officer{after},"
                     f" branches: {{yes: {{p: 0.6, next: y{i}}}, no: {{p: 0.4, next: n{i}}}}}}}")
        lines.append(f"  y{i}: {{title: 是{i}, lane: town, role: officer, duration: 1m}}")
        lines.append(f"  n{i}: {{title: 否{i}, lane: town, role: officer, duration: 2m}}")
    return "\n".join(lines) + "\n"


def test_all_combinations_up_to_the_limit() -> None:
    graph = _graph(_decisions(10), roles=JOIN_ROLES)
    assert MAX_COMBINATIONS == 2**10
    assert len(list(graph.outcome_combinations())) == 1024
    assert graph._combinations_count() == 1024


def test_beyond_the_limit_likeliest_and_single_deviations() -> None:
    graph = _graph(_decisions(11), roles=JOIN_ROLES)
    combos = list(graph.outcome_combinations())
    assert len(combos) == 1 + 11 == graph._combinations_count()
    assert combos[0] == {f"d{i}": "yes" for i in range(11)}
    assert all(sum(v == "no" for v in c.values()) == 1 for c in combos[1:])
    paths = graph.critical_paths()
    assert paths["shortest"].total == 11 * 60
    assert paths["longest"].total == 10 * 60 + 120  # one 'no' at most among the samples
    assert paths["expected"].total == 11 * 60


# -- the sample plan, level by level -------------------------------------------------------


def test_minimal_plan_levels() -> None:
    plan = load_plan(MINIMAL).plan
    assert plan is not None
    graphs = plan_graphs(plan)
    assert "escalate" not in graphs[Level.IV].steps
    assert "escalate" not in graphs[Level.III].steps
    assert "escalate" in graphs[Level.II].steps
    iv = graphs[Level.IV].critical_paths()
    # straw burning (0.6): receive 30s, verify 1–2–6m, decide 30s, advise 5m, feedback 1m
    assert iv["expected"].critical_path == ("receive", "verify", "decide", "advise", "feedback")
    assert iv["expected"].total == 30 + 180 + 30 + 300 + 60
    assert iv["shortest"].total == 30 + 60 + 30 + 300 + 60
    # wildfire with everything at its longest: verify 6m, mobilise 0, attack 30m
    assert iv["longest"].total == 30 + 360 + 30 + 0 + 1800 + 60
    checks = {c.target: c.earliest for c in graphs[Level.IV].target_checks()}
    assert checks == {"respond": 30, "dispatch": 120, "arrive": 120, "close_loop": 480}


def test_empty_level_gives_an_empty_schedule() -> None:
    loaded = load_plan_text(plan_text(
        "  a: {title: A, lane: town, role: officer, stage: feedback, levels: III+}\n",
        roles=JOIN_ROLES))
    assert [d.code for d in loaded.errors] == ["P207"]
    assert loaded.plan is not None
    graph = PlanGraph(loaded.plan, Level.IV)
    assert graph.order == () and graph.roots == ()
    s = graph.critical_paths()["longest"]
    assert s.total == 0 and s.critical_path == () and s.skipped == frozenset()
    assert graph.target_checks() == []
