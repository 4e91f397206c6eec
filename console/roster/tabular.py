"""Roster import and export: CSV and Excel (.xlsx) with Chinese (or English) headers.

Reading is all-or-nothing. Every row is parsed and every problem is reported as
``file:row:column: problem`` — the row as the spreadsheet shows it, the column by its
header — and people are only returned when there is no error at all. Rows are streamed
(``csv`` reader, openpyxl read-only), so a 10,000-row file costs little more memory than
the people it holds.

People files have the columns of ``PEOPLE_COLUMNS`` (编号, 姓名, 手机, 单位, …; the
English ids ``id``, ``name``, ``phone``, … work too); duty-rota files have those of
``SHIFT_COLUMNS``. A title row above the header (黑溪镇应急人员花名册…) is skipped.
Multi-valued cells are separated by 、 , ; or ，. CSV files may be UTF-8 with or without
BOM, or GB18030/GBK as Excel on a Chinese Windows saves them (read with a warning).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from console.plans.vocabulary import Channel, Unit
from console.roster.model import Availability, DutyShift, Grid, Person, Roster, ShiftKind, Village

__all__ = [
    "PEOPLE_COLUMNS",
    "PEOPLE_FILE",
    "ROTA_FILE",
    "SHIFT_COLUMNS",
    "STATUS_NAMES",
    "SUFFIXES",
    "TAG_NAMES",
    "Column",
    "Lang",
    "PeopleRead",
    "PersonChange",
    "Problem",
    "RosterDiff",
    "RosterImport",
    "ShiftsRead",
    "diff_people",
    "field_text",
    "import_roster",
    "load_roster",
    "parse_moment",
    "parse_tag",
    "parse_unit",
    "read_people",
    "read_shifts",
    "save_roster",
    "write_people",
    "write_shifts",
]

Lang = Literal["zh", "en"]

SUFFIXES = (".csv", ".xlsx")
MAX_ROWS = 100_000
MAX_CELL = 200
_HEADER_SEARCH_ROWS = 10
_SPLIT = re.compile(r"[、,;，；]")

#: The skills/tags shared with the shipped plans, in display order, with Chinese names.
TAG_NAMES: Mapping[str, str] = {
    "commander": "指挥长", "deputy_commander": "副指挥长", "duty_officer": "值班员",
    "emergency_team": "镇应急分队", "forest_fire_squad": "森防应急小分队",
    "flood_patrol": "防汛巡查", "geological_monitor": "地灾监测员", "grid_leader": "网格长",
    "grid_worker": "网格员", "village_cadre": "村干部", "driver": "驾驶员", "medic": "医护",
    "legal_adviser": "法律明白人", "mediator": "调解员", "petition_officer": "信访专干",
    "police_liaison": "警务联络", "publicity": "宣传报道", "relief_officer": "救灾救助",
    "forestry_officer": "林业员", "water_officer": "水利员", "electrician": "电工",
    "road_crew": "道路抢通",
}
STATUS_NAMES: Mapping[Availability, str] = {
    Availability.ON_DUTY: "在岗", Availability.OFF_DUTY: "不在岗", Availability.ON_LEAVE: "请假"}
_SHIFT_NAMES = {ShiftKind.DUTY: "值班", ShiftKind.LEAVE: "请假"}


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key (the ``Person`` field), Chinese and English headers, aliases."""

    key: str
    zh: str
    en: str
    required: bool = False
    aliases: tuple[str, ...] = ()

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


PEOPLE_COLUMNS = (
    Column("id", "编号", "id", True, ("工号", "人员编号")),
    Column("name", "姓名", "name", True),
    Column("phone", "手机", "phone", True, ("手机号", "手机号码", "电话", "mobile")),
    Column("unit", "单位", "unit", True, ("所属单位", "板块")),
    Column("post", "职务", "post", False, ("岗位",)),
    Column("tags", "技能/标签", "tags", False, ("技能", "标签", "skills")),
    Column("village", "所在村/社区", "village", False, ("村/社区", "所在村", "村(社区)")),
    Column("grids", "网格", "grids", False, ("所在网格", "grid")),
    Column("home", "家庭住址", "home", False, ("住址", "家庭地址")),
    Column("duty_location", "值班地点", "duty_location", False, ("工作地点",)),
    Column("channels", "联系方式", "channels", False, ("通知方式",)),
    Column("status", "状态", "status", False),
)
SHIFT_COLUMNS = (
    Column("person", "编号", "person", True, ("人员编号", "id")),
    Column("name", "姓名", "name", False),
    Column("kind", "类型", "kind", False, ("班次",)),
    Column("start", "开始", "start", True, ("开始时间", "from")),
    Column("end", "结束", "end", True, ("结束时间", "to")),
    Column("note", "备注", "note", False, ("岗位", "说明")),
)
_PEOPLE_FIELDS = tuple(c.key for c in PEOPLE_COLUMNS if c.key != "id")


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of a file; ``row`` and ``column`` as the spreadsheet shows them."""

    file: str
    row: int | None
    column: str | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row is not None else "") + (
            f":{self.column}" if self.column is not None and self.row is not None else "")
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass(frozen=True)
class _Outcome:
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.warning)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class PeopleRead(_Outcome):
    """The people of a file, or none when there is any error."""

    people: tuple[Person, ...] = ()


@dataclass(frozen=True)
class ShiftsRead(_Outcome):
    shifts: tuple[DutyShift, ...] = ()


@dataclass(frozen=True)
class RosterImport(_Outcome):
    """A roster built from files; ``roster`` is None when there is any error."""

    roster: Roster | None = None
    dropped_shifts: int = 0


@dataclass(frozen=True, slots=True)
class PersonChange:
    before: Person
    after: Person
    fields: tuple[str, ...]  # Column keys, in column order


@dataclass(frozen=True)
class RosterDiff:
    added: tuple[Person, ...] = ()
    changed: tuple[PersonChange, ...] = ()
    removed: tuple[Person, ...] = ()
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


class _Unreadable(Exception):
    """The file as a whole cannot be read (wrong encoding, not a workbook, no header)."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.row, self.column = row, column


def _norm(text: str) -> str:
    return (text.strip().lower().replace(" ", "").replace("（", "(").replace("）", ")")
            .replace("／", "/").replace("_", ""))


# ── reading rows ─────────────────────────────────────────────────────────────────


def _csv_encoding(path: Path) -> tuple[str, str | None]:
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(b"PK\x03\x04"):
            raise _Unreadable("this is an Excel workbook, not CSV text: name it .xlsx")
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig", None
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", None
        for codec in ("utf-8", "gb18030"):
            handle.seek(0)
            decoder = codecs.getincrementaldecoder(codec)()
            try:
                while chunk := handle.read(1 << 16):
                    if b"\x00" in chunk:
                        raise _Unreadable("the file contains NUL bytes: it is not CSV text")
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            if codec == "utf-8":
                return codec, None
            return codec, ("file is encoded as GB18030/GBK (Excel on a Chinese Windows), "
                           "not UTF-8; it was read as GB18030 — save as 'CSV UTF-8' to avoid this")
    raise _Unreadable("the file is neither UTF-8 nor GB18030 text: save it as 'CSV UTF-8'")


@contextmanager
def _csv_rows(path: Path, warn: list[Problem]) -> Iterator[Iterator[list[str]]]:
    codec, warning = _csv_encoding(path)
    if warning:
        warn.append(Problem(str(path), None, None, warning, warning=True))
    with path.open(encoding=codec, newline="") as handle:
        try:
            sample = handle.read(1 << 16)
        except UnicodeDecodeError:
            raise _Unreadable(f"the file starts with a {codec} mark but is not {codec} text"
                              ) from None
        # Excel's "Unicode text" is tab-separated UTF-16; its CSV is comma-separated.
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)

        def rows() -> Iterator[list[str]]:
            try:
                for cells in reader:
                    yield [c.strip() for c in cells]
            except csv.Error as exc:
                raise _Unreadable(f"not readable as CSV: {exc}", reader.line_num) from None
            except UnicodeDecodeError:
                raise _Unreadable(f"the file starts with a {codec} mark but is not {codec} "
                                  "text", reader.line_num + 1) from None

        yield rows()


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


@contextmanager
def _xlsx_rows(path: Path) -> Iterator[Iterator[list[str]]]:
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise _Unreadable(f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None

    def rows() -> Iterator[list[str]]:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # other tools write wrong sheet sizes; read what is there
        try:
            for row in sheet.iter_rows(values_only=True):
                yield [_xlsx_text(v) for v in row]
        except Exception as exc:  # a damaged sheet part surfaces only while reading
            raise _Unreadable(f"damaged .xlsx workbook ({type(exc).__name__}: {exc})") from None

    try:
        yield rows()
    finally:
        book.close()


@contextmanager
def _open_rows(path: Path, warn: list[Problem]) -> Iterator[Iterator[list[str]]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with _csv_rows(path, warn) as rows:
            yield rows
    elif suffix == ".xlsx":
        with _xlsx_rows(path) as rows:
            yield rows
    else:
        raise _Unreadable(f"unsupported file type {suffix or '(none)'}: use .csv or .xlsx"
                          + (" (save the old .xls as .xlsx)" if suffix == ".xls" else ""))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class _Table:
    """A header-mapped view of a file's rows: yields (row number, {key: text})."""

    file: str
    columns: Sequence[Column]
    problems: list[Problem]
    labels: dict[str, str] = field(default_factory=dict)
    ignored: set[int] = field(default_factory=set)  # columns with a header we do not use

    def label(self, key: str) -> str:
        return self.labels.get(key) or next(c.zh for c in self.columns if c.key == key)

    def error(self, row: int | None, key: str | None, message: str) -> None:
        column = None if key is None else self.label(key)
        self.problems.append(Problem(self.file, row, column, message))

    def _header(self, cells: list[str]) -> dict[int, str] | None:
        lookup = {_norm(name): c.key for c in self.columns
                  for name in (c.zh, c.en, c.key, *c.aliases)}
        matched = {i: lookup[_norm(t)] for i, t in enumerate(cells) if _norm(t) in lookup}
        required = {c.key for c in self.columns if c.required}
        return matched if len(set(matched.values()) & required) >= 2 else None

    def rows(self, raw: Iterator[list[str]]) -> Iterator[tuple[int, dict[str, str]]]:
        header: dict[int, str] | None = None
        number = 0
        for number, cells in enumerate(raw, start=1):
            if not any(cells):
                continue
            if header is None:
                header = self._header(cells)
                if header is None:
                    if number >= _HEADER_SEARCH_ROWS:
                        break
                    continue  # a title row
                self._check_header(number, cells, header)
                if any(p.row == number and not p.warning for p in self.problems):
                    return
                continue
            if number > MAX_ROWS + _HEADER_SEARCH_ROWS:
                raise _Unreadable(f"more than {MAX_ROWS:,} rows: split the file", number)
            values: dict[str, str] = {}
            for index, text in enumerate(cells):
                key = header.get(index)
                if key is not None:
                    values[key] = text
                elif text and index not in self.ignored:
                    self.problems.append(Problem(self.file, number, _column_letter(index),
                                                 "value in a column without a header"))
            yield number, values
        if header is None:
            names = ", ".join(c.zh for c in self.columns)
            raise _Unreadable(f"no header row found (expected columns such as {names})",
                              min(number, _HEADER_SEARCH_ROWS) or None)

    def _check_header(self, number: int, cells: list[str], header: dict[int, str]) -> None:
        english = sum(_norm(cells[i]) == _norm(self._column(k).en) for i, k in header.items())
        lang: Lang = "en" if english * 2 > len(header) else "zh"
        seen: dict[str, int] = {}
        for index, key in header.items():
            if key in seen:
                self.problems.append(Problem(self.file, number, cells[index],
                                             f"column appears twice (also column "
                                             f"{_column_letter(seen[key])})"))
            seen.setdefault(key, index)
            self.labels.setdefault(key, cells[index])
        for column in self.columns:
            self.labels.setdefault(column.key, column.label(lang))
            if column.required and column.key not in seen:
                self.error(number, column.key, "required column is missing")
        for index, text in enumerate(cells):
            if text and index not in header:
                self.ignored.add(index)
                self.problems.append(Problem(self.file, number, text,
                                             "column is not part of the roster; ignored",
                                             warning=True))

    def _column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _read(path: str | os.PathLike[str], columns: Sequence[Column],
          parse_row: Callable[[_Table, int, dict[str, str]], None]) -> list[Problem]:
    """Drive ``parse_row(table, number, values)`` over the rows; return the problems."""
    file = os.fspath(path)
    problems: list[Problem] = []
    table = _Table(file, columns, problems)
    try:
        if not Path(file).is_file():
            raise _Unreadable("no such file")
        with _open_rows(Path(file), problems) as raw:
            for number, values in table.rows(raw):
                parse_row(table, number, values)
    except _Unreadable as exc:
        problems.append(Problem(file, exc.row, exc.column, str(exc)))
    except OSError as exc:
        problems.append(Problem(file, None, None, f"cannot read: {exc.strerror or exc}"))
    problems.sort(key=lambda p: (p.row or 0, p.warning))
    return problems


# ── people ───────────────────────────────────────────────────────────────────────

_FORMULA_START = ("=", "+", "-", "@")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ID = re.compile(r"[\w.\-]{1,40}")
_TAG = re.compile(r"[a-z][a-z0-9_]{0,39}")
_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_MASKED = re.compile(r"1[3-9]\d\*{4}\d{4}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
_EXCEL_NUMBER = re.compile(r"\d(?:\.\d+)?[eE]\+\d+")

_UNITS = {_norm(n): u for u in Unit for n in (u.value, u.zh)} | {
    _norm(n): Unit.VILLAGE for n in ("村", "社区", "村社区", "村(社区)")} | {
    "领导班子": Unit.LEADERSHIP, "指挥中心": Unit.COMMAND_CENTRE, "党建": Unit.PARTY_BUILDING}
_CHANNELS = {_norm(n): c for c in Channel for n in (c.value, c.zh)} | {
    "手机": Channel.PHONE, "微信": Channel.WECHAT, "对讲": Channel.RADIO, "广播": Channel.BROADCAST}
_STATUSES = {_norm(n): a for a in Availability for n in (a.value, a.zh, STATUS_NAMES[a])} | {
    "正常": Availability.ON_DUTY, "外出": Availability.ON_LEAVE, "休假": Availability.ON_LEAVE}
_TAG_ALIASES = {_norm(zh): tag for tag, zh in TAG_NAMES.items()} | {
    "应急分队": "emergency_team", "森林防火": "forest_fire_squad", "护林员": "forestry_officer",
    "医生": "medic", "卫生员": "medic", "司机": "driver"}


def parse_unit(text: str) -> Unit | None:
    """A unit by id or Chinese name (民生服务, 村(社区), …)."""
    return _UNITS.get(_norm(text))


def parse_tag(text: str) -> str | None:
    """A skill/tag id from an id or a Chinese name (镇应急分队 → emergency_team)."""
    return _TAG_ALIASES.get(_norm(text)) or (text if _TAG.fullmatch(text) else None)


class _Geography:
    def __init__(self, villages: Iterable[Village], grids: Iterable[Grid]):
        self.villages = {v.id: v for v in villages}
        self.grids = {g.id: g for g in grids}
        self.village_refs = {_norm(r): v.id for v in self.villages.values() for r in (v.id, v.name)}
        self.grid_refs = {_norm(r): g.id for g in self.grids.values() for r in (g.id, g.name)}

    def grid(self, text: str, village: str | None) -> str | None:
        found = self.grid_refs.get(_norm(text))
        if found is None and village is not None:  # 第2网格 / 2 within the person's village
            number = re.fullmatch(r"第?(\d+)(?:网格)?", text.strip())
            if number:
                found = self.grid_refs.get(_norm(f"{village}-{int(number.group(1))}"))
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

    def __call__(self, table: _Table, number: int, values: dict[str, str]) -> None:
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

    def _duplicates(self, table: _Table, number: int, values: dict[str, str],
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
            channel = _CHANNELS.get(_norm(text))
            if channel is None:
                errors.append(("channels", f"unknown channel '{text}' (one of "
                                           + "、".join(c.zh for c in Channel) + ")"))
            elif channel not in channels:
                channels.append(channel)
        status_text = values.get("status", "")
        status = _STATUSES.get(_norm(status_text)) if status_text else Availability.ON_DUTY
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
        village = self.geo.village_refs.get(_norm(text))
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
    problems = _read(path, PEOPLE_COLUMNS, parser)
    problems += [Problem(os.fspath(path), row, None, f"tag '{tag}' is not one the shipped "
                         "plans use (check the spelling)", warning=True)
                 for tag, row in parser.unknown_tags.items()]
    problems.sort(key=lambda p: (p.row or 0, p.warning))
    if any(not p.warning for p in problems):
        return PeopleRead(tuple(problems))
    return PeopleRead(tuple(problems), tuple(parser.people))


# ── duty rota ────────────────────────────────────────────────────────────────────

_KINDS = {_norm(n): k for k in ShiftKind for n in (k.value, _SHIFT_NAMES[k])} | {
    "值守": ShiftKind.DUTY, "带班": ShiftKind.DUTY, "外出": ShiftKind.LEAVE,
    "休假": ShiftKind.LEAVE, "年休假": ShiftKind.LEAVE, "病假": ShiftKind.LEAVE,
    "事假": ShiftKind.LEAVE}
_MOMENT = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def parse_moment(text: str) -> dt.datetime | None:
    """``2026-07-12 02:00`` (also ``2026/7/12 2:00``, ``2026-07-12T02:00``, a bare date)."""
    match = _MOMENT.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def read_shifts(path: str | os.PathLike[str], *, people: Mapping[str, Person]) -> ShiftsRead:
    """Read a duty rota (值班表) whose people must be in ``people``. All or nothing."""
    shifts: list[DutyShift] = []

    def parse_row(table: _Table, number: int, values: dict[str, str]) -> None:
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
        kind = _KINDS.get(_norm(kind_text)) if kind_text else ShiftKind.DUTY
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

    problems = _read(path, SHIFT_COLUMNS, parse_row)
    ok = not any(not p.warning for p in problems)
    return ShiftsRead(tuple(problems), tuple(shifts) if ok else ())


# ── writing ──────────────────────────────────────────────────────────────────────


def field_text(person: Person, key: str, roster: Roster, lang: Lang = "zh") -> str:
    """A person's field as a cell shows it (the import reads it back to the same value)."""
    sep = "、" if lang == "zh" else ";"
    if key == "unit":
        return person.unit.zh if lang == "zh" else person.unit.value
    if key == "village":
        village = roster.village_by_id.get(person.village or "")
        return village.name if lang == "zh" and village else (person.village or "")
    if key == "grids":
        grids = roster.grid_by_id
        return sep.join(grids[g].name if lang == "zh" and g in grids else g
                        for g in person.grids)
    if key == "tags":
        order = {t: i for i, t in enumerate(TAG_NAMES)}
        return sep.join(sorted(person.tags, key=lambda t: (order.get(t, len(order)), t)))
    if key == "channels":
        return sep.join(c.zh if lang == "zh" else c.value for c in person.channels)
    if key == "status":
        return STATUS_NAMES[person.status] if lang == "zh" else person.status.value
    value = getattr(person, key)
    return str(value)


@contextmanager
def _atomic(path: Path, mode: int) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it once written completely."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        os.chmod(tmp, mode)
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _write_table(path: str | os.PathLike[str], header: list[str], rows: Iterable[list[str]],
                 *, title: str | None, sheet: str, mode: int) -> None:
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(none)'}: use .csv or .xlsx")
    with _atomic(target, mode) as tmp:
        if suffix == ".csv":
            # UTF-8 with BOM: Excel on a Chinese Windows then opens it without garbling.
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\r\n")
                if title:
                    writer.writerow([title])
                writer.writerow(header)
                writer.writerows(rows)
            return
        import openpyxl
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

        book = openpyxl.Workbook(write_only=True)
        worksheet = book.create_sheet(sheet)
        for index, name in enumerate(header):
            worksheet.column_dimensions[_column_letter(index)].width = max(10, 2 * len(name) + 4)

        def cells(texts: list[str]) -> list[Any]:
            out = []
            for text in texts:
                cell = WriteOnlyCell(worksheet, value=text or None)
                cell.data_type = "s"  # text, never a formula, even if it starts with '='
                out.append(cell)
            return out

        if title:
            worksheet.append(cells([title]))
        worksheet.append(cells(header))
        for row in rows:
            worksheet.append(cells(row))
        book.save(tmp)


def write_people(path: str | os.PathLike[str], roster: Roster, *, lang: Lang = "zh",
                 title: str | None = None, mode: int = 0o644) -> None:
    """Write the roster's people as .csv (UTF-8 with BOM) or .xlsx, atomically, with an
    optional title row above the header."""
    _write_table(path, [c.label(lang) for c in PEOPLE_COLUMNS],
                 ([field_text(p, c.key, roster, lang) for c in PEOPLE_COLUMNS]
                  for p in roster.people),
                 title=title, sheet="花名册" if lang == "zh" else "roster", mode=mode)


def write_shifts(path: str | os.PathLike[str], roster: Roster, *, lang: Lang = "zh",
                 title: str | None = None, mode: int = 0o644) -> None:
    """Write the roster's duty rota (值班表) as .csv or .xlsx, atomically."""
    def row(shift: DutyShift) -> list[str]:
        person = roster.by_id.get(shift.person)
        kind = _SHIFT_NAMES[shift.kind] if lang == "zh" else shift.kind.value
        return [shift.person, person.name if person else "", kind,
                shift.start.strftime("%Y-%m-%d %H:%M"), shift.end.strftime("%Y-%m-%d %H:%M"),
                shift.note]

    _write_table(path, [c.label(lang) for c in SHIFT_COLUMNS], map(row, roster.shifts),
                 title=title, sheet="值班表" if lang == "zh" else "rota", mode=mode)


# ── preview, import, the stored roster ───────────────────────────────────────────


def diff_people(before: Iterable[Person], after: Iterable[Person]) -> RosterDiff:
    """What replacing ``before`` by ``after`` changes, by id. ``demo`` is not compared."""
    old = {p.id: p for p in before}
    added: list[Person] = []
    changed: list[PersonChange] = []
    unchanged = 0
    seen: set[str] = set()
    for person in after:
        seen.add(person.id)
        previous = old.get(person.id)
        if previous is None:
            added.append(person)
            continue
        fields = tuple(k for k in _PEOPLE_FIELDS if getattr(previous, k) != getattr(person, k))
        if fields:
            changed.append(PersonChange(previous, person, fields))
        else:
            unchanged += 1
    removed = tuple(p for pid, p in old.items() if pid not in seen)
    return RosterDiff(tuple(added), tuple(changed), removed, unchanged)


def import_roster(path: str | os.PathLike[str], base: Roster, *,
                  rota: str | os.PathLike[str] | None = None) -> RosterImport:
    """People from ``path`` (and a duty rota from ``rota``) as a roster on ``base``'s
    villages, grids and hours. Without ``rota`` the base's shifts of the people who
    remain are kept — unless the base is the demo roster, whose rota is demo data."""
    people = read_people(path, villages=base.villages, grids=base.grids)
    if not people.ok:
        return RosterImport(people.problems)
    problems = list(people.problems)
    dropped = 0
    if rota is not None:
        read = read_shifts(rota, people={p.id: p for p in people.people})
        problems += read.problems
        if not read.ok:
            return RosterImport(tuple(problems))
        shifts = read.shifts
    elif base.demo:
        shifts = ()
    else:
        ids = {p.id for p in people.people}
        shifts = tuple(s for s in base.shifts if s.person in ids)
        dropped = len(base.shifts) - len(shifts)
    covered = {g for p in people.people if "grid_worker" in p.tags for g in p.grids}
    uncovered = [g.name for g in base.grids if g.id not in covered]
    if uncovered and len(uncovered) < len(base.grids):
        problems.append(Problem(os.fspath(path), None, None, "no grid worker for "
                                + "、".join(uncovered), warning=True))
    roster = Roster(people.people, base.villages, base.grids, shifts, base.hours,
                    source=os.fspath(path))
    return RosterImport(tuple(problems), roster, dropped)


PEOPLE_FILE = "roster.csv"
ROTA_FILE = "duty-rota.csv"


def save_roster(folder: str | os.PathLike[str], roster: Roster) -> Path:
    """Store a roster as ``roster.csv`` and ``duty-rota.csv`` in ``folder``, each file
    replaced atomically (the rota first) and readable by its owner only (phone numbers);
    returns the people file."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    if roster.shifts:
        write_shifts(target / ROTA_FILE, roster, mode=0o600)
    else:
        (target / ROTA_FILE).unlink(missing_ok=True)
    write_people(target / PEOPLE_FILE, roster, mode=0o600)
    return target / PEOPLE_FILE


def load_roster(folder: str | os.PathLike[str], *, villages: Sequence[Village],
                grids: Sequence[Grid]) -> RosterImport | None:
    """The roster stored by ``save_roster`` in ``folder``, or None if there is none."""
    people_file = Path(folder) / PEOPLE_FILE
    if not people_file.is_file():
        return None
    base = Roster((), tuple(villages), tuple(grids))
    rota = Path(folder) / ROTA_FILE
    return import_roster(people_file, base, rota=rota if rota.is_file() else None)
