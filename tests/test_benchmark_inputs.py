"""The benchmark's generated plans are valid, so the benchmark measures the full lint."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate import generated_plan_text

from console.plans import Level, PlanGraph, load_plan_text


@pytest.mark.parametrize("steps", [20, 200])
def test_generated_plan_is_clean(steps: int) -> None:
    """A generated plan has no diagnostics and as many steps as asked (plus feedback)."""
    loaded = load_plan_text(generated_plan_text(steps))
    assert loaded.diagnostics == ()
    assert loaded.plan is not None
    assert len(loaded.plan.steps) == steps + 1
    assert PlanGraph(loaded.plan, Level.I).order[0] == "s0"
