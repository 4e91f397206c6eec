"""Drills of one plan side by side: each target's time, drill after drill (the trend), and
the findings a later plan version may have closed.

Only exercises are compared (``drill`` flag set): real responses never enter a drill's
statistics. ``drill compare ID ID…`` prints ``render_comparison``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from console.plans.model import Plan
from console.store import Store

from .entries import ActionRecord
from .measure import Measured, measure
from .model import MARKER, Drill, DrillError, DrillStatus
from .names import Namer, duration
from .records import find_drill, list_drills, load_drill

__all__ = ["Comparison", "changed_steps", "compare", "earlier_drills", "render_comparison",
           "revision_closes"]


@dataclass(frozen=True)
class Comparison:
    """Targets (rows) × drills (columns): actual seconds (None: not reached) and met."""

    drills: tuple[Drill, ...]
    targets: tuple[str, ...]  # target ids, in plan order
    titles: dict[str, str]
    values: dict[str, tuple[tuple[float | None, bool], ...]]

    def trend(self, target: str) -> str:
        """``better`` / ``worse`` / ``same`` from the first to the last drill, or ``""``."""
        seen = [v for v, _ in self.values.get(target, ()) if v is not None]
        if len(seen) < 2:
            return ""
        if abs(seen[-1] - seen[0]) < 1:
            return "same"
        return "better" if seen[-1] < seen[0] else "worse"


def earlier_drills(store: Store, drill: Drill, *, limit: int | None = None) -> list[Drill]:
    """Finished exercises of the same plan created before ``drill``, oldest first (the
    last ``limit`` of them)."""
    found = [d for d in list_drills(store, plan_id=drill.plan_id, drills_only=True, light=True)
             if d.id != drill.id and d.created <= drill.created
             and d.status is DrillStatus.FINISHED]
    if limit is not None:
        found = found[-limit:] if limit > 0 else []
    return [load_drill(store, d.id) for d in found]


def compare(store: Store, refs: Sequence[str] | Sequence[Drill], *, lang: str = "zh"
            ) -> Comparison:
    """Compare drills of one plan, oldest first (by creation)."""
    drills = [r if isinstance(r, Drill) else find_drill(store, r) for r in refs]
    if not drills:
        raise DrillError("name at least one drill")
    plans = {d.plan_id for d in drills}
    if len(plans) > 1:
        raise DrillError(f"these drills exercised different plans ({', '.join(sorted(plans))}); "
                         "compare drills of one plan")
    real = [d.id for d in drills if not d.drill]
    if real:
        raise DrillError(f"{', '.join(real)}: real responses are not compared with drills")
    drills.sort(key=lambda d: (d.created, d.id))
    measured = [measure(store, d) for d in drills]
    return comparison_of(measured, lang=lang)


def comparison_of(measured: Sequence[Measured], *, lang: str = "zh") -> Comparison:
    """The comparison of already measured drills (in the order given)."""
    latest = measured[-1].world.plan
    namer = Namer(latest, None, None, lang)
    targets: list[str] = []
    for m in measured:
        for t in m.targets:
            if t.target not in targets:
                targets.append(t.target)
    order = {tid: i for i, tid in enumerate(latest.targets)}
    targets.sort(key=lambda tid: order.get(tid, len(order)))
    values: dict[str, tuple[tuple[float | None, bool], ...]] = {}
    for tid in targets:
        row = []
        for m in measured:
            found = next((t for t in m.targets if t.target == tid), None)
            row.append((found.actual, found.met) if found is not None else (None, False))
        values[tid] = tuple(row)
    return Comparison(tuple(m.drill for m in measured), tuple(targets),
                      {tid: namer.target(tid) for tid in targets}, values)


def render_comparison(comparison: Comparison, lang: str = "zh") -> str:
    """The comparison as a text table, with each target's trend."""
    zh = lang == "zh"
    heads = [f"{d.id}" for d in comparison.drills]
    dates = [f"{_date(d):%m-%d}" for d in comparison.drills]
    width = max(10, *(len(h) for h in heads))
    title_width = max([8, *(_width(t) for t in comparison.titles.values())]) + 2
    lines = [f"【{MARKER}】" + ("演练对比：" if zh else "Drill comparison: ") +
             comparison.drills[-1].plan_title]
    lines.append(_pad("目标" if zh else "target", title_width) +
                 "".join(h.rjust(width + 2) for h in heads) + ("  趋势" if zh else "  trend"))
    lines.append(" " * title_width + "".join(d.rjust(width + 2) for d in dates))
    arrows = {"better": "↓ 改善" if zh else "↓ better", "worse": "↑ 变慢" if zh else "↑ worse",
              "same": "→ 持平" if zh else "→ same", "": ""}
    for tid in comparison.targets:
        cells = []
        for actual, met in comparison.values[tid]:
            text = "—" if actual is None else f"{duration(actual)} {'✓' if met else '✗'}"
            cells.append(text.rjust(width + 2))
        lines.append(_pad(comparison.titles[tid], title_width) + "".join(cells) + "  " +
                     arrows[comparison.trend(tid)])
    return "\n".join(lines)


def _date(drill: Drill) -> dt.datetime:
    return drill.started or drill.created


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def changed_steps(old: Plan, new: Plan) -> set[str]:
    """Steps whose definition differs between two versions of a plan (or that were added
    or removed)."""
    steps = set(old.steps) | set(new.steps)
    return {s for s in steps if old.steps.get(s) != new.steps.get(s)}


def revision_closes(actions: Sequence[ActionRecord], old: Plan, new: Plan
                    ) -> list[ActionRecord]:
    """The corrective actions a later plan version may close: those linked to a step the
    new version changed."""
    changed = changed_steps(old, new)
    return [a for a in actions if a.step and a.step in changed]
