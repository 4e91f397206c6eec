"""The plan graph page's data: what the page draws, as one JSON-able dict.

Qt-free. Python decides everything here (positions, colours, which steps apply, the
critical path, badge and label texts already shortened to fit); the page only draws
and reports clicks. Texts are plain strings, which the page shows as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from console.plans import Level, Plan, Step
from console.plans.durations import format_duration
from console.plans.layout import text_width_em, wrap_text

from .plan_document import PlanDocument

__all__ = ["BOARD_COLOURS", "FONT", "STAGE_COLOURS", "GraphLabels", "graph_payload",
           "step_board"]

#: (fill, outline) per lifecycle stage 上报 受理 转办 处置 反馈.
STAGE_COLOURS: dict[str, tuple[str, str]] = {
    "report": ("#dce8f7", "#3a6ea5"),
    "accept": ("#def0d8", "#4a8f3c"),
    "assign": ("#fde9cf", "#c77416"),
    "handle": ("#f9dada", "#c0392b"),
    "feedback": ("#ebe0f3", "#8e5aa8"),
}
#: (fill, outline) per board or unit a step's people come from.
BOARD_COLOURS: dict[str, tuple[str, str]] = {
    "leadership": ("#f6ebcf", "#a67c00"),
    "command_centre": ("#dce8f7", "#3a6ea5"),
    "party_building": ("#f9dada", "#b03a2e"),
    "economic_development": ("#def0d8", "#4a8f3c"),
    "livelihood_services": ("#fde9cf", "#c77416"),
    "safety_rule_of_law": ("#e1e3f5", "#4f55a0"),
    "village": ("#d9f0ec", "#23897a"),
    "district": ("#ebe0f3", "#8e5aa8"),
}
NEUTRAL = ("#ededed", "#8a8a8a")
#: Font sizes in CSS px; titles are wrapped for them.
FONT = {"title": 13.0, "meta": 11.0, "badge": 10.5, "label": 10.5, "lane": 13.0}
_PADDING = 8.0
_TITLE_LINES = 2


@dataclass(frozen=True)
class GraphLabels:
    """The page's UI texts, already translated by the view."""

    lanes: Mapping[str, str]
    stages: Mapping[str, str]
    units: Mapping[str, str]
    no_stage: str
    no_unit: str
    stage_legend: str
    board_legend: str
    after_all: str
    after_any: str
    branch: str
    critical: str
    #: "…%1…": %1 becomes the expected critical path's duration.
    critical_total: str
    not_at_level: str
    outside: str


def step_board(plan: Plan, step: Step) -> str | None:
    """The board (unit) a step's people come from: its role's first selector naming a
    unit, else ``village`` for village or grid selectors; None for outside bodies."""
    role = plan.roles.get(step.role) if step.role else None
    if role is None:
        return None
    for selector in role.from_:
        if selector.unit is not None:
            return selector.unit.value
    return "village" if any(s.village or s.grid for s in role.from_) else None


def graph_payload(document: PlanDocument, level: Level, colour_by: str, labels: GraphLabels,
                  *, all_levels: bool = False, english: bool = False,
                  selected: str | None = None) -> dict[str, Any]:
    """Everything the page needs to draw ``document`` at ``level``.

    ``colour_by`` is ``stage`` or ``board``. With ``all_levels`` the steps of the other
    levels are drawn too, greyed, each box where it is at every level; otherwise only
    this level's steps. With ``english``, plan texts that have an English twin
    (``title_en``) show it.
    """
    plan = document.plan
    facts = document.levels[level]
    layout = document.layout if all_levels else facts.layout
    assert layout is not None

    def text(value: str | None, value_en: str | None) -> str:
        return (value_en if english and value_en else value) or ""

    on_path = set(facts.critical_path)
    path_edges = set(zip(facts.critical_path, facts.critical_path[1:], strict=False))
    checks = {(c.step, c.target): c for c in facts.checks}
    palette = STAGE_COLOURS if colour_by == "stage" else BOARD_COLOURS
    used: set[str | None] = set()
    nodes = []
    for sid, box in layout.nodes.items():
        step = plan.steps[sid]
        key = (step.stage.value if step.stage else None) if colour_by == "stage" \
            else step_board(plan, step)
        used.add(key)
        fill, stroke = palette.get(key or "", NEUTRAL)
        title = text(step.title, step.title_en)
        width_em = (box.width - 2 * _PADDING) / FONT["title"]
        nodes.append({
            **box.as_dict(),
            "lines": list(wrap_text(title, width_em, _TITLE_LINES)),
            "meta": _meta(plan, step, sid, level, labels, text, box.width),
            "tooltip": f"{title}\n{sid}",
            "fill": fill,
            "stroke": stroke,
            "active": sid in facts.applies,
            "critical": sid in on_path,
            "badges": _badges(plan, step, sid, checks, text, box.width),
        })
    gap = layout.spacing.column_gap
    lane_em = (layout.spacing.lane_label_width - 16) / FONT["lane"]
    edges = []
    for edge in layout.edges:
        label = tooltip = ""
        if edge.kind == "branch" and edge.outcome:
            branch = plan.steps[edge.source].branches[edge.outcome]
            name = text(branch.title, branch.title_en) or edge.outcome
            chance = f" {branch.p:.0%}"
            tooltip = name + chance
            room = gap - 14 - text_width_em(chance) * FONT["label"]
            label = _one_line(_before_brackets(name), room, FONT["label"]) + chance
        edges.append({
            **edge.as_dict(),
            "label": label,
            "tooltip": tooltip,
            "active": edge.source in facts.applies and edge.target in facts.applies,
            "critical": (edge.source, edge.target) in path_edges,
        })
    return {
        "plan": plan.id,
        "level": level.value,
        "width": layout.width,
        "height": layout.height,
        "font": FONT,
        "lanes": [{**band.as_dict(), "lines": list(wrap_text(labels.lanes[band.lane], lane_em, 3))}
                  for band in layout.lanes],
        "nodes": nodes,
        "edges": edges,
        "legend": _legend(colour_by, used, labels, all_levels),
        "summary": labels.critical_total.replace("%1", format_duration(facts.total)),
        "selected": selected if selected in plan.steps else None,
    }


def _meta(plan: Plan, step: Step, sid: str, level: Level, labels: GraphLabels,
          text: Any, width: float) -> str:
    role = plan.roles.get(step.role) if step.role else None
    who = text(role.title, role.title_en) if role else labels.outside
    people = plan.headcount(sid, level)
    spec = step.duration
    span = format_duration(spec.min) if spec.fixed else \
        f"{format_duration(spec.min)}–{format_duration(spec.max)}"
    tail = f" ×{people} · {span}" if people else f" · {span}"
    room = (width - 2 * _PADDING) / FONT["meta"] - text_width_em(tail)
    return _one_line(who, room * FONT["meta"], FONT["meta"]) + tail


def _badges(plan: Plan, step: Step, sid: str, checks: Mapping[tuple[str, str], Any],
            text: Any, width: float) -> list[dict[str, str]]:
    badges = []
    for target_id in step.target:
        target = plan.targets.get(target_id)
        if target is None:
            continue
        full = f"{text(target.title, target.title_en) or target_id} ≤ " \
               f"{format_duration(target.within)}"
        check = checks.get((sid, target_id))
        state = "none" if check is None or check.earliest is None else \
            ("ok" if check.can_meet else "late")
        badges.append({"text": _one_line(full, width - 24, FONT["badge"]), "tooltip": full,
                       "state": state})
    return badges


def _legend(colour_by: str, used: set[str | None], labels: GraphLabels,
            all_levels: bool) -> dict[str, Any]:
    if colour_by == "stage":
        keys: list[str | None] = list(STAGE_COLOURS)
        names: Mapping[str, str] = labels.stages
        title, palette, none = labels.stage_legend, STAGE_COLOURS, labels.no_stage
    else:
        keys = [k for k in BOARD_COLOURS if k in used]
        names, title, palette, none = labels.units, labels.board_legend, BOARD_COLOURS, \
            labels.no_unit
    if None in used:
        keys.append(None)
    items = []
    for key in keys:
        fill, stroke = palette.get(key or "", NEUTRAL)
        items.append({"label": names[key] if key else none, "fill": fill, "stroke": stroke})
    lines = [{"style": "all", "label": labels.after_all},
             {"style": "any", "label": labels.after_any},
             {"style": "branch", "label": labels.branch},
             {"style": "critical", "label": labels.critical}]
    if all_levels:
        lines.append({"style": "inactive", "label": labels.not_at_level})
    return {"title": title, "items": items, "lines": lines}


def _before_brackets(text: str) -> str:
    """A title without its explanation in brackets: ``农事用火（烧秸秆）`` → ``农事用火``."""
    head = re.split(r"\s*[（(]", text, maxsplit=1)[0].strip()
    return head or text


def _one_line(text: str, width_px: float, font_px: float) -> str:
    lines = wrap_text(text, width_px / font_px, 1)
    return lines[0] if lines else ""
