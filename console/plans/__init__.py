"""Digital contingency plans (数字预案): the format, loading, validation and the graph.

Qt-free. Typical use::

    loaded = load_plan("plans/forest-fire.yaml")
    for d in loaded.diagnostics:
        print(d.format(lang="zh"))   # or "en"; d.message is the English text
    graph = PlanGraph(loaded.plan, Level.IV)
"""

from .diagnostics import RULES, Diagnostic, PlanLoadError, Severity
from .graph import PlanGraph, Schedule, TargetCheck, plan_graphs
from .levels import LEVELS_LOW_TO_HIGH, Level, parse_level
from .loader import LoadedPlan, iter_plan_files, load_plan, load_plan_text, read_plan
from .messages import Message
from .model import Plan, Role, Step, Target

__all__ = [
    "LEVELS_LOW_TO_HIGH",
    "RULES",
    "Diagnostic",
    "Level",
    "LoadedPlan",
    "Message",
    "Plan",
    "PlanGraph",
    "PlanLoadError",
    "Role",
    "Schedule",
    "Severity",
    "Step",
    "Target",
    "TargetCheck",
    "iter_plan_files",
    "load_plan",
    "load_plan_text",
    "parse_level",
    "plan_graphs",
    "read_plan",
]
