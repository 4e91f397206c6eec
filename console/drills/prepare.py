"""Setting a drill up: check the plan, place, roads, roster and scenario, and build the
drill record's values with copies of each (the plan file's bytes, the roster, the map,
the scenario), so that the drill never depends on those files again."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.plans.durations import format_duration
from console.plans.levels import parse_level
from console.plans.loader import load_plan_text
from console.plans.model import Plan
from console.roster.model import Roster
from console.store import Store, load_roster

from .model import DrillContent, DrillError, DrillForm, Objective
from .records import new_drill_id
from .snapshot import inject_to_json, roster_to_json

__all__ = ["DrillSpec", "default_objectives", "drill_values", "parse_objective",
           "parse_participant", "resolve_plan_path"]


@dataclass(frozen=True)
class DrillSpec:
    """What the operator asks for (the ``drill run`` options)."""

    plan: str  # a plan file, or the id of a shipped plan (forest-fire)
    place: str
    time: dt.datetime
    level: str = "IV"
    rain: str = "none"
    closed: tuple[str, ...] = ()
    scenario: str | None = None
    seed: int | None = None  # None: a random seed (recorded)
    speed: str = "max"
    name: str = ""
    form: str = DrillForm.SIMULATED.value
    content: str = DrillContent.SINGLE.value
    purpose: str = ""
    objectives: tuple[Objective, ...] = ()
    participants: tuple[dict[str, Any], ...] = ()
    forced: dict[str, str] = field(default_factory=dict)
    drill: bool = True  # False: recording a real response
    map_path: str | None = None
    roster: Roster | None = None  # None: the roster in the store, else the demo roster


def resolve_plan_path(ref: str) -> Path:
    """A plan file path, or a shipped plan's id (``forest-fire``)."""
    from console.paths import shipped_plans_dir

    path = Path(ref)
    if path.is_file():
        return path
    shipped = shipped_plans_dir() / f"{ref}.yaml"
    if shipped.is_file():
        return shipped
    raise DrillError(f"no plan file '{ref}' (and no shipped plan with that id)")


def default_objectives(plan: Plan, level: Any) -> tuple[Objective, ...]:
    """One objective per time target of a step that applies at the level."""
    out = []
    for sid, step in plan.steps_at(level).items():
        for tid in step.target:
            target = plan.targets.get(tid)
            if target is not None:
                title = target.title or tid
                out.append(Objective(f"检验“{title}”（时限{format_duration(target.within)}）",
                                     (sid,), (tid,)))
    return tuple(out)


def _tie(plan: Plan, objective: Objective) -> Objective:
    """An objective's references sorted into plan steps and targets (by id or title)."""
    steps: list[str] = []
    targets: list[str] = []
    for ref in (*objective.steps, *objective.targets):
        target = next((t for t, x in plan.targets.items() if ref in (t, x.title)), None)
        step = next((s for s, x in plan.steps.items() if ref in (s, x.title)), None)
        if target is not None:
            targets.append(target)
        elif step is not None:
            steps.append(step)
        else:
            raise DrillError(f"objective '{objective.text}': plan {plan.id} has no step or "
                             f"target '{ref}'")
    return Objective(objective.text, tuple(steps), tuple(targets))


def parse_objective(text: str) -> Objective:
    """``检验小分队到场=arrive,squad_move``: the text, then the steps or targets it is about."""
    words, _, refs = text.rpartition("=") if "=" in text else (text, "", "")
    return Objective(words.strip(), tuple(r.strip() for r in refs.split(",") if r.strip()))


def parse_participant(text: str) -> dict[str, str]:
    """``张三,区应急局,观察员`` → name, unit, role (the unit and role may be left out)."""
    name, unit, role = ([p.strip() for p in text.split(",")] + ["", ""])[:3]
    if not name:
        raise DrillError(f"participant '{text}' has no name")
    return {"name": name, "unit": unit, "role": role}


def drill_values(store: Store, spec: DrillSpec, *, author: str = "") -> dict[str, Any]:
    """The checked values of a new drill row; ``DrillError`` names the first problem."""
    from console.roster.demo import load_demo_roster
    from console.roster.incident import incident_at
    from console.roster.townmap import MapError, demo_map_path, load_town_map
    from console.simulation.scenario import ScenarioError, check_scenario, load_scenario

    try:
        form, content = DrillForm(spec.form), DrillContent(spec.content)
    except ValueError as exc:
        raise DrillError(str(exc)) from None
    path = resolve_plan_path(spec.plan)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DrillError(f"{path}: cannot read the plan: {exc.strerror}") from None
    loaded = load_plan_text(raw, str(path))
    if loaded.plan is None or loaded.errors:
        first = loaded.errors[0].format() if loaded.errors else "cannot be read"
        raise DrillError(f"the plan does not load: {first}")
    plan = loaded.plan
    try:
        level = parse_level(spec.level)
    except ValueError as exc:
        raise DrillError(str(exc)) from None
    if level not in plan.levels:
        raise DrillError(f"plan {plan.id} has no level {level.value}")
    map_file = Path(spec.map_path) if spec.map_path else demo_map_path()
    try:
        town = load_town_map(map_file)
        incident = incident_at(town, spec.place, spec.time, plan.hazard.value)
        map_text = map_file.read_text(encoding="utf-8-sig")
    except (MapError, OSError) as exc:
        raise DrillError(str(exc)) from None
    unknown = [s for s in spec.closed if s not in town.road_by_id]
    if unknown:
        raise DrillError(f"unknown road segment(s): {', '.join(unknown)}")
    if spec.rain not in ("none", "moderate", "heavy"):
        raise DrillError("weather must be none, moderate or heavy")
    roster = spec.roster or load_roster(store) or load_demo_roster()
    injects: list[dict[str, Any]] = []
    scenario_title = scenario_text = scenario_path = ""
    if spec.scenario:
        try:
            scenario = load_scenario(spec.scenario)
            scenario_text = Path(spec.scenario).read_text(encoding="utf-8-sig")
        except (ScenarioError, OSError, UnicodeDecodeError) as exc:
            raise DrillError(str(exc)) from None
        problems = check_scenario(scenario, plan, roster, town)
        if problems:
            raise DrillError("; ".join(problems))
        scenario_title, scenario_path = scenario.title, str(spec.scenario)
        injects = [inject_to_json(i) for i in scenario.injects]
    for step, outcome in spec.forced.items():
        if step not in plan.steps or outcome not in plan.steps[step].branches:
            raise DrillError(f"'{step}: {outcome}' is not a decision step and outcome of "
                             f"plan {plan.id}")
    objectives = tuple(_tie(plan, o) for o in spec.objectives) or default_objectives(plan, level)
    seed = spec.seed if spec.seed is not None else secrets.randbelow(2**31)
    name = spec.name or f"{plan.title}{form.zh} {spec.time:%Y-%m-%d %H:%M}"
    purpose = spec.purpose or (
        f"检验《{plan.title}》{level.value}级响应在{town.label(incident.place)}的"
        "一键调度、响应到场和闭环反馈时效")
    return {
        "id": new_drill_id(), "name": name, "drill": spec.drill, "form": form.value,
        "content": content.value, "purpose": purpose,
        "objectives": [o.as_json() for o in objectives],
        "participants": list(spec.participants), "plan_id": plan.id,
        "plan_version": plan.version, "plan_title": plan.title,
        "plan_sha256": loaded.sha256, "plan_path": str(path), "plan_source": raw,
        "level": level.value, "place": incident.place, "village": incident.village,
        "grid": incident.grid, "incident_time": spec.time.isoformat(), "weather": spec.rain,
        "closed": list(spec.closed), "forced": dict(spec.forced),
        "roster_snapshot": roster_to_json(roster), "roster_demo": roster.demo,
        "map_name": str(map_file), "map_source": map_text, "scenario_title": scenario_title,
        "scenario_path": scenario_path, "scenario_source": scenario_text, "injects": injects,
        "seed": seed, "speed": spec.speed, "created_by": author,
    }
