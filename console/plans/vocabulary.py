"""The closed vocabularies of the plan format, with their Chinese display names."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Channel", "Hazard", "Lane", "ResourceKind", "Stage", "Status", "Unit"]


class _Named(StrEnum):
    """An enum whose members carry a Chinese display name."""

    @property
    def zh(self) -> str:
        return _ZH[self.value]


class Hazard(_Named):
    FLOOD_DROUGHT = "flood_drought"
    FOREST_FIRE = "forest_fire"
    PETITION = "petition"
    GEOLOGICAL = "geological"
    SNOW_ICE = "snow_ice"
    EARTHQUAKE = "earthquake"
    PUBLIC_HEALTH = "public_health"
    WORK_SAFETY = "work_safety"
    TRAFFIC = "traffic"
    HAZMAT = "hazmat"
    OTHER = "other"


class Status(_Named):
    DRAFT = "draft"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    RETIRED = "retired"


class Lane(_Named):
    """The four-level linkage, top to bottom."""

    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    GRID = "grid"


class Stage(_Named):
    """The event lifecycle 上报 → 受理 → 转办 → 处置 → 反馈."""

    REPORT = "report"
    ACCEPT = "accept"
    ASSIGN = "assign"
    HANDLE = "handle"
    FEEDBACK = "feedback"


class Unit(_Named):
    LEADERSHIP = "leadership"
    COMMAND_CENTRE = "command_centre"
    PARTY_BUILDING = "party_building"
    ECONOMIC_DEVELOPMENT = "economic_development"
    LIVELIHOOD_SERVICES = "livelihood_services"
    SAFETY_RULE_OF_LAW = "safety_rule_of_law"
    VILLAGE = "village"
    DISTRICT = "district"


class Channel(_Named):
    PHONE = "phone"
    SMS = "sms"
    WECHAT = "wechat"
    RADIO = "radio"
    BROADCAST = "broadcast"


class ResourceKind(_Named):
    TEAM = "team"
    MATERIAL = "material"
    VEHICLE = "vehicle"
    EQUIPMENT = "equipment"
    SHELTER = "shelter"
    FUND = "fund"


_ZH = {
    "flood_drought": "防汛抗旱", "forest_fire": "森林防火", "petition": "信访受理",
    "geological": "地质灾害", "snow_ice": "低温雨雪冰冻", "earthquake": "地震",
    "public_health": "突发公共卫生事件", "work_safety": "安全生产", "traffic": "道路交通",
    "hazmat": "危险化学品", "other": "其他",
    "draft": "草稿", "reviewed": "已审核", "approved": "已批准", "retired": "已废止",
    "city": "区(市)", "town": "镇", "village": "村(社区)", "grid": "网格",
    "report": "上报", "accept": "受理", "assign": "转办", "handle": "处置", "feedback": "反馈",
    "leadership": "镇领导班子", "command_centre": "基层治理指挥中心", "party_building": "党的建设",
    "economic_development": "经济发展", "livelihood_services": "民生服务",
    "safety_rule_of_law": "平安法治", "district": "区级部门",
    "phone": "电话", "sms": "短信", "wechat": "微信群", "radio": "对讲机", "broadcast": "应急广播",
    "team": "队伍", "material": "物资", "vehicle": "车辆", "equipment": "装备",
    "shelter": "避难场所", "fund": "资金",
}
