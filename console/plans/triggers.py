"""Suggest a response level from measured readings, using the levels' measurable triggers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .levels import LEVELS_LOW_TO_HIGH, Level
from .model import Plan, Trigger

__all__ = ["LevelSuggestion", "parse_reading", "plan_metrics", "suggest_level"]

Reading = float | bool


@dataclass(frozen=True)
class LevelSuggestion:
    """The highest level any of whose triggers holds, and the triggers that hold there."""

    level: Level
    matched: tuple[Trigger, ...]


def plan_metrics(plan: Plan) -> dict[str, Trigger]:
    """Every metric the plan's triggers use, with one trigger describing it."""
    metrics: dict[str, Trigger] = {}
    for level in LEVELS_LOW_TO_HIGH:
        spec = plan.levels.get(level)
        for trigger in spec.when if spec else ():
            metrics.setdefault(trigger.metric, trigger)
    return metrics


def suggest_level(plan: Plan, readings: Mapping[str, Reading]) -> LevelSuggestion | None:
    """The level to suggest for these readings, or None when no trigger is reached.

    Metrics the plan does not know are ignored; the caller can check them against
    ``plan_metrics``.
    """
    for level in reversed(LEVELS_LOW_TO_HIGH):
        spec = plan.levels.get(level)
        if spec is None:
            continue
        matched = tuple(t for t in spec.when
                        if t.metric in readings and t.holds(readings[t.metric]))
        if matched:
            return LevelSuggestion(level, matched)
    return None


def parse_reading(text: str) -> tuple[str, Reading]:
    """``metric=value`` with a number or true/false/yes/no; raise ValueError otherwise."""
    name, sep, value = text.partition("=")
    name, value = name.strip(), value.strip()
    if not sep or not name or not value:
        raise ValueError(f"'{text}' is not a reading: write metric=value, e.g. rainfall_24h_mm=120")
    lowered = value.lower()
    if lowered in ("true", "yes", "是"):
        return name, True
    if lowered in ("false", "no", "否"):
        return name, False
    try:
        return name, float(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a number or true/false (reading '{name}')") from None
