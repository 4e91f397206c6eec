"""A hand-made roster that uses every field the store must keep."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from console.plans.vocabulary import Channel, Unit
from console.roster.model import (
    Availability,
    DutyShift,
    Grid,
    Person,
    Roster,
    ShiftKind,
    Village,
    WorkingHours,
)

BEIJING = dt.timezone(dt.timedelta(hours=8))


def sample_roster() -> Roster:
    people = (
        Person(id="T001", name="王建国", phone="138****0001", unit=Unit.LEADERSHIP,
               post="镇长、防汛指挥部指挥长", tags=frozenset({"指挥长", "防汛"}),
               duty_location="镇政府应急指挥中心", home="镇政府宿舍 2-301",
               channels=(Channel.PHONE, Channel.RADIO)),
        Person(id="T002", name="李秀英", phone="139****0002", unit=Unit.COMMAND_CENTRE,
               post="值班员", tags=frozenset({"值班", "信息报送"}),
               home="103.6512,30.9876", duty_location="103.6420,30.9911",
               channels=(Channel.WECHAT, Channel.SMS, Channel.PHONE)),
        Person(id="V001", name="张德明", phone="137****0003", unit=Unit.VILLAGE,
               post="光明村党总支书记", village="V-GM", tags=frozenset({"村支书"}),
               grids=("G-GM-02", "G-GM-01"), home="光明村三组 8 号"),
        Person(id="V002", name="赵小燕", phone="136****0004", unit=Unit.VILLAGE,
               post="网格员", village="V-GM", grids=("G-GM-01",),
               status=Availability.ON_LEAVE, channels=(), demo=True),
        Person(id="D001", name="刘工", phone="", unit=Unit.DISTRICT, post="区应急局联络员"),
    )
    shifts = (
        DutyShift(person="T002", start=dt.datetime(2026, 6, 1, 8, 30),
                  end=dt.datetime(2026, 6, 2, 8, 30), note="汛期 24 小时值班"),
        DutyShift(person="T001", start=dt.datetime(2026, 6, 3, 20, 0, 0, 123456, BEIJING),
                  end=dt.datetime(2026, 6, 4, 8, 0, tzinfo=dt.UTC)),
        DutyShift(person="V001", start=dt.datetime(2026, 6, 5), end=dt.datetime(2026, 6, 8),
                  kind=ShiftKind.LEAVE, note="外出学习"),
    )
    return Roster(
        people=people,
        villages=(Village(id="V-GM", name="光明村"),
                  Village(id="C-XJ", name="新街社区", community=True)),
        grids=(Grid(id="G-GM-01", name="光明村第一网格", village="V-GM"),
               Grid(id="G-GM-02", name="光明村第二网格", village="V-GM")),
        shifts=shifts,
        hours=WorkingHours(days=frozenset({0, 1, 2, 3, 4, 5}),
                           spans=((dt.time(9, 0), dt.time(12, 0)),
                                  (dt.time(13, 30), dt.time(17, 30, 15)))),
        source="2026年汛期花名册.xlsx",
        demo=False,
    )


def changed_roster() -> Roster:
    """The sample a month later: one person left, one joined, one changed post."""
    base = sample_roster()
    people = [p for p in base.people if p.id != "D001"]
    people[0] = replace(people[0], post="镇党委书记")
    people.append(Person(id="V003", name="陈志强", phone="135****0005", unit=Unit.VILLAGE,
                         post="网格员", village="C-XJ"))
    return replace(base, people=tuple(people), source="2026年7月花名册.xlsx")
