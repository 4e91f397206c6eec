"""Check a plan against a roster: who would be called, and what is missing.

Findings use their own rule codes (R001…), separate from the plan file's P-codes,
because they depend on the roster and the moment, not on the file alone.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from console.plans.diagnostics import Severity
from console.plans.levels import Level
from console.plans.model import Plan, Selector

from .model import Roster
from .resolve import (
    Candidate,
    Incident,
    Resolution,
    RoleResolution,
    TravelTimes,
    active_roles,
    resolve_roles,
)
from .table_columns import TAG_NAMES

__all__ = ["ROSTER_RULES", "Finding", "check_plan", "findings_for", "mask_phone",
           "render_check", "selector_text"]

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


def selector_text(selector: Selector, incident: Incident, roster: Roster | None = None,
                  lang: str = "zh") -> str:
    """What a selector asks for, in words: 事发村(社区)胜地社区、技能 森防应急小分队."""
    zh = lang == "zh"

    def village_name(ref: str | None) -> str:
        found = roster.village(ref) if roster is not None and ref else None
        return found.name if found is not None and zh else (ref or "?")

    def grid_name(ref: str | None) -> str:
        found = roster.grid_by_id.get(ref) if roster is not None and ref else None
        return found.name if found is not None and zh else (ref or "?")

    parts: list[str] = []
    if selector.unit is not None:
        parts.append(f"单位 {selector.unit.zh}" if zh else f"unit {selector.unit.value}")
    if selector.village == "incident":
        parts.append(f"事发村(社区){village_name(incident.village)}" if zh
                     else f"of the incident's village ({village_name(incident.village)})")
    elif selector.village not in (None, "any"):
        parts.append(f"村(社区) {village_name(selector.village)}" if zh
                     else f"village {selector.village}")
    if selector.grid == "incident":
        parts.append(f"事发网格{grid_name(incident.grid)}" if zh
                     else f"of the incident's grid ({grid_name(incident.grid)})")
    elif selector.grid == "any":
        parts.append("分管网格" if zh else "assigned to a grid")
    elif selector.grid is not None:
        parts.append(f"网格 {grid_name(selector.grid)}" if zh else f"grid {selector.grid}")
    if selector.tags:
        parts.append("技能 " + "+".join(TAG_NAMES.get(t, t) for t in selector.tags) if zh
                     else "tags " + "+".join(selector.tags))
    if selector.post is not None:
        parts.append(f"职务含“{selector.post}”" if zh else f"post containing '{selector.post}'")
    return ("、" if zh else ", ").join(parts)


def findings_for(resolution: Resolution, roster: Roster | None = None) -> list[Finding]:
    """The problems one resolution shows, role by role (``roster`` only names places)."""
    found: list[Finding] = []
    level = resolution.level
    incident = resolution.incident
    clock = incident.time.strftime("%H:%M")
    for rid, result in resolution.roles.items():
        title = result.role.title
        if result.eligible == 0:
            wanted_zh = "；或".join(selector_text(s, incident, roster) for s in result.role.from_)
            wanted_en = "; or ".join(selector_text(s, incident, roster, "en")
                                     for s in result.role.from_)
            found.append(Finding(
                "R001", level, rid,
                f"岗位“{title}”({rid})在花名册中无人符合条件（要求：{wanted_zh}）",
                f"nobody in the roster matches role '{rid}' ({title}): wanted {wanted_en}"))
            continue
        if not result.role.backups:
            found.append(Finding(
                "R002", level, rid, f"岗位“{title}”({rid})未设置备岗",
                f"role '{rid}' ({title}) has no backup"))
        if result.shortfall:
            available = len(result.chosen)
            away = len(result.unavailable)
            found.append(Finding(
                "R004", level, rid,
                f"{level.numeral}级响应需要{title}{result.needed}人；{clock}时可用{available}人，"
                f"缺{result.shortfall}人" + (f"（另有{away}人请假或无法到达）" if away else ""),
                f"level {level.numeral} needs {result.needed} × {title} ({rid}); "
                f"{available} available at {clock}, {result.shortfall} short"
                + (f" ({away} more on leave or cut off)" if away else "")))
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
        results.append((resolution, findings_for(resolution, roster)))
    return results


_WEEKDAYS = "一二三四五六日"
_STATE = {"on_duty": ("在岗", "on duty"), "off_duty": ("不在岗", "off duty"),
          "on_leave": ("请假", "on leave")}


def mask_phone(phone: str) -> str:
    """138****5678 for an 11-digit mobile; already masked numbers stay as they are."""
    digits = phone.strip()
    if "*" in digits or len(digits) < 7:
        return digits
    if len(digits) == 11 and digits.isdigit():
        return f"{digits[:3]}****{digits[-4:]}"
    return "****" + digits[-4:]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _travel(candidate: Candidate, zh: bool) -> str:
    seconds = candidate.travel_seconds
    if seconds is None:
        return "无法到达" if zh else "unreachable"
    if math.isinf(seconds):
        return "路程未知" if zh else "travel time unknown"
    if seconds < 30:
        return "已在集结地" if zh else "already there"
    minutes = max(1, round(seconds / 60))
    return f"约{minutes}分钟" if zh else f"~{minutes} min"


def _role_title(result: RoleResolution, zh: bool) -> str:
    return result.role.title if zh else (result.role.title_en or result.role.title)


def render_check(results: list[tuple[Resolution, list[Finding]]], lang: str = "zh",
                 *, place_name: str = "", place_label: Callable[[str], str] | None = None,
                 mask: bool = True) -> str:
    """A commander's reading: per level, who is called for each role (name, post, phone,
    on duty or not, minutes away), who stands by, and what is missing.

    ``place_label`` turns a destination (a map place id) into its name; ``mask`` shows
    phone numbers as 138****5678."""
    zh = lang == "zh"
    label = place_label or (lambda ref: ref)
    lines: list[str] = []
    no_backup_seen: set[str] = set()
    for resolution, found in results:
        level = resolution.level
        spec = resolution.plan.levels.get(level)
        moment = resolution.incident.time
        when = moment.strftime("%Y-%m-%d %H:%M")
        where = place_name or label(resolution.incident.place)
        name = spec.name if spec else level.default_name
        roles = resolution.roles
        needed = sum(r.needed for r in roles.values())
        called = sum(len(r.chosen) for r in roles.values())
        short = needed - called
        if zh:
            lines.append(f"{level.numeral}级（{name}）响应 — {where}，{when}"
                         f"（星期{_WEEKDAYS[moment.weekday()]}）")
            lines.append(f"  {len(roles)}个岗位共需{needed}人，召集{called}人"
                         + (f"，缺{short}人" if short else "，无缺员"))
        else:
            lines.append(f"Level {level.numeral} ({name}) — {where}, {when} "
                         f"({moment.strftime('%A')})")
            lines.append(f"  {len(roles)} roles need {needed} people; {called} called"
                         + (f", {short} short" if short else ", all filled"))
        chosen = [c for r in roles.values() for c in r.chosen]
        name_w = max((_width(c.person.name) for c in chosen), default=0)
        post_w = max((_width(c.person.post) for c in chosen), default=0)
        for result in roles.values():
            count = (f"需{result.needed}人，召集{len(result.chosen)}人" if zh else
                     f"needs {result.needed}, calls {len(result.chosen)}")
            if result.shortfall:
                count += f"，缺{result.shortfall}人" if zh else f", {result.shortfall} short"
            if result.reserve:
                count += (f"（另有{len(result.reserve)}人可调）" if zh
                          else f" ({len(result.reserve)} more free)")
            lines.append(f"  {_role_title(result, zh)}{'：' if zh else ': '}{count}"
                         f" → {label(result.destination)}")
            for candidate in result.chosen:
                person = candidate.person
                state = _STATE[candidate.availability.value][0 if zh else 1]
                phone = mask_phone(person.phone) if mask else person.phone
                lines.append(f"    · {_pad(person.name, name_w)}  {_pad(person.post, post_w)}  "
                             f"{phone}  {state}，{_travel(candidate, zh)}" if zh else
                             f"    · {_pad(person.name, name_w)}  {_pad(person.post, post_w)}  "
                             f"{phone}  {state}, {_travel(candidate, zh)}")
            for backup, people in result.backups:
                title = _role_title(roles[backup], zh) if backup in roles else (
                    resolution.plan.roles[backup].title if zh
                    else resolution.plan.roles[backup].title_en or backup)
                shown = ("、" if zh else ", ").join(c.person.name for c in people[:5])
                if not people:
                    shown = "无空闲人员" if zh else "nobody free"
                elif len(people) > 5:
                    shown += f" 等{len(people)}人" if zh else f" and {len(people) - 5} more"
                lines.append(f"    备岗 {title}：{shown}" if zh else
                             f"    backup {title}: {shown}")
        no_backup = [f for f in found if f.code == "R002"]
        for finding in found:
            if finding.code == "R002":
                continue
            mark = "✗" if finding.severity is Severity.ERROR else "!"
            severity = ({"error": "错误", "warning": "警告"}[finding.severity.value] if zh
                        else finding.severity.value)
            text = finding.message_zh if zh else finding.message_en
            lines.append(f"  {mark} {severity} {finding.code}：{text}" if zh else
                         f"  {mark} {severity} {finding.code}: {text}")
        if no_backup:  # one line; roles already listed at a lower level are not repeated
            new = [f.role for f in no_backup if f.role not in no_backup_seen]
            titles = [_role_title(roles[rid], zh) for rid in new]
            again = len(no_backup) - len(new)
            if zh:
                text = "、".join(titles) + (f"，及上文所列{again}个岗位" if again and new else
                                           f"上文所列{again}个岗位" if again else "")
                lines.append(f"  ! 警告 R002：未设置备岗：{text}")
            else:
                text = ", ".join(titles) + (f", and {again} listed above" if again and new else
                                           f"the {again} listed above" if again else "")
                lines.append(f"  ! warning R002: no backup for {text}")
            no_backup_seen.update(new)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
