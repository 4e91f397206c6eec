"""Measurable triggers suggest a response level from readings."""

from __future__ import annotations

import pytest

from console.plans import Level, load_plan_text
from console.plans.triggers import parse_reading, plan_metrics, suggest_level

PLAN = """\
format: 1
id: t
title: 测试
hazard: flood_drought
version: "1"
status: draft
owner: 测试
levels:
  IV: {name: 一般, color: blue, trigger: 暴雨, when: [{metric: rain_mm, at_least: 50}]}
  III: {name: 较大, color: yellow, trigger: 大暴雨, when: [{metric: rain_mm, at_least: 100}]}
  II: {name: 重大, color: orange, trigger: 特大暴雨,
       when: [{metric: rain_mm, at_least: 250}, {metric: dam_danger, is: true}]}
  I: {name: 特别重大, color: red, trigger: 溃坝, when: [{metric: dam_breach, is: true}]}
roles:
  boss: {title: 指挥长, from: {unit: leadership}, command: true}
steps:
  go: {title: 启动, lane: town, role: boss, stage: feedback}
"""


@pytest.fixture(scope="module")
def plan():  # type: ignore[no-untyped-def]
    loaded = load_plan_text(PLAN)
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


@pytest.mark.parametrize(
    ("readings", "level"),
    [
        ({"rain_mm": 49}, None),
        ({"rain_mm": 50}, Level.IV),
        ({"rain_mm": 120}, Level.III),
        ({"rain_mm": 120, "dam_danger": True}, Level.II),
        ({"rain_mm": 10, "dam_breach": True}, Level.I),
        ({"dam_breach": False}, None),
        ({"unknown": 1}, None),
    ],
)
def test_highest_level_reached_is_suggested(plan, readings, level) -> None:  # type: ignore[no-untyped-def]
    """The highest level with any trigger reached wins; unknown metrics are ignored."""
    suggestion = suggest_level(plan, readings)
    assert (suggestion.level if suggestion else None) == level


def test_metrics_and_readings(plan) -> None:  # type: ignore[no-untyped-def]
    """Metrics are listed once; readings parse numbers and yes/no."""
    assert list(plan_metrics(plan)) == ["rain_mm", "dam_danger", "dam_breach"]
    assert parse_reading("rain_mm=120") == ("rain_mm", 120.0)
    assert parse_reading("dam_danger=是") == ("dam_danger", True)
    with pytest.raises(ValueError, match="metric=value"):
        parse_reading("rain_mm")
    with pytest.raises(ValueError, match="not a number"):
        parse_reading("rain_mm=lots")
