"""Large hostile plans stay quick: checks that were quadratic took minutes here.

The bounds are generous (each case takes well under a second); they catch a return
to quadratic work, which took from 20 s to several minutes at these sizes.
"""

from __future__ import annotations

import time

from console.plans import Level, PlanGraph, load_plan_text

from .conftest import plan_text

OFFICER = "  officer: {title: 值班员, from: {unit: command_centre}, command: true}\n"
SQUAD = "  squad: {title: 小分队, from: {village: incident}}\n"


def _timed(text: str):
    started = time.perf_counter()
    loaded = load_plan_text(text)
    return loaded, time.perf_counter() - started


def test_thousands_of_unknown_steps() -> None:
    steps = "".join(
        f"  step_{i}: {{title: 步骤, lane: town, role: officer, stage: feedback,"
        f" after: [stpe_{i}x]}}\n" for i in range(3000))
    loaded, seconds = _timed(plan_text(steps, roles=OFFICER))
    unknown = [d for d in loaded.diagnostics if d.code == "P201"]
    assert len(unknown) == 3000
    assert "did you mean" in unknown[0].message  # the first ones still get suggestions
    assert seconds < 10


def test_long_chain_of_steps_for_a_role_mobilised_last() -> None:
    steps = ("  s0: {title: 步骤, lane: town, role: squad}\n"
             + "".join(f"  s{i}: {{title: 步骤, lane: town, role: squad, after: s{i - 1}}}\n"
                       for i in range(1, 5000))
             + "  call: {title: 调度, lane: town, role: officer, stage: feedback,"
               " mobilises: squad}\n")
    loaded, seconds = _timed(plan_text(steps, roles=OFFICER + SQUAD))
    assert [d.code for d in loaded.diagnostics] == ["P219"] * 5000
    assert seconds < 10


def test_many_decisions_and_a_target_measured_from_a_step() -> None:
    steps = "".join(
        f"  d{i}: {{title: 研判, lane: town, role: officer, stage: feedback,"
        + (f" after: {{any: [x{i - 1}, y{i - 1}]}}," if i else "")
        + f" branches: {{a: {{p: 0.5, next: [x{i}]}}, b: {{p: 0.5, next: [y{i}]}}}}}}\n"
        f"  x{i}: {{title: 甲, lane: town, role: officer}}\n"
        f"  y{i}: {{title: 乙, lane: town, role: officer, target: t}}\n"
        for i in range(1500))
    loaded, seconds = _timed(plan_text(steps, roles=OFFICER,
                                       targets="  t: {within: 1m, from: d0}\n"))
    assert loaded.ok, [d.format() for d in loaded.diagnostics][:5]
    assert seconds < 10
    assert loaded.plan is not None
    checks = PlanGraph(loaded.plan, Level.IV).target_checks()
    assert len(checks) == 1500 and all(c.can_meet for c in checks)
