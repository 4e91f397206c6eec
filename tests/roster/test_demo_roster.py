"""The demo roster: the report's figures, the township layout, the duty rota, availability."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from console.paths import shipped_plans_dir
from console.plans import iter_plan_files, load_plan
from console.plans.vocabulary import Channel, Unit
from console.roster.demo import (
    DEMO_LABEL,
    GRIDS,
    VILLAGES,
    build_demo_roster,
    demo_files,
    load_demo_roster,
    main,
)
from console.roster.model import Availability, Person, Roster, ShiftKind
from console.roster.table_columns import TAG_NAMES

GRID_COUNTS = {"heixi": 5, "shengdi": 4, "guangming": 4, "huzhu": 4, "shimen": 4,
               "qingshan": 4, "xintian": 3, "chayuan": 4, "huangyan": 4, "shuitian": 3}
SUNDAY = dt.date(2026, 7, 12)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_demo_roster()


def _grid_workers(roster: Roster) -> list[Person]:
    return [p for p in roster if "grid_worker" in p.tags]


def test_report_figures(roster: Roster) -> None:
    """52 township staff, 38 village (community) staff and 39 grid workers."""
    township = [p for p in roster if p.township_staff]
    village_staff = [p for p in roster if p.unit is Unit.VILLAGE and "grid_worker" not in p.tags]
    assert (len(township), len(village_staff), len(_grid_workers(roster))) == (52, 38, 39)
    assert len(roster) == 129


def test_counts_per_unit(roster: Roster) -> None:
    """The township staff spread over leadership, command centre and the four boards."""
    assert Counter(p.unit for p in roster) == {
        Unit.LEADERSHIP: 10, Unit.COMMAND_CENTRE: 5, Unit.PARTY_BUILDING: 8,
        Unit.ECONOMIC_DEVELOPMENT: 10, Unit.LIVELIHOOD_SERVICES: 10,
        Unit.SAFETY_RULE_OF_LAW: 9, Unit.VILLAGE: 77}


def test_villages_and_grids_use_the_map_ids(roster: Roster) -> None:
    """Ten villages with the agreed ids; 39 grids named like 光明村第2网格."""
    assert [v.id for v in VILLAGES] == list(GRID_COUNTS)
    assert [v.id for v in roster.villages if v.community] == ["heixi", "shengdi"]
    assert Counter(g.village for g in GRIDS) == GRID_COUNTS
    assert len(GRIDS) == 39
    assert roster.grid_by_id["guangming-2"].name == "光明村第2网格"
    assert all(re.fullmatch(rf"{g.village}-\d", g.id) for g in GRIDS)


def test_one_grid_worker_per_grid(roster: Roster) -> None:
    """Every grid has exactly one grid worker, who lives and works in it."""
    workers = _grid_workers(roster)
    assert sorted(g for p in workers for g in p.grids) == sorted(g.id for g in GRIDS)
    for person in workers:
        (grid,) = person.grids
        assert person.post == "网格员"
        assert person.village == roster.grid_by_id[grid].village
        assert person.home == person.duty_location == grid
        assert Channel.RADIO in person.channels


def test_every_grid_has_a_leader_from_its_village(roster: Roster) -> None:
    """Grid leaders are village cadres leading one or two grids of their own village."""
    leaders = roster.select(tags=["grid_leader"])
    assert sorted(g for p in leaders for g in p.grids) == sorted(g.id for g in GRIDS)
    for person in leaders:
        assert person.unit is Unit.VILLAGE and "village_cadre" in person.tags
        assert 1 <= len(person.grids) <= 2
        assert {roster.grid_by_id[g].village for g in person.grids} == {person.village}
    assert any(len(p.grids) == 2 for p in leaders)


def test_village_staff(roster: Roster) -> None:
    """Village staff work at their village, live in its grids; each village has a head."""
    staff = [p for p in roster if p.unit is Unit.VILLAGE and "grid_worker" not in p.tags]
    assert Counter(p.village for p in staff) == {
        v: (3 if n == 3 else 4) for v, n in GRID_COUNTS.items()}
    for person in staff:
        assert person.duty_location == person.village
        assert roster.grid_by_id[person.home].village == person.village
        assert "village_cadre" in person.tags
    heads = {p.village for p in staff if "书记" in p.post}
    assert heads == set(GRID_COUNTS)


def test_leadership_and_command_centre(roster: Roster) -> None:
    """One commander (the party secretary); deputies in the leadership; duty officers."""
    (commander,) = roster.select(tags=["commander"])
    assert commander.unit is Unit.LEADERSHIP and "党委书记" in commander.post
    deputies = roster.select(tags=["deputy_commander"])
    assert len(deputies) >= 3 and all(p.unit is Unit.LEADERSHIP for p in deputies)
    assert any("镇长" in p.post for p in deputies)
    officers = roster.select(tags=["duty_officer"])
    assert officers and all(p.unit is Unit.COMMAND_CENTRE for p in officers)
    for person in roster:
        if person.township_staff and person.village is None:
            assert person.duty_location in ("command_centre", "town_centre")
            assert person.home in roster.village_by_id or person.home in roster.grid_by_id


def test_teams_and_skills(roster: Roster) -> None:
    """The town emergency team, forest-fire squads in every village, medics, and more."""
    team = roster.select(tags=["emergency_team"])
    assert 15 <= len(team) <= 25
    by_unit = Counter(p.unit for p in team)
    assert by_unit.most_common(1)[0][0] is Unit.SAFETY_RULE_OF_LAW
    squads = Counter(p.village for p in roster.select(tags=["forest_fire_squad"]) if p.village)
    assert set(squads) == set(GRID_COUNTS)
    assert squads["shengdi"] > squads["heixi"]
    medics = roster.select(tags=["medic"])
    assert medics and all(p.unit is Unit.LIVELIHOOD_SERVICES for p in medics)
    used = {t for p in roster for t in p.tags}
    assert used == set(TAG_NAMES)


def test_shipped_plans_find_people(roster: Roster) -> None:
    """Every role selector of the shipped plans matches someone in the demo roster."""
    missing = []
    for path in iter_plan_files([shipped_plans_dir()]):
        plan = load_plan(path).plan
        assert plan is not None, path
        for role_id, role in plan.roles.items():
            for selector in role.from_:
                if not roster.select(unit=selector.unit, tags=selector.tags, post=selector.post):
                    missing.append(f"{path.name}: {role_id}: {selector}")
    assert missing == []


def test_ids_phones_and_names_are_unique_and_synthetic(roster: Roster) -> None:
    """Unique ids, masked unique phones, unique synthetic names; all marked demo."""
    people = roster.people
    assert len({p.id for p in people}) == len({p.phone for p in people}) == len(people)
    assert len({p.name for p in people}) == len(people)
    assert all(re.fullmatch(r"1[3-9]\d\*{4}\d{4}", p.phone) for p in people)
    assert "王振芳" not in {p.name for p in people}
    assert roster.demo and all(p.demo for p in people)


def test_generation_is_deterministic_and_shipped_files_are_fresh(roster: Roster) -> None:
    """The generator gives the same roster twice, and the shipped files hold it."""
    first, second = build_demo_roster(), build_demo_roster()
    assert first.people == second.people and first.shifts == second.shifts
    assert tuple(p.id for p in roster) == tuple(p.id for p in first)
    assert [p.phone for p in roster] == [p.phone for p in first]
    assert roster.shifts == first.shifts
    assert main(["--check"]) == 0


def test_shipped_files_are_labelled_and_excel_friendly() -> None:
    """UTF-8 with BOM, and a title row saying this is demo data."""
    for path in demo_files():
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert DEMO_LABEL in raw.decode("utf-8-sig").splitlines()[0]


def test_flood_season_rota(roster: Roster) -> None:
    """A 24-hour duty officer every day of the year; from 1 June to 30 September also a
    leader in charge and a cadre: three 24-hour duties from 08:00."""
    duties = [s for s in roster.shifts if s.kind is ShiftKind.DUTY]
    days = Counter(s.start.date() for s in duties)
    assert min(days) == dt.date(2026, 1, 1) and max(days) == dt.date(2026, 12, 31)
    assert len(days) == 365
    season = {d: n for d, n in days.items() if 6 <= d.month <= 9}
    assert len(season) == 122 and set(season.values()) == {3}
    assert {n for d, n in days.items() if d not in season} == {1}
    assert all(s.start.time() == dt.time(8) and s.end - s.start == dt.timedelta(days=1)
               for s in duties)
    leaders = {s.person for s in duties if s.note == "带班领导"}
    assert all(roster.by_id[p].unit is Unit.LEADERSHIP for p in leaders)
    officers = {s.person for s in duties if s.note == "值班员"}
    assert all(roster.by_id[p].unit is Unit.COMMAND_CENTRE for p in officers)


def test_nobody_on_duty_while_on_leave(roster: Roster) -> None:
    """The rota skips people on leave; a few leave entries and one standing absence."""
    leave = [s for s in roster.shifts if s.kind is ShiftKind.LEAVE]
    assert 3 <= len(leave) <= 6
    assert [p.id for p in roster if p.status is Availability.ON_LEAVE] == ["T041"]
    for duty in roster.shifts:
        if duty.kind is ShiftKind.DUTY:
            assert roster.by_id[duty.person].status is not Availability.ON_LEAVE
            assert not any(s.person == duty.person and s.start < duty.end and duty.start < s.end
                           for s in leave)


def _states(roster: Roster, moment: dt.datetime) -> dict[Availability, set[str]]:
    states: dict[Availability, set[str]] = {a: set() for a in Availability}
    for person in roster:
        states[roster.availability(person, moment)].add(person.id)
    return states


def test_sunday_night_only_the_rota_is_on_duty(roster: Roster) -> None:
    """12 July 2026 (a Sunday) 02:00: the three on the shift that began Saturday 08:00."""
    assert SUNDAY.weekday() == 6
    moment = dt.datetime.combine(SUNDAY, dt.time(2))
    states = _states(roster, moment)
    on_rota = {s.person for s in roster.shifts if s.kind is ShiftKind.DUTY
               and s.start == dt.datetime(2026, 7, 11, 8)}
    assert states[Availability.ON_DUTY] == on_rota and len(on_rota) == 3
    assert states[Availability.ON_LEAVE] == {"T010", "T015", "T041", "W016"}
    assert len(states[Availability.OFF_DUTY]) == 122


def test_sunday_afternoon_no_office_hours(roster: Roster) -> None:
    """12 July 2026 14:00: Sunday, so no office hours; the next shift's three are on duty."""
    afternoon = _states(roster, dt.datetime.combine(SUNDAY, dt.time(14)))
    night = _states(roster, dt.datetime.combine(SUNDAY, dt.time(2)))
    on_rota = {s.person for s in roster.shifts if s.kind is ShiftKind.DUTY
               and s.start == dt.datetime(2026, 7, 12, 8)}
    assert afternoon[Availability.ON_DUTY] == on_rota
    assert on_rota != night[Availability.ON_DUTY]
    assert roster.select(tags=["commander"])[0].id in on_rota


def test_monday_office_hours(roster: Roster) -> None:
    """Monday 13 July 10:00 everyone not on leave is at work; at 12:30 only the rota."""
    morning = _states(roster, dt.datetime(2026, 7, 13, 10))
    assert morning[Availability.ON_LEAVE] == {"T010", "T041", "W016"}
    assert len(morning[Availability.ON_DUTY]) == 126
    lunch = _states(roster, dt.datetime(2026, 7, 13, 12, 30))
    assert len(lunch[Availability.ON_DUTY]) == 3
    person = roster.by_id["W001"]
    assert roster.location(person, dt.datetime(2026, 7, 13, 10)) == "heixi-1"


def test_outside_the_flood_season_no_rota(roster: Roster) -> None:
    """A Sunday in October: only the command centre's duty officer is on duty."""
    states = _states(roster, dt.datetime(2026, 10, 11, 2))
    assert len(states[Availability.ON_DUTY]) == 1
    (officer,) = states[Availability.ON_DUTY]
    assert roster.by_id[officer].unit is Unit.COMMAND_CENTRE
    assert states[Availability.ON_LEAVE] == {"T041"}
