"""A plan opened for viewing: the loaded file, its layout and its facts per level.

Qt-free; built on a worker thread, so that switching levels in the view only picks
precomputed facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from console.plans import (
    LEVELS_LOW_TO_HIGH,
    Level,
    LoadedPlan,
    Plan,
    PlanGraph,
    TargetCheck,
    load_plan,
)
from console.plans.layout import PlanLayout, layout_plan

__all__ = ["LevelFacts", "PlanDocument", "open_plan_document", "plan_document"]


@dataclass(frozen=True)
class LevelFacts:
    """What holds at one response level."""

    level: Level
    #: The steps that apply at this level.
    applies: frozenset[str]
    #: The expected critical path (likeliest outcomes, mean durations) and its length.
    critical_path: tuple[str, ...]
    total: float
    #: Every target on a step at this level, with the earliest time it can be met.
    checks: tuple[TargetCheck, ...]
    #: The steps of this level alone, laid out.
    layout: PlanLayout


@dataclass(frozen=True)
class PlanDocument:
    """A loaded plan file; ``layout`` (every step, every level) and ``levels`` are empty
    unless it is ``ok``."""

    loaded: LoadedPlan
    layout: PlanLayout | None
    levels: Mapping[Level, LevelFacts]

    @property
    def ok(self) -> bool:
        return self.layout is not None

    @property
    def plan(self) -> Plan:
        """The plan; only for a document that is ``ok``."""
        assert self.loaded.plan is not None
        return self.loaded.plan

    @property
    def path(self) -> str:
        return self.loaded.path


def open_plan_document(path: str | Path) -> PlanDocument:
    """Load, check, lay out and analyse the plan file at ``path``; never raises for a bad
    plan (the document then only carries its diagnostics)."""
    return plan_document(load_plan(path))


def plan_document(loaded: LoadedPlan) -> PlanDocument:
    """The document of an already loaded plan."""
    plan = loaded.plan
    if plan is None or not loaded.ok:
        return PlanDocument(loaded, None, {})
    levels = {}
    for level in LEVELS_LOW_TO_HIGH:
        graph = PlanGraph(plan, level)
        expected = graph.schedule("expected")
        levels[level] = LevelFacts(level, frozenset(graph.steps), expected.critical_path,
                                   expected.total, tuple(graph.target_checks()),
                                   layout_plan(plan, graph.steps))
    return PlanDocument(loaded, layout_plan(plan), levels)
