"""The roster spreadsheets' vocabulary: their columns and the names cells use.

People files have the columns of ``PEOPLE_COLUMNS`` (编号, 姓名, 手机, 单位, …; the
English ids ``id``, ``name``, ``phone``, … work too); duty-rota files have those of
``SHIFT_COLUMNS``. A cell's text maps to a value (``parse_unit``, ``parse_tag``,
``parse_moment``) and a value back to the text (``field_text``), in Chinese or English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from console.plans.vocabulary import Unit
from console.roster.model import Availability, Person, Roster, ShiftKind

__all__ = [
    "PEOPLE_COLUMNS",
    "SHIFT_COLUMNS",
    "SHIFT_NAMES",
    "STATUS_NAMES",
    "SUFFIXES",
    "TAG_NAMES",
    "Column",
    "Lang",
    "column_letter",
    "field_text",
    "norm",
    "parse_moment",
    "parse_tag",
    "parse_unit",
]

Lang = Literal["zh", "en"]

SUFFIXES = (".csv", ".xlsx")

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
SHIFT_NAMES = {ShiftKind.DUTY: "值班", ShiftKind.LEAVE: "请假"}


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


def norm(text: str) -> str:
    return (text.strip().lower().replace(" ", "").replace("（", "(").replace("）", ")")
            .replace("／", "/").replace("_", ""))


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_TAG = re.compile(r"[a-z][a-z0-9_]{0,39}")

_UNITS = {norm(n): u for u in Unit for n in (u.value, u.zh)} | {
    norm(n): Unit.VILLAGE for n in ("村", "社区", "村社区", "村(社区)")} | {
    "领导班子": Unit.LEADERSHIP, "指挥中心": Unit.COMMAND_CENTRE, "党建": Unit.PARTY_BUILDING}
_TAG_ALIASES = {norm(zh): tag for tag, zh in TAG_NAMES.items()} | {
    "应急分队": "emergency_team", "森林防火": "forest_fire_squad", "护林员": "forestry_officer",
    "医生": "medic", "卫生员": "medic", "司机": "driver"}


def parse_unit(text: str) -> Unit | None:
    """A unit by id or Chinese name (民生服务, 村(社区), …)."""
    return _UNITS.get(norm(text))


def parse_tag(text: str) -> str | None:
    """A skill/tag id from an id or a Chinese name (镇应急分队 → emergency_team)."""
    return _TAG_ALIASES.get(norm(text)) or (text if _TAG.fullmatch(text) else None)


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
