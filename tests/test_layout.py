"""The plan graph layout (console/plans/layout.py): deterministic, lane-true, readable."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from console.paths import shipped_plans_dir
from console.plans import iter_plan_files, load_plan_text, read_plan
from console.plans.layout import PlanLayout, layout_plan, text_width_em, wrap_text
from console.plans.vocabulary import Lane

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import generated_plan_text

SHIPPED = sorted(iter_plan_files([shipped_plans_dir()]))


def _chain_plan(extra_steps: str = "") -> str:
    return f"""\
format: 1
id: tiny
title: 小预案
hazard: other
version: "1"
status: draft
owner: 测试
levels:
  IV: {{name: 一般, color: blue, trigger: t}}
  III: {{name: 较大, color: yellow, trigger: t}}
  II: {{name: 重大, color: orange, trigger: t}}
  I: {{name: 特别重大, color: red, trigger: t}}
roles:
  boss: {{title: 指挥长, from: {{unit: leadership}}, count: 1, command: true}}
steps:
  a: {{title: 接警, lane: town, role: boss, duration: 1m}}
  b: {{title: 受理, lane: town, role: boss, after: a, duration: 1m}}
  c: {{title: 反馈, lane: town, role: boss, stage: feedback, after: b, duration: 1m}}
{extra_steps}"""


@pytest.fixture(scope="module")
def layouts() -> dict[str, tuple[object, PlanLayout]]:
    result = {}
    for path in SHIPPED:
        plan = read_plan(path)
        result[path.name] = (plan, layout_plan(plan))
    return result


def test_same_plan_same_layout() -> None:
    """Laying out a plan twice gives identical JSON."""
    plan = read_plan(SHIPPED[0])
    first = json.dumps(layout_plan(plan).as_dict(), sort_keys=True)
    assert json.dumps(layout_plan(plan).as_dict(), sort_keys=True) == first


def test_layout_is_plain_json(layouts: dict[str, tuple[object, PlanLayout]]) -> None:
    """as_dict() holds only JSON types: one node per step, one edge per dependency."""
    plan, layout = layouts["forest-fire.yaml"]
    data = json.loads(json.dumps(layout.as_dict()))
    assert [n["id"] for n in data["nodes"]] == list(plan.steps)  # type: ignore[attr-defined]
    assert {e["kind"] for e in data["edges"]} <= {"all", "any", "branch"}
    assert [band["lane"] for band in data["lanes"]] == [lane.value for lane in Lane]


def test_every_edge_points_right(layouts: dict[str, tuple[object, PlanLayout]]) -> None:
    """x comes from the longest-path rank: every dependency goes to a later column."""
    for _, layout in layouts.values():
        for edge in layout.edges:
            source, target = layout.nodes[edge.source], layout.nodes[edge.target]
            assert target.rank > source.rank
            assert target.x > source.x + source.width
            assert edge.start == (source.x + source.width, source.y + source.height / 2)


def test_longest_path_rank() -> None:
    """A step's column is the longest chain of dependencies before it."""
    text = _chain_plan("  d: {title: 旁路, lane: grid, role: boss, after: [a, c], duration: 1m}\n")
    layout = layout_plan(load_plan_text(text).plan)  # type: ignore[arg-type]
    assert {sid: box.rank for sid, box in layout.nodes.items()} == {"a": 0, "b": 1, "c": 2,
                                                                     "d": 3}
    assert len({box.y for sid, box in layout.nodes.items() if sid != "d"}) == 1  # a straight line


def test_boxes_sit_in_their_lane_and_never_overlap(
        layouts: dict[str, tuple[object, PlanLayout]]) -> None:
    """Each box lies inside its lane's band; no two boxes overlap; lanes stack city → grid."""
    for plan, layout in layouts.values():
        bands = {band.lane: band for band in layout.lanes}
        tops = [band.y for band in layout.lanes]
        assert tops == sorted(tops)
        boxes = list(layout.nodes.values())
        for box in boxes:
            assert box.lane == plan.steps[box.id].lane.value  # type: ignore[attr-defined]
            band = bands[box.lane]
            assert band.y <= box.y and box.y + box.height <= band.y + band.height
            assert box.x + box.width <= layout.width and box.y + box.height <= layout.height
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                apart = (a.x + a.width <= b.x or b.x + b.width <= a.x
                         or a.y + a.height <= b.y or b.y + b.height <= a.y)
                assert apart, (a.id, b.id)


def test_cycle_is_refused() -> None:
    """A plan whose steps form a cycle cannot be laid out (lint reports P205)."""
    text = _chain_plan().replace("after: a, duration", "after: c, duration")
    loaded = load_plan_text(text)
    assert loaded.plan is not None
    with pytest.raises(ValueError, match="P205"):
        layout_plan(loaded.plan)


def test_thousand_steps_lay_out() -> None:
    """A generated 1,000-step plan lays out completely (benchmarks/bench_graph_view.py
    measures how fast)."""
    plan = load_plan_text(generated_plan_text(1000)).plan
    assert plan is not None
    layout = layout_plan(plan)
    assert len(layout.nodes) == len(plan.steps)


@pytest.mark.parametrize(("text", "lines"), [
    ("接收烟火预警并推送农业服务中心", ("接收烟火预警并推送", "农业服务中心")),
    ("Grid leader calls out the squad", ("Grid leader calls", "out the squad")),
    ("短", ("短",)),
    ("", ()),
])
def test_wrap_text(text: str, lines: tuple[str, ...]) -> None:
    """Chinese breaks anywhere, English at spaces; each line fits the width."""
    assert wrap_text(text, 9.5, 3) == lines


def test_wrap_text_ellipsis() -> None:
    """Text beyond the last line ends with an ellipsis and still fits."""
    lines = wrap_text("很" * 40, 10, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(text_width_em(line) <= 10 for line in lines)
    assert wrap_text("x" * 200, 5, 1)[0].endswith("…")
