"""What Python sends the graph page: decided in Python, plain JSON, texts fitted."""

from __future__ import annotations

import json

import pytest

from console.plans import LEVELS_LOW_TO_HIGH, Level
from console.plans.layout import text_width_em
from console.views.graph_payload import (
    BOARD_COLOURS,
    FONT,
    STAGE_COLOURS,
    GraphLabels,
    graph_payload,
    step_board,
)
from console.views.plan_document import PlanDocument, open_plan_document, plan_document

from .conftest import FOREST_FIRE

LABELS = GraphLabels(
    lanes={"city": "区(市)", "town": "镇", "village": "村(社区)", "grid": "网格"},
    stages={"report": "上报", "accept": "受理", "assign": "转办", "handle": "处置",
            "feedback": "反馈"},
    units={k: k for k in BOARD_COLOURS}, no_stage="无", no_unit="外部", stage_legend="环节",
    board_legend="板块", after_all="全部", after_any="任一", branch="分支", critical="关键路径",
    critical_total="关键路径 %1", not_at_level="不适用", outside="外部力量",
)


@pytest.fixture(scope="module")
def document() -> PlanDocument:
    return open_plan_document(FOREST_FIRE)


def test_payload_is_json_with_one_box_per_step(document: PlanDocument) -> None:
    """Each level's payload is plain JSON holding exactly that level's steps."""
    for level in LEVELS_LOW_TO_HIGH:
        payload = json.loads(json.dumps(graph_payload(document, level, "stage", LABELS)))
        assert {n["id"] for n in payload["nodes"]} == document.levels[level].applies
        assert all(n["active"] for n in payload["nodes"])
        assert payload["level"] == level.value


def test_all_levels_marks_the_others(document: PlanDocument) -> None:
    """With every level drawn, the steps of other levels are marked inactive."""
    payload = graph_payload(document, Level.IV, "stage", LABELS, all_levels=True)
    inactive = {n["id"] for n in payload["nodes"] if not n["active"]}
    assert inactive == set(document.plan.steps) - document.levels[Level.IV].applies
    assert payload["legend"]["lines"][-1] == {"style": "inactive", "label": "不适用"}


def test_critical_path_and_summary(document: PlanDocument) -> None:
    """The expected critical path's steps and edges are flagged; its length is told."""
    facts = document.levels[Level.IV]
    payload = graph_payload(document, Level.IV, "stage", LABELS)
    assert [n["id"] for n in payload["nodes"] if n["critical"]] == \
        [s for s in document.plan.steps if s in facts.critical_path]
    pairs = {(e["from"], e["to"]) for e in payload["edges"] if e["critical"]}
    assert pairs == set(zip(facts.critical_path, facts.critical_path[1:], strict=False))
    assert payload["summary"].startswith("关键路径 ")


def test_colours_legend_and_badges(document: PlanDocument) -> None:
    """Stage colours with all five stages in the legend; a target badge with its state."""
    payload = graph_payload(document, Level.IV, "stage", LABELS)
    alert = next(n for n in payload["nodes"] if n["id"] == "alert")
    assert (alert["fill"], alert["stroke"]) == STAGE_COLOURS["report"]
    assert [i["label"] for i in payload["legend"]["items"]][:5] == \
        ["上报", "受理", "转办", "处置", "反馈"]
    assert alert["badges"] == [{"text": "1分钟响应 ≤ 1m", "tooltip": "1分钟响应 ≤ 1m",
                                "state": "ok"}]
    board = graph_payload(document, Level.IV, "board", LABELS)
    alert = next(n for n in board["nodes"] if n["id"] == "alert")
    assert alert["fill"] == BOARD_COLOURS["command_centre"][0]
    assert "command_centre" in [i["label"] for i in board["legend"]["items"]]


def test_texts_fit_their_boxes(document: PlanDocument) -> None:
    """Title lines and the meta line are shortened to the box width."""
    payload = graph_payload(document, Level.I, "stage", LABELS, english=True)
    for node in payload["nodes"]:
        room = node["w"] - 16
        assert 1 <= len(node["lines"]) <= 2
        assert all(text_width_em(line) * FONT["title"] <= room for line in node["lines"])
        assert text_width_em(node["meta"]) * FONT["meta"] <= room + 1
    alert = next(n for n in payload["nodes"] if n["id"] == "alert")
    assert alert["lines"] == ["Receive the smoke", "alert"]
    assert alert["meta"].endswith("×1 · 15s–1m")


def test_board_of_a_step(document: PlanDocument) -> None:
    """A step's board is its role's unit; village selectors mean village; none outside."""
    plan = document.plan
    assert step_board(plan, plan.steps["alert"]) == "command_centre"
    assert step_board(plan, plan.steps["squad_callout"]) == "village"
    assert step_board(plan, plan.steps["district_team"]) is None


def test_a_plan_with_errors_has_no_layout() -> None:
    """A document of a plan with errors carries only its diagnostics."""
    from console.plans import load_plan_text

    document = plan_document(load_plan_text("format: 1\nid: x\n", "x.yaml"))
    assert not document.ok and document.layout is None and not document.levels
