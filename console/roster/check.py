"""Check a plan against a roster: who would be called, and what is missing.

Findings use their own rule codes (R001…), separate from the plan file's P-codes,
because they depend on the roster and the moment, not on the file alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.plans.diagnostics import Severity
from console.plans.levels import Level
from console.plans.model import Plan

from .model import Roster
from .resolve import Incident, Resolution, TravelTimes, active_roles, resolve_roles

__all__ = ["ROSTER_RULES", "Finding", "check_plan", "findings_for"]

ROSTER_RULES: dict[str, tuple[Severity, str]] = {
    "R001": (Severity.ERROR, "nobody in the roster can fill the role"),
    "R002": (Severity.WARNING, "role has no backup"),
    "R003": (Severity.WARNING, "the same person is needed in two roles at once"),
    "R004": (Severity.WARNING, "not enough people available"),
}


@dataclass(frozen=True)
class Finding:
    code: str
    level: Level
    role: str
    message_zh: str
    message_en: str

    @property
    def severity(self) -> Severity:
        return ROSTER_RULES[self.code][0]

    def format(self, lang: str = "zh") -> str:
        text = self.message_zh if lang == "zh" else self.message_en
        return f"{self.severity} {self.code} [{self.level.numeral}] {text}"


def findings_for(resolution: Resolution) -> list[Finding]:
    """The problems one resolution shows, role by role."""
    found: list[Finding] = []
    level = resolution.level
    clock = resolution.incident.time.strftime("%H:%M")
    for rid, result in resolution.roles.items():
        title = result.role.title
        if result.eligible == 0:
            found.append(Finding(
                "R001", level, rid,
                f"岗位“{title}”({rid})在人员名册中无人符合条件",
                f"nobody in the roster matches role '{rid}' ({title})"))
            continue
        if not result.role.backups:
            found.append(Finding(
                "R002", level, rid, f"岗位“{title}”({rid})未设置备岗",
                f"role '{rid}' ({title}) has no backup"))
        if result.shortfall:
            available = len(result.chosen)
            found.append(Finding(
                "R004", level, rid,
                f"{level.numeral}级响应需要{title}{result.needed}人；{clock}时可用{available}人，"
                f"缺{result.shortfall}人",
                f"level {level.numeral} needs {result.needed} × {title} ({rid}); "
                f"{available} available at {clock}, {result.shortfall} short"))
            if result.taken_elsewhere:
                names = "、".join(f"{c.person.name}({resolution.roles[r].role.title})"
                                 for c, r in result.taken_elsewhere)
                names_en = ", ".join(f"{c.person.name} ({r})" for c, r in result.taken_elsewhere)
                found.append(Finding(
                    "R003", level, rid,
                    f"{title}缺人，而{names}已在其他岗位",
                    f"'{rid}' is short while {names_en} already hold other roles"))
    return found


def check_plan(
    plan: Plan,
    roster: Roster,
    incident: Incident,
    levels: Iterable[Level],
    travel: TravelTimes | None = None,
) -> list[tuple[Resolution, list[Finding]]]:
    """Resolve and check the plan at each level for one incident."""
    results = []
    for level in levels:
        if not active_roles(plan, level):
            continue
        resolution = resolve_roles(plan, level, incident, roster, travel)
        results.append((resolution, findings_for(resolution)))
    return results


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.0f}"


def render_check(results: list[tuple[Resolution, list[Finding]]], lang: str = "zh",
                 *, place_name: str = "") -> str:
    """A commander's reading: per level, who is called for each role, and what is missing."""
    zh = lang == "zh"
    lines: list[str] = []
    for resolution, found in results:
        level = resolution.level
        spec = resolution.plan.levels.get(level)
        when = resolution.incident.time.strftime("%Y-%m-%d %H:%M")
        where = place_name or resolution.incident.place
        name = spec.name if spec else ""
        lines.append(f"{level.numeral}级（{name}）响应 — {where} {when}" if zh else
                     f"Level {level.numeral} ({name}) — {where} {when}")
        for rid, result in resolution.roles.items():
            head = (f"  {result.role.title}（{rid}）需{result.needed}人，召集{len(result.chosen)}人"
                    if zh else f"  {result.role.title} ({rid}): needs {result.needed}, "
                    f"calls {len(result.chosen)}")
            if result.shortfall:
                head += f"，缺{result.shortfall}人" if zh else f", {result.shortfall} short"
            lines.append(head)
            for candidate in result.chosen:
                state = candidate.availability.zh if zh else candidate.availability.value
                minutes = _minutes(candidate.travel_seconds)
                lines.append(f"    · {candidate.person.name} {candidate.person.post} "
                             f"{candidate.person.phone} — {state}，约{minutes}分钟到达"
                             if zh else
                             f"    · {candidate.person.name} {candidate.person.post} "
                             f"{candidate.person.phone} — {state}, ~{minutes} min away")
            for backup, people in result.backups:
                shown = "、".join(c.person.name for c in people[:5]) or ("无可用人员" if zh
                                                                        else "nobody free")
                extra = f" 等{len(people)}人" if zh and len(people) > 5 else (
                    f" and {len(people) - 5} more" if len(people) > 5 else "")
                lines.append(f"    备岗 {backup}：{shown}{extra}" if zh else
                             f"    backup {backup}: {shown}{extra}")
        for finding in found:
            lines.append(f"  ! {finding.format(lang)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
