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


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "  网格员或监测员核实发生滑坡崩塌或出现明显变形 为是: 是"),
    ("en", "  网格员或监测员核实发生滑坡崩塌或出现明显变形 is true: true"),
])
def test_plan_level_command_speaks_the_chosen_language(capsys, lang, expected) -> None:  # type: ignore[no-untyped-def]
    from console.cli import main

    code = main(["plan", "level", "plans/geological.yaml", "hazard_confirmed=true",
                 "--lang", lang])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Ⅳ 一般 (IV, blue): ")
    assert expected in out.splitlines()


def test_plan_level_without_readings_lists_the_metrics_in_chinese(capsys) -> None:  # type: ignore[no-untyped-def]
    from console.cli import main

    assert main(["plan", "level", "plans/geological.yaml"]) == 2
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "预案 geological 的指标："
    assert "  threatened_people: 受威胁人数 (人) — 数值" in out.splitlines()
