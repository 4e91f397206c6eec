"""Scenario files: the master scenario events list (情景注入清单) of a drill, as YAML.

    format: 1
    title: 胜地社区烟火预警演练
    injects:
      - {at: 4m, kind: close_road, segment: r04, message: 滑坡阻断黑溪—胜地公路}
      - {at: 6m, kind: force_branch, step: judge, outcome: wildfire}

Read with the plan loader's safe YAML reader: the same limits, and errors that name the
file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.plans.diagnostics import Diagnostic, PlanLoadError, did_you_mean
from console.plans.durations import DurationError, parse_duration
from console.plans.yamlsource import SourceMap, parse_yaml

from .injects import REQUIRED, Inject, InjectKind

__all__ = ["Scenario", "ScenarioError", "load_scenario", "parse_scenario"]

_KNOWN = {"at", "kind", "message", "from", "to", "channel", "expected", "note",
          "segment", "rain", "level", "person", "step", "outcome"}


class ScenarioError(Exception):
    """A scenario file that cannot be used; ``str()`` is ``file:line:col: problem``."""


@dataclass(frozen=True)
class Scenario:
    title: str
    injects: tuple[Inject, ...]
    source: str = ""


def load_scenario(path: str | Path) -> Scenario:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read the file: {exc.strerror}") from None
    return parse_scenario(raw, str(path))


def parse_scenario(raw: bytes | str, path: str = "<scenario>") -> Scenario:
    try:
        document = parse_yaml(raw, path)
    except PlanLoadError as exc:
        raise ScenarioError(exc.diagnostics[0].format()) from None
    data, source = document.data, document.source
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}:1:1: a scenario is a mapping with 'injects:'")
    items = data.get("injects")
    if not isinstance(items, list):
        raise ScenarioError(_where(path, source, ("injects",)) + "'injects:' must be a list")
    injects = [_inject(item, i, path, source) for i, item in enumerate(items)]
    title = data.get("title") or Path(path).stem
    return Scenario(str(title), tuple(sorted(injects, key=lambda x: x.at)), path)


def _where(path: str, source: SourceMap, at: tuple[str | int, ...], *, key: bool = False) -> str:
    line, col = source.position(at, key=key)
    return Diagnostic("P103", "", path, line, col).format().split(" error ")[0] + " "


def _inject(item: Any, index: int, path: str, source: SourceMap) -> Inject:
    here = ("injects", index)
    if not isinstance(item, dict):
        raise ScenarioError(_where(path, source, here) + "an inject is a mapping {at:, kind:, …}")
    for key in item:
        if key not in _KNOWN:
            raise ScenarioError(_where(path, source, (*here, key), key=True) +
                                f"unknown field '{key}'{did_you_mean(key, _KNOWN)}")
    try:
        at = parse_duration(item.get("at", "0"))
    except DurationError as exc:
        raise ScenarioError(_where(path, source, (*here, "at")) + str(exc)) from None
    try:
        kind = InjectKind(str(item.get("kind")))
    except ValueError:
        kinds = [k.value for k in InjectKind]
        raise ScenarioError(_where(path, source, (*here, "kind")) +
                            f"unknown inject kind '{item.get('kind')}'"
                            f"{did_you_mean(str(item.get('kind')), kinds)}; "
                            f"kinds: {', '.join(kinds)}") from None
    for needed in REQUIRED[kind]:
        if not item.get(needed):
            raise ScenarioError(_where(path, source, here) + f"{kind.value} needs '{needed}'")
    params = tuple(sorted((k, str(v)) for k, v in item.items()
                          if k not in ("at", "kind", "message") and v is not None))
    line = source.position(here)[0]
    return Inject(at, kind, params, str(item.get("message") or ""), f"{path}:{line}")


def check_scenario(scenario: Scenario, plan: Any, roster: Any, town: Any) -> list[str]:
    """Problems with an inject's references (road, step, outcome, person, level, rain),
    each as ``source: problem``; empty when the scenario fits this plan, roster and map."""
    from console.plans.levels import parse_level

    problems: list[str] = []
    for inject in scenario.injects:
        where = inject.source or scenario.source
        kind = inject.kind
        if kind in (InjectKind.CLOSE_ROAD, InjectKind.OPEN_ROAD):
            segment = inject.get("segment")
            if segment not in town.road_by_id:
                problems.append(f"{where}: unknown road segment '{segment}'"
                                f"{did_you_mean(segment, town.road_by_id)}")
        elif kind is InjectKind.FORCE_BRANCH:
            step = inject.get("step")
            outcomes = plan.steps[step].branches if step in plan.steps else {}
            if not outcomes:
                decisions = [s for s, x in plan.steps.items() if x.branches]
                problems.append(f"{where}: '{step}' is not a decision step of {plan.id}"
                                f"{did_you_mean(step, decisions)}")
            elif inject.get("outcome") not in outcomes:
                problems.append(f"{where}: step '{step}' has no outcome '{inject.get('outcome')}'"
                                f"{did_you_mean(inject.get('outcome'), outcomes)}")
        elif kind is InjectKind.PERSON_UNAVAILABLE:
            if inject.get("person") not in roster.by_id:
                problems.append(f"{where}: no person '{inject.get('person')}' in the roster")
        elif kind is InjectKind.SET_LEVEL:
            try:
                parse_level(inject.get("level"))
            except ValueError as exc:
                problems.append(f"{where}: {exc}")
        elif kind is InjectKind.WEATHER and inject.get("rain") not in ("none", "moderate", "heavy"):
            problems.append(f"{where}: rain must be none, moderate or heavy")
    return problems
