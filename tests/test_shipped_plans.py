"""The five shipped plans stay complete, realistic and clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.paths import shipped_plans_dir
from console.plans import LEVELS_LOW_TO_HIGH, Level, PlanGraph, iter_plan_files, load_plan
from console.plans.vocabulary import Lane, Stage

EXPECTED = {
    "flood-drought": "flood_drought",
    "forest-fire": "forest_fire",
    "petition": "petition",
    "geological": "geological",
    "snow-ice": "snow_ice",
}
FILES = sorted(iter_plan_files([shipped_plans_dir()]))


def test_the_five_plans_are_shipped() -> None:
    """Each hazard the town needs has its plan, named after its id."""
    assert {p.stem for p in FILES} == set(EXPECTED)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_plan_is_clean_and_complete(path: Path) -> None:
    """Zero errors, zero warnings, and the shape issue #2 asks for."""
    loaded = load_plan(path)
    assert [d.format() for d in loaded.diagnostics] == []
    plan = loaded.plan
    assert plan is not None
    assert plan.id == path.stem
    assert plan.hazard.value == EXPECTED[plan.id]
    assert set(plan.levels) == set(LEVELS_LOW_TO_HIGH)
    assert 12 <= len(plan.steps) <= 40
    assert {s.lane for s in plan.steps.values()} == set(Lane)
    assert {s.stage for s in plan.steps.values()} >= set(Stage)
    assert any(s.branches for s in plan.steps.values())
    assert plan.command_roles
    assert any(spec.when for spec in plan.levels.values()), "measurable triggers"
    units = {sel.unit for role in plan.roles.values() for sel in role.from_}
    assert any(u is not None and u.value in {"party_building", "economic_development",
                                             "livelihood_services", "safety_rule_of_law"}
               for u in units), "roles are drawn from the four boards"
    for level in LEVELS_LOW_TO_HIGH:
        checks = PlanGraph(plan, level).target_checks()
        assert checks and all(c.can_meet for c in checks if c.reachable)


def test_forest_fire_can_close_the_shengdi_loop_in_15_minutes() -> None:
    """The Shengdi smoke case: the loop closes within 15 minutes at level Ⅳ."""
    plan = load_plan(shipped_plans_dir() / "forest-fire.yaml").plan
    assert plan is not None
    loop = plan.targets["close_loop"]
    assert loop.within == 15 * 60
    graph = PlanGraph(plan, Level.IV)
    for check in graph.target_checks():
        assert check.can_meet, check
    assert graph.critical_paths()["expected"].total <= 15 * 60
