"""Shared set-ups for the drill tests: a drill of the shipped forest-fire plan, and the
events an uninterrupted engine run of a drill gives (the reference)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from console.drills.model import Drill, Entry, Source
from console.drills.prepare import DrillSpec, drill_values
from console.drills.recorder import draft_of
from console.drills.session import DrillSession
from console.drills.world import build_run
from console.paths import resources_dir
from console.simulation.injects import Inject
from console.store import Store

SCENARIO = str(resources_dir() / "scenarios" / "shengdi-smoke-road-closed.yaml")
WHEN = dt.datetime(2026, 3, 18, 14, 0)
SPEC = DrillSpec("forest-fire", "胜地社区", WHEN, level="IV", scenario=SCENARIO, seed=7)

Key = tuple[float, str, str, str]


def new_session(store: Store, **changes: Any) -> DrillSession:
    """A new drill (forest fire at 胜地社区, level IV, the shipped scenario, seed 7)."""
    spec = replace(SPEC, **changes)
    return DrillSession.create(store, drill_values(store, spec, author="测试"), author="测试")


def run_through(session: DrillSession, step: float = 60.0) -> None:
    """Run a session to its end, one batch per ``step`` virtual seconds."""
    session.start()
    while not session.ended:
        session.advance(session.now + step)


def engine_keys(entries: list[Entry]) -> list[Key]:
    """The engine's entries as comparable keys."""
    return [(e.t, e.kind, e.subject, e.data_text) for e in entries
            if e.source == Source.ENGINE.value]


def reference(drill: Drill, injects: Sequence[tuple[float, Inject]] = (),
              step: float = 60.0) -> list[Key]:
    """What an uninterrupted run of the drill gives (operator injects at their times)."""
    run = build_run(drill)
    events = []
    for t, inject in injects:
        events += run.run_until(t)
        run.apply(inject)
    while not run.ended:
        events += run.run_until(run.now + step)
    return [(d.t, d.kind, d.subject, d.data_text) for d in map(draft_of, events)]


def scratch_plan(tmp_path: Path) -> Path:
    """A copy of the shipped forest-fire plan that a test may change."""
    from console.paths import shipped_plans_dir

    copy = tmp_path / "forest-fire.yaml"
    copy.write_bytes((shipped_plans_dir() / "forest-fire.yaml").read_bytes())
    return copy
