"""Reading people and duty-rota (值班表) files, checked cell by cell.

Reading is all-or-nothing. Every row is parsed and every problem is reported as
``file:row:column: problem``, and people are only returned when there is no error at all.
Multi-valued cells are separated by 、 , ; or ，.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from console.plans.vocabulary import Channel, Unit
from console.roster.model import Availability, DutyShift, Grid, Person, ShiftKind, Village
from console.roster.table_columns import (
    PEOPLE_COLUMNS,
    SHIFT_COLUMNS,
    SHIFT_NAMES,
    STATUS_NAMES,
    TAG_NAMES,
    norm,
    parse_moment,
    parse_tag,
    parse_unit,
)
from console.roster.table_rows import Outcome, Problem, Table, read_table

__all__ = ["MAX_CELL", "PeopleRead", "ShiftsRead", "read_people", "read_shifts"]

MAX_CELL = 200
_SPLIT = re.compile(r"[、,;，；]")


@dataclass(frozen=True)
class PeopleRead(Outcome):
    """The people of a file, or none when there is any error."""

    people: tuple[Person, ...] = ()


@dataclass(frozen=True)
class ShiftsRead(Outcome):
    shifts: tuple[DutyShift, ...] = ()


# ── people ───────────────────────────────────────────────────────────────────────

_FORMULA_START = ("=", "+", "-", "@")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ID = re.compile(r"[\w.\-]{1,40}")
_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_MASKED = re.compile(r"1[3-9]\d\*{4}\d{4}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
_EXCEL_NUMBER = re.compile(r"\d(?:\.\d+)?[eE]\+\d+")

_CHANNELS = {norm(n): c for c in Channel for n in (c.value, c.zh)} | {
    "手机": Channel.PHONE, "微信": Channel.WECHAT, "对讲": Channel.RADIO, "广播": Channel.BROADCAST}
_STATUSES = {norm(n): a for a in Availability for n in (a.value, a.zh, STATUS_NAMES[a])} | {
    "正常": Availability.ON_DUTY, "外出": Availability.ON_LEAVE, "休假": Availability.ON_LEAVE}


class _Geography:
    def __init__(self, villages: Iterable[Village], grids: Iterable[Grid]):
        self.villages = {v.id: v for v in villages}
        self.grids = {g.id: g for g in grids}
        self.village_refs = {norm(r): v.id for v in self.villages.values() for r in (v.id, v.name)}
        self.grid_refs = {norm(r): g.id for g in self.grids.values() for r in (g.id, g.name)}

    def grid(self, text: str, village: str | None) -> str | None:
        found = self.grid_refs.get(norm(text))
        if found is None and village is not None:  # 第2网格 / 2 within the person's village
            number = re.fullmatch(r"第?(\d+)(?:网格)?", text.strip())
            if number:
                found = self.grid_refs.get(norm(f"{village}-{int(number.group(1))}"))
        return found


def _split(text: str) -> list[str]:
    return list(dict.fromkeys(p.strip() for p in _SPLIT.split(text) if p.strip()))


def _text_problem(text: str) -> str | None:
    if len(text) > MAX_CELL:
        return f"too long ({len(text)} characters; at most {MAX_CELL})"
    if _CONTROL.search(text):
        return "contains a line break or control character"
    if text.startswith(_FORMULA_START):
        return f"starts with '{text[0]}': spreadsheet formulas are not accepted"
    return None


def _phone(text: str) -> tuple[str | None, str | None]:
    compact = re.sub(r"[\s\u3000]", "", text)
    if mobile := _MOBILE.fullmatch(compact.replace("-", "")):
        return mobile.group(1), None
    if _MASKED.fullmatch(compact) or _LANDLINE.fullmatch(compact):
        return compact, None
    if _EXCEL_NUMBER.fullmatch(compact):
        return None, (f"'{text}' is a number Excel shortened: format the column as text "
                      "and enter the number again")
    return None, (f"'{text}' is not a mobile number (13812345678), a masked one "
                  "(138****0001) or a landline (023-79123456)")


class _PeopleParser:
    def __init__(self, geography: _Geography):
        self.geo = geography
        self.people: list[Person] = []
        self.ids: dict[str, int] = {}
        self.phones: dict[str, int] = {}
        self.reported: set[tuple[str, int]] = set()
        self.unknown_tags: dict[str, int] = {}

    def __call__(self, table: Table, number: int, values: dict[str, str]) -> None:
        errors: list[tuple[str, str]] = []
        for key, text in values.items():
            if text and key != "phone" and (problem := _text_problem(text)):
                errors.append((key, problem))
        if errors:
            for key, message in errors:
                table.error(number, key, message)
            return
        person = self._person(values, number, errors)
        self._duplicates(table, number, values, errors)
        for key, message in errors:
            table.error(number, key, message)
        if person is not None and not errors:
            self.people.append(person)

    def _duplicates(self, table: Table, number: int, values: dict[str, str],
                    errors: list[tuple[str, str]]) -> None:
        phone, _ = _phone(values.get("phone", ""))
        for key, value, seen, what in (("id", values.get("id", ""), self.ids, "id"),
                                       ("phone", phone or "", self.phones, "phone")):
            if not value:
                continue
            first = seen.setdefault(value, number)
            if first == number:
                continue
            errors.append((key, f"duplicate {what} {value} (also in row {first})"))
            if (key, first) not in self.reported:
                self.reported.add((key, first))
                table.error(first, key, f"duplicate {what} {value} (also in row {number})")

    def _person(self, values: dict[str, str], number: int,
                errors: list[tuple[str, str]]) -> Person | None:
        def need(key: str, what: str) -> str:
            text = values.get(key, "")
            if not text:
                errors.append((key, f"{what} is missing"))
            return text

        pid, name = need("id", "id"), need("name", "name")
        if pid and not _ID.fullmatch(pid):
            errors.append(("id", f"id '{pid}' may hold letters, digits, '.', '-', '_' only"))
        phone_text = need("phone", "phone")
        phone, problem = _phone(phone_text) if phone_text else (None, None)
        if problem:
            errors.append(("phone", problem))
        unit_text = need("unit", "unit")
        unit = parse_unit(unit_text)
        if unit_text and unit is None:
            errors.append(("unit", f"unknown unit '{unit_text}' (one of "
                                   + "、".join(u.zh for u in Unit) + ")"))
        village = self._village(values.get("village", ""), unit, errors)
        grids = self._grids(values.get("grids", ""), village, errors)
        tags = self._tags(values.get("tags", ""), number, errors)
        channels: list[Channel] = []
        for text in _split(values.get("channels", "")):
            channel = _CHANNELS.get(norm(text))
            if channel is None:
                errors.append(("channels", f"unknown channel '{text}' (one of "
                                           + "、".join(c.zh for c in Channel) + ")"))
            elif channel not in channels:
                channels.append(channel)
        status_text = values.get("status", "")
        status = _STATUSES.get(norm(status_text)) if status_text else Availability.ON_DUTY
        if status is None:
            errors.append(("status", f"unknown status '{status_text}' (在岗, 不在岗 or 请假)"))
        if errors or unit is None or phone is None or status is None:
            return None
        return Person(
            id=pid, name=name, phone=phone, unit=unit, post=values.get("post", ""),
            village=village, tags=tags, grids=grids, home=values.get("home", ""),
            duty_location=values.get("duty_location", ""),
            channels=tuple(channels) or (Channel.PHONE, Channel.SMS, Channel.WECHAT),
            status=status)

    def _village(self, text: str, unit: Unit | None,
                 errors: list[tuple[str, str]]) -> str | None:
        if not text:
            if unit is Unit.VILLAGE:
                errors.append(("village", "village (community) staff need a village"))
            return None
        village = self.geo.village_refs.get(norm(text))
        if village is None:
            errors.append(("village", f"unknown village or community '{text}' (one of "
                           + "、".join(v.name for v in self.geo.villages.values()) + ")"))
        return village

    def _grids(self, text: str, village: str | None,
               errors: list[tuple[str, str]]) -> tuple[str, ...]:
        grids: list[str] = []
        for ref in _split(text):
            grid = self.geo.grid(ref, village)
            if grid is None:
                errors.append(("grids", f"unknown grid '{ref}'"))
                continue
            owner = self.geo.grids[grid].village
            if village is not None and owner != village:
                errors.append(("grids", f"grid {self.geo.grids[grid].name} belongs to "
                               f"{self.geo.villages[owner].name}, not "
                               f"{self.geo.villages[village].name}"))
            elif grid not in grids:
                grids.append(grid)
        return tuple(grids)

    def _tags(self, text: str, number: int, errors: list[tuple[str, str]]) -> frozenset[str]:
        tags: set[str] = set()
        for ref in _split(text):
            tag = parse_tag(ref)
            if tag is None:
                errors.append(("tags", f"unknown skill/tag '{ref}' (an id such as "
                                       "emergency_team, or a name such as 镇应急分队)"))
                continue
            if tag not in TAG_NAMES:
                self.unknown_tags.setdefault(tag, number)
            tags.add(tag)
        return frozenset(tags)


def read_people(path: str | os.PathLike[str], *, villages: Iterable[Village],
                grids: Iterable[Grid]) -> PeopleRead:
    """Read people from a .csv or .xlsx file, checked against the township's villages and
    grids. All or nothing: ``people`` is empty whenever ``errors`` is not."""
    parser = _PeopleParser(_Geography(villages, grids))
    problems = read_table(path, PEOPLE_COLUMNS, parser)
    problems += [Problem(os.fspath(path), row, None, f"tag '{tag}' is not one the shipped "
                         "plans use (check the spelling)", warning=True)
                 for tag, row in parser.unknown_tags.items()]
    problems.sort(key=lambda p: (p.row or 0, p.warning))
    if any(not p.warning for p in problems):
        return PeopleRead(tuple(problems))
    return PeopleRead(tuple(problems), tuple(parser.people))


# ── duty rota ────────────────────────────────────────────────────────────────────

_KINDS = {norm(n): k for k in ShiftKind for n in (k.value, SHIFT_NAMES[k])} | {
    "值守": ShiftKind.DUTY, "带班": ShiftKind.DUTY, "外出": ShiftKind.LEAVE,
    "休假": ShiftKind.LEAVE, "年休假": ShiftKind.LEAVE, "病假": ShiftKind.LEAVE,
    "事假": ShiftKind.LEAVE}


def read_shifts(path: str | os.PathLike[str], *, people: Mapping[str, Person]) -> ShiftsRead:
    """Read a duty rota (值班表) whose people must be in ``people``. All or nothing."""
    shifts: list[DutyShift] = []

    def parse_row(table: Table, number: int, values: dict[str, str]) -> None:
        errors: list[tuple[str, str]] = [
            (k, p) for k, t in values.items() if t and (p := _text_problem(t))]
        pid = values.get("person", "")
        person = people.get(pid)
        if not pid:
            errors.append(("person", "id is missing"))
        elif person is None:
            errors.append(("person", f"no one with id '{pid}' in the roster"))
        elif values.get("name") and values["name"] != person.name:
            errors.append(("name", f"'{values['name']}' is not the name of {pid} "
                                   f"({person.name})"))
        kind_text = values.get("kind", "")
        kind = _KINDS.get(norm(kind_text)) if kind_text else ShiftKind.DUTY
        if kind is None:
            errors.append(("kind", f"unknown kind '{kind_text}' (值班 or 请假)"))
        moments: list[dt.datetime] = []
        for key in ("start", "end"):
            text = values.get(key, "")
            moment = parse_moment(text) if text else None
            if moment is None:
                errors.append((key, f"'{text}' is not a time such as 2026-07-12 08:00"
                               if text else "time is missing"))
            else:
                moments.append(moment)
        if len(moments) == 2 and moments[1] <= moments[0]:
            errors.append(("end", "ends before it starts"))
        for key, message in errors:
            table.error(number, key, message)
        if not errors and kind is not None:
            shifts.append(DutyShift(pid, moments[0], moments[1], kind, values.get("note", "")))

    problems = read_table(path, SHIFT_COLUMNS, parse_row)
    ok = not any(not p.warning for p in problems)
    return ShiftsRead(tuple(problems), tuple(shifts) if ok else ())
