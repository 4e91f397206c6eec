"""Role resolution picks the right people, nearest first, and says what is missing."""

from __future__ import annotations

import datetime as dt

import pytest

from console.plans import Level, load_plan_text
from console.plans.model import Plan
from console.plans.vocabulary import Unit
from console.roster.model import Availability, DutyShift, Grid, Person, Roster, ShiftKind, Village
from console.roster.resolve import Incident, active_roles, resolve_roles

PLAN = """\
format: 1
id: t
title: 测试
hazard: forest_fire
version: "1"
status: draft
owner: 测试
levels:
  IV: {name: 一般, color: blue, trigger: a}
  III: {name: 较大, color: yellow, trigger: b}
  II: {name: 重大, color: orange, trigger: c}
  I: {name: 特别重大, color: red, trigger: d}
roles:
  boss: {title: 指挥长, from: {unit: leadership, tags: [commander]}, command: true}
  leader: {title: 网格长, from: {grid: incident, tags: [grid_leader]}, backups: [cadre]}
  cadre: {title: 村干部, from: {village: incident, tags: [village_cadre]},
          count: {III: 1, II: 1, I: 1}}
  squad: {title: 森防队, from: {village: incident, tags: [forest_fire_squad]},
          count: {IV: 2, III: 4, II: 4, I: 4}, backups: [town], assemble_at: incident}
  town: {title: 镇应急分队, from: {unit: safety_rule_of_law, tags: [emergency_team]},
         count: {III: 1, II: 2, I: 2}}
steps:
  a: {title: 接警, lane: town, role: boss, stage: report}
  b: {title: 核实, lane: grid, role: leader, after: [a]}
  c: {title: 村里, lane: village, role: cadre, after: [b], levels: III+}
  d: {title: 扑救, lane: village, role: squad, after: [b], mobilises: [town]}
  e: {title: 反馈, lane: grid, role: leader, after: [d], stage: feedback}
"""

NIGHT = dt.datetime(2026, 7, 15, 2, 0)  # a Wednesday
DAY = dt.datetime(2026, 7, 15, 15, 0)


def _person(pid: str, unit: Unit, tags: str, village: str | None = None,
            grids: tuple[str, ...] = (), **kw: object) -> Person:
    return Person(pid, f"人{pid}", f"138****{pid[-4:]:0>4}", unit, "岗位", village,
                  frozenset(tags.split()), grids, home=f"home-{pid}", duty_location="centre",
                  **kw)  # type: ignore[arg-type]


class Distances:
    """Fake travel: seconds by origin; a missing origin is unreachable."""

    def __init__(self, table: dict[str, float]) -> None:
        self.table = table

    def seconds(self, origin: str, destination: str) -> float | None:
        return self.table.get(origin)


@pytest.fixture
def plan() -> Plan:
    loaded = load_plan_text(PLAN)
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


@pytest.fixture
def roster() -> Roster:
    people = (
        _person("0001", Unit.LEADERSHIP, "commander"),
        _person("0002", Unit.VILLAGE, "grid_leader village_cadre forest_fire_squad", "sd",
                ("sd-1",)),
        _person("0003", Unit.VILLAGE, "village_cadre forest_fire_squad", "sd", ("sd-2",)),
        _person("0004", Unit.VILLAGE, "forest_fire_squad", "sd"),
        _person("0005", Unit.VILLAGE, "forest_fire_squad", "sd"),
        _person("0006", Unit.VILLAGE, "forest_fire_squad", "sd", status=Availability.ON_LEAVE),
        _person("0007", Unit.VILLAGE, "forest_fire_squad", "gm"),
        _person("0008", Unit.SAFETY_RULE_OF_LAW, "emergency_team"),
        _person("0009", Unit.SAFETY_RULE_OF_LAW, "emergency_team"),
    )
    shifts = (DutyShift("0008", dt.datetime(2026, 7, 14, 8), dt.datetime(2026, 7, 15, 8)),
              DutyShift("0005", dt.datetime(2026, 7, 15, 12), dt.datetime(2026, 7, 16),
                        ShiftKind.LEAVE))
    return Roster(people, (Village("sd", "胜地社区", True), Village("gm", "光明村")),
                  (Grid("sd-1", "胜地社区第1网格", "sd"), Grid("sd-2", "胜地社区第2网格", "sd")),
                  shifts)


def test_active_roles_follow_the_level(plan: Plan) -> None:
    """Roles with nobody at a level, or used by no step there, are not called."""
    assert active_roles(plan, Level.IV) == ["boss", "leader", "squad"]
    assert active_roles(plan, Level.III) == ["boss", "leader", "cadre", "squad", "town"]


def test_nearest_available_people_are_chosen(plan: Plan, roster: Roster) -> None:
    """Squad members are ranked by travel time; people on leave are listed apart."""
    travel = Distances({"home-0004": 300, "home-0005": 120, "home-0003": 200, "home-0002": 60,
                        "home-0006": 10, "centre": 900, "home-0001": 600})
    result = resolve_roles(plan, Level.IV, Incident("sd", NIGHT, "sd", "sd-1"), roster, travel)
    squad = result.roles["squad"]
    assert [c.person.id for c in squad.chosen] == ["0005", "0003"]
    assert [c.person.id for c in squad.reserve] == ["0004"]
    assert [c.person.id for c in squad.unavailable] == ["0006"]
    assert [(c.person.id, r) for c, r in squad.taken_elsewhere] == [("0002", "leader")]
    assert result.roles["leader"].chosen[0].person.id == "0002"
    assert squad.shortfall == 0 and result.shortfalls == {}


def test_leave_in_the_duty_calendar_and_shortfall(plan: Plan, roster: Roster) -> None:
    """On a weekday afternoon everyone is at the office; 0005's leave starts at noon.

    Level Ⅲ needs 4 squad members: 0002 and 0003 are already the grid leader and the
    village cadre, 0005 and 0006 are away, so only 0004 is called: 3 short. The backup
    role's free people (0009, after 0008 went to the town squad) come next.
    """
    travel = Distances({"centre": 50})
    result = resolve_roles(plan, Level.III, Incident("sd", DAY, "sd", "sd-1"), roster, travel)
    squad = result.roles["squad"]
    assert [c.person.id for c in squad.unavailable] == ["0005", "0006"]
    assert [c.person.id for c in squad.chosen] == ["0004"]
    assert [(c.person.id, r) for c, r in squad.taken_elsewhere] == [("0002", "leader"),
                                                                     ("0003", "cadre")]
    assert squad.needed == 4 and squad.shortfall == 3
    assert result.shortfalls == {"squad": 3}
    assert [c.person.id for c in result.roles["town"].chosen] == ["0008"]
    assert [(b, [c.person.id for c in people]) for b, people in squad.backups] == [
        ("town", ["0009"])]


def test_unreachable_people_are_not_called(plan: Plan, roster: Roster) -> None:
    """Someone no road leads from is listed as unavailable, not chosen."""
    travel = Distances({"home-0001": 60, "home-0002": 60})
    result = resolve_roles(plan, Level.IV, Incident("sd", NIGHT, "sd", "sd-1"), roster, travel)
    squad = result.roles["squad"]
    assert squad.chosen == () and squad.shortfall == 2
    assert {c.person.id for c in squad.unavailable} == {"0003", "0004", "0005", "0006"}


def test_on_duty_at_night_comes_from_the_rota(roster: Roster) -> None:
    """The 24-hour rota puts 0008 on duty at 02:00; 0009 is off duty then."""
    assert roster.availability(roster.by_id["0008"], NIGHT) is Availability.ON_DUTY
    assert roster.availability(roster.by_id["0009"], NIGHT) is Availability.OFF_DUTY
    assert roster.availability(roster.by_id["0009"], DAY) is Availability.ON_DUTY
    assert roster.location(roster.by_id["0009"], NIGHT) == "home-0009"
